"""How many times `quotebot db upgrade` from revision 0001 writes each stored row into the index.

An archive is built at the first revision with N quotations (invented words, five to an article,
written as the first quotebot wrote them), then upgraded to the head revision the way `quotebot
db upgrade` does it. Every write to the candidate index is counted per row (both index classes'
`add` are wrapped), the index tables are read back, and the upgrade is timed. The target is one
write per quotation and per paragraph: revisions carry their own DDL, and the index is filled
once, at the end, by the versioned reindex step.

    .venv/bin/python bench/upgrade.py                      # SQLite, 10,000 quotations
    .venv/bin/python bench/upgrade.py --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import secrets
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable

import verify_postgres
from sqlalchemy import Connection, text

from store.db import schema
from store.db.engine import create_archive_engine
from store.search.index import PARAGRAPHS, QUOTATIONS, PostgresIndex, SQLiteIndex

QUOTATIONS_PER_ARTICLE = 5
#: Invented words for invented quotations.
WORDS = (
    "ferry pier harbour council budget tide bridge crane quay levy tram depot grant vote "
    "repair winter spring market toll lantern ledger signal beacon harvest orchard meadow "
    "we will not can should never always again before after until every nobody somebody "
    "build open close raise lower carry fund delay promise answer wait sail mend"
).split()
SPEAKERS = ("Rob Hale", "Ada Quill", "Osric Penhallow", "Harriet Vale", "Dez Hartigan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotations", type=int, default=10_000)
    parser.add_argument("--postgres", metavar="URL", help="also run on this PostgreSQL server")
    options = parser.parse_args()
    written = _count_index_writes()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        rows.append(_run("sqlite", f"sqlite:///{folder}/archive.sqlite3", options, written))
    if options.postgres:
        name = f"quotebot_bench_upgrade_{secrets.token_hex(4)}"
        url = verify_postgres.create(options.postgres, name)
        try:
            rows.append(_run("postgresql", url, options, written))
        finally:
            verify_postgres.drop(options.postgres, name)
    _print(rows)
    if any(row["most writes of a row"] != 1 or not row["index complete"] for row in rows):
        sys.exit(1)


def _run(
    database: str, url: str, options: argparse.Namespace, written: Counter[tuple[str, int]]
) -> dict[str, object]:
    engine = create_archive_engine(url)
    schema.upgrade(engine, "0001")
    with engine.begin() as connection:
        articles = _fill_first_revision(connection, options.quotations)
    written.clear()
    started = time.perf_counter()
    schema.upgrade(engine)
    seconds = time.perf_counter() - started
    with engine.connect() as connection:
        quotation_ids = _ids(connection, "quotations", "id")
        paragraph_ids = _ids(connection, "paragraphs", "id")
        key = "rowid" if database == "sqlite" else "id"
        complete = _ids(connection, QUOTATIONS, key) == quotation_ids and (
            _ids(connection, PARAGRAPHS, key) == paragraph_ids
        )
    engine.dispose()
    writes = [count for (table, _), count in written.items() if table == QUOTATIONS]
    return {
        "database": database,
        "articles": articles,
        "quotations": len(quotation_ids),
        "paragraphs": len(paragraph_ids),
        "quotation writes": sum(writes),
        "paragraph writes": sum(c for (t, _), c in written.items() if t == PARAGRAPHS),
        "most writes of a row": max(written.values(), default=0),
        "index complete": complete,
        "upgrade s": f"{seconds:.2f}",
    }


def _count_index_writes() -> Counter[tuple[str, int]]:
    written: Counter[tuple[str, int]] = Counter()
    for kind in (SQLiteIndex, PostgresIndex):

        def add(
            index: SQLiteIndex | PostgresIndex,
            connection: Connection,
            rows: Iterable[tuple[int, str]],
            original: Callable[..., object] = kind.add,
        ) -> object:
            rows = list(rows)
            written.update((index.table, key) for key, _ in rows)
            return original(index, connection, rows)

        kind.add = add  # type: ignore[method-assign]
    return written


def _fill_first_revision(connection: Connection, quotations: int) -> int:
    """Articles and quotations as the first quotebot stored them; returns how many articles."""
    rng = random.Random(16)
    now = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    articles = -(-quotations // QUOTATIONS_PER_ARTICLE)
    article_rows, quotation_rows = [], []
    for article_id in range(1, articles + 1):
        paragraphs = [f"Dispatch {article_id} from the harbour, where " + _words(rng, 20) + "."]
        spans = []
        for _ in range(min(QUOTATIONS_PER_ARTICLE, quotations - len(quotation_rows) - len(spans))):
            quote = _words(rng, rng.randint(8, 20)).capitalize()
            start = sum(len(p) + 2 for p in paragraphs) + 1
            paragraphs.append(f'"{quote}," said {rng.choice(SPEAKERS)}.')
            spans.append((quote, start, start - 1, start - 1 + len(paragraphs[-1])))
            paragraphs.append(_words(rng, 30).capitalize() + ".")
        story = "\n\n".join(paragraphs)
        article_rows.append(
            {"id": article_id, "url": f"https://courier.example/{article_id}", "text": story}
        )
        for quote, start, context_start, context_end in spans:
            key = len(quotation_rows) + 1
            quotation_rows.append(
                {
                    "id": key,
                    "article": article_id,
                    "text": quote,
                    "start": start,
                    "end": start + len(quote),
                    "context_start": context_start,
                    "context_end": context_end,
                    "fingerprint": f"f{key}",
                }
            )
    connection.execute(
        text(
            "INSERT INTO articles (id, title, url, url_key, content_hash, text, source,"
            " ingested_at) VALUES (:id, 'Dispatch', :url, :url_key, :hash, :text, 'bench', :now)"
        ),
        [
            {**row, "url_key": row["url"][8:], "hash": f"{row['id']:064d}", "now": now}
            for row in article_rows
        ],
    )
    connection.execute(
        text(
            "INSERT INTO quotations (id, article_id, text, start_offset, end_offset,"
            " context_start, context_end, kind, fingerprint) VALUES (:id, :article, :text,"
            " :start, :end, :context_start, :context_end, 'direct', :fingerprint)"
        ),
        quotation_rows,
    )
    return articles


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _ids(connection: Connection, table: str, key: str) -> list[int]:
    return sorted(connection.execute(text(f"SELECT {key} FROM {table}")).scalars())


def _print(rows: list[dict[str, object]]) -> None:
    columns = list(rows[0])
    widths = [max(len(c), *(len(str(row[c])) for row in rows)) for c in columns]
    print("  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row[c]).rjust(w) for c, w in zip(columns, widths, strict=True)))
    head = schema.head_revision()
    print(f"target: each quotation and paragraph written to the index once (head {head})")


if __name__ == "__main__":
    main()

"""How fast a bulk import could be on this machine: where a Quotebank line's CPU goes.

Usage:
    python bench/bulk_ceiling.py [--quotations 100000] [--db postgresql+psycopg://user@host/db]

bench/bulk.py measures the import's rate; this says what bounds it. For a Quotebank-format dump
(bench/bulk.py's data maker) imported with `quotebot ingest DUMP --jobs <cores>`, it prints
the CPU each line cost, in microseconds:

- quotebot: the ingest process and its worker processes (on SQLite, the database's work too:
  SQLite runs inside the process that stores);
- server: PostgreSQL's processes (every process of the server's user, read from /proc before
  and after, so only on a server of this machine);
- database alone (SQLite): the same rows written again by SQLite with no Python per row (`INSERT
  ... SELECT` from the imported archive into a fresh one, the index terms made beforehand, in
  transactions of store.ingest.BATCH_ARTICLES like the import's, the archive's own pragmas).

- least Python: what no importer written in Python can skip for a line, timed alone in this
  process: decompressing it, parsing its JSON, its content hash and index terms (the functions
  quotebot stores), and pickling that as one flat tuple to another process and back;

and from them the ceilings: all cores busy with nothing but this work (`cores / CPU a line`),
today's and with quotebot's own work cut to the least Python; and one writer doing nothing but
the database's work (SQLite has one writer; its work on one core bounds any import, however
the rest is spread).
"""

from __future__ import annotations

import argparse
import bz2
import json
import os
import pickle
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import verify_postgres
from bulk import TARGET_IMPORT_PER_S, _compiled, _write_dump, timed_ingest

from store.db.engine import SQLITE_PRAGMAS
from store.ingest import BATCH_ARTICLES
from store.normalise import content_hash
from store.search.grams import index_terms

#: The tables a Quotebank line fills, in the order the bulk writer fills them.
_TABLES = ("outlets", "speakers", "speaker_aliases", "articles", "quotations", "paragraphs")
_INDEX = "quotation_grams"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _compiled()
    cores = os.cpu_count() or 1
    rows = []
    least = 0.0
    with tempfile.TemporaryDirectory(prefix="quotebot-bench-ceiling-") as folder_name:
        folder = Path(folder_name)
        dump = folder / "quotebank.json.bz2"
        _say(f"writing a Quotebank-format dump of {args.quotations:,} quotations")
        _write_dump(dump, args.quotations)
        least = _least_python(dump)
        archive = folder / "imported.sqlite3"
        seconds, client = timed_ingest(f"sqlite:///{archive}", dump, cores)
        alone = _replayed(archive, folder / "replayed.sqlite3") / args.quotations
        rows.append(("sqlite", seconds, client / args.quotations, 0.0, alone))
        if args.db:
            name = f"quotebot_bench_ceiling_{time.monotonic_ns()}"
            url = verify_postgres.create(args.db, name)
            try:
                before = _server_cpu()
                seconds, client = timed_ingest(url, dump, cores)
                server = (_server_cpu() - before) / args.quotations
                rows.append(("postgresql", seconds, client / args.quotations, server, None))
            finally:
                verify_postgres.drop(args.db, name)
    _print(rows, args.quotations, cores, least)
    return 0


def _least_python(dump: Path) -> float:
    """CPU seconds a line of the dump costs at the least in Python (see the module's text)."""
    started = time.process_time()
    with bz2.open(dump) as lines:
        rows = []
        for line in lines:
            record = json.loads(line)
            quoted = record["quotation"]
            terms = " ".join(index_terms(quoted).terms)
            rows.append((quoted, record["speaker"], record["urls"][0], content_hash(quoted), terms))
    pickle.loads(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))
    return (time.process_time() - started) / len(rows)


def _server_cpu() -> float:
    """CPU seconds so far of every `postgres` process of this machine and of those that ended
    (the server's backends, and its writers and autovacuum, which work for the import too)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        if name.startswith("postgres"):
            fields = stat[stat.rindex(")") + 2 :].split()
            # utime, stime, and cutime, cstime: the backends that ended (the server reaped them)
            total += sum(int(field) for field in fields[11:15])
    return total / ticks


def _replayed(archive: Path, fresh: Path) -> float:
    """CPU seconds SQLite takes to write the archive's rows and index terms again into an empty
    archive of the same schema, with no Python per row."""
    terms = fresh.with_name("terms.sqlite3")
    with sqlite3.connect(archive) as source, sqlite3.connect(terms) as made:
        made.execute("CREATE TABLE terms (id INTEGER PRIMARY KEY, grams TEXT)")
        made.executemany(
            "INSERT INTO terms VALUES (?, ?)",
            (
                (key, " ".join(index_terms(quoted).terms))
                for key, quoted in source.execute("SELECT id, text FROM quotations")
            ),
        )
        schema = [
            sql
            for (sql,) in source.execute(
                # The FTS5 tables' own tables (`quotation_grams_data`, ...) made by the FTS5 tables.
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('table', "
                "'index') AND name NOT LIKE '%grams\\_%' ESCAPE '\\' ORDER BY rowid"
            )
        ]
        last = source.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
        batches = [
            (first, first + BATCH_ARTICLES - 1, *source.execute(
                "SELECT min(id), max(id) FROM quotations WHERE article_id BETWEEN ? AND ?",
                (first, first + BATCH_ARTICLES - 1),
            ).fetchone())
            for first in range(1, last + 1, BATCH_ARTICLES)
        ]  # fmt: skip
    database = sqlite3.connect(fresh, isolation_level=None)
    for pragma in SQLITE_PRAGMAS:
        database.execute(pragma)
    for sql in schema:
        database.execute(sql)
    database.execute("ATTACH DATABASE ? AS source", (str(archive),))
    database.execute("ATTACH DATABASE ? AS made", (str(terms),))
    # The import's page cache while it writes a batch (store.bulk._SQLITE_BATCH_CACHE_KIB).
    database.execute("PRAGMA main.cache_size = -65536")
    started = time.process_time()
    for table in _TABLES[:3]:
        database.execute(f"INSERT INTO main.{table} SELECT * FROM source.{table}")
    for first, last_article, first_quotation, last_quotation in batches:
        bounds = {"first": first, "last": last_article}
        database.execute("BEGIN")
        for table in _TABLES[3:]:
            key = "id" if table == "articles" else "article_id"
            database.execute(
                f"INSERT INTO main.{table} SELECT * FROM source.{table} "
                f"WHERE {key} BETWEEN :first AND :last",
                bounds,
            )
        database.execute(
            f"INSERT INTO main.{_INDEX} (rowid, grams) SELECT id, grams FROM made.terms "
            "WHERE id BETWEEN ? AND ?",
            (first_quotation, last_quotation),
        )
        database.execute("COMMIT")
    cpu = time.process_time() - started
    database.close()
    return cpu


def _print(rows: list[tuple], quotations: int, cores: int, least: float) -> None:
    print()
    print(f"{quotations:,} Quotebank lines, `quotebot ingest DUMP --jobs {cores}` on {cores} cores")
    print(f"least Python a line (decompress, parse, hash, terms, pickle): {least * 1e6:.0f} µs")
    print()
    print(
        "| database | import /s | quotebot µs a line | server µs a line | all cores' ceiling /s "
        "| database alone µs a line | one writer's ceiling /s | ceiling, least Python /s "
        "| target |"
    )
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for system, seconds, client, server, alone in rows:
        # On SQLite the database's work is the ingest process's own: the least an import
        # costs is the least Python and SQLite's work alone; on PostgreSQL, and the server's.
        database = server if alone is None else alone
        print(
            f"| {system} | {quotations / seconds:,.0f} | {client * 1e6:.0f} | {server * 1e6:.0f} "
            f"| {cores / (client + server):,.0f} "
            f"| {'' if alone is None else f'{alone * 1e6:.0f}'} "
            f"| {'' if alone is None else f'{1 / alone:,.0f}'} "
            f"| {cores / (least + database):,.0f} | ≥ {TARGET_IMPORT_PER_S:,} |"
        )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotations", type=int, default=100_000)
    parser.add_argument("--db", metavar="URL", help="a PostgreSQL server of this machine too")
    return parser


def _say(message: str) -> None:
    print(f"bench/bulk_ceiling: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())

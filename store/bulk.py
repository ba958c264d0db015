"""Storing many prepared articles in one transaction: the bulk path of ingest.

One transaction per batch, so a killed import leaves whole batches only and running it again
stores what is missing (each article is recognised by its URL key and text hash, as one at a
time). The large tables (articles, quotations, paragraphs and the two index tables) are sent
with PostgreSQL's `COPY` (psycopg's `cursor.copy`) or, on SQLite, one `executemany` per table;
their ids are taken from the table's sequence (PostgreSQL) or after its largest id (SQLite,
where the batch holds the write lock). Outlets, speakers and aliases are looked up for the
whole batch and only the new ones inserted, in the order the per-article writer would create
them, so that the same input gives the same ids however it is cut into batches.

A row another process stored meanwhile (two ingests of one article at the same time) fails
the batch with a unique violation; ingest then stores that batch one article at a time
(store.archive.Archive.add), which settles such races.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, insert, select, text

from store.article import AddedVia
from store.db.engine import archive_errors, for_writing
from store.db.models import ArticleRow, OutletRow, SpeakerAliasRow, SpeakerRow
from store.prepared import JoinedTerms, Named, PreparedArticle
from store.search.index import PARAGRAPHS, QUOTATIONS, empty_pending_list, owns_index
from store.search.term_hashes import array_literal
from store.unstorable import storable

#: How large a PostgreSQL index's pending list may grow while a batch writes its terms.
_PENDING_LIST = "256MB"
#: SQLite's page cache while a batch is written, in KiB (store_batch's `_page_cache`).
_SQLITE_BATCH_CACHE_KIB = 65_536
#: Values bound in one `IN (...)` lookup: SQLite allows 32,766 in one statement.
_LOOKUP_CHUNK = 500
_QUOTATION_COLUMNS = (
    "id", "article_id", "text", "start_offset", "end_offset", "context_start", "context_end",
    "kind", "speaker_id", "speaker_as_written", "speaker_role", "reported_to", "via",
    "fingerprint", "speaker_found_by", "speaker_evidence", "speaker_confidence", "speaker_rule",
)  # fmt: skip
_ARTICLE_COLUMNS = (
    "id", "outlet_id", "title", "url", "url_key", "content_hash", "published", "byline", "text",
    "source", "external_id", "ingested_at",
)  # fmt: skip
#: Written only when an article of the batch has them (as the per-article writer does: the rows
#: of other articles are as before revisions 0006 and 0008, whose `added_via` default is "cli").
_CLAIM_COLUMNS = ("claimed_url", "claimed_outlet")
_ADDED_VIA_COLUMNS = ("added_via",)


@dataclass(frozen=True)
class Stored:
    """What the batch did with one article: its id, and whether it was already stored."""

    article_id: int
    duplicate: bool
    quotations: int


@dataclass
class Written:
    """The rows one import wrote, to check the index against at its end."""

    first_quotation: int | None = None
    first_paragraph: int | None = None

    def tables(self) -> tuple[tuple[str, str, int | None], ...]:
        """(index table, table, first id written) of the quotations and of the paragraphs."""
        return (
            (QUOTATIONS, "quotations", self.first_quotation),
            (PARAGRAPHS, "paragraphs", self.first_paragraph),
        )

    def note(self, quotations: list[int], paragraphs: list[int]) -> None:
        if quotations and self.first_quotation is None:
            self.first_quotation = quotations[0]
        if paragraphs and self.first_paragraph is None:
            self.first_paragraph = paragraphs[0]


def store_batch(
    engine: Engine, batch: Sequence[PreparedArticle], written: Written | None = None
) -> list[Stored]:
    """Store the batch's articles (those not already in the archive) in one transaction."""
    with (
        archive_errors(engine),
        for_writing(engine).connect() as connection,
        _page_cache(connection),
        connection.begin(),
    ):
        return _BatchWriter(connection).store(batch, written)


@contextlib.contextmanager
def _page_cache(connection: Connection) -> Iterator[None]:
    """On SQLite, a page cache of _SQLITE_BATCH_CACHE_KIB for the batch's transaction, and the
    connection's own again once it has committed (or rolled back).

    A batch changes pages all over the two unique keys on hashes and the other indexes of the
    articles and quotations; with SQLite's default cache (2 MB) the transaction spilled changed
    pages to the write-ahead log and read them back, again and again. The pages are the same
    either way: only the memory this connection uses while it writes differs."""
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    before = driver.execute("PRAGMA cache_size").fetchone()[0]
    driver.execute(f"PRAGMA cache_size = -{_SQLITE_BATCH_CACHE_KIB}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size = {int(before)}")


def check_index(engine: Engine, written: Written) -> list[str]:
    """What is wrong with the candidate index for the rows stored since `written` began: rows
    it misses and entries pointing at no row; one line each, none when consistent."""
    problems = []
    with archive_errors(engine), engine.connect() as connection:
        key = "rowid" if connection.dialect.name == "sqlite" else "id"
        for index, table, first in written.tables():
            if first is None:
                continue
            missing = connection.scalar(
                text(
                    f"SELECT count(*) FROM {table} t WHERE t.id >= :first AND NOT EXISTS "
                    f"(SELECT 1 FROM {index} g WHERE g.{key} = t.id)"
                ),
                {"first": first},
            )
            stray = connection.scalar(
                text(
                    f"SELECT count(*) FROM {index} g WHERE g.{key} >= :first AND NOT EXISTS "
                    f"(SELECT 1 FROM {table} t WHERE t.id = g.{key})"
                ),
                {"first": first},
            )
            if missing or stray:
                problems.append(
                    f"the search index misses {missing:,} {table} and holds {stray:,} entries "
                    "of none; `quotebot db reindex` rebuilds it"
                )
    return problems


def share_written(engine: Engine, written: Written) -> float:
    """How much of the archive's quotations or paragraphs (the larger share of the two) was
    stored since `written` began. Ids are handed out in order, so the rows since the first one
    written are the ids from it to the largest; the largest id stands for the table's rows
    (deleted rows aside), read from its primary key rather than counted."""
    shares = [0.0]
    with archive_errors(engine), engine.connect() as connection:
        for _, table, first in written.tables():
            if first is None:
                continue
            newest = connection.scalar(text(f"SELECT max(id) FROM {table}"))
            if newest:
                shares.append((newest - first + 1) / newest)
    return max(shares)


class _BatchWriter:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.postgres = connection.dialect.name == "postgresql"
        self.driver = connection.connection.driver_connection

    def store(self, batch: Sequence[PreparedArticle], written: Written | None) -> list[Stored]:
        existing = self._stored_articles(batch)
        results: list[Stored | None] = []
        new: list[PreparedArticle] = []
        seen_urls: dict[str, int] = {}
        seen_digests: dict[str, int] = {}
        for position, item in enumerate(batch):
            earlier = _first(
                existing.get(("url", item.url)) if item.url is not None else None,
                existing.get(("hash", item.digest)),
                seen_urls.get(item.url) if item.url is not None else None,
                seen_digests.get(item.digest),
            )
            if earlier is not None:
                results.append(Stored(earlier, duplicate=True, quotations=0))
                continue
            # Marked by position for now; the id is known once taken.
            if item.url is not None:
                seen_urls[item.url] = -1 - position
            seen_digests[item.digest] = -1 - position
            results.append(None)
            new.append(item)
        if new:
            ids = self._store_new(new, written)
            by_position = iter(ids)
            placed = {}
            for position, result in enumerate(results):
                if result is None:
                    article_id = next(by_position)
                    placed[-1 - position] = article_id
                    results[position] = Stored(
                        article_id, duplicate=False, quotations=len(batch[position].quotations)
                    )
            for position, result in enumerate(results):
                if result is not None and result.duplicate and result.article_id < 0:
                    results[position] = Stored(placed[result.article_id], True, 0)
        return [result for result in results if result is not None]

    def _stored_articles(self, batch: Sequence[PreparedArticle]) -> dict[tuple[str, str], int]:
        urls = sorted({item.url for item in batch if item.url is not None})
        digests = sorted({item.digest for item in batch})
        found: dict[tuple[str, str], int] = {}
        for kind, column, values in (("url", "url_key", urls), ("hash", "content_hash", digests)):
            for chunk in _chunks(values, _LOOKUP_CHUNK):
                for article_id, value in self._articles_where(column, chunk):
                    key = (kind, value)
                    found[key] = min(found.get(key, article_id), article_id)
        return found

    def _articles_where(self, column: str, values: Sequence[str]) -> list[tuple[int, str]]:
        """(id, value) of each stored article whose `column` is one of `values`: through the
        driver, as SQLAlchemy compiled each of these lookups (two for every 500 articles of a
        batch) anew, for `IN` lists, at a cost above the lookup's own.

        On PostgreSQL each lookup is planned for its own values, never prepared: psycopg
        prepares a statement run five times, and PostgreSQL's generic plan for `= ANY($1)`
        scanned the table comparing each row with every value (a plan for the values at hand
        hashes them, or reads the unique index): 35 s of the server's CPU for 100,000
        Quotebank lines of 56, growing with the square of the archive."""
        cursor = self.driver.cursor()
        if self.postgres:
            cursor.execute(
                f"SELECT id, {column} FROM articles WHERE {column} = ANY(%s)",
                (list(values),),
                prepare=False,
            )
        else:
            marks = ", ".join("?" * len(values))
            cursor.execute(f"SELECT id, {column} FROM articles WHERE {column} IN ({marks})", values)
        return cursor.fetchall()

    def _store_new(self, new: list[PreparedArticle], written: Written | None) -> list[int]:
        outlets = self._ids_of(OutletRow, [item.outlet for item in new if item.outlet])
        speakers = self._ids_of(SpeakerRow, [name for item in new for name in item.speakers])
        article_ids = self._take_ids("articles", len(new))
        claims = any(item.article.claimed_url or item.article.claimed_outlet for item in new)
        not_cli = any(item.article.added_via != AddedVia.CLI for item in new)
        now = dt.datetime.now(dt.UTC)
        articles, quotations, paragraphs = [], [], []
        quotation_terms, paragraph_terms = [], []
        for article_id, item in zip(article_ids, new, strict=True):
            articles.append(_article_values(item, article_id, outlets, now, claims, not_cli))
            for quotation in item.quotations:
                row = quotation.row
                speaker = speakers[quotation.speaker] if quotation.speaker is not None else None
                quotations.append(
                    (
                        article_id, row["text"], row["start_offset"], row["end_offset"],
                        row["context_start"], row["context_end"], row["kind"].value, speaker,
                        row["speaker_as_written"], row["speaker_role"], row["reported_to"],
                        row["via"], row["fingerprint"], row["speaker_found_by"],
                        row["speaker_evidence"], row["speaker_confidence"], row["speaker_rule"],
                    )
                )  # fmt: skip
                quotation_terms.append(quotation.terms)
            for paragraph in item.paragraphs:
                paragraphs.append((article_id, paragraph.start, paragraph.end))
                paragraph_terms.append(paragraph.terms)
        quotation_ids = self._take_ids("quotations", len(quotations))
        paragraph_ids = self._take_ids("paragraphs", len(paragraphs))
        columns = (
            _ARTICLE_COLUMNS
            + (_CLAIM_COLUMNS if claims else ())
            + (_ADDED_VIA_COLUMNS if not_cli else ())
        )
        self._write("articles", columns, articles)
        self._write(
            "quotations",
            _QUOTATION_COLUMNS,
            [(key, *row) for key, row in zip(quotation_ids, quotations, strict=True)],
        )
        self._write(
            "paragraphs",
            ("id", "article_id", "start_offset", "end_offset"),
            [(key, *row) for key, row in zip(paragraph_ids, paragraphs, strict=True)],
        )
        self._index(QUOTATIONS, quotation_ids, quotation_terms)
        self._index(PARAGRAPHS, paragraph_ids, paragraph_terms)
        self._add_aliases(new, speakers)
        if written is not None:
            written.note(quotation_ids, paragraph_ids)
        return article_ids

    def _ids_of(self, model: type[OutletRow | SpeakerRow], names: list[Named]) -> dict[str, int]:
        """The id of each outlet or speaker by key, the new ones created in the order given."""
        wanted = list(dict.fromkeys(name.key for name in names))
        found: dict[str, int] = {}
        for chunk in _chunks(wanted, _LOOKUP_CHUNK):
            found.update(
                (key, id_)
                for id_, key in self.connection.execute(
                    select(model.id, model.name_key).where(model.name_key.in_(chunk))
                )
            )
        first_names = {}
        for name in names:
            if name.key not in found:
                first_names.setdefault(name.key, name.name)
        if first_names:
            created = self.connection.execute(
                insert(model).returning(model.id, sort_by_parameter_order=True),
                [{"name": name, "name_key": key} for key, name in first_names.items()],
            ).scalars()
            found.update(zip(first_names, created, strict=True))
        return found

    def _add_aliases(self, new: list[PreparedArticle], speakers: dict[str, int]) -> None:
        rows: dict[tuple[int, str, str], str] = {}
        for item in new:
            # Sorted within each article, as the per-article writer inserts them.
            for speaker_id, kind, key, alias in sorted(
                (speakers[speaker], kind, key, alias) for speaker, kind, key, alias in item.aliases
            ):
                rows.setdefault((speaker_id, kind, key), alias)
        if not rows:
            return
        known = set()
        table = SpeakerAliasRow.__table__
        for chunk in _chunks(sorted({speaker for speaker, _, _ in rows}), _LOOKUP_CHUNK):
            known.update(
                self.connection.execute(
                    select(table.c.speaker_id, table.c.kind, table.c.alias_key).where(
                        table.c.speaker_id.in_(chunk)
                    )
                )
            )
        fresh = [
            {"speaker_id": speaker, "kind": kind, "alias_key": key, "alias": alias}
            for (speaker, kind, key), alias in rows.items()
            if (speaker, kind, key) not in known
        ]
        if fresh:
            self.connection.execute(insert(table), fresh)

    def _take_ids(self, table: str, count: int) -> list[int]:
        """`count` new ids for `table`, ascending: from its sequence on PostgreSQL, after its
        largest on SQLite (the batch holds SQLite's write lock: nobody else takes them)."""
        if count == 0:
            return []
        if self.postgres:
            # The sequence found once (a materialized CTE), not for each id: a function call
            # in the select list runs for every row, and finding the sequence by name cost
            # 5 us an id against 0.6 us for nextval itself (4 % of the server's CPU).
            return sorted(
                self.connection.scalars(
                    text(
                        "WITH s AS MATERIALIZED (SELECT "
                        f"pg_get_serial_sequence('{table}', 'id')::regclass AS sequence) "
                        "SELECT nextval(s.sequence) FROM s, generate_series(1, :count)"
                    ),
                    {"count": count},
                )
            )
        last = self.connection.scalar(text(f"SELECT coalesce(max(id), 0) FROM {table}"))
        return list(range(last + 1, last + 1 + count))

    def _write(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if self.postgres:
            statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
            with self.driver.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
            return
        if table == "articles":  # dates and times as SQLAlchemy writes them on SQLite
            rows = _bound(self.connection, ArticleRow.__table__, columns, rows)
        marks = ", ".join("?" * len(columns))
        self.driver.cursor().executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
        )

    def _index(self, table: str, ids: list[int], terms: list[JoinedTerms]) -> None:
        """Every row's terms in the candidate index (an empty entry for a row of no words)."""
        if not ids:
            return
        if self.postgres:
            rows = [
                (key, t.numbers if t.numbers is not None else array_literal(t.terms))
                for key, t in zip(ids, terms, strict=True)
            ]
            index = f"ix_{table}_grams"
            if not owns_index(self.connection, index):
                self._write(table, ("id", "grams"), rows)
                return
            # The batch's entries gather in GIN's pending list, all of them, and are merged
            # into the index once, sorted, before the batch commits: a third of what one entry
            # at a time costs, and no lock a check waits for (store.search.index.PostgresIndex).
            self.connection.exec_driver_sql(f"SET LOCAL gin_pending_list_limit = '{_PENDING_LIST}'")
            self._write(table, ("id", "grams"), rows)
            empty_pending_list(self.connection, index)
            return
        self.driver.cursor().executemany(
            f"INSERT INTO {table}(rowid, grams) VALUES (?, ?)",
            [(key, t.joined) for key, t in zip(ids, terms, strict=True)],
        )


def _article_values(
    item: PreparedArticle,
    article_id: int,
    outlets: dict[str, int],
    now: dt.datetime,
    claims: bool,
    not_cli: bool,
) -> tuple[Any, ...]:
    article = item.article
    values = (
        article_id,
        outlets[item.outlet.key] if item.outlet else None,
        article.title,
        article.url,
        item.url,
        item.digest,
        article.published,
        article.byline,
        article.text,
        storable(article.source),
        None if article.external_id is None else str(article.external_id),
        now,
    )
    return (
        values
        + ((article.claimed_url, article.claimed_outlet) if claims else ())
        + ((str(article.added_via),) if not_cli else ())
    )


def _bound(
    connection: Connection, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """The rows with each value as SQLAlchemy's type for its column sends it to this database
    (a date as SQLite's text), for the driver's own `executemany`: the rows are the same as
    SQLAlchemy's `insert` writes, without its cost per row."""
    dialect = connection.dialect
    processors = [table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    if not any(processors):
        return rows
    # Column by column: such a column holds few distinct values (one time of storing for the
    # batch, a date per day), each converted once.
    values = list(zip(*rows, strict=True))
    for position, process in enumerate(processors):
        if process is not None:
            column = values[position]
            converted = {value: process(value) for value in set(column) if value is not None}
            values[position] = tuple(map(converted.get, column))  # None stays None
    return list(zip(*values, strict=True))


def _first(*candidates: int | None) -> int | None:
    return next((candidate for candidate in candidates if candidate is not None), None)


def _chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]

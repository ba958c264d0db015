"""The candidate index: which quotations hold a given word or pair of words.

Each database keeps it with its own machinery: an FTS5 table in SQLite, an array of the terms'
numbers (store.search.term_hashes) under a GIN index in PostgreSQL. quotebot writes a
quotation's terms in the same transaction as the quotation, so the index never lags the archive.

A lookup reads a few terms at once (one round trip to a database server) and never more than
`limit` rows of each: a term that many quotations share ("the", "said_that") is skipped as too
common, so a check costs the same on a thousand quotations or a million.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection, select, text

from store.db.models import IndexTermCountRow
from store.search.grams import JOIN, Terms, index_terms
from store.search.term_hashes import term_hash, term_hashes
from store.search.words import spoken

#: The index tables, for quotations and for article paragraphs; migrations create them and
#: `store.db.schema` leaves them out of model checks.
QUOTATIONS = "quotation_grams"
PARAGRAPHS = "paragraph_grams"
TABLES = (QUOTATIONS, PARAGRAPHS)
#: How SQLite begins the message of a full-text query it cannot read.
_FTS5_QUERY_ERROR = "fts5: "


class CandidateIndex(Protocol):
    #: Terms worth reading in one lookup: more cost little where a lookup is a round trip to a
    #: server, and are wasted where the caller may stop after any one of them.
    batch: int
    #: Rows, those with the most votes, ranked again by every pair of a query they hold when
    #: the votes cannot tell them apart (store.search.candidates): as many as `held` reads in
    #: a millisecond or two.
    ranked_again: int

    def add(self, connection: Connection, rows: Iterable[tuple[int, str]]) -> list[Terms]:
        """Index (id, text) pairs inside the caller's transaction; returns the terms of the
        rows too long to index whole (store.search.grams.MAX_TERM_BYTES)."""

    def clear(self, connection: Connection) -> None:
        """Remove every row's terms inside the caller's transaction (to index them again)."""

    def lookup(self, connection: Connection, terms: Sequence[str], limit: int) -> list[list[int]]:
        """For each term, the ids of up to `limit` rows holding it; a term of several grams
        separated by spaces ("we_have have_to") asks for rows holding all of them."""

    def held(
        self, connection: Connection, ids: Sequence[int], terms: Sequence[str]
    ) -> dict[int, int]:
        """How many of `terms` (pairs of words) each of the rows `ids` holds, common ones too:
        to rank rows that the lookups, which skip common terms, could not tell apart."""

    def common_terms(self, connection: Connection, at_least: int) -> dict[int | str, int]:
        """Terms the database's own statistics say at least `at_least` rows hold, with about how
        many, known without a lookup of each, each named by `key`; empty where a lookup of a
        common term is cheap anyway."""

    def key(self, term: str) -> int | str:
        """How common_terms names a term: PostgreSQL's statistics know its number only."""


class SQLiteIndex:
    """FTS5, contentless: the terms only, each with the row's id as its rowid."""

    batch = 1
    # `held` folds each quotation's text again (20 us for 60 words): at a million quotations a
    # hundred and twenty-eight of them took the slowest checks past 10 ms.
    ranked_again = 64

    def __init__(self, table: str = QUOTATIONS) -> None:
        self.table = table

    def add(self, connection: Connection, rows: Iterable[tuple[int, str]]) -> list[Terms]:
        indexed = [(key, index_terms(words)) for key, words in rows]
        values = [{"id": key, "grams": " ".join(terms.terms)} for key, terms in indexed]
        if values:
            connection.execute(
                text(f"INSERT INTO {self.table}(rowid, grams) VALUES (:id, :grams)"), values
            )
        return _in_part(indexed)

    def clear(self, connection: Connection) -> None:
        # A contentless table forgets a row only when told its terms; 'delete-all' needs none.
        connection.execute(text(f"INSERT INTO {self.table}({self.table}) VALUES ('delete-all')"))

    def lookup(self, connection: Connection, terms: Sequence[str], limit: int) -> list[list[int]]:
        # The driver's own cursor: a check makes a dozen of these, and each must cost
        # microseconds, not the milliseconds of a full statement round through SQLAlchemy.
        # SQLite runs in-process, so one statement per term costs no round trip.
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        found = []
        for term in terms:
            try:
                cursor.execute(
                    f"SELECT rowid FROM {self.table} WHERE {self.table} MATCH ? LIMIT ?",
                    (" AND ".join(f'"{gram}"' for gram in term.split()), limit),
                )
            except sqlite3.OperationalError as error:
                if not str(error).startswith(_FTS5_QUERY_ERROR):
                    raise
                # A gram FTS5 reads as several tokens: a letter newer than the Unicode tables
                # of this SQLite ("torᦰmar" is "tor mar" to it), a phrase that an index without
                # positions cannot look up. Its rows are found by the query's other terms.
                found.append([])
                continue
            found.append([row[0] for row in cursor.fetchall()])
        return found

    def held(
        self, connection: Connection, ids: Sequence[int], terms: Sequence[str]
    ) -> dict[int, int]:
        # A contentless table cannot say which terms a row holds: they are made again from the
        # quotation's text (paragraphs are not ranked so: store.search.candidates).
        if self.table != QUOTATIONS or not ids:
            return {}
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        marks = ", ".join("?" * len(ids))
        cursor.execute(f"SELECT id, text FROM quotations WHERE id IN ({marks})", list(ids))
        # Pairs of words compared as pairs, not joined into terms: a text's pairs cost a fifth
        # of what its terms do (a check may rank sixty-four texts of up to paragraph length).
        wanted = {tuple(term.split(JOIN, 1)) for term in terms}
        return {
            key: len(wanted.intersection(itertools.pairwise(spoken(text))))
            for key, text in cursor.fetchall()
        }

    def common_terms(self, connection: Connection, at_least: int) -> dict[int | str, int]:
        # FTS5 keeps no statistics: the refresh after a large ingest counts the commonest terms
        # (store.search.refresh), none before the first.
        return dict(counted_terms(connection, self.table, at_least))

    def key(self, term: str) -> int | str:
        return term


class PostgresIndex:
    """An array of the terms' numbers per row (store.search.term_hashes) under a GIN index.

    New entries go to GIN's pending list (`fastupdate = on`, revision 0012), and every write
    of quotebot's merges the list into the index before it commits (`empty_pending_list`): a
    lookup reads through whatever the list holds, and a list left to grow until a vacuum made
    a lookup of a rare term take milliseconds instead of microseconds after a large ingest.
    Switching the list on and off instead locks the index against every reader until the
    writer commits.
    """

    batch = 8
    # `held` compares numbers the rows hold; at ten million, a changed word's source was
    # ranked 64th to 128th by votes in one or two changed pastes of 200 (bench/verify.py).
    ranked_again = 128

    def __init__(self, table: str = QUOTATIONS) -> None:
        self.table = table
        self.index = f"ix_{table}_grams"

    def add(self, connection: Connection, rows: Iterable[tuple[int, str]]) -> list[Terms]:
        indexed = [(key, index_terms(words)) for key, words in rows]
        # A row of no words gets an empty entry too, as in SQLite: every row is in the index.
        values = [{"id": key, "grams": term_hashes(terms.terms)} for key, terms in indexed]
        if values:
            connection.execute(
                text(
                    f"INSERT INTO {self.table}(id, grams) VALUES (:id, CAST(:grams AS integer[]))"
                ),
                values,
            )
            if owns_index(connection, self.index):
                empty_pending_list(connection, self.index)
        return _in_part(indexed)

    def common_terms(self, connection: Connection, at_least: int) -> dict[int | str, int]:
        # The most common elements ANALYZE sampled (refresh.TERM_STATISTICS a column), with
        # the share of rows holding each.
        row = connection.execute(
            text(
                "SELECT s.most_common_elems::text::integer[], s.most_common_elem_freqs, "
                "c.reltuples "
                "FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename "
                "AND c.relnamespace = to_regnamespace(s.schemaname) "
                "WHERE s.schemaname = current_schema() AND s.tablename = :table "
                "AND s.attname = 'grams'"
            ),
            {"table": self.table},
        ).first()
        # With them, those the refresh counted in a sample of rows, which ANALYZE's statistics
        # leave out below their TERM_STATISTICS commonest (store.search.refresh).
        # (They name a term by its number's text, as index_term_counts holds text.)
        found: dict[int | str, int] = {
            int(term): rows
            for term, rows in counted_terms(connection, self.table, at_least).items()
        }
        if row is None or row[0] is None or row[1] is None or not row[2] or row[2] < 0:
            return found
        elements, shares, rows = row
        # The shares end with three more numbers (the least, the greatest, the share of
        # empty rows), which zip leaves out.
        held = ((term, round(share * rows)) for term, share in zip(elements, shares, strict=False))
        for term, count in held:
            if count >= at_least and count > found.get(term, 0):
                found[term] = count
        return found

    def held(
        self, connection: Connection, ids: Sequence[int], terms: Sequence[str]
    ) -> dict[int, int]:
        if not ids:
            return {}
        driver = connection.connection.driver_connection  # type: ignore[union-attr]
        rows = driver.execute(
            f"SELECT id, grams FROM {self.table} WHERE id = ANY(%s)", (list(ids),), prepare=False
        ).fetchall()
        wanted = set(term_hashes(terms))
        return {key: len(wanted.intersection(numbers)) for key, numbers in rows}

    def clear(self, connection: Connection) -> None:
        # DELETE, not TRUNCATE: checks go on reading the old terms until the caller commits.
        connection.execute(text(f"DELETE FROM {self.table}"))

    def lookup(self, connection: Connection, terms: Sequence[str], limit: int) -> list[list[int]]:
        # Every term's statement sent before any answer is awaited (psycopg's pipeline mode):
        # one round trip to the server, not one per term. Each statement keeps its own plan
        # for its own term (a GIN index scan), which one statement over all terms would not.
        # Each term's numbers are written into its statement as a constant (the driver's
        # unnamed statement, planned with them), so that the planner weighs them against the
        # statistics' common elements: a GIN scan for a rare term, not a scan of the table.
        return _pipelined(
            connection.connection.driver_connection,
            f"SELECT id FROM {self.table} WHERE grams @> CAST(%s AS integer[]) LIMIT %s",
            [(term_hashes(term.split()), limit) for term in terms],
        )

    def key(self, term: str) -> int | str:
        # The statistics name a term by its number; a conjunction ("we_have have_to") is
        # never among them.
        return term_hash(term) if " " not in term else term


def counted_terms(connection: Connection, table: str, at_least: int) -> dict[str, int]:
    """The terms of an index table that the last statistics refresh counted at least
    `at_least` rows holding (store.search.refresh), commonest first."""
    counts = IndexTermCountRow.__table__
    found = connection.execute(
        select(counts.c.term, counts.c.rows)
        .where(counts.c.index_table == table, counts.c.rows >= at_least)
        .order_by(counts.c.rows.desc())
    )
    return {term: rows for term, rows in found}


def owns_index(connection: Connection, index: str) -> bool:
    """Whether this role owns the index, as merging its pending list requires (as VACUUM
    does): a role that may only write rows leaves them in the list, which grows to
    `gin_pending_list_limit` (4 MB by default) at most, until a vacuum merges it."""
    return bool(
        connection.scalar(
            text(
                "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class "
                "WHERE oid = to_regclass(:index)"
            ),
            {"index": index},
        )
    )


def empty_pending_list(connection: Connection, index: str) -> None:
    """Merge what the GIN index's pending list holds into the index, inside the caller's
    transaction, so that lookups do not read through it once the transaction commits (the
    caller owns the index: owns_index)."""
    connection.execute(text("SELECT gin_clean_pending_list(to_regclass(:index))"), {"index": index})


def _in_part(indexed: list[tuple[int, Terms]]) -> list[Terms]:
    return [terms for _, terms in indexed if not terms.complete]


def _pipelined(driver: Any, statement: str, arguments: list[tuple[Any, ...]]) -> list[list[int]]:
    """The first column of `statement` run once per arguments, all sent before any answer is
    awaited (psycopg's pipeline mode).

    A failed statement surfaces at the next one, or when the pipeline closes. Raised through
    the pipeline's block, psycopg would also log a warning on stderr for the pipeline it could
    not close, and closing says only "pipeline aborted": the failure is raised after it."""
    cursors = []
    failure: Exception | None = None
    try:
        with driver.pipeline():
            for each in arguments:
                cursor = driver.cursor()
                try:
                    cursor.execute(statement, each, prepare=False)
                except Exception as error:
                    failure = error
                    break
                cursors.append(cursor)
    except Exception:
        if failure is None:
            raise
    if failure is not None:
        raise failure
    return [[row[0] for row in cursor.fetchall()] for cursor in cursors]


def index_for(dialect: str, table: str = QUOTATIONS) -> CandidateIndex:
    return PostgresIndex(table) if dialect == "postgresql" else SQLiteIndex(table)

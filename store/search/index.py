"""The candidate index: which quotations hold a given word or pair of words.

Each database keeps it with its own full-text machinery: an FTS5 table in SQLite, a tsvector
column under a GIN index in PostgreSQL. quotebot writes a quotation's terms in the same
transaction as the quotation, so the index never lags the archive.

A lookup reads one term at a time and never more than `limit` rows of it: a term that many
quotations share ("the", "said_that") is skipped as too common, so a check costs the same on a
thousand quotations or a million.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from sqlalchemy import Connection, text

from store.search.grams import grams

#: The index's table; migrations create it, `store.db.schema` leaves it out of model checks.
TABLE = "quotation_grams"


class CandidateIndex(Protocol):
    def add(self, connection: Connection, quotations: Iterable[tuple[int, str]]) -> None:
        """Index (id, text) pairs inside the caller's transaction."""

    def lookup(self, connection: Connection, term: str, limit: int) -> list[int]:
        """Ids of up to `limit` quotations holding `term`."""


class SQLiteIndex:
    """FTS5, contentless: the terms only, each with the quotation id as its rowid."""

    CREATE = (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
        "grams, content='', detail=none, tokenize=\"unicode61 tokenchars '_'\")"
    )

    def add(self, connection: Connection, quotations: Iterable[tuple[int, str]]) -> None:
        rows = [{"id": qid, "grams": " ".join(grams(words))} for qid, words in quotations]
        if rows:
            connection.execute(
                text(f"INSERT INTO {TABLE}(rowid, grams) VALUES (:id, :grams)"), rows
            )

    def lookup(self, connection: Connection, term: str, limit: int) -> list[int]:
        found = connection.execute(
            text(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH :term LIMIT :limit"),
            {"term": f'"{term}"', "limit": limit},
        )
        return [row[0] for row in found]


class PostgresIndex:
    """A tsvector of terms per quotation under a GIN index."""

    CREATE = (
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "quotation_id integer PRIMARY KEY REFERENCES quotations(id) ON DELETE CASCADE, "
        "grams tsvector NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_grams ON {TABLE} USING gin (grams)",
    )

    def add(self, connection: Connection, quotations: Iterable[tuple[int, str]]) -> None:
        rows = [{"id": qid, "grams": grams(words)} for qid, words in quotations]
        rows = [row for row in rows if row["grams"]]
        if rows:
            connection.execute(
                text(
                    f"INSERT INTO {TABLE}(quotation_id, grams) "
                    "VALUES (:id, array_to_tsvector(CAST(:grams AS text[])))"
                ),
                rows,
            )

    def lookup(self, connection: Connection, term: str, limit: int) -> list[int]:
        found = connection.execute(
            text(
                f"SELECT quotation_id FROM {TABLE} "
                "WHERE grams @@ CAST(:term AS tsquery) LIMIT :limit"
            ),
            {"term": _tsquery_literal(term), "limit": limit},
        )
        return [row[0] for row in found]


def _tsquery_literal(term: str) -> str:
    """A term as a quoted tsquery lexeme, with no operator read into it."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def index_for(dialect: str) -> CandidateIndex:
    return PostgresIndex() if dialect == "postgresql" else SQLiteIndex()


def create_statements(dialect: str) -> tuple[str, ...]:
    """What a migration runs to create the index on this database."""
    if dialect == "postgresql":
        return PostgresIndex.CREATE
    return (SQLiteIndex.CREATE,)

"""Writing the candidate index as an older quotebot did, for tests that build an old archive.

Until revision 0014 PostgreSQL's index held each term's text (a tsvector); today's writers put
numbers there (store.search.term_hashes), which an archive at an older revision refuses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Connection, text

from store import bulk
from store.search.grams import Terms, index_terms
from store.search.index import PostgresIndex


def as_text(terms: Iterable[str]) -> str:
    """A row's terms as a tsvector literal, as the bulk path wrote them before 0014."""
    return " ".join("'" + term.replace("\\", "\\\\").replace("'", "''") + "'" for term in terms)


def add_as_text(
    index: PostgresIndex, connection: Connection, rows: Iterable[tuple[int, str]]
) -> list[Terms]:
    """PostgresIndex.add as it wrote rows before 0014 (each row indexed whole)."""
    for key, words in rows:
        connection.execute(
            text(
                f"INSERT INTO {index.table}(id, grams) "
                "VALUES (:id, array_to_tsvector(CAST(:grams AS text[])))"
            ),
            {"id": key, "grams": index_terms(words).terms},
        )
    return []


@contextmanager
def terms_written_as_text(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Inside the block, PostgreSQL's index is written as before revision 0014."""
    with monkeypatch.context() as patched:
        patched.setattr(bulk, "array_literal", as_text)
        patched.setattr(PostgresIndex, "add", add_as_text)
        yield

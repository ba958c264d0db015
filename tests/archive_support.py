"""Reading an archive from outside the code under test, the way a second process would.

Tests that check what a run left behind open their own engine, so that nothing cached by the
process under test can make a half-written archive look whole; the engine is disposed at once,
so that no connection outlives the test and holds a lock (SQLite) or a session (PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from store.db.engine import create_archive_engine


@contextmanager
def connected(archive_url: str) -> Iterator[Connection]:
    """One connection to the archive at `archive_url`, its engine disposed on the way out."""
    engine = create_archive_engine(archive_url)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()

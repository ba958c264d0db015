"""Connections to the archive's database, chosen by URL: an SQLite file or a PostgreSQL server.

SQLite is the embedded default and has to behave well while the nightly ingest writes and the
bot reads at the same time, which is what the per-connection settings below are for.
PostgreSQL is reached through psycopg 3 whatever the URL says, so that a plain
`postgresql://` URL copied from a hosting panel works as it is.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, exc, make_url

from store.errors import ArchiveError
from store.masking import masked_url

#: Applied to every SQLite connection. busy_timeout comes first: switching to WAL takes a lock.
SQLITE_PRAGMAS = (
    # A second writer waits its turn for up to 30 s instead of failing at once.
    "PRAGMA busy_timeout = 30000",
    # Readers (the bot) never wait for a writer (the ingest), and a writer never waits for them.
    "PRAGMA journal_mode = WAL",
    "PRAGMA foreign_keys = ON",
    # With WAL, NORMAL stays consistent after a crash and spares an fsync per transaction.
    "PRAGMA synchronous = NORMAL",
)

#: The mode of an SQLite archive quotebot creates (see `_create_private`).
PRIVATE_FILE_MODE = 0o600

#: Execution option naming transactions that will write; see `for_writing`.
WRITE_INTENT = "quotebot_writes"

POSTGRES_CONNECT_TIMEOUT_S = 10
#: A replica that does not answer soon is skipped for the primary (store.db.replicas): a check
#: should not wait ten seconds for a server that is down.
REPLICA_CONNECT_TIMEOUT_S = 3
# psycopg2 URLs too: they are what most SQLAlchemy examples show, and psycopg 3 reads them.
_POSTGRES_ALIASES = {"postgres", "postgresql", "postgresql+psycopg", "postgresql+psycopg2"}
_SHOWN_URL_CHARS = 200


def create_archive_engine(url: str) -> Engine:
    """An engine for the archive at `url`, configured for quotebot; ArchiveError if unusable."""
    parsed = parse_database_url(url)
    with archive_errors():
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed)
        return _postgresql_engine(parsed)


def create_replica_engine(url: str) -> Engine:
    """An engine for a PostgreSQL read replica of the archive (DATABASE_READ_URL): every
    transaction on it is read-only, so that nothing quotebot writes can land anywhere but the
    primary, even when the URL names a server that would take it; ArchiveError if unusable."""
    parsed = parse_database_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ArchiveError(
            f"a read replica is a PostgreSQL server, not {_location(parsed)} "
            "(DATABASE_READ_URL: postgresql://user@replica-host/database, separated by commas)"
        )
    with archive_errors():
        return _postgresql_engine(parsed, connect_timeout=REPLICA_CONNECT_TIMEOUT_S, read_only=True)


def parse_database_url(url: str) -> URL:
    """The URL parsed, with PostgreSQL mapped to psycopg 3; ArchiveError for anything else."""
    try:
        parsed = make_url(url)
    except (exc.ArgumentError, ValueError):
        shown = masked_url(url)[:_SHOWN_URL_CHARS]
        raise ArchiveError(
            f"not a database URL: {shown!r} "
            "(expected sqlite:///path/to/archive.sqlite3 or postgresql://user@host/database)"
        ) from None
    if parsed.drivername in _POSTGRES_ALIASES:
        return parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername in {"sqlite", "sqlite+pysqlite"}:
        return parsed
    raise ArchiveError(
        f"quotebot keeps its archive in SQLite or PostgreSQL (psycopg), not {parsed.drivername!r}"
    )


def for_writing(engine: Engine) -> Engine:
    """The same engine, whose transactions announce that they will write.

    On SQLite such a transaction takes the write lock at BEGIN (BEGIN IMMEDIATE). A transaction
    that reads first and writes later would otherwise fail at once with "database is locked"
    when another process wrote in between, whatever the busy timeout.
    """
    return engine.execution_options(**{WRITE_INTENT: True})


@contextmanager
def archive_errors(engine: Engine | None = None) -> Iterator[None]:
    """Turn driver and SQLAlchemy failures inside the block into a one-line ArchiveError."""
    try:
        yield
    except exc.DBAPIError as error:
        raise ArchiveError(_explain_driver_error(error, engine)) from error
    except _driver_errors() as error:
        # Raised by the driver's own cursor, which the index lookups use for speed
        # (store.search.index), without SQLAlchemy's wrapping.
        raise ArchiveError(_explain_driver_error(error, engine)) from error
    except exc.NoSuchModuleError as error:
        raise ArchiveError(f"no database driver installed for this URL: {error}") from error
    except exc.SQLAlchemyError as error:
        raise ArchiveError(f"database error: {_first_line(str(error))}") from error


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
        folder = Path(url.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise ArchiveError(f"the folder of the SQLite archive does not exist: {folder}")
        _create_private(Path(url.database))
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _create_private(path: Path) -> None:
    """Create the archive's file, empty, readable and writable by its owner alone, unless it
    exists. SQLite would create it readable by everyone (0644 under the usual umask), and it
    holds the audit log and, with several workspaces, Slack tokens; SQLite then gives its -wal
    and -shm files the same mode. The file is created with its mode rather than changed after,
    so that it is never readable by others, and without touching the process's umask, which
    other threads share. A file that exists keeps the mode its owner gave it."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except OSError:
        return  # it exists, or cannot be created: SQLite opens it, or says why it cannot
    os.close(descriptor)


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # Take BEGIN away from the sqlite3 module, which would otherwise skip it before SELECTs and
    # DDL; `_begin_sqlite_transaction` emits it instead (SQLAlchemy's documented recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            if pragma == _WAL:
                _switch_to_wal(cursor)
            else:
                cursor.execute(pragma)
    finally:
        cursor.close()


_WAL = "PRAGMA journal_mode = WAL"
#: How long a new connection keeps asking for WAL while another holds the lock it needs.
_WAL_WAIT_S = 30.0


def _switch_to_wal(cursor: Any) -> None:
    """Set WAL, waiting while another connection holds the lock the switch needs.

    SQLite answers "database is locked" at once, without the busy handler, when a second
    connection switches a new file to WAL while the first is still doing so: several
    `quotebot ingest` processes (or threads) opening one new archive together."""
    deadline = time.monotonic() + _WAL_WAIT_S
    pause = 0.005
    while True:
        try:
            cursor.execute(_WAL)
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def _begin_sqlite_transaction(connection: Any) -> None:
    writes = connection.get_execution_options().get(WRITE_INTENT, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def _postgresql_engine(
    url: URL, *, connect_timeout: int = POSTGRES_CONNECT_TIMEOUT_S, read_only: bool = False
) -> Engine:
    connect_args: dict[str, Any] = {"application_name": "quotebot"}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = connect_timeout
    # No JIT compilation: quotebot's statements are short lookups, and a lookup of a common
    # term, planned as a capped scan of a large table, was compiled first, adding tens of
    # milliseconds to the slowest checks (p95 53.5 -> 43.5 ms at a million quotations).
    # Options the URL gives are taken instead.
    options = url.query.get("options", "-c jit=off")
    options = options if isinstance(options, str) else " ".join(options)
    if read_only:
        options += " -c default_transaction_read_only=on"
    connect_args["options"] = options
    # pool_pre_ping: the bot runs for weeks; a server restart must not break the next answer.
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _driver_errors() -> tuple[type[Exception], ...]:
    """The DB-API error classes of the drivers loaded. psycopg is imported only once a
    PostgreSQL connection needs it (a tenth of a second at every start otherwise), and no
    psycopg error can be raised before."""
    psycopg = sys.modules.get("psycopg")
    return (sqlite3.Error, psycopg.Error) if psycopg is not None else (sqlite3.Error,)


def _explain_driver_error(error: Exception, engine: Engine | None) -> str:
    wrapped = error.orig if isinstance(error, exc.DBAPIError) else None
    original = wrapped if wrapped is not None else error
    message = _first_line(str(original))
    where = f" ({_location(engine.url)})" if engine is not None else ""
    lowered = message.lower()
    if "readonly database" in lowered or "read-only" in lowered:
        return f"the archive is read-only{where}: {message}"
    if "database is locked" in lowered:
        return f"the archive is busy: another process is writing to it; try again{where}"
    if "unable to open database file" in lowered:
        return f"cannot open the SQLite archive{where}: {message}"
    if _operational(original) and "connect" in lowered:
        return f"cannot connect to the archive{where}: {message}"
    return f"database error{where}: {message}"


def _operational(error: BaseException) -> bool:
    """A DB-API OperationalError (the server went away, a connection failed), of any driver:
    the DB-API names the class, not where it lives."""
    return any(kind.__name__ == "OperationalError" for kind in type(error).__mro__)


def location(url: URL) -> str:
    """Where a database is, for messages: an SQLite file's path, a server's URL without its
    password."""
    return _location(url)


def _location(url: URL) -> str:
    if url.get_backend_name() == "sqlite":
        return (url.database or ":memory:").removeprefix("file:")
    return masked_url(url.render_as_string(hide_password=True))


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else "unknown error"

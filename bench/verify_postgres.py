"""A PostgreSQL database of its own for each archive size of the verifier benchmark.

Created on the server the user names and dropped at the end, like the test suite's databases,
so a run never touches anyone's data. Each function runs in a fresh process (see
`verify_runs.call`), which keeps SQLAlchemy out of the benchmark's parent process: a child's
peak RSS starts at its parent's, so a lean parent keeps the measured processes' numbers their
own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, create_engine, text

from store.db.engine import archive_errors, parse_database_url

_SAFE_NAME = re.compile(r"^[a-z0-9_]+$")


def create(server: str, name: str) -> str:
    """Create database `name` on the server; return its URL."""
    with _admin(server) as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{_checked(name)}"')
    return url(server, name)


def url(server: str, name: str) -> str:
    """The URL of database `name` on the server."""
    return parse_database_url(server).set(database=name).render_as_string(hide_password=False)


def exists(server: str, name: str) -> bool:
    with _admin(server) as connection:
        found = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        return found.first() is not None


#: The server settings that decide how fast the candidate lookups are, printed with the results.
SETTINGS = (
    "server_version",
    "shared_buffers",
    "effective_cache_size",
    "work_mem",
    "random_page_cost",
    "jit",
    "max_parallel_workers_per_gather",
)


def settings(server: str) -> str:
    """The server's version and the settings that matter here, as `name=value` pairs."""
    with _admin(server) as connection:
        values = [
            f"{name}={connection.exec_driver_sql(f'SHOW {name}').scalar_one()}" for name in SETTINGS
        ]
    return ", ".join(values)


def size(server: str, name: str) -> int:
    """The database's size on disk in bytes."""
    with _admin(server) as connection:
        return connection.execute(
            text("SELECT pg_database_size(:name)"), {"name": name}
        ).scalar_one()


def drop(server: str, name: str) -> None:
    with _admin(server) as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{_checked(name)}" WITH (FORCE)')


@contextmanager
def _admin(server: str) -> Iterator[Connection]:
    engine = create_engine(parse_database_url(server), isolation_level="AUTOCOMMIT")
    try:
        with archive_errors(engine), engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def _checked(name: str) -> str:
    if not _SAFE_NAME.match(name):
        raise ValueError(f"not a benchmark database name: {name!r}")
    return name

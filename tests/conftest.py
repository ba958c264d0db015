"""Fixtures every test shares: a clean environment, and archives on SQLite and PostgreSQL.

Every test that touches a database runs twice, on an SQLite file and on PostgreSQL, because
the newsroom deploys both. The PostgreSQL case needs QUOTEBOT_TEST_POSTGRES_URL (CI sets it)
and runs in a database created for this test session alone and dropped at its end, so two runs
on one server never see each other's data; its schema is emptied before each test.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine

from store.archive import Archive
from store.db.engine import parse_database_url

POSTGRES_URL_VARIABLE = "QUOTEBOT_TEST_POSTGRES_URL"

pytest_plugins = ["skip_summary", "slack_fixtures"]


@pytest.fixture(autouse=True)
def isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No test reads the developer's database, Slack credentials or data folder."""
    private = ("DATABASE_URL", "DATABASE_READ_URL", "QUOTEBOT_ENV_FILE")
    for name in list(os.environ):
        if name in private or name.startswith(("SLACK_", "QUOTEBOT_TRUSTED_")):
            monkeypatch.delenv(name)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("QUOTEBOT_HOME", str(home / "quotebot"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))


@pytest.fixture(scope="session")
def postgres_test_database() -> Iterator[str]:
    """The URL of a PostgreSQL database that exists for this test session only."""
    server_url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not server_url:
        pytest.skip(f"{POSTGRES_URL_VARIABLE} is not set")
    server = parse_database_url(server_url)
    name = f"quotebot_test_{secrets.token_hex(6)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            # With it, the databases tests made beside it ("<name>_second").
            beside = connection.exec_driver_sql(
                "SELECT datname FROM pg_database WHERE starts_with(datname, %(prefix)s)",
                {"prefix": f"{name}_"},
            ).scalars()
            for database in [name, *beside]:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def archive_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of an empty database: an SQLite file, or the session's PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'archive.sqlite3'}"
    url = request.getfixturevalue("postgres_test_database")
    _empty_postgres_database(url)
    return url


@pytest.fixture
def postgres_archive_url(postgres_test_database: str) -> str:
    """The session's PostgreSQL database, emptied: for tests only PostgreSQL can run."""
    _empty_postgres_database(postgres_test_database)
    return postgres_test_database


@pytest.fixture
def archive(archive_url: str) -> Iterator[Archive]:
    """An open, empty archive on each database."""
    with Archive.open(archive_url) as opened:
        yield opened


def _empty_postgres_database(url: str) -> None:
    # Connections an earlier test forgot to close would hold locks on the tables being dropped.
    engine = create_engine(parse_database_url(url), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()

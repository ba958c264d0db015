"""Database URLs: what quotebot accepts, how it sets SQLite up, and the one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import article, ferry_quotations

from bot.cli import cli
from store.archive import Archive
from store.db.engine import create_archive_engine, parse_database_url
from store.errors import ArchiveError


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://archivist@db.example/newsroom",
        "postgres://archivist@db.example/newsroom",
        "postgresql+psycopg2://archivist@db.example/newsroom",
    ],
)
def test_postgresql_urls_are_served_by_psycopg_3(url: str) -> None:
    assert parse_database_url(url).drivername == "postgresql+psycopg"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("archive.sqlite3", "not a database URL: 'archive.sqlite3'"),
        ("mysql://archivist@db.example/newsroom", "SQLite or PostgreSQL (psycopg), not 'mysql'"),
    ],
)
def test_unusable_urls_are_refused_in_one_line(url: str, message: str) -> None:
    with pytest.raises(ArchiveError) as refused:
        create_archive_engine(url)
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)


def test_sqlite_file_in_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"

    with pytest.raises(ArchiveError, match="folder of the SQLite archive does not exist"):
        Archive.open(f"sqlite:///{missing / 'archive.sqlite3'}")
    assert not missing.exists()


def test_unreachable_server_is_one_line_without_the_password() -> None:
    with pytest.raises(ArchiveError) as refused:
        Archive.open("postgresql://archivist:s3cret@127.0.0.1:1/newsroom")

    message = str(refused.value)
    assert message.startswith("cannot connect to the archive (postgresql+psycopg://archivist:***@")
    assert "s3cret" not in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://archivist:hunter2@db.example:port/newsroom",  # a port that is no number
        "postgresql//archivist:hunter2@db.example/newsroom",  # no colon after the scheme
        "archivist:hunter2@db.example/newsroom",  # no scheme
        "postgresql://archivist:hun@ter2@db.example:port/newsroom",  # an @ in the password
    ],
)
def test_a_malformed_url_is_shown_without_its_password(url: str) -> None:
    result = CliRunner().invoke(cli, ["--db", url, "stats"])

    assert result.exit_code == 1
    assert result.stderr.startswith("quotebot: not a database URL: ")
    assert "archivist:***@" in result.stderr
    assert "hunter2" not in result.stderr
    assert "ter2" not in result.stderr


def test_a_password_in_the_url_query_is_not_shown() -> None:
    with pytest.raises(ArchiveError) as refused:
        Archive.open("postgresql://archivist@127.0.0.1:1/newsroom?password=hunter2")

    assert "hunter2" not in str(refused.value)
    assert "password=***" in str(refused.value)


def test_writing_to_a_read_only_archive_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    Archive.open(f"sqlite:///{path}").close()

    with Archive.open(f"sqlite:///file:{path}?mode=ro&uri=true") as read_only:
        assert read_only.stats().articles == 0
        with pytest.raises(ArchiveError, match=f"^the archive is read-only \\({path}\\)"):
            read_only.add(article(), ferry_quotations())


def test_ingest_into_a_read_only_postgresql_archive_is_one_line_per_source_and_exit_1(
    postgres_archive_url: str, tmp_path: Path
) -> None:
    """A replica, or a role whose transactions are read-only: nothing half-written, no trace."""
    Archive.open(postgres_archive_url).close()
    read_only = str(
        parse_database_url(postgres_archive_url)
        .update_query_dict({"options": "-c default_transaction_read_only=on"})
        .render_as_string(hide_password=False)
    )
    story = tmp_path / "story.txt"
    story.write_text(article().text, encoding="utf-8")

    result = CliRunner().invoke(cli, ["--db", read_only, "ingest", str(story)])

    assert result.exit_code == 1
    assert "the archive is read-only" in result.stderr
    assert "Traceback" not in result.output
    with Archive.open(postgres_archive_url) as archive:
        assert archive.stats().articles == 0


def test_a_role_the_server_does_not_know_is_one_line(postgres_test_database: str) -> None:
    stranger = parse_database_url(postgres_test_database).set(username="no_such_role_here")

    with pytest.raises(ArchiveError) as refused:
        Archive.open(stranger.render_as_string(hide_password=False))

    assert str(refused.value).startswith("cannot connect to the archive")
    assert "no_such_role_here" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_every_sqlite_connection_waits_for_writers_and_enforces_foreign_keys(
    tmp_path: Path,
) -> None:
    engine = create_archive_engine(f"sqlite:///{tmp_path / 'archive.sqlite3'}")
    settings: dict[str, object] = {}
    with engine.connect() as connection:
        for pragma in ("journal_mode", "busy_timeout", "foreign_keys", "synchronous"):
            settings[pragma] = connection.exec_driver_sql(f"PRAGMA {pragma}").scalar()
    engine.dispose()

    assert settings == {
        "journal_mode": "wal",
        "busy_timeout": 30000,
        "foreign_keys": 1,
        "synchronous": 1,  # NORMAL
    }


def test_postgresql_connections_do_not_jit_compile_the_short_lookups(
    postgres_archive_url: str,
) -> None:
    # JIT compiling a capped scan of a large table added tens of milliseconds to slow checks.
    engine = create_archive_engine(postgres_archive_url)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SHOW jit").scalar_one() == "off"
    finally:
        engine.dispose()

"""DATABASE_READ_URL: which URLs are replicas, what is refused, and a replica nobody answers at.

The real streaming replica is in tests/test_read_replicas.py; these need none: a replica URL
naming a port of 127.0.0.1 where nothing listens is a replica that is down.
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from sqlalchemy import Connection, Engine, event, text

from bot.cli import cli
from store.archive import Archive
from store.db.engine import create_archive_engine, create_replica_engine, parse_database_url
from store.db.replicas import ReadEngines
from store.errors import ArchiveError
from store.settings import database_read_urls

PRIMARY = "postgresql://archivist@db-primary.example/newsroom"
REPLICAS = "postgresql://archivist@db-replica-1.example/newsroom"


def test_one_or_more_replicas_separated_by_commas() -> None:
    environ = {
        "DATABASE_URL": PRIMARY,
        "DATABASE_READ_URL": f" {REPLICAS} ,postgresql://archivist@db-replica-2.example/newsroom,",
    }
    assert database_read_urls(None, environ) == (
        REPLICAS,
        "postgresql://archivist@db-replica-2.example/newsroom",
    )
    assert database_read_urls(None, {"DATABASE_URL": PRIMARY}) == ()


def test_db_reads_and_writes_the_database_it_names_alone() -> None:
    environ = {"DATABASE_URL": PRIMARY, "DATABASE_READ_URL": REPLICAS}
    assert database_read_urls("sqlite:///elsewhere.sqlite3", environ) == ()
    # The way to read the primary itself, for a check that must see the latest article.
    assert database_read_urls(PRIMARY, environ) == ()


def test_an_sqlite_archive_has_no_replicas(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="need a PostgreSQL archive"):
        Archive.open(f"sqlite:///{tmp_path / 'archive.sqlite3'}", [REPLICAS])


def test_a_replica_is_a_postgresql_server(postgres_archive_url: str, tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="a read replica is a PostgreSQL server"):
        Archive.open(postgres_archive_url, [f"sqlite:///{tmp_path / 'copy.sqlite3'}"])


def test_the_cli_says_so_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'archive.sqlite3'}")
    monkeypatch.setenv("DATABASE_READ_URL", REPLICAS)
    result = CliRunner().invoke(cli, ["stats"])
    assert result.exit_code == 1
    assert result.stderr == (
        "quotebot: read replicas (DATABASE_READ_URL) need a PostgreSQL archive; "
        "this one is SQLite\n"
    )


def test_a_replica_that_is_down_is_warned_about_once_and_tried_again_later(
    postgres_archive_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    down = _closed_port_url(postgres_archive_url)
    now = [0.0]
    with Archive.open(postgres_archive_url, [down]) as archive:
        archive.reads = ReadEngines(
            archive.engine, archive.reads.replicas, retry_after_s=30, clock=lambda: now[0]
        )
        tried: list[str] = []
        _count_connections(archive.reads.replicas[0], tried)
        with caplog.at_level(logging.INFO, logger="store.db.replicas"):
            for _ in range(3):
                assert archive.stats().articles == 0  # answered by the primary
            assert len(tried) == 1  # then left alone
            now[0] = 31.0
            assert archive.stats().articles == 0
            assert archive.stats().articles == 0
            assert len(tried) == 2  # tried once more, by one read
    warnings = [record.getMessage() for record in caplog.records]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith("read replica postgresql+psycopg://")
    assert (
        "is unreachable, reading from the primary instead; trying it again every 30 s"
        in (warnings[0])
    )


def test_with_several_replicas_a_read_goes_on_to_the_next(
    postgres_archive_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A replica down, another up (here: the primary's own URL, read-only): the reads go to
    the one that answers, and the warning says so."""
    down = _closed_port_url(postgres_archive_url)
    with Archive.open(postgres_archive_url, [down, postgres_archive_url]) as archive:
        answered: list[str] = []
        _count_connections(archive.reads.replicas[1], answered)
        for _ in range(4):
            assert archive.stats().articles == 0
        assert answered  # the second replica served reads
    [warning] = [record.getMessage() for record in caplog.records]
    assert "reading from the other replicas or the primary instead" in warning


def _closed_port_url(url: str) -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return (
        parse_database_url(url)
        .set(host="127.0.0.1", port=port)
        .render_as_string(hide_password=False)
    )


def _count_connections(engine: Engine, tried: list[str]) -> None:
    event.listen(engine, "do_connect", lambda *_: tried.append("connect"))


def test_a_read_the_replica_cancelled_for_replay_is_done_on_the_primary_without_a_warning(
    postgres_archive_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A hot standby cancels a query that holds what replaying the primary's changes needs
    (SQLSTATE 40001); the replica is well, so the read is redone and the replica keeps its
    turn."""
    primary = create_archive_engine(postgres_archive_url)
    replica = create_replica_engine(postgres_archive_url)
    reads = ReadEngines(primary, [replica])
    calls: list[Engine] = []

    def work(connection: Connection) -> int:
        calls.append(connection.engine)
        if len(calls) == 1:
            raise psycopg.errors.SerializationFailure(
                "canceling statement due to conflict with recovery"
            )
        return int(connection.scalar(text("SELECT 1")))

    try:
        assert reads.read(work) == 1
        assert calls == [replica, primary]
        calls.append(primary)  # the next read raises nothing
        assert reads.read(work) == 1
        assert calls[-1] is replica  # not left alone
    finally:
        replica.dispose()
        primary.dispose()
    assert caplog.records == []


def test_a_read_from_a_replica_without_a_table_the_primary_has_is_done_on_the_primary(
    postgres_archive_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A replica that has not yet replayed the schema (the archive just set up, or upgraded)
    answers "relation does not exist": the read is the primary's, without a warning. Here the
    replica is the server's own `postgres` database, which has no archive tables at all."""
    Archive.open(postgres_archive_url).close()
    unreplayed = parse_database_url(postgres_archive_url).set(database="postgres")
    primary = create_archive_engine(postgres_archive_url)
    replica = create_replica_engine(unreplayed.render_as_string(hide_password=False))
    reads = ReadEngines(primary, [replica])
    try:
        assert reads.read(lambda c: c.scalar(text("SELECT count(*) FROM ruling_register"))) == 1
    finally:
        replica.dispose()
        primary.dispose()
    assert caplog.records == []

"""Checks from read replicas: against a real streaming replica of the test PostgreSQL server.

The replica (tests/replica_support.py) is a `pg_basebackup -R` copy of the server, started on
another port of 127.0.0.1 for this module. A newsroom sets DATABASE_URL to the primary and
DATABASE_READ_URL to the replica; checks, reviews and stats then read the replica, everything
written goes to the primary, and a replica that is down costs one warning, not the checks.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from check_support import (
    KESTREL_STORY,
    KESTREL_URL,
    NORTHFOLD_STORY,
    PENNY_QUOTE,
    TERMINAL_QUOTE,
    TRELOAR_QUOTE,
    run,
)
from fake_slack import FakeSlack
from replica_support import Replica, start_replica
from slack_support import (
    STOOD_TOGETHER,
    bot_server,
    button_click,
    button_values,
    event_envelope,
    fill_archive,
    mention,
    send_form,
    send_json,
    send_payload,
    slash_command,
)
from sqlalchemy import func, select, text

from bot.slack import card
from store.archive import Archive
from store.db.engine import create_archive_engine, create_replica_engine
from store.db.models import ArticleRow, FeedbackRow, LookupRow, SeenEventRow
from store.lookup import FeedbackKind, Lookup

PASTES = [
    ("penny", f'"{PENNY_QUOTE}," Osric Penhallow said.', "verified"),
    ("terminal", f'"{TERMINAL_QUOTE}," Harriet Vale said.', "verified"),
    ("treloar", f'"{TRELOAR_QUOTE}," Maud Treloar said.', "verified"),
]


@pytest.fixture(scope="module")
def replica(postgres_test_database: str) -> Iterator[Replica]:
    """A streaming replica of the session's PostgreSQL server, for this module."""
    with start_replica(postgres_test_database) as running:
        yield running


@pytest.fixture
def primary_url(
    replica: Replica, postgres_archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> str:
    """The emptied session database as DATABASE_URL, its replica as DATABASE_READ_URL."""
    monkeypatch.setenv("DATABASE_URL", postgres_archive_url)
    monkeypatch.setenv("DATABASE_READ_URL", replica.url)
    return postgres_archive_url


def test_a_check_reads_the_replica_and_finds_an_article_once_replayed(
    replica: Replica, primary_url: str, tmp_path: Path
) -> None:
    assert run("db", "upgrade").exit_code == 0
    replica.wait_for_replay()
    replica.pause_replay()  # a replica behind the primary, as under a large ingest
    try:
        _ingest(tmp_path, "kestrel.txt", KESTREL_STORY, "--url", KESTREL_URL)
        # Stored on the primary, not yet on the replica the check reads.
        assert _verdict(f'"{PENNY_QUOTE}," Osric Penhallow said.') == "not_found"
    finally:
        replica.resume_replay()
    replica.wait_for_replay()
    assert _verdict(f'"{PENNY_QUOTE}," Osric Penhallow said.') == "verified"
    stats = run("stats", "--json")
    assert stats.exit_code == 0, stats.stderr
    assert json.loads(stats.stdout)["articles"] == 1


def test_everything_written_goes_to_the_primary(replica: Replica, primary_url: str) -> None:
    with Archive.open(primary_url, [replica.url]) as archive:
        replica.wait_for_replay()
        replica.pause_replay()  # what reaches the replica from now on waits for the resume
        try:
            asked = archive.record_lookup(
                Lookup(
                    workspace="T0001",
                    source="command",
                    query=PENNY_QUOTE,
                    verdict="not_found",
                    attribution="unknown",
                    user="U0001",
                )
            )
            assert asked.id is not None
            # The bot reads its audit log back at once (a button on its answer): the primary.
            assert archive.lookup(asked.id) == asked
            assert archive.record_feedback(asked.id, "U0002", FeedbackKind.WRONG_MATCH)
            assert archive.first_sighting("T0001:Ev0001")
            assert not archive.first_sighting("T0001:Ev0001")
            # Stats read the replica, which has not replayed any of it yet.
            assert archive.stats().lookups == 0
        finally:
            replica.resume_replay()
        replica.wait_for_replay()
        assert (archive.stats().lookups, archive.stats().feedback) == (1, 1)
    primary = create_archive_engine(primary_url)
    with primary.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(LookupRow)) == 1
    primary.dispose()


def test_the_bot_checks_from_the_replica_and_writes_to_the_primary(
    replica: Replica, primary_url: str, fake: FakeSlack
) -> None:
    """The real Bolt app over HTTP: its answer comes from the replica, while the lookup it
    logs, the feedback on it and the delivery it de-duplicates are written to the primary and
    read back from there (replay is paused: the replica holds none of them)."""
    with Archive.open(primary_url, [replica.url]) as archive:
        fill_archive(archive)
        replica.wait_for_replay()
        replica.pause_replay()
        try:
            with bot_server(archive, fake) as bot:
                paste = f'"{STOOD_TOGETHER}," Ines Calloway said'
                send_form(bot.url, slash_command(paste, fake.response_url("asked")))
                (answer,) = fake.wait_for("response")
                assert answer.body["text"].startswith("✅ Verified")
                wrong = button_values(answer.body["blocks"])[card.WRONG_MATCH_ACTION]
                send_payload(
                    bot.url, button_click(card.WRONG_MATCH_ACTION, wrong, fake.response_url())
                )
                assert fake.wait_for("response", 2)[1].body["text"].startswith("Thanks")
                envelope = event_envelope(mention(paste), "Ev0REPLICA01")
                send_json(bot.url, envelope)
                send_json(bot.url, envelope, headers={"X-Slack-Retry-Num": "1"})
                fake.wait_for("chat.postMessage")
                fake.quiet_for(0.6)
                assert len(fake.calls("chat.postMessage")) == 1
            primary = create_archive_engine(primary_url)
            with primary.connect() as connection:
                counted = [
                    connection.scalar(select(func.count()).select_from(table))
                    for table in (LookupRow, FeedbackRow, SeenEventRow)
                ]
            primary.dispose()
            lookups, feedback, deliveries = counted
            assert (lookups, feedback) == (2, 1)  # the paste and the mention; the button
            assert deliveries >= 1  # the mention's event (and its message), seen once
            assert archive.stats().lookups == 0  # the replica, still paused
        finally:
            replica.resume_replay()


def test_the_replica_takes_no_write(replica: Replica, primary_url: str) -> None:
    """Whatever the URL names, quotebot's replica connections are read-only."""
    Archive.open(primary_url).close()
    replica.wait_for_replay()
    engine = create_replica_engine(replica.url)
    try:
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT pg_is_in_recovery()")) is True
            assert connection.scalar(text("SHOW default_transaction_read_only")) == "on"
            assert connection.scalar(select(func.count()).select_from(ArticleRow)) == 0
    finally:
        engine.dispose()


def test_a_stopped_replica_falls_back_to_the_primary_with_one_warning(
    replica: Replica, primary_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _ingest(tmp_path, "kestrel.txt", KESTREL_STORY, "--url", KESTREL_URL)
    _ingest(tmp_path, "northfold.txt", NORTHFOLD_STORY)
    replica.wait_for_replay()
    replica.stop()
    try:
        pastes = tmp_path / "pastes.jsonl"
        pastes.write_text(
            "".join(json.dumps({"id": key, "text": paste}) + "\n" for key, paste, _ in PASTES),
            encoding="utf-8",
        )
        result = run("check", str(pastes), "--jsonl")
        assert result.exit_code == 0, result.stderr
        verdicts = {
            line["id"]: line["verdict"] for line in map(json.loads, result.stdout.splitlines())
        }
        assert verdicts == {key: verdict for key, _, verdict in PASTES}
        warnings = [line for line in result.stderr.splitlines() if "read replica" in line]
        assert len(warnings) == 1, result.stderr
        assert warnings[0].startswith("quotebot: read replica postgresql+psycopg://")
        assert "reading from the primary instead" in warnings[0]
        # The bot, running for weeks, warns once too, and tries the replica again later.
        caplog.clear()
        with (
            caplog.at_level(logging.INFO, logger="store.db.replicas"),
            Archive.open(primary_url, [replica.url]) as archive,
        ):
            archive.reads.retry_after_s = 0.0  # every read tries it again
            assert archive.stats().articles == 2
            assert archive.stats().articles == 2
            replica.start()
            assert archive.stats().articles == 2
        said = [(record.levelname, record.getMessage()) for record in caplog.records]
        assert [level for level, _ in said] == ["WARNING", "INFO"], said
        assert "answers again" in said[1][1]
    finally:
        if not _running(replica):
            replica.start()


def _ingest(folder: Path, name: str, story: str, *options: str) -> None:
    path = folder / name
    path.write_text(story, encoding="utf-8")
    result = run("ingest", str(path), *options)
    assert result.exit_code == 0, result.stderr


def _verdict(paste: str) -> str:
    result = run("check", paste, "--json")
    assert result.exit_code in (0, 1), result.stderr
    assert "read replica" not in result.stderr
    return str(json.loads(result.stdout)["verdict"])


def _running(replica: Replica) -> bool:
    return (replica.data / "postmaster.pid").exists()

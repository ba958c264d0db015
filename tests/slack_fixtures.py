"""Fixtures the Slack bot's tests share (a pytest plugin, loaded by conftest.py): the fake
Slack Web API, an SQLite archive holding the test stories, and the bot serving it over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_slack import FakeSlack
from slack_support import BotServer, bot_server, fill_archive

from store.archive import Archive


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


@pytest.fixture
def sqlite_archive(tmp_path: Path) -> Iterator[Archive]:
    """The two test stories on SQLite: most of the bot's behaviour does not depend on the
    database (tests that store use `archive`, which runs on both)."""
    with Archive.open(f"sqlite:///{tmp_path / 'archive.sqlite3'}") as archive:
        fill_archive(archive)
        yield archive


@pytest.fixture
def bot(sqlite_archive: Archive, fake: FakeSlack) -> Iterator[BotServer]:
    """The bot with the default settings, over the test stories."""
    with bot_server(sqlite_archive, fake) as server:
        yield server

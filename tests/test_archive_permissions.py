"""The SQLite archive is private to its owner: it holds the audit log (who checked what) and,
with several workspaces, their Slack tokens.

quotebot creates the archive file readable by its owner alone, and the default data folder
enterable by its owner alone; SQLite gives its -wal and -shm files the archive's mode. A file or
folder that already exists keeps the mode its owner gave it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import article, ferry_quotations

from bot.cli import cli
from store.archive import Archive
from store.settings import database_url


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask of most accounts, under which a file is created readable by everyone."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_default_archive_and_its_folder_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "data" / "quotebot"
    monkeypatch.setenv("QUOTEBOT_HOME", str(home))
    archive_file = home / "archive.sqlite3"

    with Archive.open(database_url()) as archive:
        archive.add(article(), ferry_quotations())
        files = {path.name: mode(path) for path in home.iterdir()}

    assert mode(home) == 0o700
    assert files == {
        "archive.sqlite3": 0o600,
        "archive.sqlite3-wal": 0o600,
        "archive.sqlite3-shm": 0o600,
    }
    assert mode(archive_file) == 0o600


def test_an_archive_named_by_url_in_an_existing_folder_is_created_private(tmp_path: Path) -> None:
    folder = tmp_path / "newsroom"
    folder.mkdir(mode=0o755)
    path = folder / "desk.sqlite3"

    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{path}", "stats", "--json"])

    assert result.exit_code == 0, result.stderr
    assert mode(path) == 0o600
    assert mode(folder) == 0o755


def test_an_existing_archive_and_folder_keep_their_modes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "shared"
    home.mkdir(mode=0o750)
    monkeypatch.setenv("QUOTEBOT_HOME", str(home))
    Archive.open(database_url()).close()
    (home / "archive.sqlite3").chmod(0o640)  # shared with the desk's group on purpose

    with Archive.open(database_url()) as archive:
        archive.add(article(), ferry_quotations())

    assert mode(home) == 0o750
    assert mode(home / "archive.sqlite3") == 0o640

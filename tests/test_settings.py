"""Where the archive lives: --db, then DATABASE_URL, then `.env`, then an SQLite file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from store.settings import database_url, quotebot_home

DOTENV_URL = "postgresql://archivist@127.0.0.1/from_dotenv"
ENVIRONMENT_URL = "postgresql://archivist@127.0.0.1/from_environment"


@pytest.fixture
def project_with_dotenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a `.env`, and the current directory."""
    (tmp_path / ".env").write_text(f"# archive\nDATABASE_URL={DOTENV_URL}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_explicit_url_wins_over_environment_and_dotenv(
    project_with_dotenv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", ENVIRONMENT_URL)

    assert database_url("sqlite:///explicit.sqlite3") == "sqlite:///explicit.sqlite3"


def test_environment_wins_over_dotenv(
    project_with_dotenv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", ENVIRONMENT_URL)

    assert database_url() == ENVIRONMENT_URL


def test_dotenv_in_the_current_directory_is_read(project_with_dotenv: Path) -> None:
    assert database_url() == DOTENV_URL


def test_dotenv_in_a_folder_above_the_current_directory_is_ignored(
    project_with_dotenv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A .env left in a home folder or a shared checkout must not pick the database (or the
    # Slack tokens) of a command run anywhere below it.
    subfolder = project_with_dotenv / "articles" / "2024"
    subfolder.mkdir(parents=True)
    monkeypatch.chdir(subfolder)

    assert database_url() == f"sqlite:///{quotebot_home() / 'archive.sqlite3'}"


def test_quotebot_env_file_names_the_dotenv_to_read(
    project_with_dotenv: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("QUOTEBOT_ENV_FILE", str(project_with_dotenv / ".env"))

    assert database_url() == DOTENV_URL


def test_a_quotebot_env_file_that_does_not_exist_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUOTEBOT_ENV_FILE", str(tmp_path / "quotebot.env"))

    result = CliRunner().invoke(cli, ["stats"])

    assert result.exit_code == 1
    assert result.stderr == (
        f"quotebot: QUOTEBOT_ENV_FILE names {tmp_path / 'quotebot.env'}, which is not a file\n"
    )


def test_dotenv_is_read_without_changing_the_process_environment(
    project_with_dotenv: Path,
) -> None:
    database_url()

    assert "DATABASE_URL" not in os.environ


def test_default_is_an_sqlite_file_in_quotebot_home_whose_folder_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    home = tmp_path / "data" / "quotebot"
    monkeypatch.setenv("QUOTEBOT_HOME", str(home))

    assert database_url() == f"sqlite:///{home / 'archive.sqlite3'}"
    assert home.is_dir()


def test_quotebot_home_defaults_to_the_xdg_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QUOTEBOT_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    assert quotebot_home() == tmp_path / "xdg" / "quotebot"


def test_quotebot_home_without_xdg_data_home_is_under_local_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QUOTEBOT_HOME")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "user"))

    assert quotebot_home() == tmp_path / "user" / ".local" / "share" / "quotebot"


def test_quotebot_home_can_come_from_dotenv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text(f"QUOTEBOT_HOME={tmp_path / 'newsroom'}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QUOTEBOT_HOME")

    assert database_url() == f"sqlite:///{tmp_path / 'newsroom' / 'archive.sqlite3'}"

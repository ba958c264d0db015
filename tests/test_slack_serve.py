"""`quotebot serve`: settings checked in one line, and the real server in its own process."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_slack import FakeSlack
from slack_support import (
    BOT_TOKEN,
    SIGNING_SECRET,
    STOOD_TOGETHER,
    environment,
    event_envelope,
    fill_archive,
    mention,
    send_form,
    send_json,
    slash_command,
)

from bot.cli import cli
from bot.slack.settings import Mode, SettingError, load_settings
from store.archive import Archive

QUOTEBOT = Path(sys.executable).with_name("quotebot")
LISTENING = re.compile(r"serving Slack's requests at (http://\S+)")


def serve(archive_url: str, env: dict[str, str], *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", archive_url, "serve", *args], env=env)
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("args", "unset", "named"),
    [
        ((), "SLACK_BOT_TOKEN", "SLACK_BOT_TOKEN is not set"),
        ((), "SLACK_APP_TOKEN", "SLACK_APP_TOKEN is not set"),
        (("--http",), "SLACK_SIGNING_SECRET", "SLACK_SIGNING_SECRET is not set"),
        (("--http",), "SLACK_BOT_TOKEN", "SLACK_BOT_TOKEN is not set"),
    ],
)
def test_a_missing_setting_is_one_line_naming_it(
    tmp_path: Path, args: tuple[str, ...], unset: str, named: str
) -> None:
    with FakeSlack() as fake:
        env = {name: value for name, value in environment(fake).items() if name != unset}
        code, stderr = serve(f"sqlite:///{tmp_path / 'a.sqlite3'}", env, *args)

    assert code == 1
    assert stderr.startswith(f"quotebot: {named}")
    assert len(stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SLACK_BOT_TOKEN", "xoxp-user-token", "SLACK_BOT_TOKEN is not a bot token"),
        ("SLACK_APP_TOKEN", "xoxb-wrong-kind", "SLACK_APP_TOKEN is not an app-level token"),
        ("SLACK_API_URL", "slack.internal/api", "SLACK_API_URL is not an http(s) URL"),
        ("SLACK_WATCHED_CHANNELS", "C0NEWS, #general", "'#general' is not a channel id"),
        ("SLACK_ADD_ALLOWED_NETWORKS", "10.0.0.0/33", "'10.0.0.0/33' is not a network"),
        ("SLACK_CLIENT_ID", "111.222", "SLACK_CLIENT_SECRET is not set"),
        ("SLACK_CHECK_WORKERS", "0", "SLACK_CHECK_WORKERS: '0' is not a whole number from 1"),
        ("SLACK_ADD_BACKLOG", "lots", "SLACK_ADD_BACKLOG: 'lots' is not a whole number from 0"),
        ("SLACK_CHECK_SECONDS", "nan", "SLACK_CHECK_SECONDS: 'nan' is not a number of seconds"),
        ("SLACK_ADD_SECONDS", "-5", "SLACK_ADD_SECONDS: '-5' is not a number of seconds"),
    ],
)
def test_a_malformed_setting_is_refused_naming_it(name: str, value: str, message: str) -> None:
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": "xapp-1-test",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        name: value,
    }

    with pytest.raises(SettingError) as refused:
        load_settings(Mode.SOCKET, env)

    assert message in str(refused.value)


def test_work_limits_have_defaults_and_take_the_values_given() -> None:
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}

    default = load_settings(Mode.HTTP, env).limits
    given = load_settings(
        Mode.HTTP, {**env, "SLACK_CHECK_SECONDS": "2.5", "SLACK_ADDS_PER_USER_PER_HOUR": "3"}
    ).limits

    assert (default.check_workers, default.check_seconds, default.add_seconds) == (4, 10.0, 60.0)
    assert (given.check_seconds, given.adds_per_user_per_hour) == (2.5, 3)


@pytest.mark.parametrize(
    "value",
    ["slack-proxy:hunter2@proxy.example/api", "ftp://xoxb-hunter2@proxy.example/api?token=x"],
)
def test_a_malformed_api_url_is_shown_without_its_credentials(value: str) -> None:
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": "xapp-1-test", "SLACK_API_URL": value}

    with pytest.raises(SettingError) as refused:
        load_settings(Mode.SOCKET, env)

    assert "SLACK_API_URL is not an http(s) URL" in str(refused.value)
    assert "***@proxy.example/api" in str(refused.value)
    assert "hunter2" not in str(refused.value)
    assert "token=x" not in str(refused.value)


def test_oauth_install_needs_http_mode() -> None:
    env = {"SLACK_CLIENT_ID": "111.222", "SLACK_CLIENT_SECRET": "s", "SLACK_APP_TOKEN": "xapp-1"}

    with pytest.raises(SettingError, match="needs `quotebot serve --http`"):
        load_settings(Mode.SOCKET, env)


def test_settings_are_read_from_dotenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text(
        f"SLACK_BOT_TOKEN={BOT_TOKEN}\nSLACK_SIGNING_SECRET={SIGNING_SECRET}\n"
        "SLACK_WATCHED_CHANNELS=C0DESK,C0POLITICS\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)

    settings = load_settings(Mode.HTTP, {})

    assert settings.bot_token == BOT_TOKEN
    assert settings.watched_channels == {"C0DESK", "C0POLITICS"}
    assert settings.api_url == "https://slack.com/api/"


def test_slack_refusing_the_token_is_one_line(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        env = environment(fake, SLACK_API_URL=f"{fake.base_url}/nowhere/")
        code, stderr = serve(f"sqlite:///{tmp_path / 'a.sqlite3'}", env, "--http", "--port", "0")

    assert code == 1
    assert stderr.startswith("quotebot: ")
    assert len(stderr.splitlines()) == 1


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[FakeSlack, str, subprocess.Popen[str]]]:
    """`quotebot serve --http --port 0` in its own process, against the fake Slack."""
    archive_url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    with Archive.open(archive_url) as archive:
        fill_archive(archive)
    with FakeSlack() as fake:
        env = {**os.environ, **environment(fake)}
        process = subprocess.Popen(
            [
                str(QUOTEBOT),
                "--db",
                archive_url,
                "serve",
                "--http",
                "--port",
                "0",
                "--host",
                "127.0.0.1",
            ],
            env=env,
            cwd=tmp_path,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            url = _listening_url(process)
            yield fake, url, process
        finally:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)
            if process.stderr:
                process.stderr.close()


def _listening_url(process: subprocess.Popen[str]) -> str:
    assert process.stderr is not None
    seen = []
    for line in process.stderr:
        seen.append(line)
        found = LISTENING.search(line)
        if found:
            return found.group(1)
    raise AssertionError(f"quotebot serve did not start: {''.join(seen)}")


def test_serve_http_answers_slack_from_its_own_process_and_stops_on_sigterm(
    served: tuple[FakeSlack, str, subprocess.Popen[str]],
) -> None:
    fake, url, process = served
    paste = f'"{STOOD_TOGETHER}," Ines Calloway said'

    command = send_form(url, slash_command(paste, fake.response_url("cmd")))
    event = send_json(url, event_envelope(mention(paste), "Ev0PROCESS01"))
    bad = send_form(url, slash_command(paste, fake.response_url()), secret="wrong")

    assert (command.status_code, event.status_code, bad.status_code) == (200, 200, 401)
    (answer,) = fake.wait_for("response")
    assert answer.body["text"].startswith("✅ Verified")
    (post,) = fake.wait_for("chat.postMessage")
    assert post.body["thread_ts"] == "1700000500.000500"
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0

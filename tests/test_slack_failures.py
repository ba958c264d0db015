"""A failure in any listener's work gets the polite reply where the answer would have been,
and nothing at all in a watched channel: one error path (bot.slack.workers), tested through
the real Bolt app over HTTP against the fake Slack Web API.

The people, outlets and stories are invented for the tests.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fake_slack import FakeSlack
from slack_support import (
    CHANNEL,
    STOOD_TOGETHER,
    BotServer,
    button_click,
    button_values,
    channel_message,
    event_envelope,
    mention,
    message_shortcut,
    send_form,
    send_json,
    send_payload,
    slash_command,
)
from test_slack_review import file_message, shared_file, submission

from bot.slack import card
from bot.slack.listeners import commands
from bot.verifier.deadline import CheckTimedOut
from bot.verifier.verify import Verifier
from store.errors import ArchiveError

PASTE = f'"{STOOD_TOGETHER}," Ines Calloway said'
DRAFT = f'Saltmarsh strike ends\n\n"{STOOD_TOGETHER}," said Ines Calloway.\n'
WENT_WRONG = ":warning: Something went wrong"
TOO_LONG = ":hourglass: That is taking too long to check here."
UNREACHABLE = ":warning: The archive cannot be reached right now."
SECRET = "index corrupted <!channel>"


def _raise(error: Exception) -> Any:
    def broken(*_: Any, **__: Any) -> Any:
        raise error

    return broken


@pytest.fixture
def failures_logged() -> Iterator[threading.Event]:
    """Set when the bot logs a failure (bot.slack.notices.for_failure logs every one)."""
    logged = threading.Event()

    class Handler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            logged.set()

    logger = logging.getLogger("bot.slack.notices")
    handler = Handler(logging.WARNING)
    logger.addHandler(handler)
    yield logged
    logger.removeHandler(handler)


def test_a_failed_slash_command_is_told_privately(
    bot: BotServer, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Verifier, "check", _raise(CheckTimedOut("past 20 s")))

    send_form(bot.url, slash_command(PASTE, fake.response_url()))

    (answer,) = fake.wait_for("response")
    assert answer.body["response_type"] == "ephemeral"
    assert answer.body["text"].startswith(TOO_LONG)


def test_a_failed_add_is_told_privately(
    bot: BotServer, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "add_article", _raise(ArchiveError("database is locked")))

    send_form(bot.url, slash_command("add https://vexco.example/story", fake.response_url()))

    (answer,) = fake.wait_for("response")
    assert answer.body["response_type"] == "ephemeral"
    assert answer.body["text"].startswith(UNREACHABLE)
    assert "locked" not in answer.all_text()


def test_a_failed_shortcut_is_told_privately(
    bot: BotServer, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Verifier, "check", _raise(RuntimeError(SECRET)))

    send_payload(bot.url, message_shortcut(PASTE, fake.response_url()))

    (answer,) = fake.wait_for("response")
    assert answer.body["response_type"] == "ephemeral"
    assert answer.body["text"].startswith(WENT_WRONG)
    assert "corrupted" not in answer.all_text()
    assert fake.calls("chat.postMessage") == []


def test_a_failed_mention_is_told_in_its_thread(
    bot: BotServer, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Verifier, "check", _raise(RuntimeError(SECRET)))

    send_json(bot.url, event_envelope(mention(PASTE, ts="1700002000.000100")))

    (reply,) = fake.wait_for("chat.postMessage")
    assert reply.body["thread_ts"] == "1700002000.000100"
    assert reply.body["text"].startswith(WENT_WRONG)
    assert "corrupted" not in reply.all_text()


def test_a_failed_button_is_told_privately_to_who_clicked(
    bot: BotServer, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    send_form(bot.url, slash_command(PASTE, fake.response_url("first")))
    (answer,) = fake.wait_for("response")
    lookup = button_values(answer.body["blocks"])[card.CONTEXT_ACTION]
    monkeypatch.setattr(Verifier, "check_quote", _raise(RuntimeError(SECRET)))

    send_payload(bot.url, button_click(card.CONTEXT_ACTION, lookup, fake.response_url("click")))

    _, told = fake.wait_for("response", 2)
    assert told.path == "/response/click"
    assert told.body["response_type"] == "ephemeral"
    assert told.body["replace_original"] is False
    assert told.body["text"].startswith(WENT_WRONG)


def test_a_failed_review_form_is_told_where_the_review_would_be(
    bot: BotServer, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Verifier, "review", _raise(RuntimeError(SECRET)))
    metadata = f'{{"channel": "{CHANNEL}", "response_url": "{fake.response_url("review")}"}}'

    send_payload(bot.url, submission(DRAFT, metadata))

    (reply,) = fake.wait_for("chat.postMessage")
    assert reply.body["channel"] == CHANNEL
    assert reply.body["text"].startswith(WENT_WRONG)
    assert "corrupted" not in reply.all_text()


def test_a_failed_shared_draft_is_told_in_its_thread(
    bot: BotServer, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Verifier, "review", _raise(ArchiveError("connection refused")))
    event = file_message([shared_file(fake, DRAFT.encode())], ts="1700002100.000100")

    send_json(bot.url, event_envelope(event))

    (reply,) = fake.wait_for("chat.postMessage")
    assert reply.body["thread_ts"] == "1700002100.000100"
    assert reply.body["text"].startswith(UNREACHABLE)


def test_a_failure_in_a_watched_channel_is_logged_and_never_posted(
    bot: BotServer,
    fake: FakeSlack,
    monkeypatch: pytest.MonkeyPatch,
    failures_logged: threading.Event,
) -> None:
    monkeypatch.setattr(Verifier, "check", _raise(RuntimeError(SECRET)))

    send_json(bot.url, event_envelope(channel_message(PASTE)))

    assert failures_logged.wait(timeout=10)
    assert fake.calls("chat.postMessage") == []
    assert fake.calls("response") == []

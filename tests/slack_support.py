"""The Slack bot under test: the real Bolt app, served over real HTTP on 127.0.0.1 by the same
waitress server `quotebot serve --http` uses, talking to the fake Web API (fake_slack.py), and
Slack's requests built and signed as Slack builds and signs them.

The people, outlets and stories are invented for the tests.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

import httpx
from fake_slack import BOT_USER_ID, TEAM_ID, FakeSlack
from slack_sdk.signature import SignatureVerifier

from bot.slack.app import build_app
from bot.slack.server import http_server
from bot.slack.services import stop_workers
from bot.slack.settings import Mode, load_settings
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import Article
from store.ingest import quotations_of

SIGNING_SECRET = "0d1e2a3d4b5e6e7f8a9b0c1d2e3f4a5b"
BOT_TOKEN = "xoxb-0000-newsroom-test"
APP_TOKEN = "xapp-1-A0QUOTEBOT-0000-test"
CHANNEL = "C0NEWSDESK"
WATCHED = "C0WATCHED"
EDITOR = "U0EDITOR"

DOCK_STORY = """\
Dock workers at Saltmarsh vote to end the strike

SALTMARSH — Dock workers at Saltmarsh voted on Monday to end a three-week strike.

"We stood together for three weeks and the port owners finally listened to us," said \
Ines Calloway, the union's branch secretary.

"Tell <!channel> and <@U0BOSS> that the vote is off & the gates open at six," Calloway said \
later, reading from the union's notice board.

Read the original article on Saltmarsh Ledger
"""
LONG_SPEECH_WORDS = (
    "the harbour belongs to the people who work it and to the families who wait for them "
    "through every winter storm and every summer season"
)
LONG_STORY = (
    "Harbour master's farewell speech\n\n"
    "At her farewell the harbour master, Odile Marchetti, spoke for a long time.\n\n"
    f'"{" and ".join([LONG_SPEECH_WORDS] * 24)}," said Odile Marchetti.\n\n'
    "Read the original article on Saltmarsh Ledger\n"
)
STOOD_TOGETHER = "We stood together for three weeks and the port owners finally listened to us"
GATES_QUOTE = "that the vote is off & the gates open at six"


def fill_archive(archive: Archive) -> None:
    """The two stories, stored the way `quotebot ingest` stores them."""
    for number, text in enumerate((DOCK_STORY, LONG_STORY)):
        article = Article(
            text=text,
            title=text.splitlines()[0],
            outlet="Saltmarsh Ledger",
            url=f"https://saltmarsh-ledger.example/news/{number}",
            published=dt.date(2025, 6, 2 + number),
            source=f"story-{number}.txt",
        )
        archive.add(article, quotations_of(article))


def environment(fake: FakeSlack, **extra: str) -> dict[str, str]:
    """The settings a deployment would put in its environment, pointing at the fake."""
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        "SLACK_WATCHED_CHANNELS": WATCHED,
        # Adding is switched off until configured; the tests of what an add does let everyone
        # add, and tests/test_slack_add_access.py sets who may.
        "SLACK_ADD_ALLOWED_USERS": "everyone",
        **extra,
    }


class BotServer:
    """The app built from settings, served on 127.0.0.1 at a free port by the server
    `quotebot serve --http` runs, its waitress settings overridden by `tuning`."""

    def __init__(
        self,
        archive: Archive,
        fake: FakeSlack,
        *,
        verifier: Verifier | None = None,
        tuning: dict[str, Any] | None = None,
        **extra: str,
    ) -> None:
        settings = load_settings(Mode.HTTP, environment(fake, **extra))
        self.app = build_app(settings, archive, verifier=verifier)
        self._server = http_server(
            self.app,
            SIGNING_SECRET,
            host="127.0.0.1",
            port=0,
            **{"asyncore_loop_timeout": 0.05, **(tuning or {})},
        )
        self.url = f"http://127.0.0.1:{self._server.effective_port}/slack/events"
        self._closing = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._server.run()
        except OSError:
            if not self._closing:  # closing the socket under select() is how waitress stops
                raise

    def close(self) -> None:
        self._closing = True
        self._server.task_dispatcher.shutdown()
        self._server.close()
        self._thread.join(timeout=5)
        stop_workers(self.app)


@contextmanager
def bot_server(archive: Archive, fake: FakeSlack, **options: Any) -> Iterator[BotServer]:
    server = BotServer(archive, fake, **options)
    try:
        yield server
    finally:
        server.close()


# -- Slack's requests ---------------------------------------------------------------------------


def send(
    url: str,
    body: str,
    content_type: str,
    *,
    secret: str = SIGNING_SECRET,
    timestamp: int | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """POST `body` signed as Slack signs it (v0 HMAC of `v0:timestamp:body`)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    sent = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature,
        **(headers or {}),
    }
    return httpx.post(url, content=body.encode("utf-8"), headers=sent, timeout=10)


def send_form(url: str, fields: dict[str, str], **options: Any) -> httpx.Response:
    return send(url, urlencode(fields), "application/x-www-form-urlencoded", **options)


def send_json(url: str, document: dict[str, Any], **options: Any) -> httpx.Response:
    return send(url, json.dumps(document), "application/json", **options)


def send_payload(url: str, payload: dict[str, Any], **options: Any) -> httpx.Response:
    """An interactive request: form-encoded, one field `payload` holding JSON."""
    return send_form(url, {"payload": json.dumps(payload)}, **options)


def slash_command(text: str, response_url: str, *, user: str = EDITOR) -> dict[str, str]:
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "team_domain": "newsroom",
        "channel_id": CHANNEL,
        "channel_name": "newsdesk",
        "user_id": user,
        "user_name": "editor",
        "command": "/quote",
        "text": text,
        "api_app_id": "A0QUOTEBOT",
        "response_url": response_url,
        "trigger_id": "1234.5678.abcdef",
    }


def message_shortcut(text: str, response_url: str, *, ts: str = "1700000100.000100") -> dict:
    return {
        "type": "message_action",
        "callback_id": "verify_quote",
        "trigger_id": "1234.5678.abcdef",
        "action_ts": "1700000200.000200",
        "team": {"id": TEAM_ID, "domain": "newsroom"},
        "user": {"id": EDITOR, "name": "editor"},
        "channel": {"id": CHANNEL, "name": "newsdesk"},
        "message": {"type": "message", "user": "U0REPORTER", "ts": ts, "text": text},
        "response_url": response_url,
        "api_app_id": "A0QUOTEBOT",
        "token": "legacy-verification-token",
    }


def button_click(
    action_id: str,
    value: str,
    response_url: str,
    *,
    ephemeral: bool = True,
    team: str = TEAM_ID,
    user: str = EDITOR,
) -> dict:
    return {
        **_interaction("block_actions", team=team, user=user),
        "container": {
            "type": "message",
            "message_ts": "1700000300.000300",
            "channel_id": CHANNEL,
            "is_ephemeral": ephemeral,
        },
        "trigger_id": "1234.5678.abcdef",
        "channel": {"id": CHANNEL, "name": "newsdesk"},
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": "answer_buttons",
                "type": "button",
                "value": value,
                "action_ts": "1700000400.000400",
            }
        ],
    }


def view_submission(
    callback_id: str,
    values: dict[str, dict[str, dict[str, Any]]],
    metadata: str = "",
    *,
    team: str = TEAM_ID,
    user: str = EDITOR,
) -> dict[str, Any]:
    """A modal's Submit as Slack posts it: `values` maps block id -> action id -> input state."""
    return {
        **_interaction("view_submission", team=team, user=user),
        "trigger_id": "1234.5678.submit",
        "view": {
            "id": "V0MODAL",
            "team_id": team,
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": metadata,
            "state": {"values": values},
        },
        "response_urls": [],
    }


def _interaction(kind: str, *, team: str, user: str) -> dict[str, Any]:
    """What every interactive payload (a button click, a modal's Submit) starts with."""
    return {
        "type": kind,
        "team": {"id": team, "domain": "newsroom"},
        "user": {"id": user, "name": "editor", "team_id": team},
        "api_app_id": "A0QUOTEBOT",
        "token": "legacy-verification-token",
    }


def event_envelope(event: dict[str, Any], event_id: str = "Ev0000000001") -> dict[str, Any]:
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "api_app_id": "A0QUOTEBOT",
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": 1700000000,
        "authorizations": [
            {"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True, "enterprise_id": None}
        ],
    }


def mention(text: str, *, channel: str = CHANNEL, ts: str = "1700000500.000500") -> dict:
    return {
        "type": "app_mention",
        "user": EDITOR,
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }


def channel_message(
    text: str, *, channel: str = WATCHED, ts: str = "1700000600.000600", **fields: Any
) -> dict:
    return {
        "type": "message",
        "channel_type": "channel",
        "user": "U0REPORTER",
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        **fields,
    }


def button_values(blocks: list[dict[str, Any]]) -> dict[str, str]:
    """action_id → value of every button in `blocks`."""
    return {
        element["action_id"]: element["value"]
        for block in blocks
        if block.get("type") == "actions"
        for element in block.get("elements", [])
    }

"""Socket Mode: the bot connects to a local WebSocket server standing in for Slack,
acknowledges each envelope with its id, and answers through the fake Web API."""

from __future__ import annotations

import threading

from fake_slack import FakeSlack
from slack_support import (
    APP_TOKEN,
    STOOD_TOGETHER,
    environment,
    event_envelope,
    mention,
    slash_command,
)
from socket_mode_support import StandInSlack

from bot.slack.app import build_app
from bot.slack.server import run_socket_mode
from bot.slack.settings import Mode, load_settings
from store.archive import Archive

PASTE = f'"{STOOD_TOGETHER}," Ines Calloway said'


def test_socket_mode_acknowledges_each_envelope_and_answers(sqlite_archive: Archive) -> None:
    with FakeSlack() as fake:
        envelopes = [
            {
                "envelope_id": "env-command-1",
                "type": "slash_commands",
                "accepts_response_payload": True,
                "payload": slash_command(PASTE, fake.response_url("socket")),
            },
            {
                "envelope_id": "env-event-2",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "retry_reason": "",
                "payload": event_envelope(mention(PASTE), "Ev0SOCKET001"),
            },
        ]
        with StandInSlack(envelopes) as slack:
            fake.socket_mode_url = slack.url
            settings = load_settings(Mode.SOCKET, environment(fake))
            app = build_app(settings, sqlite_archive)
            stop = threading.Event()
            announced: list[str] = []
            running = threading.Thread(
                target=run_socket_mode, args=(app, APP_TOKEN, announced.append, stop)
            )
            running.start()
            try:
                acks = slack.wait_for_acks(2)
                (answer,) = fake.wait_for("response")
                (post,) = fake.wait_for("chat.postMessage")
            finally:
                stop.set()
                running.join(timeout=10)

    assert announced == ["connected to Slack in Socket Mode"]
    assert sorted(ack["envelope_id"] for ack in acks) == ["env-command-1", "env-event-2"]
    (opened,) = fake.calls("apps.connections.open")
    assert opened.headers["authorization"] == f"Bearer {APP_TOKEN}"
    assert answer.body["text"].startswith("✅ Verified")
    assert post.body["thread_ts"] == "1700000500.000500"
    assert not running.is_alive()

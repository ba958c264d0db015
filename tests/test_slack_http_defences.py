"""The HTTP server against requests nobody signed: malformed, forged, half-sent or idle.

Over real HTTP against the server `quotebot serve --http` runs. A request without a valid
signature is refused with 400 or 401 and one short line in the log, never a traceback and never
its body; and a few hundred clients that connect and never finish a request do not keep Slack's
signed requests out.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import socket
import time
from contextlib import ExitStack

import httpx
import pytest
from fake_slack import FakeSlack
from slack_support import (
    SIGNING_SECRET,
    STOOD_TOGETHER,
    BotServer,
    bot_server,
    send_form,
    slash_command,
)

from store.archive import Archive

#: A body far larger than anything Slack sends, marked so that it can be looked for in the log.
MARKER = "NOT-FROM-SLACK-"
BIG_BODY = "text=" + MARKER * 50_000  # 750 KB


def post(url: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
    sent = {"Content-Type": "application/x-www-form-urlencoded", **headers}
    return httpx.post(url, content=body, headers=sent, timeout=10)


def slack_signature(timestamp: str, body: bytes, secret: str = SIGNING_SECRET) -> str:
    digest = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    return "v0=" + digest.hexdigest()


#: Stands for the time the request is sent (the cases are built before the tests run).
NOW = "{now}"


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({}, BIG_BODY.encode(), 401),
        (
            {"X-Slack-Request-Timestamp": NOW, "X-Slack-Signature": "v0=" + "0" * 64},
            BIG_BODY.encode(),
            401,
        ),
        (
            {"X-Slack-Request-Timestamp": NOW, "X-Slack-Signature": "v0=" + "0" * 64},
            b"text=caf\xe9-" + MARKER.encode(),
            400,
        ),
        (
            {
                "X-Slack-Request-Timestamp": "yesterday",
                "X-Slack-Signature": slack_signature("yesterday", BIG_BODY.encode()),
            },
            BIG_BODY.encode(),
            400,
        ),
        ({"X-Slack-Request-Timestamp": "1e9", "X-Slack-Signature": "v0=1"}, b"x=1", 400),
        (
            {"X-Slack-Request-Timestamp": NOW, "X-Slack-Signature": "{signature}"},
            b"payload=%7B" + MARKER.encode(),
            400,
        ),
    ],
    ids=[
        "unsigned",
        "wrong signature",
        "not utf-8",
        "timestamp not a number",
        "exponent",
        "signed, not JSON",
    ],
)
def test_an_unsigned_or_malformed_request_is_refused_in_one_line_without_its_body(
    bot: BotServer,
    fake: FakeSlack,
    caplog: pytest.LogCaptureFixture,
    headers: dict[str, str],
    body: bytes,
    status: int,
) -> None:
    caplog.set_level(logging.DEBUG)
    stamp = str(int(time.time()))

    signature = slack_signature(stamp, body)
    sent = {name: value.format(now=stamp, signature=signature) for name, value in headers.items()}

    refused = post(bot.url, body, sent)
    fake.quiet_for(0.2)

    assert refused.status_code == status
    logged = server_log(caplog)
    assert MARKER not in logged
    assert "Traceback" not in logged
    assert all(record.exc_info is None for record in caplog.records)
    [about_it] = [record for record in caplog.records if "refused a request" in record.message]
    assert len(about_it.getMessage()) < 200
    assert fake.calls("response") == []


def test_twenty_unsigned_megabyte_requests_write_twenty_short_lines(
    bot: BotServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    statuses = {post(bot.url, BIG_BODY.encode(), {}).status_code for _ in range(20)}

    assert statuses == {401}
    assert len(server_log(caplog)) < 20 * 300


def server_log(caplog: pytest.LogCaptureFixture) -> str:
    """What the bot's side logged: the test's own HTTP client (httpx) is left out."""
    return "\n".join(
        caplog.handler.format(record)
        for record in caplog.records
        if not record.name.startswith(("httpx", "httpcore"))
    )


def half_sent(url: str) -> socket.socket:
    """A connection that starts a request, sends half its body, and then waits."""
    host, port = url.removeprefix("http://").split("/")[0].split(":")
    connection = socket.create_connection((host, int(port)), timeout=5)
    connection.sendall(
        b"POST /slack/events HTTP/1.1\r\nHost: bot.example\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
        + b"text="
        + b"x" * 495
    )
    return connection


def test_a_signed_request_is_answered_while_a_hundred_and_ten_clients_sit_idle(
    bot: BotServer, fake: FakeSlack
) -> None:
    with ExitStack() as idle:
        for _ in range(110):
            idle.enter_context(half_sent(bot.url))

        answered = send_form(bot.url, slash_command(f'"{STOOD_TOGETHER}"', fake.response_url()))

    assert answered.status_code == 200
    assert fake.wait_for("response")[0].body["text"].startswith("✅ Verified")


def test_idle_clients_are_dropped_so_a_full_server_lets_slack_in_again(
    sqlite_archive: Archive, fake: FakeSlack
) -> None:
    # The production settings with shorter timeouts, and room for twenty connections only.
    tuning = {"connection_limit": 20, "channel_timeout": 1, "cleanup_interval": 0.5}
    with bot_server(sqlite_archive, fake, tuning=tuning) as bot, ExitStack() as idle:
        clients = [idle.enter_context(half_sent(bot.url)) for _ in range(30)]

        answered = send_form(bot.url, slash_command(f'"{STOOD_TOGETHER}"', fake.response_url()))
        dropped = [client.recv(1024) for client in clients[:20]]

    assert answered.status_code == 200
    assert dropped == [b""] * 20  # closed by the server, without a word

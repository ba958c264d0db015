"""Under load the bot still acknowledges every request within Slack's three seconds.

Slow `/quote add` downloads and slow checks run on the bot's own bounded workers, never on the
threads Bolt acknowledges from; a full pool is answered "busy", a check past its time limit
"too long to check here", and one person cannot queue adds without end. The three-second bound
asserted here is Slack's contract, the one timed assertion the tests make.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fake_slack import FakeSlack
from load_support import SlowVerifier, TrickleServer, trickling_site
from slack_support import (
    APP_TOKEN,
    LONG_SPEECH_WORDS,
    STOOD_TOGETHER,
    bot_server,
    environment,
    message_shortcut,
    send_form,
    send_payload,
    slash_command,
)
from socket_mode_support import StandInSlack

from bot.slack.app import build_app
from bot.slack.server import run_socket_mode
from bot.slack.services import stop_workers
from bot.slack.settings import Mode, load_settings
from store.archive import Archive

#: Slack's limit for acknowledging a command, shortcut or button.
ACK_SECONDS = 3.0
ORDINARY_PASTE = f'"{STOOD_TOGETHER}," Ines Calloway said'
#: A long stretch of the harbour master's speech: seconds to check for SlowVerifier.
SLOW_PASTE = '"' + " and ".join([LONG_SPEECH_WORDS] * 4) + '," said Odile Marchetti'
SLOW_CHECK_SECONDS = 3.0
#: Her words run on for 4,800 characters: most of a second for the real verifier over the
#: test archive.
LONG_PASTE = '"' + ((LONG_SPEECH_WORDS + " ") * 40)[:4_800] + '," said Odile Marchetti'
LOOPBACK = "127.0.0.1/32"


@pytest.fixture
def trickle() -> Iterator[TrickleServer]:
    with trickling_site() as site:
        yield site


def timed(send: object) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = send()  # type: ignore[operator]
    return response, time.monotonic() - started


def responses_saying(fake: FakeSlack, start: str, path: str = "/response/") -> list[str]:
    return [
        r.body["text"]
        for r in fake.calls("response")
        if r.body["text"].startswith(start) and r.path.startswith(path)
    ]


def wait_for_responses(
    fake: FakeSlack, start: str, count: int, *, path: str = "/response/", timeout: float = 20.0
) -> None:
    deadline = time.monotonic() + timeout
    while len(responses_saying(fake, start, path)) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"{count} responses to {path} starting {start!r} expected")
        time.sleep(0.05)


def test_slow_adds_and_slow_checks_never_keep_twenty_commands_from_being_acknowledged(
    sqlite_archive: Archive, fake: FakeSlack, trickle: TrickleServer
) -> None:
    slow = SlowVerifier(sqlite_archive, SLOW_CHECK_SECONDS)
    with bot_server(
        sqlite_archive,
        fake,
        verifier=slow,
        SLACK_ADD_ALLOWED_NETWORKS=LOOPBACK,
        SLACK_ADD_WORKERS="5",
        SLACK_CHECK_WORKERS="5",
    ) as bot:
        for number in range(5):  # five downloads that would take an hour each
            add = slash_command(f"add <{trickle.url(f'story-{number}')}>", fake.response_url())
            assert send_form(bot.url, add).status_code == 200
        for _ in range(5):  # five checks of long pastes, seconds each
            long_check = slash_command(SLOW_PASTE, fake.response_url("slow"))
            assert send_form(bot.url, long_check).status_code == 200
        wait_for_responses(fake, ":hourglass_flowing_sand: Reading", 5)
        slow.wait_until_started(5)

        ordinary = slash_command(ORDINARY_PASTE, fake.response_url("ordinary"))
        with ThreadPoolExecutor(max_workers=20) as senders:
            sent = list(
                senders.map(lambda _: timed(lambda: send_form(bot.url, ordinary)), range(20))
            )

        assert [response.status_code for response, _ in sent] == [200] * 20
        assert [response.text for response, _ in sent] == [""] * 20  # taken on, not refused
        assert max(seconds for _, seconds in sent) < ACK_SECONDS
        # Every check is answered in the end.
        wait_for_responses(fake, "✅ Verified", 20, path="/response/ordinary")
        wait_for_responses(fake, "✅ Verified", 5, path="/response/slow")
        assert trickle.requests == 5  # and the downloads still going


def test_a_check_past_its_time_limit_is_answered_too_long_to_check_here(
    sqlite_archive: Archive, fake: FakeSlack
) -> None:
    # The real verifier, which takes most of a second over the long paste.
    with bot_server(sqlite_archive, fake, SLACK_CHECK_SECONDS="0.05") as bot:
        send_form(bot.url, slash_command(LONG_PASTE, fake.response_url()))
        (answer,) = fake.wait_for("response")

    assert answer.body["text"].startswith(":hourglass: That is taking too long to check here.")
    assert "`quotebot check`" in answer.body["text"]
    assert sqlite_archive.stats().lookups == 0


def test_a_full_pool_answers_busy_at_once_instead_of_queuing(
    sqlite_archive: Archive, fake: FakeSlack
) -> None:
    slow = SlowVerifier(sqlite_archive, SLOW_CHECK_SECONDS)
    options = {"SLACK_CHECK_WORKERS": "1", "SLACK_CHECK_BACKLOG": "0"}
    with bot_server(sqlite_archive, fake, verifier=slow, **options) as bot:
        send_form(bot.url, slash_command(SLOW_PASTE, fake.response_url("slow")))
        slow.wait_until_started(1)

        command, seconds = timed(
            lambda: send_form(bot.url, slash_command(ORDINARY_PASTE, fake.response_url()))
        )
        shortcut = send_payload(bot.url, message_shortcut(ORDINARY_PASTE, fake.response_url("sc")))
        (busy,) = fake.wait_for("response")

    assert seconds < ACK_SECONDS
    assert json.loads(command.text)["text"] == (
        ":hourglass: I am busy with other checks right now; please try again in a minute."
    )
    assert shortcut.status_code == 200
    assert busy.path == "/response/sc"
    assert busy.body["response_type"] == "ephemeral"
    assert busy.body["text"].startswith(":hourglass: I am busy with other checks")


def test_one_person_may_add_only_so_many_articles_an_hour(
    sqlite_archive: Archive, fake: FakeSlack, trickle: TrickleServer
) -> None:
    options = {"SLACK_ADD_ALLOWED_NETWORKS": LOOPBACK, "SLACK_ADDS_PER_USER_PER_HOUR": "2"}
    with bot_server(sqlite_archive, fake, **options) as bot:
        asked = [
            send_form(bot.url, slash_command(f"add <{trickle.url(str(n))}>", fake.response_url()))
            for n in range(3)
        ]
        colleague = send_form(
            bot.url,
            slash_command(f"add <{trickle.url('3')}>", fake.response_url(), user="U0COLLEAGUE"),
        )
        wait_for_responses(fake, ":hourglass_flowing_sand: Reading", 2)

    assert [response.text for response in asked[:2]] == ["", ""]
    assert json.loads(asked[2].text)["text"] == (
        ":hourglass: You have asked me to add 2 articles in the last hour, as many as one "
        "person may; please try again later."
    )
    assert colleague.text == ""


def test_a_download_past_its_time_limit_is_given_up_and_recorded(
    sqlite_archive: Archive, fake: FakeSlack, trickle: TrickleServer
) -> None:
    url = trickle.url("endless")
    # A byte a second: no single read waits long enough to time out, the whole download does.
    options = {"SLACK_ADD_ALLOWED_NETWORKS": LOOPBACK, "SLACK_ADD_SECONDS": "1.5"}
    with bot_server(sqlite_archive, fake, **options) as bot:
        send_form(bot.url, slash_command(f"add <{url}>", fake.response_url()))
        answers = fake.wait_for("response", 2)

    assert answers[1].body["text"] == (
        f":x: Could not add {url}: timed out: the download took too long"
    )
    (recorded,) = sqlite_archive.recent_adds()
    assert (recorded.outcome, recorded.detail) == (
        "failed",
        "timed out: the download took too long",
    )


def test_socket_mode_acknowledges_every_envelope_while_slow_checks_run(
    sqlite_archive: Archive, fake: FakeSlack
) -> None:
    slow = SlowVerifier(sqlite_archive, SLOW_CHECK_SECONDS)
    slow_ones = [
        command_envelope(f"slow-{n}", SLOW_PASTE, fake.response_url("slow")) for n in range(5)
    ]
    ordinary = [
        command_envelope(f"ordinary-{n}", ORDINARY_PASTE, fake.response_url()) for n in range(20)
    ]
    settings = load_settings(Mode.SOCKET, environment(fake, SLACK_CHECK_WORKERS="5"))
    app = build_app(settings, sqlite_archive, verifier=slow)
    stop = threading.Event()
    with StandInSlack(slow_ones + ordinary) as slack:
        fake.socket_mode_url = slack.url
        running = threading.Thread(target=run_socket_mode, args=(app, APP_TOKEN, print, stop))
        running.start()
        try:
            acks = slack.wait_for_acks(25, timeout=ACK_SECONDS * 3)
            wait_for_responses(fake, "✅ Verified", 20, path="/response/r")
            wait_for_responses(fake, "✅ Verified", 5, path="/response/slow")
        finally:
            stop.set()
            running.join(timeout=10)
            stop_workers(app)

    assert sorted(ack["envelope_id"] for ack in acks) == sorted(
        envelope["envelope_id"] for envelope in slow_ones + ordinary
    )
    assert slack.sent_at is not None
    assert max(slack.acked_at) - slack.sent_at < ACK_SECONDS


def command_envelope(envelope_id: str, text: str, response_url: str) -> dict:
    return {
        "envelope_id": envelope_id,
        "type": "slash_commands",
        "accepts_response_payload": True,
        "payload": slash_command(text, response_url),
    }

"""The Slack bot over real HTTP: signed requests in, what it posts to a fake Slack out.

The app is the real Bolt app that `quotebot serve --http` builds, served by waitress on
127.0.0.1; Slack's Web API and response URLs are the fake in fake_slack.py.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fake_slack import BOT_ID, BOT_USER_ID, TEAM_ID, FakeSlack
from slack_support import (
    CHANNEL,
    EDITOR,
    GATES_QUOTE,
    LONG_SPEECH_WORDS,
    STOOD_TOGETHER,
    WATCHED,
    BotServer,
    bot_server,
    button_click,
    button_values,
    channel_message,
    event_envelope,
    fill_archive,
    mention,
    message_shortcut,
    send_form,
    send_json,
    send_payload,
    slash_command,
)

from bot.slack import card
from bot.verifier.verify import Verifier
from store.archive import Archive

VERIFIED_PASTE = f'"{STOOD_TOGETHER}," Ines Calloway said'
UNKNOWN_PASTE = '"The moon is made of green cheese and always was," Ines Calloway said'


def all_sections(blocks: list[dict]) -> list[str]:
    texts = []
    for block in blocks:
        if "text" in block and isinstance(block["text"], dict):
            texts.append(block["text"]["text"])
        for element in block.get("elements", []):
            if isinstance(element.get("text"), str):
                texts.append(element["text"])
    return texts


# -- /quote -------------------------------------------------------------------------------------


def test_slash_command_answers_privately_with_a_share_button(
    bot: BotServer, fake: FakeSlack, sqlite_archive: Archive
) -> None:
    acknowledged = send_form(bot.url, slash_command(VERIFIED_PASTE, fake.response_url("cmd")))

    assert acknowledged.status_code == 200
    assert acknowledged.text == ""
    (answer,) = fake.wait_for("response")
    assert answer.path == "/response/cmd"
    assert answer.body["response_type"] == "ephemeral"
    assert answer.body["text"].startswith("✅ Verified")
    buttons = button_values(answer.body["blocks"])
    assert card.SHARE_ACTION in buttons
    lookup = sqlite_archive.lookup(int(buttons[card.SHARE_ACTION]))
    assert lookup is not None
    assert (lookup.workspace, lookup.channel, lookup.user, lookup.source) == (
        TEAM_ID,
        CHANNEL,
        EDITOR,
        "command",
    )
    assert (lookup.verdict, lookup.attribution, lookup.claimed_speaker) == (
        "verified",
        "matches",
        "Ines Calloway",
    )
    assert lookup.quotation_id is not None
    assert fake.calls("chat.postMessage") == []


def test_slow_verification_is_acknowledged_within_three_seconds_and_answered_after(
    bot: BotServer, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = Verifier.check

    def slow_check(self: Verifier, text: str, speaker: str | None = None, **options: Any) -> list:
        time.sleep(3.5)
        return check(self, text, speaker, **options)

    monkeypatch.setattr(Verifier, "check", slow_check)
    started = time.monotonic()

    acknowledged = send_form(bot.url, slash_command(VERIFIED_PASTE, fake.response_url()))

    assert acknowledged.status_code == 200
    assert time.monotonic() - started < 3.0
    assert fake.calls("response") == []
    (answer,) = fake.wait_for("response", timeout=15)
    assert answer.body["text"].startswith("✅ Verified")


def test_a_failure_while_answering_is_logged_and_told_in_one_polite_line(
    bot: BotServer, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Verifier, text: str, speaker: str | None = None, **options: Any) -> list:
        raise RuntimeError("index corrupted <!channel>")

    monkeypatch.setattr(Verifier, "check", broken)

    send_form(bot.url, slash_command(VERIFIED_PASTE, fake.response_url()))

    (answer,) = fake.wait_for("response")
    assert answer.body["text"].startswith(":warning: Something went wrong")
    assert "corrupted" not in answer.all_text()


def test_quote_help_explains_usage(bot: BotServer, fake: FakeSlack) -> None:
    send_form(bot.url, slash_command("help", fake.response_url()))

    (answer,) = fake.wait_for("response")
    assert answer.body["response_type"] == "ephemeral"
    assert answer.body["blocks"] == card.help_blocks()


def test_quote_stats_shows_the_archive_size_and_the_lookups(
    bot: BotServer, fake: FakeSlack, sqlite_archive: Archive
) -> None:
    send_form(bot.url, slash_command(VERIFIED_PASTE, fake.response_url("first")))
    fake.wait_for("response")

    send_form(bot.url, slash_command("stats", fake.response_url("stats")))

    answer = fake.wait_for("response", 2)[1]
    stats = sqlite_archive.stats()
    assert stats.articles == 2 and stats.lookups == 1
    assert answer.body["blocks"] == card.stats_blocks(stats, 1, 0)


def test_a_paste_without_a_quotation_gets_a_polite_problem_and_no_lookup(
    bot: BotServer, fake: FakeSlack, sqlite_archive: Archive
) -> None:
    send_form(bot.url, slash_command("   <@U0BOSS>   ", fake.response_url()))

    (answer,) = fake.wait_for("response")
    assert answer.body["text"].startswith("❔ I could not check that")
    assert sqlite_archive.stats().lookups == 0


def test_user_and_channel_mentions_in_a_quotation_never_ping(
    bot: BotServer, fake: FakeSlack
) -> None:
    pasted = (
        f'<!channel> "Tell <!here> and <@U0BOSS> {GATES_QUOTE}" <https://evil.example|Calloway>'
    )
    send_form(bot.url, slash_command(pasted, fake.response_url()))

    (answer,) = fake.wait_for("response")
    shown = answer.all_text()
    assert "Ines Calloway" in answer.body["text"]
    for control in ("<!channel>", "<!here>", "<@U0BOSS>", "<https://evil.example"):
        assert control not in shown
    # The archive's own copy holds a literal <!channel>: it is shown, escaped.
    assert "&lt;!channel&gt;" in shown
    assert "&amp; the gates open at six" in shown
    assert answer.body.get("link_names") is None


def test_a_very_long_quotation_is_answered_within_slacks_limits(
    bot: BotServer, fake: FakeSlack
) -> None:
    pasted = '"' + " and ".join([LONG_SPEECH_WORDS] * 8) + '," said Odile Marchetti'
    assert len(pasted) > 1_000

    send_form(bot.url, slash_command(pasted, fake.response_url()))

    (answer,) = fake.wait_for("response")
    blocks = answer.body["blocks"]
    assert answer.body["text"].startswith("✅")
    assert len(blocks) <= 50
    assert all(len(text) <= 3_000 for text in all_sections(blocks))
    assert len(answer.all_text()) < 13_000
    assert card.SHARE_ACTION in button_values(blocks)


def test_a_paste_over_the_size_limit_is_refused_in_one_line(
    bot: BotServer, fake: FakeSlack
) -> None:
    send_form(bot.url, slash_command('"' + "word " * 1_500 + '"', fake.response_url()))

    (answer,) = fake.wait_for("response")
    assert answer.body["text"].startswith("❔ I could not check that")
    assert "limit" in answer.body["text"]


# -- /quote add -----------------------------------------------------------------------------------

ARTICLE = (
    b"Lighthouse keeper retires\n\n"
    b'"I have kept this light burning for forty winters," said Bram Ostrander, the keeper.\n'
)


class ArticlePage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(ARTICLE)))
        self.end_headers()
        self.wfile.write(ARTICLE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def article_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), ArticlePage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/lighthouse"
    server.shutdown()
    server.server_close()


def test_quote_add_refuses_an_address_on_the_loopback_network(
    bot: BotServer, fake: FakeSlack, sqlite_archive: Archive, article_url: str
) -> None:
    send_form(bot.url, slash_command(f"add <{article_url}>", fake.response_url()))

    answers = fake.wait_for("response", 2)
    assert answers[-1].body["text"].startswith(":x: Could not add")
    assert "127.0.0.1" in answers[-1].body["text"]
    assert sqlite_archive.stats().articles == 2


@pytest.mark.parametrize(
    "target", ["<file:///etc/passwd>", "<ftp://news.example/story>", "<gopher://x/>"]
)
def test_quote_add_refuses_anything_but_http(
    bot: BotServer, fake: FakeSlack, sqlite_archive: Archive, target: str
) -> None:
    send_form(bot.url, slash_command(f"add {target}", fake.response_url()))

    (answer,) = fake.wait_for("response")
    assert answer.body["text"] == ":x: Not added: only http:// and https:// addresses can be added"
    assert sqlite_archive.stats().articles == 2


def test_quote_add_ingests_from_a_network_the_deployment_allows(
    sqlite_archive: Archive, fake: FakeSlack, article_url: str
) -> None:
    with bot_server(sqlite_archive, fake, SLACK_ADD_ALLOWED_NETWORKS="127.0.0.1/32") as bot:
        send_form(bot.url, slash_command(f"add <{article_url}|lighthouse>", fake.response_url()))
        answers = fake.wait_for("response", 2)

    assert answers[0].body["text"].startswith(":hourglass_flowing_sand: Reading")
    assert answers[1].body["text"] == f":white_check_mark: Added {article_url}: 1 quotation stored."
    assert sqlite_archive.stats().articles == 3


# -- the Verify quote shortcut --------------------------------------------------------------------


def test_verify_quote_shortcut_answers_in_the_messages_thread(
    bot: BotServer, fake: FakeSlack
) -> None:
    shortcut = message_shortcut(VERIFIED_PASTE, fake.response_url(), ts="1700000100.000100")

    acknowledged = send_payload(bot.url, shortcut)

    assert acknowledged.status_code == 200
    (post,) = fake.wait_for("chat.postMessage")
    assert post.body["channel"] == CHANNEL
    assert post.body["thread_ts"] == "1700000100.000100"
    assert post.body["text"].startswith("✅ Verified")
    assert post.headers["authorization"] == "Bearer xoxb-0000-newsroom-test"
    assert fake.calls("response") == []


def test_verify_quote_where_the_bot_is_not_invited_answers_privately(
    bot: BotServer, fake: FakeSlack
) -> None:
    fake.not_in_channels.add(CHANNEL)

    send_payload(bot.url, message_shortcut(VERIFIED_PASTE, fake.response_url()))

    note, answer = fake.wait_for("response", 2)
    assert "/invite @quotebot" in note.body["text"]
    assert answer.body["response_type"] == "ephemeral"
    assert answer.body["text"].startswith("✅ Verified")
    assert card.SHARE_ACTION in button_values(answer.body["blocks"])


# -- mentions and watched channels ----------------------------------------------------------------


def test_mention_is_answered_in_the_thread_of_the_mention(bot: BotServer, fake: FakeSlack) -> None:
    send_json(bot.url, event_envelope(mention(VERIFIED_PASTE, ts="1700000500.000500")))

    (post,) = fake.wait_for("chat.postMessage")
    assert post.body["channel"] == CHANNEL
    assert post.body["thread_ts"] == "1700000500.000500"
    assert post.body["text"].startswith("✅ Verified")


def test_mention_of_words_the_archive_lacks_is_answered_not_found_in_the_thread(
    bot: BotServer, fake: FakeSlack
) -> None:
    send_json(bot.url, event_envelope(mention(UNKNOWN_PASTE, ts="1700000900.000900")))

    (post,) = fake.wait_for("chat.postMessage")
    assert post.body["thread_ts"] == "1700000900.000900"
    assert post.body["text"].startswith("❌ Not found")


def test_mention_arriving_also_as_a_message_is_answered_once(
    bot: BotServer, fake: FakeSlack
) -> None:
    ts = "1700000700.000700"
    as_mention = mention(VERIFIED_PASTE, channel=WATCHED, ts=ts)
    as_message = channel_message(as_mention["text"], channel=WATCHED, ts=ts, user=EDITOR)

    send_json(bot.url, event_envelope(as_message, "Ev0MESSAGE01"))
    send_json(bot.url, event_envelope(as_mention, "Ev0MENTION01"))

    fake.wait_for("chat.postMessage")
    fake.quiet_for(0.6)
    assert len(fake.calls("chat.postMessage")) == 1


def test_watched_channel_message_with_a_known_quote_gets_a_threaded_answer(
    bot: BotServer, fake: FakeSlack
) -> None:
    send_json(bot.url, event_envelope(channel_message(VERIFIED_PASTE, ts="1700000600.000600")))

    (post,) = fake.wait_for("chat.postMessage")
    assert post.body["channel"] == WATCHED
    assert post.body["thread_ts"] == "1700000600.000600"
    assert post.body["text"].startswith("✅ Verified")


def test_watched_channel_message_with_letters_copied_from_a_pdf_still_gets_its_answer(
    bot: BotServer, fake: FakeSlack
) -> None:
    # "ﹰ" (an Arabic presentation form) once made the archive's full-text query fail, and
    # with it the answers to every quote of the message.
    text = f'{VERIFIED_PASTE}. Then: "\ufe70" and "ﹰ\u037a"'

    send_json(bot.url, event_envelope(channel_message(text, ts="1700000700.000700")))

    (post,) = fake.wait_for("chat.postMessage")
    assert post.body["thread_ts"] == "1700000700.000700"
    assert post.body["text"].startswith("✅ Verified")


def test_reply_in_a_watched_thread_is_answered_in_that_thread(
    bot: BotServer, fake: FakeSlack
) -> None:
    reply = channel_message(VERIFIED_PASTE, ts="1700000800.000800", thread_ts="1700000001.000001")

    send_json(bot.url, event_envelope(reply))

    (post,) = fake.wait_for("chat.postMessage")
    assert post.body["thread_ts"] == "1700000001.000001"


@pytest.mark.parametrize(
    "text",
    [UNKNOWN_PASTE, "Lunch is at noon today, bring your own sandwiches."],
    ids=["unknown quote", "no quote"],
)
def test_watched_channel_is_answered_with_silence_when_the_archive_knows_nothing(
    bot: BotServer, fake: FakeSlack, sqlite_archive: Archive, text: str
) -> None:
    send_json(bot.url, event_envelope(channel_message(text)))

    fake.quiet_for(0.6)
    assert fake.calls("chat.postMessage") == []
    assert sqlite_archive.stats().lookups == 0


def test_a_channel_nobody_chose_to_watch_is_not_answered(bot: BotServer, fake: FakeSlack) -> None:
    send_json(bot.url, event_envelope(channel_message(VERIFIED_PASTE, channel=CHANNEL)))

    fake.quiet_for(0.6)
    assert fake.calls("chat.postMessage") == []


@pytest.mark.parametrize(
    "fields",
    [
        {"subtype": "message_changed", "message": {"text": VERIFIED_PASTE, "ts": "1.1"}},
        {"subtype": "message_deleted", "deleted_ts": "1.1"},
        {"subtype": "bot_message", "bot_id": "B0OTHERBOT"},
        {"bot_id": "B0OTHERBOT", "app_id": "A0OTHER"},
        {"user": BOT_USER_ID, "bot_id": BOT_ID},
        {"subtype": "thread_broadcast", "thread_ts": "1700000001.000001"},
    ],
    ids=["edit", "deletion", "bot message", "other app", "own message", "thread broadcast"],
)
def test_edits_deletions_bot_messages_and_broadcasts_are_ignored(
    bot: BotServer, fake: FakeSlack, fields: dict
) -> None:
    send_json(bot.url, event_envelope(channel_message(VERIFIED_PASTE, **fields)))

    fake.quiet_for(0.6)
    assert fake.calls("chat.postMessage") == []


# -- retries, signatures, url_verification, rate limits -------------------------------------------


def test_retry_of_same_event_posts_once(bot: BotServer, fake: FakeSlack) -> None:
    envelope = event_envelope(mention(VERIFIED_PASTE), "Ev0RETRIED01")

    first = send_json(bot.url, envelope)
    retries = [
        send_json(
            bot.url,
            envelope,
            headers={"X-Slack-Retry-Num": str(number), "X-Slack-Retry-Reason": "http_timeout"},
        )
        for number in (1, 2, 3)
    ]

    assert [first.status_code, *(retry.status_code for retry in retries)] == [200] * 4
    fake.wait_for("chat.postMessage")
    fake.quiet_for(0.6)
    assert len(fake.calls("chat.postMessage")) == 1


def test_two_bot_processes_sharing_the_database_answer_a_retry_once(
    archive_url: str, fake: FakeSlack
) -> None:
    with Archive.open(archive_url) as archive:
        fill_archive(archive)
    first_archive, second_archive = Archive.open(archive_url), Archive.open(archive_url)
    envelope = event_envelope(mention(VERIFIED_PASTE), "Ev0SHARED001")
    try:
        with bot_server(first_archive, fake) as first, bot_server(second_archive, fake) as second:
            send_json(first.url, envelope)
            send_json(second.url, envelope, headers={"X-Slack-Retry-Num": "1"})
            fake.wait_for("chat.postMessage")
            fake.quiet_for(0.6)
    finally:
        first_archive.close()
        second_archive.close()

    assert len(fake.calls("chat.postMessage")) == 1


def test_a_request_with_a_bad_signature_is_refused(bot: BotServer, fake: FakeSlack) -> None:
    refused = send_form(
        bot.url, slash_command(VERIFIED_PASTE, fake.response_url()), secret="not-the-secret"
    )

    assert refused.status_code == 401
    fake.quiet_for(0.5)
    assert fake.calls("response") == []


def test_a_request_signed_more_than_five_minutes_ago_is_refused(
    bot: BotServer, fake: FakeSlack
) -> None:
    stale = int(time.time()) - 6 * 60

    refused = send_json(bot.url, event_envelope(mention(VERIFIED_PASTE)), timestamp=stale)

    assert refused.status_code == 401
    fake.quiet_for(0.5)
    assert fake.calls("chat.postMessage") == []


def test_url_verification_echoes_the_challenge(bot: BotServer) -> None:
    answered = send_json(
        bot.url,
        {"token": "t", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY", "type": "url_verification"},
    )

    assert answered.status_code == 200
    assert answered.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY"}


def test_a_rate_limited_post_is_retried_after_retry_after(bot: BotServer, fake: FakeSlack) -> None:
    fake.rate_limit("chat.postMessage", times=1)

    send_json(bot.url, event_envelope(mention(VERIFIED_PASTE)))

    limited, posted = fake.wait_for("chat.postMessage", 2)
    assert limited.body == posted.body
    fake.quiet_for(0.5)
    assert len(fake.calls("chat.postMessage")) == 2


def test_a_rate_limited_response_url_is_retried(bot: BotServer, fake: FakeSlack) -> None:
    fake.rate_limit("response", times=1)

    send_form(bot.url, slash_command(VERIFIED_PASTE, fake.response_url()))

    limited, answered = fake.wait_for("response", 2)
    assert limited.body == answered.body


# -- buttons -------------------------------------------------------------------------------------


def ask_privately(bot: BotServer, fake: FakeSlack, paste: str = VERIFIED_PASTE) -> dict[str, str]:
    """The buttons of the private answer to `/quote <paste>`."""
    send_form(bot.url, slash_command(paste, fake.response_url("asked")))
    return button_values(fake.wait_for("response")[0].body["blocks"])


def test_share_in_channel_posts_the_answer_for_everyone_and_removes_the_private_one(
    bot: BotServer, fake: FakeSlack
) -> None:
    buttons = ask_privately(bot, fake)

    send_payload(
        bot.url,
        button_click(
            card.SHARE_ACTION,
            buttons[card.SHARE_ACTION],
            fake.response_url("share"),
        ),
    )

    shared, removed = fake.wait_for("response", 3)[1:]
    assert shared.path == removed.path == "/response/share"
    assert shared.body["response_type"] == "in_channel"
    assert shared.body["text"].startswith("✅ Verified")
    assert f"Shared by <@{EDITOR}>" in shared.all_text()
    assert card.SHARE_ACTION not in button_values(shared.body["blocks"])
    assert removed.body == {"delete_original": True}


def test_show_context_in_a_private_answer_shows_the_paragraph_in_place(
    bot: BotServer, fake: FakeSlack
) -> None:
    buttons = ask_privately(bot, fake)

    send_payload(
        bot.url,
        button_click(
            card.CONTEXT_ACTION,
            buttons[card.CONTEXT_ACTION],
            fake.response_url("context"),
        ),
    )

    shown = fake.wait_for("response", 2)[1]
    assert shown.body["replace_original"] is True
    assert "Dock workers at Saltmarsh voted on Monday" not in shown.all_text()  # other paragraph
    assert "union" in shown.all_text()
    assert card.CONTEXT_ACTION not in button_values(shown.body["blocks"])


def test_show_context_under_a_public_answer_is_shown_to_who_asked_only(
    bot: BotServer, fake: FakeSlack
) -> None:
    buttons = ask_privately(bot, fake)
    click = button_click(
        card.CONTEXT_ACTION,
        buttons[card.CONTEXT_ACTION],
        fake.response_url("context"),
        ephemeral=False,
    )

    send_payload(bot.url, click)

    shown = fake.wait_for("response", 2)[1]
    assert shown.body["response_type"] == "ephemeral"
    assert shown.body["replace_original"] is False
    assert "union" in shown.all_text()


def test_not_the_right_match_is_recorded_once_per_person(
    bot: BotServer, fake: FakeSlack, sqlite_archive: Archive
) -> None:
    buttons = ask_privately(bot, fake)
    value = buttons[card.WRONG_MATCH_ACTION]

    send_payload(bot.url, button_click(card.WRONG_MATCH_ACTION, value, fake.response_url()))
    first = fake.wait_for("response", 2)[1]
    send_payload(bot.url, button_click(card.WRONG_MATCH_ACTION, value, fake.response_url()))
    second = fake.wait_for("response", 3)[2]

    assert first.body["text"].startswith("Thanks")
    assert second.body["text"].startswith("You have already")
    assert first.body["replace_original"] is False
    stats = sqlite_archive.stats()
    assert (stats.lookups, stats.feedback) == (1, 1)


def test_a_button_carrying_another_workspaces_lookup_is_refused(
    bot: BotServer, fake: FakeSlack, sqlite_archive: Archive
) -> None:
    buttons = ask_privately(bot, fake)
    click = button_click(
        card.WRONG_MATCH_ACTION,
        buttons[card.WRONG_MATCH_ACTION],
        fake.response_url(),
        team="T0ELSEWHERE",
    )

    send_payload(bot.url, click)

    refused = fake.wait_for("response", 2)[1]
    assert "no longer" in refused.body["text"]
    assert sqlite_archive.stats().feedback == 0


# -- App Home ------------------------------------------------------------------------------------


def test_app_home_shows_the_archive_and_the_users_last_lookups(
    bot: BotServer, fake: FakeSlack
) -> None:
    send_form(bot.url, slash_command(VERIFIED_PASTE, fake.response_url()))
    fake.wait_for("response")
    opened = {"type": "app_home_opened", "user": EDITOR, "channel": "D0HOME", "tab": "home"}

    send_json(bot.url, event_envelope(opened, "Ev0HOME00001"))

    (published,) = fake.wait_for("views.publish")
    assert published.body["user_id"] == EDITOR
    view = published.body["view"]
    assert view["type"] == "home"
    shown = published.all_text()
    assert "2 articles" in shown
    assert "We stood together for three weeks" in shown

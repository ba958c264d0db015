"""Resurfacing alerts from Slack, over real HTTP: a ruled quote that turns up again is announced
once per place, in the alerts channel and where it turned up (the thread of the message, the
private answer to `/quote`, the reply to `/quote add`, the review's thread), naming the ruling,
the place and who ruled; never for unrelated quotes, never twice for a retried event or the
same message verified again.

The app is the real Bolt app served on 127.0.0.1; Slack's Web API and the response URLs are
the fake in fake_slack.py. The quotes, people and outlets are invented (tests/ruling_support.py,
tests/pages_support.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_slack import PERMALINK_BASE, FakeSlack, Recorded
from pages_support import FABRICATED_QUOTE, local_site
from ruling_support import FERRY_PASTES, FERRY_QUOTE, UNRELATED, ferry_ruling
from slack_support import (
    CHANNEL,
    EDITOR,
    WATCHED,
    BotServer,
    bot_server,
    channel_message,
    environment,
    event_envelope,
    fill_archive,
    mention,
    message_shortcut,
    send_form,
    send_json,
    send_payload,
    slash_command,
)

from bot.slack.settings import Mode, SettingError, load_settings
from bot.wording import day
from store.archive import Archive
from store.rulings import Ruling, ruling_input

ALERTS = "C0ALERTS"
DM = "D0EDITOR"
TYPO_PASTE = dict(FERRY_PASTES)["typos"]
TS = "1700002000.000100"


@pytest.fixture
def ruled(sqlite_archive: Archive) -> Ruling:
    return ferry_ruling(sqlite_archive)


@pytest.fixture
def alerting(sqlite_archive: Archive, ruled: Ruling, fake: FakeSlack) -> Iterator[BotServer]:
    with bot_server(sqlite_archive, fake, SLACK_ALERTS_CHANNEL=ALERTS) as server:
        yield server


def posts(fake: FakeSlack, channel: str) -> list[Recorded]:
    return [r for r in fake.calls("chat.postMessage") if r.body.get("channel") == channel]


def alerts_in(requests: list[Recorded]) -> list[Recorded]:
    return [r for r in requests if "turned up again in" in r.body.get("text", "")]


def alert_words(ruling: Ruling) -> str:
    return f"A quote ruled fabricated by ana on {day(ruling.at)} turned up again in "


# -- a Slack message ----------------------------------------------------------------------------


def test_a_ruled_quote_in_a_watched_channel_is_alerted_once_in_its_thread_and_the_alerts_channel(
    archive: Archive, fake: FakeSlack
) -> None:
    fill_archive(archive)
    ruling = ferry_ruling(archive)
    envelope = event_envelope(channel_message(TYPO_PASTE, ts=TS), "Ev0ALERT0001")
    with bot_server(archive, fake, SLACK_ALERTS_CHANNEL=ALERTS) as bot:
        send_json(bot.url, envelope)
        fake.wait_for("chat.postMessage", 3)
        # Slack retries the event; then someone verifies the same message with the shortcut.
        send_json(bot.url, envelope, headers={"X-Slack-Retry-Num": "1"})
        shortcut = message_shortcut(TYPO_PASTE, fake.response_url(), ts=TS)
        send_payload(bot.url, {**shortcut, "channel": {"id": WATCHED, "name": "watched"}})
        fake.wait_for("chat.postMessage", 4)
        fake.quiet_for(0.5)

    answer, *others = posts(fake, WATCHED)
    assert answer.body["text"].startswith("🚩 Ruled fabricated by ana on ")
    [in_thread] = alerts_in(others)
    [announced] = posts(fake, ALERTS)
    permalink = f"{PERMALINK_BASE}{WATCHED}/p{TS.replace('.', '')}"
    expected = (
        f"{alert_words(ruling)}<#{WATCHED}> (<{permalink}|the message>): "
        "no source for these words exists."
    )
    assert in_thread.body["thread_ts"] == TS
    assert expected in in_thread.body["text"]
    assert expected in announced.body["text"]
    assert "thread_ts" not in announced.body
    assert len(others) == 2  # the alert, and the shortcut's answer: no second alert
    assert archive.most_pasted_rulings() == [(ruling, 1)]


def test_unrelated_quotes_raise_no_alert(
    alerting: BotServer, fake: FakeSlack, sqlite_archive: Archive
) -> None:
    for number, paste in enumerate(UNRELATED):
        ts = f"1700003000.{number:06d}"
        send_json(alerting.url, event_envelope(channel_message(paste, ts=ts), f"Ev0UNREL{number}"))
    send_json(alerting.url, event_envelope(mention(UNRELATED[0]), "Ev0UNRELMENTION"))

    [answer] = fake.wait_for("chat.postMessage")  # the mention is answered, the rest is silence
    fake.quiet_for(0.8)
    assert answer.body["channel"] == CHANNEL
    assert len(fake.calls("chat.postMessage")) == 1
    assert posts(fake, ALERTS) == []
    assert sqlite_archive.most_pasted_rulings() == []


def test_a_mention_of_a_ruled_quote_is_alerted_in_its_thread(
    alerting: BotServer, fake: FakeSlack, ruled: Ruling
) -> None:
    send_json(alerting.url, event_envelope(mention(FERRY_PASTES[0][1], ts=TS), "Ev0MENTION1"))

    fake.wait_for("chat.postMessage", 3)
    [in_thread] = alerts_in(posts(fake, CHANNEL))
    [announced] = posts(fake, ALERTS)
    assert in_thread.body["thread_ts"] == TS
    assert f"{alert_words(ruled)}<#{CHANNEL}> (<{PERMALINK_BASE}" in announced.body["text"]


def test_a_direct_message_is_named_without_a_channel_link(
    alerting: BotServer, fake: FakeSlack, ruled: Ruling
) -> None:
    message = channel_message(TYPO_PASTE, channel=DM, channel_type="im", ts=TS, user=EDITOR)
    send_json(alerting.url, event_envelope(message, "Ev0DIRECT1"))

    fake.wait_for("chat.postMessage", 3)
    [announced] = posts(fake, ALERTS)
    assert f"{alert_words(ruled)}a direct message with quotebot (<" in announced.body["text"]


def test_a_quote_check_is_alerted_privately_and_in_the_alerts_channel(
    alerting: BotServer, fake: FakeSlack, ruled: Ruling
) -> None:
    send_form(alerting.url, slash_command(f'"{FERRY_QUOTE}"', fake.response_url("check")))

    answer, alert = fake.wait_for("response", 2)
    [announced] = fake.wait_for("chat.postMessage")
    where = f"a private `/quote` check in <#{CHANNEL}>"
    assert answer.body["text"].startswith("🚩 Ruled fabricated by ana")
    assert alert.body["response_type"] == "ephemeral"
    assert f"{alert_words(ruled)}{where}: no source" in alert.body["text"]
    assert announced.body["channel"] == ALERTS
    assert f"{alert_words(ruled)}{where}" in announced.body["text"]


def quote_check(bot: BotServer, fake: FakeSlack, number: int, *, user: str = EDITOR) -> None:
    """`/quote` with the ruled quote, as its `number`-th command (each has its own trigger)."""
    command = slash_command(f'"{FERRY_QUOTE}"', fake.response_url(f"check-{number}"), user=user)
    send_form(bot.url, {**command, "trigger_id": f"1234.5678.check{number}"})


def test_one_person_checking_a_ruled_quote_again_that_day_alerts_the_desk_once(
    alerting: BotServer, fake: FakeSlack, ruled: Ruling
) -> None:
    quote_check(alerting, fake, 1)
    fake.wait_for("response", 2)  # the answer, then the alert
    quote_check(alerting, fake, 2)
    fake.wait_for("response", 3)
    fake.quiet_for(0.3)
    assert len(alerts_in(posts(fake, ALERTS))) == 1

    quote_check(alerting, fake, 3, user="U0SUBEDITOR")  # someone else meets it: a reappearance
    fake.wait_for("response", 5)
    fake.wait_for("chat.postMessage", 2)
    assert len(alerts_in(posts(fake, ALERTS))) == 2


def test_whoever_ruled_on_a_quote_is_not_alerted_about_their_own_check(
    sqlite_archive: Archive, fake: FakeSlack
) -> None:
    ferry_ruling(sqlite_archive, by=f"<@{EDITOR}>")
    with bot_server(sqlite_archive, fake, SLACK_ALERTS_CHANNEL=ALERTS) as bot:
        quote_check(bot, fake, 1)
        [answer] = fake.wait_for("response")
        fake.quiet_for(0.5)

    assert answer.body["text"].startswith("🚩 Ruled fabricated by")
    assert len(fake.calls("response")) == 1
    assert alerts_in(posts(fake, ALERTS)) == []


def test_without_an_alerts_channel_only_the_thread_is_told(
    sqlite_archive: Archive, ruled: Ruling, fake: FakeSlack
) -> None:
    with bot_server(sqlite_archive, fake) as bot:
        send_json(bot.url, event_envelope(channel_message(TYPO_PASTE, ts=TS)))

        answer, alert = fake.wait_for("chat.postMessage", 2)
        fake.quiet_for(0.4)
    assert {answer.body["channel"], alert.body["channel"]} == {WATCHED}
    assert len(fake.calls("chat.postMessage")) == 2
    assert alert_words(ruled) in alert.body["text"]


def test_whatever_the_ruling_holds_is_escaped_in_the_alert(
    sqlite_archive: Archive, fake: FakeSlack
) -> None:
    sqlite_archive.record_ruling(
        ruling_input(FERRY_QUOTE, "misattributed", "<!channel> desk", speaker="Rob <@U0BOSS> & co")
    )
    with bot_server(sqlite_archive, fake, SLACK_ALERTS_CHANNEL=ALERTS) as bot:
        send_json(bot.url, event_envelope(channel_message(TYPO_PASTE, ts=TS)))
        fake.wait_for("chat.postMessage", 3)

    [announced] = posts(fake, ALERTS)
    text = announced.body["text"]
    assert "by &lt;!channel&gt; desk on" in text
    assert "the words are Rob &lt;@U0BOSS&gt; &amp; co's" in text
    assert "<!channel>" not in announced.all_text() and "<@U0BOSS>" not in announced.all_text()


# -- an article added, a draft reviewed ---------------------------------------------------------


def test_an_article_added_from_slack_printing_a_ruled_quote_is_alerted_once(
    sqlite_archive: Archive, fake: FakeSlack
) -> None:
    ruling = sqlite_archive.record_ruling(ruling_input(FABRICATED_QUOTE, "fabricated", "ana"))
    with (
        local_site() as site,
        bot_server(
            sqlite_archive,
            fake,
            SLACK_ALERTS_CHANNEL=ALERTS,
            SLACK_ADD_ALLOWED_NETWORKS="127.0.0.1/32",
        ) as bot,
    ):
        send_form(bot.url, slash_command(f"add {site}/ferry-tolls", fake.response_url("add")))
        _, alert, added = fake.wait_for("response", 3)
        [announced] = fake.wait_for("chat.postMessage")
        send_form(bot.url, slash_command(f"add {site}/ferry-tolls", fake.response_url("again")))
        fake.wait_for("response", 5)
        fake.quiet_for(0.4)

    assert added.body["text"].startswith(":white_check_mark: Added")
    assert alert_words(ruling) in alert.body["text"]
    assert "/ferry-tolls), added with `/quote add`: no source" in announced.body["text"]
    assert len(posts(fake, ALERTS)) == 1  # the same article again is the same place
    assert "already in the archive" in fake.calls("response")[-1].body["text"]


def test_a_draft_reviewed_from_slack_is_alerted_once_in_the_review_thread(
    alerting: BotServer, fake: FakeSlack, ruled: Ruling
) -> None:
    draft = f'Ferry plans\n\nThe council met.\n\n"{FERRY_QUOTE}," said Ada Quill.\n'
    shared = fake.add_file("F0DRAFT", "draft.txt", draft.encode())
    for number in range(2):
        message = channel_message(
            "",
            channel=DM,
            channel_type="im",
            subtype="file_share",
            files=[shared],
            user=EDITOR,
            ts=f"1700004000.00000{number}",
        )
        send_json(alerting.url, event_envelope(message, f"Ev0DRAFT{number}"))
        fake.wait_for("chat.postMessage", 4 + 2 * number)
    fake.quiet_for(0.4)

    in_thread = alerts_in(posts(fake, DM))
    [announced] = posts(fake, ALERTS)
    assert [alert.body["thread_ts"] for alert in in_thread] == ["1700004000.000000"]
    where = "the draft “Ferry plans”, reviewed in a direct message with quotebot"
    assert f"{alert_words(ruled)}{where}: no source" in announced.body["text"]


# -- the setting --------------------------------------------------------------------------------


def test_the_alerts_channel_must_be_a_channel_id(fake: FakeSlack) -> None:
    settings = load_settings(Mode.HTTP, environment(fake, SLACK_ALERTS_CHANNEL=ALERTS))
    assert settings.alerts_channel == ALERTS
    assert load_settings(Mode.HTTP, environment(fake)).alerts_channel is None

    with pytest.raises(SettingError, match=r"^SLACK_ALERTS_CHANNEL: '#alerts' is not a channel"):
        load_settings(Mode.HTTP, environment(fake, SLACK_ALERTS_CHANNEL="#alerts"))

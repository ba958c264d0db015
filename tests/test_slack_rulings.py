"""**Record a ruling** from Slack, over real HTTP: the button under an answer opens a form, a
bad Submit comes back with errors under its field and stores nothing, a good one stores the
ruling (who ruled: the Slack user) and the next paste is answered with it; the button on an
answer that has a ruling revises it; and only the people the newsroom names may rule.

The app is the real Bolt app served on 127.0.0.1; Slack's Web API and the response URLs are
the fake in fake_slack.py. The quote ruled on is invented (tests/ruling_support.py).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fake_slack import FakeSlack
from ruling_support import FERRY_CREDITED, FERRY_QUOTE
from slack_support import (
    EDITOR,
    STOOD_TOGETHER,
    BotServer,
    bot_server,
    button_click,
    button_values,
    environment,
    fill_archive,
    send_form,
    send_payload,
    slash_command,
    view_submission,
)

from bot.slack.card import RULE_ACTION
from bot.slack.ruling_form import (
    KIND_BLOCK,
    LINKS_BLOCK,
    NOTE_BLOCK,
    RULING_CALLBACK,
    SPEAKER_BLOCK,
    VALUE_ACTION,
)
from bot.slack.settings import Mode, SettingError, load_settings
from bot.wording import RULING_LABELS
from store.archive import Archive
from store.rulings import RULING_KINDS, RulingKind

COLLEAGUE = "U0COLLEAGUE"
PASTE = f'"{FERRY_QUOTE}," said {FERRY_CREDITED}.'
#: The same quote as another desk pastes it: a typo, another speaker.
LATER_PASTE = '"The new ferry will cary four hundred cars a day across the sound," said Tom Vale.'


@pytest.fixture
def ruling_bot(archive: Archive, fake: FakeSlack) -> Iterator[BotServer]:
    """The bot on both databases, the editor allowed to rule."""
    fill_archive(archive)
    with bot_server(archive, fake, SLACK_RULE_ALLOWED_USERS=EDITOR) as server:
        yield server


@pytest.fixture
def rule_bot(sqlite_archive: Archive, fake: FakeSlack) -> Iterator[BotServer]:
    """The same on SQLite, for what does not store."""
    with bot_server(sqlite_archive, fake, SLACK_RULE_ALLOWED_USERS=EDITOR) as server:
        yield server


def ask(bot: BotServer, fake: FakeSlack, paste: str, name: str) -> dict[str, Any]:
    """`/quote paste`: the answer posted to the response_url `name`."""
    send_form(bot.url, slash_command(paste, fake.response_url(name)))
    return next(r for r in _waited(fake, "response", name)).body


def click_rule(
    bot: BotServer, fake: FakeSlack, answer: dict[str, Any], *, user: str = EDITOR
) -> None:
    value = button_values(answer["blocks"])[RULE_ACTION]
    clicked = send_payload(
        bot.url, button_click(RULE_ACTION, value, fake.response_url("clicked"), user=user)
    )
    assert clicked.status_code == 200


def opened_form(bot: BotServer, fake: FakeSlack, answer: dict[str, Any], count: int = 1) -> dict:
    click_rule(bot, fake, answer)
    opened = fake.wait_for("views.open", count)[count - 1]
    assert opened.body["trigger_id"] == "1234.5678.abcdef"
    return opened.body["view"]


def form_values(
    kind: str | None = None,
    *,
    speaker: str | None = None,
    note: str | None = None,
    links: str | None = None,
) -> dict[str, dict[str, dict[str, Any]]]:
    """The form's state as Slack sends it on Submit."""
    option = {"text": {"type": "plain_text", "text": kind}, "value": kind} if kind else None
    values: dict[str, dict[str, dict[str, Any]]] = {
        KIND_BLOCK: {VALUE_ACTION: {"type": "static_select", "selected_option": option}}
    }
    for block, value in ((SPEAKER_BLOCK, speaker), (NOTE_BLOCK, note), (LINKS_BLOCK, links)):
        values[block] = {VALUE_ACTION: {"type": "plain_text_input", "value": value}}
    return values


def submit(bot: BotServer, form: dict, values: dict, *, user: str = EDITOR) -> Any:
    sent = view_submission(RULING_CALLBACK, values, form["private_metadata"], user=user)
    answer = send_payload(bot.url, sent)
    assert answer.status_code == 200
    return answer


def _waited(fake: FakeSlack, name: str, path: str, count: int = 1) -> list:
    """The first `count` posts to the response_url `path`, waiting up to 10 s for them."""
    deadline = time.monotonic() + 10
    while True:
        found = [r for r in fake.calls(name) if r.path == f"/response/{path}"]
        if len(found) >= count or time.monotonic() > deadline:
            assert len(found) >= count, f"{len(found)} posts to {path}, expected {count}"
            return found
        time.sleep(0.02)


# -- the button and the form --------------------------------------------------------------------


def test_every_answer_has_the_button_and_it_opens_the_form_prefilled_with_the_paste(
    rule_bot: BotServer, fake: FakeSlack
) -> None:
    answer = ask(rule_bot, fake, PASTE, "answer")
    assert answer["text"].startswith("❌ Not found")  # no printed source: still a button
    assert RULE_ACTION in button_values(answer["blocks"])

    form = opened_form(rule_bot, fake, answer)

    assert form["callback_id"] == RULING_CALLBACK
    assert form["title"]["text"] == "Record a ruling"
    about = json.loads(form["private_metadata"])
    assert about["text"] == FERRY_QUOTE
    assert about["credited"] == FERRY_CREDITED
    assert len(form["private_metadata"]) <= 3000
    blocks = {block.get("block_id"): block for block in form["blocks"]}
    options = blocks[KIND_BLOCK]["element"]["options"]
    assert [option["value"] for option in options] == list(RULING_KINDS)
    assert [option["text"]["text"] for option in options] == list(RULING_LABELS.values())
    assert FERRY_QUOTE in json.dumps(form["blocks"])


def test_an_answer_with_a_printed_source_has_the_button_too(
    rule_bot: BotServer, fake: FakeSlack
) -> None:
    paste = '"We stood together for three weeks and the port owners finally listened to us"'
    answer = ask(rule_bot, fake, paste, "answer")
    assert answer["text"].startswith("✅ Verified")
    assert set(button_values(answer["blocks"])) >= {RULE_ACTION, "not_the_right_match"}


@pytest.mark.parametrize(
    ("values", "block", "message"),
    [
        (form_values("made_up"), KIND_BLOCK, "Unknown ruling 'made_up'"),
        (form_values(None), KIND_BLOCK, "Unknown ruling"),
        (
            form_values("fabricated", links="https://gulls-gazette.example/a\njavascript:alert(1)"),
            LINKS_BLOCK,
            "A link must be an http(s) address",
        ),
        (form_values("fabricated", links="http://[oops"), LINKS_BLOCK, "http(s) address"),
        (
            form_values("fabricated", note="n" * 2001),
            NOTE_BLOCK,
            "The note is 2,001 characters long; the limit is 2,000",
        ),
    ],
    ids=["unknown ruling", "no ruling", "not http(s)", "unreadable link", "note too long"],
)
def test_a_bad_submit_is_refused_under_its_field_and_nothing_is_stored(
    rule_bot: BotServer,
    fake: FakeSlack,
    sqlite_archive: Archive,
    values: dict,
    block: str,
    message: str,
) -> None:
    form = opened_form(rule_bot, fake, ask(rule_bot, fake, PASTE, "answer"))

    refused = submit(rule_bot, form, values)

    assert refused.json()["response_action"] == "errors"
    assert list(refused.json()["errors"]) == [block]
    assert message in refused.json()["errors"][block]
    fake.quiet_for(0.3)
    assert sqlite_archive.latest_rulings() == []
    assert [r for r in fake.calls("response") if r.path == "/response/clicked"] == []


def test_a_good_submit_stores_the_ruling_and_the_next_paste_is_answered_with_it(
    ruling_bot: BotServer, fake: FakeSlack, archive: Archive
) -> None:
    form = opened_form(ruling_bot, fake, ask(ruling_bot, fake, PASTE, "answer"))
    values = form_values(
        "fabricated",
        note="No council paper & no minute holds it.",
        links=" https://gulls-gazette.example/ferry-check \n\n",
    )

    closed = submit(ruling_bot, form, values)

    assert closed.text == ""  # the form closes
    [confirmed] = _waited(fake, "response", "clicked")
    assert confirmed.body["response_type"] == "ephemeral"
    assert confirmed.body["replace_original"] is False
    assert f"Recorded: *Ruled fabricated by <@{EDITOR}> on " in confirmed.body["text"]
    [ruling] = archive.latest_rulings()
    assert (ruling.text, ruling.credited, ruling.kind) == (
        FERRY_QUOTE,
        FERRY_CREDITED,
        RulingKind.FABRICATED,
    )
    assert ruling.by == f"<@{EDITOR}>"
    assert ruling.note == "No council paper & no minute holds it."
    assert ruling.links == ("https://gulls-gazette.example/ferry-check",)

    later = ask(ruling_bot, fake, LATER_PASTE, "later")

    first = later["blocks"][0]["text"]["text"]
    assert first.startswith(f":triangular_flag_on_post: *Ruled fabricated by <@{EDITOR}> on ")
    assert "no source for these words exists" in first
    assert later["text"].startswith(f"🚩 Ruled fabricated by <@{EDITOR}> on ")
    assert button_values(later["blocks"])[RULE_ACTION]


@pytest.mark.parametrize(
    ("paste", "verdict", "linked"),
    [
        (f'"{STOOD_TOGETHER}"', "✅ Verified", True),
        ('"We stood together for three weeks and the gates open at six"', "✂️ Spliced", False),
    ],
    ids=["the printed words", "a splice of two"],
)
def test_a_ruling_is_linked_to_the_printed_quotation_only_when_the_paste_is_those_words(
    rule_bot: BotServer,
    fake: FakeSlack,
    sqlite_archive: Archive,
    paste: str,
    verdict: str,
    linked: bool,
) -> None:
    fill_archive(sqlite_archive)
    answer = ask(rule_bot, fake, paste, "answer")
    assert answer["text"].startswith(verdict)

    submit(rule_bot, opened_form(rule_bot, fake, answer), form_values("out_of_context"))

    _waited(fake, "response", "clicked")
    [ruling] = sqlite_archive.latest_rulings()
    assert (ruling.quotation_id is not None) is linked


def test_the_button_on_a_ruled_answer_revises_the_ruling_in_force(
    ruling_bot: BotServer, fake: FakeSlack, archive: Archive
) -> None:
    form = opened_form(ruling_bot, fake, ask(ruling_bot, fake, PASTE, "answer"))
    submit(ruling_bot, form, form_values("fabricated", note="First look."))
    _waited(fake, "response", "clicked")
    answer = ask(ruling_bot, fake, LATER_PASTE, "later")
    revise = next(
        element
        for block in answer["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"] == RULE_ACTION
    )
    assert revise["text"]["text"] == "Revise the ruling"

    form = opened_form(ruling_bot, fake, answer, count=2)

    assert form["title"]["text"] == "Revise the ruling"
    assert json.loads(form["private_metadata"])["text"] == FERRY_QUOTE  # the words ruled on
    blocks = {block.get("block_id"): block for block in form["blocks"]}
    assert blocks[KIND_BLOCK]["element"]["initial_option"]["value"] == "fabricated"
    assert blocks[NOTE_BLOCK]["element"]["initial_value"] == "First look."

    submit(ruling_bot, form, form_values("misattributed", speaker="Rob Hale"))

    confirmed = _waited(fake, "response", "clicked", 2)[1]
    assert "Revised: *Ruled misattributed by" in confirmed.body["text"]
    [ruling] = archive.latest_rulings()
    history = archive.ruling_history(ruling.id)
    assert [each.kind for each in history] == [RulingKind.FABRICATED, RulingKind.MISATTRIBUTED]
    assert ruling.speaker == "Rob Hale" and ruling.revision == 2


def test_a_form_slack_would_not_open_is_answered_politely(
    rule_bot: BotServer, fake: FakeSlack
) -> None:
    fake.fail("views.open", "expired_trigger")

    click_rule(rule_bot, fake, ask(rule_bot, fake, PASTE, "answer"))

    [reply] = _waited(fake, "response", "clicked")
    assert (
        "could not open the ruling form in time; please click the button again"
        in reply.body["text"]
    )


# -- who may rule -------------------------------------------------------------------------------


def test_with_nobody_named_the_button_says_how_to_switch_rulings_on(
    sqlite_archive: Archive, fake: FakeSlack
) -> None:
    with bot_server(sqlite_archive, fake) as bot:
        click_rule(bot, fake, ask(bot, fake, PASTE, "answer"))

        [refusal] = _waited(fake, "response", "clicked")
    assert "Recording rulings is not switched on here yet" in refusal.body["text"]
    assert "SLACK_RULE_ALLOWED_USERS" in refusal.body["text"]
    assert refusal.body["response_type"] == "ephemeral"
    assert fake.calls("views.open") == []


def test_someone_not_named_is_refused_politely_even_with_a_forged_submit(
    rule_bot: BotServer, fake: FakeSlack, sqlite_archive: Archive
) -> None:
    answer = ask(rule_bot, fake, PASTE, "answer")
    click_rule(rule_bot, fake, answer, user=COLLEAGUE)
    [refusal] = _waited(fake, "response", "clicked")
    assert (
        "only the fact-checkers the newsroom has named may record rulings" in refusal.body["text"]
    )
    assert fake.calls("views.open") == []

    form = opened_form(rule_bot, fake, answer)  # the editor's form, submitted by the colleague
    submit(rule_bot, form, form_values("confirmed"), user=COLLEAGUE)

    assert "newsroom has named" in _waited(fake, "response", "clicked", 2)[1].body["text"]
    assert sqlite_archive.latest_rulings() == []


def test_members_of_a_named_group_may_rule(sqlite_archive: Archive, fake: FakeSlack) -> None:
    fake.user_groups["S0FACTCHECK"] = [COLLEAGUE]
    with bot_server(sqlite_archive, fake, SLACK_RULE_ALLOWED_GROUPS="S0FACTCHECK") as bot:
        click_rule(bot, fake, ask(bot, fake, PASTE, "answer"), user=COLLEAGUE)

        [opened] = fake.wait_for("views.open")
    assert opened.body["view"]["callback_id"] == RULING_CALLBACK


@pytest.mark.parametrize(
    ("users", "groups", "expected"),
    [
        ("everyone,U0EDITOR", "", "SLACK_RULE_ALLOWED_USERS: 'everyone' lets everyone record"),
        ("ana", "", "SLACK_RULE_ALLOWED_USERS: 'ana' is not a user id"),
        ("", "fact-checkers", "SLACK_RULE_ALLOWED_GROUPS: 'fact-checkers' is not a user group"),
    ],
)
def test_a_malformed_rule_setting_is_named(
    fake: FakeSlack, users: str, groups: str, expected: str
) -> None:
    named = {"SLACK_RULE_ALLOWED_USERS": users, "SLACK_RULE_ALLOWED_GROUPS": groups}
    with pytest.raises(SettingError, match=f"^{re.escape(expected)}"):
        load_settings(Mode.HTTP, environment(fake, **named))

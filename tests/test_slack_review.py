"""Reviewing a draft from Slack, over real HTTP: a file shared with the bot, and `/quote review`.

The app is the real Bolt app served on 127.0.0.1; Slack's Web API, its file downloads and the
response URLs are the fake in fake_slack.py. The drafts quote the invented test stories of
slack_support.py: one quotation right, one with the wrong speaker, one nobody said.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from answers_support import QUOTE, match, result
from fake_slack import BOT_USER_ID, FakeSlack
from slack_support import (
    BOT_TOKEN,
    CHANNEL,
    EDITOR,
    STOOD_TOGETHER,
    BotServer,
    bot_server,
    channel_message,
    event_envelope,
    send_form,
    send_json,
    send_payload,
    slash_command,
    view_submission,
)

from bot.slack.card import MESSAGE_BLOCKS
from bot.slack.listeners.review import DRAFT_ACTION, DRAFT_BLOCK, REVIEW_CALLBACK
from bot.slack.mrkdwn import SECTION_CHARS
from bot.slack.review import MESSAGES_SHOWN, review_messages
from store.archive import Archive
from store.article import Article
from store.quotation import Kind, Quotation

DM = "D0EDITOR"
MADE_UP = "The harbour will be sold to a <!channel> consortium & nobody will stop it"
DRAFT = f"""\
Saltmarsh strike ends after three weeks

Dock workers voted to return.

"{STOOD_TOGETHER}," said Ines Calloway, the union's branch secretary.

"{STOOD_TOGETHER}," said Odile Marchetti, the harbour master.

"{MADE_UP}," said Rob Hale, a shipping agent.
"""


def shared_file(fake: FakeSlack, data: bytes, **facts: Any) -> dict[str, Any]:
    return fake.add_file("F0DRAFT", facts.pop("name", "draft.txt"), data, **facts)


def file_message(files: list[dict], *, channel: str = DM, text: str = "", **fields: Any) -> dict:
    channel_type = "im" if channel.startswith("D") else "channel"
    return channel_message(
        text,
        channel=channel,
        channel_type=channel_type,
        subtype="file_share",
        files=files,
        user=EDITOR,
        **fields,
    )


def posted_text(requests: list) -> str:
    return "\n".join(request.all_text() for request in requests)


# -- a file shared with the bot -----------------------------------------------------------------


def test_a_draft_shared_in_a_direct_message_is_reviewed_in_its_thread(
    bot: BotServer, fake: FakeSlack
) -> None:
    event = file_message([shared_file(fake, DRAFT.encode())], ts="1700001000.000100")

    acknowledged = send_json(bot.url, event_envelope(event))

    assert acknowledged.status_code == 200
    summary, table = fake.wait_for("chat.postMessage", 2)
    assert {summary.body["thread_ts"], table.body["thread_ts"]} == {"1700001000.000100"}
    assert summary.body["channel"] == DM
    assert "Review of “Saltmarsh strike ends after three weeks”" in summary.body["text"]
    assert "3 quotations: 2 verified, 1 not found; speakers: 1 misattributed." in summary.all_text()
    sections = [block["text"]["text"] for block in table.body["blocks"]]
    assert len(sections) == 3
    assert "*Verified*" in sections[0] and "speaker matches" in sections[0]
    assert ":x: *Misattributed*: the archive credits *Ines Calloway*" in sections[1]
    assert ":white_check_mark:" not in sections[1]  # never a tick over the wrong speaker
    assert "*Not found*" in sections[2]
    # The draft's text is escaped: nothing in it can ping anyone.
    assert "&lt;!channel&gt; consortium &amp; nobody" in sections[2]
    assert "<!channel>" not in posted_text(fake.calls("chat.postMessage"))
    [download] = fake.calls("download")
    assert download.headers["authorization"] == f"Bearer {BOT_TOKEN}"
    assert fake.calls("files.info")[0].body["file"] == "F0DRAFT"


def test_a_direct_message_without_a_file_is_answered_like_a_mention(
    bot: BotServer, fake: FakeSlack
) -> None:
    paste = f'"{STOOD_TOGETHER}," Ines Calloway said'
    event = channel_message(paste, channel=DM, channel_type="im", ts="1700001200.000100")

    send_json(bot.url, event_envelope(event))

    [answer] = fake.wait_for("chat.postMessage")
    assert answer.body["thread_ts"] == "1700001200.000100"
    assert answer.body["text"].startswith("✅ Verified")


def test_a_channel_file_is_reviewed_only_when_it_mentions_the_bot(
    bot: BotServer, fake: FakeSlack
) -> None:
    files = [shared_file(fake, DRAFT.encode())]
    send_json(bot.url, event_envelope(file_message(files, channel=CHANNEL), "Ev0FILE1"))
    fake.quiet_for(0.6)
    assert fake.calls("chat.postMessage") == []
    assert fake.calls("download") == []

    mentioned = file_message(
        files, channel=CHANNEL, text=f"<@{BOT_USER_ID}> please", ts="1700001100.000100"
    )
    send_json(bot.url, event_envelope(mentioned, "Ev0FILE2"))

    summary, _ = fake.wait_for("chat.postMessage", 2)
    assert summary.body["thread_ts"] == "1700001100.000100"


@pytest.mark.parametrize(
    ("facts", "data", "expected"),
    [
        (
            {"name": "draft.pdf", "filetype": "pdf", "mimetype": "application/pdf",
             "pretty_type": "PDF"},
            b"%PDF-1.4",
            "I can review drafts saved as plain text, Markdown or HTML; “draft.pdf” is PDF",
        ),
        ({"size": 5 * 1024 * 1024}, b"big", "“draft.txt” is larger than the 1024 KB"),
        ({"size": 10}, b"x" * (1024 * 1024 + 10), "“draft.txt” is larger than the 1024 KB"),
        ({}, b"", "I could not read a draft in “draft.txt”: empty file."),
        ({}, b"\n \n", "I could not read a draft in “draft.txt”: empty: only whitespace."),
    ],
    ids=["wrong type", "too large", "larger than it said", "empty", "blank"],
)  # fmt: skip
def test_a_file_that_is_not_a_draft_gets_a_polite_refusal(
    bot: BotServer, fake: FakeSlack, facts: dict, data: bytes, expected: str
) -> None:
    send_json(bot.url, event_envelope(file_message([shared_file(fake, data, **facts)])))

    [reply] = fake.wait_for("chat.postMessage")
    assert expected in reply.body["text"]
    assert reply.body["thread_ts"] == "1700000600.000600"
    if ("size" in facts and facts["size"] > len(data)) or "filetype" in facts:
        assert fake.calls("download") == []  # refused before downloading anything


def test_a_failed_download_is_answered_politely(bot: BotServer, fake: FakeSlack) -> None:
    listed = shared_file(fake, DRAFT.encode())
    del fake.file_bytes["F0DRAFT"]  # Slack answers with its sign-in page

    send_json(bot.url, event_envelope(file_message([listed])))

    [reply] = fake.wait_for("chat.postMessage")
    assert "I could not download “draft.txt” from Slack" in reply.body["text"]


def test_a_file_slack_will_not_describe_is_answered_politely(
    bot: BotServer, fake: FakeSlack
) -> None:
    send_json(bot.url, event_envelope(file_message([{"id": "F0GONE", "name": "x.txt"}])))

    [reply] = fake.wait_for("chat.postMessage")
    assert "I could not open that file in Slack" in reply.body["text"]


def test_a_markdown_or_html_draft_is_read_as_one_article(bot: BotServer, fake: FakeSlack) -> None:
    markdown = f'# Strike ends\n\n"{STOOD_TOGETHER}," said Ines Calloway.\n'
    listed = shared_file(fake, markdown.encode(), name="draft.md", filetype="markdown")

    send_json(bot.url, event_envelope(file_message([listed])))

    summary, _ = fake.wait_for("chat.postMessage", 2)
    assert "Review of “Strike ends”" in summary.body["text"]
    assert "1 quotation: 1 verified; speakers: none in doubt." in summary.all_text()


def test_a_review_past_the_check_deadline_says_so(sqlite_archive: Archive, fake: FakeSlack) -> None:
    with bot_server(sqlite_archive, fake, SLACK_CHECK_SECONDS="0.000001") as server:
        send_json(server.url, event_envelope(file_message([shared_file(fake, DRAFT.encode())])))

        [reply] = fake.wait_for("chat.postMessage")
    assert "takes too long to review here" in reply.body["text"]
    assert "`quotebot review`" in reply.body["text"]


# -- /quote review ------------------------------------------------------------------------------


def submission(text: str, metadata: str) -> dict[str, Any]:
    """The review form submitted with `text` as the draft."""
    values = {DRAFT_BLOCK: {DRAFT_ACTION: {"type": "plain_text_input", "value": text}}}
    return view_submission(REVIEW_CALLBACK, values, metadata)


def open_form(bot: BotServer, fake: FakeSlack) -> dict[str, Any]:
    """Type `/quote review`; the form Slack was asked to open."""
    acknowledged = send_form(bot.url, slash_command("review", fake.response_url("review")))
    assert acknowledged.status_code == 200
    assert acknowledged.text == ""
    [opened] = fake.wait_for("views.open")
    assert opened.body["trigger_id"] == "1234.5678.abcdef"
    return opened.body["view"]


def test_quote_review_opens_a_form_and_answers_in_a_thread_of_the_channel(
    bot: BotServer, fake: FakeSlack
) -> None:
    form = open_form(bot, fake)
    [box] = [block for block in form["blocks"] if block["type"] == "input"]
    assert box["element"]["multiline"] is True
    assert form["callback_id"] == REVIEW_CALLBACK

    closed = send_payload(bot.url, submission(DRAFT, form["private_metadata"]))

    assert closed.status_code == 200
    assert closed.text == ""  # the form closes at once
    summary, table = fake.wait_for("chat.postMessage", 2)
    assert summary.body["channel"] == CHANNEL
    assert "thread_ts" not in summary.body
    assert table.body["thread_ts"].startswith("1700000000.")
    assert "speakers: 1 misattributed." in summary.all_text()
    assert f"Asked by <@{EDITOR}>" in summary.all_text()
    assert len(table.body["blocks"]) == 3


def test_an_empty_form_is_refused_in_the_form(bot: BotServer, fake: FakeSlack) -> None:
    form = open_form(bot, fake)

    refused = send_payload(bot.url, submission("  \n ", form["private_metadata"]))

    assert refused.status_code == 200
    assert refused.json()["response_action"] == "errors"
    assert DRAFT_BLOCK in refused.json()["errors"]
    fake.quiet_for(0.3)
    assert fake.calls("chat.postMessage") == []


def test_where_the_bot_was_not_invited_the_review_comes_privately(
    bot: BotServer, fake: FakeSlack
) -> None:
    fake.not_in_channels.add(CHANNEL)
    form = open_form(bot, fake)

    send_payload(bot.url, submission(DRAFT, form["private_metadata"]))

    summary, table = fake.wait_for("response", 2)
    assert summary.path == "/response/review"
    assert summary.body["response_type"] == "ephemeral"
    assert "until someone invites me" in summary.all_text()
    assert "speakers: 1 misattributed." in summary.all_text()
    assert len(table.body["blocks"]) == 3


def test_a_form_slack_would_not_open_is_answered_politely(bot: BotServer, fake: FakeSlack) -> None:
    fake.fail("views.open", "expired_trigger")

    send_form(bot.url, slash_command("review", fake.response_url("review")))

    [reply] = fake.wait_for("response")
    assert "please type `/quote review` again" in reply.body["text"]


# -- long drafts --------------------------------------------------------------------------------


def test_a_long_draft_is_split_within_slacks_limits_and_says_how_many_are_left_out() -> None:
    long_quote = " ".join([QUOTE] * 30)  # about 2,500 characters
    draft = Article(text="…", title="A very long draft", source="draft.txt")
    quotation = Quotation(
        text=long_quote, start=0, end=len(long_quote), kind=Kind.DIRECT, speaker_as_written="Vale"
    )
    reviewed = [(quotation, result(matches=(match(long_quote),)))] * 200

    messages = review_messages(draft, reviewed, asked_by=EDITOR)

    assert len(messages) == MESSAGES_SHOWN
    for message in messages:
        assert len(message["blocks"]) <= MESSAGE_BLOCKS
        assert len(json.dumps(message["blocks"], ensure_ascii=False)) <= 13_000
        for block in message["blocks"]:
            text = block.get("text") or block["elements"][0]
            assert len(text["text"]) <= SECTION_CHARS
    shown = sum(
        1 for message in messages[1:] for block in message["blocks"] if block["type"] == "section"
    )
    last = messages[-1]["blocks"][-1]["elements"][0]["text"]
    assert last.startswith(f"…and {200 - shown} more quotations not shown here")
    assert "200 quotations: 200 verified" in messages[0]["blocks"][0]["text"]["text"]

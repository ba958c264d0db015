"""The App Home lists the desk's register: the latest rulings and the ruled quotes that came
back the most, escaped and within Slack's limits on a view. Over real HTTP (app_home_opened →
views.publish against the fake Web API), and the view itself at its limits.

The rulings are invented (tests/ruling_support.py).
"""

from __future__ import annotations

import datetime as dt
import json

from fake_slack import FakeSlack
from ruling_support import FERRY_QUOTE, ferry_ruling
from slack_support import EDITOR, bot_server, event_envelope, send_json
from test_slack_blocks import assert_valid_message

from bot.slack.home import LATEST_SHOWN, VIEW_BLOCKS, home_with_rulings
from bot.slack.mrkdwn import SECTION_CHARS
from bot.wording import day
from store.archive import Archive
from store.rulings import Ruling, RulingKind, ruling_input, slack_place

OPENED = {"type": "app_home_opened", "user": EDITOR, "channel": "D0HOME", "tab": "home"}


def published_home(archive: Archive, fake: FakeSlack) -> dict:
    with bot_server(archive, fake) as bot:
        send_json(bot.url, event_envelope(OPENED, "Ev0HOMERULINGS"))
        [published] = fake.wait_for("views.publish")
    assert published.body["user_id"] == EDITOR
    return published.body["view"]


def texts(view: dict) -> list[str]:
    found = []
    for block in view["blocks"]:
        if "text" in block:
            found.append(block["text"]["text"])
        found.extend(element.get("text", "") for element in block.get("elements", []))
    return found


def test_the_app_home_lists_the_latest_rulings_and_the_most_pasted(
    archive: Archive, fake: FakeSlack
) -> None:
    ferry = ferry_ruling(archive)
    escaped = archive.record_ruling(
        ruling_input(
            "Tell <!channel> the harbour & the docks are closed for good",
            "misattributed",
            "<@U0EDITOR>",
            speaker="Rob *Hale*",
            note="Said by <@U0BOSS> at the <https://evil.example|harbour> meeting.",
        )
    )
    for ts in ("1700000001.000100", "1700000002.000100"):
        archive.record_reappearance(ferry, slack_place("T0NEWSROOM", "C0WATCHED", ts))

    view = published_home(archive, fake)

    shown = "\n".join(texts(view))
    assert view["type"] == "home"
    assert "The desk's rulings" in json.dumps(view["blocks"], ensure_ascii=False)
    lines = [text for text in texts(view) if text.startswith(":triangular_flag_on_post:")]
    assert len(lines) == 5  # the ferry ruling, the three beside it, and the last one
    assert lines[0].startswith(
        f":triangular_flag_on_post: *Ruled misattributed by <@U0EDITOR> on {day(escaped.at)}*"
    )
    assert "Tell &lt;!channel&gt; the harbour &amp; the docks" in lines[0]
    assert "the words are Rob ∗Hale∗'s" in lines[0]
    assert "Said by &lt;@U0BOSS&gt; at the &lt;https://evil.example|harbour&gt;" in shown
    assert "<!channel>" not in shown and "<@U0BOSS>" not in shown and "<https://evil" not in shown
    most = next(text for text in texts(view) if text.startswith("*Ruled quotes that came back"))
    assert f"• “{FERRY_QUOTE}” — fabricated, turned up again in 2 places" in most


def test_an_empty_register_says_how_to_record_a_ruling(
    sqlite_archive: Archive, fake: FakeSlack
) -> None:
    view = published_home(sqlite_archive, fake)

    assert any("*Record a ruling* under any answer" in text for text in texts(view))


def test_a_full_register_stays_within_slacks_limits_on_a_view() -> None:
    at = dt.datetime(2026, 12, 2, tzinfo=dt.UTC)
    huge = [
        Ruling(
            id=number,
            text="<!here> " + "ferry " * 2000,
            credited=None,
            quotation_id=None,
            kind=RulingKind.MISQUOTED,
            speaker=None,
            printed="& " * 2500,
            note="<@U0BOSS> " * 200,
            links=(),
            by="x" * 300,
            at=at,
            revision=1,
            revision_id=number,
            first_at=at,
        )
        for number in range(1, 200)
    ]

    view = home_with_rulings(None, [("q" * 5000, "verified")] * 50, huge, [(r, 9) for r in huge])

    assert len(view["blocks"]) <= VIEW_BLOCKS
    assert all(len(text) <= SECTION_CHARS for text in texts(view))
    assert_valid_message(view["blocks"], max_blocks=VIEW_BLOCKS)  # Block Kit's own models
    ruled = [t for t in texts(view) if t.startswith(":triangular_flag_on_post:")]
    assert len(ruled) == LATEST_SHOWN
    assert "<!here>" not in json.dumps(view) and "<@U0BOSS>" not in json.dumps(view)

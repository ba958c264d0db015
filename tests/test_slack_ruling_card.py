"""The Slack answer leads with the desk's ruling, in the words the terminal card uses
(bot.wording), escaped like every other untrusted text."""

from __future__ import annotations

import dataclasses
import datetime as dt

from answers_support import result
from test_slack_blocks import assert_nothing_pings_or_links, assert_valid_message, shown

from bot.slack.card import answer_blocks, answer_text
from bot.verifier.verdict import Verdict
from store.rulings import Ruling, RulingKind

RULED_AT = dt.datetime(2026, 12, 2, 15, 30, tzinfo=dt.UTC)
RULING = Ruling(
    id=7,
    text="The new ferry will carry four hundred cars a day",
    credited="Ada Quill",
    quotation_id=None,
    kind=RulingKind.MISATTRIBUTED,
    speaker="Rob Hale",
    printed=None,
    note="Said at the <!channel> harbour meeting & minuted.",
    links=("https://gulls-gazette.example/check", "javascript:alert(1)"),
    by="ana",
    at=RULED_AT,
    revision=2,
    revision_id=9,
    first_at=RULED_AT - dt.timedelta(days=1),
)


def test_the_ruling_is_the_first_block_and_links_its_evidence() -> None:
    blocks = answer_blocks(dataclasses.replace(result(Verdict.VERIFIED), ruling=RULING))
    assert_valid_message(blocks)
    first = blocks[0]["text"]["text"]
    assert first == (
        ":triangular_flag_on_post: *Ruled misattributed by ana on 2 Dec 2026*: the words are "
        "Rob Hale's (<https://gulls-gazette.example/check|gulls-gazette.example>, link)"
    )
    note = blocks[1]["elements"][0]["text"]
    assert note.startswith("Said at the &lt;!channel&gt; harbour meeting &amp; minuted.")
    assert note.endswith("revised once; first ruled on 1 Dec 2026")
    assert blocks[2]["text"]["text"].startswith(":white_check_mark: *Verified*")
    assert_nothing_pings_or_links(
        shown(blocks),
        allowed_links=(
            "https://gulls-gazette.example/check",
            "https://kestrel-gazette.example/ferry",
        ),
    )


def test_the_fallback_text_leads_with_the_ruling() -> None:
    text = answer_text(dataclasses.replace(result(Verdict.NOT_FOUND, matches=()), ruling=RULING))
    assert text.startswith("🚩 Ruled misattributed by ana on 2 Dec 2026 — ❌ Not found: ")


def test_an_answer_without_a_ruling_is_unchanged() -> None:
    assert answer_blocks(result(Verdict.VERIFIED))[0]["text"]["text"].startswith(
        ":white_check_mark: *Verified*"
    )

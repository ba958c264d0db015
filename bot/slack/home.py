"""The App Home tab: the bot's own page (bot.slack.card.home_view), then the desk's register:
the latest rulings, and the ruled quotes that turned up again in the most places.

Everything in a ruling came from people (the words, names, notes): it is escaped and cut to a
budget like every answer (bot.slack.mrkdwn), and the tab keeps within Slack's limits on a view
(100 blocks, 3,000 characters a section).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.slack.card import RULING_EMOJI, home_view, ruling_headline
from bot.slack.mrkdwn import context_block, fit, plain_text, section_block
from bot.wording import RULING_WORDS, ruling_finding
from store.archive import ArchiveStats
from store.rulings import Ruling

#: Rulings the tab lists, and ruled quotes among the most pasted.
LATEST_SHOWN = 10
MOST_PASTED_SHOWN = 5
#: Slack's limit on the blocks of a view.
VIEW_BLOCKS = 100
WORDS_CHARS = 300
FINDING_CHARS = 400
NOTE_CHARS = 300


def home_with_rulings(
    stats: ArchiveStats | None,
    recent: Sequence[tuple[str, str]],
    latest: Sequence[Ruling],
    most_pasted: Sequence[tuple[Ruling, int]],
) -> dict[str, Any]:
    """The App Home view: the bot's page, the latest rulings, the most pasted ruled quotes."""
    view = home_view(stats, recent)
    blocks: list[dict] = [
        *view["blocks"],
        {"type": "divider"},
        {"type": "header", "text": plain_text("The desk's rulings")},
    ]
    if not latest:
        blocks.append(
            context_block("No rulings yet: *Record a ruling* under any answer records one.")
        )
    for ruling in latest[:LATEST_SHOWN]:
        blocks.extend(_ruling_blocks(ruling))
    if most_pasted:
        blocks.append(section_block(_most_pasted(most_pasted[:MOST_PASTED_SHOWN])))
    return {**view, "blocks": blocks[:VIEW_BLOCKS]}


def _ruling_blocks(ruling: Ruling) -> list[dict]:
    """`:triangular_flag_on_post: *Ruled fabricated by @ana on 2 Dec 2026*: no source …` over
    the words, then the note in small print."""
    line = (
        f"{RULING_EMOJI} *{ruling_headline(ruling)}*: {fit(ruling_finding(ruling), FINDING_CHARS)}"
        f"\n>“{fit(ruling.text, WORDS_CHARS)}”"
    )
    blocks = [section_block(line)]
    if ruling.note:
        blocks.append(context_block(fit(ruling.note, NOTE_CHARS)))
    return blocks


def _most_pasted(most: Sequence[tuple[Ruling, int]]) -> str:
    lines = ["*Ruled quotes that came back the most*"]
    for ruling, places in most:
        times = "1 place" if places == 1 else f"{places:,} places"
        lines.append(
            f"• “{fit(ruling.text, WORDS_CHARS)}” — {RULING_WORDS[ruling.kind]}, "
            f"turned up again in {times}"
        )
    return "\n".join(lines)

"""A draft's review as Slack messages: the same table as `quotebot review`, in Block Kit.

The first message names the draft and carries the summary (bot.review_words: the words'
verdicts and, apart from them, the speakers in doubt). Then a section per quotation: the
quotation, who the draft credits, the words' verdict and the speaker's (a misattribution leads,
never a green tick over the wrong speaker), the changed words, and who the archive credits,
where and when, linked to the article.

Slack refuses a section over 3,000 characters and a message over 50 blocks, and in practice
fails over about 13,000 characters of blocks: every text is cut to a budget (bot.slack.card's
helpers, which also escape it with bot.slack.text.escape and defuse Slack's formatting), the
sections are packed into messages under those limits, and a draft longer than MESSAGES_SHOWN
messages ends with a line saying how many quotations are left out and where to see them all.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bot.review_words import draft_speaker, review_summary, words_word
from bot.slack.card import LOOKS, MESSAGE_BLOCKS, MESSAGE_CHARS
from bot.slack.mrkdwn import context_block, fit, link, section_block
from bot.verifier.verdict import Attribution, CheckResult, Match, Verdict
from bot.wording import CHANGE_WORDS, archive_speakers, misattributed, verdict_words
from store.article import Article
from store.quotation import Quotation

Message = dict[str, Any]
Reviewed = Sequence[tuple[Quotation, CheckResult]]

#: Messages one review posts at most (the first holds the summary); past them, "N more".
MESSAGES_SHOWN = 5
#: Blocks kept free in each message, under Slack's 50, for the "N more" line.
_SPARE_BLOCKS = 2
QUOTATION_CHARS = 1500
NAME_CHARS = 120
TITLE_CHARS = 150
CHANGE_CHARS = 100
CHANGES_SHOWN = 10
_SPEAKER_WORDS = {
    Attribution.MATCHES: ":white_check_mark: speaker matches",
    Attribution.UNCERTAIN: ":grey_question: speaker uncertain",
    Attribution.NOT_CLAIMED: "no speaker named",
}


def review_messages(article: Article, reviewed: Reviewed, *, asked_by: str | None) -> list[Message]:
    """The messages that answer a review, in order: the summary first, then the quotations."""
    title = fit(article.title or "the draft", TITLE_CHARS)
    summary = fit(review_summary(result for _, result in reviewed), 600)
    heading = f":memo: *Review of “{title}”*\n{summary}"
    first: list[dict] = [section_block(heading)]
    if asked_by:
        first.append(
            context_block(f"Asked by <@{asked_by}>. Each quotation is checked as it stands.")
        )
    if not reviewed:
        first.append(context_block("I found no quotations in the draft."))
        return [_message(first, f"Review: {summary}")]
    messages = [_message(first, f"Review of “{title}”: {summary}")]
    blocks: list[dict] = []
    shown = 0
    for number, (quotation, result) in enumerate(reviewed, 1):
        section = section_block(quotation_text(number, quotation, result))
        if _full(blocks, section):
            if len(messages) == MESSAGES_SHOWN - 1:
                break
            messages.append(_message(blocks, f"Review of “{title}”, continued"))
            blocks = []
        blocks.append(section)
        shown = number
    left = len(reviewed) - shown
    if left:
        plural = "quotation" if left == 1 else "quotations"
        blocks.append(
            context_block(
                f"…and {left} more {plural} not shown here: review the whole draft with the "
                "command line (`quotebot review`)."
            )
        )
    messages.append(_message(blocks, f"Review of “{title}”, continued"))
    return messages


def quotation_text(number: int, quotation: Quotation, result: CheckResult) -> str:
    """One quotation's row as mrkdwn: the quote and its speaker, the verdicts, the changes and
    the archive's printing."""
    speaker = draft_speaker(quotation)
    credited = f" — _{fit(speaker, NAME_CHARS)}_" if speaker else ""
    lines = [f"*{number}.* “{fit(quotation.text, QUOTATION_CHARS)}”{credited}", _verdicts(result)]
    best = result.matches[0] if result.matches else None
    if best is not None and best.diff and result.verdict is not Verdict.SPLICED:
        lines.append(_changes(best))
    if result.problem is not None:
        lines.append(fit(result.problem, 300))
    elif best is not None:
        lines.append(_archive(result, best))
    return "\n".join(lines)


def _verdicts(result: CheckResult) -> str:
    if result.problem is not None:
        return ":x: *Not checked*"
    if misattributed(result):
        credits = fit(archive_speakers(result) or "someone else", NAME_CHARS)
        return (
            f":x: *Misattributed*: the archive credits *{credits}* "
            f"(the words: {words_word(result)})"
        )
    emoji, word = LOOKS[result.verdict].emoji, verdict_words(result).word
    return f"{emoji} *{word}* · {_speaker_word(result)}"


def _speaker_word(result: CheckResult) -> str:
    if result.attribution is Attribution.UNKNOWN:
        return ":grey_question: speaker unknown" if result.matches else "speaker not checked"
    return _SPEAKER_WORDS[result.attribution]


def _changes(best: Match) -> str:
    parts = []
    for change in best.diff[:CHANGES_SHOWN]:
        words = CHANGE_WORDS.get(change.op, change.op)
        pasted = f"~{fit(change.query, CHANGE_CHARS)}~" if change.query else ""
        printed = f"“{fit(change.archive, CHANGE_CHARS)}”" if change.archive else ""
        arrow = " → " if pasted and printed else ""
        parts.append(f"{words} {pasted}{arrow}{printed}")
    more = len(best.diff) - CHANGES_SHOWN
    if more > 0:
        parts.append(f"and {more} more")
    return "Changes: " + "; ".join(parts)


def _archive(result: CheckResult, best: Match) -> str:
    who = fit(archive_speakers(result) or "speaker unknown", NAME_CHARS)
    where = (
        [fit(best.outlet or best.article.outlet, NAME_CHARS)]
        if (best.outlet or best.article.outlet)
        else []
    )
    if best.article.published:
        where.append(best.article.published.isoformat())
    title = best.article.title
    if title:
        where.append(link(best.article.url, f"“{fit(title, TITLE_CHARS)}”"))
    line = f"In the archive: *{who}*" + (f" · {', '.join(where)}" if where else "")
    others = [name for match in result.matches for name in match.conflicting_speakers]
    if others:
        names = ", ".join(fit(name, NAME_CHARS) for name in list(dict.fromkeys(others))[:3])
        line += f"\n:warning: Outlets disagree: also credited to {names}"
    return line


def _full(blocks: list[dict], section: dict) -> bool:
    """Whether `section` would take the message past Slack's limits."""
    if len(blocks) + 1 > MESSAGE_BLOCKS - _SPARE_BLOCKS:
        return True
    return _size([*blocks, section]) > MESSAGE_CHARS


def _size(blocks: list[dict]) -> int:
    return len(json.dumps(blocks, ensure_ascii=False))


def _message(blocks: list[dict], text: str) -> Message:
    return {"blocks": blocks, "text": text}

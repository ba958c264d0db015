"""The verifier's answer as a Slack message: Block Kit blocks and a plain-text fallback.

The layout can be read and tested without Slack; the listeners only post what these functions
build. An answer leads with the verdict in one line with an icon, then who the paste credits
and whether the archive agrees, then the evidence: the quotation with the pasted words in bold,
who said it (and their role), where and when it was printed (a link to the article), whom it
was told to and who relayed it, the word-level difference, the pieces of a splice, how many
articles printed it and the earliest, and the speakers other outlets credit.

Archive and user text is untrusted. Every piece of it goes through `safe`:
- `&`, `<` and `>` are escaped (text.escape), so no quotation can ping `@channel` or a
  user, or forge a link; every mrkdwn text object is also `verbatim`, so Slack does not turn
  bare names or channel names into links either.
- Slack's formatting characters are replaced by look-alikes (`*` → `∗`, `_` → `ˍ`, `~` → `∼`,
  `` ` `` → `ˋ`): a quotation with an asterisk can neither end our bold early nor restyle the
  answer. Look-alikes, rather than zero-width characters between the marks, because Slack
  documents no rule for the latter and a look-alike reads the same to a person. Our own bold
  gets a zero-width space where it touches a letter or a quote mark, so Slack still sees a
  word boundary (text.decode drops it again if the answer is pasted back).
- Whitespace and control characters become single spaces, so a quotation stays one line and
  the bold around the pasted words (which cannot cross a line) holds.
Links are built here only, as `<url|label>`, and only for http(s) addresses.

Slack rejects a section over 3,000 characters, a message over 50 blocks, and in practice a
message over about 13,000 characters of blocks, so every text is cut with an ellipsis to a
budget and the answer shows a bounded number of matches, pieces, changes and speakers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.slack.mrkdwn import (
    BLANKS,
    context_block,
    fit,
    link,
    link_target,
    plain_text,
    safe,
    section_block,
)
from bot.verifier.trust import Trust
from bot.verifier.verdict import Attribution, CheckResult, Match, Verdict, WordChange
from bot.wording import (
    MISATTRIBUTED,
    SPEAKER_UNCERTAIN,
    UNVETTED_HEADLINE,
    UNVETTED_SOURCE,
    VERDICT_WORDS,
    archive_speakers,
    evidence_heading,
    is_confident,
    kind_label,
    misattributed,
    misattribution_headline,
    ruling_line,
    speaker_label,
    speaker_line,
    uncertainty,
    unvetted_only,
    unvetted_printings,
    verdict_words,
)
from store.archive import ArchiveStats
from store.readers.provenance import site_of
from store.rulings import Ruling

#: Action ids the app routes. Each button's value is the lookup id, as a decimal string.
SHARE_ACTION = "share_in_channel"
CONTEXT_ACTION = "show_context"
WRONG_MATCH_ACTION = "not_the_right_match"

#: Slack's own limits (SECTION_CHARS: bot.slack.mrkdwn).
MESSAGE_BLOCKS = 50
BUTTON_VALUE_CHARS = 2000
#: Our budget for a whole answer (its blocks as JSON), below where Slack starts failing.
MESSAGE_CHARS = 12_000

#: How much of each text an answer shows (characters of mrkdwn, after escaping).
QUOTATION_CHARS = 1200
PIECE_CHARS = 500
CONTEXT_CHARS = 2400
QUERY_CHARS = 400
NAME_CHARS = 120
EVIDENCE_CHARS = 300
TITLE_CHARS = 150
CHANGE_CHARS = 100
OTHER_MATCH_CHARS = 200
NOTE_CHARS = 300
RULING_NOTE_CHARS = 600
RULING_LINKS_SHOWN = 5
#: How many of each list an answer shows before "and N more".
OTHER_MATCHES_SHOWN = 3
PIECES_SHOWN = 5
CHANGES_SHOWN = 10
CONFLICTS_SHOWN = 5
NOTES_SHOWN = 3
RECENT_SHOWN = 10
TOP_SPEAKERS_SHOWN = 10


@dataclass(frozen=True)
class VerdictLook:
    """How a verdict looks in Slack; its words are bot.wording's."""

    #: A Slack emoji code for blocks, and the same icon as a character for the fallback,
    #: which notifications show as typed.
    emoji: str
    symbol: str


LOOKS: dict[Verdict, VerdictLook] = {
    Verdict.VERIFIED: VerdictLook(":white_check_mark:", "✅"),
    Verdict.WORDING_DIFFERS: VerdictLook(":large_yellow_circle:", "🟡"),
    Verdict.SPLICED: VerdictLook(":scissors:", "✂️"),
    Verdict.NOT_A_DIRECT_QUOTE: VerdictLook(":warning:", "⚠️"),
    Verdict.NOT_FOUND: VerdictLook(":x:", "❌"),
}
_MISATTRIBUTED_EMOJI, _MISATTRIBUTED_SYMBOL = ":no_entry:", "⛔"
_PROBLEM_EMOJI, _PROBLEM_SYMBOL = ":grey_question:", "❔"
#: The mark of the desk's ruling (bot.wording.ruling_line), which leads an answer.
RULING_EMOJI, RULING_SYMBOL = ":triangular_flag_on_post:", "🚩"
#: The emoji of each speaker line (bot.wording.speaker_line), by the answer's attribution.
_SPEAKER_EMOJI = {
    Attribution.MATCHES: ":bust_in_silhouette:",
    Attribution.DIFFERS: ":no_entry:",
    Attribution.UNCERTAIN: ":grey_question:",
    Attribution.UNKNOWN: ":grey_question:",
}

_SLACK_USER_ID = re.compile(r"[UW][A-Z0-9]{2,20}")
_ZWSP = "\u200b"


# -- the answer ----------------------------------------------------------------------------------


def answer_blocks(
    result: CheckResult,
    *,
    lookup_id: int | None = None,
    shared_by: str | None = None,
    show_context: bool = False,
    ephemeral: bool = False,
) -> list[dict]:
    """The whole answer to one pasted quote.

    Buttons need `lookup_id` (their value), so an answer without one has none. `shared_by` (a
    Slack user id, or a name) is credited under the verdict when a private answer is shared.
    """
    if result.problem is not None:
        blocks = problem_blocks(result.problem)
        blocks.extend(_pasted(result, shared_by))
        return blocks
    blocks = ruling_blocks(result.ruling) if result.ruling is not None else []
    blocks += [section_block(_verdict_line(result)), *_pasted(result, shared_by)]
    attribution = _attribution_line(result)
    if attribution:
        blocks.append(section_block(attribution))
    blocks.extend(_evidence(result, show_context))
    notes = [fit(note, NOTE_CHARS) for note in result.notes[:NOTES_SHOWN]]
    if notes:
        blocks.append(context_block("\n".join(notes)))
    return _bounded(blocks, _buttons(result, lookup_id, show_context, ephemeral))


def answer_text(result: CheckResult) -> str:
    """The fallback a notification or a screen reader gets: the verdict, the pasted words, who
    said them and where, in one escaped line."""
    if result.problem is not None:
        return f"{_PROBLEM_SYMBOL} {_problem_sentence(result.problem)}"
    word = verdict_words(result).word
    symbol = _MISATTRIBUTED_SYMBOL if misattributed(result) else LOOKS[result.verdict].symbol
    if misattributed(result):
        word = f"{MISATTRIBUTED} ({misattribution_headline(result).split(',')[0]})"
    parts = [f"{symbol} {word}: “{fit(result.query, QUERY_CHARS)}”"]
    if result.ruling is not None:
        said = ruling_line(result.ruling)
        parts.insert(0, f"{RULING_SYMBOL} {fit(said.headline, 2 * NAME_CHARS)}")
    if result.verdict is Verdict.SPLICED:
        speakers = _distinct(match.speaker or "unknown speaker" for match in result.matches)
        parts.append(f"joins words of {fit(' and '.join(speakers), 2 * NAME_CHARS)}")
    elif result.matches:
        parts.append(_plain_source(result.matches[0]))
    else:
        parts.append(VERDICT_WORDS[result.verdict].meaning)
    if result.attribution is Attribution.DIFFERS:
        claimed = fit(result.claimed_speaker or "someone", NAME_CHARS)
        parts.append(f"speaker differs: the paste credits {claimed}")
    if unvetted_only(result):
        parts.append(UNVETTED_HEADLINE)
    return " — ".join(parts)


def context_blocks(result: CheckResult, match_index: int = 0) -> list[dict]:
    """The paragraph around one match (the Show context button), the pasted words in bold."""
    candidates = result.matches or ((result.closest,) if result.closest else ())
    if not 0 <= match_index < len(candidates):
        return problem_blocks("that match is no longer part of the answer.")
    match = candidates[match_index]
    if not match.context.strip():
        return problem_blocks("the archive keeps no paragraph around that quotation.")
    heading = f"*The paragraph in {_article_link(match)}*"
    return [section_block(f"{heading}\n{_paragraph(match, CONTEXT_CHARS)}")]


def problem_blocks(message: str) -> list[dict]:
    """A polite one-line answer for a paste that could not be checked."""
    return [section_block(f"{_PROBLEM_EMOJI} {_problem_sentence(message)}")]


def problem_text(message: str) -> str:
    """The fallback for `problem_blocks`."""
    return f"{_PROBLEM_SYMBOL} {_problem_sentence(message)}"


# -- help, stats, home ---------------------------------------------------------------------------

_ABOUT = (
    "I check a quotation against the newsroom's archive of published articles: whether these "
    "exact words were printed inside quotation marks, who said them (and their role), which "
    "outlet printed them, when, whom they were told to, and whether outlets disagree about the "
    "speaker. A wrong attribution is worse than no answer, so when I am not sure I say so."
)
_ENTRY_POINTS = (
    "• `/quote` and the words: a private answer, with a button to share it in the channel\n"
    "• *Verify quote* in any message's ⋮ menu (the message shortcut)\n"
    '• Mention me with a quote: `@quotebot "…" Name said`\n'
    "• In channels the newsroom chose to watch, I answer quotes in a thread\n"
    "• `/quote review`, or a draft shared with me as a file in a direct message: every "
    "quotation of the draft checked, in a table"
)
_EXAMPLES = (
    '• `/quote "We will reopen the terminal before the spring tides," Harriet Vale said`\n'
    '• `/quote Harriet Vale: "whatever the council decides"`\n'
    "• `/quote reopen the terminal before the spring tides` (no speaker: I say who said it)"
)
_VERDICTS = "\n".join(
    f"{LOOKS[verdict].emoji} *{words.word}*: {words.meaning}"
    for verdict, words in VERDICT_WORDS.items()
)


def help_blocks() -> list[dict]:
    """`/quote help`: what the bot does, where to ask it, examples and what verdicts mean."""
    return [
        {"type": "header", "text": plain_text("quotebot: is this quote in the archive?")},
        section_block(_ABOUT),
        section_block(f"*Ask me*\n{_ENTRY_POINTS}"),
        section_block(f"*Examples*\n{_EXAMPLES}"),
        section_block(f"*Verdicts*\n{_VERDICTS}"),
    ]


def help_text() -> str:
    """The fallback for `help_blocks`."""
    return (
        "quotebot checks a quotation against the archive: who said it, who printed it, when, "
        "and whether the wording and the speaker match. Ask with /quote and the words, the Verify "
        "quote message shortcut, or by mentioning @quotebot."
    )


def stats_blocks(
    stats: ArchiveStats, lookups: int | None = None, feedback: int | None = None
) -> list[dict]:
    """The archive's size and span, its most quoted speakers, and how the bot is used."""
    blocks = [section_block(f":books: *The archive*\n{_archive_size(stats)}")]
    top = stats.top_speakers[:TOP_SPEAKERS_SHOWN]
    if top:
        names = ", ".join(f"{fit(s.name, NAME_CHARS)} ({s.quotations:,})" for s in top)
        blocks.append(section_block(f"*Most quoted:* {names}"))
    usage = []
    if lookups is not None:
        usage.append(_count(lookups, "lookup", "lookups") + " answered")
    if feedback is not None:
        usage.append(_count(feedback, "answer", "answers") + " reported as not the right match")
    if usage:
        blocks.append(context_block(" · ".join(usage)))
    return blocks


def home_view(stats: ArchiveStats | None, recent: Sequence[tuple[str, str]]) -> dict:
    """The App Home tab: what the bot does, how to ask it, the archive's size, and the user's
    last lookups as (pasted words, verdict) pairs, newest first."""
    blocks: list[dict] = [
        {"type": "header", "text": plain_text("quotebot")},
        section_block(_ABOUT),
        section_block(f"*Ask me*\n{_ENTRY_POINTS}"),
        {"type": "divider"},
    ]
    if stats is not None:
        blocks.extend(stats_blocks(stats))
    else:
        blocks.append(context_block("The archive cannot be reached right now."))
    blocks.extend([{"type": "divider"}, section_block(_recent_lookups(recent))])
    return {"type": "home", "blocks": blocks}


def _archive_size(stats: ArchiveStats) -> str:
    kinds = ", ".join(
        f"{count:,} {safe(kind_label(kind))}"
        for kind, count in stats.quotations_by_kind.items()
        if count
    )
    quotations = _count(stats.quotations, "quotation", "quotations")
    parts = [
        _count(stats.articles, "article", "articles"),
        f"{quotations} ({kinds})" if kinds else quotations,
        _count(stats.speakers, "speaker", "speakers"),
        _count(stats.outlets, "outlet", "outlets"),
    ]
    if stats.earliest_published and stats.latest_published:
        parts.append(
            f"published {_date(stats.earliest_published)} to {_date(stats.latest_published)}"
        )
    return " · ".join(parts)


def _verdict_label(verdict: str) -> str:
    """`:white_check_mark: Verified` for a verdict logged by name."""
    try:
        known = Verdict(verdict)
    except ValueError:
        return fit(verdict, 40)
    return f"{LOOKS[known].emoji} {VERDICT_WORDS[known].word}"


def _recent_lookups(recent: Sequence[tuple[str, str]]) -> str:
    if not recent:
        return "*Your last lookups*\nYou have not checked a quote yet."
    lines = ["*Your last lookups*"]
    for query, verdict in recent[:RECENT_SHOWN]:
        lines.append(f"• {_verdict_label(verdict)}: “{fit(query, 150)}”")
    return "\n".join(lines)


def ruling_blocks(ruling: Ruling) -> list[dict]:
    """The desk's ruling, which leads an answer: `:triangular_flag_on_post: *Ruled
    misattributed by ana on 2 Dec 2026*: the words are Rob Hale's (<link|site>)`, then its
    note and history in small print."""
    said = ruling_line(ruling)
    line = f"{RULING_EMOJI} *{fit(said.headline, 2 * NAME_CHARS)}*: "
    line += fit(said.finding, QUOTATION_CHARS)
    links = [link(url, fit(site_of(url) or "link", NAME_CHARS)) for url in said.links]
    if links:
        line += f" ({', '.join(links[:RULING_LINKS_SHOWN])})"
    blocks = [section_block(line)]
    small = [fit(part, RULING_NOTE_CHARS) for part in (said.note, said.history) if part]
    if small:
        blocks.append(context_block("\n".join(small)))
    return blocks


# -- the parts of an answer ----------------------------------------------------------------------


def _verdict_line(result: CheckResult) -> str:
    """The headline. A paste credited to the wrong person leads with that, whatever the
    words' verdict (never a green tick over a misattribution); an uncertain speaker is said
    on the same line."""
    if misattributed(result):
        archive = fit(archive_speakers(result) or "someone else", 2 * NAME_CHARS)
        headline = misattribution_headline(result)
        line = f"{_MISATTRIBUTED_EMOJI} *{MISATTRIBUTED}* — {headline} *{archive}*"
        return line + _unvetted_flag(result)
    words = verdict_words(result)
    line = f"{LOOKS[result.verdict].emoji} *{words.word}* — {words.meaning}"
    if result.attribution is Attribution.UNCERTAIN:
        line += f" · :grey_question: *{SPEAKER_UNCERTAIN}*"
    return line + _unvetted_flag(result)


def _unvetted_flag(result: CheckResult) -> str:
    """Words found only in unvetted sources say so in the headline (bot.verifier.trust)."""
    return f" · :warning: *{UNVETTED_HEADLINE}*" if unvetted_only(result) else ""


def _pasted(result: CheckResult, shared_by: str | None) -> list[dict]:
    parts = []
    if result.query.strip():
        line = f"Pasted: “{fit(result.query, QUERY_CHARS)}”"
        if result.claimed_speaker:
            line += f" — credited to {fit(result.claimed_speaker, NAME_CHARS)}"
        parts.append(line)
    if shared_by:
        parts.append(f"Shared by {_person(shared_by)}")
    return [context_block(" · ".join(parts))] if parts else []


def _attribution_line(result: CheckResult) -> str | None:
    claimed = fit(result.claimed_speaker or "", NAME_CHARS)
    archive = fit(archive_speakers(result) or "", 2 * NAME_CHARS)
    why = fit(uncertainty(result), 3 * NAME_CHARS)
    spoken = speaker_line(result, claimed, archive, why)
    if spoken is None:
        return None
    sentence = "".join(f"*{text}*" if bold else text for text, bold in spoken.parts)
    return f"{_SPEAKER_EMOJI[result.attribution]} *{spoken.label}:* {sentence}"


def _evidence(result: CheckResult, show_context: bool) -> list[dict]:
    if result.verdict is Verdict.SPLICED:
        return _pieces(result.matches)
    if not result.matches:
        if result.closest is None:
            return []
        heading = (
            f"*Closest in the archive — NOT a match* (similarity {result.closest.score:.0f}/100):"
        )
        return [section_block(f"{heading}\n{_match_text(result.closest, QUOTATION_CHARS)}")]
    best, *others = result.matches
    heading = "*The full quotation* (your words in bold):\n" if result.excerpt else ""
    blocks = [section_block(heading + _match_text(best, QUOTATION_CHARS))]
    if show_context and best.context.strip():
        blocks.append(section_block(f"*The paragraph*\n{_paragraph(best, CONTEXT_CHARS)}"))
    if result.verdict is Verdict.WORDING_DIFFERS and best.diff:
        blocks.append(section_block(_diff_text(best.diff)))
    blocks.append(context_block(_occurrences(best)))
    if best.conflicting_speakers:
        blocks.append(section_block(_conflicts(best.conflicting_speakers)))
    if others:
        blocks.append(section_block(_other_matches(others)))
    return blocks


def _match_text(match: Match, budget: int) -> str:
    """The quotation as a block quote with the pasted words in bold, then who said it and
    where. Reported speech and paraphrase are the writer's words, so they get no quote marks."""
    quoted = match.kind in ("direct", "partial")
    words = _bold_window(match.text, match.matched_start, match.matched_end, budget)
    lines = [f">“{words}”" if quoted else f">{words}"]
    if match.kind != "direct":
        lines.append(f"_{safe(kind_label(match.kind))}_")
    lines.append(_speaker(match))
    evidence = _evidence_line(match)
    if evidence:
        lines.append(evidence)
    lines.append(_source(match))
    relay = _relay(match)
    if relay:
        lines.append(relay)
    return "\n".join(lines)


def _speaker(match: Match) -> str:
    label = speaker_label(match)
    name = f"*{fit(label, NAME_CHARS)}*" if label else "speaker unknown"
    role = f" ({fit(match.speaker_role, NAME_CHARS)})" if match.speaker_role else ""
    return f"— {name}{role}"


def _evidence_line(match: Match) -> str | None:
    """How the archive knows who spoke, and the sentence that shows it."""
    heading = evidence_heading(match)
    if heading is None:
        return None
    flag = "" if is_confident(match) else ":grey_question: "
    line = f"{flag}_how the archive knows: {fit(heading, 2 * NAME_CHARS)}_"
    if match.speaker_evidence:
        line += f": “{fit(match.speaker_evidence, EVIDENCE_CHARS)}”"
    return line


def _source(match: Match) -> str:
    """`Outlet · 2025-05-06 · <https://…|Headline>`"""
    parts = [fit(_outlet(match), NAME_CHARS)] if _outlet(match) else []
    if match.article.published:
        parts.append(_date(match.article.published))
    if match.article.title or link_target(match.article.url):
        parts.append(_article_link(match))
    if match.trust is Trust.UNVETTED:
        parts.append(f"_{UNVETTED_SOURCE}_")
    return " · ".join(parts) or "outlet and date unknown"


def _article_link(match: Match) -> str:
    label = match.article.title or _outlet(match) or "the article"
    return link(match.article.url, fit(label, TITLE_CHARS))


def _relay(match: Match) -> str | None:
    parts = []
    if match.reported_to:
        parts.append(f"told {fit(match.reported_to, NAME_CHARS)}")
    if match.via:
        parts.append(f"via {fit(match.via, NAME_CHARS)}")
    return " · ".join(parts) or None


def _paragraph(match: Match, budget: int) -> str:
    """The paragraph around the quotation, the pasted words in bold where they appear in it."""
    start = match.context.find(match.matched) if match.matched.strip() else -1
    end = start + len(match.matched) if start >= 0 else -1
    return f">{_bold_window(match.context, start, end, budget)}"


_CHANGE_LINES = {
    "replace": "• ~{query}~ → *{archive}*",
    "insert": "• added ~{query}~ (not in the archive)",
    "delete": "• left out *{archive}* (in the archive, not in your paste)",
}


def _diff_text(diff: Sequence[WordChange]) -> str:
    lines = ["*Wording* (your paste → the archive):"]
    for change in diff[:CHANGES_SHOWN]:
        template = _CHANGE_LINES.get(change.op, "• ~{query}~ → *{archive}*")
        lines.append(
            template.format(
                query=fit(change.query, CHANGE_CHARS) or "…",
                archive=fit(change.archive, CHANGE_CHARS) or "…",
            )
        )
    if len(diff) > CHANGES_SHOWN:
        lines.append(f"• and {len(diff) - CHANGES_SHOWN} more changes")
    return "\n".join(lines)


def _occurrences(match: Match) -> str:
    text = f":newspaper: Printed in {_count(match.occurrences, 'article', 'articles')}"
    if match.first_seen is not None:
        text += f"; earliest {_date(match.first_seen)}"
    text += "."
    unvetted = unvetted_printings(match)
    if unvetted and match.occurrences > 1:
        names = [fit(name, NAME_CHARS) for name in unvetted[:CONFLICTS_SHOWN]]
        more = len(unvetted) - len(names)
        text += " Unvetted: " + ", ".join(names) + (f" and {more} more" if more > 0 else "") + "."
    return text


def _conflicts(speakers: Sequence[str]) -> str:
    names = [fit(name, NAME_CHARS) for name in speakers[:CONFLICTS_SHOWN]]
    more = len(speakers) - len(names)
    listed = ", ".join(names) + (f" and {more} more" if more > 0 else "")
    return f":warning: *Outlets disagree on who said it:* also credited to {listed}."


def _other_matches(others: Sequence[Match]) -> str:
    lines = ["*Other matches:*"]
    for match in others[:OTHER_MATCHES_SHOWN]:
        speaker = f"*{fit(match.speaker, NAME_CHARS)}*" if match.speaker else "speaker unknown"
        source = " · ".join(
            part
            for part in (fit(_outlet(match) or "", NAME_CHARS), _date(match.article.published))
            if part
        )
        line = f"• “{fit(match.text, OTHER_MATCH_CHARS)}” — {speaker}"
        lines.append(f"{line} · {source}" if source else line)
    if len(others) > OTHER_MATCHES_SHOWN:
        lines.append(f"• and {len(others) - OTHER_MATCHES_SHOWN} more")
    return "\n".join(lines)


def _pieces(matches: Sequence[Match]) -> list[dict]:
    """Each piece of a spliced paste with the quotation it comes from."""
    blocks = []
    for number, match in enumerate(matches[:PIECES_SHOWN], 1):
        piece = fit(match.piece or match.matched, PIECE_CHARS)
        heading = f":scissors: *Piece {number} of {len(matches)}:* “{piece}”, from:"
        blocks.append(section_block(f"{heading}\n{_match_text(match, PIECE_CHARS)}"))
    if len(matches) > PIECES_SHOWN:
        blocks.append(context_block(f"and {len(matches) - PIECES_SHOWN} more pieces"))
    return blocks


def _buttons(
    result: CheckResult, lookup_id: int | None, show_context: bool, ephemeral: bool
) -> list[dict]:
    if lookup_id is None:
        return []
    value = str(lookup_id)
    buttons = []
    if ephemeral:
        buttons.append(_button("Share in channel", SHARE_ACTION, value, style="primary"))
    if result.matches and not show_context and result.matches[0].context.strip():
        buttons.append(_button("Show context", CONTEXT_ACTION, value))
    if result.matches:
        buttons.append(_button("Not the right match", WRONG_MATCH_ACTION, value))
    return [{"type": "actions", "elements": buttons}] if buttons else []


def _bounded(blocks: list[dict], actions: list[dict]) -> list[dict]:
    """The blocks within Slack's count and our size budget, the buttons always kept: the
    evidence is built to fit, so this only trims what a pathological answer adds at the end."""
    limit = MESSAGE_BLOCKS - len(actions) - 1
    kept = blocks[:limit]
    while len(kept) > 1 and _json_size([*kept, *actions]) > MESSAGE_CHARS:
        kept.pop()
    if len(kept) < len(blocks):
        kept.append(context_block("The rest of this answer is too long for Slack."))
    return [*kept, *actions]


# -- text ----------------------------------------------------------------------------------------


def _bold_window(text: str, start: int, end: int, budget: int) -> str:
    """`text` around `text[start:end]`, that span in bold, in at most `budget` characters of
    mrkdwn. No bold when `start` is negative. Long texts are cut at words with ellipses."""
    if start < 0 or end <= start:
        return fit(text, budget)
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    before, words, after = (
        BLANKS.sub(" ", part) for part in (text[:start], text[start:end], text[end:])
    )
    before = before.lstrip() + words[: len(words) - len(words.lstrip())]
    after = words[len(words.rstrip()) :] + after.rstrip()
    words = words.strip()
    if not words:
        return fit(before + after, budget)
    # Markup costs 2–4 characters; the three parts share the rest, the bold words first.
    room = budget - 4
    bold = fit(words, max(room * 3 // 4, 1))
    room -= len(bold)
    left = _fit_tail(before, max(room // 3, 0))
    space = " " if after.startswith(" ") else ""
    right = space + fit(after, room - len(left) - len(space))
    return f"{left}{_zw(left, True)}*{bold}*{_zw(right, False)}{right}"


def _fit_tail(text: str, budget: int) -> str:
    """The end of `text` as `safe` text in at most `budget` characters, an ellipsis in front
    where it was cut, at a word."""
    shown = safe(text)
    if len(shown) <= budget:
        return shown
    if budget < 2:
        return ""
    used = kept = 0
    for char in reversed(text):
        used += len(safe(char))
        if used > budget - 1:
            break
        kept += 1
    tail = text[len(text) - kept :]
    space = tail.find(" ")
    if 0 <= space < len(tail) // 2:
        tail = tail[space:]
    return "…" + safe(tail.lstrip(" ,;:"))


def _zw(neighbour: str, left: bool) -> str:
    """A zero-width space between a bold marker and what touches it (a letter, a quote mark
    we add): Slack honours `*` only at a word boundary."""
    touching = (neighbour[-1:] if left else neighbour[:1]) or "“"
    return "" if touching == " " else _ZWSP


def _person(shared_by: str) -> str:
    """A Slack user id as a mention (it names the person who shared, who sees it anyway),
    anything else as escaped text."""
    if _SLACK_USER_ID.fullmatch(shared_by):
        return f"<@{shared_by}>"
    return fit(shared_by, NAME_CHARS)


def _problem_sentence(message: str) -> str:
    message = fit(message, 500)
    if message[:1].isupper() and message[1:2].islower():
        message = message[0].lower() + message[1:]
    return f"I could not check that: {message}"


def _plain_source(match: Match) -> str:
    name = fit(match.speaker, NAME_CHARS) if match.speaker else "speaker unknown"
    if match.speaker_role:
        name += f" ({fit(match.speaker_role, NAME_CHARS)})"
    where = [fit(_outlet(match), NAME_CHARS)] if _outlet(match) else []
    if match.article.published:
        where.append(_date(match.article.published))
    return ", ".join([name, *where])


def _outlet(match: Match) -> str | None:
    return match.outlet or match.article.outlet


def _distinct(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


# -- block objects -------------------------------------------------------------------------------


def _button(label: str, action_id: str, value: str, style: str | None = None) -> dict:
    button = {
        "type": "button",
        "text": plain_text(label),
        "action_id": action_id,
        "value": value[:BUTTON_VALUE_CHARS],
    }
    if style:
        button["style"] = style
    return button


def _json_size(blocks: list[dict]) -> int:
    return len(json.dumps(blocks, ensure_ascii=False))

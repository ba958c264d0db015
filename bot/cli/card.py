"""The verifier's answer as a person reads it at a terminal: a verdict card (a draft's table is
bot.cli.review_table).

A card leads with the verdict in one line (a symbol and a colour, so a column of cards can be
scanned), then the speaker, then the evidence: the quotation with the pasted words in bold,
where and when it was printed, how the wording differs, which pieces a splice joins, and who
else outlets credit. Colour and bold appear only on a terminal (terminal.stdout() decides), so
the symbols and words must carry the meaning on their own in a pipe or a log.

Every piece of archive or user text is cleaned of control characters and added as plain text,
never as markup, and long texts are cut with an ellipsis, so an article cannot restyle the
reader's terminal or bury the verdict under a page of quotation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text

from bot.cli import terminal
from bot.verifier.trust import Trust
from bot.verifier.verdict import Attribution, CheckResult, Match, Verdict, WordChange
from bot.wording import (
    CANNOT_CHECK,
    CHANGE_WORDS,
    MISATTRIBUTED,
    SPEAKER_UNCERTAIN,
    UNVETTED_HEADLINE,
    UNVETTED_SOURCE,
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
from store.rulings import Ruling, RulingKind

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_INDENT = "  "

#: How much of each text a card shows before cutting it with an ellipsis.
QUOTATION_CHARS = 320
PASTE_CHARS = 200
CONTEXT_CHARS = 320
TITLE_CHARS = 90
URL_CHARS = 100
EVIDENCE_CHARS = 240
NOTE_CHARS = 600
#: The mark of the desk's ruling, which leads a card (the answer's first line).
RULING_SYMBOL = "⚑"
#: Matches beyond the best one are listed in a line each, up to this many.
OTHER_MATCHES_SHOWN = 3
CONFLICTS_SHOWN = 5


@dataclass(frozen=True)
class VerdictLook:
    """How a verdict looks at a terminal; its words are bot.wording's."""

    symbol: str
    colour: str


LOOKS: dict[Verdict, VerdictLook] = {
    Verdict.VERIFIED: VerdictLook("✔", "green"),
    Verdict.WORDING_DIFFERS: VerdictLook("≈", "yellow"),
    Verdict.SPLICED: VerdictLook("✂", "magenta"),
    Verdict.NOT_A_DIRECT_QUOTE: VerdictLook("⚠", "dark_orange"),
    Verdict.NOT_FOUND: VerdictLook("✘", "red"),
}


def print_card(result: CheckResult, console: Console | None = None) -> None:
    """Print one answer; on a terminal long lines wrap under their indent."""
    console = console or terminal.stdout()
    if console.is_terminal:
        console.print(card(result), width=_spared(console), soft_wrap=False)
    else:
        console.print(card(result), soft_wrap=True)


def card(result: CheckResult) -> RenderableType:
    """The whole answer to one pasted quote, as rich renderables: the desk's ruling on the
    words first, when there is one, then the archive's verdict."""
    lines: list[RenderableType] = []
    if result.ruling is not None:
        lines.extend(ruling_lines(result.ruling))
    lines.append(verdict_line(result))
    if result.problem is not None:
        lines.append(_indented(Text(_clean(result.problem))))
        return Group(*lines)
    lines.append(_pasted_line(result))
    lines.extend(_attribution_lines(result))
    if result.verdict is Verdict.SPLICED:
        lines.extend(_pieces(result.matches))
    elif result.matches:
        best, *others = result.matches
        lines.extend(_match_lines(best, result))
        lines.extend(_other_matches(others))
    if result.verdict is Verdict.NOT_FOUND and result.closest is not None:
        lines.extend(_closest_lines(result.closest))
    lines.extend(_indented(Text(_clean(note), style="dim")) for note in result.notes)
    return Group(*lines)


def ruling_lines(ruling: Ruling) -> list[RenderableType]:
    """`⚑ Ruled misattributed by ana on 2 Dec 2026: the words are Rob Hale's (https://…)`, in
    red (green for a confirmed quote), then the ruling's note and history, indented."""
    said = ruling_line(ruling)
    colour = "green" if ruling.kind is RulingKind.CONFIRMED else "red"
    head = Text(f"{RULING_SYMBOL} {_clean(said.headline)}", style=f"bold {colour}")
    head.append(f": {_cut(_clean(said.finding), QUOTATION_CHARS)}", style=colour)
    if said.links:
        head.append(f" ({', '.join(_cut(_clean(link), URL_CHARS) for link in said.links)})")
    lines: list[RenderableType] = [head]
    if said.note:
        lines.append(
            _indented(Text("Note: ", style="dim").append(_cut(_clean(said.note), NOTE_CHARS)))
        )
    if said.history:
        lines.append(_indented(Text(_clean(said.history), style="dim")))
    return lines


def heading(text: str) -> Text:
    """What a batch of pastes says above one of them (`check --each`): a line of its own."""
    return Text(_cut(_clean(text), 200), style="bold underline")


def verdict_line(result: CheckResult) -> Text:
    """`✔ Verified — a direct quotation in the archive`, in the verdict's colour.

    A paste credited to the wrong person leads with that, in red, whatever the words' verdict:
    `✘ Misattributed — verified words, but the archive credits …`. An uncertain speaker is
    said on the same line."""
    if result.problem is not None:
        return Text(f"✘ {CANNOT_CHECK}", style="bold red")
    if misattributed(result):
        line = Text(f"✘ {MISATTRIBUTED}", style="bold red")
        line.append(f" — {misattribution_headline(result)} ", style="red")
        line.append(_clean(archive_speakers(result) or "someone else"), style="bold red")
        return _with_trust(line, result)
    look, words = LOOKS[result.verdict], verdict_words(result)
    line = Text(f"{look.symbol} {words.word}", style=f"bold {look.colour}")
    line.append(f" — {words.meaning}", style=look.colour)
    if result.attribution is Attribution.UNCERTAIN:
        line.append(f" · ? {SPEAKER_UNCERTAIN}", style="bold yellow")
    return _with_trust(line, result)


def _with_trust(line: Text, result: CheckResult) -> Text:
    """The headline of words found only in unvetted sources says so (bot.verifier.trust)."""
    if unvetted_only(result):
        line.append(f" · ⚠ {UNVETTED_HEADLINE}", style="bold yellow")
    return line


# The parts of a card.


def _pasted_line(result: CheckResult) -> _Indented:
    line = Text("Pasted: ", style="dim")
    line.append(f"“{_cut(_clean(result.query), PASTE_CHARS)}”")
    if result.claimed_speaker:
        line.append(f" — credited to {_clean(result.claimed_speaker)}")
    return _indented(line)


#: The symbol and colour of each speaker line (bot.wording.speaker_line), by the answer's
#: attribution; the label's own style is bold in the same colour.
_SPEAKER_LOOKS = {
    Attribution.MATCHES: ("✔", "green"),
    Attribution.DIFFERS: ("✘", "red"),
    Attribution.UNCERTAIN: ("?", "yellow"),
    Attribution.UNKNOWN: ("?", "yellow"),
}


def _attribution_lines(result: CheckResult) -> list[RenderableType]:
    claimed = _clean(result.claimed_speaker or "")
    archive = _clean(archive_speakers(result) or "")
    spoken = speaker_line(result, claimed, archive, _clean(uncertainty(result)))
    if spoken is None:
        return []
    symbol, colour = _SPEAKER_LOOKS[result.attribution]
    line = Text(f"{symbol} {spoken.label}: ", style=f"bold {colour}")
    for text, emphasised in spoken.parts:
        line.append(text, style="bold" if emphasised else "")
    return [_indented(line)]


def _match_lines(match: Match, result: CheckResult) -> list[RenderableType]:
    lines = [_indented(_quotation_text(match)), _indented(_speaker_text(match))]
    evidence = _evidence_text(match)
    if evidence is not None:
        lines.append(_indented(evidence, 2))
    lines.append(_indented(_source_text(match)))
    relayed = _relay_text(match)
    if relayed is not None:
        lines.append(_indented(relayed))
    if match.kind == "reported" and match.context:
        context = Text("In the article: ", style="dim")
        context.append(_cut(_clean(match.context), CONTEXT_CHARS))
        lines.append(_indented(context))
    if result.verdict is Verdict.WORDING_DIFFERS and match.diff:
        lines.extend(_diff_lines(match.diff))
    lines.append(_indented(_occurrences_text(match)))
    conflict = _conflict_text(match)
    if conflict is not None:
        lines.append(_indented(conflict))
    return lines


def _quotation_text(match: Match) -> Text:
    """The whole quotation in curly marks, the words the paste matched in bold."""
    shown, start, end = _window(match.text, match.matched_start, match.matched_end)
    text = Text("“")
    text.append(shown[:start])
    text.append(shown[start:end], style="bold")
    text.append(shown[end:])
    text.append("”")
    if match.kind != "direct":
        text.append(f"  [{kind_label(match.kind)}]", style="dim")
    return text


def _speaker_text(match: Match) -> Text:
    text = Text("— ")
    text.append(_cut(_clean(speaker_label(match) or "unknown speaker"), 80), style="bold")
    if match.speaker_role:
        text.append(f" ({_cut(_clean(match.speaker_role), 80)})")
    return text


def _evidence_text(match: Match) -> Text | None:
    """How the archive knows who spoke: `resolved from “she”, 91 % sure: “…,” she said.`"""
    heading = evidence_heading(match)
    if heading is None:
        return None
    style = "dim" if is_confident(match) else "yellow"
    text = Text(f"how the archive knows: {heading}", style=style)
    if match.speaker_evidence:
        text.append(": ", style=style)
        text.append(_cut(_clean(match.speaker_evidence), EVIDENCE_CHARS), style="italic")
    return text


def _source_text(match: Match) -> Text:
    """`The Harbour Ledger, 2025-03-03: “Headline” https://…`"""
    text = Text(outlet_and_date(match) or "unknown outlet, no date")
    article = match.article
    if article.title:
        text.append(f": “{_cut(_clean(article.title), TITLE_CHARS)}”")
    if article.url:
        text.append(" ")
        text.append(_cut(_clean(article.url), URL_CHARS), style="dim underline")
    if match.trust is Trust.UNVETTED:
        text.append(f" ({UNVETTED_SOURCE})", style="yellow")
    return text


def outlet_and_date(match: Match) -> str:
    """ "Northfold Courier, 2024-03-05": who printed the match and when, as far as known."""
    outlet = match.outlet or match.article.outlet
    published = match.article.published.isoformat() if match.article.published else None
    return ", ".join(_clean(part) for part in (outlet, published) if part)


def _relay_text(match: Match) -> Text | None:
    parts = []
    if match.reported_to:
        parts.append(f"told {_cut(_clean(match.reported_to), 60)}")
    if match.via:
        parts.append(f"via {_cut(_clean(match.via), 60)}")
    return Text(" · ".join(parts), style="dim") if parts else None


def _diff_lines(diff: Sequence[WordChange]) -> list[RenderableType]:
    lines = [_indented(Text("Wording (your paste → the archive):"))]
    for change in diff:
        line = Text(f"{CHANGE_WORDS.get(change.op, change.op):<9} ", style="dim")
        if change.query:
            line.append(f"“{_cut(_clean(change.query), 80)}”", style="red strike")
        if change.query and change.archive:
            line.append(" → ")
        if change.archive:
            line.append(f"“{_cut(_clean(change.archive), 80)}”", style="green")
        if change.op == "insert":
            line.append("  (not in the archive)", style="dim")
        elif change.op == "delete":
            line.append("  (in the archive, not in your paste)", style="dim")
        lines.append(_indented(line, 2))
    return lines


def _occurrences_text(match: Match) -> Text:
    articles = "1 article" if match.occurrences == 1 else f"{match.occurrences} articles"
    text = Text(f"Printed in {articles}")
    if match.first_seen is not None:
        text.append(f"; first seen {match.first_seen.isoformat()}")
    text.append(".")
    unvetted = unvetted_printings(match)
    if unvetted and match.occurrences > 1:
        names = [_cut(_clean(name), 60) for name in unvetted[:CONFLICTS_SHOWN]]
        more = len(unvetted) - len(names)
        listed = ", ".join(names) + (f" and {more} more" if more > 0 else "")
        text.append(f" Unvetted: {listed}.", style="yellow")
    return text


def _conflict_text(match: Match) -> Text | None:
    if not match.conflicting_speakers:
        return None
    names = [_clean(name) for name in match.conflicting_speakers[:CONFLICTS_SHOWN]]
    more = len(match.conflicting_speakers) - len(names)
    listed = ", ".join(names) + (f" and {more} more" if more > 0 else "")
    text = Text("⚠ Outlets disagree on who said it: ", style="bold yellow")
    text.append(f"also credited to {listed}.")
    return text


def _other_matches(others: Sequence[Match]) -> list[RenderableType]:
    if not others:
        return []
    lines = [_indented(Text("Other matches:", style="dim"))]
    for match in others[:OTHER_MATCHES_SHOWN]:
        lines.append(_indented(_one_line_match(match), 2))
    if len(others) > OTHER_MATCHES_SHOWN:
        lines.append(_indented(Text(f"and {len(others) - OTHER_MATCHES_SHOWN} more"), 2))
    return lines


def _one_line_match(match: Match) -> Text:
    """`“words” — Speaker · Outlet, date`"""
    text = Text(f"“{_cut(_clean(match.text), 100)}” — ")
    text.append(_cut(_clean(match.speaker or "unknown speaker"), 60), style="bold")
    source = outlet_and_date(match)
    if source:
        text.append(f" · {source}")
    return text


def _pieces(matches: Sequence[Match]) -> list[RenderableType]:
    """Each piece of a spliced paste with the quotation it comes from."""
    lines: list[RenderableType] = []
    for number, match in enumerate(matches, 1):
        heading = Text(f"✂ Piece {number}: ", style="magenta")
        heading.append(f"“{_cut(_clean(match.piece or match.matched), PASTE_CHARS)}”")
        lines.append(_indented(heading))
        lines.append(_indented(Text("from ").append_text(_quotation_text(match)), 2))
        lines.append(_indented(_speaker_text(match), 2))
        lines.append(_indented(_source_text(match), 2))
        relayed = _relay_text(match)
        if relayed is not None:
            lines.append(_indented(relayed, 2))
    return lines


def _closest_lines(match: Match) -> list[RenderableType]:
    heading = Text("Closest in the archive, NOT a match ", style="bold")
    heading.append(f"(similarity {match.score:.0f}/100):", style="dim")
    return [
        _indented(heading),
        _indented(_quotation_text(match), 2),
        _indented(_speaker_text(match), 2),
        _indented(_source_text(match), 2),
    ]


# Text handling.


@dataclass(frozen=True)
class _Indented:
    """A line indented under the verdict: on a terminal, wrapped lines keep the indent; in a
    pipe (soft wrap), one long line, so that grep and logs see each fact whole."""

    text: Text
    depth: int = 1

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = _INDENT * self.depth
        if options.no_wrap:
            yield Text(indent).append_text(self.text)
        else:
            yield Padding(self.text, (0, 0, 0, len(indent)), expand=False)


def _indented(text: Text, depth: int = 1) -> _Indented:
    return _Indented(text, depth)


def _clean(text: str) -> str:
    """Control characters (escapes, newlines, tabs) become one space, so offsets stay close."""
    return _CONTROL.sub(" ", text)


def shortened(text: str, limit: int) -> str:
    """`text` cut as a card cuts it (`_cut`), for the other listings drawn like cards."""
    return _cut(text, limit)


def _cut(text: str, limit: int) -> str:
    """`text` whole when it fits, else cut at a word boundary before `limit` with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _window(text: str, start: int, end: int, limit: int = QUOTATION_CHARS) -> tuple[str, int, int]:
    """About `limit` characters of `text` around `text[start:end]`, with an ellipsis at each cut
    end and cut at word boundaries, and the span's offsets in what is returned."""
    text = _clean(text)
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    if len(text) <= limit:
        return text, start, end
    if end - start >= limit:
        left, right = start, start + limit
    else:
        spare = limit - (end - start)
        left = max(0, start - spare // 3)
        right = min(len(text), left + limit)
        left = max(0, right - limit)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", max(end, left), right)
        right = space if space > end else right
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    shown = prefix + text[left:right] + suffix
    offset = len(prefix) - left
    new_start = max(len(prefix), start + offset)
    new_end = min(len(shown) - len(suffix), end + offset)
    return shown, new_start, max(new_start, new_end)


def _spared(console: Console) -> int:
    """The terminal's width less a cell for each symbol on a line (a verdict and a warning):
    some terminals draw ✔ and ⚠ two cells wide where rich counts one, and a line that filled
    the width would spill its last character onto the next line."""
    return max(40, console.width - 2)

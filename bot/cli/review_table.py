"""A draft's review at a terminal: a row per quotation, fitted to the width, and a summary.

Each row shows the quotation whole (wrapped, never cut to a stub), the words that differ from
the archive's, the words' verdict and the speaker's verdict apart (a misattributed quotation
leads with that, in red, never with a green ✔), and who the archive credits, where and when.

The table takes the console's width: the terminal's, or COLUMNS in a pipe (rich reads both),
and rich wraps every cell to fit. Below TABLE_MIN_WIDTH columns a table is more borders than
words, so each quotation is printed as a short block of lines instead. The summary counts the
words' verdicts and the speakers in doubt apart (bot.review_words).

Every piece of draft or archive text is added as plain text, never as markup, and cleaned of
control characters (terminal.one_line), so a draft cannot restyle the reader's terminal.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from bot.cli import terminal
from bot.cli.card import LOOKS, RULING_SYMBOL, outlet_and_date, ruling_lines
from bot.cli.terminal import one_line
from bot.review_words import draft_speaker, review_summary, words_word
from bot.verifier.verdict import Attribution, CheckResult, Verdict
from bot.wording import CHANGE_WORDS, RULING_WORDS, archive_speakers, misattributed, verdict_words
from store.article import Article
from store.quotation import Quotation
from store.rulings import RulingKind

Reviewed = Sequence[tuple[Quotation, CheckResult]]

#: Narrower than this, each quotation is a block of lines instead of a table row.
TABLE_MIN_WIDTH = 72
#: A quotation longer than this (a hostile draft's) is cut with an ellipsis; real ones are whole.
QUOTATION_CHARS = 2000
#: Word changes listed under a quotation before "and N more".
CHANGES_SHOWN = 8
#: Names listed as also credited before "and N more".
CONFLICTS_SHOWN = 3
_SPEAKER_LOOKS = {
    Attribution.MATCHES: ("✔ speaker matches", "green"),
    Attribution.UNCERTAIN: ("? speaker uncertain", "yellow"),
    Attribution.NOT_CLAIMED: ("no speaker named", "dim"),
}


def print_review(article: Article, reviewed: Reviewed, console: Console | None = None) -> None:
    """The draft's heading, its quotations as a table (or blocks, when narrow), the summary."""
    console = console or terminal.stdout()
    width = fitted_width(console)
    show = {"width": width, "soft_wrap": False}
    console.print(Text(one_line(article.title or article.source), style="bold"), **show)
    if not reviewed:
        console.print(Text("  no quotations found in the draft", style="dim"), **show)
        return
    if width >= TABLE_MIN_WIDTH:
        console.print(review_table(reviewed), **show)
    else:
        for number, (quotation, result) in enumerate(reviewed, 1):
            console.print(review_block(number, quotation, result), **show)
    console.print(Text(review_summary(result for _, result in reviewed)), **show)
    for ruling in dict.fromkeys(result.ruling for _, result in reviewed if result.ruling):
        console.print(Text(f"“{_cut(_clean(ruling.text), 200)}”", style="bold"), **show)
        for line in ruling_lines(ruling):
            console.print(Padding(line, (0, 0, 0, 2), expand=False), **show)


def fitted_width(console: Console) -> int:
    """The console's width, less a cell on a terminal for each symbol on a line: some
    terminals draw ✔ and ⚠ two cells wide where rich counts one."""
    width = console.width
    return width - 2 if console.is_terminal and width > 40 else width


def review_table(reviewed: Reviewed) -> Table:
    # The verdict takes the width it needs; the quotation the most of what is left.
    table = Table(box=None, pad_edge=False, header_style="bold", expand=True)
    table.add_column("Draft speaker", ratio=2)
    table.add_column("Quote and changes", ratio=5)
    table.add_column("Verdict")
    table.add_column("In the archive", ratio=3)
    for quotation, result in reviewed:
        table.add_row(
            Text(_clean(draft_speaker(quotation)) or "—"),
            _quote_cell(quotation, result),
            _verdict_cell(result),
            _archive_cell(result),
        )
    return table


def review_block(number: int, quotation: Quotation, result: CheckResult) -> RenderableType:
    """One quotation as lines, for a narrow terminal."""
    heading = Text(f"{number}.", style="bold")
    draft = Text("draft: ", style="dim").append(_clean(draft_speaker(quotation)) or "—")
    archive = Text("archive: ", style="dim").append_text(_archive_cell(result))
    lines = [_quote_cell(quotation, result), draft, _verdict_cell(result), archive]
    return Group(heading, *(Padding(line, (0, 0, 0, 3), expand=False) for line in lines))


# The cells.


def _quote_cell(quotation: Quotation, result: CheckResult) -> Text:
    """The quotation in curly marks, then a line per word change, as the card shows them."""
    cell = Text(f"“{_cut(_clean(quotation.text), QUOTATION_CHARS)}”")
    best = result.matches[0] if result.matches else None
    if best is None or result.verdict is Verdict.SPLICED:
        return cell
    for change in best.diff[:CHANGES_SHOWN]:
        cell.append("\n")
        cell.append(CHANGE_WORDS.get(change.op, change.op) + " ", style="dim")
        if change.query:
            cell.append(f"“{_clean(change.query)}”", style="red strike")
        if change.query and change.archive:
            cell.append(" → ")
        if change.archive:
            cell.append(f"“{_clean(change.archive)}”", style="green")
    if len(best.diff) > CHANGES_SHOWN:
        cell.append(f"\nand {len(best.diff) - CHANGES_SHOWN} more changes", style="dim")
    return cell


def _verdict_cell(result: CheckResult) -> Text:
    """The words' verdict, then the speaker's; a misattribution first, in red, instead of a
    green ✔ over the wrong speaker."""
    if result.problem is not None:
        return Text(f"✘ {words_word(result)}", style="red")
    cell = _ruling_verdict(result)
    if misattributed(result):
        cell.append("✘ misattributed", style="bold red")
        cell.append(f"\nwords {words_word(result)}")
        return cell
    look = LOOKS[result.verdict]
    cell.append(f"{look.symbol} {verdict_words(result).word.lower()}", style=look.colour)
    cell.append("\n")
    cell.append_text(_speaker_verdict(result))
    return cell


def _ruling_verdict(result: CheckResult) -> Text:
    """`⚑ ruled fabricated` on a line of its own, above the archive's verdict, when the desk
    has ruled on the words (who ruled, when and why is under the table)."""
    if result.ruling is None:
        return Text()
    ruling = result.ruling
    colour = "green" if ruling.kind is RulingKind.CONFIRMED else "red"
    return Text(f"{RULING_SYMBOL} ruled {RULING_WORDS[ruling.kind]}\n", style=f"bold {colour}")


def _speaker_verdict(result: CheckResult) -> Text:
    if result.attribution is Attribution.UNKNOWN:
        if result.matches:
            return Text("? speaker unknown", style="yellow")
        return Text("speaker not checked", style="dim")
    word, style = _SPEAKER_LOOKS[result.attribution]
    return Text(word, style=style)


def _archive_cell(result: CheckResult) -> Text:
    """Who the archive credits, where and when it was printed, and who else outlets credit."""
    if result.problem is not None:
        return Text(_clean(result.problem), style="dim")
    if not result.matches:
        return Text("—")
    cell = Text(_clean(archive_speakers(result)) or "unknown speaker", style="bold")
    best = result.matches[0]
    source = outlet_and_date(best)
    if source:
        cell.append(f"\n{source}")
    others = [name for match in result.matches for name in match.conflicting_speakers]
    if others:
        names = ", ".join(_clean(name) for name in dict.fromkeys(others[:CONFLICTS_SHOWN]))
        more = len(set(others)) - CONFLICTS_SHOWN
        cell.append(f"\n⚠ disputed: also credited to {names}", style="yellow")
        if more > 0:
            cell.append(f" and {more} more", style="yellow")
    return cell


def _clean(text: str | None) -> str:
    return one_line(text or "")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

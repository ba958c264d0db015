"""A draft's review table at a terminal: what a fact-checker reads after `quotebot review`.

The answers are built by hand (tests/answers_support.py; the people and outlets are invented),
and printed as a pipe of a given width gets them: plain text, no colour.
"""

from __future__ import annotations

import io

import pytest
from answers_support import QUOTE, match, result
from rich.cells import cell_len
from rich.console import Console

from bot.cli.review_table import print_review
from bot.review_words import review_summary
from bot.verifier.verdict import Attribution, CheckResult, Verdict, WordChange
from store.article import Article
from store.quotation import Kind, Quotation

LONG_QUOTE = (
    "The ferry will run twice a day from the first of April, and the council has promised that "
    "the winter timetable will never again leave the island without a boat for a whole week"
)
DRAFT = Article(text="…", title="Ferry draft", source="draft.txt")


def quoted(text: str, speaker: str | None = None) -> Quotation:
    return Quotation(
        text=text, start=0, end=len(text), kind=Kind.DIRECT, speaker_as_written=speaker
    )


def reviewed_draft() -> list[tuple[Quotation, CheckResult]]:
    changed = match(
        diff=(WordChange("replace", "doesnt", "doesn't"), WordChange("delete", "", "old"))
    )
    return [
        (
            quoted(LONG_QUOTE, "Harriet Vale"),
            result(
                query=LONG_QUOTE,
                claimed_speaker="Harriet Vale",
                attribution=Attribution.MATCHES,
                matches=(match(LONG_QUOTE),),
            ),
        ),
        (
            quoted(QUOTE, "Harriet Vale"),
            result(
                Verdict.WORDING_DIFFERS,
                claimed_speaker="Harriet Vale",
                attribution=Attribution.MATCHES,
                matches=(changed,),
            ),
        ),
        (
            quoted(QUOTE, "Maud Treloar"),
            result(claimed_speaker="Maud Treloar", attribution=Attribution.DIFFERS),
        ),
        (
            quoted(QUOTE, "Osric Penhallow"),
            result(claimed_speaker="Osric Penhallow", attribution=Attribution.UNCERTAIN),
        ),
        (quoted("We never said that", "Rob Hale"), result(Verdict.NOT_FOUND, matches=())),
    ]


def printed(width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    print_review(DRAFT, reviewed_draft(), console)
    return console.file.getvalue().splitlines()


@pytest.mark.parametrize("width", [80, 60, 40, 120])
def test_every_line_fits_the_width(width: int) -> None:
    lines = printed(width)

    assert max(cell_len(line) for line in lines) <= width
    assert lines[0] == "Ferry draft"


@pytest.mark.parametrize("width", [80, 40])
def test_each_quotation_is_shown_whole_however_narrow(width: int) -> None:
    printed_words = iter(" ".join(printed(width)).replace("“", "").replace("”", "").split())

    # Every word of the quotation, in order (a table row interleaves the other cells' words).
    assert all(word in printed_words for word in LONG_QUOTE.split())


def test_the_changed_words_are_listed_under_the_quotation() -> None:
    text = "\n".join(printed(120))

    assert "replaced “doesnt” → “doesn't”" in text
    assert "left out “old”" in text


def test_a_misattributed_row_leads_with_the_misattribution_never_a_tick() -> None:
    lines = printed(100)

    [row] = [line for line in lines if line.startswith("Maud Treloar")]
    assert "✘ misattributed" in row
    assert "✔" not in row
    [uncertain] = [n for n, line in enumerate(lines) if line.startswith("Osric Penhallow")]
    assert "? speaker uncertain" in lines[uncertain + 1]


def test_a_narrow_terminal_gets_a_block_per_quotation() -> None:
    lines = printed(50)

    assert "2." in lines
    assert "   draft: Maud Treloar" in lines
    assert "   ✘ misattributed" in lines


def test_summary_counts_the_words_and_the_speakers_apart() -> None:
    lines = printed(200)

    assert lines[-1] == (
        "5 quotations: 3 verified, 1 wording differs, 1 not found; "
        "speakers: 1 misattributed, 1 uncertain."
    )


def test_summary_says_when_no_speaker_is_in_doubt() -> None:
    answers = [result(attribution=Attribution.MATCHES), result(Verdict.NOT_FOUND, matches=())]

    assert review_summary(answers) == (
        "2 quotations: 1 verified, 1 not found; speakers: none in doubt."
    )


def test_an_empty_draft_says_so() -> None:
    console = Console(file=io.StringIO(), width=80, color_system=None, force_terminal=False)

    print_review(DRAFT, [], console)

    assert console.file.getvalue().splitlines() == [
        "Ferry draft",
        "  no quotations found in the draft",
    ]

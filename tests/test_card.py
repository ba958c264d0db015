"""The verdict card: what a fact-checker reads at the terminal after `quotebot check`.

The answers are built by hand (the people and outlets are invented), so each test pins what a
reader sees for one kind of answer, without depending on how the verifier reaches it. Cards are
rendered as a pipe would get them: plain text, no colour, one line per fact.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from answers_support import GAZETTE, QUOTE, match, result
from rich.console import Console

from bot.cli.card import card
from bot.verifier.verdict import Attribution, CheckResult, Verdict, WordChange


def plain(renderable: object, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    console.print(renderable, soft_wrap=True)
    return console.file.getvalue()


def first_line(answer: CheckResult) -> str:
    return plain(card(answer)).splitlines()[0]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (result(Verdict.VERIFIED), "✔ Verified — a direct quotation in the archive"),
        (result(Verdict.VERIFIED, excerpt=True), "✔ Verified excerpt — part of a longer"),
        (result(Verdict.WORDING_DIFFERS), "≈ Wording differs — close to a quotation"),
        (result(Verdict.SPLICED), "✂ Spliced — joins words from separate quotations"),
        (result(Verdict.NOT_A_DIRECT_QUOTE), "⚠ Not a direct quote — the archive has these"),
        (result(Verdict.NOT_FOUND, matches=()), "✘ Not found — nothing in the archive"),
    ],
    ids=lambda value: getattr(value, "verdict", ""),
)
def test_first_line_is_the_verdict_with_its_symbol(answer: CheckResult, expected: str) -> None:
    assert first_line(answer).startswith(expected)


def test_verified_card_names_speaker_role_outlet_date_title_and_link() -> None:
    text = plain(card(result()))

    assert f"“{QUOTE}”" in text
    assert "— Harriet Vale (the harbour master)" in text
    assert (
        "Kestrel Gazette, 2024-03-05: “Ferry terminal to reopen in March” "
        "https://kestrel-gazette.example/ferry"
    ) in text


def test_card_says_who_the_speaker_told_and_who_relayed_it() -> None:
    relayed = match(reported_to="Northfold Courier", via="Tidewater Radio")

    text = plain(card(result(matches=(relayed,))))

    assert "told Northfold Courier · via Tidewater Radio" in text


def test_excerpt_shows_the_full_quotation_with_the_pasted_words_in_bold() -> None:
    fragment = "before the spring tides"
    answer = result(query=fragment, excerpt=True, matches=(match(matched=fragment),))
    console = Console(file=io.StringIO(), width=200, color_system="standard", force_terminal=True)

    console.print(card(answer))

    assert f"“{QUOTE}”" in plain(card(answer))
    assert f"\x1b[1m{fragment}\x1b[0m" in console.file.getvalue()


def test_pipe_output_has_no_colour_codes() -> None:
    answer = result(
        Verdict.WORDING_DIFFERS, matches=(match(diff=(WordChange("replace", "a", "b"),)),)
    )
    console = Console(file=io.StringIO(), width=100)

    console.print(card(answer))

    assert "\x1b[" not in console.file.getvalue()


def test_wording_difference_shows_each_changed_word_with_its_operation() -> None:
    changes = (
        WordChange("replace", "open", "reopen"),
        WordChange("insert", "surely", ""),
        WordChange("delete", "", "whatever the council decides"),
    )
    answer = result(Verdict.WORDING_DIFFERS, matches=(match(diff=changes, score=88.0),))

    lines = plain(card(answer)).splitlines()

    assert "Wording (your paste → the archive):" in "\n".join(lines)
    assert any(line.split() == ["replaced", "“open”", "→", "“reopen”"] for line in lines)
    assert any(
        "added" in line and "“surely”" in line and "not in the archive" in line for line in lines
    )
    assert any("left out" in line and "“whatever the council decides”" in line for line in lines)


def test_differences_are_shown_only_when_the_wording_differs() -> None:
    quiet = match(diff=(WordChange("replace", "open", "reopen"),))

    assert "Wording" not in plain(card(result(matches=(quiet,))))


def test_spliced_card_shows_each_piece_with_its_own_source() -> None:
    second = "Every penny went into the pier"
    first_piece = match(matched="We will reopen the terminal", piece="We will reopen the terminal")
    second_piece = match(
        text=second,
        piece="every penny went into the pier",
        speaker="Osric Penhallow",
        speaker_role="a councillor",
        outlet="Northfold Courier",
        article=dataclasses.replace(
            GAZETTE, outlet="Northfold Courier", published=dt.date(2024, 3, 9)
        ),
    )
    answer = result(Verdict.SPLICED, matches=(first_piece, second_piece))

    text = plain(card(answer))

    assert "✂ Piece 1: “We will reopen the terminal”" in text
    assert "✂ Piece 2: “every penny went into the pier”" in text
    assert "— Harriet Vale (the harbour master)" in text
    assert "— Osric Penhallow (a councillor)" in text
    assert "Northfold Courier, 2024-03-09" in text
    assert text.index("Piece 1") < text.index("Harriet Vale") < text.index("Piece 2")


def test_wrong_claimed_speaker_is_shown_against_the_archives() -> None:
    answer = result(claimed_speaker="Osric Penhallow", attribution=Attribution.DIFFERS)

    text = plain(card(answer))

    assert (
        "✘ Speaker differs: the paste credits Osric Penhallow, the archive credits Harriet Vale"
        in text
    )
    assert "credited to Osric Penhallow" in text


def test_matching_claimed_speaker_is_confirmed() -> None:
    answer = result(claimed_speaker="Vale", attribution=Attribution.MATCHES)

    assert "✔ Speaker matches: Vale" in plain(card(answer))


def test_card_counts_occurrences_and_gives_the_earliest() -> None:
    answer = result(matches=(match(occurrences=3, first_seen=dt.date(2024, 2, 28)),))

    assert "Printed in 3 articles; first seen 2024-02-28." in plain(card(answer))


def test_conflicting_attributions_are_flagged() -> None:
    answer = result(matches=(match(occurrences=2, conflicting_speakers=("Osric Penhallow",)),))

    text = plain(card(answer))

    assert "⚠ Outlets disagree on who said it: also credited to Osric Penhallow." in text


def test_not_found_offers_the_closest_quotation_labelled_as_not_a_match() -> None:
    closest = match(score=61.0)
    answer = result(Verdict.NOT_FOUND, query="We will never reopen", matches=(), closest=closest)

    text = plain(card(answer))

    assert "Closest in the archive, NOT a match (similarity 61/100):" in text
    assert f"“{QUOTE}”" in text
    assert text.index("NOT a match") < text.index(QUOTE)


def test_reported_speech_shows_the_sentence_it_comes_from() -> None:
    said = "the terminal would reopen before the spring tides"
    reported = match(
        text=said, kind="reported", context=f"Harriet Vale said {said}, according to the port."
    )
    answer = result(Verdict.NOT_A_DIRECT_QUOTE, query=said, matches=(reported,))

    text = plain(card(answer))

    assert "[reported speech]" in text
    assert "In the article: Harriet Vale said the terminal would reopen" in text


def test_long_quotation_is_cut_around_the_pasted_words() -> None:
    long_text = " ".join(
        ["The harbour"] + ["and the quay"] * 150 + [QUOTE] + ["and the pier"] * 150
    )
    answer = result(excerpt=True, matches=(match(text=long_text, matched=QUOTE),))

    lines = plain(card(answer), width=1000).splitlines()
    [line] = [line.strip() for line in lines if line.startswith("  “") and QUOTE in line]

    assert line.startswith("“…")
    assert line.endswith("…”")
    assert len(line) < 400


def test_control_characters_from_the_archive_never_reach_the_terminal() -> None:
    hostile = match(text="We will reopen\x1b[2J the terminal", speaker="Vale\x07\nEvil")

    text = plain(card(result(matches=(hostile,))))

    assert "\x1b" not in text and "\x07" not in text
    assert "— Vale Evil" in text


def test_unverifiable_paste_shows_the_problem() -> None:
    answer = result(Verdict.NOT_FOUND, matches=(), problem="the paste is empty")

    assert plain(card(answer)).splitlines() == ["✘ Cannot check this paste", "  the paste is empty"]

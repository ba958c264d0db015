"""A check whose paste is a ruled quote leads with the ruling, however the quote was changed on
its way back; a quote that only shares some of its words never does (issue 14's target: 9 of
10 perturbed shapes, no unrelated quote)."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_support import TERMINAL_QUOTE, harbour_archive
from ruling_support import DECOYS, FERRY_PASTES, UNRELATED, ferry_ruling

from bot.verifier.verify import Verifier
from store.archive import Archive
from store.rulings import ruling_input


def test_a_ruled_quote_is_answered_with_its_ruling_in_nine_of_ten_shapes(
    archive: Archive,
) -> None:
    ruled = ferry_ruling(archive)
    verifier = Verifier(archive)
    answered = {shape: verifier.check(paste)[0].ruling for shape, paste in FERRY_PASTES}
    found = [shape for shape, ruling in answered.items() if ruling is not None]
    assert len(found) >= 9, f"answered with the ruling: {found}"
    assert all(ruling.id == ruled.id for ruling in answered.values() if ruling is not None)


@pytest.mark.parametrize("paste", [paste for _, paste in FERRY_PASTES[:5]])
def test_the_answer_carries_who_ruled_and_why(archive: Archive, paste: str) -> None:
    ferry_ruling(archive, by="ana")
    ruling = Verifier(archive).check(paste)[0].ruling
    assert ruling is not None
    assert (str(ruling.kind), ruling.by, ruling.credited) == ("fabricated", "ana", "Ada Quill")


@pytest.mark.parametrize("paste", UNRELATED)
def test_an_unrelated_quote_is_never_answered_with_a_ruling(archive: Archive, paste: str) -> None:
    ferry_ruling(archive)
    assert Verifier(archive).check(paste)[0].ruling is None


def test_each_decoy_finds_its_own_ruling(archive: Archive) -> None:
    ferry_ruling(archive)
    verifier = Verifier(archive)
    for text, kind in DECOYS:
        ruling = verifier.check(f'"{text}"')[0].ruling
        assert ruling is not None and str(ruling.kind) == kind and ruling.text == text


def test_a_ruling_recorded_after_a_check_answers_the_next_check(archive: Archive) -> None:
    verifier = Verifier(archive)
    assert verifier.check(FERRY_PASTES[0][1])[0].ruling is None
    ferry_ruling(archive)
    assert verifier.check(FERRY_PASTES[0][1])[0].ruling is not None


def test_the_lookup_can_be_turned_off_for_benchmarks(archive: Archive) -> None:
    ferry_ruling(archive)
    assert Verifier(archive, rulings=False).check(FERRY_PASTES[0][1])[0].ruling is None


def test_the_printed_words_are_not_answered_with_a_ruling_on_a_misquote_of_them(
    archive_url: str, tmp_path: Path
) -> None:
    url = harbour_archive(archive_url, tmp_path)
    misquote = TERMINAL_QUOTE.replace("spring tides", "summer tides")
    with Archive.open(url) as archive:
        archive.record_ruling(ruling_input(misquote, "misquoted", "ana", printed=TERMINAL_QUOTE))
        verifier = Verifier(archive)
        ruled = verifier.check(f'"{misquote}," Harriet Vale said.')[0]
        printed = verifier.check(f'"{TERMINAL_QUOTE}," Harriet Vale said.')[0]
        fragment = verifier.check('"before the spring tides, whatever the weather does"')[0]
    assert ruled.ruling is not None and str(ruled.ruling.kind) == "misquoted"
    assert printed.verdict == "verified" and printed.ruling is None
    assert fragment.ruling is None

"""Extraction: quotations signed the way web pages print posts and pull quotes.

An embedded post ends with a dash and its author (`“…” — Tom Vale (@tomvale) March 1, 2016`),
and a quotation may be introduced by a name, a short aside and a colon (`Vale, in a post on
Facebook: “…”`). Both name the speaker even when someone else spoke just before; a dash that
opens a sentence of the writer's own signs nothing. The people are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import extract, listing

DYING = "The port is dying and nobody is doing anything about it"
BEFORE = "Ana Ruiz, the harbour master, spoke to the council on Monday. Tom Vale runs the dredger."


@pytest.mark.parametrize(
    "paragraph",
    [
        f"“{DYING}.” — Tom Vale (@tomvale) March 1, 2026",
        f"“{DYING}.” — Tom Vale, March 1, 2026",
        f"“{DYING}.” —Tom Vale",
        f"Vale, in a post on Facebook: “{DYING}.”",
        f"Vale, speaking to the council: “{DYING}.”",
    ],
)
def test_a_signed_or_introduced_quotation_is_its_signers(paragraph: str) -> None:
    quotations = extract("Port in trouble", BEFORE, '"We need help," Ruiz said.', paragraph)
    [quotation] = [q for q in quotations if q.text.startswith(DYING)]
    assert quotation.speaker == "Tom Vale", listing(quotations)
    assert quotation.speaker_found_by == "cue", listing(quotations)


def test_a_dash_opening_the_writers_own_sentence_signs_nothing() -> None:
    quotations = extract(
        "Port in trouble", BEFORE, f"“{DYING},” Ruiz said. “The money is gone” — Vale denied it."
    )
    [quotation] = [q for q in quotations if q.text.startswith("The money is gone")]
    assert quotation.speaker == "Ana Ruiz", listing(quotations)

"""Extraction: the dateline that opens a story, as agencies and newspapers of several countries
write it ("WASHINGTON (AP) —", "NEW DELHI:", "PARIS, France --", "Brussels, 4 March (AFP) –"),
and a headline that ends in a role word right above the first line's name.

A dateline is the place of the story: it is neither part of what someone is reported to have
said nor a person, and a headline's last word ("…, says minister") is no part of the name on the
next line. The people and places are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import extract, find, listing, same_role

from store.quotation import Kind

COLLAPSED = "The talks on the river treaty had collapsed"
REPORTED = f"{COLLAPSED}, Foreign Minister Lena Strand told reporters on Monday."


@pytest.mark.parametrize(
    "dateline",
    [
        "HALVORSEN - ",
        "HALVORSEN (Reuters) - ",
        "PORT ARDITH — ",
        "KESSEL POINT: ",
        "KESSEL: ",
        "HALVORSEN, Vale -- ",
        "Halvorsen, 4 March (AFP) – ",
        "PORT ARDITH, Vale, March 4 (AP) — ",
    ],
)
@pytest.mark.parametrize(
    "sentence",
    [
        REPORTED,
        # A wire story's lead: its speaker opens the clause after the dateline.
        f"Foreign Minister Lena Strand said on Monday that {COLLAPSED.lower()}.",
    ],
)
def test_a_dateline_is_not_part_of_the_reported_statement(dateline: str, sentence: str) -> None:
    quotations = extract("Treaty talks stall", dateline + sentence)
    statement = find(quotations, COLLAPSED if sentence == REPORTED else COLLAPSED.lower())
    assert statement.kind is Kind.REPORTED, listing(quotations)
    assert statement.speaker == "Lena Strand", listing(quotations)


@pytest.mark.parametrize(
    "opening",
    [
        "Foreign Minister Lena Strand - ",
        "Officials in Halvorsen (Vale) – ",
        "EU envoys – including the Dutch – ",
    ],
)
def test_words_that_only_look_like_a_dateline_stay_in_the_statement(opening: str) -> None:
    quotations = extract(
        "Treaty talks stall", f"{opening}{COLLAPSED}, Lena Strand told reporters on Monday."
    )
    statement = [q for q in quotations if q.kind is Kind.REPORTED]
    assert len(statement) == 1, listing(quotations)
    assert statement[0].text.startswith(opening.split()[0]), listing(quotations)


def test_a_dateline_before_a_colon_is_no_person() -> None:
    quotations = extract(
        "Roads scheme to widen, says minister",
        "KESSEL POINT: The state will extend its roads programme to 400 more villages, "
        "Rural Development Minister Kavita Rao announced on Friday.",
    )
    headline = find(quotations, "Roads scheme to widen")
    assert headline.speaker == "Kavita Rao", listing(quotations)
    assert same_role("Rural Development Minister", headline.speaker_role), listing(quotations)


@pytest.mark.parametrize("last_word", ["minister", "Minister"])
def test_a_headline_ending_in_a_role_word_gives_no_role_to_the_first_lines_name(
    last_word: str,
) -> None:
    quotations = extract(
        f"Budget is fair, says {last_word}",
        "Kavita Rao, the finance minister, defended the budget on Friday.",
        '"It is a fair budget for every family," Rao said.',
    )
    quotation = find(quotations, "It is a fair budget for every family")
    assert quotation.speaker == "Kavita Rao", listing(quotations)
    assert same_role("finance minister", quotation.speaker_role), listing(quotations)

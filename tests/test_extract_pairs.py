"""Extraction: two people who speak together are both the speaker.

The people, places and outlets are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import UNSAFE, VARGA_INTRO, WREN_INTRO, extract, find, listing

# --- two people who speak together -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        (f'"{UNSAFE}," Tobias Wren and Ines Varga wrote.', "Tobias Wren and Ines Varga"),
        (
            f'CLOSED FOR GOOD - Tobias Wren and Ines Varga: "{UNSAFE}."',
            "Tobias Wren and Ines Varga",
        ),
        (f'More from Wren and Varga: "{UNSAFE}."', "Wren and Varga"),
        (
            f'Wren and Varga issued a statement calling it "{UNSAFE}" and the piers "rotten."',
            "Wren and Varga",
        ),
        (
            f'"{UNSAFE}," county engineers Tobias Wren and Ines Varga of Harlow\'s Institute '
            "for Bridge Safety wrote in May.",
            "Tobias Wren and Ines Varga",
        ),
        (
            f'Wren and Ines Varga, the harbour master, explained how it was: "{UNSAFE}."',
            "Wren and Ines Varga",
        ),
        (
            f'Wren and Varga both denounced the bridge as "{UNSAFE}" on Monday.',
            "Wren and Varga",
        ),
    ],
    ids=[
        "quote-pair-wrote",
        "label-pair-colon",
        "more-from-pair",
        "pair-subject",
        "quote-role-pair-of-body-wrote",
        "pair-appositive",
        "pair-both-then-verb",
    ],
)
def test_two_people_speaking_together_are_both_the_speaker(sentence: str, written: str) -> None:
    quotes = extract(WREN_INTRO, VARGA_INTRO, sentence)

    quote = next(q for q in quotes if q.text.startswith(UNSAFE))
    assert quote.speaker == "Tobias Wren and Ines Varga", listing([quote])
    assert quote.speaker_as_written == written
    assert quote.speaker_role is None  # what the text says of one is no role of both


def test_second_of_two_names_after_a_verb_speaks_alone() -> None:
    quotes = extract(
        WREN_INTRO, VARGA_INTRO, f'Pike thanked Wren and Varga said it was "{UNSAFE}."'
    )

    assert find(quotes, f"{UNSAFE}.").speaker == "Ines Varga"

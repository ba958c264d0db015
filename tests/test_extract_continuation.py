"""Extraction: a quotation without a cue of its own continues the speaker before it.

A paragraph that is only a quotation, or a quotation standing as its own sentence, goes on
with the person quoted just before; a later sentence naming someone else is theirs only when
it is the quotation's cue (`"Why not?" Pry asked.`), not when that person says something of
their own (`Ed Pry said the crews would strike.`). The people are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import extract, find, listing

RUIZ = '"We have waited long enough for this council to act," said Ana Ruiz, the harbour master.'
NOBODY = "Nobody is listening to us."


@pytest.mark.parametrize(
    "following",
    [
        "Ruiz's deputy, Ed Pry, said the crews would strike.",
        "Council leader Ian Moss said he would meet her on Friday.",
        "Ian Moss, the council leader, said that the money was gone.",
        "Tom Vale, the contractor, disagreed with her.",
    ],
)
def test_a_quotation_paragraph_continues_the_speaker_before_it(following: str) -> None:
    quotations = extract("Harbour dispute drags on", RUIZ, f'"{NOBODY}" {following}')
    assert find(quotations, NOBODY).speaker == "Ana Ruiz", listing(quotations)


def test_a_quotation_sentence_continues_the_speaker_of_its_paragraph() -> None:
    quotations = extract(
        "Harbour dispute drags on",
        '"Nobody is listening," Ruiz added. "We will go to the press." Council leader Ian Moss '
        "said he would meet her.",
        outlet=None,
    )
    assert find(quotations, "We will go to the press.").speaker_as_written == "Ruiz", listing(
        quotations
    )


@pytest.mark.parametrize(
    ("following", "speaker"),
    [
        ("Pry asked.", "Ed Pry"),
        ("Pry asked on Tuesday.", "Ed Pry"),
        ("Pry told reporters after the vote.", "Ed Pry"),
    ],
)
def test_a_cue_in_the_next_sentence_still_speaks_for_the_quotation(
    following: str, speaker: str
) -> None:
    quotations = extract(
        "Harbour dispute drags on",
        RUIZ,
        "Ed Pry, her deputy, was at the meeting.",
        f'"Why not now?" {following}',
    )
    assert find(quotations, "Why not now?").speaker == speaker, listing(quotations)

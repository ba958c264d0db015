"""Extraction: the speech verbs, in every place they stand, attribute the quotation.

The people, places and outlets are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import STATEMENT, WREN_INTRO, extract, find

# --- speech verbs ----------------------------------------------------------------------------

QUESTION = "Who is going to pay for a new bridge?"
#: Verbs that take a question rather than a statement.
QUESTION_VERBS = ("asked", "wondered", "demanded")
#: More than the sixty verbs the issue asks for, past and present tense.
SPEECH_VERBS = (
    "said", "says", "added", "adds", "told reporters", "tells reporters", "wrote",
    "explained", "argued", "insisted", "warned", "noted", "recalled", "declared",
    "announced", "admitted", "acknowledged", "conceded", "claimed", "stated", "remarked",
    "observed", "commented", "continued", "replied", "responded", "answered", "countered",
    "retorted", "asked", "wondered", "demanded", "complained", "protested", "lamented",
    "joked", "quipped", "shouted", "yelled", "whispered", "muttered", "exclaimed",
    "pleaded", "cautioned", "predicted", "promised", "vowed", "pledged", "boasted",
    "confirmed", "suggested", "recounted", "emphasised", "emphasized", "stressed",
    "maintained", "contended", "asserted", "affirmed", "alleged", "agreed", "mused",
    "snapped", "grumbled", "reiterated", "testified", "tweeted", "posted", "texted",
    "murmured", "concluded", "interjected", "reasoned", "objected", "confided",
    "remembered", "pressed", "surmised", "demurred", "reacted", "sang",
)  # fmt: skip


@pytest.mark.parametrize("verb", SPEECH_VERBS)
def test_speech_verb_after_the_quotation_attributes_it(verb: str) -> None:
    quotation = QUESTION if verb in QUESTION_VERBS else STATEMENT
    comma = "" if quotation.endswith("?") else ","
    quotes = extract(WREN_INTRO, f'"{quotation}{comma}" Wren {verb}.')

    assert find(quotes, quotation).speaker == "Tobias Wren"


@pytest.mark.parametrize("verb", ["said", "added", "asked", "wrote", "continued", "replied"])
def test_speech_verb_before_the_name_attributes_it(verb: str) -> None:
    quotes = extract(WREN_INTRO, f'"{QUESTION}" {verb} Wren.')

    assert find(quotes, QUESTION).speaker == "Tobias Wren"


@pytest.mark.parametrize("verb", ["said", "added", "warned", "wrote", "told the committee"])
def test_speech_verb_with_a_colon_before_the_quotation_attributes_it(verb: str) -> None:
    quotes = extract(WREN_INTRO, f'Wren {verb}: "{STATEMENT}."')

    assert find(quotes, f"{STATEMENT}.").speaker == "Tobias Wren"

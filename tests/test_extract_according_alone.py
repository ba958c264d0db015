"""Extraction: "according to X" as the only attribution of a quotation's sentence credits X.

When the sentence has no speech verb of its own, the writer paraphrases what X says and the
quoted words are X's, not those of the sentence's subject (a hall, the owners) or of someone who
spoke in an opening clause. When someone in the sentence speaks, "according to" names who
relays them. The people, places and outlets are invented.
"""

from __future__ import annotations

from extraction_support import WREN_INTRO, extract, find, listing


def test_paraphrase_with_according_to_is_credited_to_the_source() -> None:
    found = extract(
        "Lotte Amsel, the town surveyor, walked the old market hall on Friday.",
        'The hall is "beyond repair" and must close, according to Amsel.',
    )
    quotation = find(found, "beyond repair")
    assert quotation.speaker == "Lotte Amsel", listing(found)
    assert quotation.speaker_rule == "according-to-alone"


def test_speech_verb_of_an_opening_clause_does_not_take_the_quotation() -> None:
    found = extract(
        "Lotte Amsel, the town surveyor, lives next to the Orrin family.",
        'After Ivo Brandt asked about the fence, the Orrins grew "tense" and shut the gate, '
        "according to Amsel.",
    )
    quotation = find(found, "tense")
    assert quotation.speaker == "Lotte Amsel", listing(found)


def test_a_speaker_in_the_sentence_is_still_the_speaker_and_the_source_relays() -> None:
    found = extract(
        WREN_INTRO,
        'Wren called the repairs "a waste of money," according to Lotte Amsel, who was there.',
    )
    quotation = find(found, "a waste of money")
    assert quotation.speaker == "Tobias Wren", listing(found)

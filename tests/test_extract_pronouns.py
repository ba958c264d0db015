"""Extraction: who "he said", "she told" and "they said" stand for.

A pronoun stands for someone the article has named before it: most often the one who spoke or
was the subject last, unless someone else has been named since, or the one who spoke last
cannot be "he" or "she". A newsroom would rather have no speaker than a wrong one, so the
article must show the person; nothing is guessed from outside it. The people and places are
invented.
"""

from __future__ import annotations

import pytest
from extraction_support import extract, find, listing

WINTER = "We cannot wait another winter"
COIN = "We will not pay a single coin for such a tax"


def test_a_name_never_runs_on_from_the_line_before() -> None:
    """ "… a Plan B." ending a paragraph and "Wren said" opening the next are two names."""
    quotations = extract(
        "Dredging delayed again",
        "Harbour master Tobias Wren wants the channel dredged this year, or else the council "
        "needs a Plan B.",
        f"Wren said the channel would silt up within months. “{WINTER},” he said.",
    )
    assert find(quotations, WINTER).speaker == "Tobias Wren", listing(quotations)


@pytest.mark.parametrize(
    "introduction",
    ["He said:", "He told the council, to loud applause:", "He then listed what must be done:"],
)
def test_a_pronoun_introducing_the_next_paragraph_speaks_it(introduction: str) -> None:
    quotations = extract(
        "Bridge stays shut",
        "Tobias Wren, the county engineer, closed the Mill Lane bridge on Monday after divers "
        "found cracks in two of its piers.",
        introduction,
        "“The bridge is not safe for anyone to cross.”",
    )
    found = find(quotations, "The bridge is not safe for anyone to cross.")
    assert found.speaker == "Tobias Wren", listing(quotations)


def test_a_dateline_sentence_full_of_names_still_names_its_people() -> None:
    """ "Count former Vale Governor Ivo Marsh among Rosa Quint's critics." is mostly capitals,
    but "former" and "critics" in lower case make it a sentence, not a Title Case headline
    (which names nobody reliably): "he" later is the governor it names."""
    quotations = extract(
        "Vale's former governor says harbour tax is a fraud",
        "PORT ARDITH, March 3 (HNS) — Count former Vale Governor Ivo Marsh among Rosa Quint’s "
        "critics.",
        "The former governor went on the record in an interview with the Harbour Times on Friday.",
        f"“{COIN},” he said.",
    )
    assert find(quotations, COIN).speaker == "Ivo Marsh", listing(quotations)


def test_a_title_case_headline_still_names_nobody() -> None:
    quotations = extract(
        "Ledger Quietly Confuses Rob Hale With His Brother",
        f"“{COIN},” he said.",
    )
    assert find(quotations, COIN).speaker is None, listing(quotations)


def test_a_single_name_that_who_describes_is_a_person() -> None:
    """A performer known by one name ("Ardelle, who …") is someone "she" can stand for, though
    the article gives no first name: not the woman quoted before her."""
    quotations = extract(
        "Awards night",
        f"In her speech, Shonda Vale declared the need for ambition: “{WINTER},” she said.",
        "Meanwhile Ardelle, who was honoured with the top award, spoke about self-love. "
        f"“{COIN},” she said.",
    )
    assert find(quotations, COIN).speaker == "Ardelle", listing(quotations)
    assert find(quotations, WINTER).speaker == "Shonda Vale", listing(quotations)


@pytest.mark.parametrize("adverb", ["also", "openly", "later"])
def test_a_surname_alone_before_an_adverb_and_a_speech_verb_is_a_person(adverb: str) -> None:
    """Candidates known by their surnames alone: "Keene openly admitted that …" opens a
    sentence with a capitalised word the article writes nowhere else, which alone could be
    anything ("Hours later, …"); a speech verb after an adverb shows a speaker, so the
    statement is Keene's and "he said" after it too, not the candidate named before."""
    quotations = extract(
        "Candidates make their picks",
        "Harlan Voss went with the odds on Sunday's show.",
        f"Keene {adverb} admitted that his pick was politically motivated. “{WINTER},” he said.",
    )
    assert find(quotations, WINTER).speaker == "Keene", listing(quotations)
    reported = find(quotations, "his pick was politically motivated")
    assert reported.speaker == "Keene", listing(quotations)


def test_a_plural_before_have_and_a_speech_verb_is_no_one() -> None:
    """ "Inquiries have revealed that …": a helping verb after a plural is no adverb, and the
    word before it no speaker."""
    quotations = extract(
        "Harbour inquiry",
        "Inquiries have revealed that the harbour office ignored three warnings last year.",
    )
    assert all(q.speaker != "Inquiries" for q in quotations), listing(quotations)


def test_a_single_name_that_which_describes_is_what_it_stands_for() -> None:
    """A company named by its brand alone ("Vexco, which runs the ferry, …") is a body, and
    "it said" later is Vexco."""
    quotations = extract(
        "Ferry cancelled",
        f"Vexco, which runs the ferry, said it would refund all tickets. “{COIN},” it said.",
    )
    assert find(quotations, COIN).speaker == "Vexco", listing(quotations)


def test_they_and_it_may_stand_for_a_body_named_by_its_brand_alone() -> None:
    """ "Vexco said it would study the report. They added …": a lone name nothing shows to be
    a person's may be a body's, and is nearer than the university named before it."""
    quotations = extract(
        "Fish stocks fall",
        "A study by the University of Vale found that fish stocks had fallen by a third.",
        f"Vexco said it would study the report. They added that “{COIN}”.",
    )
    assert find(quotations, COIN).speaker == "Vexco", listing(quotations)


def test_a_first_name_after_a_role_with_his_or_her_is_a_person() -> None:
    """ "His daughter, Lotte, worries about him. '…,' she says.": a first name alone, set off
    by a family role, is the woman "she" means, not the sound in the headline."""
    quotations = extract(
        "The last ferryman of Kessel Sound",
        "Every morning at five, Ivo Brandt, 71, steers the Marguerite across the sound.",
        f"His daughter, Lotte, worries about him. “{WINTER},” she says.",
    )
    found = find(quotations, WINTER)
    assert found.speaker == "Lotte", listing(quotations)
    assert found.speaker_role == "His daughter", listing(quotations)


def test_a_chain_of_he_leads_back_to_the_person_named_before_it() -> None:
    """ "Anna Lund replaced Vale on the show. He was moved to Mondays. Last month, he said …":
    the second "he" is the first one's, Vale, not the man quoted in the paragraph before."""
    quotations = extract(
        "Presenter moved",
        f"“{COIN},” said Hugo Lind, the station's owner, on Friday.",
        "Anna Lund replaced Rob Vale on the morning show. He was moved to Monday nights. Last "
        f"month, he said on air: “{WINTER}.”",
    )
    assert find(quotations, f"{WINTER}.").speaker == "Rob Vale", listing(quotations)


def test_she_is_not_the_husband_named_in_her_sentence() -> None:
    """ "Along with her husband, Milton Berg, she has given …": the sentence names one person
    and says "she", but he is hers; "her husband" says nothing of his own gender either."""
    quotations = extract(
        "Donors weigh in",
        "Rachel Osei has met all the candidates. Along with her husband, Milton Berg, a money "
        "manager, she has given to many campaigns. She called Vale a “special person.”",
        f"“{WINTER},” she said.",
    )
    assert find(quotations, WINTER).speaker == "Rachel Osei", listing(quotations)

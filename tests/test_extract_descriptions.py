"""Extraction: a description stands for the person or body the article named with it.

"The mayor", "the team's new goalkeeper" and "the department" speak for whoever the article
introduced that way: "Mayor Lorna Pike", "signed Tomas Brink as its new goalkeeper", "The
Department of Transport". A description nobody was introduced with stays unresolved. The
people and bodies are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import extract, find, listing

PROUD = "I am proud to be here"
MAY = "The work will start in May"


@pytest.mark.parametrize(
    "introduction",
    [
        "The club has signed Tomas Brink as its new goalkeeper.",
        "Harford United named Tomas Brink as the club's new goalkeeper on Friday.",
        "Tomas Brink, the team's new goalkeeper, arrived on Friday.",
    ],
)
def test_a_role_description_speaks_for_the_person_introduced_with_it(introduction: str) -> None:
    quotations = extract(
        "Harford sign a keeper", introduction, f'"{PROUD}," the team\'s new goalkeeper said.'
    )
    assert find(quotations, PROUD).speaker == "Tomas Brink", listing(quotations)


@pytest.mark.parametrize(
    ("introduction", "speaker"),
    [
        ("The Department of Transport has approved the plan.", "Department of Transport"),
        ("The Transport Department has approved the plan.", "Transport Department"),
    ],
)
def test_a_body_described_by_a_word_of_its_name_is_that_body(
    introduction: str, speaker: str
) -> None:
    quotations = extract("Bridge plan approved", introduction, f'"{MAY}," the department said.')
    assert find(quotations, MAY).speaker == speaker, listing(quotations)


def test_a_body_named_long_before_is_not_guessed() -> None:
    paragraphs = [
        "Bridge plan approved",
        "The Department of Transport approved the plan in March.",
        *[f"Paragraph {n} of the story is about the river and its boats." for n in range(6)],
        f'"{MAY}," the department said.',
    ]
    quotations = extract(*paragraphs)
    assert find(quotations, MAY).speaker is None, listing(quotations)


def test_a_word_saying_when_is_not_a_speaker() -> None:
    quotations = extract(
        "Harbour deal signed", "Kit Oduya, who chairs the harbour board, spoke next."
    )
    assert all(q.speaker_as_written != "next" for q in quotations), listing(quotations)


@pytest.mark.parametrize(
    "paragraph",
    [
        'Vale\'s statement read: "The port is dying and nobody is doing anything about it."',
        "Vale's email to his crews notes that the port \"is dying and nobody is doing anything "
        'about it."',
    ],
)
def test_a_document_someone_owns_speaks_for_them(paragraph: str) -> None:
    quotations = extract("Harbour row", "Tom Vale, the harbour master, spoke on Monday.", paragraph)
    [quotation] = [q for q in quotations if "nobody is doing anything" in q.text]
    assert quotation.speaker == "Tom Vale", listing(quotations)
    assert quotation.speaker_found_by == "description", listing(quotations)


def test_an_outlets_editorial_speaks_for_the_outlet_not_whoever_it_names() -> None:
    quotations = extract(
        "Regatta called off",
        "The club gave in a week after the Tidewater Herald's editorial telling it that “the "
        "regatta cannot go ahead.”",
    )
    [quotation] = [q for q in quotations if q.text.startswith("the regatta")]
    assert quotation.speaker == "Tidewater Herald", listing(quotations)
    assert quotation.speaker_as_written == "the Tidewater Herald's editorial"

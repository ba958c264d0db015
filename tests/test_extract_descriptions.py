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


@pytest.mark.parametrize(
    "introduction",
    [
        "The leader of Eastmoor Borough Council, Councillor Amira Thorne, said on Monday that "
        "the tax was dead.",
        "The chief executive of Vexco, Amira Thorne, said the sale was on track.",
        "Lusk's chief executive, Amira Thorne, disagreed with him.",
    ],
)
def test_a_role_set_off_before_the_name_is_that_persons(introduction: str) -> None:
    """ "The leader of …, Amira Thorne, said": the role before the name, between commas, is
    hers; "the council leader" later is Thorne, not the other leader the article names."""
    role = "council leader" if "Council" in introduction else "chief executive"
    quotations = extract(
        "Tax row",
        introduction,
        "Opposition leader Gideon Lusk, who chairs the chamber of commerce, disagreed.",
        f'Speaking outside the town hall, the {role} said: "{MAY}".',
    )
    assert find(quotations, MAY).speaker == "Amira Thorne", listing(quotations)


def test_a_word_after_of_in_a_role_is_not_the_person() -> None:
    """The author of the book is not "the book": "The book accuses Pell … He said" is Pell."""
    quotations = extract(
        "Book disputed",
        "The author of the book, Mitchell Varga, said he stood by every page.",
        "Dan Pell, the base chief, said he had read it.",
        f'The book accuses Pell of ignoring the crews. He said that is "{MAY}".',
    )
    assert find(quotations, MAY).speaker == "Dan Pell", listing(quotations)


AGED = "It is the only way to pay for the sea wall"


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # The person just named in the same paragraph.
        (
            (f"Opposition leader Gideon Lusk disagreed. '{AGED},' the 61-year-old said.",),
            "Gideon Lusk",
        ),
        # The age the article gave a person, paragraphs before.
        (
            (
                "Amira Thorne, 52, leads the council.",
                "Gideon Lusk, the opposition leader, disagreed with her on Monday.",
                f"'{AGED},' the 52-year-old said.",
            ),
            "Amira Thorne",
        ),
        (
            (
                "The 52-year-old Amira Thorne leads the council.",
                "Gideon Lusk, the opposition leader, disagreed with her on Monday.",
                f"'{AGED},' the 52-year-old said.",
            ),
            "Amira Thorne",
        ),
        # Another age than the one the article gave: not her.
        ((f"Amira Thorne, 52, spoke first. '{AGED},' said the 30-year-old.",), None),
        # An age the article never gave, a paragraph after the person: anyone's.
        (("Amira Thorne spoke first.", f"'{AGED},' said the 30-year-old."), None),
    ],
)
def test_an_age_description_speaks_for_the_person_of_that_age(
    paragraphs: tuple[str, ...], speaker: str | None
) -> None:
    quotations = extract("Sea wall row", *paragraphs)
    assert find(quotations, AGED).speaker == speaker, listing(quotations)


@pytest.mark.parametrize(
    ("introduction", "description", "speaker"),
    [
        ("Prime Minister Ana Brisk visited the harbour.", "the PM", "Ana Brisk"),
        ("Vexco chief executive Ian Moss was there.", "the CEO", "Ian Moss"),
        ("Chief Minister K. Ramesh Rao spoke later.", "the CM", "K. Ramesh Rao"),
        ("Harbco CEO Dora Finch arrived late.", "the chief executive", "Dora Finch"),
    ],
)
def test_an_abbreviated_role_is_the_role_spelled_out(
    introduction: str, description: str, speaker: str
) -> None:
    """ "the PM said" is the prime minister the article named; data/role_abbreviations.txt
    says what each abbreviation stands for."""
    quotations = extract("Harbour visit", introduction, f'"{PROUD}," {description} said.')
    assert find(quotations, PROUD).speaker == speaker, listing(quotations)
    assert find(quotations, PROUD).speaker_as_written == description


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            (
                "Eastmoor boss Rosa Quint was less happy. "
                f'"{PROUD}," the former Vale international said.',
            ),
            "Rosa Quint",
        ),
        ((f'Dora Finch runs the corner shop. "{PROUD}," the mother-of-two said.',), "Dora Finch"),
        # The one quoted in the paragraph before.
        (
            (
                'Striker Jonah Pell, who scored the winner, told the Gazette: "I just hit it."',
                f'Asked about his future, the 23-year-old added: "{PROUD}".',
            ),
            "Jonah Pell",
        ),
        (
            (
                'Striker Jonah Pell, who scored the winner, told the Gazette: "I just hit it."',
                f'Asked about his future, the teenager added: "{PROUD}".',
            ),
            "Jonah Pell",
        ),
        # A nationality, capitalised, describes the person: no name, no body.
        (
            (
                "City boss Karl Lindqvist was furious with the referee. "
                f'"{PROUD}," the Swede fumed.',
            ),
            "Karl Lindqvist",
        ),
        (
            (
                'Rovers manager Tomas Ferreira told Vale Sport: "We defended like lions."',
                f'The Portuguese added: "{PROUD}".',
            ),
            "Tomas Ferreira",
        ),
        (
            (f'Striker Niamh Doyle was less happy. "{PROUD}," the Irishwoman said.',),
            "Niamh Doyle",
        ),
        # A role nobody was introduced with may be someone else; and a thing is no person.
        ((f'Ruiz, the mayor, declined to comment. "{PROUD}," the spokesman said.',), None),
        ((f"Dora Finch runs the Anchor Inn. A notice behind the bar read: '{PROUD}'.",), None),
    ],
)
def test_an_epithet_is_the_person_just_spoken_of(
    paragraphs: tuple[str, ...], speaker: str | None
) -> None:
    """Sports and Commonwealth news vary the name: "the former Vale international", "the
    teenager", "the mother-of-two", "the Swede" (data/closed_classes.txt, person-epithets and
    demonyms) are the person the same paragraph spoke of, or the one quoted in the paragraph
    before."""
    quotations = extract("Derby day", *paragraphs)
    assert find(quotations, PROUD).speaker == speaker, listing(quotations)


@pytest.mark.parametrize(
    "introduction",
    [
        "Vale's Ministry of Fisheries will lift the ban on cod next month.",
        "The Department for Fisheries will lift the ban on cod next month.",
    ],
)
def test_a_body_named_with_of_or_for_is_found_by_its_kind(introduction: str) -> None:
    """ "Ministry of Fisheries" is a body by the word before "of" (not only by its last word),
    and "for" joins a body's name: "the ministry" or "the department" later is that body."""
    description = "the ministry" if "Ministry" in introduction else "the department"
    quotations = extract("Cod ban lifted", introduction, f'"{MAY}," {description} said.')
    speaker = "Ministry of Fisheries" if "Ministry" in introduction else "Department for Fisheries"
    assert find(quotations, MAY).speaker == speaker, listing(quotations)


@pytest.mark.parametrize(
    ("name", "description"),
    [("Harbour Workers Union", "the union"), ("Vale Nurses Association", "the association")],
)
def test_a_bodys_name_keeps_the_role_words_inside_it(name: str, description: str) -> None:
    """ "Harbour Workers Union" is the body's whole name, not "Union" with the role "Harbour
    Workers": role nouns cut a title off a person's name only."""
    quotations = extract(
        "March on the town hall",
        f"The {name} organised the march.",
        f'"{MAY}," {description} said.',
    )
    assert find(quotations, MAY).speaker == name, listing(quotations)


@pytest.mark.parametrize(
    ("introduction", "description", "speaker"),
    [
        ("Tidewatch, a conservation group, backed the workers.", "the group", "Tidewatch"),
        ("Vexco, the company behind the plan, said little.", "the company", "Vexco"),
        ("Marsh Alliance, a small charity, agreed.", "the charity", "Marsh Alliance"),
    ],
)
def test_a_name_an_appositive_calls_a_body_is_that_body(
    introduction: str, description: str, speaker: str
) -> None:
    """ "Tidewatch, a conservation group," makes the name a body, and "the group said" later
    that body."""
    quotations = extract("Marsh plan", introduction, f'"{MAY}," {description} said.')
    assert find(quotations, MAY).speaker == speaker, listing(quotations)

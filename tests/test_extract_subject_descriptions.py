"""Extraction: descriptions as the subject of a speech verb: who they are tied to, documents
that speak for their authors, descriptions that are the speaker as written.

The people, places and outlets are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import WREN_INTRO, extract, find, listing

# --- descriptions tied to someone else -------------------------------------------------------

TIED_DESCRIPTIONS = {
    "person-close-to-before-verb": (
        '"We are not worried," a person close to Wren said.',
        "a person close to Wren",
    ),
    "person-close-to-after-verb": (
        '"We are not worried," said a person close to Wren.',
        "a person close to Wren",
    ),
    "adviser-to": (
        '"We are not worried," a senior adviser to Wren said.',
        "a senior adviser to Wren",
    ),
    "source-familiar-with": (
        "A source familiar with Wren’s thinking said: “We are not worried,” and left it there.",
        "A source familiar with Wren’s thinking",
    ),
    "involved-in": (
        '"We are not worried," said one engineer involved in the inspection, who asked not to be '
        "named.",
        "one engineer involved in the inspection",
    ),
    "long-description": (
        '"We are not worried," said a former senior county road safety official.',
        "a former senior county road safety official",
    ),
    "role-of-an-organisation-before-the-verb": (
        'The chairman of Fallowmere Holdings said "We are not worried" and left.',
        "The chairman of Fallowmere Holdings",
    ),
    "spokesman-who-declined-but-said": (
        "A spokesman for Wren declined to comment on the divers but said in a statement that "
        '"We are not worried," and no more.',
        "A spokesman for Wren",
    ),
    "spokesman-could-only-quip": (
        'The hour was so late that a spokesman for Wren could only quip: "We are not worried,"'
        " and left.",
        "a spokesman for Wren",
    ),
    "age-as-the-description": (
        '"We are not worried," the 58-year-old said on Tuesday.',
        "the 58-year-old",
    ),
    "description-with-a-year": (
        '"We are not worried," said a 2019 Wren adviser.',
        "a 2019 Wren adviser",
    ),
    "group-with-ties-to-a-person": (
        'Several engineers with longtime ties to Wren said "We are not worried," and left.',
        "Several engineers with longtime ties to Wren",
    ),
    "one-confidant-of-a-person": (
        '"We are not worried," said one Wren confidant.',
        "one Wren confidant",
    ),
    "one-of-a-group-after-the-verb": (
        '"We are not worried," said one of two engineers who inspected the piers.',
        "one of two engineers",
    ),
    "one-inside-a-place-saying": (
        "One engineer inside the county office played the cracks down, saying "
        '"We are not worried," and left.',
        "One engineer",
    ),
    "spokesman-for-a-person-before-the-verb": (
        'A spokesman for Wren said "We are not worried" when asked on Tuesday.',
        "A spokesman for Wren",
    ),
}


@pytest.mark.parametrize(
    ("paragraph", "described"), TIED_DESCRIPTIONS.values(), ids=TIED_DESCRIPTIONS.keys()
)
def test_description_tied_to_a_named_person_is_not_that_person(
    paragraph: str, described: str
) -> None:
    quotes = extract(WREN_INTRO, paragraph)

    quote = find(quotes, "We are not worried")
    assert quote.speaker is None, listing([quote])
    assert quote.speaker_as_written == described


SUBJECT_DESCRIPTIONS = {
    "two-descriptions-joined-by-and": (
        "The county's chief engineer and former secretary of state said the ferry was an "
        '"exception" to the rule.',
        "The county's chief engineer and former secretary of state",
    ),
    "a-candidates-campaign": (
        'The Varga campaign projects that the ferry will be an "exception" to the rule.',
        "The Varga campaign",
    ),
    "group-then-a-noun-like-verb": (
        'Harbour observers note the ferry would not truly be an "exception" to the rule.',
        "Harbour observers",
    ),
    "two-descriptions-after-the-quotation": (
        'The ferry is an "exception," the county engineer and former secretary of state said '
        "on Tuesday.",
        "the county engineer and former secretary of state",
    ),
    "nearest-clause-before-and-said": (
        "A group of rowers called for a boycott, and the county's old engineering society "
        'denounced the plan and said the ferry was an "exception" to the rule.',
        "the county's old engineering society",
    ),
    "news-outlets-reported": (
        'Multiple outlets reported on Wednesday that the ferry was an "exception" to the rule.',
        "Multiple outlets",
    ),
    "place-possessive-role": (
        "The Harlow council's new engineer on Tuesday rejected the mayor's offer to make an "
        '"exception" for the regatta.',
        "The Harlow council's new engineer",
    ),
    "subject-after-a-participle-phrase-and-a-name-with-its-appositive": (
        "Preceded at the lectern by Tobias Wren, the county engineer and bridge inspector, the "
        'mayor began a long complaint about the ferry, an "exception" to the rule.',
        "the mayor",
    ),
    "share-of-people-said": (
        'Asked about the ferry, 21 percent said it was an "exception" to the rule.',
        "21 percent",
    ),
    "counted-group-of-a-where-clause-then-participle": (
        "Wren spoke at the quay, where about 50 fishermen had gathered on Monday, chanting "
        '"exception" over and over.',
        "about 50 fishermen",
    ),
    "counted-group-then-two-participles": (
        "Outside the hall, about 200 fishermen gathered in clusters, holding signs and "
        'chanting "exception" over and over.',
        "about 200 fishermen",
    ),
    "subject-of-as-clause-after-a-speech-verb-then-participle": (
        '"Who pays?" Wren asks as a harbour official walks in, saying the ferry is an '
        '"exception" to the rule.',
        "a harbour official",
    ),
}


def test_participle_after_a_subordinate_clause_belongs_to_the_sentence_otherwise() -> None:
    quotes = extract(WREN_INTRO, 'Wren shut the bridge when it cracked, saying it was "unsafe."')

    assert find(quotes, "unsafe.").speaker == "Tobias Wren"


def test_participle_after_when_clause_following_a_speech_verb_is_that_clauses() -> None:
    quotes = extract(
        WREN_INTRO,
        "Ines Varga runs the harbour.",
        '"Too late?" Wren wrote when Varga closed the quay with a notice, remarking, '
        '"Safety first."',
    )

    assert find(quotes, "Safety first.").speaker == "Ines Varga"


@pytest.mark.parametrize(
    ("paragraph", "described"),
    SUBJECT_DESCRIPTIONS.values(),
    ids=SUBJECT_DESCRIPTIONS.keys(),
)
def test_description_as_the_subject_is_the_speaker_as_written(
    paragraph: str, described: str
) -> None:
    quotes = extract("The Mill Lane bridge was closed on Monday.", paragraph)

    assert find(quotes, "exception").speaker_as_written == described


DOCUMENT_SUBJECTS = {
    "quote-then-the-document-read": (
        "“The regatta cannot go ahead,” the letter read. It was signed by the rowing club.",
        "the letter",
    ),
    "quote-then-read-the-document": (
        "“The regatta cannot go ahead,” read the statement, which the club sent on Monday.",
        "the statement",
    ),
    "inverted-verb-and-a-dated-editorial": (
        "“The regatta cannot go ahead,” reads a Friday editorial of the Tidewater Herald.",
        "a Friday editorial",
    ),
    "letter-from-obtained-by": (
        "A March 3 letter from the Harlow Rowing Club obtained by the Tidewater Herald warns "
        "that “the regatta cannot go ahead.”",
        "A March 3 letter from the Harlow Rowing Club",
    ),
    "letter-to": (
        "A letter to county councillors warns that “the regatta cannot go ahead.”",
        "A letter to county councillors",
    ),
    "report-by": (
        "A report by the Tidewater Herald says “the regatta cannot go ahead.”",
        "A report by the Tidewater Herald",
    ),
    "named-body-then-its-document": (
        "A 2024 Harlow Rowing Club report found that “the regatta cannot go ahead.”",
        "A 2024 Harlow Rowing Club report",
    ),
    "according-to-a-named-summary": (
        "The club's plan, according to its Harbourside summary, “the regatta cannot go ahead.”",
        "its Harbourside summary",
    ),
    "document-then-two-verbs": (
        "The club's new leaflet attacks the council for taking “too long” and claims that "
        "“the regatta cannot go ahead.”",
        "The club's new leaflet",
    ),
}


@pytest.mark.parametrize(
    ("paragraph", "described"), DOCUMENT_SUBJECTS.values(), ids=DOCUMENT_SUBJECTS.keys()
)
def test_document_from_someone_is_the_speaker_not_whoever_it_names(
    paragraph: str, described: str
) -> None:
    quotes = extract(WREN_INTRO, paragraph)

    [quote] = [q for q in quotes if q.text.lower().startswith("the regatta cannot go ahead")]
    assert quote.speaker is None, listing([quote])
    assert quote.speaker_as_written == described


def test_a_person_who_read_a_statement_is_not_reported_speech_of_the_sentence_before() -> None:
    # "read" after a comma is the person reading, not a document reading out what came before.
    quotes = extract(
        "At a meeting on Monday night, Ines Varga, chair of the Harlow Rowing Club, read a "
        "statement to about 90 members:",
        '"The regatta cannot go ahead this year."',
    )

    assert find(quotes, "The regatta cannot go ahead this year.").speaker == "Ines Varga"
    assert not [q for q in quotes if q.text.startswith("At a meeting")], listing(quotes)


@pytest.mark.parametrize(
    ("sentence", "described"),
    [
        (
            "Another Methodist who worshipped at the chapel and who did not want to be named "
            'said the council was "not worried" at all.',
            "Another Methodist",
        ),
        (
            "Wren says the bridge will close after a woman in Harlow, Vale, told him "
            'she was "not worried" about the piers.',
            "a woman",
        ),
    ],
    ids=["two-relative-clauses", "person-of-a-place-after-a-subordinator"],
)
def test_subject_of_a_partial_quotation_is_the_speaker_as_written(
    sentence: str, described: str
) -> None:
    quotes = extract(WREN_INTRO, sentence)

    quote = find(quotes, "not worried")
    assert quote.speaker_as_written == described, listing([quote])
    assert quote.speaker is None

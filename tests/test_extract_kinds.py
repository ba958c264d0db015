"""Extraction: whether each quotation is direct, partial or reported speech.

`direct`: the quoted words are the whole of what is attributed. `partial`: a few quoted words
inside the writer's own sentence (fell "a long way short" of its demands). `reported`: speech
without quotation marks (X said that …, X accused Y of …), kept so that a paraphrase passed off
as a quotation can be recognised; its text is the reported clause without the final full stop.
The writer's own facts are not statements. The people, places and outlets are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import bare, extract, find, listing

from store.quotation import Kind

PIKE_INTRO = "Mayor Lorna Pike met the county's engineers on the riverbank on Tuesday."
WREN_INTRO = "Tobias Wren, the county engineer, closed the Mill Lane bridge on Monday."


# --- direct ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "quotation"),
    [
        ('"The town will appeal," Pike said.', "The town will appeal"),
        ('Pike said: "The town will appeal."', "The town will appeal."),
        (
            '"The town will appeal. We will take this as far as it goes," Pike said.',
            "The town will appeal. We will take this as far as it goes",
        ),
        ('"Who signed this off?" Pike asked.', "Who signed this off?"),
        (
            'Asked whether the town would appeal, Pike said: "Of course we will."',
            "Of course we will.",
        ),
        (
            'A notice on the town hall door read: "Closed until further notice."',
            "Closed until further notice.",
        ),
        (
            'Protesters held a banner that read "Hands off our bridge" outside the town hall.',
            "Hands off our bridge",
        ),
        # After a colon, whatever the verb before it: the quotation is what was said, whole.
        (
            'Pike\'s deputy, Tomas Ek, disagreed: "The money is there. It is a choice."',
            "The money is there. It is a choice.",
        ),
    ],
    ids=[
        "after",
        "colon",
        "two-sentences",
        "question",
        "asked-whether",
        "notice",
        "banner",
        "colon-after-any-verb",
    ],
)
def test_whole_quoted_statement_is_direct(paragraph: str, quotation: str) -> None:
    quotes = extract(PIKE_INTRO, paragraph)

    assert find(quotes, quotation).kind == Kind.DIRECT


def test_both_parts_of_a_quotation_split_by_its_attribution_are_direct() -> None:
    quotes = extract(PIKE_INTRO, '"The town will appeal," Pike said. "And we will win."')

    assert find(quotes, "The town will appeal").kind == Kind.DIRECT
    assert find(quotes, "And we will win.").kind == Kind.DIRECT


# --- partial ---------------------------------------------------------------------------------

PARTIAL: dict[str, tuple[str, str, str]] = {
    "inside-reported-clause": (
        'Pike said the offer fell "a long way short" of what the town had asked for.',
        "a long way short",
        "Lorna Pike",
    ),
    "called-it": (
        'Pike called the ruling "a betrayal of every family on Quay Street."',
        "a betrayal of every family on Quay Street.",
        "Lorna Pike",
    ),
    "saying": (
        'Pike rejected the offer, saying it came "nowhere near" what the town needed.',
        "nowhere near",
        "Lorna Pike",
    ),
    "one-word": (
        'The Brackwater Water Board said it "regretted" the delay.',
        "regretted",
        "Brackwater Water Board",
    ),
    "statement-that": (
        "The Brackwater Water Board said in a statement that the delay was "
        '"regrettable but unavoidable."',
        "regrettable but unavoidable.",
        "Brackwater Water Board",
    ),
    "phrase-then-attribution": (
        'The repairs will take "months, not weeks," Wren said.',
        "months, not weeks",
        "Tobias Wren",
    ),
}


@pytest.mark.parametrize(
    ("paragraph", "quotation", "speaker"), PARTIAL.values(), ids=PARTIAL.keys()
)
def test_quoted_words_inside_the_writers_sentence_are_partial(
    paragraph: str, quotation: str, speaker: str
) -> None:
    quotes = extract(PIKE_INTRO, WREN_INTRO, paragraph)

    quote = find(quotes, quotation)
    assert quote.kind == Kind.PARTIAL
    assert bare(quote.speaker) == speaker


@pytest.mark.parametrize("paragraph", [p for p, _, _ in PARTIAL.values()], ids=PARTIAL.keys())
def test_sentence_with_quoted_words_is_not_also_reported_speech(paragraph: str) -> None:
    quotes = extract(PIKE_INTRO, WREN_INTRO, paragraph)

    reported = [q for q in quotes if q.kind == Kind.REPORTED]
    assert reported == [], listing(quotes)


# --- reported --------------------------------------------------------------------------------

REPORTED: dict[str, tuple[str, str, str]] = {
    "said-that": (
        "Pike said that the town would appeal the ruling.",
        "the town would appeal the ruling",
        "Lorna Pike",
    ),
    "said-without-that": (
        "Pike said the town would appeal the ruling.",
        "the town would appeal the ruling",
        "Lorna Pike",
    ),
    "said-on-day-that": (
        "Pike said on Wednesday that the town would appeal the ruling.",
        "the town would appeal the ruling",
        "Lorna Pike",
    ),
    "clause-first": (
        "The town will appeal the ruling, Pike said.",
        "The town will appeal the ruling",
        "Lorna Pike",
    ),
    "warned-that": (
        "Wren warned that the bridge could collapse in a flood.",
        "the bridge could collapse in a flood",
        "Tobias Wren",
    ),
    "accused-of": (
        "Pike accused the water board of hiding the inspection report.",
        "the water board of hiding the inspection report",
        "Lorna Pike",
    ),
    "urged-to": (
        "Wren urged residents to use the ferry until the spring.",
        "residents to use the ferry until the spring",
        "Tobias Wren",
    ),
    "according-to": (
        "The repairs will cost about $2 million, according to Wren.",
        "The repairs will cost about $2 million",
        "Tobias Wren",
    ),
    "pronoun": (
        "She said the ferry would run every half hour.",
        "the ferry would run every half hour",
        "Lorna Pike",
    ),
    "organisation-statement": (
        "The Brackwater Water Board said in a statement that supplies would be back by Thursday.",
        "supplies would be back by Thursday",
        "Brackwater Water Board",
    ),
    "told-outlet-that": (
        "Pike told the Tidewater Herald that the town would appeal the ruling.",
        "the town would appeal the ruling",
        "Lorna Pike",
    ),
    # A role set off before the name is no statement closed by "…, Pike said".
    "role-before-the-name": (
        "The mayor of Tidewater, Lorna Pike, said on Wednesday that the town would appeal.",
        "the town would appeal",
        "Lorna Pike",
    ),
    "role-before-the-name-without-that": (
        "The mayor of Tidewater, Lorna Pike, said the town would appeal.",
        "the town would appeal",
        "Lorna Pike",
    ),
    "said-on-day-without-that": (
        "The Brackwater Water Board said on Wednesday supplies would be back by Thursday.",
        "supplies would be back by Thursday",
        "Brackwater Water Board",
    ),
    "said-much-of": (
        "Pike said much of the bridge money had gone on new offices.",
        "much of the bridge money had gone on new offices",
        "Lorna Pike",
    ),
    "body-named-with-for": (
        "The Department for Transport said the bridge would be rebuilt by the spring.",
        "the bridge would be rebuilt by the spring",
        "Department for Transport",
    ),
    # A relative clause's list of places is no statement either.
    "relative-clause-with-a-list": (
        "Wren, who has worked in Peru, Chile and Kenya, said the bridge would be rebuilt.",
        "the bridge would be rebuilt",
        "Tobias Wren",
    ),
}


@pytest.mark.parametrize(
    ("paragraph", "statement", "speaker"), REPORTED.values(), ids=REPORTED.keys()
)
def test_speech_without_quotation_marks_is_reported(
    paragraph: str, statement: str, speaker: str
) -> None:
    quotes = extract(WREN_INTRO, PIKE_INTRO, paragraph)

    quote = find(quotes, statement)
    assert quote.kind == Kind.REPORTED
    assert bare(quote.speaker) == speaker


def test_reported_speech_indexes_the_article_text() -> None:
    paragraphs = (PIKE_INTRO, "Pike said that the town would appeal the ruling.")
    text = "\n\n".join(paragraphs)

    quote = find(extract(*paragraphs), "the town would appeal the ruling")

    assert quote.start == text.index("the town would appeal the ruling")
    assert text[quote.start : quote.end] == quote.text
    assert quote.context == paragraphs[1]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Pike did not respond to a request for comment on Wednesday.",
        "The council voted 7-2 on Tuesday to close the bridge for the winter.",
        "Pike plans to appeal the ruling next week.",
        "Wren closed the bridge on Monday after divers found cracks in two of its piers.",
        "Pike, who said little at the meeting, left before the vote.",
        "The mayor of Brackwater, Lorna Pike, spoke later.",
        "Residents were told to keep away from the bridge until the spring.",
        "Pike said nothing about the bridge at the meeting on Tuesday.",
        "The bridge money was spent on new offices, said little.",
    ],
    ids=[
        "did-not-respond",
        "a-vote",
        "a-plan",
        "an-action",
        "said-little",
        "a-role-spoke",
        "passive-told",
        "said-nothing",
        "closing-said-little",
    ],
)
def test_writers_own_facts_are_not_statements(paragraph: str) -> None:
    quotes = extract("Mayor Lorna Pike runs Brackwater's town council.", paragraph)

    assert quotes == [], listing(quotes)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Pike denied that the town had spent the bridge money on new offices.",
        "Pike has denied that the town spent the bridge money on new offices.",
        "Pike denied the town had spent the bridge money on new offices.",
        "The council rejected claims that the bridge money had been spent on new offices.",
        "Pike dismissed suggestions that the bridge money had been spent on new offices.",
        "Pike refuted allegations that the bridge money had been spent on new offices.",
    ],
)
def test_a_denial_is_not_stored_as_what_the_speaker_said(paragraph: str) -> None:
    quotes = extract(PIKE_INTRO, paragraph)

    assert [q for q in quotes if "money" in q.text] == [], listing(quotes)


def test_a_denial_in_an_aside_leaves_the_statement() -> None:
    quotes = extract(
        PIKE_INTRO, "Pike, who denied any wrongdoing, said the bridge money had gone on repairs."
    )

    assert find(quotes, "the bridge money had gone on repairs").kind is Kind.REPORTED


@pytest.mark.parametrize(
    ("paragraph", "statement"),
    [
        (
            "Ana Ruiz wrote to the minister that the port would close in May.",
            "the port would close in May",
        ),
        ("Ana Ruiz said to reporters the port would close in May.", "the port would close in May"),
        (
            "Ana Ruiz explained to the Harbour Herald why the port would close in May.",
            "why the port would close in May",
        ),
    ],
)
def test_whom_a_statement_was_said_to_is_not_part_of_it(paragraph: str, statement: str) -> None:
    """ "wrote to the minister that …": the addressee is not what was said."""
    quotations = extract("Port to close", paragraph)
    found = find(quotations, statement)
    assert found.kind is Kind.REPORTED, listing(quotations)
    assert found.speaker == "Ana Ruiz", listing(quotations)


def test_writing_to_someone_asking_for_something_is_no_statement() -> None:
    """ "wrote to the prime minister seeking more funds": a letter's purpose, not its words."""
    quotations = extract(
        "Funds sought", "Chief Minister Ana Ruiz wrote to the Prime Minister seeking more funds."
    )
    assert not [q for q in quotations if q.kind is Kind.REPORTED], listing(quotations)

"""Extraction: every named rule, by name, credits its invented case's speaker and says so.

`store.extract.rules.RULE_WORDS` lists every rule that can credit a speaker, in the order
extraction tries them; each has a case here keyed by its name, so that a new rule comes with
one, and `Quotation.speaker_rule` names the rule that answered. The people are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import WREN_INTRO, extract, find, listing, story

from store.extract.extractor import attribute_article
from store.extract.rules import RULE_WORDS, rule_words

#: Rule name -> (paragraphs, the quotation's words, its speaker or speaker as written).
RULE_CASES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "opening-participle": (
        (WREN_INTRO, "In calling the repairs 'a waste of money,' the mayor showed her anger."),
        "a waste of money",
        "the mayor",
    ),
    "aside-closing": (
        (WREN_INTRO, 'The bridge "will not reopen" before spring, said Tobias Wren, the engineer.'),
        "will not reopen",
        "Tobias Wren",
    ),
    "main-clause-before": (
        (
            "Oskar Voss, the mayor, opened the meeting.",
            'When a heckler at the back yelled, "Louder," Voss quipped, "Gladly."',
        ),
        "Louder",
        "a heckler",
    ),
    "according-to-alone": (
        (WREN_INTRO, 'The bridge is "beyond repair," according to Wren.'),
        "beyond repair",
        "Tobias Wren",
    ),
    "after": (
        (WREN_INTRO, '"The bridge is not safe," Wren said.'),
        "The bridge is not safe",
        "Tobias Wren",
    ),
    "next-sentence": ((WREN_INTRO, '"Why not?" Wren asked.'), "Why not?", "Tobias Wren"),
    "aside-inside": (
        (WREN_INTRO, 'The irony, says Tobias Wren, the engineer, is that it was "built to last."'),
        "built to last.",
        "Tobias Wren",
    ),
    "before": (
        (WREN_INTRO, 'Wren said: "The bridge is not safe."'),
        "The bridge is not safe.",
        "Tobias Wren",
    ),
    "before-across-quotation": (
        (WREN_INTRO, 'Wren called the bridge "unsafe" and the ferry "too slow."'),
        "too slow.",
        "Tobias Wren",
    ),
    "according-to": (
        (WREN_INTRO, 'The bridge is "beyond repair," according to Wren, who said so twice.'),
        "beyond repair",
        "Tobias Wren",
    ),
    "sentence-end": (
        (WREN_INTRO, 'The bridge is "beyond repair" this winter, the county engineer says.'),
        "beyond repair",
        "Tobias Wren",
    ),
    "possessive": (
        (WREN_INTRO, 'Wren\'s pledge to keep the bridge "shut until spring" angered the rowers.'),
        "shut until spring",
        "Tobias Wren",
    ),
    "sentence-subject": (
        (WREN_INTRO, 'Wren was "deeply worried" about the piers.'),
        "deeply worried",
        "Tobias Wren",
    ),
    "same-sentence": (
        (WREN_INTRO, '"Shut it," and "keep it shut," Wren said.'),
        "Shut it",
        "Tobias Wren",
    ),
    "earlier-in-paragraph": (
        (WREN_INTRO, '"The bridge is not safe," Wren said. "We will close it."'),
        "We will close it.",
        "Tobias Wren",
    ),
    "actor-just-before": (
        (
            "Teo Brack sat through the hearing.",
            'The clerk looked up at him. "Mr. Brack?" He had a few words ready. "Present," '
            'Brack said, "and ready."',
        ),
        "Mr. Brack?",
        "The clerk",
    ),
    "later-in-paragraph": (
        (
            WREN_INTRO,
            'Asked about the rowers, "They will wait." Then: "It is not safe," Wren said.',
        ),
        "They will wait.",
        "Tobias Wren",
    ),
    "previous-sentence": (
        (
            "Jules Farrow, a councillor, spoke on Monday.",
            "Farrow kept his distance from the plan, saying he would vote for it anyway. "
            "“I'm going to back the plan.”",
        ),
        "I'm going to back the plan.",
        "Jules Farrow",
    ),
    "signed-below": (
        ("The council will vote on Monday.", '"We will fix the road."', "- Elsa Dunmore."),
        "We will fix the road.",
        "Elsa Dunmore",
    ),
    "previous-paragraph": (
        (WREN_INTRO, "Wren said:", '"The bridge is not safe."'),
        "The bridge is not safe.",
        "Tobias Wren",
    ),
    "later-piece": (
        (WREN_INTRO, '"The bridge is not safe,', '"and it will stay shut," Wren said.'),
        "The bridge is not safe",
        "Tobias Wren",
    ),
    "headline-from-body": (
        ('Engineer says bridge "not safe"', WREN_INTRO, 'The bridge is "not safe," Wren said.'),
        "not safe",
        "Tobias Wren",
    ),
    "attribution-model": (
        (WREN_INTRO, 'For Wren, the bridge is "finished."'),
        "finished.",
        "Tobias Wren",
    ),
    "reported-statement": (
        (WREN_INTRO, "Wren said the bridge would stay closed until spring."),
        "the bridge would stay closed until spring",
        "Tobias Wren",
    ),
}

#: Rules whose answer a joined quotation hides (the piece after a paragraph break), tested on
#: the rules' own answers below.
_HIDDEN_BY_JOINING = {"continued"}


@pytest.mark.parametrize(
    ("paragraphs", "words", "speaker"), RULE_CASES.values(), ids=RULE_CASES.keys()
)
def test_rule_credits_its_case_and_names_itself(
    request: pytest.FixtureRequest, paragraphs: tuple[str, ...], words: str, speaker: str
) -> None:
    rule = request.node.callspec.id
    quotes = extract(*paragraphs)
    quote = next(q for q in quotes if q.text.startswith(words)) if quotes else None

    assert quote is not None, listing(quotes)
    assert quote.speaker_rule == rule, listing([quote])
    assert speaker in {quote.speaker, quote.speaker_as_written}, listing([quote])


def test_piece_that_continues_a_quotation_over_a_paragraph_break_takes_its_speaker() -> None:
    attributed = attribute_article(
        story(
            WREN_INTRO, 'Wren said: "The bridge is not safe.', '"It will stay shut until spring."'
        )
    )

    second = attributed.results[-1]
    assert second.rule == "continued"
    assert second.entity is not None and second.entity.name == "Tobias Wren"


def test_every_rule_has_a_case_and_plain_words() -> None:
    assert set(RULE_WORDS) == set(RULE_CASES) | _HIDDEN_BY_JOINING
    assert all(rule_words(name) for name in RULE_WORDS)


def test_quotation_without_a_speaker_names_no_rule() -> None:
    quote = find(extract(WREN_INTRO, '"The piers are cracked."'), "The piers are cracked.")

    assert quote.speaker_as_written is None
    assert quote.speaker_rule is None

"""A paste that joins two quotations by different people, each as printed, is `spliced` and
names both speakers, also when the pieces are short (five or six words) and made mostly of
common words, which no half of the paste singles out on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from bot.verifier.verdict import Attribution, Verdict
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import Article
from store.extract import extract_quotations

BOARD = Article(
    title="Harbour board meets over dredging",
    outlet="Meridian Wire",
    url="https://meridian-wire.example/board",
    published=dt.date(2025, 6, 3),
    text=(
        "Harbour board meets over dredging\n\n"
        '"We will not sit back and wait," said Rob Hale, a shop steward.\n\n'
        '"It is time to move on," said Ana Ruiz, a manager at Vexco.\n\n'
        '"Nobody told us about the plan," said Tom Vale, the chairman.\n\n'
        '"We have to do what is right," said Mia Cole, a councillor.'
    ),
)


@pytest.fixture
def verifier(archive: Archive) -> Iterator[Verifier]:
    archive.add(BOARD, extract_quotations(BOARD))
    yield Verifier(archive)


@pytest.mark.parametrize(
    ("paste", "speakers"),
    [
        (
            '"We will not sit back and wait. It is time to move on," said Rob Hale',
            ["Rob Hale", "Ana Ruiz"],
        ),
        (
            '"We will not sit back and wait, we have to do what is right," said Rob Hale',
            ["Rob Hale", "Mia Cole"],
        ),
        (
            '"It is time to move on; nobody told us about the plan" — Ana Ruiz',
            ["Ana Ruiz", "Tom Vale"],
        ),
    ],
)
def test_two_short_quotations_joined_are_spliced_and_both_named(
    verifier: Verifier, paste: str, speakers: list[str]
) -> None:
    [result] = verifier.check(paste)

    assert result.verdict is Verdict.SPLICED
    assert [match.speaker for match in result.matches] == speakers
    assert result.attribution is Attribution.DIFFERS


def test_one_short_quotation_with_words_of_its_own_is_not_a_splice(verifier: Verifier) -> None:
    [result] = verifier.check('"We will not sit back and wait, whatever the council decides"')

    assert result.verdict is not Verdict.SPLICED


#: Eight printings of one opening, each with an ending of its own: a paste of the opening
#: ranks them all above the quotation its second half comes from, which is then not among
#: the candidates aligned, and only a search of that half finds it.
OPENING = "The new dredging contract for the northern basin was signed without any public tender"
ENDINGS = [
    "last spring",
    "by the old board",
    "in a hurry",
    "over the summer",
    "before the vote",
    "despite the protests",
    "with no debate",
    "at night",
]
LATE = "Residents of Quayside Row were never consulted about the noise from the night shifts"


def test_a_splice_whose_second_source_ranks_below_many_printings_of_the_first_is_found(
    archive: Archive,
) -> None:
    said = [(f"{OPENING} {ending}", "Rob Hale") for ending in ENDINGS] + [(LATE, "Mia Cole")]
    for number, (words, speaker) in enumerate(said):
        article = Article(
            title=f"Basin contract {number}",
            outlet="Meridian Wire",
            url=f"https://meridian-wire.example/basin-{number}",
            published=dt.date(2025, 7, 1 + number),
            text=f'"{words}," said {speaker}.',
        )
        archive.add(article, extract_quotations(article))
    paste = f'"{OPENING}. Residents of Quayside Row were never consulted about the noise"'

    [result] = Verifier(archive).check(paste)

    assert result.verdict is Verdict.SPLICED
    assert [match.speaker for match in result.matches] == ["Rob Hale", "Mia Cole"]

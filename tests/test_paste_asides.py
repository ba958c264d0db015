"""A paste that leaves an aside ("as everyone here knows") or a hedge ("it seems likely that")
out of a long quotation is `wording_differs`, with the words left out listed; leaving out a
hedge changes what the speaker claimed, and the answer says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from bot.verifier.verdict import Verdict, WordChange
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import Article
from store.extract import extract_quotations

DEPOT = Article(
    title="Vexco to close its Quay Street warehouse",
    outlet="Meridian Wire",
    url="https://meridian-wire.example/warehouse",
    published=dt.date(2025, 4, 9),
    text=(
        "Vexco to close its Quay Street warehouse\n\n"
        '"The new sorting hall will open in June, and it seems likely that the old warehouse '
        'on Quay Street will close before the winter," said Ana Ruiz, a Vexco manager.\n\n'
        '"The union has not been consulted, and as everyone here knows, nobody on the night '
        'shift will accept another cut to their hours," said Rob Hale, a shop steward.'
    ),
)


@pytest.fixture
def verifier(archive: Archive) -> Iterator[Verifier]:
    archive.add(DEPOT, extract_quotations(DEPOT))
    yield Verifier(archive)


def test_a_dropped_aside_is_a_wording_difference_listing_the_aside(verifier: Verifier) -> None:
    [result] = verifier.check(
        '"The union has not been consulted, and nobody on the night shift will accept another '
        'cut to their hours," said Rob Hale'
    )

    assert result.verdict is Verdict.WORDING_DIFFERS
    assert result.matches[0].diff == (WordChange("delete", "", "as everyone here knows"),)
    assert not any("hedge" in note for note in result.notes)


def test_a_dropped_hedge_is_a_wording_difference_that_says_the_meaning_changed(
    verifier: Verifier,
) -> None:
    [result] = verifier.check(
        '"The new sorting hall will open in June, and the old warehouse on Quay Street will '
        'close before the winter," said Ana Ruiz'
    )

    assert result.verdict is Verdict.WORDING_DIFFERS
    assert result.matches[0].diff == (WordChange("delete", "", "it seems likely that"),)
    [note] = [note for note in result.notes if "hedge" in note]
    assert "“it seems likely that”" in note
    assert "changes its meaning" in note


@pytest.mark.parametrize(
    "paste",
    [
        '"The union has not been consulted, and as everyone here knows, nobody on the night '
        'shift will accept another cut to their hours"',
        '"The new sorting hall will open in June"',
    ],
)
def test_the_whole_quotation_or_an_excerpt_is_still_verified(
    verifier: Verifier, paste: str
) -> None:
    [result] = verifier.check(paste)

    assert result.verdict is Verdict.VERIFIED
    assert result.notes == ()


def test_a_hedge_made_certain_is_said_to_change_the_meaning(verifier: Verifier) -> None:
    [result] = verifier.check(
        '"The new sorting hall will open in June, and it is certain that the old warehouse on '
        'Quay Street will close before the winter," said Ana Ruiz'
    )

    assert result.verdict is Verdict.WORDING_DIFFERS
    [note] = [note for note in result.notes if "hedge" in note]
    assert note.startswith("The paste changes “seems likely”")

"""The claimed speaker read from a paste as fact-checkers write credits in Slack: a link to the
story after the name, the name in bold or italics, the organisation before it (`Vexco's Ana
Ruiz`), a form of address (`Sir Tom Vale`). The speaker is the name alone, and it matches the
archive's speaker; the link is where the paste came from, never part of the name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from bot.verifier.query import parse_query
from bot.verifier.verdict import Attribution, Verdict
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import Article
from store.extract import extract_quotations

QUOTE = '"We will not sit back while the quay silts up,"'
LINK = "<https://news.example/a|Meridian Wire>"


@pytest.mark.parametrize(
    ("credit", "speaker"),
    [
        (f" said Rob Hale {LINK}", "Rob Hale"),
        (f" said Rob Hale ({LINK})", "Rob Hale"),
        (" said Rob Hale <https://news.example/a>", "Rob Hale"),
        (" said Rob Hale https://news.example/a", "Rob Hale"),
        (f" — Rob Hale, via {LINK}", "Rob Hale"),
        (" said *Rob Hale*", "Rob Hale"),
        (" said _Rob Hale_", "Rob Hale"),
        (" — *Rob Hale*", "Rob Hale"),
        (" — Vexco's Ana Ruiz", "Ana Ruiz"),
        (" said Vexco’s Ana Ruiz", "Ana Ruiz"),
        (" said Sir Tom Vale", "Tom Vale"),
        (" said Dr Tom Vale.", "Tom Vale"),
        (" — Dame Ana Ruiz", "Ana Ruiz"),
        (" said Lord Tom Vale", "Tom Vale"),
        (" said Ms Ana Ruiz", "Ana Ruiz"),
        (" — Mr. Rob Hale", "Rob Hale"),
    ],
)
def test_claimed_speaker_is_the_name_alone(credit: str, speaker: str) -> None:
    parsed = parse_query(QUOTE + credit)

    assert parsed.claimed_speaker == speaker
    assert parsed.quotes == ("We will not sit back while the quay silts up",)


def test_the_link_is_kept_as_the_source_and_the_possessive_as_the_organisation() -> None:
    linked = parse_query(f"{QUOTE} said Rob Hale ({LINK})")
    owned = parse_query(f"{QUOTE} — Vexco's Ana Ruiz")

    assert linked.source == "Meridian Wire"
    assert owned.organisation == "Vexco"


def test_a_link_alone_after_the_quote_credits_nobody() -> None:
    assert parse_query(f"{QUOTE} {LINK}").claimed_speaker is None


QUAY = Article(
    title="Harbour board argues over dredging",
    outlet="Meridian Wire",
    url="https://meridian-wire.example/dredging",
    published=dt.date(2025, 6, 3),
    text=(
        "Harbour board argues over dredging\n\n"
        '"The quay needs dredging before any new ships can berth there," said Sir Tom Vale, '
        "the chairman of the harbour board.\n\n"
        '"Our drivers cannot wait three days at the gate for a berth," said Ana Ruiz, who runs '
        "logistics at Vexco."
    ),
)


@pytest.fixture
def verifier(archive: Archive) -> Iterator[Verifier]:
    archive.add(QUAY, extract_quotations(QUAY))
    yield Verifier(archive)


@pytest.mark.parametrize(
    "paste",
    [
        '"Our drivers cannot wait three days at the gate for a berth" — Vexco\'s Ana Ruiz',
        '"Our drivers cannot wait three days at the gate for a berth," said *Ana Ruiz* '
        "<https://news.example/b|BBC>",
        '"The quay needs dredging before any new ships can berth there," said Sir Tom Vale',
        '"The quay needs dredging before any new ships can berth there," said Tom Vale',
        '"The quay needs dredging before any new ships can berth there" — Lord Vale',
    ],
)
def test_credit_matches_the_archive_speaker(verifier: Verifier, paste: str) -> None:
    [result] = verifier.check(paste)

    assert result.verdict is Verdict.VERIFIED
    assert result.attribution is Attribution.MATCHES

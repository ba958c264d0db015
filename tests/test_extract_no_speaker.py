"""Extraction: organisations and groups speak as written; a quotation without a credible speaker
(a sign, a slogan, an anonymous source, no cue and nobody before it) has `speaker` None:
a newsroom would rather have no speaker than a wrong one.

The people, places and outlets are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import WREN_INTRO, bare, extract, find, listing

from store.quotation import Kind

# --- organisations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "quotation", "organisation"),
    [
        (
            (
                '"Supplies will be back by Thursday," the Brackwater Water Board said in a '
                "statement.",
            ),
            "Supplies will be back by Thursday",
            "Brackwater Water Board",
        ),
        (
            (
                "The Brackwater Water Board replaced the main under Quay Street overnight.",
                '"Supplies will be back by Thursday," the board said.',
            ),
            "Supplies will be back by Thursday",
            "Brackwater Water Board",
        ),
        (
            ('The Fenmoor Growers\' Association said: "Our members will not sell below cost."',),
            "Our members will not sell below cost.",
            "Fenmoor Growers' Association",
        ),
        (
            ('"We have diverted every lorry we can," Marrowgate Logistics said on Monday.',),
            "We have diverted every lorry we can",
            "Marrowgate Logistics",
        ),
    ],
    ids=["named-in-the-attribution", "the-board-said", "apostrophe-in-the-name", "company"],
)
def test_organisation_is_the_speaker_without_a_role(
    paragraphs: tuple[str, ...], quotation: str, organisation: str
) -> None:
    quotes = extract("Quay Street was without water for two days.", *paragraphs)

    quote = find(quotes, quotation)
    assert bare(quote.speaker) == organisation
    assert quote.speaker_role is None


# --- no credible speaker ---------------------------------------------------------------------

NO_SPEAKER: dict[str, tuple[tuple[str, ...], str]] = {
    "sign": (
        (
            WREN_INTRO,
            'A sign on the barrier read "BRIDGE CLOSED. USE FERRY." Wren said the ferry would '
            "run every half hour.",
        ),
        "BRIDGE CLOSED. USE FERRY.",
    ),
    "slogan-on-banners": (
        (WREN_INTRO, 'Banners along the quay read "Hands off our bridge" on Saturday morning.'),
        "Hands off our bridge",
    ),
    "slogan-chanted-by-a-crowd": (
        (WREN_INTRO, 'About 200 people marched to the town hall chanting "Fix it now!"'),
        "Fix it now!",
    ),
    "anonymous-source": (
        (
            WREN_INTRO,
            '"We were told to keep quiet about the cracks," said one county worker, who asked '
            "not to be named.",
        ),
        "We were told to keep quiet about the cracks",
    ),
    "no-cue-and-nobody-before": (
        (
            "The Mill Lane bridge was closed on Monday, and the ferry has taken its traffic.",
            '"The water came up to the second step."',
            "The river has risen by a metre since Friday.",
        ),
        "The water came up to the second step.",
    ),
    "subordinate-clause-after-the-quotation": (
        (
            "Ines Varga, a ferry pilot, spoke on Monday.",
            'Pilots say he was "sort of sitting on both banks" until Varga said she was leaving.',
        ),
        "sort of sitting on both banks",
    ),
    "group-saying-what-someone-else-did": (
        (
            WREN_INTRO,
            'That is why rowers claim he had meant to "abandon" the bridge from the start.',
        ),
        "abandon",
    ),
    "new-sentence-opening-with-and-after-the-quotation": (
        (
            "The Mill Lane bridge was closed on Monday.",
            'The engineers would not say when it reopens, answering only that it is "in hand." '
            "And Tobias Wren, the county engineer, said he had not been asked.",
        ),
        "in hand.",
    ),
    "new-sentence-with-a-that-clause-after-the-quotation": (
        (
            "The Mill Lane bridge was closed on Monday.",
            'The council went further, accusing the divers of "scaremongering." Tobias Wren '
            "suggested that the piers were sound.",
        ),
        "scaremongering.",
    ),
    "sentence-opening-it-is-nobody": (
        (
            "The Harlow Rowing Club said on Monday it would move the regatta.",
            'It was only last spring that the bridge was called "the safest in the county."',
        ),
        "the safest in the county.",
    ),
}


@pytest.mark.parametrize(("paragraphs", "quotation"), NO_SPEAKER.values(), ids=NO_SPEAKER.keys())
def test_quotation_without_a_credible_speaker_has_none(
    paragraphs: tuple[str, ...], quotation: str
) -> None:
    quotes = extract(*paragraphs)

    quote = find(quotes, quotation)
    assert quote.speaker is None, listing([quote])
    assert quote.speaker_role is None


# --- groups ----------------------------------------------------------------------------------


@pytest.mark.parametrize("group", ["County engineers", "Legal observers", "Aides to the mayor"])
def test_group_of_role_holders_is_the_speaker_as_written(group: str) -> None:
    quotes = extract(WREN_INTRO, f'{group} say the bridge is "beyond repair."')

    quote = find(quotes, "beyond repair.")
    assert quote.speaker is None  # a group, not one person to name
    assert quote.speaker_as_written == group


@pytest.mark.parametrize(
    "group",
    [
        "Residents of the town",
        "Farmers in the north",
        "Doctors across the county",
        "Supporters of harbour master Tobias Wren",
        "Aides to Councillor Tobias Wren",
    ],
)
def test_people_placed_by_a_preposition_report_as_a_group(group: str) -> None:
    """ "Residents of the town say …", "farmers in the north say …": the people are the
    subject, not the place (and "say" after "town" is still their verb); "supporters of
    harbour master Tobias Wren say" is not Wren."""
    quotes = extract(WREN_INTRO, f"{group} say the bridge is beyond repair and must close.")
    written = group.split()[0]

    statement = find(quotes, "the bridge is beyond repair and must close")
    assert statement.kind is Kind.REPORTED, listing(quotes)
    assert statement.speaker is None, listing(quotes)
    assert (statement.speaker_as_written or "").startswith(written), listing(quotes)

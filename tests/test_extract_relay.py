"""Extraction: the outlet a speaker spoke to (`reported_to`) and the outlet that relayed (`via`).

`reported_to` is "she told the Tidewater Herald"; `via` is "per Lantern News Service",
"according to the Tidewater Herald", "per a copy of the letter obtained by Radio Kestrel", and
"per the outlet" is the outlet named last. An abbreviation is expanded when the article defines
it ("Lowmoor Public Radio (LPR)") or when it shortens the article's own outlet ("told the
Gazette" in a Senn Valley Gazette article). Only outlets count: "told reporters" is no outlet.
Names are compared without a leading "the". The people, places and outlets are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import bare, extract, find, listing

from store.quotation import Kind

PIKE_INTRO = "Mayor Lorna Pike toured the closed Mill Lane bridge on Tuesday."
APPEAL = "The town will appeal the ruling"

# --- reported_to -----------------------------------------------------------------------------

REPORTED_TO: dict[str, tuple[tuple[str, ...], str, str | None]] = {
    "told-outlet-after": (
        (PIKE_INTRO, f'"{APPEAL}," Pike told the Tidewater Herald.'),
        APPEAL,
        "Tidewater Herald",
    ),
    "told-outlet-colon": (
        (PIKE_INTRO, f'Pike told Radio Kestrel: "{APPEAL}."'),
        f"{APPEAL}.",
        "Radio Kestrel",
    ),
    "pronoun-told-outlet-on-day": (
        (PIKE_INTRO, f'"{APPEAL}," she told Brackwater News on Wednesday.'),
        APPEAL,
        "Brackwater News",
    ),
    "told-outlet-that": (
        (PIKE_INTRO, "Pike told the Tidewater Herald that the town would appeal the ruling."),
        "the town would appeal the ruling",
        "Tidewater Herald",
    ),
    "in-an-interview-with-outlet": (
        (PIKE_INTRO, f'Pike said in an interview with Radio Kestrel: "{APPEAL}."'),
        f"{APPEAL}.",
        "Radio Kestrel",
    ),
    "told-reporters": (
        (PIKE_INTRO, f'"{APPEAL}," Pike told reporters.'),
        APPEAL,
        None,
    ),
    "told-a-crowd": (
        (PIKE_INTRO, f'"{APPEAL}," Pike told a crowd outside the town hall.'),
        APPEAL,
        None,
    ),
    "told-the-committee": (
        (PIKE_INTRO, f'"{APPEAL}," Pike told the Works Committee.'),
        APPEAL,
        None,
    ),
    "told-a-person": (
        (
            PIKE_INTRO,
            "Councillor Ivo Brisk chairs the works committee.",
            f'"{APPEAL}," Pike told Brisk after the meeting.',
        ),
        APPEAL,
        None,
    ),
    "said-without-outlet": ((PIKE_INTRO, f'"{APPEAL}," Pike said.'), APPEAL, None),
}


@pytest.mark.parametrize(
    ("paragraphs", "quotation", "outlet"), REPORTED_TO.values(), ids=REPORTED_TO.keys()
)
def test_reported_to_is_the_outlet_the_speaker_spoke_to(
    paragraphs: tuple[str, ...], quotation: str, outlet: str | None
) -> None:
    quote = find(extract(*paragraphs), quotation)

    assert quote.speaker == "Lorna Pike"
    assert bare(quote.reported_to) == outlet
    assert quote.via is None


def test_abbreviation_the_article_defines_is_expanded() -> None:
    quotes = extract(
        PIKE_INTRO,
        '"We were never shown the report," Pike told Lowmoor Public Radio (LPR).',
        "Tobias Wren, the county engineer, closed the bridge on Monday.",
        '"The report was on the county website," Wren told LPR.',
    )

    quote = find(quotes, "The report was on the county website")
    assert quote.reported_to == "Lowmoor Public Radio"


@pytest.mark.parametrize(
    ("outlet", "short"),
    [
        ("The Senn Valley Gazette", "the Gazette"),
        ("Lowmoor Public Radio", "LPR"),
        ("Bayside Insider", "BI"),
    ],
)
def test_short_name_of_the_articles_own_outlet_is_expanded(outlet: str, short: str) -> None:
    quotes = extract(PIKE_INTRO, f'"{APPEAL}," she told {short}.', outlet=outlet)

    assert find(quotes, APPEAL).reported_to == outlet


def test_short_name_of_an_outlet_named_earlier_is_expanded() -> None:
    quotes = extract(
        "The Tidewater Herald first reported the cracks in the bridge last week.",
        PIKE_INTRO,
        f'"{APPEAL}," Pike told the Herald.',
        outlet="Lowmoor Public Radio",
    )

    assert bare(find(quotes, APPEAL).reported_to) == "Tidewater Herald"


def test_second_part_of_a_split_quotation_keeps_reported_to() -> None:
    quotes = extract(PIKE_INTRO, f'"{APPEAL}," Pike told Radio Kestrel. "And we will win."')

    assert find(quotes, "And we will win.").reported_to == "Radio Kestrel"


# --- via ---------------------------------------------------------------------------------------

VIA: dict[str, tuple[tuple[str, ...], str, str | None]] = {
    "per-outlet": (
        (PIKE_INTRO, 'Pike called the ruling "a disgrace," per Lantern News Service.'),
        "a disgrace",
        "Lantern News Service",
    ),
    "according-to-the-outlet": (
        (PIKE_INTRO, 'Pike called the ruling "a disgrace," according to the Tidewater Herald.'),
        "a disgrace",
        "Tidewater Herald",
    ),
    "according-to-capitalised-the": (
        (PIKE_INTRO, f'"{APPEAL}," Pike said, according to The Corbel Times.'),
        APPEAL,
        "Corbel Times",
    ),
    "per-a-copy-obtained-by": (
        (
            PIKE_INTRO,
            'In a letter to the county, Pike wrote that the ruling was "a disgrace," per a copy '
            "of the letter obtained by Radio Kestrel.",
        ),
        "a disgrace",
        "Radio Kestrel",
    ),
    "per-the-outlet-named-last": (
        (
            "Lantern News Service reported on Monday that the bridge had failed an inspection "
            "in 2023. The Tidewater Herald later published the inspection report.",
            PIKE_INTRO,
            'Pike called the report "a scandal," per the outlet.',
        ),
        "a scandal",
        "Tidewater Herald",
    ),
    "sentence-closed-by-reported-outlet": (
        (
            PIKE_INTRO,
            'Pike noted that the ruling was "a disgrace" for the ferry, reported Radio Kestrel.',
        ),
        "a disgrace",
        "Radio Kestrel",
    ),
    "quote-said-name-appositive-reports-outlet": (
        (
            PIKE_INTRO,
            '"It is a disgrace," said Pike, who runs the ferry service, reports Harlow Today.',
        ),
        "It is a disgrace",
        "Harlow Today",
    ),
    "according-to-a-person-is-no-outlet": (
        (
            PIKE_INTRO,
            "Tobias Wren, the county engineer, was at the meeting.",
            'Pike called the ruling "a disgrace," according to Wren.',
        ),
        "a disgrace",
        None,
    ),
    "according-to-a-statement-is-no-outlet": (
        (PIKE_INTRO, 'Pike called the ruling "a disgrace," according to a statement.'),
        "a disgrace",
        None,
    ),
}


@pytest.mark.parametrize(("paragraphs", "quotation", "outlet"), VIA.values(), ids=VIA.keys())
def test_via_is_the_outlet_that_relayed_the_words(
    paragraphs: tuple[str, ...], quotation: str, outlet: str | None
) -> None:
    quote = find(extract(*paragraphs), quotation)

    assert quote.speaker == "Lorna Pike"
    assert bare(quote.via) == outlet
    assert quote.reported_to is None


def test_via_of_reported_speech() -> None:
    quotes = extract(
        PIKE_INTRO,
        "Pike said the town would appeal the ruling, according to the Tidewater Herald.",
    )

    quote = find(quotes, "the town would appeal the ruling")
    assert quote.kind == Kind.REPORTED
    assert bare(quote.via) == "Tidewater Herald"


def test_reported_to_and_via_together() -> None:
    quotes = extract(
        PIKE_INTRO,
        f'"{APPEAL}," Pike told Radio Kestrel, per Lantern News Service.',
    )

    quote = find(quotes, APPEAL)
    assert (bare(quote.reported_to), bare(quote.via)) == (
        "Radio Kestrel",
        "Lantern News Service",
    ), listing(quotes)


def test_via_belongs_to_its_own_sentence_only() -> None:
    quotes = extract(
        PIKE_INTRO,
        'Pike called the ruling "a disgrace," per Lantern News Service.',
        '"We will take it to the High Court," she said on Thursday.',
    )

    assert find(quotes, "We will take it to the High Court").via is None

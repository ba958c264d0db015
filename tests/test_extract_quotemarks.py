"""Extraction: which marks open and close a quotation, and where a quotation is in its article.

Straight, curly and single quotation marks and guillemets all quote; an apostrophe (it's, the
divers' report, the '90s) never does; a quotation may run over several paragraphs, each opening
with a mark and only the last closing; a quotation may hold another; a mark that never closes
quotes nothing beyond its paragraph; titles and nicknames between marks are not speech.
The people, places and outlets are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import (
    extract,
    find,
    find_all,
    listing,
    paragraph_around,
    quoted,
    story,
    words,
)

from store.extract import extract_quotations
from store.quotation import Kind

BRIDGE_INTRO = (
    "Tobias Wren, the county engineer, closed the Mill Lane bridge on Monday after divers "
    "found cracks in two of its piers."
)
UNSAFE = "The bridge is not safe for anyone to cross"


# --- each style of mark pairs with its own closing mark ----------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (f'"{UNSAFE}," Wren said.', UNSAFE),
        (f"“{UNSAFE},” Wren said.", UNSAFE),
        (f"'{UNSAFE},' Wren said.", UNSAFE),
        (f"‘{UNSAFE},’ Wren said.", UNSAFE),
        (f"Wren wrote on the county’s website: «{UNSAFE}.»", f"{UNSAFE}."),
    ],
    ids=["straight", "curly", "straight-single", "curly-single", "guillemets"],
)
def test_every_style_of_quotation_mark_quotes(paragraph: str, expected: str) -> None:
    quotes = extract(BRIDGE_INTRO, paragraph)

    quote = find(quotes, expected)
    assert quote.kind == Kind.DIRECT
    assert quote.speaker == "Tobias Wren"


def test_start_and_end_index_the_article_text() -> None:
    article = story(BRIDGE_INTRO, f"“{UNSAFE},” Wren said.")

    quote = find(extract_quotations(article), UNSAFE)

    assert quote.start == article.text.index(UNSAFE)
    assert article.text[quote.start : quote.end] == quote.text
    assert words(quote.text) == UNSAFE


def test_context_is_the_paragraph_around_the_quotation() -> None:
    paragraph = f"Divers will go down again on Friday. “{UNSAFE},” Wren said after the inspection."
    article = story(BRIDGE_INTRO, paragraph, "The county has set up a ferry in the meantime.")

    quote = find(extract_quotations(article), UNSAFE)

    assert quote.context == paragraph
    assert quote.context_start == article.text.index(paragraph)


def test_quotations_in_a_row_are_paired_in_order() -> None:
    quotes = extract(
        BRIDGE_INTRO,
        '"The left pier is the worse of the two," Wren said. "The right one might last a year."',
        '"We will know more on Friday," he added.',
    )

    assert [words(q.text) for q in quoted(quotes)] == [
        "The left pier is the worse of the two",
        "The right one might last a year.",
        "We will know more on Friday",
    ], listing(quotes)


# --- apostrophes are not quotation marks -----------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "'It's the county's bridge, and it's the county's job to fix it,' Wren said.",
            "It's the county's bridge, and it's the county's job to fix it",
        ),
        (
            "‘It’s the county’s bridge, and it’s the county’s job to fix it,’ Wren said.",
            "It’s the county’s bridge, and it’s the county’s job to fix it",
        ),
        (
            "'The divers' report is clear, and the engineers' advice is to shut it,' Wren said.",
            "The divers' report is clear, and the engineers' advice is to shut it",
        ),
        (
            "'We haven't closed it since the '90s, and I'd rather not have to now,' Wren said.",
            "We haven't closed it since the '90s, and I'd rather not have to now",
        ),
        (
            "‘The piers were last rebuilt in the ’80s, and it shows,’ Wren said.",
            "The piers were last rebuilt in the ’80s, and it shows",
        ),
        (
            "'This is the divers' call, not the councillors',' Wren said.",
            "This is the divers' call, not the councillors'",
        ),
        (
            "\"We will not pay for the Fishers' Guild's mistakes,\" Wren said.",
            "We will not pay for the Fishers' Guild's mistakes",
        ),
    ],
    ids=[
        "its-straight",
        "its-curly",
        "plural-possessives",
        "decade-straight",
        "decade-curly",
        "possessive-before-closing-mark",
        "possessives-inside-double-quotes",
    ],
)
def test_apostrophes_inside_a_quotation_do_not_end_it(paragraph: str, expected: str) -> None:
    quotes = extract(BRIDGE_INTRO, paragraph)

    quote = find(quotes, expected)
    assert quote.speaker == "Tobias Wren"
    assert len(quoted(quotes)) == 1, listing(quotes)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The growers' co-operative, founded in the '70s, blames the county's drainage ditches "
        "for the flooding, and it's not alone: the Pruitts' farm has flooded twice since spring.",
        "The growers’ co-operative, founded in the ’70s, blames the county’s drainage ditches "
        "for the flooding, and it’s not alone: the Pruitts’ farm has flooded twice since spring.",
        "The Tollbridge Inn's landlord still puts on rock 'n' roll nights on Fridays, and "
        "Saturday's regatta goes ahead 'cause the river's calm below the weir.",
    ],
    ids=["straight", "curly", "rock-n-roll"],
)
def test_apostrophes_alone_quote_nothing(paragraph: str) -> None:
    quotes = extract(BRIDGE_INTRO, paragraph)

    assert quoted(quotes) == [], listing(quotes)


# --- a quotation over several paragraphs -----------------------------------------------------

STATEMENT_PARTS = (
    "We have run this festival for thirty years without cancelling a single night. "
    "We are not going to start now.",
    "The river is high, but the stage is higher.",
    "We open on Friday, as we always do.",
)
STATEMENT_MARKS = {"curly": ("“", "”"), "straight": ('"', '"'), "straight-single": ("'", "'")}


def festival_story(opening: str, closing: str) -> list[str]:
    first, middle, last = STATEMENT_PARTS
    return [
        "Okonkwo Adair, the festival's director, read a statement to volunteers on Thursday night:",
        f"{opening}{first}",
        f"{opening}{middle}",
        f"{opening}{last}{closing}",
        "The county has asked organisers to move the main stage back from the riverbank.",
        f"{opening}We will be ready,{closing} Adair said on Friday morning.",
    ]


@pytest.mark.parametrize("marks", STATEMENT_MARKS.values(), ids=STATEMENT_MARKS.keys())
def test_quotation_over_several_paragraphs_is_one_quotation(marks: tuple[str, str]) -> None:
    article = story(*festival_story(*marks))

    quotes = extract_quotations(article)

    whole = find(quotes, " ".join(STATEMENT_PARTS))
    assert whole.kind == Kind.DIRECT
    assert whole.speaker == "Okonkwo Adair"
    assert whole.start == article.text.index(STATEMENT_PARTS[0])
    assert whole.end == article.text.index(STATEMENT_PARTS[-1]) + len(STATEMENT_PARTS[-1])
    for part in STATEMENT_PARTS:
        assert find_all(quotes, part) == [], f"{part!r} extracted on its own:\n{listing(quotes)}"


@pytest.mark.parametrize("marks", STATEMENT_MARKS.values(), ids=STATEMENT_MARKS.keys())
def test_context_of_a_quotation_over_several_paragraphs_holds_all_of_them(
    marks: tuple[str, str],
) -> None:
    article = story(*festival_story(*marks))

    whole = find(extract_quotations(article), " ".join(STATEMENT_PARTS))

    assert article.text[whole.context_start :].startswith(whole.context)
    for part in STATEMENT_PARTS:
        assert part in whole.context


@pytest.mark.parametrize("marks", STATEMENT_MARKS.values(), ids=STATEMENT_MARKS.keys())
def test_marks_after_a_quotation_over_several_paragraphs_pair_as_usual(
    marks: tuple[str, str],
) -> None:
    article = story(*festival_story(*marks))

    later = find(extract_quotations(article), "We will be ready")

    assert article.text[later.start : later.end] == later.text
    assert later.speaker == "Okonkwo Adair"


def test_long_quotation_in_straight_marks_holds_curly_quotations_inside() -> None:
    article = story(
        "Okonkwo Adair, the festival's director, read a statement on Thursday night:",
        '"The county no longer stands for “a festival for everyone” at all. It never did.',
        '"Its “safety plan” moves the stage back from the river and calls it progress.',
        '"We will be ready anyway."',
    )

    quotes = extract_quotations(article)

    whole = next(q for q in quotes if q.text.startswith("The county no longer"))
    assert whole.text.endswith("We will be ready anyway.")
    assert whole.speaker == "Okonkwo Adair"
    assert find(quotes, "safety plan").start > whole.start


def test_paragraph_wrapped_in_a_stray_straight_mark_keeps_its_curly_quotation() -> None:
    quotes = extract_quotations(
        story(
            "Okonkwo Adair spoke to the volunteers.",
            '"“We will be ready,” Adair said before adding that the stage would move."',
        )
    )

    assert find(quotes, "We will be ready").speaker == "Okonkwo Adair"


# --- a quotation inside a quotation ------------------------------------------------------------

BRISK_INTRO = (
    "Councillor Ivo Brisk, who chairs the works committee, voted in January against paying "
    "for repairs to the bridge."
)
INNER = "There is no money for the bridge"


@pytest.mark.parametrize(
    ("outer_marks", "inner_marks"),
    [(("“", "”"), ("‘", "’")), (('"', '"'), ("'", "'")), (("'", "'"), ('"', '"'))],
    ids=["curly", "straight", "british"],
)
def test_nested_quotation_is_its_own_quotation_inside_the_outer_one(
    outer_marks: tuple[str, str], inner_marks: tuple[str, str]
) -> None:
    (open_outer, close_outer), (open_inner, close_inner) = outer_marks, inner_marks
    outer = (
        f"Brisk stood up at the meeting and told us, {open_inner}{INNER},{close_inner} "
        "and then he sat down again"
    )
    article = story(
        BRISK_INTRO,
        f"{open_outer}{outer},{close_outer} said Rosalind Achter, who runs the bakery on "
        "Mill Lane.",
    )

    quotes = extract_quotations(article)

    whole, inner = find(quotes, outer), find(quotes, INNER)
    assert whole.speaker == "Rosalind Achter"
    assert inner.speaker == "Ivo Brisk"
    assert whole.start < inner.start < inner.end < whole.end
    assert article.text[inner.start : inner.end] == inner.text


def test_nested_quotation_of_an_unnamed_person_has_no_speaker() -> None:
    outer = "My father always said, 'Never sell the boat,' and I never have"
    quotes = extract(
        "Trawlermen on the Senn say the new moorings fees will drive them off the river.",
        f'"{outer}," said Hollis Marrow, 70, who has fished out of Brackwater since 1971.',
    )

    assert find(quotes, outer).speaker == "Hollis Marrow"
    assert find(quotes, "Never sell the boat").speaker is None


# --- a mark that never closes ------------------------------------------------------------------

WATER_PARAGRAPHS = (
    "Engineers worked through the night to replace the main under Quay Street.",
    "Shops on the street stayed open, and the bakery handed out bottled water.",
)
WATER_QUOTE = "We expect the water back on by Thursday"


@pytest.mark.parametrize(
    ("opening", "closing"), [("“", "”"), ('"', '"')], ids=["curly", "straight"]
)
def test_unclosed_mark_quotes_nothing_beyond_its_paragraph(opening: str, closing: str) -> None:
    article = story(
        "The first notice, taped to the door of the post office on Monday, began "
        f"{opening}Residents are advised that supplies may be interrupted until further",
        WATER_PARAGRAPHS[0],
        f"{opening}{WATER_QUOTE},{closing} said Gwen Tallis, a spokeswoman for the water board.",
        WATER_PARAGRAPHS[1],
    )

    quotes = extract_quotations(article)

    found = find(quotes, WATER_QUOTE)
    assert found.speaker == "Gwen Tallis"
    for quote in quotes:
        assert "\n\n" not in article.text[quote.start : quote.end], listing(quotes)
        assert not any(p in quote.text for p in WATER_PARAGRAPHS), listing(quotes)


def test_inch_mark_does_not_open_a_quotation() -> None:
    quotes = extract(
        'Crews laid a 12" pipe under Mill Lane on Tuesday and will lay a second next week.',
        '"It went in without a hitch," said Dario Vell, the site foreman.',
        "The lane reopens to traffic on Saturday.",
    )

    assert [words(q.text) for q in quoted(quotes)] == ["It went in without a hitch"], listing(
        quotes
    )
    assert find(quotes, "It went in without a hitch").speaker == "Dario Vell"


@pytest.mark.parametrize("height", ["6’2”", "5'11\""], ids=["curly", "straight"])
def test_height_in_feet_and_inches_does_not_close_a_quotation(height: str) -> None:
    opening, closing = ("“", "”") if "’" in height else ('"', '"')
    quotes = extract(
        "Dario Vell, the site foreman, laughed about the new crane operator.",
        f"{opening}He towers over the rest of us; he's like {height},{closing} Vell said.",
    )

    quote = find(quotes, f"He towers over the rest of us; he's like {height}")
    assert quote.speaker == "Dario Vell"


def test_closing_mark_opening_a_paragraph_opens_a_quotation() -> None:
    quotes = extract(
        "The regatta was cancelled on Monday.",
        "” … in the case of the regatta, the river has already won,” wrote the Tidewater Herald "
        "magazine. “Nobody rows in a flood.”",
    )

    first = find(quotes, "… in the case of the regatta, the river has already won")
    assert first.speaker_as_written == "the Tidewater Herald magazine"
    assert find(quotes, "Nobody rows in a flood.").speaker_as_written == (
        "the Tidewater Herald magazine"
    )


# --- titles, names and terms between marks are not speech -----------------------------------

REGATTA = (
    'Fenella "Flash" Okoro, who has won the Senn regatta three years running, will race again '
    "in June. Her coach, Marek “Heron” Dobrowski, thinks she can win a fourth title.",
    'Her rowing club screened the documentary "Against the Current" at the Tollbridge Inn on '
    'Saturday, and the landlord played "Rolling Home" on the piano afterwards.',
    "Okoro was the model for the rower in the radio serial 'The Long Tide', which ran for six "
    "seasons. Her memoir, “The River Owes Me Nothing,” comes out in May.",
    'The so-called "blue mile," the stretch of river between the two bridges, will be closed '
    "to motor boats on race day. The club's new boat is named “Second Wind.”",
    '"I have unfinished business on this river," Okoro said.',
)
NOT_SPEECH = (
    "Flash",
    "Heron",
    "Against the Current",
    "Rolling Home",
    "The Long Tide",
    "The River Owes Me Nothing",
    "blue mile",
    "Second Wind.",
)


@pytest.mark.parametrize("words_between_marks", NOT_SPEECH)
def test_titles_nicknames_and_terms_are_not_quotations(words_between_marks: str) -> None:
    quotes = extract(*REGATTA)

    holding = [q for q in quoted(quotes) if words_between_marks.rstrip(".") in q.text]
    assert holding == [], listing(quotes)


def test_quotation_beside_titles_and_nicknames_is_still_found() -> None:
    quotes = extract(*REGATTA)

    quote = find(quotes, "I have unfinished business on this river")
    assert quote.kind == Kind.DIRECT
    assert quote.speaker == "Fenella Okoro"


# --- offsets and context hold for every quotation ----------------------------------------

SINGLE_PARAGRAPH_STORIES = {
    "bridge": (
        BRIDGE_INTRO,
        f"“{UNSAFE},” Wren said. ‘It’s the county’s job to fix it.’",
        "Divers' reports from the '90s show the same cracks, according to Wren.",
    ),
    "nested": (BRISK_INTRO, f"“Brisk told us, ‘{INNER},’ and sat down,” said Rosalind Achter."),
    "regatta": REGATTA,
    "water": (
        "The first notice on the post office door began “Residents are advised that supplies",
        *WATER_PARAGRAPHS,
        f'"{WATER_QUOTE}," said Gwen Tallis, a spokeswoman for the water board.',
    ),
}


@pytest.mark.parametrize("name", SINGLE_PARAGRAPH_STORIES)
def test_every_quotation_indexes_its_words_and_paragraph(name: str) -> None:
    article = story(*SINGLE_PARAGRAPH_STORIES[name])

    quotes = extract_quotations(article)

    assert quotes, "nothing extracted"
    for quote in quotes:
        assert article.text[quote.start : quote.end] == quote.text, quote
        start, end = paragraph_around(article.text, quote.start)
        assert (quote.context_start, quote.context) == (start, article.text[start:end]), quote


# --- the doubled marks of older archives: ''so'' and ``so'' ---------------------------------


@pytest.mark.parametrize(("opening", "closing"), [("''", "''"), ("``", "''")])
def test_doubled_marks_quote_as_double_marks_do(opening: str, closing: str) -> None:
    quotations = extract(
        "Bridge closed",
        BRIDGE_INTRO,
        f"{opening}{UNSAFE},{closing} Mr. Wren said. He called the repairs "
        f"{opening}a job for the summer{closing} and left.",
        f"{opening}We will not reopen the bridge before May,{closing} said Ines Varga, the "
        "harbour master.",
    )
    unsafe = find(quotations, UNSAFE)
    assert (unsafe.kind, unsafe.speaker) == (Kind.DIRECT, "Tobias Wren"), listing(quotations)
    assert unsafe.speaker_role == "county engineer", listing(quotations)
    summer = find(quotations, "a job for the summer")
    assert (summer.kind, summer.speaker) == (Kind.PARTIAL, "Tobias Wren"), listing(quotations)
    may = find(quotations, "We will not reopen the bridge before May")
    assert (may.kind, may.speaker) == (Kind.DIRECT, "Ines Varga"), listing(quotations)


def test_doubled_marks_quote_over_several_paragraphs() -> None:
    quotations = extract(
        "Bridge closed",
        BRIDGE_INTRO,
        f"''{UNSAFE}. The piers are cracked.",
        "''We will not reopen it before May,'' Wren said.",
    )
    (quotation,) = quoted(quotations)
    assert quotation.text.startswith(UNSAFE), listing(quotations)
    assert quotation.text.endswith("before May"), listing(quotations)
    assert quotation.speaker == "Tobias Wren", listing(quotations)


def test_a_height_in_feet_and_inches_quotes_nothing() -> None:
    quotations = extract(
        "Bridge closed",
        BRIDGE_INTRO,
        "The diver, who is 6'2'' tall, said the water was cold and the current strong.",
    )
    assert quoted(quotations) == [], listing(quotations)

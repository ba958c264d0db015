"""Extraction: surnames, honorifics, pronouns and titles resolved to the person the article
introduced, minding gender and distance.

The people, places and outlets are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import UNSAFE, WREN_INTRO, extract, find, same_role

# --- surnames, honorifics, pronouns and titles resolved to the person ------------------------


def test_surname_resolves_to_the_full_name_introduced_earlier() -> None:
    quotes = extract(WREN_INTRO, "Divers will go down again on Friday.", f'"{UNSAFE}," Wren said.')

    quote = find(quotes, UNSAFE)
    assert quote.speaker == "Tobias Wren"
    assert quote.speaker_as_written == "Wren"


def test_honorific_and_surname_resolve_to_the_full_name() -> None:
    quotes = extract(WREN_INTRO, f'"{UNSAFE}," Mr. Wren said.')

    assert find(quotes, UNSAFE).speaker == "Tobias Wren"


def test_nickname_is_left_out_of_the_full_name() -> None:
    quotes = extract(
        'Fenella "Flash" Okoro has won the Senn regatta three years running.',
        '"I have unfinished business on this river," Okoro said.',
    )

    assert find(quotes, "I have unfinished business on this river").speaker == "Fenella Okoro"


WOMAN_THEN_MAN = (
    "Helen Marsh, a diver with the county, found the cracks on Sunday.",
    "Thomas Brack, who runs the ferry, said he had seen them in the autumn.",
)


def test_pronoun_skips_the_nearest_person_of_the_other_gender() -> None:
    quotes = extract(*WOMAN_THEN_MAN, '"They were the width of my thumb," she said.')

    assert find(quotes, "They were the width of my thumb").speaker == "Helen Marsh"


def test_pronoun_of_the_other_gender_resolves_to_the_man() -> None:
    quotes = extract(*WOMAN_THEN_MAN, '"Nobody listened to me," he said.')

    assert find(quotes, "Nobody listened to me").speaker == "Thomas Brack"


def test_pronoun_resolves_to_the_nearest_person_of_its_gender() -> None:
    quotes = extract(
        "Helen Marsh, a diver with the county, found the cracks on Sunday.",
        "Margaret Oyelowo, who chairs the bridge trust, called an emergency meeting.",
        '"We should have closed it last year," she said.',
    )

    assert find(quotes, "We should have closed it last year").speaker == "Margaret Oyelowo"


def test_pronoun_takes_the_speaker_just_quoted_over_a_person_only_mentioned() -> None:
    quotes = extract(
        "Margaret Oyelowo chairs the bridge trust.",
        '"We raised the money for the last repair," Oyelowo said, thanking Helen Marsh, a '
        "diver who volunteered for the inspection.",
        '"We will raise it again," she said.',
    )

    assert find(quotes, "We will raise it again").speaker == "Margaret Oyelowo"


def test_pronoun_takes_gender_from_how_the_article_speaks_of_the_person() -> None:
    quotes = extract(
        "Oyelaran Tefe, a marine biologist, has counted otters under the bridge since 2019. "
        "Her survey is the longest on the river.",
        "Piet Hollander, a builder, has quoted for the repairs.",
        '"The otters were here first," she said.',
    )

    assert find(quotes, "The otters were here first").speaker == "Oyelaran Tefe"


def test_pronoun_takes_the_only_person_of_its_gender_the_sentence_before_names() -> None:
    quotes = extract(
        "Helen Marsh, a diver with the county, found the cracks on Sunday.",
        '"They were the width of my thumb," Marsh said.',
        "The trust has since hired an engineer, Margaret Oyelowo, to check the other piers.",
        '"Two of them will need new footings," she said.',
    )

    assert find(quotes, "Two of them will need new footings").speaker == "Margaret Oyelowo"


def test_pronoun_keeps_the_subject_a_pronoun_of_the_sentence_before_still_means() -> None:
    quotes = extract(
        "Helen Marsh, a diver with the county, found the cracks on Sunday.",
        '"They were the width of my thumb," Marsh said.',
        "She showed them to an engineer, Margaret Oyelowo, on Monday.",
        '"I had never seen anything like it," she said.',
    )

    assert find(quotes, "I had never seen anything like it").speaker == "Helen Marsh"


def test_pronoun_with_nobody_of_its_gender_has_no_speaker() -> None:
    quotes = extract(
        "Helen Marsh, a diver with the county, found the cracks on Sunday.",
        "Margaret Oyelowo, who chairs the bridge trust, called an emergency meeting.",
        '"Someone will get hurt," he said.',
    )

    assert find(quotes, "Someone will get hurt").speaker is None


@pytest.mark.parametrize(
    "introduction",
    [
        "Harbour board spokesman Owen Tulley would not say when the bridge reopens.",
        "On Friday, Owen Tulley, who sits on the harbour board, would not say when it reopens.",
        "On Friday, harbour board spokesman Owen Tulley would not say when the bridge reopens.",
    ],
    ids=["role-before-name", "after-opening-phrase", "role-after-opening-phrase"],
)
def test_pronoun_resolves_to_the_subject_of_the_sentence_before(introduction: str) -> None:
    quotes = extract(
        "Tobias Wren, the county engineer, closed the Mill Lane bridge on Monday.",
        '"The piers need a month of work," Wren said.',
        "The ferry company wants the bridge open by spring. " + introduction,
        '"I have nothing to announce yet," he said.',
    )

    assert find(quotes, "I have nothing to announce yet").speaker == "Owen Tulley"


def test_pronoun_skips_a_person_the_article_speaks_of_as_the_other_gender() -> None:
    quotes = extract(
        "Robin Achterberg, the county engineer, closed the bridge on Monday after he found "
        "cracks in the piers. Achterberg said his team would start work in March.",
        '"We will not cut corners," Achterberg said.',
        "Achterberg's caution seemed wise to Sunniva Pell, a lecturer in civil engineering.",
        '"He is doing exactly what the code asks of him," she said.',
    )

    assert find(quotes, "He is doing exactly what the code asks of him").speaker == "Sunniva Pell"


def test_person_named_after_saying_is_not_the_speaker_of_the_next_pronoun() -> None:
    quotes = extract(
        "Amrit Dhillon, who chairs the bridge trust, spoke to the council on Tuesday.",
        "Dhillon repeated the trust's offer in an interview, saying Mayor Idris Kaan was "
        "committed to a spring opening.",
        '"We will pay for the divers ourselves," he said.',
    )

    assert find(quotes, "We will pay for the divers ourselves").speaker == "Amrit Dhillon"


def test_dateline_place_is_not_the_speaker_of_a_pronoun() -> None:
    quotes = extract(
        "ASHFORD FALLS, Vt. — Crews began repairs on the Mill Lane bridge on Monday after a week "
        "of rain.",
        '"It will take a month," he said.',
    )

    assert find(quotes, "It will take a month").speaker is None


@pytest.mark.parametrize(
    ("introduction", "cue", "holder", "role"),
    [
        ("Mayor Lorna Pike toured the bridge on Tuesday.", "the mayor said", "Lorna Pike", "Mayor"),
        (
            "Ines Calloway, the harbourmaster, moved the ferry mooring downstream.",
            "the harbourmaster said",
            "Ines Calloway",
            "the harbourmaster",
        ),
        (WREN_INTRO, "the county engineer said", "Tobias Wren", "the county engineer"),
    ],
    ids=["title-before-name", "appositive", "two-word-title"],
)
def test_title_resolves_to_the_holder_the_article_names(
    introduction: str, cue: str, holder: str, role: str
) -> None:
    quotes = extract(
        introduction,
        "Dr. Helen Marsh, a diver, found the cracks.",
        f'"Nobody crosses until it is fixed," {cue}.',
    )

    quote = find(quotes, "Nobody crosses until it is fixed")
    assert quote.speaker == holder
    assert same_role(role, quote.speaker_role), quote


def test_title_nobody_in_the_article_holds_has_no_speaker() -> None:
    quotes = extract(
        "Mayor Lorna Pike toured the bridge on Tuesday.",
        '"The county will pay for a temporary crossing," the minister said.',
    )

    assert find(quotes, "The county will pay for a temporary crossing").speaker is None

"""Extraction: a pronoun speaks for someone who can speak.

"He" and "she" stand for a person, "they" for people or a group; a holiday, a province or a
street named just before never said anything. Names tell their kind by their words (a
gazetteer of countries and regions, the words that end a place's name, the calendar and its
holidays); a name that opens with a given name is a person's ("Doris Day", "Grace Park").
The people and places are invented or ordinary geography.
"""

from __future__ import annotations

import pytest
from extraction_support import extract, find, listing

from store.extract.kinds import Kind, name_kind

WAITING = "We are still waiting for the money"


@pytest.mark.parametrize(
    ("opening", "pronoun"),
    [
        ("Thanksgiving Day brought no relief to the docks.", "he"),
        ("Christmas Eve came and went at the harbour.", "she"),
        ("Nova Scotia Province has promised to pay its share.", "she"),
        ("Saskatchewan has promised to pay its share.", "he"),
        ("The march went down Quarry Street at noon.", "they"),
        ("The boats sailed past Gull Island at dawn.", "they"),
        ("The Harbour Dredging Act passed on Monday.", "he"),
    ],
)
def test_a_pronoun_never_speaks_for_a_date_a_place_or_a_law(opening: str, pronoun: str) -> None:
    quotations = extract("Harbour dispute drags on", f'{opening} "{WAITING}," {pronoun} said.')
    assert find(quotations, WAITING).speaker is None, listing(quotations)


def test_the_person_before_the_place_is_still_found() -> None:
    quotations = extract(
        "Harbour dispute drags on",
        "Mirela Obst, who runs the ferry, spoke on Monday.",
        f'Nova Scotia Province has promised to pay. "{WAITING}," she said.',
    )
    assert find(quotations, WAITING).speaker == "Mirela Obst", listing(quotations)


@pytest.mark.parametrize("places", ["Peru, Turkey and Chile", "Russia and Wales", "Europe"])
def test_he_is_the_diplomat_not_the_countries_he_served_in(places: str) -> None:
    """A country ISO 3166 spells otherwise ("Türkiye", "Russian Federation") is still a
    place; and the countries a relative clause lists are not the speakers of the sentence."""
    quotations = extract(
        "Envoy praises Brisk",
        "President Ana Brisk has an admirer in the veteran diplomat Sir Piet Anholt.",
        f"Anholt, who will retire soon after serving in {places}, praised Brisk's presidency "
        "in an interview published Saturday. He currently serves as ambassador to Vale.",
        f'"{WAITING}," he told the Harbour Times.',
    )
    assert find(quotations, WAITING).speaker == "Piet Anholt", listing(quotations)
    assert not [q for q in quotations if q.speaker_as_written and places in q.speaker_as_written]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Thanksgiving Day", Kind.DATE),
        ("Christmas", Kind.DATE),
        ("Nova Scotia Province", Kind.PLACE),
        ("Quarry Street", Kind.PLACE),
        ("Bavaria", Kind.UNKNOWN),  # ISO names it "Bayern": not every spelling is known
        ("Texas", Kind.PLACE),
        # ISO's official names, in their parts: "Russian Federation", "Wales [Cymru GB-CYM]",
        # "Palestine, State of"; CLDR's English names and regions; place_names.txt.
        ("Russia", Kind.PLACE),
        ("Wales", Kind.PLACE),
        ("Palestine", Kind.PLACE),
        ("Burma", Kind.PLACE),
        ("Europe", Kind.PLACE),
        ("Latin America", Kind.PLACE),
        ("Turkey", Kind.PLACE),
        ("Peru and Chile", Kind.PLACE),
        ("Peru and Vexco", Kind.UNKNOWN),
        ("Doris Day", Kind.PERSON),
        ("Grace Park", Kind.PERSON),
        ("Nora May", Kind.PERSON),
        ("Vexco", Kind.UNKNOWN),
        ("Harbour Dredging Act", Kind.WORK),
        ("Tidewater Accord", Kind.WORK),
    ],
)
def test_the_words_of_a_name_tell_its_kind(name: str, kind: Kind) -> None:
    assert name_kind(name, organisation=False) is kind

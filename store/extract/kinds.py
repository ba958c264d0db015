"""What kind of thing a capitalised name is: a person, an organisation, a place, a date or a
work (a law, a treaty, a book).

Pronouns and speech need the difference. "He said" can mean a person only, "they said" a
person or a group, and neither a holiday ("Thanksgiving Day brought no relief. 'We are still
waiting,' he said."), a province or a street. Places come from pycountry (ISO 3166: every
country and its provinces, states and regions), from Babel (CLDR's English names of countries,
continents and world regions) and from the words that end a place's name ("Street",
"Province"); dates from the calendar and a list of holidays. A person is known by
other evidence (a given name, a title, a role, a gender): a name that opens with a given name
is never a place or a date ("Grace Park", "Doris Day").
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from store.extract.grammar import MONTHS
from store.extract.lexicon import given_names, lines, word_class

_WEEKDAYS = word_class("weekdays")
#: ISO names carry what a region is in its own language: "Guangdong Sheng".
_REGION_SUFFIX = re.compile(r"\s+(?:sheng|shi|province|state|oblast|krai|region)$")


class Kind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    DATE = "date"
    #: A work, a law or a document: "the Affordable Housing Act", "the Harbour Accord".
    WORK = "work"
    #: No word of the name says: people are recognised by what the text says of them.
    UNKNOWN = "unknown"


#: Kinds that never speak as "he", "she" or "they".
NOT_SPEAKERS = frozenset({Kind.PLACE, Kind.DATE, Kind.WORK})


def name_kind(name: str, organisation: bool) -> Kind:
    """The kind the words of `name` tell, before anything the text says of it."""
    words = [word.lower().strip(".,") for word in name.split()]
    if not words:
        return Kind.UNKNOWN
    if words[0] in given_names() and len(words) > 1:
        return Kind.PERSON
    if organisation:
        return Kind.ORGANISATION
    if _is_date(words):
        return Kind.DATE
    if _is_place(words) or (
        "and" in words[1:-1] and all(_is_place(part) for part in _listed(words))
    ):
        return Kind.PLACE  # "Nova Scotia", "Peru and Chile"
    if words[-1] in work_words() and len(words) > 1:
        return Kind.WORK
    return Kind.UNKNOWN


def _is_place(words: list[str]) -> bool:
    return bool(words) and (words[-1] in place_words() or " ".join(words) in place_names())


def _listed(words: list[str]) -> list[list[str]]:
    """The names of "peru and chile": [["peru"], ["chile"]]."""
    names: list[list[str]] = [[]]
    for word in words:
        if word == "and":
            names.append([])
        else:
            names[-1].append(word)
    return names


def _is_date(words: list[str]) -> bool:
    return all(word in MONTHS or word in _WEEKDAYS for word in words) or (
        " ".join(words) in holidays()
    )


@cache
def holidays() -> frozenset[str]:
    return frozenset(lines("holidays.txt"))


@cache
def place_words() -> frozenset[str]:
    return frozenset(lines("place_words.txt"))


@cache
def work_words() -> frozenset[str]:
    return frozenset(lines("work_words.txt"))


@cache
def place_names() -> frozenset[str]:
    """Countries, their subdivisions, continents and world regions, lowercase.

    ISO 3166 (pycountry) names countries and subdivisions officially and in their own
    language ("Russian Federation", "Palestine, State of", "Wales [Cymru GB-CYM]"), so each is taken
    whole and in its parts; CLDR's English names (Babel) add what a news article writes
    ("Russia", "Myanmar (Burma)") and the continents and regions ("Europe", "Latin America");
    place_names.txt the few English names neither list gives ("Turkey", "Britain").
    """
    import pycountry  # loaded on first use: most articles never ask
    from babel import Locale

    names: set[str] = set(lines("place_names.txt"))
    official = [
        getattr(country, attribute, None)
        for countries in (pycountry.countries, pycountry.historic_countries)
        for country in countries
        for attribute in ("name", "common_name", "official_name")
    ]
    official += [subdivision.name for subdivision in pycountry.subdivisions]
    official += Locale("en").territories.values()
    for value in official:
        if not value:
            continue
        for name in _name_forms(value.lower()):
            names.add(name)
            names.add(_REGION_SUFFIX.sub("", name))
    return frozenset(names)


def _name_forms(name: str) -> list[str]:
    """ "wales [cymru gb-cym]" -> "wales"; "palestine, state of" -> "palestine"; "myanmar
    (burma)" -> "myanmar", "burma"; "a; b" -> both."""
    name = name.split("[")[0].strip()
    forms = [name]
    for part in re.split(r"\s*[;()]\s*", name):
        part = part.strip()
        if part and part != name:
            forms.append(part)
    if ", " in name and "(" not in name:
        forms.append(name.split(", ")[0])
    return forms


__all__ = ["NOT_SPEAKERS", "Kind", "name_kind"]

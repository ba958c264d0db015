"""Two people who speak together ("Mara Kellan and Hugo Lind"), a description joined to a title and
a name, and where a described person is from."""

from __future__ import annotations

from dataclasses import replace

from store.extract.document import Document
from store.extract.lexicon import role_nouns, speech_verbs, word_class
from store.extract.phrases import (
    NAME,
    NOMINAL,
    Mention,
    phrase_starting_at,
)
from store.extract.subjects.common import person_or_group


def named_in_appositive(
    document: Document, mention: Mention, comma: int, high: int
) -> tuple[Mention, str | None] | None:
    """A description followed by the name it describes: the name speaks, the description is
    the role."""
    if mention.kind != NOMINAL or document.tokens.words[comma] != ",":
        return None
    named = phrase_starting_at(document.tokens, comma + 1, high)
    if named is None or named.kind != NAME or named.organisation:
        return None
    named = with_partner(document, named, high)  # "its archivists, Piet and Cora Vane,"
    last = (named.partner or named).last
    if last + 1 <= high and document.tokens.words[last + 1] not in {",", "(", "."}:
        return None
    return named, mention.text


BODY_JOINS = frozenset({"the", "of", "for", "and", "&", "on", "’s", "'s"})


def joined_title_name(document: Document, mention: Mention, high: int) -> Mention:
    """A description joined by "and" to a title and a name is that person: "former
    Vale Gov. and Harbour Party Chairman Jules Farrow", "Former
    judge and Port Ardith Mayor Elsa Dunmore"."""
    tokens = document.tokens
    join = mention.last + 1
    if join <= high and tokens.words[join] == ".":
        join += 1  # "Gov. and …"
    if mention.kind != NOMINAL or join + 1 > high or tokens.lowers[join] != "and":
        return mention
    named = phrase_starting_at(tokens, join + 1, high)
    if named is None or named.kind != NAME or named.organisation:
        return mention
    role = tokens.span_text(mention.first, named.first - 1)
    return replace(named, role=role, start=mention.start)


def with_partner(document: Document, first: Mention, high: int, whole: bool = False) -> Mention:
    """`first` and the person joined to it by "and" ("Mara Kellan and Hugo Lind"), who
    speak together; `first` alone when no second person follows (`whole`: up to `high`)."""
    tokens = document.tokens
    if first.kind != NAME or first.organisation or first.partner is not None:
        return first
    join = first.last + 1
    if join + 1 > high or tokens.lowers[join] != "and":
        return first
    second = phrase_starting_at(tokens, join + 1, high)
    if (
        second is None
        or second.kind != NAME
        or second.organisation
        or (whole and second.last != high and not _body_after(document, second.last, high))
        or any(not document.outside(i) for i in range(join, second.last + 1))
    ):
        return first
    return replace(first, partner=second)


def _body_after(document: Document, last: int, high: int) -> bool:
    """ "… of Vale's Institute for Tides and Coastal Safety" up to `high`:
    where the people just named are from."""
    tokens = document.tokens
    if last + 2 > high or tokens.lowers[last + 1] not in {"of", "at", "from"}:
        return False
    return all(
        tokens.capitalised[i] or tokens.lowers[i] in BODY_JOINS for i in range(last + 2, high + 1)
    )


def description_end(document: Document, description: Mention, high: int) -> int | None:
    """The comma that ends a description of a person, over what places it: "Another member
    of the Hale list," -> the comma; None when it does not describe a person."""
    tokens = document.tokens
    if not (
        tokens.lowers[description.last] in role_nouns() or person_or_group(document, description)
    ):
        return None
    index = description.last + 1
    if index <= high and tokens.words[index] == ",":
        return index
    if index > high or tokens.lowers[index] not in _PLACING:
        return None
    for comma in range(index + 1, min(high, index + _PLACING_REACH) + 1):
        if tokens.words[comma] == ",":
            return comma
        if not tokens.words[comma][0].isalnum() or speech_verbs().base(tokens.lowers[comma]):
            return None
    return None


_PLACING = word_class("placing-prepositions")


_PLACING_REACH = 7

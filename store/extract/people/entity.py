"""A person or organisation an article names, and what the people modules share."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from store.extract.grammar import (
    FEMININE_WORDS,
    MASCULINE_WORDS,
)
from store.extract.kinds import Kind
from store.extract.lexicon import role_nouns, word_class

SHORT_TITLES = {
    "senator": "sen",
    "governor": "gov",
    "representative": "rep",
    "president": "pres",
    "general": "gen",
    "professor": "prof",
    "secretary": "sec",
}


@dataclass
class Entity:
    """A person or organisation the article names."""

    name: str
    organisation: bool
    #: What the text says ("Ms.", "spokeswoman", a pronoun already resolved to them): binding.
    gender: str | None = None
    #: What the first name suggests ("Margaret"): rules out the other pronoun, ranks nothing.
    name_gender: str | None = None
    #: What the text suggests ("Tefe counts otters. Her survey …"): a preference among those
    #: a pronoun may mean.
    text_gender: str | None = None
    roles: list[str] = field(default_factory=list)
    #: Token positions where the article names it outside quotations; subject-like ones apart.
    mentions: list[int] = field(default_factory=list)
    salient: list[int] = field(default_factory=list)
    #: What the words of the name tell: a place or a date never speaks as "he" or "they".
    kind: Kind = Kind.UNKNOWN
    #: The ages the article gives ("Thorne, 52,", "52-year-old Amira Thorne"): "the
    #: 52-year-old" is this one.
    ages: set[int] = field(default_factory=set)

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower()

    @property
    def given(self) -> str | None:
        parts = self.name.split()
        return parts[0].lower() if len(parts) > 1 else None

    def last_before(self, positions: list[int], at: int) -> int:
        """The last of the sorted `positions` before `at`, or -1."""
        index = bisect.bisect_left(positions, at)
        return positions[index - 1] if index else -1

    def last_named(self, at: int) -> int:
        """Where the article last named or credited it before `at`, or -1."""
        return max(self.last_before(self.mentions, at), self.last_before(self.salient, at))

    def role(self) -> str | None:
        """The first role the article gives."""
        return self.roles[0] if self.roles else None


#: Holders of a role weighed for "the mayor": the ones introduced last before it, and a few after
#: (an article with a hundred mayors must not cost a hundred comparisons per mention).
_HOLDERS_BEFORE = 20


_HOLDERS_AFTER = 5


#: Possessives that say whose a person is ("her husband"), not what gender they are.
WHOSE = frozenset({"his", "her", "their"})


def gender_from_words(entity: Entity, role: str) -> None:
    """ "spokeswoman", "Mrs", "Sir": what the words the text gives a person say of them."""
    if entity.gender:
        return
    # "her husband", "his daughter": whose the person is says nothing of their own gender.
    words = {word.strip(".,").lower() for word in role.split()} - WHOSE
    if words & FEMININE_WORDS:
        entity.gender = "f"
    elif words & MASCULINE_WORDS:
        entity.gender = "m"


def around(holders: list[Entity], at: int) -> list[Entity]:
    """The holders introduced nearest before `at` and just after it (the list is in the order
    the article introduces them)."""
    firsts = [entity.mentions[0] if entity.mentions else -1 for entity in holders]
    if len(holders) <= _HOLDERS_BEFORE + _HOLDERS_AFTER:
        return holders
    index = bisect.bisect_left(firsts, at)
    return holders[max(0, index - _HOLDERS_BEFORE) : index + _HOLDERS_AFTER]


def role_word(word: str) -> bool:
    """A role noun, also as the last part of a compound ("singer-songwriter")."""
    return word in role_nouns() or word.rsplit("-", 1)[-1] in role_nouns()


def person_like(entity: Entity) -> bool:
    """Whether the article has shown `entity` to be a person so far: a first name the lists
    know, a gender, a role, or an earlier place as a subject."""
    return not entity.organisation and bool(
        entity.name_gender or entity.gender or entity.roles or entity.salient
    )


def holds(positions: list[int], at: int) -> bool:
    index = bisect.bisect_left(positions, at)
    return index < len(positions) and positions[index] == at


#: Words after which a role names what its holder belongs to: the "book" of "author of the
#: book" is not who the author is ("The book accuses …" is no person).
_ROLE_COMPLEMENTS = word_class("role-prepositions") | {"in", "on"}


def role_has(role: str, phrase: str, head: str) -> bool:
    words = [w.strip(".,").lower() for w in role.split()]
    text = " ".join(words)
    if " " in phrase and phrase in text:
        return True
    complement = next((i for i, word in enumerate(words) if word in _ROLE_COMPLEMENTS), None)
    if head in words[:complement]:
        return True
    # "Sen." for "senator", "Gov." for "governor", "Rep." for "representative".
    return SHORT_TITLES.get(head, "\0") in words

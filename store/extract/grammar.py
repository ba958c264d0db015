"""Closed word classes the phrase and cue rules need, by the names data/closed_classes.txt
gives them (the words, and why each class exists, are there), and the endings they test."""

from __future__ import annotations

import re

from store.extract.lexicon import role_nouns, titles, word_class

CAPITALISED_NON_NAMES = word_class("capitalised-non-names")
HONORIFICS = word_class("honorifics")
NAME_PARTICLES = word_class("name-particles")
MONTHS = word_class("months")
DETERMINERS = word_class("determiners")
#: Prepositions between people and where they are or whom they serve: "residents of the town",
#: "farmers in the north", "aides to the mayor" (not "with": "staffers with a simple message").
PEOPLE_PREPOSITIONS = word_class("placing-prepositions") - {"with"}
#: The articles: "the leader of …, Amira Thorne,", "a conservation group".
ARTICLES = frozenset({"a", "an", "the"})
PRONOUNS = word_class("pronouns")
FUNCTION_WORDS = word_class("function-words")
VERB_MODIFIERS = word_class("verb-modifiers")
FEMININE_WORDS = word_class("feminine-words")
MASCULINE_WORDS = word_class("masculine-words")
#: The Arabic article as written before a surname, joined by a hyphen and in lower case: "al-"
#: of "al-Tamimi", "el-" of "el-Masri", "ash-" of "ash-Shami" (a pattern, for texts and names).
ARTICLE_BEFORE_SURNAME = r"(?:[ae][lnrstdz]|ash|ul|ud|ur|us|un)-"


def without_article(surname: str) -> str:
    """ "Tamimi" for "al-Tamimi" (outlets write both); any other word as it is."""
    return _ARTICLE_OPENING.sub("", surname, count=1)


_ARTICLE_OPENING = re.compile(rf"^{ARTICLE_BEFORE_SURNAME}(?=\w)", re.IGNORECASE)
#: Nouns that end like adverbs: "a member of the family said".
_LY_NOUNS = word_class("ly-nouns")


def people_plural(lower: str) -> bool:
    """ "residents", "supporters", "doctors": a plural role noun, people who can be placed by a
    preposition ("residents of the town", "supporters of mayor Ana Ruiz"); not a title that
    ends in "s" ("Mrs")."""
    return lower.endswith("s") and lower in role_nouns() and lower not in titles()


def ly_adverb(lower: str) -> bool:
    """ "angrily", "openly": an adverb by its ending ("family", "rally" are nouns)."""
    return len(lower) > 4 and lower.endswith("ly") and lower.isalpha() and lower not in _LY_NOUNS


#: The forms of address that never end a role: a role ending in one has swallowed the form of
#: address of the name after it ("Finance Minister Mr Omar Qadri"). "Lord" and "Lady" end roles
#: ("First Sea Lord", "First Lady") and stay.
_ADDRESS_AFTER_ROLE = HONORIFICS - {"lord", "lady"}
#: The particles a surname opens with, in lower case: a role never ends with one, it is the
#: name's ("von der" of "von der Haalen told reporters"). Not "of" ("Secretary of").
_NAME_PARTICLES_IN_ROLES = NAME_PARTICLES - {"of"}
#: Words a role never ends with: the sentence's words before a name ("adviser to", "like").
_ROLE_NEVER_ENDS = FUNCTION_WORDS | ARTICLES | {"of", "including", "like"}


def without_honorifics(role: str | None) -> str | None:
    """`role` without the forms of address it opens with ("Mr", "Dr.", "Sir") or ends with (the
    name's: "Opposition leader Mr" of "Opposition leader Mr. Harish Menon"); None when nothing
    else is left: "Mr" is no role, "Dr., a marine biologist" is "a marine biologist"."""
    if not role:
        return None
    words = role.split()
    while words and words[-1] in _NAME_PARTICLES_IN_ROLES:
        words = words[:-1]  # "President von der" of "President von der Haalen": the name's
    while words and words[0].lower().strip(".,") in HONORIFICS:
        words = words[1:]
    if words and words[-1].lower().strip(".,") in _ADDRESS_AFTER_ROLE:
        while words and words[-1].lower().strip(".,") in _ADDRESS_AFTER_ROLE:
            words = words[:-1]
        # What came before the name's "Mr" was the sentence, not a role: "a former adviser to
        # Mr", "including Mr", or the closing quotation mark of `…,” Mr Vale said`.
        if (
            not words
            or words[-1].lower() in _ROLE_NEVER_ENDS
            or not any(character.isalpha() for word in words for character in word)
        ):
            return None
    cleaned = " ".join(words).strip(" ,;:")
    return cleaned or None


#: Gerunds after a comma whose subject is the subject of the main clause:
#: "Hale rejected the offer, saying ...".
PARTICIPLE_SUFFIX = "ing"
#: Endings that make a word read as an adjective: "anti-Muslim", "racist", "scathing".
ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "less", "ish", "ary", "ing")

"""A mention of who spoke: a name, a pronoun or a description, with the role the text gives."""

from __future__ import annotations

from dataclasses import dataclass

from store.extract.lexicon import word_class

NAME = "name"


PRONOUN = "pronoun"


NOMINAL = "nominal"


MAX_PHRASE = 12


POSSESSIVE = word_class("possessive-marks")


_QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’", "'", "«", "»"})


@dataclass(frozen=True)
class Mention:
    """Who a cue names, as written."""

    #: Token range of the head (the name without titles, the pronoun, or the whole description).
    first: int
    last: int
    kind: str
    text: str
    role: str | None = None
    #: The head names an organisation (The Vale Coast Guard, the union), not a person.
    organisation: bool = False
    #: Title words before the name ("Harbour Master", "Cllr."): a role the text gives the person.
    title: str | None = None
    #: First token of the whole phrase, determiner and descriptors included.
    start: int = -1
    #: The second of two people who speak together: "Mara Kellan and Hugo Lind wrote".
    partner: Mention | None = None

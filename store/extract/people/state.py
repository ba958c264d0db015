"""What `People` holds of an article, declared once for the parts `People` is made of.

`People` (directory.py) is assembled from mixins that read its state (TextReading,
PronounResolution); each declares it through this base, so that a field added to `People`
is declared in one place and type-checked in every part.
"""

from __future__ import annotations

from store.extract.people.entity import Entity
from store.extract.tokens import Tokens


class PeopleState:
    """The tokens, paragraphs and mention timelines `People` builds in its constructor."""

    tokens: Tokens
    paragraph_of: list[int]
    _outside: list[bool]
    _starts: list[int]
    _timeline: list[int]
    _timeline_entities: list[Entity]
    _credited: list[int]
    _credited_entities: list[Entity]

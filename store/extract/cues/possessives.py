"""Possessives that name a quotation as someone's words: "Hale's pledge to stay 'neutral'",
"Ruiz's 'nine ferries' remark"."""

from __future__ import annotations

from store.extract.cues.cue import Cue
from store.extract.document import Document, QuoteTokens
from store.extract.grammar import DETERMINERS
from store.extract.lexicon import speech_nouns, word_class
from store.extract.phrases import (
    NAME,
    NOMINAL,
    phrase_ending_at,
)

SPEECH_NOUNS = speech_nouns()


#: How far before a quotation the noun may stand: "Castell's boldest charge is that
#: the Harbour Review Board is a 'show trial'".
_SPEECH_NOUN_REACH = 14


_POSSESSIVES = word_class("possessive-marks")


def possessed_speech(document: Document, low: int, quote: QuoteTokens, high: int) -> Cue | None:
    """A quotation named as someone's words by a possessive: "Hale's disputed pledge to
    stay 'neutral'", "Ana Ruiz's 'nine ferries' remark", "Vane's latest post: '…'"."""
    tokens = document.tokens
    lowers = tokens.lowers
    # "Ruiz's 'nine ferries' remark": the possessive right before, the noun right after.
    after = quote.close + 1
    if (
        quote.open - 1 >= low
        and lowers[quote.open - 1] in _POSSESSIVES
        and after <= high
        and lowers[after] in SPEECH_NOUNS
    ):
        owner = phrase_ending_at(tokens, low, quote.open - 2)
        if owner is not None and owner.kind in {NAME, NOMINAL}:
            return Cue(owner, after, after)
    start = max(low, quote.open - _SPEECH_NOUN_REACH)
    for noun in range(quote.open - 1, start - 1, -1):
        if not document.outside(noun):
            return None
        if lowers[noun] not in SPEECH_NOUNS:
            continue
        for mark in range(noun - 1, max(low, noun - 5) - 1, -1):
            if lowers[mark] in _POSSESSIVES and mark - 1 >= low:
                owner = phrase_ending_at(tokens, low, mark - 1)
                if owner is not None and owner.kind == NAME:
                    return Cue(owner, noun, noun)
                break
            if not tokens.words[mark][0].isalpha() or lowers[mark] in DETERMINERS:
                break
        return None
    return None

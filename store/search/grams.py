"""The terms the candidate index holds for each quotation: its words and its pairs of words.

Single words alone make poor keys (most are common); pairs of neighbouring words are rare, so a
few of a pasted quote's pairs find the quotation among millions. Words are kept too, so that a
one- or two-word query ("torpedo") still finds its quotation. Terms are letters and digits
(store.search.words.fold) joined by `_` (`word`, `word_word`): one token to SQLite FTS5, one
number to PostgreSQL's index (store.search.term_hashes).

One row's terms are capped at MAX_TERM_BYTES, the same on both databases so that they answer
alike: a paragraph longer than that (tens of thousands of words) is indexed from its start.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from store.search.words import spoken

#: Words longer than this are noise (a URL, a run of letters); they are not indexed.
MAX_WORD_CHARS = 40
JOIN = "_"


def _usable(word: str) -> str:
    return word[:MAX_WORD_CHARS]


def pairs(words: Sequence[str]) -> list[str]:
    return [f"{_usable(a)}{JOIN}{_usable(b)}" for a, b in itertools.pairwise(words)]


#: The most bytes (UTF-8) of terms indexed for one row: about 30,000 to 60,000 words of prose, as
#: many of them are new words or new pairs. Chosen when PostgreSQL's index held the terms' text
#: (a tsvector, refused past 1,048,575 bytes, which refused the whole article); kept so that a
#: row's entry stays bounded and both databases index the same words.
MAX_TERM_BYTES = 1_000_000


@dataclass(frozen=True)
class Terms:
    """The terms indexed for a text, and how many of its words they cover."""

    terms: list[str]
    #: The text's first `indexed` words are found by their terms (all of them, usually).
    indexed: int
    words: int

    @property
    def complete(self) -> bool:
        return self.indexed == self.words


def grams(text: str) -> list[str]:
    """Every distinct term of a text, its words and its word pairs, up to MAX_TERM_BYTES."""
    return index_terms(text).terms


def index_terms(text: str, most_bytes: int = MAX_TERM_BYTES) -> Terms:
    """The distinct terms of a text in the order its words come (each word, then its pair with
    the next), as many as fit in `most_bytes`: the text's start when it is too long."""
    # Inline rather than through `_usable` and `pairs`: a bulk import runs this for every
    # quotation and paragraph it stores, and the calls cost more than the work.
    words = spoken(text)
    if words and max(map(len, words)) > MAX_WORD_CHARS:  # seldom: cut only then
        words = [word[:MAX_WORD_CHARS] for word in words]
    ordered = [""] * (2 * len(words) - 1) if words else []
    ordered[0::2] = words
    ordered[1::2] = map(JOIN.join, itertools.pairwise(words))
    terms = list(dict.fromkeys(ordered))
    # Four bytes a character at most: most texts fit without being encoded.
    if sum(map(len, terms)) * 4 <= most_bytes or len("".join(terms).encode()) <= most_bytes:
        return Terms(terms, len(words), len(words))
    return _first_terms(ordered, len(words), most_bytes)


def _first_terms(ordered: list[str], words: int, most_bytes: int) -> Terms:
    """The terms of the first words, with their pairs, that fit in `most_bytes`."""
    kept: dict[str, None] = {}
    size = 0
    for position in range(words):
        new = [term for term in ordered[2 * position : 2 * position + 2] if term not in kept]
        cost = sum(len(term.encode()) for term in new)
        if size + cost > most_bytes:
            return Terms(list(kept), position, words)
        size += cost
        kept.update(dict.fromkeys(new))
    return Terms(list(kept), words, words)


def query_terms(parts: Iterable[Sequence[str]]) -> tuple[list[str], list[str]]:
    """(pairs, words) to look up for a query made of word sequences (ellipsis segments)."""
    found_pairs: list[str] = []
    found_words: list[str] = []
    for words in parts:
        usable = [_usable(word) for word in words]
        found_pairs.extend(pairs(usable))
        found_words.extend(usable)
    return list(dict.fromkeys(found_pairs)), list(dict.fromkeys(found_words))

"""The terms the candidate index holds for each quotation: its words and its pairs of words.

Single words alone make poor keys (most are common); pairs of neighbouring words are rare, so a
few of a pasted quote's pairs find the quotation among millions. Words are kept too, so that a
one- or two-word query ("torpedo") still finds its quotation. Terms are letters and digits
(store.search.words.fold) joined by `_` (`word`, `word_word`): one token to SQLite FTS5 and to
PostgreSQL's tsvector alike.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from store.search.words import spoken

#: Words longer than this are noise (a URL, a run of letters); they are not indexed.
MAX_WORD_CHARS = 40
JOIN = "_"


def _usable(word: str) -> str:
    return word[:MAX_WORD_CHARS]


def pairs(words: Sequence[str]) -> list[str]:
    return [f"{_usable(a)}{JOIN}{_usable(b)}" for a, b in itertools.pairwise(words)]


def grams(text: str) -> list[str]:
    """Every distinct term of a text: its words and its word pairs."""
    words = [_usable(word) for word in spoken(text)]
    return list(dict.fromkeys([*words, *pairs(words)]))


def query_terms(parts: Iterable[Sequence[str]]) -> tuple[list[str], list[str]]:
    """(pairs, words) to look up for a query made of word sequences (ellipsis segments)."""
    found_pairs: list[str] = []
    found_words: list[str] = []
    for words in parts:
        usable = [_usable(word) for word in words]
        found_pairs.extend(pairs(usable))
        found_words.extend(usable)
    return list(dict.fromkeys(found_pairs)), list(dict.fromkeys(found_words))

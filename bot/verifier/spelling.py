"""Words written differently that are the same words: "3" and "three", "dont" and "don't".

A fact-checker retyping a quote writes numbers as they like and drops apostrophes; neither is a
change to what was said. Matching compares such words as one (so the quote is still found and
still verified), and the answer shows each as a note, never as a changed word. The index is
not involved: these are read only when a paste is aligned with a stored text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from store.search.words import Word, fold, words

_UNITS = """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen""".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_TENS |= {"eighty": 80, "ninety": 90}


def _number_words() -> dict[str, str]:
    """Each number written as one word ("twenty-five" folds to "twentyfive"), as digits."""
    numbers = {word: str(value) for value, word in enumerate(_UNITS)}
    for tens, value in _TENS.items():
        numbers[tens] = str(value)
        for unit in range(1, 10):
            numbers[tens + _UNITS[unit]] = str(value + unit)
    numbers["hundred"] = "100"
    numbers["thousand"] = "1000"
    return numbers


_NUMBERS = _number_words()
#: A number word opening a compound, "ten-year" (folded "tenyear") as "10year".
_OPENING_NUMBER = re.compile(
    "^(" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")(?=[a-z])"
)
#: Contractions as typed without their apostrophe, and the words they stand for. Words that
#: are English words of their own ("were", "well", "ill", "its", "shed") are left out: where the
#: text spells the contraction out, they are more likely a changed word than a typo.
_CONTRACTIONS = """don't doesn't didn't can't won't isn't aren't wasn't weren't hasn't haven't
hadn't wouldn't shouldn't couldn't mustn't needn't i'm i've i'll you're you've you'll you'd
we've they're they've they'll they'd he's she's that's there's what's who's it'll that'll
there'll""".split()
_WITHOUT_APOSTROPHE = {
    fold(contraction): tuple(word.norm for word in words(contraction))
    for contraction in _CONTRACTIONS
}


@lru_cache(maxsize=65_536)
def compared(norm: str) -> str:
    """The form two words are compared in: a number written as a word is its digits, also at
    the start of a compound ("ten-year" is "10-year")."""
    if norm in _NUMBERS:
        return _NUMBERS[norm]
    if norm[:1].isalpha() and (opening := _OPENING_NUMBER.match(norm)) is not None:
        return _NUMBERS[opening.group(1)] + norm[opening.end() :]
    return norm


def without_apostrophes(query: Sequence[Word], text: Iterable[Word]) -> list[Word]:
    """The query with each contraction typed without its apostrophe ("dont", "cant", "its")
    read as the contraction the text prints ("don't" as "do" and "not"). Each word read so keeps
    the query's spelling as its `contraction`, which tells the answer to show it as a note."""
    text = list(text)
    known = {word.norm for word in text}
    if all(word.norm in known or word.contraction is not None for word in query):
        return list(query)  # every word found as it is (most pastes)
    spelled: dict[str, list[Word]] = {}
    for word in text:
        if word.contraction is not None:
            spelled.setdefault(fold(word.contraction), []).append(word)
    read: list[Word] = []
    for word in query:
        expanded = None
        if word.contraction is None and word.norm not in known:
            expanded = _as_printed(spelled.get(word.norm)) or _spelled_out(word.norm, known)
        if not expanded:
            read.append(word)
            continue
        read.extend(Word(norm, word.start, word.end, word.inserted, word.norm) for norm in expanded)
    return read


def _as_printed(contracted: list[Word] | None) -> list[str] | None:
    """The words of the text's first contraction of this spelling ("do", "not")."""
    if not contracted:
        return None
    first = contracted[0]
    return [w.norm for w in contracted if (w.start, w.end) == (first.start, first.end)]


def _spelled_out(norm: str, known: set[str]) -> list[str] | None:
    """ "dont" as "do not" where the text spells it out: the contraction it is typed for, when
    the text holds every word it stands for."""
    parts = _WITHOUT_APOSTROPHE.get(norm)
    return list(parts) if parts and all(part in known for part in parts) else None

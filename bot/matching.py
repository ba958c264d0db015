"""How closely a pasted quote follows a stored quotation, word by word.

The words are compared after normalisation (store.search.words), so case, punctuation, quote
marks and dashes never count. A word that differs by a typo ("joystik") still pairs with its
original; bracketed insertions in the archive ("[eventually]") may be left out. The alignment
says where the query sits in the text (for bolding), which words differ (the diff a
fact-checker reads), and enough numbers to decide whether it is a match at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.verdict import WordChange
from store.search.words import Word, words

#: Words around the stretch the character alignment found, read too in case it cut a word off.
_MARGIN = 3
#: Two words this similar (0-1) are one word mistyped.
_TYPO_SIMILARITY = 0.75


@dataclass(frozen=True)
class Alignment:
    """A query against one text (a quotation or a paragraph)."""

    query_words: int
    #: Query words found as they are, and found with a typo.
    equal: int
    near: int
    #: Where the matched words sit in the text.
    start: int
    end: int
    changes: tuple[WordChange, ...]
    #: The longest run of the query's words found together, in order.
    longest_run: int
    #: The largest stretch of the text's own words inside the match that the query leaves out
    #: (bracketed insertions do not count): a sign of words joined from separate places.
    gap: int
    #: The text's words inside the match, and outside it (the rest of a longer quotation).
    span_words: int
    outside_words: int
    #: For each query word: found in the text (as it is or with a typo).
    covered: tuple[bool, ...]

    @property
    def matched(self) -> int:
        return self.equal + self.near

    @property
    def exact(self) -> bool:
        """Every query word as printed, in order, none of the speaker's left out inside."""
        return self.query_words > 0 and self.equal == self.query_words and not self.changes

    @property
    def score(self) -> float:
        """0-100: the share of the query found, discounted for words it adds or leaves out."""
        if not self.query_words or not self.matched:
            return 0.0
        spread = max(self.span_words, self.query_words)
        return 100.0 * (self.equal + 0.9 * self.near) / spread


def align(query: Sequence[Word], text: str) -> Alignment:
    """Align the words of a query (store.search.words.words of the paste) with a text."""
    printed = words(text)
    if not query or not printed:
        return _nothing(len(query))
    query = _joined_compounds(query, {word.norm for word in printed})
    norms = [word.norm for word in query]
    first, last = _region(norms, printed)
    region = printed[first:last]
    if not any(word.inserted and word.norm in norms for word in region):
        region = [word for word in region if not word.inserted]  # "[eventually]" left out
    # A mistyped word is aligned as the word it stands for, so that it pairs with it.
    typed = _untyped(norms, {word.norm for word in region})
    ops = Levenshtein.opcodes(typed, [word.norm for word in region])
    equal = near = run = longest = 0
    covered = [False] * len(query)
    matched: list[int] = []
    for op in ops:
        if op.tag != "equal":
            run = 0
            continue
        size = op.src_end - op.src_start
        run += size
        longest = max(longest, run)
        for offset in range(size):
            index = op.src_start + offset
            covered[index] = True
            matched.append(op.dest_start + offset)
            if typed[index] == norms[index]:
                equal += 1
            else:
                near += 1
    if not matched:
        return _nothing(len(query))
    low, high = min(matched), max(matched)
    changes: list[WordChange] = []
    gap = 0
    for op in ops:
        mine = " ".join(word.norm for word in query[op.src_start : op.src_end])
        theirs = region[op.dest_start : op.dest_end]
        if op.tag == "equal":
            for offset in range(op.src_end - op.src_start):
                index = op.src_start + offset
                if typed[index] != norms[index]:  # a typo: shown as a one-word change
                    found = region[op.dest_start + offset]
                    changes.append(WordChange("replace", norms[index], _printed(text, [found])))
            continue
        if op.tag == "insert":  # words of the text the query leaves out
            if op.dest_end - 1 < low or op.dest_start > high:
                continue  # the rest of a longer quotation: the query is an excerpt
            said = [word for word in theirs if not word.inserted]
            if said:
                gap = max(gap, len(said))
                changes.append(WordChange("delete", "", _printed(text, said)))
        elif op.tag == "delete":  # words the query adds
            changes.append(WordChange("insert", mine, ""))
        else:
            changes.append(WordChange("replace", mine, _printed(text, theirs)))
    return Alignment(
        query_words=len(query),
        equal=equal,
        near=near,
        start=region[low].start,
        end=region[high].end,
        changes=tuple(changes),
        longest_run=longest,
        gap=gap,
        span_words=(inside := sum(1 for word in region[low : high + 1] if not word.inserted)),
        outside_words=sum(1 for word in printed if not word.inserted) - inside,
        covered=tuple(covered),
    )


def _region(query: list[str], printed: list[Word]) -> tuple[int, int]:
    """The stretch of the text's words the query sits in (all of it when the query is longer)."""
    joined_query = " ".join(query)
    joined_text = " ".join(word.norm for word in printed)
    if len(joined_query) >= len(joined_text):
        return 0, len(printed)
    found = fuzz.partial_ratio_alignment(joined_query, joined_text)
    first = joined_text.count(" ", 0, found.dest_start)
    last = joined_text.count(" ", 0, found.dest_end) + 1
    return max(0, first - _MARGIN), min(len(printed), last + _MARGIN)


def _joined_compounds(query: Sequence[Word], known: set[str]) -> list[Word]:
    """ "cease fire" is "ceasefire" where the text writes it as one word (or "cease-fire")."""
    joined: list[Word] = []
    index = 0
    while index < len(query):
        word = query[index]
        if index + 1 < len(query) and word.norm not in known:
            both = word.norm + query[index + 1].norm
            if both in known:
                joined.append(Word(both, word.start, query[index + 1].end, word.inserted))
                index += 2
                continue
        joined.append(word)
        index += 1
    return joined


def _untyped(query: list[str], known: set[str]) -> list[str]:
    """Each query word the text lacks, replaced by the text's word it is a typo of (if any)."""
    fixed = []
    choices = [word for word in known if len(word) >= 3]
    for word in query:
        if word not in known and len(word) >= 3 and not word.isdigit():
            best = process.extractOne(
                word, choices, scorer=Levenshtein.normalized_similarity, score_cutoff=0.5
            )
            if best is not None and _typo(word, best[0]):
                word = best[0]
        fixed.append(word)
    return fixed


def _typo(mine: str, theirs: str) -> bool:
    """The same word mistyped: one slip in a short word, a few in a long one."""
    if mine.isdigit() or theirs.isdigit() or min(len(mine), len(theirs)) < 3:
        return False
    if min(len(mine), len(theirs)) <= 4:
        return Levenshtein.distance(mine, theirs) <= 1
    return Levenshtein.normalized_similarity(mine, theirs) >= _TYPO_SIMILARITY


def _printed(text: str, found: Sequence[Word]) -> str:
    return " ".join(text[word.start : word.end] for word in found)


def _nothing(size: int) -> Alignment:
    return Alignment(size, 0, 0, 0, 0, (), 0, 0, 0, 0, tuple(False for _ in range(size)))

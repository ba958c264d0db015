"""The article as a list of tokens with character offsets.

Every later rule (sentence ends, name runs, speech verbs, who spoke) reads tokens, not characters:
one tokenisation per article keeps extraction linear and the rules readable. Possessive `'s` is a
token of its own so that `Hale's` yields the name `Hale`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from operator import itemgetter, sub

from store.extract.grammar import ARTICLE_BEFORE_SURNAME

#: A token with the space before it, or the text's trailing space. Every alternative starts on
#: a non-space character and every non-space character starts one, so the pieces `findall`
#: returns cover the text, token after token: the offsets are their running lengths. (`\s*+`
#: never gives space back: trailing space is read once, not again from each character.)
_SPACED_TOKEN = re.compile(
    r"""
    \s*+(?:
      (?:[A-Z][a-z]*+|[a-z]++)(?![\w\u0300-\u036f.'’&-])  # a plain word: what the next
                                        # alternatives read it as, found in one step
    | [A-Z]-(?:[A-Z][a-z]*\.?)+(?![a-z])  # party and state: D-N.Y.  R-Fla.  I-Vt.
    | (?:[A-Za-z]\.){2,}(?![A-Za-z])     # U.S.  D.C.  a.m.
    | \d+(?:[.,:]\d+)+                  # 2.3  34,500  6:30
    | \w+(?:(?:[\u0300-\u036f]|(?<=[ÃÂ\u0302\u0303])[\x80-\xbf])+\w*)*   # words:
      (?:[-&]\w+)*(?:['’](?!s\b)\w+(?:[-&]\w+)*)*   # cease-fire, O'Rourke, José, PeÃ±a
    | ['’]s\b                              # possessive
    | \.\.\.|…|\.\s\.\s\.                 # ellipsis
    | ``|''                              # TeX's and old archives' quotation marks
    | [^\w\s]                              # any other punctuation mark
    | \Z
    )""",
    re.VERBOSE,
)
#: Letters a capitalised word starts with (Latin, accented ones included).
_UPPER_FIRST = frozenset(
    [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    + [chr(c) for c in range(ord("À"), ord("Ö") + 1)]
    + [chr(c) for c in range(ord("Ø"), ord("Þ") + 1)]
    + [chr(c) for c in range(ord("Ā"), ord("Ž") + 1)]
)


@dataclass
class Tokens:
    """Parallel lists: token i is `text[starts[i]:ends[i]]`."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]
    lowers: list[str]
    capitalised: list[bool]
    #: Capitalised tokens that are not names: sentence-initial words the article never
    #: capitalises elsewhere ("Hours later, ...").
    not_names: set[int] = field(default_factory=set)
    #: Tokens a name runs through without keeping them: the marks and words of a nickname
    #: (`Fenella "Flash" Okoro` is Fenella Okoro).
    nicknames: set[int] = field(default_factory=set)
    #: For each token, whether it can be a word of a name, `not_names` aside (filled on first
    #: use by store.extract.phrases.names.is_name_word, which every rule asks again and again).
    name_words: list[bool] | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.words)

    def span_text(self, first: int, last: int) -> str:
        """The article text from token `first` to token `last` inclusive."""
        if last < first:
            return ""
        return self.text[self.starts[first] : self.ends[last]]

    def name_text(self, first: int, last: int) -> str:
        """Like `span_text`, leaving out a nickname inside the name."""
        if not self.nicknames or not any(i in self.nicknames for i in range(first, last + 1)):
            return self.span_text(first, last)
        pieces: list[str] = []
        start = None
        for index in range(first, last + 2):
            if index <= last and index not in self.nicknames:
                start = index if start is None else start
            elif start is not None:
                pieces.append(self.span_text(start, index - 1))
                start = None
        return " ".join(pieces)

    def index_at(self, offset: int) -> int:
        """The first token that starts at or after a character offset."""
        return bisect_left(self.starts, offset)


_FIRST_LETTER = itemgetter(0)
#: A surname after the Arabic article, written in lower case and joined by a hyphen:
#: "al-Tamimi", "el-Masri", "ash-Shami". It is a capitalised word of a name like any other.
#: Found from the hyphen before a capital, which is rare, then the article before it (a
#: pattern tried at every character cost a sixth of tokenising).
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")
_ARTICLE = re.compile(ARTICLE_BEFORE_SURNAME)


def _capitalise_article_surname(
    text: str, hyphen: int, starts: list[int], capitalised: list[bool]
) -> None:
    """Mark the token that starts with the article before `hyphen` ("al" of "al-Tamimi")."""
    for size in (2, 3):
        start = hyphen - size
        if start < 0 or not _ARTICLE.fullmatch(text, start, hyphen + 1):
            continue
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue  # "Basal-Cell", "Ural-Volga": the letters end a longer word
        index = bisect_left(starts, start)
        if index < len(starts) and starts[index] == start:
            capitalised[index] = True
        return


def tokenize(text: str) -> Tokens:
    # Tokenising runs on every article and every quotation read on its own, and was a tenth of
    # extraction: the pieces come as plain strings (a match object per token kept the garbage
    # collector busy) and every list is built by map() in C, not a Python step per token.
    pieces = _SPACED_TOKEN.findall(text)
    while pieces and not pieces[-1].lstrip():
        pieces.pop()  # the trailing space, and the empty match at the very end
    words = list(map(str.lstrip, pieces))
    ends = list(accumulate(map(len, pieces)))
    starts = list(map(sub, ends, map(len, words)))
    capitalised = list(map(_UPPER_FIRST.__contains__, map(_FIRST_LETTER, words)))
    for hyphen in _HYPHEN_CAPITAL.finditer(text):
        _capitalise_article_surname(text, hyphen.start(), starts, capitalised)
    return Tokens(text, starts, ends, words, list(map(str.lower, words)), capitalised)

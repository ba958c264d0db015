"""Words as matching compares them: the same for the archive and for what people paste.

Case, accents, quote-mark and dash styles, punctuation and possessive apostrophes do not make a
quotation different: "Cease-fire", "ceasefire" and "cease‑fire" are one word.
Contractions are read as the words they stand for ("don't" is "do not", "can't" and "cannot"
are "can not"), so a paste that spells them out is still found; each word remembers the
contraction it came from, so that the difference can still be shown. Bracketed editorial
insertions ("[eventually]") are words the speaker did not say: they are kept apart so that
matching can take them or leave them. Every word keeps its character span in the original text,
so that a match can be shown in bold where it was printed.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

#: A word: letters or digits, with inner apostrophes, hyphens and digit separators joined in.
_WORD = re.compile(r"[^\W_]+(?:(?:['’‘`´\-‐‑–]|[.,](?=\d))[^\W_]+)*")
_JOINERS = re.compile(r"['’‘`´\-‐‑–.,]")
_BRACKETED = re.compile(r"\[[^\[\]]{0,200}\]")
#: Contractions and the words they stand for. A noun's "'s" is left alone, as it may be a
#: possessive ("the council's"); after a pronoun it is read as "is" (it may stand for "has":
#: then the diff shows "has" against "it's", which is what was printed).
_WHOLE_CONTRACTIONS = {
    "cant": ("can", "not"),
    "wont": ("will", "not"),
    "shant": ("shall", "not"),
    "lets": ("let", "us"),
    **{
        f"{pronoun}s": (pronoun, "is")
        for pronoun in "it that there here what who he she where how when why".split()
    },
}
_ENDINGS = (
    ("nt", "not"),
    ("re", "are"),
    ("ve", "have"),
    ("ll", "will"),
    ("m", "am"),
    ("d", "would"),
)
#: Written as one word without an apostrophe, yet two words all the same.
_UNMARKED = {"cannot": ("can", "not")}
_APOSTROPHES = "'’‘`´"
#: Distinct printed words whose folding `spoken` remembers: a newsroom's vocabulary, a few MB.
_FOLDED_WORDS = 1 << 18
#: Every part of every printed word, in order, without a Python loop over them.
_chain = itertools.chain.from_iterable
#: An ellipsis standing for omitted words.
ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")


@dataclass(frozen=True)
class Word:
    """One normalised word and where it was printed."""

    norm: str
    start: int
    end: int
    #: Inside square brackets: an editor's insertion, not the speaker's word.
    inserted: bool = False
    #: The contraction this word was read from ("don't" for "do" and for "not"), if any: the
    #: words match either way, but a quote that spells out what was contracted is not verbatim.
    contraction: str | None = None


def fold(word: str) -> str:
    """The comparable form of one word: no case, accents, apostrophes or hyphens.

    Letters and digits alone: a compatibility form decomposes to its letters plus a space ("ﹰ",
    "ͺ"), a symbol ("½" is 1⁄2), punctuation ("ŀ") or a mark ("ำ"), and those parts are
    dropped with the accents. A term of anything else would be empty, or several tokens, to
    SQLite's full-text index, which then refuses the query."""
    if word.isascii():
        lowered = word.lower()
        return _JOINERS.sub("", lowered) if not lowered.isalnum() else lowered
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def words(text: str) -> list[Word]:
    """The words of a text, in order, with their spans; bracketed ones marked as inserted."""
    inserted = [(m.start(), m.end()) for m in _BRACKETED.finditer(text)]
    found: list[Word] = []
    position = 0
    for match in _WORD.finditer(text):
        printed = match.group()
        parts = _folded(printed)
        if not parts:
            continue
        start, end = match.span()
        while position < len(inserted) and inserted[position][1] <= start:
            position += 1
        inside = position < len(inserted) and inserted[position][0] <= start
        contraction = _as_written(printed) if len(parts) > 1 else None
        for part in parts:
            found.append(Word(part, start, end, inside, contraction))
    return found


def _expanded(printed: str, norm: str) -> tuple[str, ...]:
    """ "don't" as ("do", "not"), "we're" as ("we", "are"); other words as they are."""
    if not any(mark in printed for mark in _APOSTROPHES):
        return (norm,)
    if norm in _WHOLE_CONTRACTIONS:
        return _WHOLE_CONTRACTIONS[norm]
    for ending, meaning in _ENDINGS:
        stem = norm[: -len(ending)]
        if norm.endswith(ending) and stem and _ends_with_apostrophe(printed, ending):
            return (stem, meaning)
    return (norm,)


def _as_written(contraction: str) -> str:
    """A contraction as shown in a diff: lower case, one apostrophe style ("don't")."""
    return re.sub(f"[{_APOSTROPHES}]", "'", contraction.lower())


def same_contraction(a: str | None, b: str | None) -> bool:
    """Two words read from the same contraction, or both from none ("don't" and "Don’t")."""
    return (a is None) == (b is None) and (a is None or fold(a) == fold(b or ""))


def _ends_with_apostrophe(printed: str, ending: str) -> bool:
    """ "don't" ends in "n't", "we're" in "'re": the apostrophe sits where the ending begins."""
    cut = len(printed) - len(ending) - (1 if ending == "nt" else 0)
    if ending == "nt":
        return printed[cut:].lower().startswith("n") and printed[cut + 1] in _APOSTROPHES
    return cut > 0 and printed[cut - 1] in _APOSTROPHES


def spoken(text: str) -> list[str]:
    """The normalised words the speaker said: bracketed insertions left out.

    The same words as `words` gives, without making a Word of each: the search index folds
    every quotation and paragraph it stores through this, and a bulk import stores tens of
    thousands a second, so each printed word is folded once (`_folded`, remembered) however
    often it recurs."""
    if "[" in text:
        # A word lies wholly inside brackets or wholly outside (neither bracket is part of a
        # word, nor a digit a separator could join): the words outside are those of the text
        # with each bracketed stretch a space.
        text = _BRACKETED.sub(" ", text)
    return list(_chain(map(_folded, _WORD.findall(text))))


@functools.lru_cache(maxsize=_FOLDED_WORDS)
def _folded(printed: str) -> tuple[str, ...]:
    """The normalised words one printed word stands for: none (no letters or digits), itself
    folded, or the two words of a contraction ("don't" is "do", "not")."""
    norm = fold(printed)
    if not norm:
        return ()
    if printed.isalnum():  # no apostrophe or hyphen (most words): itself, unless "cannot"
        return _UNMARKED.get(norm, (norm,))
    return _expanded(printed, norm)


def segments(text: str) -> list[str]:
    """The stretches between ellipses: each must be found, in order, for an excerpt to hold."""
    return [part for part in ELLIPSIS.split(text) if spoken(part)]


#: Words too common to identify a quotation on their own: a query of nothing else is answered
#: `not_found` rather than matched to whichever quotation happens to hold them.
COMMON_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own said same say says she should so some such than that the their theirs them then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would yes yet you your yours""".split()
)


def only_common(found: list[Word]) -> bool:
    """True when every word is a common one ("the", "we will"): nothing to identify a quote by."""
    return all(word.norm in COMMON_WORDS for word in found)

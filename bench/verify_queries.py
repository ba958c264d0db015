"""The questions the verifier benchmark asks: archived quotations as fact-checkers paste them.

Each kind imitates one way a pasted quote differs from what was printed: word for word, with
typos, with a word or two changed, a stretch of a longer quotation, an ellipsis over the middle,
words left out; `absent` queries are quotations written the same way but never archived.

A query counts only if its right answer is unambiguous, so that top-1 accuracy measures the
verifier and not the luck of a tie. That is checked against every archived quotation:
- the source is not contained in an archived quotation with other words (a short quotation
  inside a longer one would make both right);
- a fragment, or an ellipsis's two pieces together, occur only in quotations with the source's
  words; an edited query (typo, changed, missing) occurs nowhere word for word;
- no sentence of an absent query occurs in the archive word for word: it may open with "at the
  end of the day" and share the archive's vocabulary and sentence shapes, but a query holding
  an archived sentence ("We will not back down.") is partly in the archive, and a verifier that
  says so is right. Nor is the query within two word edits of a stretch of an archived
  quotation: "We have a few wives and no harbour" against an archived "We have a few hooks and
  no harbour" is a changed-word query, and a verifier that finds that quotation is right too.
Where the source has exact reprints, any of them is a right answer: they have the same words.
"""

from __future__ import annotations

import itertools
import random
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass

import verify_words as words
from rapidfuzz.distance import Levenshtein
from verify_data import MIN_WORDS, Speech, verb_forms

from store.normalise import quotation_words

KINDS = ("exact", "typo", "changed", "fragment", "ellipsis", "missing")
ABSENT = "absent"
ALL_KINDS = (*KINDS, ABSENT)

#: Fragments and ellipses are cut from quotations at least this long, so each piece says something.
LONG_WORDS = 12
#: Shorter sources get one edit, longer ones one or two.
TWO_EDITS_FROM = 10
#: An absent query shorter than this is too generic to be new ("we will fight the cuts").
ABSENT_MIN_WORDS = 8
#: An absent query is more than this many word edits away from every stretch of an archived
#: quotation: a changed query edits one or two words, a missing one leaves one or two out.
NEAR_EDITS = 2
ELLIPSIS = "…"
_EDGE_PUNCTUATION = ",;:"
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_CORE = re.compile(r"^(\W*)([A-Za-z]+)(\W*)$")
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


@dataclass(frozen=True)
class Query:
    kind: str
    #: What is pasted.
    text: str
    #: The source quotation as printed, and its normalised words; None for an absent query.
    source: str | None
    expected: str | None

    def to_json(self) -> dict[str, str | None]:
        return asdict(self)


class ArchivedWords:
    """Every archived quotation's normalised words, indexed by word, to find where words occur."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.words = [f" {quotation_words(text)} " for text in texts]
        self._postings: dict[str, array[int]] = {}
        for index, padded in enumerate(self.words):
            for word in set(padded.split()):
                self._postings.setdefault(word, array("I")).append(index)

    def containing(self, phrase: str) -> Iterator[int]:
        """The quotations in which `phrase` (normalised words) occurs as whole words."""
        tokens = set(phrase.split())
        if not tokens:
            return
        rarest = min(tokens, key=lambda word: len(self._postings.get(word, ())))
        pattern = f" {phrase} "
        for index in self._postings.get(rarest, ()):
            if pattern in self.words[index]:
                yield index

    def anywhere(self, phrase: str) -> bool:
        return next(self.containing(phrase), None) is not None

    def near(self, phrase: str, edits: int = NEAR_EDITS) -> bool:
        """Whether some quotation holds `phrase` with at most `edits` words changed, added or
        left out: "we have a few wives and no harbour" is near an archived "we have a few
        hooks and no harbour".

        Cut into `edits` + 1 stretches, the phrase keeps at least one of them intact in any
        such quotation, so only quotations holding one of the stretches are compared, first by
        their words as a set, then word by word over every window of about the phrase's length.
        """
        tokens = phrase.split()
        count = len(tokens)
        if count <= edits:
            return True
        pieces = edits + 1
        bounds = [round(count * i / pieces) for i in range(pieces + 1)]
        wanted = set(tokens)
        seen: set[int] = set()
        for first, last in itertools.pairwise(bounds):
            for index in self.containing(" ".join(tokens[first:last])):
                if index in seen:
                    continue
                seen.add(index)
                archived = self.words[index].split()
                if len(wanted - set(archived)) > edits:
                    continue
                if _within(tokens, archived, edits):
                    return True
        return False

    def only_as(self, phrase: str, source: str) -> bool:
        """Whether every quotation holding `phrase` has exactly the `source` words."""
        padded = f" {source} "
        return all(self.words[index] == padded for index in self.containing(phrase))


class QueryMaker:
    """Builds queries of each kind from archived quotations, checked to have one right answer."""

    def __init__(
        self, texts: Sequence[str], direct: Sequence[int], speech: Speech, seed: int
    ) -> None:
        self.texts = texts
        self.archived = ArchivedWords(texts)
        self.speech = speech
        self.rng = random.Random(f"queries-{seed}")
        self._absent_rng = random.Random(f"absent-{seed}")
        self._sources = list(direct)
        self.rng.shuffle(self._sources)
        self._next_source = 0
        self._makers: dict[str, Callable[[list[str]], str | None]] = {
            "exact": lambda tokens: " ".join(tokens),
            "typo": self._typo,
            "changed": self._changed,
            "fragment": self._fragment,
            "ellipsis": self._ellipsis,
            "missing": self._missing,
        }
        self._replacements = _replacements()

    def queries(self, per_kind: int) -> list[Query]:
        """`per_kind` queries of every kind, absent ones included, kind after kind."""
        made: list[Query] = []
        for kind in KINDS:
            made += [self._from_archive(kind) for _ in range(per_kind)]
        made += [self._absent() for _ in range(per_kind)]
        return made

    def _from_archive(self, kind: str) -> Query:
        while True:
            index = self._take_source()
            source = self.texts[index]
            expected = self.archived.words[index].strip()
            tokens = source.split()
            if kind in ("fragment", "ellipsis") and len(tokens) < LONG_WORDS:
                continue
            if not self.archived.only_as(expected, expected):
                continue
            text = self._makers[kind](tokens)
            if text is None or not self._answer_is_unique(kind, text, expected):
                continue
            return Query(kind, text, source, expected)

    def _take_source(self) -> int:
        if self._next_source >= len(self._sources):
            raise ValueError("the archive has too few suitable quotations for that many queries")
        self._next_source += 1
        return self._sources[self._next_source - 1]

    def _answer_is_unique(self, kind: str, text: str, expected: str) -> bool:
        if kind == "exact":
            return True
        if kind == "fragment":
            return self.archived.only_as(quotation_words(text), expected)
        if kind == "ellipsis":
            first, last = (quotation_words(piece) for piece in text.split(ELLIPSIS))
            both = set(self.archived.containing(first)) & set(self.archived.containing(last))
            return all(self.archived.words[index] == f" {expected} " for index in both)
        edited = quotation_words(text)
        return edited != expected and not self.archived.anywhere(edited)

    def _absent(self) -> Query:
        rng = self._absent_rng
        while True:
            self.speech.topic = rng.choice(sorted(words.TOPICS))
            text = self.speech.quotation(rng)
            if len(text.split()) < ABSENT_MIN_WORDS:
                continue
            sentences = [quotation_words(s) for s in _SENTENCE_END.split(text)]
            if any(self.archived.anywhere(sentence) for sentence in sentences):
                continue
            # A query two words away from an archived quotation is a "changed" query by
            # accident, and finding that quotation is right.
            if self.archived.near(quotation_words(text)):
                continue
            return Query(ABSENT, text, None, None)

    # -- the kinds of difference ---------------------------------------------------------------

    def _typo(self, tokens: list[str]) -> str | None:
        """1-3 character edits in 1-2 words of four letters or more."""
        candidates = [i for i, token in enumerate(tokens) if _letters(token, minimum=4)]
        if not candidates:
            return None
        edits = self.rng.randint(1, 3)
        most_words = 2 if len(tokens) >= TWO_EDITS_FROM else 1
        chosen = self.rng.sample(candidates, min(len(candidates), most_words, edits))
        shares = [1] * len(chosen)
        for _ in range(edits - len(chosen)):
            shares[self.rng.randrange(len(shares))] += 1
        edited = list(tokens)
        for index, share in zip(chosen, shares, strict=True):
            edited[index] = _retouch(edited[index], lambda core, n=share: self._misspell(core, n))
        return " ".join(edited)

    def _misspell(self, word: str, edits: int) -> str:
        for _ in range(edits):
            # Typos rarely hit the first letter; the word stays recognisable.
            at = self.rng.randrange(1, len(word))
            operation = self.rng.choice(("neighbour", "drop", "double", "swap"))
            if operation == "neighbour":
                word = word[:at] + _neighbour(word[at], self.rng) + word[at + 1 :]
            elif operation == "drop" and len(word) > 3:
                word = word[:at] + word[at + 1 :]
            elif operation == "double":
                word = word[:at] + word[at] + word[at:]
            elif at < len(word) - 1 and word[at] != word[at + 1]:
                word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
            else:
                word = word[:at] + _neighbour(word[at], self.rng) + word[at + 1 :]
        return word

    def _changed(self, tokens: list[str]) -> str | None:
        """1-2 words replaced by other words of the same kind (a noun by a noun)."""
        candidates = [
            i for i, token in enumerate(tokens) if _letters(token).lower() in self._replacements
        ]
        count = 2 if len(tokens) >= TWO_EDITS_FROM and self.rng.random() < 0.5 else 1
        if len(candidates) < count:
            return None
        edited = list(tokens)
        for index in self.rng.sample(candidates, count):
            edited[index] = _retouch(edited[index], self._replace)
        return " ".join(edited)

    def _replace(self, word: str) -> str:
        pool = self._replacements[word.lower()]
        while (other := self.rng.choice(pool)) == word.lower():
            pass
        return other.capitalize() if word[:1].isupper() else other

    def _fragment(self, tokens: list[str]) -> str:
        """A contiguous 30-60 % stretch of the quotation."""
        size = max(4, round(len(tokens) * self.rng.uniform(0.3, 0.6)))
        start = self.rng.randrange(len(tokens) - size + 1)
        stretch = " ".join(tokens[start : start + size])
        return stretch.strip(_EDGE_PUNCTUATION)

    def _ellipsis(self, tokens: list[str]) -> str:
        """The first third, an ellipsis for the middle, the last third."""
        third = len(tokens) // 3
        first = " ".join(tokens[:third]).rstrip(_EDGE_PUNCTUATION)
        return f"{first} {ELLIPSIS} {' '.join(tokens[-third:])}"

    def _missing(self, tokens: list[str]) -> str | None:
        """1-2 words left out of the middle."""
        if len(tokens) < MIN_WORDS:
            return None
        count = 2 if len(tokens) >= TWO_EDITS_FROM and self.rng.random() < 0.5 else 1
        dropped = set(self.rng.sample(range(1, len(tokens) - 1), count))
        return " ".join(token for i, token in enumerate(tokens) if i not in dropped)


def _within(tokens: list[str], archived: list[str], edits: int) -> bool:
    """Whether some stretch of `archived` is at most `edits` word edits from `tokens`."""
    count = len(tokens)
    for size in range(max(1, count - edits), count + edits + 1):
        for start in range(0, max(1, len(archived) - size + 1)):
            window = archived[start : start + size]
            if Levenshtein.distance(tokens, window, score_cutoff=edits) <= edits:
                return True
    return False


def _letters(token: str, minimum: int = 1) -> str:
    """The word inside a token ("day," -> "day"), or "" when it is not plain letters."""
    match = _CORE.match(token)
    return match.group(2) if match and len(match.group(2)) >= minimum else ""


def _retouch(token: str, change: Callable[[str], str]) -> str:
    """The token with its word changed and its punctuation kept."""
    match = _CORE.match(token)
    assert match is not None
    before, core, after = match.groups()
    return before + change(core) + after


def _neighbour(letter: str, rng: random.Random) -> str:
    """A key next to `letter` on a QWERTY keyboard, in the same case."""
    lower = letter.lower()
    for row in _KEYBOARD:
        if lower in row:
            at = row.index(lower)
            near = [row[i] for i in (at - 1, at + 1) if 0 <= i < len(row)]
            typed = rng.choice(near)
            return typed.upper() if letter.isupper() else typed
    return letter


def _replacements() -> dict[str, list[str]]:
    """Each content word of the vocabulary, and the words of its kind that can replace it."""
    forms = [verb_forms(entry) for entry in words.VERBS]
    families = [
        [noun for noun in words.NOUNS if " " not in noun],
        list(words.ADJECTIVES),
        list(words.ADVERBS),
        [base for base, _, _ in forms],
        sorted({past for _, past, _ in forms}),
        [ing for _, _, ing in forms],
    ]
    pool: dict[str, list[str]] = {}
    for family in families:
        for word in family:
            pool.setdefault(word, family)
    return pool

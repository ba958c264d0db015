"""How an article describes the people it names: headlines and datelines that name nobody,
roles written before a name, after it, or after "as"."""

from __future__ import annotations

import bisect
from collections import Counter
from itertools import compress
from operator import and_, itemgetter

from store.extract.grammar import ARTICLES, DETERMINERS, FUNCTION_WORDS
from store.extract.lexicon import (
    role_nouns,
    speech_verbs,
    word_class,
)
from store.extract.people.entity import (
    role_word,
)
from store.extract.people.state import PeopleState
from store.extract.subjects.common import ROLE_REACH

HEADLINE_WORDS = 4
HEADLINE_SHARE = 0.7
#: Words this long or longer are capitalised in a Title Case headline, unless function words.
TITLE_CASE_SMALL = 4
#: "Ines Calloway, the harbourmaster,": a short "the …" appositive is a role.
SHORT_APPOSITIVE = 4
ROLE_BEFORE = 4
NOT_DESCRIPTIONS = word_class("not-descriptions")
OPENER_WORDS = word_class("opener-words")
#: How many words a sentence may open with before its subject ("In an interview on Friday,").
OPENER_REACH = 8
AS_DETERMINERS = word_class("as-determiners")
AS_ROLE_WORDS = 4
#: Determiners that say whose: "His daughter, Lotte, …", "Their lawyer, Ana Ruiz, …".
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
#: "NEW DELHI:" is a dateline in the headline, a byline or the first paragraph only.
_COLON_DATELINE_PARAGRAPHS = 3


class TextReading(PeopleState):
    """What `People` reads of the text around each name (a part of `People`)."""

    def _title_case_paragraphs(self) -> set[int]:
        """Headlines in Title Case ("Ledger Quietly Confuses Rob Hale With …") name nobody
        reliably: every word is capitalised."""
        tokens = self.tokens
        paragraphs = (self.paragraph_of[-1] + 1) if self.paragraph_of else 0
        # Counted by scans in C (this runs on every article): the words that start with a
        # letter, and those of them capitalised, per paragraph.
        letters = list(map(str.isalpha, map(itemgetter(0), tokens.words)))
        words = Counter(compress(self.paragraph_of, letters))
        capitals = Counter(compress(self.paragraph_of, map(and_, letters, tokens.capitalised)))
        capitalised = {
            paragraph
            for paragraph in range(paragraphs)
            if words[paragraph] >= HEADLINE_WORDS
            and capitals[paragraph] / words[paragraph] >= HEADLINE_SHARE
        }
        if not capitalised:
            return capitalised
        # Title Case leaves only small words in lower case: "among Ruiz's detractors" in a
        # dateline's sentence full of names is a sentence.
        return {
            paragraph
            for paragraph in capitalised
            if not any(
                not tokens.capitalised[index]
                and len(tokens.words[index]) >= TITLE_CASE_SMALL
                and tokens.words[index].isalpha()
                and tokens.lowers[index] not in FUNCTION_WORDS
                for index in range(
                    bisect.bisect_left(self.paragraph_of, paragraph),
                    bisect.bisect_right(self.paragraph_of, paragraph),
                )
            )
        }

    def _dateline(self, first: int, last: int) -> bool:
        """ "PORT ARDITH, Vale —" opening a paragraph names the place of the story, not a person
        (and "Port Ardith" later is that place); so does "NEW DELHI:" opening one of the
        article's first paragraphs, as South Asian and other newspapers write it (further on,
        "JOHN VALE:" is more likely a transcript's speaker)."""
        tokens = self.tokens
        following = last + 1
        if not (
            (first == 0 or self.paragraph_of[first - 1] != self.paragraph_of[first])
            and all(tokens.words[i].isupper() for i in range(first, following))
            and following < len(tokens)
        ):
            return False
        if tokens.words[following] == ":":
            return self.paragraph_of[first] < _COLON_DATELINE_PARAGRAPHS
        return tokens.words[following] in {",", "(", "—", "–", "-"}

    def _describes(self, end: int) -> bool:
        """ "Harbour Party candidate Rob Hale": capitalised words before a role noun."""
        following = end + 1
        return following < len(self.tokens) and (
            not self.tokens.capitalised[following] and self.tokens.lowers[following] in role_nouns()
        )

    def _is_subject(self, first: int, sentence_starts: set[int]) -> bool:
        """Whether the name at `first` opens its clause, where "he" most likely finds it later:
        "Lorna Vale said", "But Vale said", "Union spokesman Ed Pry declined"."""
        opening = self._role_before_start(first)
        if opening is not None and (opening in sentence_starts or opening - 1 in sentence_starts):
            return True
        return first in sentence_starts or first - 1 in sentence_starts

    def _after_opener(self, first: int, sentence_starts: set[int]) -> bool:
        """ "On Friday, Vale said", "On Monday, union spokesman Ed Pry said": a name after a
        short opening phrase, likely the subject (though "In that sense, Kessel Point was …"
        names a place: the caller asks for more)."""
        lowers = self.tokens.lowers
        first = self._role_before_start(first) or first
        if first == 0 or lowers[first - 1] != ",":
            return False
        start = next(
            (
                i
                for i in range(first - 2, max(-1, first - OPENER_REACH - 2), -1)
                if i in sentence_starts
            ),
            None,
        )
        return start is not None and lowers[start] in OPENER_WORDS

    def _role_before(self, first: int) -> str | None:
        """ "singer-songwriter Marcus Fenwick", "the VCG international spokesperson Ivo
        Brandt": a role written right before the name."""
        start = self._role_before_start(first)
        return None if start is None else self.tokens.span_text(start, first - 1)

    def _role_before_start(self, first: int) -> int | None:
        tokens = self.tokens
        if first == 0 or tokens.capitalised[first - 1] or not role_word(tokens.lowers[first - 1]):
            return None
        paragraph = self.paragraph_of[first]
        if self.paragraph_of[first - 1] != paragraph:
            return None  # the headline's "…, says minister" and the first line's name
        start = first - 1
        while (
            start > 0
            and first - start < ROLE_BEFORE
            and self.paragraph_of[start - 1] == paragraph
            and tokens.words[start - 1][0].isalpha()
            and tokens.lowers[start - 1] not in DETERMINERS
            and tokens.lowers[start - 1] not in NOT_DESCRIPTIONS
        ):
            start -= 1
        return start

    def _role_before_comma(self, first: int, last: int, sentence_starts: set[int]) -> str | None:
        """ "The leader of Vale Borough Council, Councillor Amira Thorne, said": a role opening
        the sentence, set off by commas before the name it describes."""
        tokens = self.tokens
        comma = first - 1
        after = last + 1
        if comma < 2 or tokens.words[comma] != "," or after >= len(tokens):
            return None
        if tokens.words[after] != ",":
            return None  # "The leader of the council, Thorne and Lusk …": a list, not a role
        start = comma - 1
        while start > 0 and comma - start <= ROLE_REACH and start not in sentence_starts:
            start -= 1
        if start not in sentence_starts:
            return None
        if tokens.lowers[start] in ARTICLES:
            first_word = start + 1
        elif tokens.lowers[start] in _POSSESSIVE_DETERMINERS:
            first_word = start  # "His daughter, Lotte, …": whose is part of the role
        elif start + 1 < comma and tokens.words[start + 1] in {"’s", "'s"}:
            first_word = start  # "Ruiz's deputy, Tomas Ek, …"
        else:
            return None
        words = range(first_word, comma)
        lowers = tokens.lowers
        if not any(role_word(lowers[i]) and not tokens.capitalised[i] for i in words):
            return None
        if any(
            not tokens.words[i][0].isalnum() and tokens.words[i] not in {"’s", "'s", "-"}
            for i in words
        ) or any(speech_verbs().base(lowers[i]) is not None for i in words):
            return None
        return tokens.span_text(first_word, comma - 1)

    def _appositive_role(self, last: int) -> str | None:
        """ "Hale, Vale's longest-serving harbour master, ..." gives a role."""
        tokens = self.tokens
        start = last + 1
        if start >= len(tokens) or tokens.words[start] != ",":
            return None
        stop = start + 1
        while (
            stop < len(tokens)
            and stop - start <= ROLE_REACH
            and tokens.words[stop] not in {",", ".", ";", ":", "(", "“", '"', "—"}
        ):
            stop += 1
        if stop - start > ROLE_REACH or stop == start + 1 or stop >= len(tokens):
            return None
        if tokens.words[stop] == "," and stop == start + 2 and tokens.words[start + 1].isdigit():
            return self._appositive_role(stop - 1)  # "Oskar Brennholt, 63, the owner of …"
        if tokens.words[stop] not in {",", ".", ";"}:
            return None  # not closed like an appositive: "…, the candidate stated that “…”"
        lowers = tokens.lowers[start + 1 : stop]
        if any(speech_verbs().base(word) is not None for word in lowers):
            return None
        first = lowers[0]
        possessive = tokens.words[start + 2 : start + 3] in (["’s"], ["'s"])
        short_title = first == "the" and len(lowers) <= SHORT_APPOSITIVE
        has_role = any(role_word(word) for word in lowers)
        bare = not tokens.capitalised[start + 1] and first not in {"who", "which", "whose"}
        # "a senior economist at …", "Vale's harbour master", "chief executive of …"
        if ((first in DETERMINERS or possessive) and (short_title or has_role)) or (
            bare and has_role
        ):
            return tokens.span_text(start + 1, stop - 1)
        return None

    def _role_after_as(self, last: int) -> str | None:
        """ "signed Tomas Brink as its new goalkeeper", "named Ana Ruiz as the harbour
        master": the role a verb gives the person it names."""
        tokens = self.tokens
        start = last + 1
        if start + 2 >= len(tokens) or tokens.lowers[start] != "as":
            return None
        if tokens.lowers[start + 1] not in AS_DETERMINERS:
            return None
        for index in range(start + 2, min(len(tokens), start + 2 + AS_ROLE_WORDS)):
            word = tokens.words[index]
            if word in {"’s", "'s"}:
                continue  # "as the club's new goalkeeper"
            if not word[0].isalpha() or not self._outside[index]:
                return None
            if role_word(tokens.lowers[index]) and (
                index + 1 >= len(tokens)
                or not tokens.words[index + 1][0].isalpha()
                or tokens.lowers[index + 1] in {"of", "for", "at", "and", "on", "in"}
            ):
                return tokens.span_text(start + 2, index)
        return None

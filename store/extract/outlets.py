"""To whom the words were said (`reported_to`) and who relayed them (`via`).

"she told the Meridian Wire" and "in an interview with the Ledger" give `reported_to`; "per the
Coastal Post", "according to The Harbour Ledger", "per a copy of the plan obtained by the Meridian
Wire" and "AP reported" give `via`. Short forms are expanded from the article itself: "MW" in a
Meridian Wire article, "the Ledger" after "The Harbour Ledger", "the outlet" for the last outlet
named.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress

from store.extract.grammar import ARTICLES
from store.extract.lexicon import known_outlets, outlet_words, role_nouns, titles, word_class
from store.extract.phrases import run_starting_at
from store.extract.tokens import Tokens

_BACK_REFERENCES = word_class("outlet-back-references")
_DOCUMENTS = word_class("relayed-documents")
_INTERVIEW = word_class("interview-words")
_REPORTING = frozenset({"reported", "reports", "reporting", "report", "quoted", "cited"})
#: Every word `Outlets.relay` acts on.
_RELAY_WORDS = (
    frozenset(
        "told tells telling tell speaking spoke talking talked said per via according by".split()
    )
    | _INTERVIEW
    | _REPORTING
)
_MAX_DOCUMENT_REACH = 8
_MAX_OUTLET_WORDS = 6
_LEADING_OUTLET = word_class("outlet-leading-words")


@dataclass(frozen=True)
class Relay:
    reported_to: str | None = None
    via: str | None = None


class Outlets:
    """The outlets one article names, for recognising and expanding references to them."""

    def __init__(self, tokens: Tokens, article_outlet: str | None) -> None:
        self.tokens = tokens
        self.article_outlet = article_outlet
        self.named: list[tuple[int, str]] = []  # (token position, outlet name) in text order
        self._seen: set[tuple[int, str]] = set()
        #: Short forms of the outlets met so far: initials ("BI") and later words ("ledger").
        self._short: dict[str, str] = {}
        if article_outlet:
            self._learn_short(article_outlet)
        #: Where the words that can start a relay stand, so `relay` skips the rest.
        self._triggers = list(
            compress(range(len(tokens)), map(_RELAY_WORDS.__contains__, tokens.lowers))
        )

    def is_outlet(self, name: str) -> bool:
        words = name.lower().replace("’s", "").replace("'s", "").split()
        if not words or len(words) > _MAX_OUTLET_WORDS:
            return False
        if self._expand_short(name) is not None:
            return True
        if " ".join(words) in known_outlets() or words[0] in known_outlets():
            return True
        if len(words) < 2 or any(word in titles() or word in role_nouns() for word in words):
            return False  # "Press Secretary Dov Arlen" is a person
        # "Northgate Post", "Lantern News Service", "Radio Kestrel", "Channel 9".
        return words[-1] in outlet_words() or "news" in words or words[0] in _LEADING_OUTLET

    def _learn_short(self, outlet: str) -> None:
        words = [w for w in outlet.split() if w.lower() != "the"]
        if len(words) < 2:
            return
        initials = "".join(w[0] for w in words if w[0].isalpha()).upper()
        self._short[initials] = outlet
        for word in words[1:]:
            self._short[word.lower()] = outlet

    def _expand_short(self, name: str) -> str | None:
        """ "MW" for the Meridian Wire, "the Ledger" for The Harbour Ledger."""
        bare = name.strip()
        if bare.lower().startswith("the "):
            bare = bare[4:]
        found = self._short.get(bare if bare.isupper() and len(bare) >= 2 else bare.lower())
        return found if found is not None and found.lower() != name.strip().lower() else None

    def canonical(self, name: str) -> str:
        return self._expand_short(name) or name

    def back_reference(self, at: int) -> str | None:
        """ "the outlet": the outlet named last before `at`, else the article's own."""
        index = bisect.bisect_left(self.named, (at, ""))
        if index:
            return self.named[index - 1][1]
        return self.article_outlet

    def remember(self, at: int, name: str) -> None:
        if (at, name) not in self._seen:
            self._seen.add((at, name))
            bisect.insort(self.named, (at, name))
            self._learn_short(name)

    def learn(self, quoted: list[bool], runs: Mapping[int, int] | None = None) -> None:
        """Remember every outlet the article names outside quotations, in text order.

        `runs`: the name runs already found from each start to the end of the text (People
        walks the same runs first: store.extract.people.People.runs), so that each is read once.
        """
        tokens = self.tokens
        count = len(tokens)
        runs = runs or {}
        following = 0  # where the next run may start
        for index in compress(range(count), tokens.capitalised):
            if index < following or quoted[index]:
                continue
            end = runs.get(index)
            if end is None:
                end = run_starting_at(tokens, index, count - 1)
            if end is None:
                continue
            start = index
            if end - start < _MAX_OUTLET_WORDS:
                name = tokens.span_text(start, end)
                if index > 0 and tokens.words[index - 1] == "The":
                    name = tokens.span_text(index - 1, end)
                if self.is_outlet(name):
                    self.remember(start, self.canonical(name))
            following = end + 1

    def name_at(self, index: int, high: int) -> tuple[str, int] | None:
        """An outlet named at token `index` ("Meridian Wire", "the Ledger", "MW"), with its end."""
        tokens = self.tokens
        start = index
        if start <= high and tokens.lowers[start] == "the":
            if start + 1 <= high and tokens.lowers[start + 1] in _BACK_REFERENCES:
                outlet = self.back_reference(start)
                return (outlet, start + 1) if outlet else None
            start += 1
        end = run_starting_at(tokens, start, high)
        if end is None:
            return None
        name = tokens.span_text(start, end)
        if tokens.words[index] == "The":
            name = tokens.span_text(index, end)
        if not self.is_outlet(name):
            return self._known_at(start, high)
        return self.canonical(name), end

    def _known_at(self, start: int, high: int) -> tuple[str, int] | None:
        """An outlet whose name holds a word that is no name alone: "Harbour Today"."""
        tokens = self.tokens
        for end in range(min(high, start + _MAX_OUTLET_WORDS - 1), start, -1):
            if not all(tokens.capitalised[i] for i in range(start, end + 1)):
                continue
            name = tokens.span_text(start, end)
            if self.is_outlet(name):
                return self.canonical(name), end
        return None

    def relay(self, low: int, high: int, skip: list[bool]) -> Relay:
        """Find reported_to and via in tokens low..high, ignoring quoted tokens (`skip`)."""
        tokens = self.tokens
        lowers = tokens.lowers
        reported_to: str | None = None
        via: str | None = None
        first = bisect.bisect_left(self._triggers, low)
        last = bisect.bisect_right(self._triggers, high)
        for index in self._triggers[first:last]:
            if skip[index]:
                continue
            lower = lowers[index]
            found: tuple[str, int] | None = None
            if lower in {"told", "tells", "telling", "tell"} or (
                lower in {"speaking", "spoke", "talking", "talked", "said"}
                and index + 1 <= high
                and lowers[index + 1] in {"to", "with", "on"}
            ):
                target = index + 1 if lower in {"told", "tells", "telling", "tell"} else index + 2
                found = self.name_at(target, high) if target <= high else None
                if found and reported_to is None:
                    reported_to = found[0]
            elif lower in _INTERVIEW and index + 1 <= high and lowers[index + 1] in {"with", "to"}:
                found = self.name_at(index + 2, high) if index + 2 <= high else None
                if found and reported_to is None:
                    reported_to = found[0]
            elif lower in {"per", "via"} or (
                lower == "according" and index + 1 <= high and lowers[index + 1] == "to"
            ):
                target = index + 1 if lower != "according" else index + 2
                found = self._via_at(target, high)
                if found and via is None:
                    via = found[0]
            elif (
                lower in {"by"}
                and index > low
                and lowers[index - 1]
                in {
                    "obtained",
                    "seen",
                    "reviewed",
                    "reported",
                    "published",
                    "cited",
                    "quoted",
                    "aired",
                    "broadcast",
                }
            ):
                found = self.name_at(index + 1, high) if index + 1 <= high else None
                if found and via is None:
                    via = found[0]
            elif lower in _REPORTING and index - 1 >= low and not skip[index - 1]:
                found = self._name_ending_at(index - 1, low)
                if not found and lowers[index - 1] == "," and index + 1 <= high:
                    # "…, said Ines Marlow, head of …, reports Harbour Today."
                    after = self.name_at(index + 1, high)
                    found = after[0] if after else None
                if found and via is None:
                    via = found
            if found:
                self.remember(index, found[0] if isinstance(found, tuple) else found)
        return Relay(reported_to, via)

    def _via_at(self, index: int, high: int) -> tuple[str, int] | None:
        """After "per" or "according to": an outlet, or a document "obtained by" an outlet."""
        if index > high:
            return None
        direct = self.name_at(index, high)
        if direct:
            return direct
        lowers = self.tokens.lowers
        stop = min(high, index + _MAX_DOCUMENT_REACH)
        if lowers[index] in ARTICLES and any(
            lowers[i] in _DOCUMENTS for i in range(index, stop + 1)
        ):
            for position in range(index, stop + 1):
                if (
                    lowers[position] == "by"
                    and position > index
                    and lowers[position - 1]
                    in {
                        "obtained",
                        "seen",
                        "reviewed",
                        "published",
                        "released",
                    }
                ):
                    return self.name_at(position + 1, high) if position + 1 <= high else None
        return None

    def _name_ending_at(self, end: int, low: int) -> str | None:
        """ "AP reported", "The Harbour Ledger reported"."""
        tokens = self.tokens
        start = end
        while (
            start - 1 >= low
            and tokens.capitalised[start - 1]
            and tokens.words[start - 1][0].isalpha()
        ):
            start -= 1
        if start > end or not tokens.capitalised[end]:
            return None
        name = tokens.span_text(start, end)
        if start > low and tokens.lowers[start - 1] == "the" and tokens.words[start - 1] == "the":
            pass
        return self.canonical(name) if self.is_outlet(name) else None

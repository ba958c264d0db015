"""A quotation's own cue: the named rules, tried in one declared order, and the guards between.

`OWN_CUE_RULES` is the order: the first rule that finds a cue (and that none of its guards
vetoes) attributes the quotation, and its name is recorded on the attribution
(`store.quotation.Quotation.speaker_rule`), so that a benchmark can score each rule and an
answer can say which one spoke. A new rule goes in the table where it must win over the ones
after it, with a test keyed by its name (tests/test_extract_rules.py).

Quotations without a cue of their own borrow one from a neighbour (`store.extract.neighbours`);
those rules are named there (`NEIGHBOUR_RULES`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from store.extract.cues.according import according_alone
from store.extract.cues.after import cue_after
from store.extract.cues.asides import cue_at_sentence_end, inverted_aside, sentence_subject
from store.extract.cues.before import cue_before
from store.extract.cues.cue import Cue
from store.extract.cues.possessives import possessed_speech
from store.extract.cues.windows import (
    LIGHT_COMPLEMENT,
    after_range,
    before_range,
    cue_in_next_sentence,
    embedded,
    has_words,
    in_subordinate_clause_before,
    opening_participle_subject,
    quote_bounds,
    quoted_earlier,
)
from store.extract.document import Document, QuoteTokens
from store.extract.outlets import Outlets


@dataclass
class Window:
    """Where one quotation's cue may stand, and what the rules found there so far."""

    document: Document
    quote: QuoteTokens
    outlets: Outlets
    #: The quotation's sentence within reach, and the stretches after and before the quotation
    #: up to the next or previous quotation.
    low: int
    high: int
    after_low: int
    after_high: int
    before_low: int
    before_high: int
    _found: dict[str, Cue | None] = field(default_factory=dict)

    @classmethod
    def around(cls, document: Document, quote: QuoteTokens, outlets: Outlets) -> Window:
        low, high = quote_bounds(document, quote)
        after_low, after_high = after_range(document, quote, high)
        before_low, before_high = before_range(document, quote, low)
        return cls(
            document, quote, outlets, low, high, after_low, after_high, before_low, before_high
        )

    def cue_right_after(self) -> Cue | None:
        """The cue in the words after the quotation (found once)."""
        if "after" not in self._found:
            low, high = self.after_low, self.after_high
            self._found["after"] = cue_after(self.document, low, high) if low <= high else None
        return self._found["after"]

    def cue_next_sentence(self) -> Cue | None:
        """`"Why not?" Smith asked.`: the cue of the next sentence, when nothing follows the
        quotation in its own (found once)."""
        if "next" not in self._found:
            self._found["next"] = (
                cue_in_next_sentence(self.document, self.quote, self.high)
                if self.cue_right_after() is None
                and not has_words(self.document, self.after_low, self.after_high)
                else None
            )
        return self._found["next"]

    def cue_following(self) -> Cue | None:
        """The cue after the quotation, in its sentence or the next."""
        return self.cue_right_after() or self.cue_next_sentence()


@dataclass(frozen=True)
class Guard:
    """A named veto on a rule's cue: `vetoes(window, cue)` says the cue is not this quotation's."""

    name: str
    #: What the guard keeps out, in plain words.
    words: str
    vetoes: Callable[[Window, Cue], bool]


@dataclass(frozen=True)
class Rule:
    """A named way to find a quotation's own cue."""

    name: str
    #: Where the cue stands, as the attribution model's features know it: "after", "before"
    #: or "subject" (store.extract.candidates).
    source: str
    #: How the rule found the speaker, in plain words a fact-checker reads.
    words: str
    find: Callable[[Window], Cue | None]
    guards: tuple[Guard, ...] = ()

    def apply(self, window: Window) -> Cue | None:
        cue = self.find(window)
        if cue is not None:
            for guard in self.guards:
                if guard.vetoes(window, cue):
                    return None
        return cue


# -- guards --------------------------------------------------------------------------------------


def _according(window: Window, cue: Cue) -> bool:
    return window.document.tokens.lowers[cue.verb] == "according"


def _relayed_by_outlet(window: Window, cue: Cue) -> bool:
    return window.outlets.is_outlet(cue.mention.text)


def _talked_about(window: Window, cue: Cue) -> bool:
    return cue.mention.last == window.quote.open - 1 and quoted_earlier(
        window.document, window.quote
    )


#: "Pike called it 'a disgrace,' according to the Herald": "according to" names who relays
#: (case according-relays-1); it names the speaker only when nothing else does, later.
ACCORDING_LATER = Guard(
    "according-later", "“according to” names the speaker only when nothing else does", _according
)
#: "…, according to the Herald": an outlet relays, it did not speak (case according-relays-1).
OUTLET_RELAYS = Guard("outlet-relays", "an outlet that relays did not speak", _relayed_by_outlet)
#: '"…," said Okafor. Hale "rather overstated it."': Hale is what Okafor talks about (case
#: subject-talked-about-1).
TALKED_ABOUT = Guard(
    "talked-about",
    "a name right before a quotation that follows another's is who is talked about",
    _talked_about,
)


# -- rules ---------------------------------------------------------------------------------------


def _opening_participle(window: Window) -> Cue | None:
    return opening_participle_subject(window.document, window.quote, window.low, window.high)


def _aside_closing(window: Window) -> Cue | None:
    return inverted_aside(window.document, window.quote.close + 1, window.high, closing=True)


def _main_clause_before(window: Window) -> Cue | None:
    """The quotation sits in an opening subordinate clause and the cue after it introduces the
    next quotation: the cue before it, if any (case subordinate-shout-1)."""
    after = window.cue_following()
    if after is None or _according(window, after):
        return None
    if not in_subordinate_clause_before(window.document, window.quote, after, window.low):
        return None
    if window.before_low > window.before_high:
        return None
    return cue_before(window.document, window.before_low, window.before_high)


def _according_alone(window: Window) -> Cue | None:
    return according_alone(window.document, window.low, window.high, window.quote.open)


def _right_after(window: Window) -> Cue | None:
    return window.cue_right_after()


def _next_sentence(window: Window) -> Cue | None:
    return window.cue_next_sentence()


def _aside_inside(window: Window) -> Cue | None:
    return inverted_aside(window.document, window.low, window.before_high, closing=False)


def _before(window: Window) -> Cue | None:
    if window.before_low > window.before_high:
        return None
    return cue_before(window.document, window.before_low, window.before_high)


def _before_across_quotation(window: Window) -> Cue | None:
    if window.low >= window.before_low:
        return None
    return cue_before(window.document, window.low, window.quote.open - 1)


def _according_to(window: Window) -> Cue | None:
    cue = window.cue_following()
    return cue if cue is not None and _according(window, cue) else None


def _sentence_end(window: Window) -> Cue | None:
    if window.after_low > window.after_high:
        return None
    return cue_at_sentence_end(window.document, window.after_low, window.after_high)


def _possessive(window: Window) -> Cue | None:
    return possessed_speech(window.document, window.low, window.quote, window.high)


def _subject_of_sentence(window: Window) -> Cue | None:
    if not embedded(window.document, window.quote, window.low, window.high):
        return None
    return sentence_subject(window.document, window.low, window.quote.open - 1)


#: A quotation's own cue: the first of these rules that finds one, in this order.
OWN_CUE_RULES: tuple[Rule, ...] = (
    Rule(
        "opening-participle",
        "subject",
        "the subject after an opening phrase that holds the quotation",
        _opening_participle,
    ),
    Rule("aside-closing", "after", "an aside closing the sentence", _aside_closing),
    Rule(
        "main-clause-before",
        "before",
        "the speech verb before the quotation (the one after it is the next quotation's)",
        _main_clause_before,
    ),
    Rule("after", "after", "the speech verb after the quotation", _right_after, (ACCORDING_LATER,)),
    Rule(
        "next-sentence",
        "after",
        "the speech verb of the short sentence after the quotation",
        _next_sentence,
        (ACCORDING_LATER,),
    ),
    Rule(
        "according-to-alone",
        "before",
        "“according to”, the only attribution of the sentence",
        _according_alone,
    ),
    Rule("aside-inside", "before", "an aside inside the sentence", _aside_inside),
    Rule("before", "before", "the speech verb before the quotation", _before),
    Rule(
        "before-across-quotation",
        "before",
        "the speech verb before an earlier quotation of the sentence",
        _before_across_quotation,
    ),
    Rule("according-to", "before", "“according to”", _according_to, (OUTLET_RELAYS,)),
    Rule("sentence-end", "after", "an attribution closing the sentence", _sentence_end),
    Rule("possessive", "before", "a possessive: someone's words", _possessive),
    Rule(
        "sentence-subject",
        "subject",
        "the subject of the sentence that holds the quotation",
        _subject_of_sentence,
        (TALKED_ABOUT,),
    ),
)


def own_cue(document: Document, quote: QuoteTokens, outlets: Outlets) -> tuple[Rule, Cue] | None:
    """The first rule of `OWN_CUE_RULES` that finds the quotation's cue, and the cue."""
    window = Window.around(document, quote, outlets)
    for rule in OWN_CUE_RULES:
        cue = rule.apply(window)
        if cue is not None:
            return rule, cue
    return None


__all__ = [
    "LIGHT_COMPLEMENT",
    "OWN_CUE_RULES",
    "Guard",
    "Rule",
    "Window",
    "after_range",
    "before_range",
    "own_cue",
    "quote_bounds",
]

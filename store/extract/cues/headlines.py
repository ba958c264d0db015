"""Cues of headlines, transcripts and labels: `Hale: "…"`, `More from Ruiz: "…"`,
`Here's Hale in March 1998: "…"`."""

from __future__ import annotations

from store.extract.cues.asides import before_aside
from store.extract.cues.cue import Cue
from store.extract.document import Document
from store.extract.phrases import (
    NAME,
    NOMINAL,
    phrase_ending_at,
    phrase_starting_at,
)
from store.extract.subjects import (
    PARENTHESIS_REACH,
    with_partner,
)

#: Words that introduce a quoted source before a colon: "More from Jones:", "From the report:",
#: "Here's Hale in March 1998:".
_LABEL_STARTS = (
    ("more", "from"),
    ("from",),
    ("here's",),
    ("here’s",),
    ("here", "'s"),
    ("here", "’s"),
    ("here", "is"),
)


def _labelled_source(document: Document, low: int, high: int) -> Cue | None:
    """`More from Jones: "…"`, `Here's Hale in March 1998: "…"`: the source a label
    names, in a clause of its own before the colon."""
    lowers, words = document.tokens.lowers, document.tokens.words
    start = max(
        (i + 1 for i in range(low, high) if words[i] in {".", "-", "—", "–", ";", "?", "!"}),
        default=low,
    )
    for label in _LABEL_STARTS:
        if tuple(lowers[start : start + len(label)]) != label:
            continue
        mention = phrase_starting_at(document.tokens, start + len(label), high - 1)
        if mention is None or mention.kind not in {NAME, NOMINAL}:
            return None
        rest = range(mention.last + 1, high)
        joined = (
            rest
            and lowers[mention.last + 1] == "and"
            and all(document.tokens.capitalised[i] for i in range(mention.last + 2, high))
        )
        if any(not document.outside(i) for i in rest) or (
            rest and not joined and lowers[mention.last + 1] not in {"in", "on", "at", "during"}
        ):
            # "Here's Hale in March 1998:", "More from Kellan and Lind:", not
            # "From the report he wrote:"
            return None
        return Cue(with_partner(document, mention, high - 1, whole=True), high, high)
    return None


def headline_cue(document: Document, low: int, high: int) -> Cue | None:
    """`Hale: "…"` — a name and a colon right before the quotation."""
    words = document.tokens.words
    if high < low or words[high] != ":":
        return None
    labelled = _labelled_source(document, low, high)
    if labelled is not None:
        return labelled
    end = high - 1
    if end > low and words[end] == ")":
        # "Rep. Maren Holt (D-Ore.): …" in a transcript
        opening = next(
            (
                i
                for i in range(end - 1, max(low, end - PARENTHESIS_REACH) - 1, -1)
                if words[i] == "("
            ),
            None,
        )
        end = opening - 1 if opening is not None else end
    end = before_aside(document, low, end)
    mention = phrase_ending_at(document.tokens, low, end)
    if mention is None or mention.kind != NAME:
        return None
    words = document.tokens.words
    if mention.start - 2 >= low and document.tokens.lowers[mention.start - 1] == "and":
        # "- Mara Kellan and Hugo Lind: '…'": two names, who speak together
        first = phrase_ending_at(document.tokens, low, mention.start - 2)
        if first is not None and first.kind == NAME:
            mention = with_partner(document, first, end, whole=True)
    if mention.start != low and words[mention.start - 1] not in {"—", "–", "-"}:
        return None
    return Cue(mention, high, high)

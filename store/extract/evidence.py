"""The evidence behind an attribution: the sentence that says who spoke, short enough to show.

A fact-checker who sees "— Ana Ruiz" under a quotation must be able to judge it at a glance:
`“We have waited …,” said Ana Ruiz, the harbour master.` Long quotations inside the sentence
are cut to their first and last words, and the sentence to a bounded length.
"""

from __future__ import annotations

from store.extract.document import Document

#: Quoted words kept at each end of a long quotation inside an evidence sentence.
_HEAD_WORDS = 6
_TAIL_WORDS = 3
MAX_EVIDENCE_CHARS = 300


def evidence_sentence(document: Document, token: int) -> str:
    """The sentence holding `token`, with long quotations in it shortened."""
    low, high = document.sentence_bounds(token)
    tokens = document.tokens
    start, end = tokens.starts[low], tokens.ends[high]
    pieces: list[str] = []
    position = start
    for number in sorted(set(document.inside[low : high + 1]) - {-1}):
        span = document.quotes[number].span
        if span.end <= start or span.start >= end:
            continue
        words = document.text[max(span.start, start) : min(span.end, end)].split()
        if len(words) <= _HEAD_WORDS + _TAIL_WORDS + 2:
            continue
        pieces.append(document.text[position : max(span.start, start)])
        pieces.append(" ".join(words[:_HEAD_WORDS]) + " … " + " ".join(words[-_TAIL_WORDS:]))
        position = min(span.end, end)
    pieces.append(document.text[position:end])
    sentence = " ".join("".join(pieces).split())
    if len(sentence) > MAX_EVIDENCE_CHARS:
        sentence = sentence[: MAX_EVIDENCE_CHARS - 1].rstrip() + "…"
    return sentence


__all__ = ["MAX_EVIDENCE_CHARS", "evidence_sentence"]

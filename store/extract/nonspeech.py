"""Quoted stretches that are not speech: titles of works, nicknames, so-called terms.

`Rob "The Anchor" Hale`, `on the Wire's "Morning Tide"`, `the book "Rising Tides"`, the so-called
"green corridor": the marks set a name apart; nobody said those words. Dropping them keeps the
archive to what people said and keeps a title from breaking the sentence it sits in.
"""

from __future__ import annotations

from store.extract.lexicon import word_class
from store.extract.quotemarks import QuoteSpan
from store.extract.tokens import Tokens

_TITLE_CUES = word_class("title-cues")
_SMALL_WORDS = word_class("title-small-words")
_MAX_TITLE_WORDS = 9


def is_not_speech(text: str, span: QuoteSpan, tokens: Tokens) -> bool:
    words = text[span.start : span.end].split()
    if not words:
        return True
    before = _words_before(text, span.open, 3)
    after = text[span.close + 1 : span.close + 40] if span.closed else ""
    if _nickname(words, before, after):
        return True
    if before and before[-1].lower() in {"so-called", "so‐called"}:
        return True
    if before and before[-1].lower() == "as" and "known" in _words_before(text, span.open, 6):
        return True  # a term: "known on the quayside as 'hot cargo'"
    if len(words) > _MAX_TITLE_WORDS or not _title_case(words):
        return False
    lowered = [w.lower().strip(",.") for w in before]
    if any(w in _TITLE_CUES for w in lowered):
        return True
    # NBC's "Today", on "Meet the Press."
    return bool(before) and (before[-1].endswith(("’s", "'s")) or lowered[-1] in {"on", "in"})


def nickname_spans(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """The nicknames among the quoted stretches: `Fenella "Flash" Okoro`."""
    found = []
    for span in spans:
        words = text[span.start : span.end].split()
        before = _words_before(text, span.open, 3)
        after = text[span.close + 1 : span.close + 40] if span.closed else ""
        if words and _nickname(words, before, after):
            found.append(span)
    return found


def _words_before(text: str, index: int, count: int) -> list[str]:
    window = text[max(0, index - 60) : index]
    return window.split()[-count:]


def _nickname(words: list[str], before: list[str], after: str) -> bool:
    """A short capitalised stretch between a first name and a surname."""
    if len(words) > 4 or not before or not after.strip():
        return False
    previous = before[-1]
    following = after.split()[0] if after.split() else ""
    return (
        previous[:1].isupper()
        and previous.isalpha()
        and following[:1].isupper()
        and following.strip(",.").isalpha()
        and words[0][:1].isupper()
    )


def _title_case(words: list[str]) -> bool:
    significant = [w.strip(",.!?:;") for w in words if w.lower().strip(",.") not in _SMALL_WORDS]
    significant = [w for w in significant if w]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)

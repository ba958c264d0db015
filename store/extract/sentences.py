"""Sentence boundaries, counted outside quotations.

A quotation may hold several sentences (`"We tried. We failed," she said.`); what matters for
attribution is the writer's sentence around it, so a full stop inside a quotation ends a sentence
only when the quotation ends there too. Abbreviations (`Sen.`, `Jan.`) and initials (`J.`) do not
end sentences.
"""

from __future__ import annotations

from itertools import compress

from store.extract.lexicon import word_class
from store.extract.tokens import Tokens

_ENDS = frozenset({".", "?", "!", "…", "...", ". . ."})
#: With "``" and "''": the quotation marks of old archives (quotemarks.curly_for_doubled_marks).
_CLOSERS = frozenset({"”", '"', "’", "'", "''", ")", "]", "»"})
_OPENERS = frozenset({"“", '"', "‘", "'", "``", "''", "«", "(", "[", "—", "-", "•", "*"})
_ABBREVIATIONS = word_class("abbreviations")


def sentence_starts(
    tokens: Tokens,
    paragraph_starts: list[int],
    inside_quote: list[int],
    close_of: dict[int, int],
) -> list[int]:
    """Token indices where sentences start, sorted.

    `inside_quote[i]` is the quotation holding token i (-1 outside), `close_of[q]` the token of
    quotation q's closing mark.
    """
    words, capitalised = tokens.words, tokens.capitalised
    count = len(words)
    starts = set(paragraph_starts)
    closing_marks = set(close_of.values())
    # Only the marks that can end a sentence are visited (found by a scan in C).
    for index in compress(range(count), map(_ENDS.__contains__, words)):
        word = words[index]
        following = index + 1
        quote = inside_quote[index]
        while (
            following < count
            and words[following] in _CLOSERS
            and (following in closing_marks or words[following] in {")", "]"})
        ):
            following += 1
        if quote >= 0 and close_of.get(quote, -1) >= following:
            continue  # a sentence inside a quotation that goes on
        if following >= count:
            continue
        if word == "." and _abbreviation(tokens, index):
            continue
        nxt = words[following]
        glued = tokens.starts[following] == tokens.ends[following - 1]
        if nxt in _CLOSERS and glued and following + 1 < count and words[following + 1] == ",":
            continue  # 'The ad, titled "Unifier?", concludes': a title's closing mark, a comma
        if capitalised[following] or nxt in _OPENERS or nxt[0].isdigit():
            starts.add(following)
    return sorted(starts)


def _abbreviation(tokens: Tokens, index: int) -> bool:
    if index == 0:
        return False
    before = tokens.words[index - 1]
    if tokens.ends[index - 1] != tokens.starts[index]:
        return False  # "word ." is punctuation, not an abbreviation
    if before.lower() == "no":
        # "No. 2" abbreviates "number"; "shaking his head no." ends a sentence.
        following = tokens.words[index + 1] if index + 1 < len(tokens.words) else ""
        return following[:1].isdigit()
    return before.lower() in _ABBREVIATIONS or (len(before) == 1 and before.isupper())


def sentence_index(starts: list[int], count: int) -> list[int]:
    """For each token, the number of the sentence holding it (tokens before the first start
    count as sentence 0).

    Built a sentence at a time (one list repeat per sentence, not a step per token): it runs
    on every article."""
    numbers: list[int] = []
    opened = 0  # sentences started before token `len(numbers)`
    for start in starts:
        start = min(max(start, 0), count)
        numbers += [max(opened - 1, 0)] * (start - len(numbers))
        opened += 1
    numbers += [max(opened - 1, 0)] * (count - len(numbers))
    return numbers

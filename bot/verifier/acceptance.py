"""When an alignment is close enough to present as a match: the one rule the verifier uses for
printed quotations and for the desk's rulings (bot.verifier.rulings), stricter the shorter the
query, so that a ruling answers exactly the pastes a printed quotation would.
"""

from __future__ import annotations

from bot.verifier.matching import Alignment

#: Speaker words a query may leave out inside a match before it counts as joined from
#: separate places of one quotation (without an ellipsis saying so).
SPLICE_GAP = 6
#: The share of a longer query's telling words (store.search.words.COMMON_WORDS aside) a match
#: must hold: its subject, not only the phrasing around it.
TELLING_FOUND = 0.5
#: A match may differ from the query in one or two words (changed, left out, mistyped) and
#: a longer query in a quarter of them; more is another sentence of the same shape. It may
#: lack two of the query's telling words, or more when it holds over half of them.
MOST_EDITED_WORDS = 3
EDITED_SHARE = 0.25
MOST_TELLING_MISSED = 3


def acceptable(a: Alignment) -> bool:
    """Close enough to present as a match: stricter the shorter the query."""
    size = a.query_words
    if size == 0 or a.matched == 0:
        return False
    share = a.matched / size
    if size <= 2:
        return a.equal == size
    if size <= 5:
        return share >= 0.8 and a.longest_run >= 2 and a.span_words <= size + 2
    if a.span_words > 1.6 * size + 3 and a.gap < SPLICE_GAP:
        return False  # the words are scattered over a longer text
    if sum(a.telling) >= 3 and a.telling_found < TELLING_FOUND:
        return False  # the common words around a different subject
    missed = sum(a.telling) - a.telling_matched
    if missed >= MOST_TELLING_MISSED and a.telling_found <= TELLING_FOUND:
        return False  # "Put simply, they are going to …" and three words of its own
    if a.edited_words > max(MOST_EDITED_WORDS, EDITED_SHARE * size):
        return False  # a sentence of the same shape, rewritten
    needed = 0.7 if size <= 10 else 0.6
    return share >= needed and a.longest_run >= 3

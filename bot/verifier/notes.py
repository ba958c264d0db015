"""What an answer says beside its verdict, in a sentence a fact-checker reads under the card.

Two things a verdict alone does not say: the paste writes some words differently though they
are the same words ("do not" for "don't", "3" for "three": still verified), and the paste
leaves out a hedge the speaker put in ("it seems likely that"), which makes the quote claim
more than was said even though every other word is right.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.verifier.verdict import WordChange
from store.search.words import fold

#: Words that make a statement less sure: left out, the quote says more than was said.
HEDGE_WORDS = frozenset(
    """seems seem seemed seemingly likely unlikely probably perhaps possibly maybe apparently
    arguably presumably might could think believe suspect guess suppose expect allegedly
    reportedly supposedly hopefully""".split()
)
#: Notes quote at most this many respellings, then say how many more there are.
_SHOWN = 4


def respelled_note(respelled: Iterable[WordChange]) -> str | None:
    """`Written differently, the same words: “do not” for “don't”, “3” for “three”.`"""
    changes = list(dict.fromkeys(respelled))
    if not changes:
        return None
    shown = ", ".join(f"“{c.query}” for “{c.archive}”" for c in changes[:_SHOWN])
    more = len(changes) - _SHOWN
    tail = f" and {more} more" if more > 0 else ""
    return f"Written differently, but the same words: {shown}{tail}."


def hedge_note(diff: Iterable[WordChange]) -> str | None:
    """A sentence for the hedges the paste leaves out or changes, None when it keeps them."""
    hedging = [change for change in diff if _hedges(change.archive, change.query)]
    left_out = [c.archive for c in hedging if c.op == "delete"]
    changed = [c.archive for c in hedging if c.op == "replace"]
    if not left_out and not changed:
        return None
    parts = []
    if left_out:
        parts.append(f"leaves out {_listed(left_out)}")
    if changed:
        parts.append(f"changes {_listed(changed)}")
    return (
        f"The paste {' and '.join(parts)}, which the speaker said to hedge: without it the "
        "quote sounds more certain than what was said, which changes its meaning."
    )


def _listed(printed: list[str]) -> str:
    return ", ".join(f"“{text}”" for text in dict.fromkeys(printed))


def _hedges(printed: str, pasted: str) -> bool:
    """The archive's words hold a hedge word that the paste's words do not."""
    kept = {fold(word) for word in pasted.split()}
    return any(fold(word) in HEDGE_WORDS and fold(word) not in kept for word in printed.split())

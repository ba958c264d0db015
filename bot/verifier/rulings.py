"""Which ruling, if any, a paste is about: the desk's memory answers before the archive does.

A ruled quote comes back as people paste it: with a typo, cut short, a word changed, credited
to someone else, in Slack's markup. The ruling is found the way the verifier finds a quotation
(store.rulings.RulingSnapshot proposes the few rulings sharing the paste's rare words and
pairs; bot.verifier.matching aligns them word by word; the verifier's own acceptance rule
decides), so a paste the verifier would match to a printed quotation is matched to a ruling on
the same words, and nothing looser. The claimed speaker plays no part: a misattribution is
usually pasted with the wrong name.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.verifier.acceptance import acceptable
from bot.verifier.matching import Alignment, align, spoken_words
from bot.verifier.verdict import CheckResult, Verdict
from store.normalise import quotation_fingerprint
from store.rulings import Ruling, RulingSnapshot
from store.search.words import Word, only_common, segments

#: Candidate rulings aligned word by word.
ALIGNED = 4
#: A ruled quote found whole inside a longer paste must be at least this long: a three-word
#: ruling would otherwise be found in any paste that happens to use its words.
CONTAINED_WORDS = 6
#: The share of a ruled quote's words a longer paste must hold, and in one run.
CONTAINED_SHARE = 0.9
CONTAINED_RUN = 0.6
#: Verdicts whose match is a printed quotation the paste may be, rather than the ruled quote.
_PRINTED = (Verdict.VERIFIED, Verdict.WORDING_DIFFERS)
#: Verdicts whose best match is the archived quotation a ruling on the paste is about (a
#: splice's best match is one of its pieces, not the words ruled on).
_LINKED = (Verdict.VERIFIED, Verdict.WORDING_DIFFERS, Verdict.NOT_A_DIRECT_QUOTE)
#: As the verifier: a query this short made only of common words identifies nothing.
_FEW_WORDS = 3


def ruling_for(snapshot: RulingSnapshot, quote: str) -> Ruling | None:
    """The ruling on these quoted words (one quoted stretch of a paste, as the verifier checks
    it), or None."""
    found = ruled_match(snapshot, quote)
    return found[0] if found is not None else None


def ruled_match(snapshot: RulingSnapshot, quote: str) -> tuple[Ruling, Alignment] | None:
    """The ruling on these quoted words with the alignment that shows it, or None."""
    if not len(snapshot):
        return None
    parts = [part for part in (spoken_words(piece) for piece in segments(quote)) if part]
    whole = [word for part in parts for word in part]
    if not whole or (len(whole) <= _FEW_WORDS and only_common(whole)):
        return None
    best: tuple[tuple[object, ...], Ruling, Alignment] | None = None
    for ruling in snapshot.candidates([[w.norm for w in part] for part in parts], ALIGNED):
        alignment = _matched(whole, quote, ruling)
        if alignment is None:
            continue
        rank = (not alignment.exact, -alignment.matched, -alignment.score)
        if best is None or rank < best[0]:
            best = (rank, ruling, alignment)
    return (best[1], best[2]) if best is not None else None


def ruled_quotation(verdict: str, best_quotation: int | None) -> int | None:
    """The archived quotation a ruling on a checked paste is linked to: the check's best match
    (`best_quotation`), when its verdict says the paste is those printed words."""
    return best_quotation if verdict in _LINKED else None


def printed_instead(result: CheckResult, ruling: Ruling, alignment: Alignment) -> bool:
    """The archive holds the pasted words at least as closely as the ruled quote does, in a
    quotation that is not the one ruled on: the paste is those printed words (a fragment they
    share with a fabrication, the words a misquote changed, a stock phrase), not the ruled
    quote, and the check must not lead with the ruling."""
    if result.verdict not in _PRINTED or not result.matches:
        return False
    best = result.matches[0]
    if best.quotation_id == ruling.quotation_id:
        return False
    if quotation_fingerprint(best.text) == quotation_fingerprint(ruling.text):
        return False
    return best.score >= alignment.score


def _matched(query: Sequence[Word], quote: str, ruling: Ruling) -> Alignment | None:
    """The alignment showing the paste is the ruled quote (or part of it), or the ruled quote
    whole inside a longer paste; None when neither holds."""
    alignment = align(query, ruling.text)
    if acceptable(alignment):
        return alignment
    ruled = spoken_words(ruling.text)
    if len(ruled) >= CONTAINED_WORDS and len(query) > len(ruled):
        inside = align(ruled, quote)
        # Nearly every word, mostly in one run: a ruled quote of a stock phrase and a few
        # words of its own is not found in every paste that uses the phrase.
        if (
            acceptable(inside)
            and inside.matched >= CONTAINED_SHARE * len(ruled)
            and inside.longest_run >= CONTAINED_RUN * len(ruled)
        ):
            return inside
    return None

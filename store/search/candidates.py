"""Candidate quotations for a query: votes from the rare words and word pairs it shares.

Each pair of neighbouring query words is looked up alone, capped at `TERM_CAP` rows; a pair
more common than that says little and is skipped. Quotations collect a vote per pair they hold,
rarer pairs weighing more. When pairs find too little (a two-word query, a typo in every other
word), single words are looked up the same way. When every term is common ("we will not back
down"), the quotations holding most of the common pairs are found by intersecting larger slices.
When few pairs hit and their votes cannot choose, the rows with the most votes are ranked again
by every pair of the query each holds, common ones too. The verifier then aligns the few best
candidates word by word.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from sqlalchemy import Connection

from store.search.grams import query_terms
from store.search.index import QUOTATIONS, CandidateIndex, index_for

#: Rows read per term at most: more than this and the term is too common to choose by.
TERM_CAP = 400
#: Rows read per common term when every term is common.
COMMON_CAP = 20_000
#: Rows held by a pair beyond which it is joined with another only if that one is held by
#: fewer (PostgreSQL's statistics say how many rows hold its most common terms).
HEAVY_ROWS = 20_000
#: Pairs looked up per query at most, spread evenly over it.
MAX_PAIRS = 24
#: Runs of three words (two neighbouring common pairs) looked up per query at most, spread
#: evenly over it. Each costs the merge of two long lists of rows (at ten million quotations
#: on PostgreSQL about 3.5 ms, most of a pasted phrase found nowhere); eight find a changed or
#: left-out word's source as often as twenty-four did (bench/verify.py at a million
#: quotations, and with TERM_CAP at 40 to read them as ten million would).
MAX_JOINED = 8
#: Words looked up when pairs find too little, longest (most telling) first.
MAX_WORDS = 8
#: Pairs that must hit before single words are left out.
ENOUGH_PAIRS = 2
#: Pairs that must hit before the lookups may stop early: once this many pairs have hit and
#: the leading quotations hold nearly all of them while no other holds half, further pairs
#: would not change which quotations the verifier aligns.
DECISIVE_HITS = 6
#: Pairs that must hit before the lookups may stop for want of any row holding many of them.
HOPELESS_HITS = 8
#: Pairs hit below which the votes may be unsure: with this many rare pairs, the source of a
#: paste with a word or two changed holds enough of them to lead.
FEW_HITS = 6


class CommonTerms:
    """Terms found too common to choose by (`TERM_CAP` rows or more), remembered by an open
    archive so that later checks skip their lookups: an archive only grows, so a common term
    stays common. Reading a common term's capped rows is most of a lookup's cost at a million
    quotations, and the same phrases ("will_not", "the_people") recur in check after check."""

    #: Terms remembered at most, per index: a few megabytes.
    MOST = 100_000

    def __init__(self) -> None:
        # Each term is kept by the name the index's statistics give it (CandidateIndex.key).
        self._terms: set[int | str] = set()
        #: About how many rows hold each term the database's statistics named.
        self._rows: dict[int | str, int] = {}
        self._asked = False
        self._key: Callable[[str], int | str] = _as_written

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self._key(term) in self._terms

    def add(self, term: str) -> None:
        if len(self._terms) < self.MOST:
            self._terms.add(self._key(term))

    def learn_from(self, connection: Connection, index: CandidateIndex) -> None:
        """Once per archive opened, the terms the database's statistics already know to be
        common (PostgreSQL's; none for SQLite): the first check to meet each then skips it
        as later checks do, instead of reading its whole posting list once."""
        if self._asked:
            return
        self._asked = True
        self._key = index.key
        self._rows = dict(
            itertools.islice(index.common_terms(connection, TERM_CAP).items(), self.MOST)
        )
        self._terms.update(self._rows)

    def rows(self, term: str) -> int:
        """About how many rows hold the term, as the statistics say; TERM_CAP for a term found
        common by a lookup, which read no further; 0 for any other."""
        key = self._key(term)
        return self._rows.get(key, TERM_CAP if key in self._terms else 0)


def _as_written(term: str) -> str:
    return term


def candidate_ids(
    connection: Connection,
    parts: Sequence[Sequence[str]],
    limit: int,
    table: str = QUOTATIONS,
    known: CommonTerms | None = None,
    most_pairs: int = MAX_PAIRS,
) -> list[int]:
    """Ids (of quotations, or of paragraphs) most likely to hold the query's words, best first.

    `known`: the terms this index is known to hold too often, skipped and added to;
    `most_pairs`: pairs looked up at most."""
    index, known = _index_and_known(connection, table, known)
    pairs, words = query_terms(parts)
    votes: Counter[int] = Counter()
    held: Counter[int] = Counter()
    # Where in the query each row's hit pairs begin and end (pair positions).
    reach: dict[int, tuple[int, int]] = {}
    place = {pair: position for position, pair in enumerate(pairs)}
    # How many of the query's pairs, common ones too, each row read so far holds.
    counted: dict[int, int] = {}
    common = [pair for pair in pairs if pair in known]
    hits = 0
    terms = _coarse_to_fine(_spread(pairs, most_pairs))
    for term, found in _looked_up(connection, index, terms, known):
        if len(found) >= TERM_CAP:
            common.append(term)
            continue
        if found:
            hits += 1
            _vote(votes, found, 1.0)
            held.update(found)
            _reach(reach, found, place[term])
            if hits >= DECISIVE_HITS and (_decided(held, hits) or _hopeless(held, hits)):
                break
    # Pairs that hit only unrelated rows (those a changed or left-out word makes) are taken
    # for no hit in the search for a quotation; the search of article paragraphs for a
    # paraphrase, which a paste found nowhere pays too, keeps to the pairs that hit.
    scattered = table == QUOTATIONS and not _corroborated(reach, hits)
    if scattered and len(common) >= 2 and hits >= ENOUGH_PAIRS and max(held.values()) >= 2:
        # Rows hold neighbouring pairs only (a run of three words): the query's own when one
        # of them holds most of its pairs, the common ones too (a fragment around a rare word).
        scattered = not _holds_most(connection, index, held, pairs, counted)
    if len(common) >= 2 and (hits < ENOUGH_PAIRS or scattered):
        # Every pair is common (a large archive of plain words): two neighbouring common
        # pairs together, nearly a run of three words, are not.
        joined = _conjunctions([pair for pair in pairs if pair in common], known)
        hits += _vote_all(connection, index, joined, known, votes, 1.0)
    if hits < ENOUGH_PAIRS:
        longest = sorted(words, key=len, reverse=True)[:MAX_WORDS]
        _vote_all(connection, index, longest, known, votes, 0.5)
    if not votes and common:
        _vote(votes, _holding_most(connection, index, common, known), 1.0)
    if table == QUOTATIONS and common and len(votes) > limit and _unsure(held, hits, limit):
        return _ranked_again(connection, index, votes, pairs, limit, counted)
    return [quotation for quotation, _ in votes.most_common(limit)]


def ids_holding(
    connection: Connection,
    terms: Sequence[str],
    limit: int,
    table: str = QUOTATIONS,
    known: CommonTerms | None = None,
) -> list[int]:
    """Ids of the rows holding the most of these terms (each read like any lookup, a common one
    skipped), best first: for a second look with terms the caller chose."""
    index, known = _index_and_known(connection, table, known)
    votes: Counter[int] = Counter()
    _vote_all(connection, index, list(terms), known, votes, 1.0)
    return [key for key, _ in votes.most_common(limit)]


def rows_holding(
    connection: Connection, term: str, table: str = QUOTATIONS, known: CommonTerms | None = None
) -> int:
    """How many rows hold `term` (a conjunction of pairs asks for a phrase), counted up to
    TERM_CAP: a term known to be common counts TERM_CAP without a lookup."""
    index, known = _index_and_known(connection, table, known)
    if term in known:
        return TERM_CAP
    return sum(len(found) for _, found in _looked_up(connection, index, [term], known, batch=1))


def _index_and_known(
    connection: Connection, table: str, known: CommonTerms | None
) -> tuple[CandidateIndex, CommonTerms]:
    """The table's index on this database, and the terms known common in it (the caller's,
    else none yet), with what the database's statistics say learned once."""
    index = index_for(connection.dialect.name, table)
    known = known if known is not None else CommonTerms()
    known.learn_from(connection, index)
    return index, known


def _vote_all(
    connection: Connection,
    index: CandidateIndex,
    terms: list[str],
    known: CommonTerms,
    votes: Counter[int],
    weight: float,
) -> int:
    """Look every term up in one batch and vote for the rows of those neither absent nor too
    common; returns how many terms voted."""
    voted = 0
    for _, found in _looked_up(connection, index, terms, known, batch=len(terms)):
        if 0 < len(found) < TERM_CAP:
            voted += 1
            _vote(votes, found, weight)
    return voted


def _looked_up(
    connection: Connection,
    index: CandidateIndex,
    terms: list[str],
    known: CommonTerms,
    batch: int | None = None,
) -> Iterator[tuple[str, list[int]]]:
    """Each term not known to be common with the rows holding it, read `index.batch` terms at a
    time (so that a caller that has seen enough stops the reading too); terms found common are
    remembered in `known`."""
    terms = [term for term in terms if term not in known]
    size = max(1, batch or index.batch)
    for start in range(0, len(terms), size):
        chunk = terms[start : start + size]
        for term, found in zip(chunk, index.lookup(connection, chunk, TERM_CAP), strict=True):
            if len(found) >= TERM_CAP:
                known.add(term)
            yield term, found


def _conjunctions(common: list[str], known: CommonTerms) -> list[str]:
    """Neighbouring common pairs as terms asking for both ("we_have have_to"), spread over the
    query, at most MAX_JOINED of them; not two pairs both held by more than HEAVY_ROWS rows,
    whose lookup would read both long lists for rows that are mostly too many to choose by."""
    joined = [
        f"{a} {b}"
        for a, b in itertools.pairwise(common)
        if min(known.rows(a), known.rows(b)) <= HEAVY_ROWS
    ]
    return _coarse_to_fine(_spread(joined, MAX_JOINED))


def _vote(votes: Counter[int], found: list[int], weight: float) -> None:
    if not found:
        return  # nothing held it (or every pair was too common to read)
    # A term held by few quotations says more about each of them.
    share = weight * (1.0 + 1.0 / math.sqrt(len(found)))
    for quotation in found:
        votes[quotation] += share


def _reach(reach: dict[int, tuple[int, int]], found: list[int], position: int) -> None:
    for row in found:
        first, last = reach.get(row, (position, position))
        reach[row] = (min(first, position), max(last, position))


def _corroborated(reach: dict[int, tuple[int, int]], hits: int) -> bool:
    """Enough pairs hit, and some row holds two of them that share no word: the rows found are
    the query's, not those of the pairs a changed word makes ("every_improved improved_offer"),
    which hit alone, or together in the rows that hold the changed word's run of three."""
    return hits >= ENOUGH_PAIRS and any(last - first >= 2 for first, last in reach.values())


def _holds_most(
    connection: Connection,
    index: CandidateIndex,
    held: Counter[int],
    pairs: list[str],
    counted: dict[int, int],
) -> bool:
    """Whether a row holding two of the pairs that hit holds half of the query's pairs."""
    rows = [row for row, count in held.most_common(index.ranked_again) if count >= 2]
    holding = _pairs_held(connection, index, rows, pairs, counted)
    return 2 * max((holding.get(row, 0) for row in rows), default=0) >= len(pairs)


def _pairs_held(
    connection: Connection,
    index: CandidateIndex,
    rows: list[int],
    pairs: list[str],
    counted: dict[int, int],
) -> dict[int, int]:
    """`counted`, with how many of the query's pairs each of `rows` holds added for the rows
    not read yet: a row that `_holds_most` read is not read again to be ranked again."""
    counted.update(index.held(connection, [row for row in rows if row not in counted], pairs))
    return counted


def _decided(held: Counter[int], hits: int) -> bool:
    """The quotations holding the most pairs hold nearly all that hit, and no other holds half:
    one quotation (or one printed in several articles) that the rest cannot overtake."""
    leading = max(held.values())
    if leading < 0.75 * hits:
        return False
    return max((count for count in held.values() if count < leading), default=0) <= hits / 2


def _unsure(held: Counter[int], hits: int, limit: int) -> bool:
    """Few pairs hit, and the votes cannot choose the `limit` best from them: more rows than
    that hold the most pairs that hit (one rare pair, the rest of the query common), or the
    leading rows are not decided."""
    if hits >= FEW_HITS:
        return False
    if not held:
        return True
    leading = max(held.values())
    return sum(count == leading for count in held.values()) > limit or not _decided(held, hits)


def _ranked_again(
    connection: Connection,
    index: CandidateIndex,
    votes: Counter[int],
    pairs: list[str],
    limit: int,
    counted: dict[int, int],
) -> list[int]:
    """The rows with the most votes, ranked by how many of the query's pairs each holds,
    the common ones too, then by votes.

    In a large archive most of a pasted phrase's pairs are common and are not looked up; the
    few rare ones may be those a changed word makes ("to_overlook overlook_the"), held together
    by a hundred unrelated rows that outvote the source, which holds the one rare pair the
    change left and nearly every common one."""
    pool = [key for key, _ in votes.most_common(index.ranked_again)]
    held = _pairs_held(connection, index, pool, pairs, counted)
    if not held:
        return pool[:limit]
    return sorted(pool, key=lambda key: (held.get(key, 0), votes[key]), reverse=True)[:limit]


def _hopeless(held: Counter[int], hits: int) -> bool:
    """No row holds a quarter of the pairs that hit: they are scattered over unrelated rows
    (the query's words are not archived together), and further pairs would only scatter more.
    A quotation the verifier could accept holds most of them; each source of a splice, half."""
    return hits >= HOPELESS_HITS and max(held.values()) < hits / 4


def _coarse_to_fine(terms: list[str]) -> list[str]:
    """The terms reordered so that every prefix samples the whole query: the middle, the two
    quarters, the eighths… (a splice's second quotation is reached as early as its first)."""
    order: list[int] = []
    seen: set[int] = set()
    step = len(terms)
    while step >= 1 and len(order) < len(terms):
        for index in range(0, len(terms), step):
            middle = min(index + step // 2, len(terms) - 1)
            if middle not in seen:
                seen.add(middle)
                order.append(middle)
        step //= 2
    order.extend(index for index in range(len(terms)) if index not in seen)
    return [terms[index] for index in order]


def _spread(terms: list[str], most: int) -> list[str]:
    if len(terms) <= most:
        return terms
    step = len(terms) / most
    return [terms[int(i * step)] for i in range(most)]


def _holding_most(
    connection: Connection, index: CandidateIndex, common: list[str], known: CommonTerms
) -> list[int]:
    """Rows holding several of the common pairs at once: of the four least common pairs (as far
    as known), each held by at most twice the rows read of it (of a pair held by more, the
    rows read are a small slice, unlikely to hold the quotation sought)."""
    fewest = sorted(
        (pair for pair in common if known.rows(pair) <= 2 * COMMON_CAP), key=known.rows
    )[:4]
    counts: Counter[int] = Counter()
    for found in index.lookup(connection, fewest, COMMON_CAP):
        counts.update(set(found))
    needed = min(len(fewest), 2)
    return [quotation for quotation, count in counts.most_common(TERM_CAP) if count >= needed]

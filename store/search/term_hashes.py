"""PostgreSQL's candidate index names each term by a 32-bit number, not by its text.

A lookup there fetches every row its GIN index returns from the table holding the terms, to
learn the row's id: the table's width is the lookup's cost once the table no longer fits in
memory. Its rows held each term's text (a tsvector, 580 bytes a quotation on average, 14 GB for
both tables at ten million quotations); an array of 32-bit numbers holds the same terms in 40 %
of that, and the GIN index's keys shrink alike.

The number is the first four bytes of the term's MD5, read as a signed big-endian integer:
PostgreSQL computes the same from SQL (`('x' || left(md5(term), 8))::bit(32)::int4`), which is
how revision 0014 turned the archive's stored terms into numbers without reading its texts
again. Two terms may share a number (a few in a hundred million at ten million quotations'
vocabulary): a lookup of one then returns the other's rows too, a candidate more that the
verifier's alignment turns down, never a row missed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

#: Terms whose numbers are remembered, at most: the common ones recur in row after row of a
#: large import. About 80 MB when full; emptied then, not evicted one by one.
_REMEMBERED = 400_000
_numbers: dict[str, int] = {}
#: The same numbers as text, for array_literal: a bulk import writes each row's terms as text.
_texts: dict[str, str] = {}


def term_hash(term: str) -> int:
    """The term's number in PostgreSQL's index."""
    found = _numbers.get(term)
    if found is None:
        found = int.from_bytes(hashlib.md5(term.encode()).digest()[:4], "big", signed=True)
        if len(_numbers) >= _REMEMBERED:
            _numbers.clear()
        _numbers[term] = found
    return found


def term_hashes(terms: Iterable[str]) -> list[int]:
    """Each term's number, in order."""
    return [term_hash(term) for term in terms]


def array_literal(terms: Iterable[str]) -> str:
    """The terms' numbers as PostgreSQL's text form of an `integer[]` (`{1,-2,3}`), as COPY
    reads it."""
    terms = list(terms)
    try:  # most terms of a row were seen in rows before: one lookup each, no conversion
        return "{" + ",".join([_texts[term] for term in terms]) + "}"
    except KeyError:
        return "{" + ",".join([_text(term) for term in terms]) + "}"


def _text(term: str) -> str:
    found = _texts.get(term)
    if found is None:
        if len(_texts) >= _REMEMBERED:
            _texts.clear()
        found = _texts[term] = str(term_hash(term))
    return found

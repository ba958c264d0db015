"""The index version names one way of reading stored text into the candidate index.

The terms the index holds and the paragraphs it is cut into are pinned here for a text that
exercises every kind of folding. When a change makes this test fail, the archive's stored index
no longer matches what a query looks up: raise store.search.version.INDEX_VERSION in the same
change (so that `quotebot db upgrade` and `quotebot check` name `quotebot db reindex` on every
older archive), then pin the new reading below.
"""

from __future__ import annotations

import hashlib
import json

from store.extract.paragraphs import split_paragraphs
from store.search.grams import index_terms
from store.search.version import INDEX_VERSION

#: Invented text touching contractions, possessives, accents, dashes, digits, fractions,
#: bracketed insertions, long words, and paragraphs by blank lines and by single newlines.
SAMPLE = (
    "\"We won't reopen the Port Ellery pier [this year] — it's the council's call,\" said "
    "Rosalind Quayle-Thorne, 52, the harbour's café owner.\n\n"
    "She'd asked for 2½ million; Vexco's engineers can't say when. "
    "Supercalifragilisticexpialidociousnessesandmoreandmore was scrawled on the wall.\n"
    "Meridian Wire reported a 1,250.5-tonne crane had arrived.\n\n"
    "«Ça n'arrivera pas», dit-elle. ⑴ Nobody's sure."
)
#: The reading of SAMPLE at each index version (a digest of its terms and paragraph spans).
READINGS = {1: "f9c9d35ada541c75b56bb8c892f1631c05200c73ce2f1cdccd4fb38780b13eab"}


def reading(text: str) -> str:
    paragraphs = [(p.start, p.end) for p in split_paragraphs(text)]
    terms = [index_terms(text[start:end]).terms for start, end in paragraphs]
    document = json.dumps({"paragraphs": paragraphs, "terms": terms}, ensure_ascii=False)
    return hashlib.sha256(document.encode()).hexdigest()


def test_the_reading_of_stored_text_is_the_one_its_index_version_names() -> None:
    assert reading(SAMPLE) == READINGS[INDEX_VERSION], (
        "the index reads stored text differently: raise INDEX_VERSION in "
        "store/search/version.py and pin the new reading in READINGS"
    )

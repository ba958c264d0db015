"""The version of the candidate index: which way of reading stored text into search terms.

The index holds terms cut from stored text (store.search.grams, store.search.words) and the
paragraphs of articles (store.extract.paragraphs). When a change to any of these changes what
is stored for the same text, a query cut the new way misses rows indexed the old way: raise
INDEX_VERSION with the change (tests/test_index_version.py fails until it is raised). The
archive records the version that last filled its whole index (migration 0009); the reindex step
(store.search.rebuild.reindex, `quotebot db reindex`) records this one, and `quotebot db
upgrade` and `quotebot check` name that step while the archive's is older.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from store.db.models import SearchIndexVersionRow

#: This quotebot's way of reading stored text into the index. 1: the reading at revision 0009
#: (contractions as their words, letters and digits folded, terms capped at 1 MB a row).
INDEX_VERSION = 1
#: What an archive whose index was built before versions were recorded holds (0009's row).
UNRECORDED = 0


def recorded_index_version(connection: Connection) -> int:
    """The version that last filled the archive's whole index (UNRECORDED when unknown)."""
    version = connection.scalar(select(SearchIndexVersionRow.version))
    return UNRECORDED if version is None else version


def record_index_version(connection: Connection, version: int = INDEX_VERSION) -> None:
    """Record that the whole index was just filled the `version` way, in the caller's
    transaction (with the filling, so that neither is kept without the other)."""
    connection.execute(update(SearchIndexVersionRow).values(version=version))


def index_is_older(connection: Connection) -> bool:
    """Whether the archive's index was filled by an older reading than this quotebot's: checks
    then miss rows whose words are now read differently, until `quotebot db reindex`."""
    return recorded_index_version(connection) < INDEX_VERSION


#: What to tell whoever runs quotebot on an archive whose index is older than its reading.
OLDER_INDEX_ADVICE = (
    "the archive's search index was built by an older quotebot, which read words differently: "
    "run `quotebot db reindex` (until then checks may miss quotations stored before)"
)

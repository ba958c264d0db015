"""Filling the candidate index for what is already stored, in batches.

Migrations call this when they create the index (0002) and when the way words are read changes
(0004: contractions), since the index must hold the same terms a query is cut into; so does
`quotebot db reindex` (`reindex`), when a change to how words are folded needs no schema change.
"""

from __future__ import annotations

import sqlalchemy as sa

from store.search.index import PARAGRAPHS, QUOTATIONS, index_for

#: Rows read and indexed at a time, so that a large archive never sits in memory at once.
BATCH = 2_000


def reindex(connection: sa.Connection) -> tuple[int, int]:
    """Both index tables emptied and filled again from the stored text, in the caller's
    transaction (readers keep the old index until it commits); returns (quotations,
    paragraphs) indexed."""
    for table in (QUOTATIONS, PARAGRAPHS):
        index_for(connection.dialect.name, table).clear(connection)
    return index_quotations(connection), index_paragraphs(connection)


def index_quotations(connection: sa.Connection) -> int:
    """Index every stored quotation's words; returns how many."""
    index = index_for(connection.dialect.name, QUOTATIONS)
    last = indexed = 0
    while rows := connection.execute(
        sa.text("SELECT id, text FROM quotations WHERE id > :last ORDER BY id LIMIT :batch"),
        {"last": last, "batch": BATCH},
    ).all():
        index.add(connection, [(row[0], row[1]) for row in rows])
        last = rows[-1][0]
        indexed += len(rows)
    return indexed


def index_paragraphs(connection: sa.Connection) -> int:
    """Index every stored paragraph's words, cut out of its article's text; returns how many."""
    index = index_for(connection.dialect.name, PARAGRAPHS)
    last = indexed = 0
    while articles := connection.execute(
        sa.text("SELECT id, text FROM articles WHERE id > :last ORDER BY id LIMIT :batch"),
        {"last": last, "batch": BATCH},
    ).all():
        texts = dict(articles)
        paragraphs = connection.execute(
            sa.text(
                "SELECT id, article_id, start_offset, end_offset FROM paragraphs "
                "WHERE article_id > :last AND article_id <= :upto ORDER BY id"
            ),
            {"last": last, "upto": articles[-1][0]},
        ).all()
        index.add(
            connection,
            [(key, texts[article][start:end]) for key, article, start, end in paragraphs],
        )
        last = articles[-1][0]
        indexed += len(paragraphs)
    return indexed

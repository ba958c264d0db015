"""Filling the candidate index for what is already stored, in batches.

Migrations call this when they create the index (0002) and when the way words are read changes
(0004: contractions), since the index must hold the same terms a query is cut into.
"""

from __future__ import annotations

import sqlalchemy as sa

from store.search.index import PARAGRAPHS, QUOTATIONS, index_for

#: Rows read and indexed at a time, so that a large archive never sits in memory at once.
BATCH = 2_000


def index_quotations(connection: sa.Connection) -> None:
    """Index every stored quotation's words."""
    index = index_for(connection.dialect.name, QUOTATIONS)
    last = 0
    while rows := connection.execute(
        sa.text("SELECT id, text FROM quotations WHERE id > :last ORDER BY id LIMIT :batch"),
        {"last": last, "batch": BATCH},
    ).all():
        index.add(connection, [(row[0], row[1]) for row in rows])
        last = rows[-1][0]


def index_paragraphs(connection: sa.Connection) -> None:
    """Index every stored paragraph's words, cut out of its article's text."""
    index = index_for(connection.dialect.name, PARAGRAPHS)
    last = 0
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

"""Filling the candidate index from what is stored: the one versioned step that refills it.

The index holds terms cut from stored text, and the paragraphs of articles as spans of their
text; both are derived from the articles and quotations, and both depend on how this quotebot
reads words and paragraphs (store.search.version). Migrations create the index's tables but
never fill them (a migration must mean the same whatever code runs it later); this step fills
them, in batches, and records the version that did. `quotebot db reindex` runs it, and so does
`quotebot db upgrade` once at the end of an upgrade that created the index for an archive that
had none (store.db.schema), so that each stored row is indexed exactly once.
"""

from __future__ import annotations

import sqlalchemy as sa

from store.db.models import ParagraphRow, QuotationRow
from store.search.index import PARAGRAPHS, QUOTATIONS, index_for
from store.search.paragraphs import Span, quoted_spans, searched_paragraphs
from store.search.refresh import refresh_statistics
from store.search.version import record_index_version

#: Rows read and indexed at a time, so that a large archive never sits in memory at once.
BATCH = 2_000


def reindex(connection: sa.Connection) -> tuple[int, int]:
    """The whole index emptied and filled again from the stored text, articles cut into
    paragraphs again, the planner's statistics refreshed and this quotebot's index version
    recorded, all in the caller's transaction (readers keep the old index until it commits);
    returns (quotations, paragraphs) indexed."""
    for table in (QUOTATIONS, PARAGRAPHS):
        index_for(connection.dialect.name, table).clear(connection)
    quotations = index_quotations(connection)
    paragraphs = split_and_index_paragraphs(connection)
    refresh_statistics(connection)
    record_index_version(connection)
    return quotations, paragraphs


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


def split_and_index_paragraphs(connection: sa.Connection) -> int:
    """Cut every stored article into paragraphs again (store.extract.paragraphs), keep those a
    paraphrase can be found in (store.search.paragraphs: not wholly inside one of its
    quotations) and index each one's words; returns how many. The paragraphs stored before are
    replaced: they exist for the index alone, and were cut the way of the quotebot that stored
    them."""
    connection.execute(sa.delete(ParagraphRow))
    index = index_for(connection.dialect.name, PARAGRAPHS)
    last = indexed = 0
    while articles := connection.execute(
        sa.text("SELECT id, text FROM articles WHERE id > :last ORDER BY id LIMIT :batch"),
        {"last": last, "batch": BATCH},
    ).all():
        quoted = _quoted_spans(connection, last, articles[-1][0])
        spans = [
            (article_id, text, paragraph.start, paragraph.end)
            for article_id, text in articles
            for paragraph in searched_paragraphs(text, quoted.get(article_id, []))
        ]
        if spans:
            ids = connection.scalars(
                sa.insert(ParagraphRow).returning(ParagraphRow.id, sort_by_parameter_order=True),
                [
                    {"article_id": article_id, "start_offset": start, "end_offset": end}
                    for article_id, _, start, end in spans
                ],
            ).all()
            index.add(
                connection,
                [
                    (key, text[start:end])
                    for key, (_, text, start, end) in zip(ids, spans, strict=True)
                ],
            )
        last = articles[-1][0]
        indexed += len(spans)
    return indexed


def _quoted_spans(connection: sa.Connection, after: int, last: int) -> dict[int, list[Span]]:
    """The quoted spans (store.search.paragraphs.quoted_spans) of each article whose id is
    above `after` and at most `last`."""
    rows = connection.execute(
        sa.select(
            QuotationRow.article_id,
            QuotationRow.kind,
            QuotationRow.start_offset,
            QuotationRow.end_offset,
        ).where(QuotationRow.article_id > after, QuotationRow.article_id <= last)
    ).all()
    spans: dict[int, list[Span]] = {}
    for article_id, kind, start, end in rows:
        spans.setdefault(article_id, []).extend(quoted_spans([(kind, start, end)]))
    return spans

"""Quotations as a check reads them: words, speaker, paragraph and article in one row each.

This read is on the path of every check, several times, so it skips SQLAlchemy's result
machinery: the statement is built and compiled by SQLAlchemy once per database and column, and
run on the driver's own cursor, which costs a fifth of the time at a million quotations
(bench/verify.py). The ids put into it are integers from the archive's own index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, literal_column, select
from sqlalchemy.engine import Dialect

from store.db.models import ArticleRow, OutletRow, QuotationRow, SpeakerRow
from store.quotation import Kind

#: Where the compiled statement takes its list of ids.
_IDS = "ids"


@dataclass(frozen=True)
class StoredQuotation:
    """A quotation as the verifier reads it: its words, speaker, paragraph and article."""

    id: int
    text: str
    kind: Kind
    speaker: str | None
    speaker_id: int | None
    speaker_as_written: str | None
    speaker_role: str | None
    reported_to: str | None
    via: str | None
    fingerprint: str
    context: str
    #: Where the quotation sits in `context` (offsets into `context`).
    context_offset: int
    #: Where the quotation sits in its article's text.
    start: int
    end: int
    article_id: int
    title: str | None
    url: str | None
    published: dt.date | None
    outlet: str | None
    #: How the speaker was found, the sentence that shows it, and the model's confidence
    #: (store.quotation.Quotation); None in archives stored before they were kept.
    speaker_found_by: str | None = None
    speaker_evidence: str | None = None
    speaker_confidence: float | None = None
    #: The named extraction rule that credited the speaker (store/extract/rules.py).
    speaker_rule: str | None = None
    #: How its article came into the archive (store.article.AddedVia).
    added_via: str = "cli"


def read_quotations(
    connection: Connection, ids: Iterable[int], *, by_article: bool = False
) -> list[StoredQuotation]:
    """The quotations with these ids (or of the articles with these ids), earliest first."""
    keys = sorted({int(key) for key in ids})
    if not keys:
        return []
    sql = _statement(connection.dialect, by_article)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(sql.replace(_placeholder(), ", ".join(map(str, keys))))
    return [_quotation(row) for row in cursor.fetchall()]


def _placeholder() -> str:
    return f"__[POSTCOMPILE_{_IDS}]"


#: The compiled read, by database name and key column.
_COMPILED: dict[tuple[str, bool], str] = {}


def _statement(dialect: Dialect, by_article: bool) -> str:
    """The SQL of the read for this database, with the list of ids left as a placeholder."""
    key = (dialect.name, by_article)
    if key not in _COMPILED:
        _COMPILED[key] = _compile(dialect, by_article)
    return _COMPILED[key]


def _compile(dialect: Dialect, by_article: bool) -> str:
    q = QuotationRow
    key = q.article_id if by_article else q.id
    context_length = q.context_end - q.context_start
    query = (
        select(
            q.id,
            q.text,
            q.kind,
            q.speaker_id,
            q.speaker_as_written,
            q.speaker_role,
            q.reported_to,
            q.via,
            q.fingerprint,
            q.start_offset,
            q.end_offset,
            q.context_start,
            q.article_id,
            func.substr(ArticleRow.text, q.context_start + literal_column("1"), context_length),
            ArticleRow.title,
            ArticleRow.url,
            ArticleRow.published,
            OutletRow.name,
            SpeakerRow.name,
            q.speaker_found_by,
            q.speaker_evidence,
            q.speaker_confidence,
            ArticleRow.added_via,
            q.speaker_rule,
        )
        .join(ArticleRow, q.article_id == ArticleRow.id)
        .outerjoin(OutletRow, ArticleRow.outlet_id == OutletRow.id)
        .outerjoin(SpeakerRow, q.speaker_id == SpeakerRow.id)
        .where(key.in_(bindparam(_IDS, expanding=True)))
        .order_by(ArticleRow.published.asc().nulls_last(), ArticleRow.id, q.id)
    )
    compiled = query.compile(dialect=dialect)
    sql = str(compiled)
    if _placeholder() not in sql or set(compiled.params) != {_IDS}:
        raise AssertionError(f"unexpected SQL for the quotation read: {sql}")
    return sql


def _quotation(row: Any) -> StoredQuotation:
    published = row[16]
    if isinstance(published, str):  # SQLite hands back the stored ISO text
        published = dt.date.fromisoformat(published[:10])
    return StoredQuotation(
        id=row[0],
        text=row[1],
        kind=Kind(row[2]),
        speaker_id=row[3],
        speaker_as_written=row[4],
        speaker_role=row[5],
        reported_to=row[6],
        via=row[7],
        fingerprint=row[8],
        start=row[9],
        end=row[10],
        context_offset=row[9] - row[11],
        article_id=row[12],
        context=row[13] or "",
        title=row[14],
        url=row[15],
        published=published,
        outlet=row[17],
        speaker=row[18],
        speaker_found_by=row[19],
        speaker_evidence=row[20],
        speaker_confidence=row[21],
        added_via=row[22],
        speaker_rule=row[23],
    )

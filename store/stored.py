"""Quotations and paragraphs as a check reads them: words, speaker, paragraph and article in
one row each.

These reads are on the path of every check, several times, so they skip SQLAlchemy's statement
building and result machinery: each statement is built and compiled by SQLAlchemy once per
database, and run on the driver's own cursor, which costs a fifth of the time at a million
quotations (bench/verify.py); building the paragraph read at each check cost a paste found
nowhere a tenth of its time. The ids put into them are integers from the archive's own index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, Connection, Select, bindparam, func, literal_column, select
from sqlalchemy.engine import Dialect

from store.db.models import ArticleRow, OutletRow, ParagraphRow, QuotationRow, SpeakerRow
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


@dataclass(frozen=True)
class StoredParagraph:
    """A paragraph of a stored article (its quotations: Archive.article_quotations)."""

    id: int
    article_id: int
    #: Where the paragraph starts in the article text.
    start: int
    text: str
    title: str | None
    url: str | None
    published: dt.date | None
    outlet: str | None
    #: How its article came into the archive (store.article.AddedVia).
    added_via: str = "cli"


def read_quotations(
    connection: Connection, ids: Iterable[int], *, by_article: bool = False
) -> list[StoredQuotation]:
    """The quotations with these ids (or of the articles with these ids), earliest first."""
    read = _article_quotations_read if by_article else _quotations_read
    return [_quotation(row) for row in _rows(connection, read, ids)]


def read_paragraphs(connection: Connection, ids: Iterable[int]) -> list[StoredParagraph]:
    """The paragraphs with these ids, in no particular order."""
    return [_paragraph(row) for row in _rows(connection, _paragraphs_read, ids)]


def ids_printed(connection: Connection, fingerprints: Sequence[str]) -> list[int]:
    """Ids of the quotations with these fingerprints (the same words), in no particular order.

    Fingerprints are text, so they are bound as the driver's parameters, a few hundred a
    statement (both drivers take far more)."""
    sql = _statement(connection.dialect, _fingerprints_read)
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    found: list[int] = []
    for start in range(0, len(fingerprints), _BOUND_AT_ONCE):
        chunk = list(fingerprints[start : start + _BOUND_AT_ONCE])
        cursor.execute(sql.replace(_placeholder(), ", ".join([marker] * len(chunk))), chunk)
        found += [row[0] for row in cursor.fetchall()]
    return found


#: Parameters bound in one statement by ids_printed.
_BOUND_AT_ONCE = 500


def _rows(connection: Connection, read: Callable[[], Select[Any]], ids: Iterable[int]) -> list[Any]:
    """The rows of `read` (a statement over `_ids()`) for these ids, written into it: integers
    from the archive's own index, as many as the caller has."""
    keys = sorted({int(key) for key in ids})
    if not keys:
        return []
    sql = _statement(connection.dialect, read)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(sql.replace(_placeholder(), ", ".join(map(str, keys))))
    return cursor.fetchall()


def _placeholder() -> str:
    return f"__[POSTCOMPILE_{_IDS}]"


#: The compiled reads, by database name and read.
_COMPILED: dict[tuple[str, Callable[[], Select[Any]]], str] = {}


def _statement(dialect: Dialect, read: Callable[[], Select[Any]]) -> str:
    """The SQL of the read for this database, with the list of ids left as a placeholder."""
    key = (dialect.name, read)
    if key not in _COMPILED:
        compiled = read().compile(dialect=dialect)
        sql = str(compiled)
        if _placeholder() not in sql or set(compiled.params) != {_IDS}:
            raise AssertionError(f"unexpected SQL for a read by ids: {sql}")
        _COMPILED[key] = sql
    return _COMPILED[key]


def _ids() -> BindParameter[Any]:
    return bindparam(_IDS, expanding=True)


def _fingerprints_read() -> Select[Any]:
    return select(QuotationRow.id).where(QuotationRow.fingerprint.in_(_ids()))


def _paragraphs_read() -> Select[Any]:
    p = ParagraphRow
    return (
        select(
            p.id,
            p.article_id,
            p.start_offset,
            func.substr(
                ArticleRow.text, p.start_offset + literal_column("1"), p.end_offset - p.start_offset
            ),
            ArticleRow.title,
            ArticleRow.url,
            ArticleRow.published,
            OutletRow.name,
            ArticleRow.added_via,
        )
        .join(ArticleRow, p.article_id == ArticleRow.id)
        .outerjoin(OutletRow, ArticleRow.outlet_id == OutletRow.id)
        .where(p.id.in_(_ids()))
    )


def _paragraph(row: Any) -> StoredParagraph:
    return StoredParagraph(
        id=row[0],
        article_id=row[1],
        start=row[2],
        text=row[3] or "",
        title=row[4],
        url=row[5],
        published=_date(row[6]),
        outlet=row[7],
        added_via=row[8],
    )


def _date(value: Any) -> dt.date | None:
    if isinstance(value, str):  # SQLite hands back the stored ISO text
        return dt.date.fromisoformat(value[:10])
    return value


def _quotations_read() -> Select[Any]:
    return _quotations_by(QuotationRow.id)


def _article_quotations_read() -> Select[Any]:
    return _quotations_by(QuotationRow.article_id)


def _quotations_by(key: Any) -> Select[Any]:
    q = QuotationRow
    context_length = q.context_end - q.context_start
    return (
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
        .where(key.in_(_ids()))
        .order_by(ArticleRow.published.asc().nulls_last(), ArticleRow.id, q.id)
    )


def _quotation(row: Any) -> StoredQuotation:
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
        published=_date(row[16]),
        outlet=row[17],
        speaker=row[18],
        speaker_found_by=row[19],
        speaker_evidence=row[20],
        speaker_confidence=row[21],
        added_via=row[22],
        speaker_rule=row[23],
    )

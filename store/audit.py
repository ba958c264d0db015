"""The bot's audit log and its memory of deliveries: lookups, feedback, adds, events seen.

Kept in the archive's database so that every process serving the bot shares them: a Slack
retry that reaches another process than the first delivery is still recognised, because
"seen before?" is one INSERT ... ON CONFLICT DO NOTHING, and only the process whose row went in
goes on to answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.add_request import (
    MAX_DETAIL_CHARS,
    MAX_URL_CHARS,
    AddOutcome,
    AddRequest,
    ArticleOrigin,
)
from store.article import AddedVia
from store.db.engine import archive_errors, for_writing
from store.db.models import (
    MAX_SEEN_KEY_CHARS,
    AddRow,
    ArticleRow,
    FeedbackRow,
    LookupRow,
    SeenEventRow,
)
from store.errors import ArchiveError
from store.lookup import MAX_ID_CHARS, MAX_QUERY_CHARS, FeedbackKind, Lookup


def record_lookup(engine: Engine, lookup: Lookup) -> Lookup:
    """Store the lookup; returns it with its id and time."""
    asked_at = lookup.asked_at or dt.datetime.now(dt.UTC)
    row = LookupRow(
        asked_at=asked_at,
        workspace=_id(lookup.workspace, "workspace"),
        channel=_id(lookup.channel, "channel") if lookup.channel else None,
        user_id=_id(lookup.user, "user") if lookup.user else None,
        source=lookup.source,
        query=lookup.query[:MAX_QUERY_CHARS],
        claimed_speaker=(lookup.claimed_speaker or "")[:MAX_QUERY_CHARS] or None,
        verdict=lookup.verdict,
        attribution=lookup.attribution,
        quotation_id=lookup.quotation_id,
    )
    with archive_errors(engine), Session(for_writing(engine)) as session:
        session.add(row)
        session.commit()
        return _lookup(row)


def find_lookup(engine: Engine, lookup_id: int) -> Lookup | None:
    with archive_errors(engine), Session(engine) as session:
        row = session.get(LookupRow, lookup_id)
        return _lookup(row) if row is not None else None


def recent_lookups(engine: Engine, workspace: str, user: str, limit: int) -> list[Lookup]:
    """The user's last lookups in the workspace, newest first."""
    query = (
        select(LookupRow)
        .where(LookupRow.workspace == workspace, LookupRow.user_id == user)
        .order_by(LookupRow.asked_at.desc(), LookupRow.id.desc())
        .limit(limit)
    )
    with archive_errors(engine), Session(engine) as session:
        return [_lookup(row) for row in session.scalars(query)]


def record_feedback(engine: Engine, lookup_id: int, user: str, kind: FeedbackKind) -> bool:
    """Record the user's feedback on a stored lookup, once per user and kind.

    True when recorded now; False when the user had already said so. ArchiveError when the
    lookup is not in the archive.
    """
    values = {
        "lookup_id": lookup_id,
        "user_id": _id(user, "user"),
        "kind": str(kind),
        "given_at": dt.datetime.now(dt.UTC),
    }
    with archive_errors(engine), Session(for_writing(engine)) as session:
        if session.get(LookupRow, lookup_id) is None:
            raise ArchiveError(f"no lookup {lookup_id} in the archive")
        inserted = session.scalar(
            dialect_insert(session)(FeedbackRow)
            .values(values)
            .on_conflict_do_nothing()
            .returning(FeedbackRow.id)
        )
        session.commit()
    return inserted is not None


def record_add(engine: Engine, request: AddRequest) -> AddRequest:
    """Store one `/quote add` and what came of it; returns it with its id and time."""
    row = AddRow(
        asked_at=request.asked_at or dt.datetime.now(dt.UTC),
        workspace=_id(request.workspace, "workspace"),
        channel=_id(request.channel, "channel") if request.channel else None,
        user_id=_id(request.user, "user") if request.user else None,
        url_asked=request.url_asked[:MAX_URL_CHARS],
        url_fetched=request.url_fetched[:MAX_URL_CHARS] if request.url_fetched else None,
        outcome=str(request.outcome),
        detail=request.detail[:MAX_DETAIL_CHARS] if request.detail else None,
        article_id=request.article_id,
    )
    with archive_errors(engine), Session(for_writing(engine)) as session:
        session.add(row)
        session.commit()
        return _add_request(row)


def recent_adds(engine: Engine, limit: int) -> list[AddRequest]:
    """The last adds in every workspace, newest first."""
    query = select(AddRow).order_by(AddRow.asked_at.desc(), AddRow.id.desc()).limit(limit)
    with archive_errors(engine), Session(engine) as session:
        return [_add_request(row) for row in session.scalars(query)]


def article_origin(engine: Engine, article_id: int) -> ArticleOrigin | None:
    """How the article came, and the add that stored it (the first, should there be two)."""
    with archive_errors(engine), Session(engine) as session:
        article = session.execute(
            select(ArticleRow.added_via, ArticleRow.ingested_at, ArticleRow.source).where(
                ArticleRow.id == article_id
            )
        ).one_or_none()
        if article is None:
            return None
        row = session.scalars(
            select(AddRow)
            .where(AddRow.article_id == article_id, AddRow.outcome == str(AddOutcome.STORED))
            .order_by(AddRow.asked_at, AddRow.id)
            .limit(1)
        ).first()
        return ArticleOrigin(
            added_via=AddedVia(article.added_via),
            ingested_at=aware(article.ingested_at),
            source=article.source,
            add=_add_request(row) if row is not None else None,
        )


def first_sighting(engine: Engine, key: str) -> bool:
    """True for the one caller, across all processes, that records `key` first."""
    if len(key) > MAX_SEEN_KEY_CHARS:
        raise ArchiveError(f"a delivery key is longer than {MAX_SEEN_KEY_CHARS} characters")
    with archive_errors(engine), Session(for_writing(engine)) as session:
        inserted = session.scalar(
            dialect_insert(session)(SeenEventRow)
            .values(key=key, seen_at=dt.datetime.now(dt.UTC))
            .on_conflict_do_nothing()
            .returning(SeenEventRow.key)
        )
        session.commit()
    return inserted is not None


def forget_sightings(engine: Engine, before: dt.datetime) -> int:
    """Drop the deliveries seen before `before`; returns how many."""
    with archive_errors(engine), Session(for_writing(engine)) as session:
        result = session.execute(delete(SeenEventRow).where(SeenEventRow.seen_at < before))
        session.commit()
        return int(getattr(result, "rowcount", 0) or 0)


def counts(session: Session) -> tuple[int, int, int]:
    """How many lookups, pieces of feedback and adds the log holds."""
    lookups = session.scalar(select(func.count()).select_from(LookupRow)) or 0
    feedback = session.scalar(select(func.count()).select_from(FeedbackRow)) or 0
    adds = session.scalar(select(func.count()).select_from(AddRow)) or 0
    return lookups, feedback, adds


def dialect_insert(session: Session) -> Any:
    """The INSERT construct of the session's database, which knows ON CONFLICT DO NOTHING."""
    dialect = session.get_bind().dialect.name
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def _id(value: str, what: str) -> str:
    if len(value) > MAX_ID_CHARS:
        raise ArchiveError(f"a Slack {what} id is longer than {MAX_ID_CHARS} characters")
    return value


def _add_request(row: AddRow) -> AddRequest:
    return AddRequest(
        id=row.id,
        asked_at=aware(row.asked_at),
        workspace=row.workspace,
        channel=row.channel,
        user=row.user_id,
        url_asked=row.url_asked,
        url_fetched=row.url_fetched,
        outcome=AddOutcome(row.outcome),
        detail=row.detail,
        article_id=row.article_id,
    )


def aware(moment: dt.datetime) -> dt.datetime:
    """The moment with its time zone: UTC when the database gave it back without one."""
    if moment.tzinfo is None:  # SQLite gives back what it stored, without the zone
        return moment.replace(tzinfo=dt.UTC)
    return moment


def _lookup(row: LookupRow) -> Lookup:
    return Lookup(
        id=row.id,
        asked_at=aware(row.asked_at),
        workspace=row.workspace,
        channel=row.channel,
        user=row.user_id,
        source=row.source,
        query=row.query,
        claimed_speaker=row.claimed_speaker,
        verdict=row.verdict,
        attribution=row.attribution,
        quotation_id=row.quotation_id,
    )

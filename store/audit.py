"""The bot's audit log and its memory of deliveries: lookups, feedback, events already seen.

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

from store.db.engine import archive_errors, for_writing
from store.db.models import MAX_SEEN_KEY_CHARS, FeedbackRow, LookupRow, SeenEventRow
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
            _insert(session)(FeedbackRow)
            .values(values)
            .on_conflict_do_nothing()
            .returning(FeedbackRow.id)
        )
        session.commit()
    return inserted is not None


def first_sighting(engine: Engine, key: str) -> bool:
    """True for the one caller, across all processes, that records `key` first."""
    if len(key) > MAX_SEEN_KEY_CHARS:
        raise ArchiveError(f"a delivery key is longer than {MAX_SEEN_KEY_CHARS} characters")
    with archive_errors(engine), Session(for_writing(engine)) as session:
        inserted = session.scalar(
            _insert(session)(SeenEventRow)
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


def counts(session: Session) -> tuple[int, int]:
    """How many lookups and how many pieces of feedback the log holds."""
    lookups = session.scalar(select(func.count()).select_from(LookupRow)) or 0
    feedback = session.scalar(select(func.count()).select_from(FeedbackRow)) or 0
    return lookups, feedback


def _insert(session: Session) -> Any:
    dialect = session.get_bind().dialect.name
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def _id(value: str, what: str) -> str:
    if len(value) > MAX_ID_CHARS:
        raise ArchiveError(f"a Slack {what} id is longer than {MAX_ID_CHARS} characters")
    return value


def _lookup(row: LookupRow) -> Lookup:
    asked_at = row.asked_at
    if asked_at.tzinfo is None:  # SQLite gives back what it stored, without the zone
        asked_at = asked_at.replace(tzinfo=dt.UTC)
    return Lookup(
        id=row.id,
        asked_at=asked_at,
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

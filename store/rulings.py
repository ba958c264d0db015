"""The desk's memory: rulings fact-checkers make on quotations, and where ruled quotes come back.

A ruling is keyed to the words ruled on, not to an archived quotation, because the quotes most
worth ruling on (fabrications) have no printed source; it is linked to the archived quotation
when there is one. Ruling the same words again revises the ruling: every revision is kept, the
latest is the ruling. A reappearance is recorded once per ruling and place (a Slack message,
an ingested article, a draft), so each is alerted once, whichever process sees it first.

Checks look every paste up among the rulings, so the lookup must cost next to nothing: each
process keeps the rulings in memory (`RulingSnapshot`, a small index of their words and word
pairs, the candidate index's terms) and reads one number, `ruling_register.version`, which
every recorded ruling raises in its own transaction, to know when to read them again. The
verifier aligns the few candidates word by word (bot.verifier.rulings): store never imports bot.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, Engine, Select, func, select, update
from sqlalchemy.orm import Session

from store.audit import aware, dialect_insert
from store.db.engine import archive_errors, for_writing
from store.db.models import (
    MAX_NAME_CHARS,
    MAX_PLACE_CHARS,
    ReappearanceRow,
    RulingRegisterRow,
    RulingRevisionRow,
    RulingRow,
)
from store.lookup import MAX_QUERY_CHARS
from store.normalise import content_hash, is_http_url, quotation_fingerprint, url_key
from store.search.grams import JOIN, index_terms, query_terms
from store.search.words import COMMON_WORDS, spoken

#: The longest note a ruling keeps (the issue's limit: a note, not an essay).
MAX_NOTE_CHARS = 2_000
#: Evidence links per ruling, and the longest link.
MAX_LINKS = 10
MAX_LINK_CHARS = 2_048
#: The longest words ruled on, or printed words given: the longest paste the verifier reads.
MAX_TEXT_CHARS = MAX_QUERY_CHARS
#: A term of the in-memory index held by more rulings than this says little: it is skipped.
TERM_CAP = 50
#: The share of a query's pairs of words (or of the ruled quote's, when it is the shorter) a
#: ruling must hold to be aligned; of its telling words, when no ruling holds enough pairs.
PAIR_SHARE = 0.4
WORD_SHARE = 0.6


class RulingKind(StrEnum):
    """What the desk found. The values are what the CLI, JSON and Slack take and show."""

    MISATTRIBUTED = "misattributed"
    FABRICATED = "fabricated"
    MISQUOTED = "misquoted"
    SPLICED = "spliced"
    OUT_OF_CONTEXT = "out_of_context"
    CONFIRMED = "confirmed"


RULING_KINDS = tuple(kind.value for kind in RulingKind)


class RulingError(ValueError):
    """A ruling that cannot be recorded as given, said in one line fit to show to the user
    (the CLI exits 2 with it, the Slack modal shows it under the field)."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        #: Which input was wrong: "text", "ruling", "speaker", "printed", "note", "links", "by".
        self.field = field


@dataclass(frozen=True)
class RulingInput:
    """A ruling as checked by `ruling_input`: every field within bounds, ready to store."""

    text: str
    kind: RulingKind
    by: str
    credited: str | None = None
    speaker: str | None = None
    printed: str | None = None
    note: str | None = None
    links: tuple[str, ...] = ()
    quotation_id: int | None = None


def ruling_input(
    text: str,
    kind: str,
    by: str,
    *,
    credited: str | None = None,
    speaker: str | None = None,
    printed: str | None = None,
    note: str | None = None,
    links: Iterable[str] = (),
    quotation_id: int | None = None,
) -> RulingInput:
    """The ruling, checked; RulingError naming the first thing wrong. Blank optional fields
    become None; surrounding spaces go."""
    words = _text(text, "text", MAX_TEXT_CHARS, "the quotation")
    if not words or not spoken(words):
        raise RulingError("the quotation to rule on has no words", "text")
    if kind not in RULING_KINDS:
        raise RulingError(
            f"unknown ruling {_shown(kind)}: choose one of {', '.join(RULING_KINDS)}", "ruling"
        )
    who = _text(by, "by", MAX_NAME_CHARS, "who ruled")
    if not who:
        raise RulingError("a ruling needs the name of who made it", "by")
    note_text = _text(note, "note", MAX_NOTE_CHARS, "the note")
    checked_links = tuple(_link(link) for link in links if link.strip())
    if len(checked_links) > MAX_LINKS:
        raise RulingError(f"at most {MAX_LINKS} links may back a ruling", "links")
    return RulingInput(
        text=words,
        kind=RulingKind(kind),
        by=who,
        credited=_text(credited, "credited", MAX_NAME_CHARS, "the credited speaker") or None,
        speaker=_text(speaker, "speaker", MAX_NAME_CHARS, "the real speaker") or None,
        printed=_text(printed, "printed", MAX_TEXT_CHARS, "the printed words") or None,
        note=note_text or None,
        links=checked_links,
        quotation_id=quotation_id,
    )


@dataclass(frozen=True)
class Ruling:
    """One revision of a ruling: the latest is the ruling in force."""

    #: The ruled quotation's id (shared by its revisions).
    id: int
    #: The words ruled on, and whom the paste credited.
    text: str
    credited: str | None
    #: The archived quotation the words match, when there is one.
    quotation_id: int | None
    kind: RulingKind
    speaker: str | None
    printed: str | None
    note: str | None
    links: tuple[str, ...]
    by: str
    at: dt.datetime
    #: 1 for the first ruling, 2 for its first revision, ...
    revision: int
    revision_id: int
    #: When the words were first ruled on.
    first_at: dt.datetime

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "ruling": str(self.kind),
            "text": self.text,
            "credited": self.credited,
            "speaker": self.speaker,
            "printed": self.printed,
            "note": self.note,
            "links": list(self.links),
            "by": self.by,
            "at": self.at.isoformat(),
            "revision": self.revision,
            "quotation_id": self.quotation_id,
        }


def record_ruling(engine: Engine, given: RulingInput, at: dt.datetime | None = None) -> Ruling:
    """Rule on the words: a new ruling, or a revision of the ruling on the same words (their
    fingerprint, store.normalise: case, punctuation and quote marks aside). One transaction."""
    at = at or dt.datetime.now(dt.UTC)
    key = quotation_fingerprint(given.text)
    with archive_errors(engine), Session(for_writing(engine)) as session:
        session.execute(
            dialect_insert(session)(RulingRow)
            .values(
                text=given.text,
                text_key=key,
                credited=given.credited,
                quotation_id=given.quotation_id,
                created_at=at,
            )
            .on_conflict_do_nothing()
        )
        row = session.scalars(select(RulingRow).where(RulingRow.text_key == key)).one()
        ruling = _append(session, row, given, at)
        session.commit()
    return ruling


def revise_ruling(
    engine: Engine, ruling_id: int, given: RulingInput, at: dt.datetime | None = None
) -> Ruling:
    """A new revision of ruling `ruling_id` (its words stay those first ruled on);
    RulingError when there is no such ruling."""
    at = at or dt.datetime.now(dt.UTC)
    with archive_errors(engine), Session(for_writing(engine)) as session:
        row = session.get(RulingRow, ruling_id)
        if row is None:
            raise RulingError(f"there is no ruling {ruling_id}", "ruling")
        ruling = _append(session, row, given, at)
        session.commit()
    return ruling


def ruling_history(engine: Engine, ruling_id: int) -> list[Ruling]:
    """Every revision of the ruling, oldest first (empty when there is no such ruling)."""
    query = (
        select(RulingRow, RulingRevisionRow)
        .join(RulingRevisionRow, RulingRevisionRow.ruling_id == RulingRow.id)
        .where(RulingRow.id == ruling_id)
        .order_by(RulingRevisionRow.revision)
    )
    with archive_errors(engine), Session(engine) as session:
        return [_ruling(row, revision) for row, revision in session.execute(query)]


def latest_rulings(
    connection: Connection, *, limit: int | None = None, since: dt.date | None = None
) -> list[Ruling]:
    """The rulings in force, the most recently ruled first; `since`: ruled (or last revised)
    on that day or later."""
    query = _in_force().order_by(RulingRevisionRow.ruled_at.desc(), RulingRevisionRow.id.desc())
    if since is not None:
        start = dt.datetime.combine(since, dt.time(), dt.UTC)
        query = query.where(RulingRevisionRow.ruled_at >= start)
    if limit is not None:
        query = query.limit(limit)
    with Session(connection) as session:
        return [_ruling(row, revision) for row, revision in session.execute(query)]


def most_pasted(connection: Connection, *, limit: int = 5) -> list[tuple[Ruling, int]]:
    """The rulings whose quotes reappeared in the most places (Slack messages, articles,
    drafts), with how many; most first, then the latest ruled."""
    seen = (
        select(ReappearanceRow.ruling_id, func.count().label("places"))
        .group_by(ReappearanceRow.ruling_id)
        .subquery()
    )
    query = (
        _in_force()
        .add_columns(seen.c.places)
        .join(seen, seen.c.ruling_id == RulingRow.id)
        .order_by(seen.c.places.desc(), RulingRevisionRow.ruled_at.desc())
        .limit(limit)
    )
    with Session(connection) as session:
        found = session.execute(query)
        return [(_ruling(row, revision), places) for row, revision, places in found]


def record_reappearance(
    engine: Engine,
    ruling: Ruling,
    place: str,
    *,
    text: str | None = None,
    detail: str | None = None,
    at: dt.datetime | None = None,
) -> bool:
    """Note that the ruled quote turned up at `place` (`slack_place`, `article_place`,
    `draft_place`); True for the one caller, in any process, that notes it first: that one
    alerts."""
    values = {
        "ruling_id": ruling.id,
        "place": bounded_place(place),
        "revision_id": ruling.revision_id,
        "text": text[:MAX_TEXT_CHARS] if text else None,
        "detail": detail[:MAX_TEXT_CHARS] if detail else None,
        "seen_at": at or dt.datetime.now(dt.UTC),
    }
    with archive_errors(engine), Session(for_writing(engine)) as session:
        inserted = session.scalar(
            dialect_insert(session)(ReappearanceRow)
            .values(values)
            .on_conflict_do_nothing()
            .returning(ReappearanceRow.id)
        )
        session.commit()
    return inserted is not None


def slack_place(workspace: str, channel: str, ts: str) -> str:
    """A Slack message as a place: the same message delivered twice is one place."""
    return bounded_place(f"slack:{workspace}:{channel}:{ts}")


def article_place(url: str | None, text: str) -> str:
    """An article as a place: its cleaned-up URL, else its text (store.normalise), so that the
    same article ingested twice, or from two copies, is one place."""
    return bounded_place(f"article:{url_key(url)}" if url else f"article:{content_hash(text)}")


def draft_place(text: str) -> str:
    """A draft under review as a place, by its text: reviewing it again is the same place."""
    return f"draft:{content_hash(text)}"


def bounded_place(place: str) -> str:
    """`place`, or for one too long to key on, its kind and a hash of the rest."""
    if len(place) <= MAX_PLACE_CHARS:
        return place
    kind, _, rest = place.partition(":")
    return f"{kind[:20]}:{content_hash(rest)}"


# -- the in-memory register that checks consult ------------------------------------------------


class RulingSnapshot:
    """Every ruling in force at one register version, with an index of their words and word
    pairs (store.search.grams, as the archive's candidate index holds them) to find the few a
    paste may match. Built once per version and shared by the checks of one process."""

    def __init__(self, version: int, rulings: Sequence[Ruling]) -> None:
        self.version = version
        self.rulings = {ruling.id: ruling for ruling in rulings}
        postings: defaultdict[str, list[int]] = defaultdict(list)
        #: How many pairs of words, and how many telling words, each ruled quote has.
        self._pairs: dict[int, int] = {}
        self._words: dict[int, int] = {}
        for ruling in rulings:
            terms = index_terms(ruling.text).terms
            for term in terms:
                postings[term].append(ruling.id)
            self._pairs[ruling.id] = sum(JOIN in term for term in terms)
            self._words[ruling.id] = sum(
                JOIN not in term and term not in COMMON_WORDS for term in terms
            )
        self._postings = dict(postings)

    def __len__(self) -> int:
        return len(self.rulings)

    def candidates(self, parts: Sequence[Sequence[str]], limit: int = 4) -> list[Ruling]:
        """The rulings most likely to hold these word sequences (a query's normalised words,
        one sequence per stretch between ellipses), best first.

        A ruling must hold a good share of the query's pairs of words (or, for a quote longer
        than the query, of its own): sharing "of the" and "we will" with a ruled quote is not
        being it, and each candidate costs the verifier an alignment. When no ruling holds
        enough pairs (a typo in every other word, a two-word fragment), telling single words
        are counted the same way."""
        if not self.rulings:
            return []
        pairs, words = query_terms(parts)
        found = self._holding(pairs, self._pairs, PAIR_SHARE)
        if not found:
            telling = [word for word in words if word not in COMMON_WORDS]
            found = self._holding(telling, self._words, WORD_SHARE)
        ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
        return [self.rulings[key] for key, _ in ranked[:limit]]

    def _holding(
        self, terms: Sequence[str], sizes: dict[int, int], share: float
    ) -> dict[int, float]:
        """The rulings holding at least `share` of the terms (or of their own, when they have
        fewer), with their votes: rarer terms weigh more."""
        held: Counter[int] = Counter()
        votes: Counter[int] = Counter()
        for term in terms:
            found = self._postings.get(term)
            if not found or len(found) > TERM_CAP:
                continue
            weight = 1.0 + 1.0 / math.sqrt(len(found))
            for key in found:
                held[key] += 1
                votes[key] += weight
        return {
            key: votes[key]
            for key, count in held.items()
            if count >= max(1.0, share * min(len(terms), sizes[key]))
        }


_VERSION_STATEMENT = f"SELECT version FROM {RulingRegisterRow.__tablename__} WHERE id = 1"


def register_version(connection: Connection) -> int:
    """The number every recorded ruling raises: unchanged, the rulings are unchanged."""
    # The driver's own statement, uncompiled: every check reads it, so it must cost microseconds.
    version = connection.exec_driver_sql(_VERSION_STATEMENT).scalar()
    return int(version or 0)


def snapshot(connection: Connection, known: RulingSnapshot | None) -> RulingSnapshot:
    """`known` while the register is at its version, else the rulings read again."""
    version = register_version(connection)
    if known is not None and known.version == version:
        return known
    if version == 0:
        return RulingSnapshot(0, [])
    return RulingSnapshot(version, latest_rulings(connection))


# -- rows ---------------------------------------------------------------------------------------


def _append(session: Session, row: RulingRow, given: RulingInput, at: dt.datetime) -> Ruling:
    """Add the revision, fill in what the ruled quotation lacked, and raise the register."""
    # The UPDATE first: it takes the register's row lock, so writers of rulings take turns (no
    # two revisions get one number) and a reader that sees a version sees every ruling before.
    session.execute(
        update(RulingRegisterRow)
        .where(RulingRegisterRow.id == 1)
        .values(version=RulingRegisterRow.version + 1)
    )
    if row.quotation_id is None and given.quotation_id is not None:
        row.quotation_id = given.quotation_id
    if row.credited is None and given.credited is not None:
        row.credited = given.credited
    latest = session.scalar(
        select(func.max(RulingRevisionRow.revision)).where(RulingRevisionRow.ruling_id == row.id)
    )
    revision = RulingRevisionRow(
        ruling_id=row.id,
        revision=(latest or 0) + 1,
        kind=str(given.kind),
        speaker=given.speaker,
        printed=given.printed,
        note=given.note,
        links="\n".join(given.links) or None,
        ruled_by=given.by,
        ruled_at=at,
    )
    session.add(revision)
    session.flush()
    return _ruling(row, revision)


def _in_force() -> Select[tuple[RulingRow, RulingRevisionRow]]:
    """Each ruled quotation with its latest revision."""
    newest = (
        select(RulingRevisionRow.ruling_id, func.max(RulingRevisionRow.revision).label("last"))
        .group_by(RulingRevisionRow.ruling_id)
        .subquery()
    )
    return (
        select(RulingRow, RulingRevisionRow)
        .join(RulingRevisionRow, RulingRevisionRow.ruling_id == RulingRow.id)
        .join(
            newest,
            (newest.c.ruling_id == RulingRevisionRow.ruling_id)
            & (newest.c.last == RulingRevisionRow.revision),
        )
    )


def _ruling(row: RulingRow, revision: RulingRevisionRow) -> Ruling:
    return Ruling(
        id=row.id,
        text=row.text,
        credited=row.credited,
        quotation_id=row.quotation_id,
        kind=RulingKind(revision.kind),
        speaker=revision.speaker,
        printed=revision.printed,
        note=revision.note,
        links=tuple(revision.links.split("\n")) if revision.links else (),
        by=revision.ruled_by,
        at=aware(revision.ruled_at),
        revision=revision.revision,
        revision_id=revision.id,
        first_at=aware(row.created_at),
    )


def _text(value: str | None, field: str, most: int, what: str) -> str:
    if value is None:
        return ""
    if "\x00" in value:
        raise RulingError(f"{what} holds a NUL character, which is not text", field)
    stripped = value.strip()
    if len(stripped) > most:
        raise RulingError(
            f"{what} is {len(stripped):,} characters long; the limit is {most:,}", field
        )
    return stripped


def _link(link: str) -> str:
    link = link.strip()
    if len(link) > MAX_LINK_CHARS:
        raise RulingError(f"a link is longer than {MAX_LINK_CHARS:,} characters", "links")
    if not is_http_url(link):
        raise RulingError(f"a link must be an http(s) address: {_shown(link)}", "links")
    return link


def _shown(value: str) -> str:
    """A user's value quoted in a message: one line, cut short."""
    flat = " ".join(value.split())
    return repr(flat if len(flat) <= 60 else flat[:59] + "…")

"""The archive: articles and their attributed quotations, stored once, in one transaction each.

Nothing is lost and nothing is half-stored: an article and all its quotations, speakers and
aliases are written in one transaction, so a failure anywhere (a bad row, a full disk, a killed
process) leaves the archive as it was before that article. An article seen before, under a
cleaned-up URL or with the same normalised text, is recognised and not written again.
Several processes may ingest at once: outlets and speakers are created with
INSERT ... ON CONFLICT DO NOTHING and then read back, which never fails on a race.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store import audit, rulings
from store.add_request import AddRequest, ArticleOrigin
from store.article import AddedVia, Article
from store.bulk import Stored, Written, check_index, share_written, store_batch
from store.db import schema
from store.db.engine import (
    archive_errors,
    create_archive_engine,
    create_replica_engine,
    for_writing,
)
from store.db.models import (
    MAX_NAME_CHARS,
    ArticleRow,
    Base,
    OutletRow,
    ParagraphRow,
    QuotationRow,
    SpeakerAliasRow,
    SpeakerRow,
)
from store.db.replicas import ReadEngines
from store.errors import ArchiveError
from store.lookup import FeedbackKind, Lookup
from store.normalise import content_hash, name_key
from store.prepared import (
    PreparedArticle,
    has_text,
    identity_url,
    indexed_in_part,
    prepare,
    quotation_row,
    refuse_unstorable,
    speaker_aliases,
)
from store.quotation import Kind, Quotation
from store.rulings import Ruling, RulingInput, RulingSnapshot
from store.search.candidates import CommonTerms, candidate_ids, ids_holding, rows_holding
from store.search.grams import Terms
from store.search.index import PARAGRAPHS, QUOTATIONS, index_for
from store.search.paragraphs import Span, quoted_spans, searched_paragraphs
from store.search.refresh import refresh_statistics
from store.stored import (
    StoredParagraph,
    StoredQuotation,
    ids_printed,
    read_paragraphs,
    read_quotations,
)
from store.unstorable import storable

logger = logging.getLogger(__name__)

T = TypeVar("T")

TOP_SPEAKERS = 10
#: How often an open archive reads whether the desk has recorded a ruling (rulings_snapshot).
RULINGS_RECHECK_SECONDS = 1.0
#: Word pairs a paragraph search looks up at most: a paragraph the verifier can accept holds
#: most of a paste's words, so half the pairs a quotation search reads find it.
PARAGRAPH_PAIRS = 12


@dataclass(frozen=True)
class AddResult:
    """What `Archive.add` did with one article."""

    #: The stored article, or for a duplicate the one already in the archive.
    article_id: int
    duplicate: bool
    #: Quotations stored now (0 for a duplicate).
    quotations: int
    #: What a user should know about how it was stored, a line each: a paragraph too long for
    #: the search index, found by its first words only.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SpeakerCount:
    name: str
    quotations: int


@dataclass(frozen=True)
class ArchiveStats:
    """The size and span of the archive, for `quotebot stats`."""

    articles: int
    quotations_by_kind: Mapping[str, int]
    speakers: int
    outlets: int
    earliest_published: dt.date | None
    latest_published: dt.date | None
    top_speakers: tuple[SpeakerCount, ...] = field(default=())
    #: Quotes checked through the bot (the audit log), the answers flagged as wrong, and the
    #: articles people asked the bot to add (`/quote add`, whatever came of it).
    lookups: int = 0
    feedback: int = 0
    adds: int = 0

    @property
    def quotations(self) -> int:
        return sum(self.quotations_by_kind.values())

    def to_json(self) -> dict[str, object]:
        """The document `quotebot stats --json` prints."""
        return {
            "articles": self.articles,
            "quotations": self.quotations,
            "quotations_by_kind": dict(self.quotations_by_kind),
            "speakers": self.speakers,
            "outlets": self.outlets,
            "earliest_published": _iso(self.earliest_published),
            "latest_published": _iso(self.latest_published),
            "top_speakers": [
                {"name": speaker.name, "quotations": speaker.quotations}
                for speaker in self.top_speakers
            ],
            "lookups": self.lookups,
            "feedback": self.feedback,
            "adds": self.adds,
        }


@dataclass(frozen=True)
class Occurrence:
    """One article's printing of a quotation."""

    quotation_id: int
    article_id: int
    text: str
    kind: Kind
    speaker: str | None
    speaker_as_written: str | None
    outlet: str | None
    title: str | None
    url: str | None
    published: dt.date | None


class Archive:
    """The stored articles and quotations of one database, and of its read replicas.

    What checks, reviews and stats read (the searches, the quotations and articles they find,
    the counts) comes from a replica when there are any (store.db.replicas), else from the
    database itself; everything written (articles, the audit log, the delivery memory, the
    feedback) and what the bot reads back from its own audit log goes to `engine`, the primary.
    Callers need not know which: each method picks.
    """

    def __init__(self, engine: Engine, replicas: Sequence[Engine] = ()) -> None:
        #: The primary: every write, and reads that must see the writes just made.
        self.engine = engine
        self.reads = ReadEngines(engine, replicas)
        self._common = {QUOTATIONS: CommonTerms(), PARAGRAPHS: CommonTerms()}
        self._rulings: RulingSnapshot | None = None
        #: When the register's version was last read (time.monotonic), for rulings_snapshot.
        self._rulings_read = -math.inf

    @classmethod
    def open(cls, url: str, read_urls: Sequence[str] = ()) -> Archive:
        """The archive at `url`, set up when the database is empty, reading from the replicas
        at `read_urls` (none: from `url`); ArchiveError if unusable."""
        engine = create_archive_engine(url)
        replicas: list[Engine] = []
        try:
            if read_urls and engine.dialect.name != "postgresql":
                raise ArchiveError(
                    "read replicas (DATABASE_READ_URL) need a PostgreSQL archive; "
                    "this one is SQLite"
                )
            schema.ensure_current(engine)
            for read_url in read_urls:
                replicas.append(create_replica_engine(read_url))
        except BaseException:
            for opened in (engine, *replicas):
                opened.dispose()
            raise
        return cls(engine, replicas)

    @property
    def terms_as_numbers(self) -> bool:
        """Whether the search index names each term by its number (PostgreSQL's, see
        store.search.term_hashes): what articles are prepared with (store.prepared.prepare)."""
        return self.engine.dialect.name == "postgresql"

    def close(self) -> None:
        self.reads.dispose()
        self.engine.dispose()

    def _read(self, work: Callable[[Connection], T]) -> T:
        """`work` done on a connection for reading: a replica's, else the primary's."""
        with archive_errors(self.engine):
            return self.reads.read(work)

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def add(self, article: Article, quotations: Sequence[Quotation]) -> AddResult:
        """Store the article and its quotations in one transaction, unless already stored."""
        refuse_unstorable(article, quotations)
        url = identity_url(article)
        digest = content_hash(article.text)
        with archive_errors(self.engine), Session(for_writing(self.engine)) as session:
            result = _Writer(session).add(article, url, digest, quotations)
            if result.duplicate:
                session.rollback()
            else:
                session.commit()
        _log_notes(article, result)
        return result

    def add_many(
        self, pairs: Iterable[tuple[Article, Sequence[Quotation]]], *, batch: int = 5000
    ) -> int:
        """Store many articles, `batch` to a transaction, through the bulk path (store.bulk):
        for loading large archives (benchmarks, moving from another system), where one
        transaction per article costs more than it protects. Duplicates are skipped as in
        `add`. Returns the articles stored."""
        stored = 0
        written = Written()
        items = iter(pairs)
        numbers = self.terms_as_numbers
        while chunk := list(itertools.islice(items, batch)):
            ready = [prepare(article, quotations, numbers) for article, quotations in chunk]
            for prepared, result in zip(ready, self.store_batch(ready, written), strict=True):
                stored += not result.duplicate
                if not result.duplicate:
                    for note in prepared.notes:
                        logger.warning("%s: %s", prepared.article.source, note)
        if problems := self.check_index(written):
            raise ArchiveError(problems[0])
        self.refresh_statistics()
        return stored

    def store_batch(
        self, batch: Sequence[PreparedArticle], written: Written | None = None
    ) -> list[Stored]:
        """Store prepared articles in one transaction (store.bulk), those already stored
        skipped; ArchiveError, and nothing stored, if any row is refused."""
        return store_batch(self.engine, batch, written)

    def check_index(self, written: Written) -> list[str]:
        """What is wrong with the candidate index for the rows stored since `written` began
        (store.bulk.check_index); empty when it holds every row and nothing else."""
        return check_index(self.engine, written)

    def share_written(self, written: Written) -> float:
        """The share of the archive's index rows stored since `written` began (store.bulk)."""
        return share_written(self.engine, written)

    def refresh_statistics(self) -> None:
        """After a large ingest: the database's planner learns the new index terms at once
        instead of at autovacuum's next pass, and SQLite's index is merged into the one segment
        lookups read fastest (store.search.refresh)."""
        with archive_errors(self.engine), for_writing(self.engine).begin() as connection:
            refresh_statistics(connection)

    def stats(self, *, top: int = TOP_SPEAKERS) -> ArchiveStats:
        """Counts of what the archive holds, and its most quoted speakers."""
        return self._read(lambda connection: _stats(connection, top))

    # The bot's audit log and delivery memory (store.audit), on the primary: the bot reads back
    # what it has just written (the lookup a button refers to), which a replica may not hold yet.

    def record_lookup(self, lookup: Lookup) -> Lookup:
        """Store a lookup in the audit log; returns it with its id."""
        return audit.record_lookup(self.engine, lookup)

    def lookup(self, lookup_id: int) -> Lookup | None:
        return audit.find_lookup(self.engine, lookup_id)

    def recent_lookups(self, workspace: str, user: str, *, limit: int = 5) -> list[Lookup]:
        """The user's last lookups in the workspace, newest first."""
        return audit.recent_lookups(self.engine, workspace, user, limit)

    def record_feedback(self, lookup_id: int, user: str, kind: FeedbackKind) -> bool:
        """Feedback on a lookup, once per user and kind; False when already recorded."""
        return audit.record_feedback(self.engine, lookup_id, user, kind)

    def record_add(self, request: AddRequest) -> AddRequest:
        """Store a `/quote add` and what came of it in the audit log; returns it with its id."""
        return audit.record_add(self.engine, request)

    def recent_adds(self, *, limit: int = 10) -> list[AddRequest]:
        """The last `/quote add`s, newest first."""
        return audit.recent_adds(self.engine, limit)

    def article_origin(self, article_id: int) -> ArticleOrigin | None:
        """How a stored article came into the archive, when, and, for a `/quote add`, who
        asked for it, where and for which address; None when there is no such article."""
        return audit.article_origin(self.engine, article_id)

    def first_sighting(self, key: str) -> bool:
        """True for the one caller, in any process, that sees the delivery `key` first."""
        return audit.first_sighting(self.engine, key)

    def forget_sightings(self, before: dt.datetime) -> int:
        """Forget deliveries seen before `before`; returns how many were forgotten."""
        return audit.forget_sightings(self.engine, before)

    # The desk's rulings (store.rulings). Recorded on the primary; read where checks read.

    def record_ruling(self, given: RulingInput) -> Ruling:
        """Rule on the words (a new ruling, or a revision of the one on the same words)."""
        ruling = rulings.record_ruling(self.engine, given)
        self._rulings_read = -math.inf  # this process's next check sees it
        return ruling

    def revise_ruling(self, ruling_id: int, given: RulingInput) -> Ruling:
        """A new revision of ruling `ruling_id`; RulingError when there is none."""
        ruling = rulings.revise_ruling(self.engine, ruling_id, given)
        self._rulings_read = -math.inf
        return ruling

    def ruling_history(self, ruling_id: int) -> list[Ruling]:
        """Every revision of the ruling, oldest first."""
        return rulings.ruling_history(self.engine, ruling_id)

    def latest_rulings(
        self, *, limit: int | None = None, since: dt.date | None = None
    ) -> list[Ruling]:
        """The rulings in force, the most recently ruled first."""
        return self._read(
            lambda connection: rulings.latest_rulings(connection, limit=limit, since=since)
        )

    def most_pasted_rulings(self, *, limit: int = 5) -> list[tuple[Ruling, int]]:
        """The ruled quotes seen again in the most places, with how many."""
        return self._read(lambda connection: rulings.most_pasted(connection, limit=limit))

    def rulings_snapshot(self) -> RulingSnapshot:
        """The rulings in force, kept in memory while the register is unchanged.

        The register's version is read (store.rulings.snapshot) at most once every
        RULINGS_RECHECK_SECONDS, and the rulings again only after a new one: a ruling recorded
        through this archive answers its next check, one recorded by another process within
        that time. Checks come in bursts (a watched channel, a draft), and a read per check
        was most of the lookup's cost on a database server."""
        now = time.monotonic()
        if self._rulings is not None and now - self._rulings_read < RULINGS_RECHECK_SECONDS:
            return self._rulings

        def work(connection: Connection) -> RulingSnapshot:
            return rulings.snapshot(connection, self._rulings)

        self._rulings = self._read(work)
        self._rulings_read = now
        return self._rulings

    def record_reappearance(
        self, ruling: Ruling, place: str, *, text: str | None = None, detail: str | None = None
    ) -> bool:
        """Note the ruled quote at `place`; True for the first to note it (who alerts)."""
        return rulings.record_reappearance(self.engine, ruling, place, text=text, detail=detail)

    # What checks, reviews and stats read: from a replica when there is one.

    def search(self, parts: Sequence[Sequence[str]], *, limit: int = 50) -> list[StoredQuotation]:
        """The quotations most likely to hold these word sequences (normalised words of a
        query, one sequence per stretch between ellipses), best candidates first."""

        def work(connection: Connection) -> list[StoredQuotation]:
            ids = candidate_ids(connection, parts, limit, QUOTATIONS, self._common[QUOTATIONS])
            return _in_order(connection, ids)

        return self._read(work)

    def search_terms(self, terms: Sequence[str], *, limit: int = 10) -> list[StoredQuotation]:
        """The quotations holding the most of these index terms ("patient cinderford_bay" asks
        for both), best first."""

        def work(connection: Connection) -> list[StoredQuotation]:
            ids = ids_holding(connection, terms, limit, QUOTATIONS, self._common[QUOTATIONS])
            return _in_order(connection, ids)

        return self._read(work)

    def quotations_holding(self, term: str) -> int:
        """How many quotations hold this index term (`search_terms`), counted up to
        store.search.candidates.TERM_CAP: how common a phrase is in this archive."""
        return self._read(
            lambda connection: rows_holding(connection, term, QUOTATIONS, self._common[QUOTATIONS])
        )

    def search_paragraphs(
        self, parts: Sequence[Sequence[str]], *, limit: int = 20
    ) -> list[StoredParagraph]:
        """Article paragraphs most likely to hold these words, best first."""

        def work(connection: Connection) -> tuple[list[int], list[StoredParagraph]]:
            ids = candidate_ids(
                connection, parts, limit, PARAGRAPHS, self._common[PARAGRAPHS], PARAGRAPH_PAIRS
            )
            return ids, read_paragraphs(connection, ids)

        ids, paragraphs = self._read(work)
        found = {paragraph.id: paragraph for paragraph in paragraphs}
        return [found[key] for key in ids if key in found]

    def article_quotations(self, article_id: int) -> list[StoredQuotation]:
        """The quotations of one stored article, in the order they were printed."""
        quoted = self._read(
            lambda connection: read_quotations(connection, [article_id], by_article=True)
        )
        return sorted(quoted, key=lambda quotation: quotation.start)

    def printed(
        self, fingerprints: Iterable[str], known: Iterable[StoredQuotation] = ()
    ) -> list[StoredQuotation]:
        """Every stored quotation with these words (by fingerprint), earliest article first.

        `known`: quotations already read, not read again (a check has most of them at hand).
        """
        keys = sorted(set(fingerprints))
        if not keys:
            return []
        at_hand = {quotation.id: quotation for quotation in known}

        def work(connection: Connection) -> list[StoredQuotation]:
            ids = ids_printed(connection, keys)
            missing = [quotation for quotation in ids if quotation not in at_hand]
            found = [at_hand[quotation] for quotation in ids if quotation in at_hand]
            if missing:
                found += read_quotations(connection, missing)
            return found

        return sorted(self._read(work), key=_earliest)

    def article_texts(self, quotation_ids: Iterable[int]) -> dict[int, str]:
        """The text of the article that printed each quotation, by quotation id."""
        ids = sorted(set(quotation_ids))
        if not ids:
            return {}

        def work(connection: Connection) -> dict[int, str]:
            rows = connection.execute(
                select(QuotationRow.id, ArticleRow.text)
                .join(ArticleRow, ArticleRow.id == QuotationRow.article_id)
                .where(QuotationRow.id.in_(ids))
            )
            return {quotation: text for quotation, text in rows}

        return self._read(work)

    def aliases(self, speaker_ids: Iterable[int]) -> dict[int, set[str]]:
        """The normalised names, surnames, forms as written and roles each speaker goes by."""
        ids = sorted(set(speaker_ids))
        if not ids:
            return {}

        def work(connection: Connection) -> dict[int, set[str]]:
            found: dict[int, set[str]] = {speaker: set() for speaker in ids}
            for speaker, key in connection.execute(
                select(SpeakerRow.id, SpeakerRow.name_key).where(SpeakerRow.id.in_(ids))
            ):
                found[speaker].add(key)
            for speaker, key in connection.execute(
                select(SpeakerAliasRow.speaker_id, SpeakerAliasRow.alias_key).where(
                    SpeakerAliasRow.speaker_id.in_(ids)
                )
            ):
                found[speaker].add(key)
            return found

        return self._read(work)

    def printings_of(self, quotation_id: int) -> list[Occurrence]:
        """Every article that printed the words of quotation `quotation_id` (`occurrences`),
        earliest first; empty when there is no such quotation."""
        fingerprint = self._read(
            lambda connection: connection.execute(
                select(QuotationRow.fingerprint).where(QuotationRow.id == quotation_id)
            ).scalar()
        )
        return self.occurrences(fingerprint) if fingerprint else []

    def occurrences(self, fingerprint: str) -> list[Occurrence]:
        """Every article that printed the quotation, earliest first, undated ones last."""
        query = (
            select(QuotationRow, ArticleRow, OutletRow.name, SpeakerRow.name)
            .join(QuotationRow.article)
            .outerjoin(ArticleRow.outlet)
            .outerjoin(QuotationRow.speaker)
            .where(QuotationRow.fingerprint == fingerprint)
            .order_by(ArticleRow.published.asc().nulls_last(), ArticleRow.id, QuotationRow.id)
        )

        def work(connection: Connection) -> list[Occurrence]:
            with Session(connection) as session:
                return [
                    Occurrence(
                        quotation_id=quotation.id,
                        article_id=article.id,
                        text=quotation.text,
                        kind=quotation.kind,
                        speaker=speaker,
                        speaker_as_written=quotation.speaker_as_written,
                        outlet=outlet,
                        title=article.title,
                        url=article.url,
                        published=article.published,
                    )
                    for quotation, article, outlet, speaker in session.execute(query)
                ]

        return self._read(work)


class _Writer:
    """The statements that store one article, inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._dialect = session.get_bind().dialect.name
        self._insert = postgresql.insert if self._dialect == "postgresql" else sqlite.insert
        self._speaker_ids: dict[str, int] = {}

    def add(
        self, article: Article, url: str | None, digest: str, quotations: Sequence[Quotation]
    ) -> AddResult:
        existing = self._stored_article_id(url, digest)
        if existing is not None:
            return AddResult(existing, duplicate=True, quotations=0)
        outlet_id = self._outlet_id(article.outlet) if article.outlet else None
        article_id = self.session.scalar(
            self._insert(ArticleRow)
            .values(_article_row(article, url, digest, outlet_id))
            .on_conflict_do_nothing()
            .returning(ArticleRow.id)
        )
        if article_id is None:  # another process stored it since we looked
            existing = self._stored_article_id(url, digest)
            if existing is None:
                raise ArchiveError("the article conflicted with one that then disappeared")
            return AddResult(existing, duplicate=True, quotations=0)
        self._resolve_speakers(quotations)
        rows = [self._quotation_row(article_id, quotation) for quotation in quotations]
        if rows:
            ids = self.session.scalars(
                insert(QuotationRow).returning(QuotationRow.id, sort_by_parameter_order=True),
                rows,
            ).all()
            # The candidate index is written in the same transaction: it never lags the archive.
            in_part = index_for(self._dialect, QUOTATIONS).add(
                self.session.connection(), zip(ids, (row["text"] for row in rows), strict=True)
            )
            notes = [indexed_in_part("quotation", terms) for terms in in_part]
        else:
            notes = []
        quoted = quoted_spans((row["kind"], row["start_offset"], row["end_offset"]) for row in rows)
        in_part = self._add_paragraphs(article_id, article.text, quoted)
        notes.extend(indexed_in_part("paragraph", terms) for terms in in_part)
        self._add_aliases(quotations)
        return AddResult(article_id, duplicate=False, quotations=len(rows), notes=tuple(notes))

    def _add_paragraphs(self, article_id: int, text: str, quoted: list[Span]) -> list[Terms]:
        """The article's paragraphs outside its `quoted` spans, indexed: a paraphrase is found
        in the writer's words (store.search.paragraphs). Returns the terms of those too long to
        index whole."""
        spans = [
            (paragraph.start, paragraph.end) for paragraph in searched_paragraphs(text, quoted)
        ]
        if not spans:
            return []
        ids = self.session.scalars(
            insert(ParagraphRow).returning(ParagraphRow.id, sort_by_parameter_order=True),
            [
                {"article_id": article_id, "start_offset": start, "end_offset": end}
                for start, end in spans
            ],
        ).all()
        return index_for(self._dialect, PARAGRAPHS).add(
            self.session.connection(),
            [(key, text[start:end]) for key, (start, end) in zip(ids, spans, strict=True)],
        )

    def _stored_article_id(self, url: str | None, digest: str) -> int | None:
        same = ArticleRow.content_hash == digest
        if url is not None:
            same = same | (ArticleRow.url_key == url)
        return self.session.scalar(select(ArticleRow.id).where(same).limit(1))

    def _outlet_id(self, outlet: str) -> int:
        name = outlet.strip()[:MAX_NAME_CHARS]
        return self._get_or_create(OutletRow, name=name, name_key=name_key(name)[:MAX_NAME_CHARS])

    def _speaker_id(self, speaker: str) -> int:
        name = speaker.strip()[:MAX_NAME_CHARS]
        key = name_key(name)[:MAX_NAME_CHARS]
        if key not in self._speaker_ids:
            self._speaker_ids[key] = self._get_or_create(SpeakerRow, name=name, name_key=key)
        return self._speaker_ids[key]

    def _resolve_speakers(self, quotations: Iterable[Quotation]) -> None:
        # Always in the same order: two PostgreSQL transactions creating the same two speakers
        # in opposite orders would deadlock.
        names = {name_key(q.speaker): q.speaker for q in quotations if has_text(q.speaker)}
        for key in sorted(names):
            self._speaker_id(names[key])

    def _get_or_create(
        self, model: type[OutletRow | SpeakerRow], *, name: str, name_key: str
    ) -> int:
        created = self.session.scalar(
            self._insert(model)
            .values(name=name, name_key=name_key)
            .on_conflict_do_nothing(index_elements=["name_key"])
            .returning(model.id)
        )
        if created is not None:
            return created
        return self.session.scalars(select(model.id).where(model.name_key == name_key)).one()

    def _quotation_row(self, article_id: int, quotation: Quotation) -> dict[str, Any]:
        speaker_id = self._speaker_id(quotation.speaker) if has_text(quotation.speaker) else None
        return {"article_id": article_id, "speaker_id": speaker_id, **quotation_row(quotation)}

    def _add_aliases(self, quotations: Iterable[Quotation]) -> None:
        rows: dict[tuple[int, str, str], str] = {}
        for quotation in quotations:
            if not has_text(quotation.speaker):
                continue
            speaker_id = self._speaker_id(quotation.speaker)
            for kind, alias in speaker_aliases(quotation):
                rows.setdefault((speaker_id, kind, name_key(alias)), alias)
        if not rows:
            return
        self.session.execute(
            self._insert(SpeakerAliasRow)
            .values(
                [  # sorted, like speakers, so that concurrent writers never deadlock
                    {"speaker_id": speaker_id, "kind": kind, "alias_key": key, "alias": alias}
                    for (speaker_id, kind, key), alias in sorted(rows.items())
                ]
            )
            .on_conflict_do_nothing(index_elements=["speaker_id", "kind", "alias_key"])
        )


def _log_notes(article: Article, result: AddResult) -> None:
    """Each note on a stored article as a warning naming its source (the command line shows
    them on stderr, the bot in its log)."""
    for note in result.notes:
        logger.warning("%s: %s", article.source, note)


def _in_order(connection: Any, ids: list[int]) -> list[StoredQuotation]:
    """The stored quotations with these ids, in the order of `ids` (best candidate first)."""
    found = {row.id: row for row in read_quotations(connection, ids)}
    return [found[quotation] for quotation in ids if quotation in found]


def _earliest(quotation: StoredQuotation) -> tuple[bool, dt.date, int, int]:
    published = quotation.published
    return (published is None, published or dt.date.min, quotation.article_id, quotation.id)


def _article_row(
    article: Article, url: str | None, digest: str, outlet_id: int | None
) -> dict[str, Any]:
    return {
        "outlet_id": outlet_id,
        "title": article.title,
        "url": article.url,
        "url_key": url,
        "content_hash": digest,
        "published": article.published,
        "byline": article.byline,
        "text": article.text,
        "source": storable(article.source),
        "external_id": None if article.external_id is None else str(article.external_id),
        "ingested_at": dt.datetime.now(dt.UTC),
        # Only when there is a claim, or a Slack add: the row of any other article is written as
        # it was before revisions 0006 and 0008 (the column's default is "cli"), since
        # tests/test_upgrade.py fills archives at older revisions.
        **{
            column: value
            for column, value in (
                ("claimed_url", article.claimed_url),
                ("claimed_outlet", article.claimed_outlet),
                ("added_via", None if article.added_via is AddedVia.CLI else article.added_via),
            )
            if value is not None
        },
    }


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date is not None else None


def _stats(connection: Connection, top: int) -> ArchiveStats:
    with Session(connection) as session:
        by_kind = {str(kind): 0 for kind in Kind}
        for kind, count in session.execute(
            select(QuotationRow.kind, func.count()).group_by(QuotationRow.kind)
        ):
            by_kind[str(kind)] = count
        earliest, latest = session.execute(
            select(func.min(ArticleRow.published), func.max(ArticleRow.published))
        ).one()
        lookups, feedback, adds = audit.counts(session)
        return ArchiveStats(
            articles=_count(session, ArticleRow),
            quotations_by_kind=by_kind,
            speakers=_count(session, SpeakerRow),
            outlets=_count(session, OutletRow),
            earliest_published=earliest,
            latest_published=latest,
            top_speakers=_top_speakers(session, top),
            lookups=lookups,
            feedback=feedback,
            adds=adds,
        )


def _count(session: Session, model: type[Base]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _top_speakers(session: Session, top: int) -> tuple[SpeakerCount, ...]:
    quoted = func.count(QuotationRow.id).label("quoted")
    rows = session.execute(
        select(SpeakerRow.name, quoted)
        .join(QuotationRow, QuotationRow.speaker_id == SpeakerRow.id)
        .group_by(SpeakerRow.id, SpeakerRow.name)
        .order_by(quoted.desc(), SpeakerRow.name)
        .limit(top)
    )
    return tuple(SpeakerCount(name, count) for name, count in rows)

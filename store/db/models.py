"""The archive's tables, one schema for SQLite and PostgreSQL.

The models stay inside `store/`: the rest of quotebot sees `Article`, `Quotation` and the
archive's own result dataclasses. Every change here needs a migration in `migrations/versions/`
(tests/test_migrations.py fails when the two disagree).

Offsets (`start_offset`, `context_start`, ...) index `articles.text`, so a quotation's words and
its paragraph are always cut from the one stored copy of the article.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from store.db.sizes import MAX_NAME_CHARS, MAX_URL_CHARS
from store.lookup import MAX_ID_CHARS
from store.quotation import Kind

#: Longest word saying how a speaker was found ("continuation").
MAX_FOUND_BY_CHARS = 16
MAX_RULE_CHARS = 40
#: Longest key of a seen delivery ("message:T123:C456:1700000000.000100" is about 40).
MAX_SEEN_KEY_CHARS = 200
#: Longest word saying how an article came into the archive ("slack").
MAX_ADDED_VIA_CHARS = 8

# Constraint names are fixed so that migrations can refer to them on both databases.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class OutletRow(Base):
    """A publication: "Harbour Gazette". Found again by its normalised name."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(MAX_NAME_CHARS))
    name_key: Mapped[str] = mapped_column(String(MAX_NAME_CHARS), unique=True)


class ArticleRow(Base):
    """One stored article. Stored once: its normalised URL and its text hash are unique."""

    __tablename__ = "articles"
    __table_args__ = (Index(None, "published"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    #: The URL without case, fragment, trailing slash or tracking parameters (store.normalise).
    url_key: Mapped[str | None] = mapped_column(String(MAX_URL_CHARS), unique=True)
    #: SHA-256 of the normalised text, so a re-published copy under another URL is recognised.
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    published: Mapped[dt.date | None] = mapped_column(Date)
    byline: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    #: Where it was read from (a path, a URL, `path:line`), for reports.
    source: Mapped[str] = mapped_column(Text)
    #: The identifier an export gave the article.
    external_id: Mapped[str | None] = mapped_column(Text)
    #: What a page fetched by URL claimed to be when that is another site: its canonical
    #: address and its site name (store.readers.provenance). Claims, never the identity.
    claimed_url: Mapped[str | None] = mapped_column(Text)
    claimed_outlet: Mapped[str | None] = mapped_column(Text)
    #: How it came into the archive (store.article.AddedVia): "cli" or "slack". Who asked for
    #: a Slack add, where and when, is in `adds` (the row whose outcome is "stored").
    added_via: Mapped[str] = mapped_column(String(MAX_ADDED_VIA_CHARS), server_default="cli")
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    outlet: Mapped[OutletRow | None] = relationship()
    quotations: Mapped[list[QuotationRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )


class ParagraphRow(Base):
    """A paragraph of an article, as a span of its text: the writer's own words are searched
    too, so that a paraphrase pasted as if it were a quote is recognised as one. A paragraph
    wholly inside one of the article's quotations has none (store.search.paragraphs)."""

    __tablename__ = "paragraphs"
    __table_args__ = (CheckConstraint("start_offset <= end_offset", name="span"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)


class SpeakerRow(Base):
    """A person quotations are attributed to, by full name; found again by the normalised name."""

    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(MAX_NAME_CHARS))
    name_key: Mapped[str] = mapped_column(String(MAX_NAME_CHARS), unique=True)

    aliases: Mapped[list[SpeakerAliasRow]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan", passive_deletes=True
    )


class SpeakerAliasRow(Base):
    """Another way articles name a speaker: a surname, a form as written, a role.

    Lets the matcher recognise "Zonszein" or "the analyst" in a pasted claim as the person the
    archive knows by full name.
    """

    __tablename__ = "speaker_aliases"
    __table_args__ = (
        UniqueConstraint("speaker_id", "kind", "alias_key"),
        Index(None, "alias_key"),
        CheckConstraint("kind IN ('surname', 'as_written', 'role')", name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    #: "surname", "as_written" or "role".
    kind: Mapped[str] = mapped_column(String(16))
    alias: Mapped[str] = mapped_column(String(MAX_NAME_CHARS))
    alias_key: Mapped[str] = mapped_column(String(MAX_NAME_CHARS))

    speaker: Mapped[SpeakerRow] = relationship(back_populates="aliases")


class QuotationRow(Base):
    """One quotation as one article printed it.

    The same words printed by several articles are stored once per article and linked by
    `fingerprint`, so all their occurrences, and the earliest, are one indexed query away.
    """

    __tablename__ = "quotations"
    __table_args__ = (
        CheckConstraint("kind IN ('direct', 'partial', 'reported')", name="kind"),
        CheckConstraint("start_offset <= end_offset", name="span"),
        CheckConstraint("context_start <= context_end", name="context_span"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    #: The words as printed.
    text: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    #: The paragraph around the quotation, as a span of the article text.
    context_start: Mapped[int] = mapped_column(Integer)
    context_end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[Kind] = mapped_column(
        Enum(
            Kind,
            name="quotation_kind",
            native_enum=False,
            create_constraint=False,  # the named check constraint above, same on both databases
            length=16,
            values_callable=lambda kinds: [kind.value for kind in kinds],
        )
    )
    #: The resolved speaker; None when the article gives nobody credible.
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id"), index=True)
    speaker_as_written: Mapped[str | None] = mapped_column(Text)
    speaker_role: Mapped[str | None] = mapped_column(Text)
    #: The outlet the speaker spoke to ("she told Al Jazeera").
    reported_to: Mapped[str | None] = mapped_column(Text)
    #: Who relayed the words ("according to The New York Times").
    via: Mapped[str | None] = mapped_column(Text)
    #: Hash of the normalised words (store.normalise.quotation_fingerprint).
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    #: How the speaker was found (store.quotation.Quotation.speaker_found_by), the sentence
    #: that shows it, and the attribution model's confidence; None in archives stored before
    #: attributions carried them.
    speaker_found_by: Mapped[str | None] = mapped_column(String(MAX_FOUND_BY_CHARS))
    speaker_evidence: Mapped[str | None] = mapped_column(Text)
    speaker_confidence: Mapped[float | None] = mapped_column(Float)
    #: The named extraction rule that credited the speaker (store/extract/rules.py).
    speaker_rule: Mapped[str | None] = mapped_column(String(MAX_RULE_CHARS))

    article: Mapped[ArticleRow] = relationship(back_populates="quotations")
    speaker: Mapped[SpeakerRow | None] = relationship()


class LookupRow(Base):
    """One quoted stretch someone checked through the bot, and the verdict it got (the audit
    log; store.lookup.Lookup is what the rest of quotebot sees)."""

    __tablename__ = "lookups"
    __table_args__ = (Index(None, "workspace", "user_id", "asked_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    workspace: Mapped[str] = mapped_column(String(MAX_ID_CHARS))
    channel: Mapped[str | None] = mapped_column(String(MAX_ID_CHARS))
    user_id: Mapped[str | None] = mapped_column(String(MAX_ID_CHARS))
    #: The entry point: command, shortcut, mention or channel.
    source: Mapped[str] = mapped_column(String(16))
    query: Mapped[str] = mapped_column(Text)
    claimed_speaker: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(String(32))
    attribution: Mapped[str] = mapped_column(String(16))
    #: The quotation matched; kept when the article is deleted, as a lookup without a match.
    quotation_id: Mapped[int | None] = mapped_column(
        ForeignKey("quotations.id", ondelete="SET NULL"), index=True
    )


class FeedbackRow(Base):
    """Someone's word on a lookup's answer ("Not the right match"), once per person and kind."""

    __tablename__ = "feedback"
    __table_args__ = (
        UniqueConstraint("lookup_id", "user_id", "kind"),
        CheckConstraint("kind IN ('wrong_match')", name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lookup_id: Mapped[int] = mapped_column(ForeignKey("lookups.id", ondelete="CASCADE"))
    given_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    user_id: Mapped[str] = mapped_column(String(MAX_ID_CHARS))
    kind: Mapped[str] = mapped_column(String(16))


class AddRow(Base):
    """One `/quote add`: who asked, when, for which address, where the page came from, and
    what came of it (store.add_request.AddRequest is what the rest of quotebot sees)."""

    __tablename__ = "adds"
    __table_args__ = (
        Index(None, "workspace", "user_id", "asked_at"),
        CheckConstraint("outcome IN ('stored', 'duplicate', 'refused', 'failed')", name="outcome"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    workspace: Mapped[str] = mapped_column(String(MAX_ID_CHARS))
    channel: Mapped[str | None] = mapped_column(String(MAX_ID_CHARS))
    user_id: Mapped[str | None] = mapped_column(String(MAX_ID_CHARS))
    url_asked: Mapped[str] = mapped_column(Text)
    url_fetched: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str | None] = mapped_column(Text)
    #: The article stored (or found already stored); kept as NULL when it is deleted.
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )


class SeenEventRow(Base):
    """A delivery the bot has already handled (a Slack event id, a message's channel and
    timestamp), so that a retry or a second copy is answered once, whichever process gets it."""

    __tablename__ = "seen_events"
    __table_args__ = (Index(None, "seen_at"),)

    key: Mapped[str] = mapped_column(String(MAX_SEEN_KEY_CHARS), primary_key=True)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class IndexTermCountRow(Base):
    """About how many rows of a candidate index table hold each of its common terms, as of the
    last statistics refresh (store.search.refresh): a check skips those terms without reading
    their rows. SQLite's FTS5 keeps no statistics; PostgreSQL's keep only the commonest few
    thousand (refresh.TERM_STATISTICS), and these add those below."""

    __tablename__ = "index_term_counts"

    index_table: Mapped[str] = mapped_column(String(32), primary_key=True)
    term: Mapped[str] = mapped_column(Text, primary_key=True)
    rows: Mapped[int] = mapped_column(Integer)


class SearchIndexVersionRow(Base):
    """Which way of reading stored text built the candidate index (store.search.version): one
    row, so that an index older than this quotebot's reading can be named and rebuilt."""

    __tablename__ = "search_index_version"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer)


#: Rulings (store.rulings): the longest ruling kind, and place where a ruled quote reappeared.
MAX_RULING_KIND_CHARS = 16
MAX_PLACE_CHARS = 500


class RulingRow(Base):
    """A quotation the desk has ruled on, keyed to its words (store.normalise fingerprint) so
    that a quote with no printed source can be ruled too; its rulings are its revisions."""

    __tablename__ = "rulings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: The words ruled on, as pasted (the quoted stretch).
    text: Mapped[str] = mapped_column(Text)
    text_key: Mapped[str] = mapped_column(String(64), unique=True)
    #: Whom the paste credited ("— Jo Reed"): the claim's author in a ClaimReview.
    credited: Mapped[str | None] = mapped_column(String(MAX_NAME_CHARS))
    #: The archived quotation the words match, when there is one.
    quotation_id: Mapped[int | None] = mapped_column(
        ForeignKey("quotations.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class RulingRevisionRow(Base):
    """One ruling on a ruled quotation; a revision adds a row, the latest is the ruling."""

    __tablename__ = "ruling_revisions"
    __table_args__ = (
        UniqueConstraint("ruling_id", "revision"),
        CheckConstraint(
            "kind IN ('misattributed', 'fabricated', 'misquoted', 'spliced', "
            "'out_of_context', 'confirmed')",
            name="kind",
        ),
        Index(None, "ruled_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ruling_id: Mapped[int] = mapped_column(ForeignKey("rulings.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(MAX_RULING_KIND_CHARS))
    #: Who really said it (misattributed), where known.
    speaker: Mapped[str | None] = mapped_column(String(MAX_NAME_CHARS))
    #: The words as really printed (misquoted).
    printed: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    #: Evidence links, one per line.
    links: Mapped[str | None] = mapped_column(Text)
    ruled_by: Mapped[str] = mapped_column(String(MAX_NAME_CHARS))
    ruled_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ReappearanceRow(Base):
    """A ruled quote seen again at one place (a Slack message, an article, a draft): one row
    per ruling and place, so that each reappearance is alerted once, by one process."""

    __tablename__ = "reappearances"
    __table_args__ = (UniqueConstraint("ruling_id", "place"), Index(None, "seen_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ruling_id: Mapped[int] = mapped_column(ForeignKey("rulings.id", ondelete="CASCADE"))
    place: Mapped[str] = mapped_column(String(MAX_PLACE_CHARS))
    #: The revision in force when it reappeared (the one alerted).
    revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("ruling_revisions.id", ondelete="SET NULL")
    )
    #: The words as they reappeared, and what the place is (an article's title, a channel).
    text: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class RulingRegisterRow(Base):
    """One number every recorded ruling raises (in its transaction): a process keeping the
    rulings in memory reads it to know when they changed (store.rulings)."""

    __tablename__ = "ruling_register"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer)

"""An article made ready to store: every key, row and index term the archive will write for
it, computed without a database.

This is the CPU half of storing (normalising URLs and texts, hashing, cutting paragraphs,
folding words into index terms); the writer only assigns ids and sends rows. Kept apart so that
`quotebot ingest --jobs N` does it in worker processes, and so that the per-article path and
the bulk path (store.bulk) store the very same rows.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from store.article import Article
from store.db.sizes import MAX_NAME_CHARS, MAX_URL_CHARS
from store.errors import ArchiveError
from store.extract.evidence import MAX_EVIDENCE_CHARS
from store.normalise import content_hash, name_key, quotation_fingerprint, url_key
from store.quotation import Kind, Quotation
from store.search.grams import Terms, index_terms
from store.search.paragraphs import quoted_spans, searched_paragraphs
from store.search.term_hashes import array_literal
from store.unstorable import all_storable, why_unstorable

#: Forms "as written" that say nothing about who the speaker is, so are not kept as aliases.
_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"})
#: Distinct names whose keys are remembered.
_CACHED_NAMES = 65_536
#: Name suffixes that are not a surname: "Amos Lee Pike Jr." is found as "Pike".
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class Named:
    """An outlet or speaker as the archive stores it: the name and the key it is found by."""

    name: str
    key: str


@dataclass(frozen=True)
class JoinedTerms:
    """A text's index terms (store.search.grams.Terms) as one string, the terms separated by
    single spaces (a term holds none).

    Made so by the worker process that prepares the article, and so sent to the writer and
    written to SQLite's index: the writer neither splits thousands of terms an article out of
    the string they cross processes as, nor joins them again for FTS5 (0.3 ms of the storing
    process's CPU an 800-word article).

    For a PostgreSQL archive the worker also writes the terms' numbers as its index takes them
    (`numbers`, store.search.term_hashes): 18 µs a Quotebank line that the process that
    stores, a bulk import's limit, no longer spends."""

    joined: str
    #: The text's first `indexed` words are found by their terms (all of them, usually).
    indexed: int
    words: int
    #: The terms' numbers as PostgreSQL's `integer[]` text (term_hashes.array_literal), when
    #: prepared for PostgreSQL.
    numbers: str | None = None

    @classmethod
    def of(cls, terms: Terms, numbers: bool = False) -> JoinedTerms:
        literal = array_literal(terms.terms) if numbers else None
        return cls(" ".join(terms.terms), terms.indexed, terms.words, literal)

    @property
    def terms(self) -> list[str]:
        return self.joined.split(" ") if self.joined else []

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent as the arguments that make it, not as a dictionary of its fields: half the
        # pickling time in a worker process (an article holds about seventy).
        return (JoinedTerms, (self.joined, self.indexed, self.words, self.numbers))

    @property
    def complete(self) -> bool:
        return self.indexed == self.words


@dataclass(frozen=True)
class PreparedQuotation:
    #: The quotation's columns but its ids (article, speaker).
    row: dict[str, Any]
    #: Key of its speaker (Named.key), or None.
    speaker: str | None
    terms: JoinedTerms

    def __reduce__(self) -> tuple[Any, ...]:
        return (PreparedQuotation, (self.row, self.speaker, self.terms))


@dataclass(frozen=True)
class PreparedParagraph:
    start: int
    end: int
    terms: JoinedTerms

    def __reduce__(self) -> tuple[Any, ...]:
        return (PreparedParagraph, (self.start, self.end, self.terms))


@dataclass(frozen=True)
class PreparedArticle:
    """Everything stored for one article but the ids, which the writer assigns."""

    article: Article
    #: The normalised URL (store.normalise.url_key) and text hash: the duplicate keys.
    url: str | None
    digest: str
    outlet: Named | None
    #: The speakers to find or create, in the order the per-article writer creates them.
    speakers: tuple[Named, ...]
    quotations: tuple[PreparedQuotation, ...]
    #: Those a paraphrase can be found in (store.search.paragraphs): none of a Quotebank line.
    paragraphs: tuple[PreparedParagraph, ...]
    #: (speaker key, kind, alias key, alias), once each.
    aliases: tuple[tuple[str, str, str, str], ...]

    @property
    def notes(self) -> tuple[str, ...]:
        """A line for each quotation or paragraph the index holds only the start of."""
        return tuple(
            [indexed_in_part("quotation", q.terms) for q in self.quotations if not q.terms.complete]
            + [
                indexed_in_part("paragraph", p.terms)
                for p in self.paragraphs
                if not p.terms.complete
            ]
        )


def identity_url(article: Article) -> str | None:
    """The normalised URL that identifies the article (store.normalise.url_key), if its URL
    does; ArchiveError when it is too long for the database to index."""
    if not article.url or not article.keyed_by_url:
        return None
    url = url_key(article.url)
    if len(url) > MAX_URL_CHARS:
        raise ArchiveError(f"the article's URL is longer than {MAX_URL_CHARS} characters")
    return url


def prepare(
    article: Article, quotations: Sequence[Quotation], numbers: bool = False
) -> PreparedArticle:
    """The article ready to store; ArchiveError naming what a database would refuse. With
    `numbers`, for a PostgreSQL archive: its index terms as numbers too (JoinedTerms)."""
    refuse_unstorable(article, quotations)
    url = identity_url(article)
    outlet = named(article.outlet) if article.outlet else None
    prepared = tuple(
        PreparedQuotation(
            quotation_row(quotation),
            named(quotation.speaker).key if has_text(quotation.speaker) else None,
            JoinedTerms.of(index_terms(quotation.text), numbers),
        )
        for quotation in quotations
    )
    text = article.text
    quoted = quoted_spans(
        (q.row["kind"], q.row["start_offset"], q.row["end_offset"]) for q in prepared
    )
    paragraphs = tuple(
        PreparedParagraph(
            p.start, p.end, JoinedTerms.of(index_terms(text[p.start : p.end]), numbers)
        )
        for p in searched_paragraphs(text, quoted)
    )
    return PreparedArticle(
        article=article,
        url=url,
        digest=content_hash(text),
        outlet=outlet,
        speakers=_speakers(quotations),
        quotations=prepared,
        paragraphs=paragraphs,
        aliases=_aliases_of(quotations),
    )


@functools.lru_cache(maxsize=_CACHED_NAMES)
def named(name: str) -> Named:
    stored = name.strip()[:MAX_NAME_CHARS]
    return Named(stored, name_key(stored)[:MAX_NAME_CHARS])


#: Names recur (a speaker, an outlet, their aliases) in line after line of a large import.
name_key = functools.lru_cache(maxsize=_CACHED_NAMES)(name_key)


def has_text(value: str | None) -> bool:
    return value is not None and bool(value.strip())


def _speakers(quotations: Iterable[Quotation]) -> tuple[Named, ...]:
    # Always in the same order: two PostgreSQL transactions creating the same two speakers in
    # opposite orders would deadlock. The last spelling of a key in the article names it.
    names = {name_key(q.speaker): q.speaker for q in quotations if has_text(q.speaker)}
    return tuple(named(names[key]) for key in sorted(names))  # type: ignore[arg-type]


def quotation_row(quotation: Quotation) -> dict[str, Any]:
    """The columns of a quotation's row that come from the quotation alone (both writers')."""
    return {
        "text": quotation.text,
        "start_offset": quotation.start,
        "end_offset": quotation.end,
        "context_start": quotation.context_start,
        "context_end": quotation.context_end,
        "kind": quotation_kind(quotation.kind),
        "speaker_as_written": quotation.speaker_as_written,
        "speaker_role": quotation.speaker_role,
        "reported_to": quotation.reported_to,
        "via": quotation.via,
        "fingerprint": quotation_fingerprint(quotation.text),
        "speaker_found_by": quotation.speaker_found_by,
        "speaker_evidence": bounded(quotation.speaker_evidence, MAX_EVIDENCE_CHARS),
        "speaker_confidence": quotation.speaker_confidence,
        "speaker_rule": quotation.speaker_rule,
    }


def _aliases_of(quotations: Iterable[Quotation]) -> tuple[tuple[str, str, str, str], ...]:
    rows: dict[tuple[str, str, str], str] = {}
    for quotation in quotations:
        if not has_text(quotation.speaker):
            continue
        speaker = named(quotation.speaker).key  # type: ignore[arg-type]
        for kind, alias in speaker_aliases(quotation):
            rows.setdefault((speaker, kind, name_key(alias)), alias)
    return tuple((speaker, kind, key, alias) for (speaker, kind, key), alias in rows.items())


def speaker_aliases(quotation: Quotation) -> Iterable[tuple[str, str]]:
    """(kind, alias) pairs a quotation teaches about its speaker."""
    assert quotation.speaker is not None
    return _aliases(quotation.speaker, quotation.speaker_as_written, quotation.speaker_role)


#: The same speaker, written the same way, recurs in line after line of a large import.
@functools.lru_cache(maxsize=_CACHED_NAMES)
def _aliases(speaker: str, as_written: str | None, role: str | None) -> tuple[tuple[str, str], ...]:
    return tuple(_each_alias(speaker, as_written, role))


def _each_alias(
    speaker: str, as_written: str | None, role: str | None
) -> Iterable[tuple[str, str]]:
    full_key = name_key(speaker)
    words = [word for word in speaker.split() if name_key(word) not in _NAME_SUFFIXES]
    candidates = [
        ("surname", words[-1] if len(words) > 1 else None),
        ("as_written", as_written),
        ("role", role),
    ]
    for kind, alias in candidates:
        if not has_text(alias):
            continue
        alias = alias.strip()  # type: ignore[union-attr]
        key = name_key(alias)
        if key and key != full_key and key not in _PRONOUNS and len(alias) <= MAX_NAME_CHARS:
            yield kind, alias


def indexed_in_part(what: str, terms: Terms | JoinedTerms) -> str:
    return (
        f"a {what} of {terms.words:,} words is longer than the search index holds for one: "
        f"checks find its first {terms.indexed:,} words"
    )


def bounded(text: str | None, limit: int) -> str | None:
    return text[:limit] if text else None


def quotation_kind(value: str) -> Kind:
    if isinstance(value, Kind):  # as extraction and readers give it: no lookup by value
        return value
    try:
        return Kind(value)
    except ValueError:
        expected = ", ".join(kind.value for kind in Kind)
        raise ArchiveError(f"unknown quotation kind {value!r} (expected {expected})") from None


def refuse_unstorable(article: Article, quotations: Sequence[Quotation]) -> None:
    """An ArchiveError naming the first field a database would refuse (store.unstorable).

    Readers refuse such records first; this keeps any other caller from meeting a driver's
    UnicodeEncodeError, which is no database error and would end a batch with a traceback.
    """
    values = list(_article_values(article))
    for quotation in quotations:
        values += _quotation_values(quotation)
    # An id that is a number is text once stored; None and numbers need no look.
    if all_storable([value for value in values if isinstance(value, str)]):
        return  # as nearly always: one search through them all
    names = [name for name, _ in _ARTICLE_FIELDS] + [
        name for _ in quotations for name, _ in _QUOTATION_FIELDS
    ]
    for name, value in zip(names, values, strict=True):
        if isinstance(value, str) and (problem := why_unstorable(value)):
            raise ArchiveError(f"the article's {name} holds {problem}")


#: The fields refuse_unstorable looks at, in the order it names the first it refuses: (the
#: field's name in its message, the attribute).
_ARTICLE_FIELDS = (
    ("text", "text"), ("title", "title"), ("outlet", "outlet"), ("URL", "url"),
    ("byline", "byline"), ("id", "external_id"), ("claimed URL", "claimed_url"),
    ("claimed outlet", "claimed_outlet"),
)  # fmt: skip
_QUOTATION_FIELDS = (
    ("quotation", "text"), ("speaker", "speaker"), ("speaker", "speaker_as_written"),
    ("speaker's role", "speaker_role"), ("outlet", "reported_to"), ("outlet", "via"),
    ("evidence", "speaker_evidence"),
)  # fmt: skip
_article_values = operator.attrgetter(*(attribute for _, attribute in _ARTICLE_FIELDS))
_quotation_values = operator.attrgetter(*(attribute for _, attribute in _QUOTATION_FIELDS))

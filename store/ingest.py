"""The ingest batch: read every source, extract each article's quotations, store them.

A nightly ingest over thousands of files must not stop at the first bad one: a source that
cannot be read, an article the extractor chokes on and an article the database refuses each
become one error naming the source, and the batch goes on with the next.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import httpx

from store.archive import AddResult, Archive
from store.article import AddedVia, Article
from store.errors import ArchiveError
from store.extract.capped import CappedQuotations, cap_given, extract_capped
from store.limits import (
    DEFAULT_MAX_QUOTATIONS,
    MAX_QUOTATIONS,
    Limits,
    limits_from_environment,
)
from store.quotation import Quotation
from store.readers import ReadFailure, read_sources
from store.readers.fetch import DEFAULT_DEADLINE_SECONDS

#: Articles stored by one ingest after which the database's statistics are refreshed.
REFRESH_AFTER = 200

logger = logging.getLogger(__name__)


class ExtractionFailed(Exception):
    """The extractor raised on one article; the message says so in one line."""


class IngestError(NamedTuple):
    """A source (or `path:line`) that was not stored, and why, in one line."""

    source: str
    error: str


class IngestWarning(NamedTuple):
    """An article stored in part (a limit left quotations out, the search index holds only the
    start of a paragraph), and what was left, in one line."""

    source: str
    warning: str


@dataclass(frozen=True)
class IngestReport:
    """What one ingest did; the document `quotebot ingest --json` prints."""

    #: Articles stored by this run.
    articles: int = 0
    #: Articles recognised as already in the archive, and not stored again.
    duplicates: int = 0
    #: Quotations stored by this run.
    quotes: int = 0
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "duplicates": self.duplicates,
            "quotes": self.quotes,
            "errors": [{"source": error.source, "error": error.error} for error in self.errors],
            "warnings": [warning_json(warning) for warning in self.warnings],
        }


def ingest(
    inputs: Sequence[str],
    archive: Archive,
    *,
    fmt: str = "auto",
    outlet: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    on_progress: Callable[[str], None] | None = None,
    transport: httpx.BaseTransport | None = None,
    formats: Collection[str] | None = None,
    download_seconds: float = DEFAULT_DEADLINE_SECONDS,
    on_stored: Callable[[Article, AddResult], None] | None = None,
    limits: Limits | None = None,
    added_via: AddedVia = AddedVia.CLI,
) -> IngestReport:
    """Store every article of `inputs`; `outlet`, `url` and `published` fill what readers miss.

    `on_progress` is called with each source once it is stored, skipped or failed, and
    `on_stored` with each article stored or found a duplicate; `transport` is how URLs are
    fetched (the Slack bot's refuses private addresses) and `download_seconds` the time one
    download may take; `formats` admits only those formats (store.readers.sources.ONE_ARTICLE:
    one web page or one text); `limits` default to the settings (store.limits); `added_via`
    says how the articles came (the Slack bot's `/quote add`, else the command line).
    """
    limits = limits or limits_from_environment()
    articles = duplicates = quotes = 0
    errors: list[IngestError] = []
    warnings: list[IngestWarning] = []
    sources = read_sources(
        inputs,
        fmt,
        transport=transport,
        formats=formats,
        download_seconds=download_seconds,
        max_decompressed_bytes=limits.max_decompressed_bytes,
        max_html_bytes=limits.max_html_bytes,
    )
    for item in sources:
        if isinstance(item, ReadFailure):
            errors.append(IngestError(item.source, item.error))
        else:
            article = replace(
                item.with_defaults(outlet=outlet, url=url, published=published),
                added_via=added_via,
            )
            try:
                kept = capped_quotations_of(article, limits.max_quotations)
                result = archive.add(article, kept.quotations)
            except (ExtractionFailed, ArchiveError) as error:
                errors.append(IngestError(article.source, str(error)))
            else:
                duplicates += result.duplicate
                articles += not result.duplicate
                quotes += result.quotations
                if kept.capped and not result.duplicate:
                    # Logged like the archive's own notes, which the command line shows on
                    # stderr and the bot keeps in its log.
                    logger.warning("%s: warning: %s", article.source, cap_warning(kept))
                    warnings.append(IngestWarning(article.source, cap_warning(kept)))
                warnings += [IngestWarning(article.source, note) for note in result.notes]
                if on_stored is not None:
                    on_stored(article, result)
        if on_progress is not None:
            on_progress(item.source)
    if articles >= REFRESH_AFTER:
        archive.refresh_statistics()
    return IngestReport(articles, duplicates, quotes, errors, warnings)


def quotations_of(article: Article) -> list[Quotation]:
    """The article's quotations, as ingest stores them under the default limit."""
    return capped_quotations_of(article, DEFAULT_MAX_QUOTATIONS).quotations


def capped_quotations_of(article: Article, limit: int) -> CappedQuotations:
    """The article's first `limit` quotations: the ones its source gave, else what extraction
    finds."""
    if article.given_quotations is not None:
        return cap_given(list(article.given_quotations), limit)
    try:
        return extract_capped(article, limit)
    except Exception as error:  # an extractor bug on one article must not end a nightly batch
        reason = " ".join(str(error).split())[:300]
        raise ExtractionFailed(f"extraction failed: {type(error).__name__}: {reason}") from error


def cap_warning(kept: CappedQuotations) -> str:
    """The one line that says an article's quotations were capped, and how to raise the cap."""
    return (
        f"too many quotations: kept the first {len(kept.quotations):,} of "
        f"{'about ' if kept.estimated else ''}{kept.found:,} "
        f"(the limit per article is {kept.limit:,}; {MAX_QUOTATIONS} raises it)"
    )


def warning_json(warning: IngestWarning) -> dict[str, str]:
    return {"source": warning.source, "warning": warning.warning}

"""The ingest batch: read every source, extract each article's quotations, store them.

A nightly ingest over thousands of files must not stop at the first bad one: a source that
cannot be read, an article the extractor chokes on and an article the database refuses each
become one error naming the source, and the batch goes on with the next.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

from store import collection
from store.archive import AddResult, Archive
from store.article import AddedVia, Article, ArticleDefaults
from store.bulk import Stored, Written
from store.errors import ArchiveError
from store.extraction import (  # noqa: F401 (where callers have always found them)
    ExtractionFailed,
    Ready,
    cap_warning,
    capped_quotations_of,
    quotations_of,
)
from store.limits import DEFAULT_DEADLINE_SECONDS, Limits, limits_from_environment
from store.pipeline import prepared_in_order
from store.prepared import PreparedArticle
from store.readers import ReadFailure, read_sources
from store.readers.quotebank import QuotebankLines
from store.worker import Item, Outcome

if TYPE_CHECKING:
    import httpx

#: Articles stored by one ingest after which the database's statistics are refreshed, if they
#: are also at least REFRESH_SHARE of the archive's quotations or paragraphs.
REFRESH_AFTER = 200
#: The refresh reads the whole index (SQLite counts the rows of every term, and merges the
#: index into one segment; PostgreSQL's ANALYZE and the term count sample it): run after every
#: ingest of 200 articles, a newsroom's daily ingest into a large archive paid for the whole
#: archive each time (0.31 s for 400 articles into 390,000 Quotebank lines, about 3 s at a
#: million quotations). So only once a tenth of the index is new, as PostgreSQL's autovacuum
#: analyzes a table once a tenth of it changed (autovacuum_analyze_scale_factor): a refresh
#: reads at most ten rows for each row the ingest stored. Between refreshes FTS5 merges its
#: newest segments a few at a time, and a term grown common since is read up to its cap, as is
#: any term the counts do not name.
REFRESH_SHARE = 0.1
#: The largest batch stored in one transaction: articles, quotations, and seconds gathering.
BATCH_ARTICLES = 5_000
BATCH_QUOTATIONS = 20_000
BATCH_SECONDS = 2.0
#: Extracted articles stored as soon as this many wait and the writer is idle: the writer keeps
#: pace with extraction, so that what is left to store once the last article is extracted is a
#: few articles, not the last and largest doubled batch (a quarter of a second of one core, the
#: other idle, at the end of a 400-article ingest with two workers). A Quotebank line
#: comes attributed: its batches grow as before.
EXTRACTED_AT_ONCE = 16
#: What an error about the archive as a whole names instead of a source.
_ARCHIVE = "archive"

logger = logging.getLogger(__name__)


class IngestError(NamedTuple):
    """A source (or `path:line`) that was not stored, and why, in one line."""

    source: str
    error: str


class IngestWarning(NamedTuple):
    """An article stored in part (a limit left quotations out, the search index holds only the
    start of a paragraph), and what was left, in one line."""

    source: str
    warning: str


@dataclass
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
    on_quoted: Callable[[Article, list[str]], None] | None = None,
    limits: Limits | None = None,
    jobs: int = 1,
    added_via: AddedVia = AddedVia.CLI,
) -> IngestReport:
    """Store every article of `inputs`; `outlet`, `url` and `published` fill what readers miss.

    `on_progress` is called with each source once it is stored, skipped or failed, and
    `on_stored` with each article stored or found a duplicate, `on_quoted` with it and the words
    of its direct and partial quotations (to look them up among the desk's rulings, which
    store cannot: bot.resurfacing); `transport` is how URLs are
    fetched (the Slack bot's refuses private addresses) and `download_seconds` the time one
    download may take; `formats` admits only those formats (store.readers.sources.ONE_ARTICLE:
    one web page or one text); `limits` default to the settings (store.limits); `jobs` worker
    processes extract (store.pipeline), 1 for this process alone; `added_via` says how the
    articles came (the Slack bot's `/quote add`, else the command line).

    Articles are stored in batches (store.bulk), one transaction each: the first batches are
    small, so that a few articles are stored at once, and they grow to BATCH_ARTICLES.
    """
    limits = limits or limits_from_environment()
    sources = read_sources(
        inputs,
        fmt,
        transport=transport,
        formats=formats,
        download_seconds=download_seconds,
        max_decompressed_bytes=limits.max_decompressed_bytes,
        max_html_bytes=limits.max_html_bytes,
        quotebank_lines=True,
    )
    defaults = ArticleDefaults(outlet, url, published, added_via)
    items = (_filled(item, defaults) for item in sources)
    batches = _Batches(archive, on_progress, on_stored, on_quoted)
    try:
        with collection.paused():
            numbers = archive.terms_as_numbers
            for item, outcome in prepared_in_order(items, limits.max_quotations, jobs, numbers):
                batches.add(item, outcome)
            batches.flush()
            batches.settle()
    finally:
        batches.close()
    report = batches.report
    if report.articles:
        report.errors.extend(
            IngestError(_ARCHIVE, problem) for problem in archive.check_index(batches.written)
        )
    if report.articles >= REFRESH_AFTER and archive.share_written(batches.written) >= REFRESH_SHARE:
        archive.refresh_statistics()
    return report


def _filled(item: Item, defaults: ArticleDefaults) -> Item:
    """The item with what the command gave filled in: an article now, a dump's lines as the
    worker reading them makes each article."""
    if isinstance(item, Article):
        return defaults(item)
    if isinstance(item, QuotebankLines):
        return replace(item, finish=defaults)
    return item


class _Batches:
    """The one writer: outcomes gathered in input order and stored a batch at a time."""

    def __init__(
        self,
        archive: Archive,
        on_progress: Callable[[str], None] | None,
        on_stored: Callable[[Article, AddResult], None] | None,
        on_quoted: Callable[[Article, list[str]], None] | None = None,
    ) -> None:
        self.archive = archive
        self.on_progress = on_progress
        self.on_stored = on_stored
        self.on_quoted = on_quoted
        self.report = IngestReport()
        self.written = Written()
        self.pending: list[Outcome] = []
        self.articles = self.quotations = self.extracted = 0
        self.size = 1
        self.since = time.monotonic()
        # One thread stores, a batch at a time, in order: this is still the one writer.
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="ingest-writer")
        self.storing: tuple[list[Outcome], Future[list[AddResult | ArchiveError]]] | None = None

    def add(self, item: Article | ReadFailure, outcome: Ready | str | None) -> None:
        self.pending.append((item, outcome))
        if isinstance(outcome, Ready):
            self.articles += 1
            self.quotations += len(outcome.prepared.quotations)
            self.extracted += outcome.prepared.article.given_quotations is None
        if (
            self.articles >= self.size
            or self.quotations >= BATCH_QUOTATIONS
            or time.monotonic() - self.since >= BATCH_SECONDS
            or (self.extracted >= EXTRACTED_AT_ONCE and self._writer_idle())
        ):
            self.flush()
            self.size = min(2 * self.size, BATCH_ARTICLES)

    def flush(self) -> None:
        """Send the gathered outcomes to the writer thread, once it has stored the batch before
        (which is then reported): the next batch is read and prepared while one is stored."""
        pending, self.pending = self.pending, []
        self.articles = self.quotations = self.extracted = 0
        self.since = time.monotonic()
        ready = [outcome.prepared for _, outcome in pending if isinstance(outcome, Ready)]
        self.settle()
        self.storing = (pending, self.writer.submit(self._stored, ready))

    def _writer_idle(self) -> bool:
        return self.storing is None or self.storing[1].done()

    def close(self) -> None:
        """End the writer thread once the batch it stores (after an error, too) has committed
        or rolled back, whole."""
        self.writer.shutdown(wait=True)

    def settle(self) -> None:
        """Wait for the batch the writer is storing, and report it."""
        if self.storing is None:
            return
        (pending, stored), self.storing = self.storing, None
        done = iter(stored.result())
        for item, outcome in pending:
            if isinstance(item, ReadFailure):
                self.report.errors.append(IngestError(item.source, item.error))
            elif isinstance(outcome, str):
                self.report.errors.append(IngestError(item.source, outcome))
            elif isinstance(outcome, Ready):
                self._record(outcome, next(done))
            if self.on_progress is not None:
                self.on_progress(item.source)
        collection.after_batch()

    def _stored(self, ready: list[PreparedArticle]) -> list[AddResult | ArchiveError]:
        if not ready:
            return []
        try:
            return self._results(ready, self.archive.store_batch(ready, self.written))
        except ArchiveError:
            if len(ready) == 1:
                return [self._alone(ready[0])]
        # Some article the database refuses, or another ingest storing the same rows: each
        # article alone, so that one failure is that article's alone.
        return [self._alone(each) for each in ready]

    def _alone(self, prepared: PreparedArticle) -> AddResult | ArchiveError:
        try:
            return self._results([prepared], self.archive.store_batch([prepared], self.written))[0]
        except ArchiveError:
            pass
        try:  # again, once: a concurrent ingest's row that conflicted is now seen as stored
            return self._results([prepared], self.archive.store_batch([prepared], self.written))[0]
        except ArchiveError as error:
            return error

    @staticmethod
    def _results(
        ready: list[PreparedArticle], stored: list[Stored]
    ) -> list[AddResult | ArchiveError]:
        return [
            AddResult(
                done.article_id,
                done.duplicate,
                done.quotations,
                () if done.duplicate else prepared.notes,
            )
            for prepared, done in zip(ready, stored, strict=True)
        ]

    def _record(self, outcome: Ready, result: AddResult | ArchiveError) -> None:
        article = outcome.prepared.article
        if isinstance(result, ArchiveError):
            self.report.errors.append(IngestError(article.source, str(result)))
            return
        report = self.report
        report.duplicates += result.duplicate
        report.articles += not result.duplicate
        report.quotes += result.quotations
        if outcome.cap_warning and not result.duplicate:
            # Logged like the archive's own notes, which the command line shows on stderr and
            # the bot keeps in its log.
            logger.warning("%s: warning: %s", article.source, outcome.cap_warning)
            report.warnings.append(IngestWarning(article.source, outcome.cap_warning))
        for note in result.notes:
            logger.warning("%s: %s", article.source, note)
        report.warnings.extend(IngestWarning(article.source, note) for note in result.notes)
        if self.on_stored is not None:
            self.on_stored(article, result)
        if self.on_quoted is not None:
            quoted = outcome.prepared.quotations
            self.on_quoted(article, [q.row["text"] for q in quoted if _quoted(q.row["kind"])])


def _quoted(kind: object) -> bool:
    """A direct or partial quotation: words in quotation marks, not reported speech."""
    return str(getattr(kind, "value", kind)) != "reported"


def warning_json(warning: IngestWarning) -> dict[str, str]:
    return {"source": warning.source, "warning": warning.warning}

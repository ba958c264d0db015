"""One article's quotations as ingest stores them: what its source gave, else what extraction
finds, capped; and the article made ready to store (store.prepared), in whichever process does
the work (store.pipeline runs this in worker processes for `quotebot ingest --jobs N`)."""

from __future__ import annotations

from dataclasses import dataclass

from store.article import Article
from store.errors import ArchiveError
from store.extract.capped import CappedQuotations, cap_given, extract_capped
from store.limits import DEFAULT_MAX_QUOTATIONS, MAX_QUOTATIONS
from store.prepared import PreparedArticle, prepare
from store.quotation import Quotation


class ExtractionFailed(Exception):
    """The extractor raised on one article; the message says so in one line."""


@dataclass(frozen=True)
class Ready:
    """An article ready to store, and the warning to give if the cap left quotations out."""

    prepared: PreparedArticle
    cap_warning: str | None = None


def ready(article: Article, limit: int, numbers: bool = False) -> Ready | str:
    """The article extracted and prepared (with `numbers`, for PostgreSQL: store.prepared), or
    the one line saying why it cannot be stored."""
    try:
        kept = capped_quotations_of(article, limit)
        prepared = prepare(article, kept.quotations, numbers)
    except (ExtractionFailed, ArchiveError) as error:
        return str(error)
    return Ready(prepared, cap_warning(kept) if kept.capped else None)


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

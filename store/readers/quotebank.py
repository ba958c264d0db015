"""Quotebank dumps: quotations already attributed, one JSON object per line.

Quotebank (Vaucher et al., 2021) is a corpus of quotations from news with their speakers, in
lines such as `{"quoteID", "quotation", "speaker", "qids", "date", "numOccurrences", "probas",
"urls", "phase"}`, shipped as `.json.bz2`. Each line becomes an article whose text is the
quotation and whose `given_quotations` carry Quotebank's attribution, so no extraction is needed.
Its URL is the first article that printed the quotation; one article prints several quotations,
so the line is not identified by it (a re-import finds each line again by its text).

An ingest reads a dump's lines as QuotebankLines, a few hundred at a time, and parses them
where it prepares them: in `quotebot ingest --jobs N`'s worker processes, while the process
that stores only decompresses (store.pipeline).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from store.article import Article
from store.quotation import Kind, Quotation
from store.readers.dates import parse_date
from store.readers.failure import ReadFailure, unforeseen
from store.readers.jsonl import json_lines, json_object, string_field, unstorable_field

#: How Quotebank writes "no speaker could be attributed".
_NO_SPEAKER = "None"
#: Sites (`scheme://host`) whose outlet is remembered.
_CACHED_SITES = 65_536
#: Lines of a dump in one QuotebankLines: about 30 ms of a worker's parsing and preparing,
#: enough to pay for handing them over, and a few hundred kilobytes.
LINES_AT_ONCE = 512

logger = logging.getLogger(__name__)


def read_quotebank(
    stream: BinaryIO, source: str, *, max_bytes: int
) -> Iterator[Article | ReadFailure]:
    """An article (or a failure) per line of a Quotebank dump, decompressed already."""
    for lines in quotebank_lines(stream, source, max_bytes=max_bytes):
        yield from lines.read()


@dataclass(frozen=True)
class QuotebankLines:
    """Lines of a Quotebank dump, read but not yet parsed: `read` gives what read_quotebank
    would have given for them, wherever it runs."""

    source: str
    #: (line number, the line; None for one longer than `max_bytes`), blank lines left out.
    lines: list[tuple[int, bytes | None]]
    max_bytes: int
    #: The address the dump was downloaded from, when it was (Article.fetched_from).
    fetched_from: str | None = None
    #: What the ingest fills in each article (store.article.ArticleDefaults).
    finish: Callable[[Article], Article] | None = None

    def __len__(self) -> int:
        return len(self.lines)

    def read(self) -> Iterator[Article | ReadFailure]:
        """An article (or a failure) per line; an error nobody foresaw fails its line alone."""
        for number, line in self.lines:
            try:
                where, record = json_object(self.source, number, line, self.max_bytes)
                result = record if isinstance(record, ReadFailure) else _article(record, where)
            except Exception as error:
                result = unforeseen(f"{self.source}:{number}", error)
                logger.exception("unexpected error reading %s", result.source)
            if isinstance(result, Article):
                if self.fetched_from is not None:
                    result = replace(result, fetched_from=self.fetched_from)
                if self.finish is not None:
                    result = self.finish(result)
            yield result


def quotebank_lines(stream: BinaryIO, source: str, *, max_bytes: int) -> Iterator[QuotebankLines]:
    """The dump's lines, LINES_AT_ONCE at a time (see QuotebankLines)."""
    lines: list[tuple[int, bytes | None]] = []
    for numbered in json_lines(stream, max_bytes):
        lines.append(numbered)
        if len(lines) >= LINES_AT_ONCE:
            yield QuotebankLines(source, lines, max_bytes)
            lines = []
    if lines:
        yield QuotebankLines(source, lines, max_bytes)


def _article(record: dict[str, Any], where: str) -> Article | ReadFailure:
    text = record.get("quotation")
    if not isinstance(text, str) or not text.strip():
        return ReadFailure(where, 'no "quotation" in this Quotebank line')
    if problem := unstorable_field(record, ("quotation", "speaker", "quoteID", "urls")):
        return ReadFailure(where, problem)
    speaker = string_field(record, "speaker")
    if speaker == _NO_SPEAKER:
        speaker = None
    url = _first_url(record.get("urls"))
    quotation = Quotation(
        text, 0, len(text), Kind.DIRECT, speaker=speaker, context_end=len(text), article_text=text
    )
    return Article(
        text=text,
        outlet=_domain(url),
        url=url,
        published=parse_date(record.get("date")),
        source=where,
        external_id=string_field(record, "quoteID"),
        given_quotations=(quotation,),
        keyed_by_url=False,
    )


def _first_url(urls: object) -> str | None:
    if isinstance(urls, list):
        return next((u for u in urls if isinstance(u, str) and u.strip()), None)
    return None


def _domain(url: str | None) -> str | None:
    """The outlet as Quotebank knows it: the host of the article's URL, without `www.`.

    Found once for each `scheme://host` (`_site`): a dump holds millions of URLs of a few
    thousand sites, and splitting each whole URL was a tenth of reading its line."""
    if not url:
        return None
    site = _site(url)
    return _host_domain(site) if site is not None else _host_domain(url)


def _site(url: str) -> str | None:
    """The start of `url` up to the end of its host part, when urllib reads the same host from
    it as from the whole URL; else None.

    urllib's host part runs from the first `//` (at the start, or after the scheme, whose
    characters include no `/`) to the next `/`, `?` or `#`, and nothing after that changes it,
    unless the URL starts with a blank or control character (stripped first) or the start holds
    a tab or line break (removed first)."""
    begins = url.find("//")
    if begins < 0 or url[0] <= " ":
        return None
    ends = len(url)
    for mark in "/?#":
        found = url.find(mark, begins + 2, ends)
        if found >= 0:
            ends = found
    if ends == len(url):
        return None  # nothing after the host: the URL's blank end would be stripped
    site = url[:ends]
    if "\t" in site or "\r" in site or "\n" in site:
        return None
    return site


@functools.lru_cache(maxsize=_CACHED_SITES)
def _host_domain(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None

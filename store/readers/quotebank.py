"""Quotebank dumps: quotations already attributed, one JSON object per line.

Quotebank (Vaucher et al., 2021) is a corpus of quotations from news with their speakers, in
lines such as `{"quoteID", "quotation", "speaker", "qids", "date", "numOccurrences", "probas",
"urls", "phase"}`, shipped as `.json.bz2`. Each line becomes an article whose text is the
quotation and whose `given_quotations` carry Quotebank's attribution, so no extraction is needed.
Its URL is the first article that printed the quotation; one article prints several quotations,
so the line is not identified by it (a re-import finds each line again by its text).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from store.article import Article
from store.quotation import Kind, Quotation
from store.readers.dates import parse_date
from store.readers.failure import ReadFailure
from store.readers.jsonl import json_objects, string_field, unstorable_field

#: How Quotebank writes "no speaker could be attributed".
_NO_SPEAKER = "None"


def read_quotebank(
    stream: BinaryIO, source: str, *, max_bytes: int
) -> Iterator[Article | ReadFailure]:
    """An article (or a failure) per line of a Quotebank dump, decompressed already."""
    for where, record in json_objects(stream, source, max_bytes=max_bytes):
        if isinstance(record, ReadFailure):
            yield record
        else:
            yield _article(record, where)


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
    """The outlet as Quotebank knows it: the host of the article's URL, without `www.`."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None

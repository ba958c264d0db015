"""RSS and Atom feeds: each entry an article, credited to the feed's own title.

feedparser reads every feed dialect and is lenient with broken ones: a feed whose XML breaks
off still gives the entries before the break. A feed with no entries gives one failure.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from collections.abc import Iterator, Mapping
from typing import Any

import feedparser

from store.article import Article
from store.readers.dates import parse_date
from store.readers.failure import ReadError, ReadFailure
from store.readers.plaintext import html_to_text, join_paragraphs, split_paragraphs
from store.unstorable import storable

_EMAIL = re.compile(r"^\S+@\S+$")
_EMAIL_AND_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")
_SAX_POSITION = re.compile(r"^<unknown>:(\d+):(\d+):\s*")


def read_feed(
    data: bytes, source: str, *, url: str | None = None, charset: str | None = None
) -> Iterator[Article | ReadFailure]:
    """An article per entry of the feed in `data`; entries are named `source#N` (from 1)."""
    parsed = _parse(data, charset)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise ReadError(f"not a readable feed: {_describe(parsed.get('bozo_exception'))}")
        raise ReadError("the feed has no entries")
    outlet = _one_line(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(entry, f"{source}#{number}", outlet)


def _parse(data: bytes, charset: str | None) -> Any:
    headers = {"content-type": f"application/xml; charset={charset}"} if charset else {}
    try:
        # A stream, never bytes or str: feedparser treats a string as a URL or a path to open.
        return feedparser.parse(io.BytesIO(data), response_headers=headers)
    # The XML parsers underneath can fail in undocumented ways on hostile input; the feed is
    # then unreadable, and the batch goes on.
    except Exception as exc:
        raise ReadError(f"not a readable feed: {_describe(exc)}") from None


def _entry_article(
    entry: Mapping[str, Any], source: str, outlet: str | None
) -> Article | ReadFailure:
    # Character references in a feed can spell NUL (&#0;), which no database stores as text.
    text = storable(_entry_text(entry))
    if not text:
        return ReadFailure(source, "the feed entry has no text")
    return Article(
        text=text,
        title=_one_line(entry.get("title")),
        outlet=outlet,
        url=_one_line(entry.get("link")),
        published=_entry_date(entry),
        byline=_byline(entry),
        source=source,
    )


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The entry's full content when the feed carries it, else its summary."""
    details = [*entry.get("content", []), entry.get("summary_detail")]
    for detail in details:
        if not detail or not (detail.get("value") or "").strip():
            continue
        if "html" in (detail.get("type") or "text/html"):
            return html_to_text(detail["value"])
        return join_paragraphs(split_paragraphs(detail["value"]))
    return html_to_text(entry.get("summary") or "")


def _byline(entry: Mapping[str, Any]) -> str | None:
    """The author's name; RSS writes `email (Name)`, which feedparser splits only for short TLDs."""
    raw = _one_line(entry.get("author"))
    if raw and (match := _EMAIL_AND_NAME.match(raw)):
        return match.group("name").strip() or None
    name = _one_line((entry.get("author_detail") or {}).get("name"))
    if raw and _EMAIL.match(raw):
        return name if name and not _EMAIL.match(name) else None
    return name or raw


def _entry_date(entry: Mapping[str, Any]) -> dt.date | None:
    for key in ("published", "updated", "created"):
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        if date := parse_date(entry.get(key)):
            return date
    return None


def _one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(storable(value).split()) or None


def _describe(exc: object) -> str:
    """A parser exception as a message: SAX writes its position as `<unknown>:LINE:COLUMN:`."""
    message = _SAX_POSITION.sub(r"line \1, column \2: ", str(exc)).strip()
    return message or type(exc).__name__

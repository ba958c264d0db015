"""Which reader a source needs, decided by its content.

File names lie (an export saved as `.txt`, a page saved without an extension, a feed served as
`text/html`), so the first bytes decide; the name or the HTTP content type is consulted only
when the bytes leave a tie, such as markup whose root element names no known format.
"""

from __future__ import annotations

import codecs
import json
import os
import re

#: How many bytes of a source the sniffing looks at.
SNIFF_BYTES = 64 * 1024

_PROLOGUE = re.compile(
    r"""\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE\s+(?P<doctype>[^\s>\[]*)[^>\[]*(?:\[.*?\])?\s*>)""",
    re.S | re.I,
)
_ROOT_TAG = re.compile(r"\s*<([A-Za-z][\w:.-]*)")
_FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
_HTML_TAGS = frozenset({
    "a", "article", "aside", "b", "blockquote", "body", "br", "center", "div", "em", "figure",
    "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "html", "i",
    "iframe", "img", "link", "main", "meta", "nav", "noscript", "p", "script", "section", "span",
    "strong", "style", "table", "title", "ul", "ol",
})  # fmt: skip
_QUOTEBANK_KEYS = re.compile(r'"(?:quoteID|quotation)"\s*:')

_BY_EXTENSION = {
    ".htm": "html", ".html": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".json": "jsonl", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".txt": "text", ".text": "text", ".md": "text",
}  # fmt: skip
_BY_CONTENT_TYPE = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed",
    "application/rdf+xml": "feed", "application/xml": "feed", "text/xml": "feed",
    "application/json": "jsonl", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "text/plain": "text",
}  # fmt: skip


def sniff(head: bytes, *, name: str | None = None, content_type: str | None = None) -> str:
    """The format of a source from its first bytes: text, html, jsonl, feed or quotebank.

    `name` (a file name or URL path) and `content_type` only break ties.
    """
    start = _as_text(head).lstrip("\ufeff \t\r\n")
    if start.startswith("{"):
        return _json_lines_kind(start.split("\n", 1)[0])
    if start.startswith("<"):
        return _markup_kind(start, _hint(name, content_type))
    return "text"


def _json_lines_kind(first_line: str) -> str:
    try:
        first = json.loads(first_line)
    except (ValueError, RecursionError):
        # The first line may be longer than the sample, or itself broken; its keys still tell.
        return "quotebank" if _QUOTEBANK_KEYS.search(first_line) else "jsonl"
    if isinstance(first, dict) and ("quoteID" in first or "quotation" in first):
        return "quotebank"
    return "jsonl"


def _markup_kind(start: str, hint: str | None) -> str:
    position = 0
    while match := _PROLOGUE.match(start, position):
        if (match.group("doctype") or "").lower() == "html":
            return "html"
        position = match.end()
    root = _ROOT_TAG.match(start, position)
    if root is None:
        return hint or "text"
    tag = root.group(1).lower()
    local_name = tag.rsplit(":", 1)[-1]
    if local_name in _FEED_ROOTS:
        return "feed"
    if tag in _HTML_TAGS:
        return "html"
    return hint if hint in ("html", "feed") else "html"


def _hint(name: str | None, content_type: str | None) -> str | None:
    if content_type:
        media_type = content_type.split(";", 1)[0].strip().lower()
        if media_type in _BY_CONTENT_TYPE:
            return _BY_CONTENT_TYPE[media_type]
    if name:
        return _BY_EXTENSION.get(os.path.splitext(name)[1].lower())
    return None


def _as_text(head: bytes) -> str:
    """The sample as text, leniently: it may end mid-character and need not be UTF-8."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="ignore")
    return head.decode("utf-8", errors="replace")

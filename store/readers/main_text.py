"""A page's main text and metadata from trafilatura, with its markup and its time bounded.

trafilatura's time grows faster than the page. Measured on this project's machine (trafilatura
2.3, 2 cores): a page of many short paragraphs takes 1.2 s at 250 KB of markup, 5.3 s at
500 KB and 22 s at 1 MB, in the main extractor; laid out at the top level of `<body>`, its
comparison with the fallback extractors (readability, jusText) takes 26 s at 1 MB; a megabyte
of `x<br>` takes 13 s and 360 MB, two megabytes 570 MB. A 17.6 MB page, under the 20 MB file
cap, ran for minutes. A time limit cannot be put on a C-heavy library call inside this process,
so:

- A page is measured without its scripts (JSON-LD metadata excepted), styles and comments,
  which the extractor throws away anyway; over `max_markup` bytes of what is left (1 MB by
  default, store.limits) it is refused at once, with a message naming the limit. The measuring
  stops at the limit: a 17 MB page costs what reading 1 MB of it costs.
- A page under SMALL_PAGE_BYTES is extracted here, as it always was (3 s at worst measured).
- A larger one is extracted in a child process without the fallback extractors (which add
  10-30 % to an ordinary large page, and most of the time to some), and the child is stopped
  after DEADLINE_SECONDS: that page is reported, never hung on. Starting the child costs about
  0.3 s, paid by large pages only.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
from typing import Any

import trafilatura
from lxml import etree
from trafilatura.settings import Document

from store.limits import MAX_HTML_MB
from store.readers.failure import ReadError
from store.readers.sizes import describe_size

#: Markup extracted in this process, fallbacks included.
SMALL_PAGE_BYTES = 256_000
#: How long the child process may take over one large page.
DEADLINE_SECONDS = 20.0
#: Elements whose content is code, not text, unless they carry metadata.
_CODE = frozenset({"script", "style"})
_METADATA_TYPES = frozenset({"application/ld+json"})
#: Elements without an end tag: writing one would add an element to the page.
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})  # fmt: skip
#: Document fields that cross from the child: everything but the lxml trees.
_TREES = frozenset({"body", "commentsbody"})


def main_text(page: str, *, url: str | None, max_markup: int) -> Document | None:
    """trafilatura's document for the page (None when it finds nothing), or a ReadError.

    `url` is where the page was downloaded from; `max_markup` the bytes of markup, once
    scripts, styles and comments are removed, that the extractor may be given.
    """
    markup = page if _size(page) <= max_markup else _without_code(page, max_markup)
    if _size(markup) <= SMALL_PAGE_BYTES:
        return _extract(markup, url, fast=False)
    return _extract_in_child(markup, url)


def _extract(markup: str, url: str | None, *, fast: bool) -> Document | None:
    try:
        return trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
            fast=fast,
        )
    # A parser fed arbitrary pages can fail in ways its documentation does not list; whatever
    # it raises, this one page is unreadable and the batch must go on.
    except Exception as exc:
        raise ReadError(f"could not parse the HTML: {exc}") from None


def _extract_in_child(markup: str, url: str | None) -> Document | None:
    request = json.dumps({"markup": markup, "url": url}).encode()
    try:
        done = subprocess.run(
            [sys.executable, "-m", __name__],
            input=request,
            capture_output=True,
            timeout=DEADLINE_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(
            f"the HTML extractor was stopped after {DEADLINE_SECONDS:g} s on this page "
            f"({describe_size(_size(markup))} of markup)"
        ) from None
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        answer = {"error": f"the HTML extractor failed (exit code {done.returncode})"}
    if "error" in answer:
        raise ReadError(answer["error"])
    fields = answer["document"]
    return Document.from_dict(fields) if fields is not None else None


def _without_code(page: str, max_markup: int) -> str:
    """The page without scripts, styles and comments, or a ReadError once what is left
    passes `max_markup` bytes."""
    writer = _MarkupWriter(max_markup)
    parser = etree.HTMLParser(target=writer, remove_comments=True, remove_pis=True)
    try:
        parser.feed(page)
        parser.close()
    except _TooLarge:
        raise ReadError(
            f"too much markup: more than {describe_size(max_markup)} once scripts, styles and "
            f"comments are removed, the limit for a page ({MAX_HTML_MB} raises it)"
        ) from None
    except etree.LxmlError as exc:
        raise ReadError(f"could not parse the HTML: {exc}") from None
    return writer.markup()


class _TooLarge(Exception):
    pass


class _MarkupWriter:
    """An lxml parser target that writes the page back without code, counting as it goes
    (no tree is built, so a page of a million elements costs no more than its text)."""

    def __init__(self, limit: int) -> None:
        self._left = limit
        self._pieces: list[str] = []
        self._code_depth = 0
        #: Inside a JSON-LD script, whose text is written as it is (HTML does not escape it).
        self._raw = False

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self._code_depth or (tag in _CODE and not _is_metadata(attrib)):
            self._code_depth += 1
            return
        self._raw = tag in _CODE
        attributes = "".join(
            f' {name}="{html.escape(value, quote=True)}"' for name, value in attrib.items()
        )
        self._write(f"<{tag}{attributes}>")

    def end(self, tag: str) -> None:
        if self._code_depth:
            self._code_depth -= 1
            return
        self._raw = False
        if tag not in _VOID:
            self._write(f"</{tag}>")

    def data(self, text: str) -> None:
        if not self._code_depth:
            self._write(text if self._raw else html.escape(text, quote=False))

    def close(self) -> None:
        pass

    def markup(self) -> str:
        return "".join(self._pieces)

    def _write(self, piece: str) -> None:
        self._left -= _size(piece)
        if self._left < 0:
            raise _TooLarge
        self._pieces.append(piece)


def _is_metadata(attrib: dict[str, str]) -> bool:
    return attrib.get("type", "").strip().lower() in _METADATA_TYPES


def _size(text: str) -> int:
    """Bytes of `text` in UTF-8, counted without encoding it when it is ASCII."""
    return len(text) if text.isascii() else len(text.encode("utf-8", "replace"))


def _child() -> None:
    """The child process: one page from stdin, its document (or error) as JSON on stdout."""
    request: dict[str, Any] = json.load(sys.stdin)
    try:
        document = _extract(request["markup"], request["url"], fast=True)
    except ReadError as exc:
        json.dump({"error": str(exc)}, sys.stdout)
        return
    fields = None
    if document is not None:
        fields = {k: v for k, v in document.as_dict().items() if k not in _TREES}
    json.dump({"document": fields}, sys.stdout)


if __name__ == "__main__":
    _child()

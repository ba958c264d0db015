"""From what a user names (files, folders, `-`, URLs) to articles, one source at a time.

This is the batch loop of every ingest: it walks folders lazily, opens each source, picks its
reader by content, and turns whatever goes wrong with one source into a ReadFailure naming it,
so that the batch always goes on to the next.
"""

from __future__ import annotations

import importlib
import io
import logging
import os
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from types import ModuleType
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urlsplit

from store.article import Article
from store.limits import (
    DEFAULT_DEADLINE_SECONDS,
    DEFAULT_MAX_DECOMPRESSED_BYTES,
    DEFAULT_MAX_HTML_BYTES,
)
from store.readers.compressed import compression_of, decompressed
from store.readers.decode import reject_binary
from store.readers.detect import SNIFF_BYTES, sniff
from store.readers.failure import ReadError, ReadFailure, unforeseen
from store.readers.jsonl import read_jsonl
from store.readers.quotebank import QuotebankLines, quotebank_lines, read_quotebank
from store.readers.sizes import DEFAULT_MAX_BYTES, too_large
from store.readers.streams import peek, read_capped
from store.readers.text import read_text

if TYPE_CHECKING:
    import httpx

logger = logging.getLogger(__name__)

Result = Article | ReadFailure | QuotebankLines

#: Formats read a line at a time, so exports of any size stream through.
_LINE_READERS: dict[str, Callable[..., Iterator[Result]]] = {
    "jsonl": read_jsonl,
    "quotebank": read_quotebank,
}
#: Formats read as one document, held in memory up to the size cap.
_DOCUMENT_READERS: dict[str, Callable[..., Article | Iterator[Result]]] = {
    "text": read_text,
    "html": lambda *args, **kwargs: _reader("html").read_html(*args, **kwargs),
    "feed": lambda *args, **kwargs: _reader("feed").read_feed(*args, **kwargs),
}
#: The values of `--format`: `auto` decides by content, the others force one reader.
FORMATS: tuple[str, ...] = ("auto", "text", "html", "jsonl", "feed", "quotebank")
#: The formats that hold exactly one article each: what `formats=ONE_ARTICLE` admits.
ONE_ARTICLE: tuple[str, ...] = ("html", "text")
#: What each format is, for refusing one that was not asked for.
_FORMAT_NAMES = {
    "text": "a text",
    "html": "a web page",
    "jsonl": "a JSON Lines export of many articles",
    "feed": "a feed of many articles",
    "quotebank": "a Quotebank dump of many quotations",
}

STDIN_SOURCE = "<stdin>"
_COMPRESSED_SUFFIXES = (".gz", ".bz2")


@dataclass(frozen=True)
class _Caps:
    """The size limits every source of one batch is read under, and how dumps are read."""

    max_bytes: int
    max_decompressed_bytes: int
    max_html_bytes: int
    #: A Quotebank dump's lines as QuotebankLines, parsed by whoever prepares them.
    quotebank_lines: bool = False


def read_sources(
    inputs: Sequence[str],
    fmt: str = "auto",
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES,
    max_html_bytes: int = DEFAULT_MAX_HTML_BYTES,
    transport: httpx.BaseTransport | None = None,
    formats: Collection[str] | None = None,
    download_seconds: float = DEFAULT_DEADLINE_SECONDS,
    quotebank_lines: bool = False,
) -> Iterator[Article | ReadFailure | QuotebankLines]:
    """Every article in `inputs`, in order, and a ReadFailure for each thing that could not be read.

    An input is a file, a folder (walked recursively in sorted order, hidden entries skipped),
    `-` for `stdin` (default: the process's standard input), or an http(s) URL. `fmt` forces a
    reader for every input; `auto` decides each source by its content. `formats` admits only
    these (ONE_ARTICLE: a single web page or text, never an export): a source of another format
    is a ReadFailure saying what it is. `max_bytes` caps each file, each URL body and each line
    of an export; `max_decompressed_bytes` what a compressed source may decompress to;
    `max_html_bytes` the markup given to the HTML extractor (see `read_html`). `transport` is
    how URLs are fetched (see `fetch`), `download_seconds` the time one download may take.
    `quotebank_lines` gives a Quotebank dump's lines unparsed, as QuotebankLines (whose `read`
    gives their articles), for an ingest to parse in its worker processes. Bad input never
    raises.
    """
    if isinstance(inputs, str):
        raise TypeError("inputs is a sequence of paths or URLs, not one string")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    caps = _Caps(max_bytes, max_decompressed_bytes, max_html_bytes, quotebank_lines)
    return _read_all(inputs, fmt, stdin, caps, transport, formats, download_seconds)


def _read_all(
    inputs: Sequence[str],
    fmt: str,
    stdin: BinaryIO | None,
    caps: _Caps,
    transport: httpx.BaseTransport | None,
    formats: Collection[str] | None,
    download_seconds: float,
) -> Iterator[Result]:
    for name in inputs:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            read = _read_stream(STDIN_SOURCE, stream, fmt, caps, formats=formats)
            yield from _guarded(STDIN_SOURCE, read)
        elif _is_url(name):
            read = _read_url(name, fmt, caps, transport, formats, download_seconds)
            yield from _guarded(name, read)
        elif os.path.isdir(name):
            for path in _walk(name):
                if isinstance(path, ReadFailure):
                    yield path
                else:
                    yield from _guarded(path, _read_file(path, fmt, caps, formats))
        else:
            yield from _guarded(name, _read_file(name, fmt, caps, formats))


def _guarded(source: str, results: Iterator[Result]) -> Iterator[Result]:
    """The results of one source; an error reading it ends that source with a ReadFailure."""
    try:
        yield from results
    except ReadError as exc:
        yield ReadFailure(source, str(exc))
    except OSError as exc:
        yield ReadFailure(source, describe_os_error(exc))
    # The parsers underneath meet every kind of hostile input; should one fail in a way nobody
    # foresaw, that source is lost, the batch is not, and the log keeps the traceback.
    except Exception as exc:
        logger.exception("unexpected error reading %s", source)
        yield unforeseen(source, exc)


def _walk(folder: str) -> Iterator[str | ReadFailure]:
    """The files under `folder`, depth first in name order, without hidden files and folders.

    Lazy, so a folder of a hundred thousand files starts yielding at once; symbolic links to
    folders are not followed, so a link loop cannot trap the walk.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield ReadFailure(folder, describe_os_error(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file():
            yield entry.path


def _read_file(
    path: str, fmt: str, caps: _Caps, formats: Collection[str] | None
) -> Iterator[Result]:
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        yield from _read_stream(path, file, fmt, caps, size=size, name=path, formats=formats)


def _read_url(
    url: str,
    fmt: str,
    caps: _Caps,
    transport: httpx.BaseTransport | None,
    formats: Collection[str] | None,
    download_seconds: float,
) -> Iterator[Result]:
    download = _reader("fetch").fetch(
        url, max_bytes=caps.max_bytes, transport=transport, deadline_seconds=download_seconds
    )
    for result in _read_stream(
        url,
        io.BytesIO(download.body),
        fmt,
        caps,
        name=urlsplit(download.url).path,
        content_type=download.content_type,
        charset=download.charset,
        url=download.url,
        formats=formats,
    ):
        is_read = isinstance(result, Article | QuotebankLines)
        yield replace(result, fetched_from=download.url) if is_read else result


def _read_stream(
    source: str,
    stream: BinaryIO,
    fmt: str,
    caps: _Caps,
    *,
    size: int | None = None,
    name: str | None = None,
    content_type: str | None = None,
    charset: str | None = None,
    url: str | None = None,
    formats: Collection[str] | None = None,
) -> Iterator[Result]:
    """The articles of one opened source, whatever its format and compression."""
    max_bytes = caps.max_bytes
    head, stream = peek(stream, SNIFF_BYTES)
    if compression := compression_of(head):
        unpacked = decompressed(stream, compression, caps.max_decompressed_bytes)
        head, stream = peek(unpacked, SNIFF_BYTES)
        size, content_type = None, None
        if name and name.endswith(_COMPRESSED_SUFFIXES):
            name = os.path.splitext(name)[0]
    if not head.strip() and len(head) < SNIFF_BYTES:
        raise ReadError("empty file" if not head else "empty: only whitespace")
    chosen = sniff(head, name=name, content_type=content_type) if fmt == "auto" else fmt
    if not (chosen in _LINE_READERS and _starts_like_json(head)):
        # An export's lines stand alone: a NUL in one of them spoils that line, not the file.
        reject_binary(head)
    if formats is not None and chosen not in formats:
        wanted = " or ".join(_FORMAT_NAMES[each] for each in formats)
        raise ReadError(f"this is {_FORMAT_NAMES[chosen]}; only {wanted} is accepted")
    if chosen == "quotebank" and caps.quotebank_lines:
        yield from quotebank_lines(stream, source, max_bytes=max_bytes)
        return
    if chosen in _LINE_READERS:
        yield from _LINE_READERS[chosen](stream, source, max_bytes=max_bytes)
        return
    if size is not None and size > max_bytes:
        raise ReadError(too_large(size, max_bytes))
    data = read_capped(stream, max_bytes)
    if chosen == "html":
        result = _reader("html").read_html(
            data, source, url=url, charset=charset, max_markup=caps.max_html_bytes
        )
    else:
        result = _DOCUMENT_READERS[chosen](data, source, url=url, charset=charset)
    if isinstance(result, Article):
        yield result
    else:
        yield from result


# The readers of web pages, feeds and downloads are imported when a source needs them: their
# libraries (trafilatura with lxml, feedparser, httpx) took a fifth of a second of CPU at the
# start of every `quotebot ingest`, which an import of an export or a dump never uses.


def _reader(name: str) -> ModuleType:
    """store.readers.`name` (html, feed or fetch), imported on first use."""
    return importlib.import_module(f"store.readers.{name}")


def _starts_like_json(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def describe_os_error(exc: OSError) -> str:
    """An operating-system error as a short message, without errno numbers."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"cannot read: {reason[:1].lower()}{reason[1:]}"

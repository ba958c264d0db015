"""JSON Lines exports: one article per line, streamed so an export of any size fits in memory.

Each line stands alone: a line that is not JSON, not an object or has no text becomes a failure
named `path:LINE`, and the lines after it are read as usual (a truncated last line fails alone).
The text is kept exactly as the export gives it, because `extract --jsonl` reports character
offsets into the caller's own text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from store.article import Article
from store.readers.dates import parse_date
from store.readers.decode import decode_text
from store.readers.failure import ReadError, ReadFailure
from store.readers.sizes import too_large
from store.unstorable import all_storable, why_unstorable

_SKIP_CHUNK_BYTES = 64 * 1024
_BLANK = b" \t\r\n\f\v"
_JSON_TYPE_NAMES = {
    dict: "an object",
    list: "a list",
    str: "a string",
    bool: "true or false",
    type(None): "null",
}


def read_jsonl(stream: BinaryIO, source: str, *, max_bytes: int) -> Iterator[Article | ReadFailure]:
    """An article (or a failure) per non-blank line of a JSON Lines export."""
    for where, record in json_objects(stream, source, max_bytes=max_bytes):
        if isinstance(record, ReadFailure):
            yield record
        else:
            yield _article(record, where)


def json_objects(
    stream: BinaryIO, source: str, *, max_bytes: int
) -> Iterator[tuple[str, dict[str, Any] | ReadFailure]]:
    """Each non-blank line as `(source:LINE, object)`, or a ReadFailure when it is not one."""
    for number, line in json_lines(stream, max_bytes):
        yield json_object(source, number, line, max_bytes)


def json_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Each non-blank line, unparsed, with its number (from 1); None for a line longer than
    `max_bytes`. ReadError at the end when there was none."""
    seen_any = False
    for number, line in _numbered_lines(stream, max_bytes):
        if line is not None and not line.strip():
            continue  # a blank last line, or one longer than a buffer
        seen_any = True
        yield number, line
    if not seen_any:
        raise ReadError("empty file")


def json_object(
    source: str, number: int, line: bytes | None, max_bytes: int
) -> tuple[str, dict[str, Any] | ReadFailure]:
    """One line of `json_lines` as `(source:LINE, object)`, or a ReadFailure when it is not one."""
    where = f"{source}:{number}"
    if line is None:
        return where, ReadFailure(where, "line " + too_large(None, max_bytes))
    return where, _parse_object(line, where, first=number == 1)


def _numbered_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Lines numbered from 1, runs of blank lines passed over; None stands for a line longer
    than `max_bytes`, skipped unread.

    The blank lines after a blank line are passed over a buffer at a time, not those after
    every line: looking ahead cost as much as a tenth of reading a Quotebank line."""
    number = _skip_blank_lines(stream)
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield number, None
        else:
            yield number, line
            if not line.strip():
                number += _skip_blank_lines(stream)


def _skip_blank_lines(stream: BinaryIO) -> int:
    """Pass over the blank lines ahead a buffer at a time, and say how many there were.

    A gigabyte of blank lines (a 1 MB gzip) read a line at a time takes minutes; counted in
    buffers it takes about as long as decompressing them.
    """
    peek = getattr(stream, "peek", None)
    skipped = 0
    while peek is not None:
        ahead = peek(_SKIP_CHUNK_BYTES)
        blank = len(ahead) - len(ahead.lstrip(_BLANK))
        end = ahead.rfind(b"\n", 0, blank) + 1
        if not end:
            break
        skipped += ahead.count(b"\n", 0, end)
        stream.read(end)
    return skipped


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while chunk := stream.readline(_SKIP_CHUNK_BYTES):
        if chunk.endswith(b"\n"):
            return


def _parse_object(line: bytes, where: str, *, first: bool) -> dict[str, Any] | ReadFailure:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = decode_text(line)  # exports written by older tools in cp1252 and the like
        except ReadError as exc:
            return ReadFailure(where, str(exc))
    if first:
        text = text.removeprefix("\ufeff")
    try:
        record = json.loads(text.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return ReadFailure(where, f"not valid JSON at column {exc.colno}: {_reason(exc)}")
    except RecursionError:
        return ReadFailure(where, "not valid JSON: nested too deeply")
    if not isinstance(record, dict):
        return ReadFailure(where, f"not a JSON object but {_json_type(record)}")
    return record


def _reason(exc: json.JSONDecodeError) -> str:
    """json's message without its dangling "at" ("Unterminated string starting at")."""
    reason = exc.msg.removesuffix(" starting at").removesuffix(" at")
    return reason[:1].lower() + reason[1:]


def _article(record: dict[str, Any], where: str) -> Article | ReadFailure:
    text = record.get("text")
    if text is None:
        return ReadFailure(where, 'no "text" field')
    if not isinstance(text, str):
        return ReadFailure(where, f'"text" is {_json_type(text)}, not a string')
    if not text.strip():
        return ReadFailure(where, '"text" is empty')
    if problem := unstorable_field(record, ("text", "title", "outlet", "url", "id")):
        return ReadFailure(where, problem)
    return Article(
        text=text,
        title=string_field(record, "title"),
        outlet=string_field(record, "outlet"),
        url=string_field(record, "url"),
        published=parse_date(record.get("published")),
        source=where,
        external_id=_identifier(record.get("id")),
    )


def unstorable_field(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """What is wrong with the first of these fields that holds what cannot be stored as text
    (store.unstorable); None when they all can."""
    texts: list[str] = []
    for key in keys:
        value = record.get(key)
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, list):
            texts += [item for item in value if isinstance(item, str)]
    if all_storable(texts):
        return None  # every line of a large import: one look at all its fields
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):  # Quotebank's "urls"
            value = " ".join(item for item in value if isinstance(item, str))
        if isinstance(value, str) and (problem := why_unstorable(value)):
            return f'"{key}" holds {problem}'
    return None


def string_field(record: dict[str, Any], key: str) -> str | None:
    """A metadata field that is a non-blank string; any other value is ignored as unknown."""
    value = record.get(key)
    return (value.strip() or None) if isinstance(value, str) else None


def _identifier(value: object) -> str | int | None:
    """The export's own id, kept as it was given so `extract --jsonl` echoes it unchanged."""
    # bool is an int to Python but never an identifier in an export.
    if isinstance(value, bool):
        return None
    if isinstance(value, str | int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else str(value)
    return None


def _json_type(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), "a number")

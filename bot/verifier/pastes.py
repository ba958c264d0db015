"""What `quotebot check` is asked to verify: one paste, a file of pastes, or a JSON Lines batch.

Pastes come from outside, so every read is bounded (a paste, a line and a file each have a
cap) and every line stands alone: a line that cannot be read becomes a ReadFailure naming it
(`pastes.jsonl:3`), and the lines after it are read as usual. Only the reading is done here;
whether a paste holds a quotation at all is the verifier's call.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, BinaryIO

from store.readers.decode import decode_text
from store.readers.failure import ReadError, ReadFailure
from store.readers.jsonl import json_objects, unstorable_field
from store.readers.sizes import DEFAULT_MAX_BYTES, MEGABYTE
from store.readers.sources import STDIN_SOURCE, describe_os_error
from store.readers.streams import read_capped

#: A paste on stdin or a JSON Lines line: far above any real quote, low enough to hold in memory.
MAX_PASTE_BYTES = MEGABYTE
#: A file of pastes, one a line (`check --each`).
MAX_FILE_BYTES = DEFAULT_MAX_BYTES
#: Lines of a file of pastes that start with this are headings for the paste below them.
COMMENT = "#"

_JSON_TYPE_NAMES = {dict: "an object", list: "a list", bool: "true or false", int: "a number"}


@dataclass(frozen=True)
class Paste:
    """One thing to check, with where it came from for messages."""

    text: str
    #: The speaker the caller claims (`--speaker`, a JSON line's "speaker"); None: read the paste.
    speaker: str | None
    #: `path:LINE` for a line of a file, `<stdin>` or `<argument>`.
    source: str
    #: A JSON line's "id", echoed back exactly as given.
    id: Any = None
    #: The comment lines above a line of a file of pastes, without their `#`.
    heading: str | None = None


def paste_argument(text: str) -> str:
    """The paste given as TEXT: the text itself, or standard input for `-`."""
    if text != "-":
        return text
    try:
        data = read_capped(_stdin(), MAX_PASTE_BYTES)
    except ReadError as error:
        raise ReadError(f"{STDIN_SOURCE}: {error}") from None
    try:
        return decode_text(data)
    except ReadError:
        # Bytes that are not text go on to the verifier, which refuses them like any garbage
        # paste, so that `--json` still answers with a document saying why.
        return data.decode("utf-8", errors="replace")


def pastes_in_lines(path: str, speaker: str | None) -> Iterator[Paste | ReadFailure]:
    """Each non-blank line of a file (or `-`) as a paste, under the comment lines right above it
    (a comment block followed by a blank line belongs to the file, not to a paste)."""
    source = STDIN_SOURCE if path == "-" else path
    try:
        with _opened(path) as stream:
            text = decode_text(read_capped(stream, MAX_FILE_BYTES))
    except ReadError as error:
        yield ReadFailure(source, str(error))
        return
    comments: list[str] = []
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith(COMMENT):
            comments.append(line.lstrip().removeprefix(COMMENT).strip())
        elif line.strip():
            heading = " ".join(comment for comment in comments if comment) or None
            yield Paste(line, speaker, f"{source}:{number}", heading=heading)
            comments = []
        else:
            comments = []  # a blank line ends a comment block that belongs to no paste


def pastes_in_jsonl(path: str, speaker: str | None) -> Iterator[Paste | ReadFailure]:
    """Each line `{"id", "text", "speaker"?}` of a JSON Lines file (or `-`) as a paste;
    `speaker` stands for lines that claim none."""
    source = STDIN_SOURCE if path == "-" else path
    try:
        with _opened(path) as stream:
            for where, record in json_objects(stream, source, max_bytes=MAX_PASTE_BYTES):
                yield record if isinstance(record, ReadFailure) else _paste(record, where, speaker)
    except ReadError as error:
        yield ReadFailure(source, str(error))


def _paste(record: dict[str, Any], where: str, speaker: str | None) -> Paste | ReadFailure:
    text = record.get("text")
    if text is None:
        return ReadFailure(where, 'no "text" field')
    if not isinstance(text, str):
        return ReadFailure(where, f'"text" is {_json_type(text)}, not a string')
    claimed = record.get("speaker")
    if claimed is not None and not isinstance(claimed, str):
        return ReadFailure(where, f'"speaker" is {_json_type(claimed)}, not a string')
    if problem := unstorable_field(record, ("speaker", "id")):  # the verifier judges "text"
        return ReadFailure(where, problem)
    return Paste(text, claimed or speaker, where, id=record.get("id"))


@contextmanager
def _opened(path: str) -> Iterator[BinaryIO]:
    """The file at `path`, or standard input for `-`; an OSError becomes a ReadError."""
    if path == "-":
        yield _stdin()
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed below, after the reader is done)
    except OSError as error:
        raise ReadError(describe_os_error(error)) from None
    try:
        yield stream
    except OSError as error:
        raise ReadError(describe_os_error(error)) from None
    finally:
        stream.close()


def _stdin() -> BinaryIO:
    # Looked up when read: click's test runner swaps sys.stdin.
    return sys.stdin.buffer


def _json_type(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), "a number")

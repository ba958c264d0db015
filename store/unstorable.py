"""Strings that are Python text but not text to a database or a terminal.

JSON's `\\ud800` escape gives a lone surrogate, which no encoder turns into UTF-8, and a file
name that is not UTF-8 reaches Python the same way; `\\u0000` gives a NUL, which PostgreSQL
refuses in text (and SQLite's text functions stop at). Either one, in one line of an export,
used to end a whole ingest with a traceback on both databases. Readers refuse such a record
with a message naming the field; labels that must still be shown (a file name) are repaired.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_UNSTORABLE = re.compile("[\\x00\\ud800-\\udfff]")


def why_unstorable(value: str) -> str | None:
    """What in `value` cannot be stored or printed, in a few words; None when nothing."""
    if value.isascii() and "\0" not in value:
        return None  # most text, many times faster than the search: no surrogate is ASCII
    match = _UNSTORABLE.search(value)
    if match is None:
        return None
    if match.group() == "\0":
        return "a NUL character (\\u0000)"
    return f"a lone surrogate (\\u{ord(match.group()):04x}), which is not text"


def all_storable(values: Iterable[str]) -> bool:
    """Whether every one of `values` can be stored and printed: one search through them all,
    which costs less than one per value (a bulk import asks it of every line's fields)."""
    return why_unstorable("".join(values)) is None


def storable(value: str) -> str:
    """`value` with each lone surrogate as U+FFFD and without NULs: for labels such as a file
    name, which must be shown and stored whatever bytes the file system allowed."""
    if _UNSTORABLE.search(value) is None:
        return value
    return _UNSTORABLE.sub(lambda match: "" if match.group() == "\0" else "\ufffd", value)

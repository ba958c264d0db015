"""The size cap on what one source may hand the readers, and how sizes read in messages.

Every byte a reader keeps in memory comes from outside (a file, a download, a line of an
export), so each is bounded; the limit is per file, per URL body and per JSON Lines line, never
per export, because a nightly export of millions of articles must still stream through.
"""

from __future__ import annotations

MEGABYTE = 1_000_000
DEFAULT_MAX_BYTES = 20 * MEGABYTE


def describe_size(size: int) -> str:
    """A size as a person reads it: `512 bytes`, `1.5 KB`, `25.3 MB`."""
    if size >= MEGABYTE:
        value, unit = size / MEGABYTE, "MB"
    elif size >= 1000:
        value, unit = size / 1000, "KB"
    else:
        return f"{size} bytes"
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def too_large(size: int | None, limit: int) -> str:
    """The message for a source over the cap; `size` is None when the total is unknown."""
    amount = describe_size(size) if size is not None else f"more than {describe_size(limit)}"
    return f"too large: {amount}, the limit is {describe_size(limit)}"

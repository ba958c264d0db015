"""Compressed sources: Quotebank ships its dumps as `.json.bz2`, and archives often gzip exports.

Compression is recognised by its magic bytes, not the file name, and decompressed while
streaming. A truncated or corrupt archive surfaces as a ReadError with a plain message instead
of the library's EOFError or OSError. What one source decompresses to is counted as it streams
and capped: a 1 MB gzip can hold a gigabyte of blank lines, a small bzip2 far more.
"""

from __future__ import annotations

import bz2
import gzip
import io
import zlib
from typing import BinaryIO

from store.limits import MAX_DECOMPRESSED_MB
from store.readers.failure import ReadError
from store.readers.sizes import describe_size

_BUFFER_BYTES = 256 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_BZIP2_MAGIC = b"BZh"


def compression_of(head: bytes) -> str | None:
    """`gzip`, `bzip2` or None, from a stream's first bytes."""
    if head.startswith(_GZIP_MAGIC):
        return "gzip"
    if head.startswith(_BZIP2_MAGIC) and head[3:4].isdigit():
        return "bzip2"
    return None


def decompressed(stream: BinaryIO, compression: str, limit: int) -> BinaryIO:
    """The decompressed content of `stream`, read lazily; a ReadError once it passes `limit`
    bytes (what was read before stands: the articles of an export up to there are kept)."""
    opened: BinaryIO
    if compression == "gzip":
        opened = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
    else:
        opened = bz2.BZ2File(stream, mode="rb")  # type: ignore[assignment]
    return io.BufferedReader(_PlainErrors(opened, compression, limit), buffer_size=_BUFFER_BYTES)


class _PlainErrors(io.RawIOBase):
    """Reads a decompressing stream, counting what it yields, and says what went wrong in
    words a user understands."""

    def __init__(self, stream: BinaryIO, compression: str, limit: int) -> None:
        super().__init__()
        self._stream = stream
        self._compression = compression
        self._left = limit
        self._limit = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            chunk = self._stream.read(len(buffer))
        except EOFError:
            raise ReadError(
                f"truncated {self._compression} file: the compressed data ends early"
            ) from None
        except (OSError, zlib.error) as exc:
            raise ReadError(f"corrupt {self._compression} file: {exc}") from None
        self._left -= len(chunk)
        if self._left < 0:
            raise ReadError(
                f"too large once decompressed: more than {describe_size(self._limit)}, the limit "
                f"per source ({MAX_DECOMPRESSED_MB} raises it)"
            )
        buffer[: len(chunk)] = chunk
        return len(chunk)

"""Looking at the start of a stream without losing it, and reading a stream under the cap.

Formats are decided by content, so the first bytes must be read before the reader is chosen;
stdin, downloads and decompressed data cannot seek back, so those bytes are replayed instead.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from store.readers.failure import ReadError
from store.readers.sizes import too_large

_BUFFER_BYTES = 64 * 1024


def peek(stream: BinaryIO, size: int) -> tuple[bytes, BinaryIO]:
    """The first `size` bytes of `stream` (fewer at its end), and a stream that still has them."""
    head = read_exactly(stream, size)
    return head, io.BufferedReader(_Replayed(head, stream), buffer_size=_BUFFER_BYTES)


def read_exactly(stream: BinaryIO, size: int) -> bytes:
    """Up to `size` bytes, fewer only at the end of the stream (pipes return short reads)."""
    chunks: list[bytes] = []
    wanted = size
    while wanted > 0:
        chunk = stream.read(wanted)
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


def read_capped(stream: BinaryIO, limit: int) -> bytes:
    """The whole stream, or ReadError once it proves longer than `limit` bytes."""
    data = read_exactly(stream, limit + 1)
    if len(data) > limit:
        raise ReadError(too_large(None, limit))
    return data


class _Replayed(io.RawIOBase):
    """A raw stream that serves `head` first, then the rest of `rest`."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

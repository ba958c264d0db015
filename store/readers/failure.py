"""What a reader reports instead of an article when a source cannot be read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadFailure:
    """A source (a file, a URL, `path:line` of an export) that yielded no article, and why.

    Readers yield these instead of raising, so that one bad file never stops a batch.
    """

    source: str
    error: str

    def __str__(self) -> str:
        return f"{self.source}: {self.error}"


class ReadError(Exception):
    """Raised inside the readers when a whole source cannot be read.

    Its message is the one-line reason a user sees; `read_sources` turns it into a ReadFailure
    for the source being read, so the exception never leaves the package.
    """


def unforeseen(source: str, error: Exception) -> ReadFailure:
    """The failure of a source whose reader failed in a way nobody foresaw (the parsers meet
    every kind of hostile input): that source is lost, the batch is not."""
    return ReadFailure(source, f"could not be read ({type(error).__name__}: {error})")

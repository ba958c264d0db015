"""Readers: every kind of source quotebot ingests, turned into `Article`s.

`read_sources` is the one entry point; the modules beside it each hold one concern (a format,
the encoding, compression, downloads, format detection). A source that cannot be read becomes
a `ReadFailure` naming it, never an exception, so one bad file never stops a batch.
"""

from store.readers.failure import ReadFailure
from store.readers.sizes import DEFAULT_MAX_BYTES
from store.readers.sources import FORMATS, read_sources

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "ReadFailure", "read_sources"]

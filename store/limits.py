"""The most one article or source may cost: limits a hostile or broken input meets.

A 6 KB gzip can hold 2 MB of `“a” said Bob.` (142,857 quotations) or a gigabyte of blank lines,
and a page can be built to make the HTML extractor work for minutes. Each limit is far above
what real news needs, so only such inputs meet it; each is a setting (the environment or
`.env`, documented in `.env.example`) so that a newsroom with unusual sources can raise it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from store.errors import ArchiveError
from store.settings import setting

#: Sizes are set in megabytes, as `store.readers.sizes` writes them in messages.
_MEGABYTE = 1_000_000

#: The longest real articles hold about a hundred quotations; fifty times that is not news.
DEFAULT_MAX_QUOTATIONS = 5_000
#: Nightly exports are gigabytes at most (a Quotebank yearly dump may need more), while a 1 MB
#: gzip can hold a gigabyte of blank lines.
DEFAULT_MAX_DECOMPRESSED_BYTES = 5_000 * _MEGABYTE
#: A news page is tens of kilobytes of markup once scripts, styles and comments are gone, and
#: the HTML extractor's time and memory grow faster than the page (store.readers.main_text).
DEFAULT_MAX_HTML_BYTES = 1 * _MEGABYTE
#: The whole download of one URL, however slowly the bytes keep coming (store.readers.fetch).
DEFAULT_DEADLINE_SECONDS = 120.0

MAX_QUOTATIONS = "QUOTEBOT_MAX_QUOTATIONS"
MAX_DECOMPRESSED_MB = "QUOTEBOT_MAX_DECOMPRESSED_MB"
MAX_HTML_MB = "QUOTEBOT_MAX_HTML_MB"


@dataclass(frozen=True)
class Limits:
    #: Quotations kept per article: the first ones in text order.
    max_quotations: int = DEFAULT_MAX_QUOTATIONS
    #: Bytes one compressed source (a file, a download, stdin) may decompress to.
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES
    #: Bytes of markup, once scripts, styles and comments are removed, given to the HTML
    #: extractor.
    max_html_bytes: int = DEFAULT_MAX_HTML_BYTES


def limits_from_environment(environ: Mapping[str, str] | None = None) -> Limits:
    """The limits set in the environment or `.env`, the defaults for the others.

    A value that is not a positive number is an ArchiveError naming the variable, in one line.
    """
    return Limits(
        max_quotations=_number(MAX_QUOTATIONS, DEFAULT_MAX_QUOTATIONS, 1, environ),
        max_decompressed_bytes=_number(
            MAX_DECOMPRESSED_MB, DEFAULT_MAX_DECOMPRESSED_BYTES, _MEGABYTE, environ
        ),
        max_html_bytes=_number(MAX_HTML_MB, DEFAULT_MAX_HTML_BYTES, _MEGABYTE, environ),
    )


def _number(name: str, default: int, unit: int, environ: Mapping[str, str] | None) -> int:
    value = setting(name, environ)
    if value is None or not value.strip():
        return default
    try:
        number = float(value) if unit > 1 else int(value)
    except ValueError:
        number = 0
    if not (math.isfinite(number) and number * unit >= 1):
        kind = "a number of megabytes" if unit > 1 else "a whole number"
        raise ArchiveError(f"{name} must be {kind} above 0, not {value.strip()[:40]!r}")
    return int(number * unit)

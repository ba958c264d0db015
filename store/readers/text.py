"""Plain-text articles: the form wire copy, newsletters and copy-pasted pages arrive in.

The first line is the headline. Syndicated copy ends with a credit line ("Read the original
article on Business Insider") that names the outlet; it is taken as the outlet and removed, so
it is neither stored as article text nor mistaken for a sentence of the article.
"""

from __future__ import annotations

import re

from store.article import Article
from store.readers.decode import decode_text
from store.readers.failure import ReadError
from store.readers.plaintext import join_paragraphs, split_paragraphs

_CREDIT_LINE = re.compile(
    r"""^(?:
        read\s+the\s+original\s+(?:article|story)\s+(?:on|at|in)
      | (?:this\s+(?:article|story)\s+(?:was\s+)?)?
        (?:originally|first)\s+(?:appeared|published)\s+(?:on|in|at|by)
      | source\s*:
    )\s*(?P<outlet>.+?)[\s.]*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A credit names an outlet, not a sentence ("Source: interviews with forty residents of ...").
_MAX_OUTLET_WORDS = 6
_MAX_OUTLET_CHARS = 60


def read_text(
    data: bytes, source: str, *, url: str | None = None, charset: str | None = None
) -> Article:
    """One article from the bytes of a text file (ReadError when there is no text)."""
    lines = _trimmed([line.rstrip() for line in decode_text(data, charset).split("\n")])
    if not lines:
        raise ReadError("empty file" if not data else "empty: only whitespace")
    outlet = None
    if len(lines) > 1 and (outlet := credited_outlet(lines[-1])):
        lines = _trimmed(lines[:-1])
    title = lines[0].strip()
    body = lines[1:]
    if any(not line.strip() for line in lines):
        paragraphs = split_paragraphs("\n".join(body))
    else:
        paragraphs = body  # one paragraph per line, with no blank lines between them
    return Article(
        text=join_paragraphs([title, *paragraphs]),
        title=title,
        outlet=outlet,
        url=url,
        source=source,
    )


def _trimmed(lines: list[str]) -> list[str]:
    """`lines` without the blank lines at either end."""
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    end = next((i for i in range(len(lines), start, -1) if lines[i - 1].strip()), start)
    return lines[start:end]


def credited_outlet(line: str) -> str | None:
    """The outlet a credit line such as "Read the original article on X" names, else None."""
    match = _CREDIT_LINE.match(line.strip())
    if match is None:
        return None
    outlet = match.group("outlet").strip()
    if len(outlet) > _MAX_OUTLET_CHARS or len(outlet.split()) > _MAX_OUTLET_WORDS:
        return None
    return outlet

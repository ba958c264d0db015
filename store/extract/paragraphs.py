"""Paragraphs of an article, as character spans of its text.

Readers separate paragraphs by blank lines; a single newline inside a paragraph is a line wrap.
Quotations never cross a paragraph except by the newswire convention for long quotes (an opening
mark at each paragraph, one closing mark at the end), which `quotemarks` handles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's span in the article text: `text[start:end]`, without surrounding space."""

    index: int
    start: int
    end: int


def split_paragraphs(text: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    position = 0
    for match in [*_BREAK.finditer(text), None]:
        stop = match.start() if match else len(text)
        chunk = text[position:stop]
        stripped = chunk.strip()
        if stripped:
            start = position + (len(chunk) - len(chunk.lstrip()))
            paragraphs.append(Paragraph(len(paragraphs), start, start + len(stripped)))
        if match:
            position = match.end()
    return paragraphs

"""Paragraphs of an article, as character spans of its text.

Readers separate paragraphs by blank lines, but exports often keep one paragraph a line. A
single newline is therefore a paragraph break when the line before it is longer than a wrapped
line would be, or ends a sentence before a line that starts one; otherwise it is a line wrap.
Quotations never cross a paragraph except by the newswire convention for long quotes (an opening
mark at each paragraph, one closing mark at the end), which `quotemarks` handles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
#: A newline and the spaces after it (those before it are added by `_line_breaks`: a pattern
#: that opened with them would be tried at every space of the text).
_NEWLINE = re.compile(r"\n[ \t\r\f\v]*")
_HORIZONTAL_SPACE = frozenset(" \t\r\f\v")
#: Wrapped text keeps lines under about 80 characters; a longer line is a paragraph of its own.
_WRAP_WIDTH = 90
_SENTENCE_END = tuple('.?!:"”’)')
#: A line shorter than this share of the widest line of its block was not filled by a wrapper:
#: hand-wrapped text is ragged, but not by a third of its width.
_SHORT_SHARE = 0.7
_SENTENCE_START = re.compile(r"[A-Z0-9\"“‘'«(\[•*—–-]")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's span in the article text: `text[start:end]`, without surrounding space."""

    index: int
    start: int
    end: int


#: The last text split and its paragraphs: ingest splits each article's text twice, to
#: extract its quotations and to prepare its rows (store.prepared).
_last: tuple[str, tuple[Paragraph, ...]] = ("", ())


def split_paragraphs(text: str) -> list[Paragraph]:
    if "\n" not in text:
        # One line, one paragraph (every Quotebank line, a bulk import's millions): what the
        # search for blank lines and line breaks below finds, without searching.
        stripped = text.strip()
        if not stripped:
            return []
        start = len(text) - len(text.lstrip())
        return [Paragraph(0, start, start + len(stripped))]
    global _last
    last_text, last_paragraphs = _last
    if text is last_text:
        return list(last_paragraphs)
    paragraphs: list[Paragraph] = []
    for start, end in _blocks(text):
        for first, last in _lines_as_paragraphs(text, start, end):
            paragraphs.append(Paragraph(len(paragraphs), first, last))
    _last = (text, tuple(paragraphs))
    return paragraphs


def _blocks(text: str) -> list[tuple[int, int]]:
    """Stretches between blank lines, without surrounding space."""
    blocks = []
    position = 0
    for match in [*_BREAK.finditer(text), None]:
        stop = match.start() if match else len(text)
        chunk = text[position:stop]
        stripped = chunk.strip()
        if stripped:
            start = position + (len(chunk) - len(chunk.lstrip()))
            blocks.append((start, start + len(stripped)))
        if match:
            position = match.end()
    return blocks


def _lines_as_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    breaks = _line_breaks(text, start, end)
    if not breaks:
        return [(start, end)]
    width = _widest_line(start, end, breaks)
    pieces = []
    first = line_start = start
    for break_start, break_end in breaks:
        line = text[line_start:break_start]
        line_start = break_end
        following = text[break_end : break_end + 1]
        if (
            len(line) > _WRAP_WIDTH
            or (line.endswith(_SENTENCE_END) and _SENTENCE_START.match(following))
            or _ends_short(line, text, break_end, width)
        ):
            pieces.append((first, break_start))
            first = break_end
    pieces.append((first, end))
    return [(a, b) for a, b in pieces if b > a]


def _line_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each newline of `text[start:end]` with the spaces and tabs around it, as spans."""
    breaks: list[tuple[int, int]] = []
    floor = start
    for match in _NEWLINE.finditer(text, start, end):
        first = match.start()
        while first > floor and text[first - 1] in _HORIZONTAL_SPACE:
            first -= 1
        floor = match.end()
        breaks.append((first, floor))
    return breaks


def _widest_line(start: int, end: int, breaks: list[tuple[int, int]]) -> int:
    """The longest line of a block: about the width the text was wrapped at, if it was."""
    widest, first = 0, start
    for break_start, break_end in breaks:
        widest = max(widest, break_start - first)
        first = break_end
    return max(widest, end - first)


def _ends_short(line: str, text: str, following: int, width: int) -> bool:
    """A line that stops although the next word would have fitted on it was not wrapped: a
    headline above the first line ("Hale backs Pike" / "Rob Hale, the MP, said …"), a
    dateline, a line of a list. Only before a line that starts like a sentence."""
    if not _SENTENCE_START.match(text[following : following + 1]):
        return False
    next_word = text[following : following + _WRAP_WIDTH].split(maxsplit=1)
    return (
        bool(next_word)
        and len(line) < _SHORT_SHARE * width
        and len(line) + 1 + len(next_word[0]) <= width
    )

"""Plain text with paragraphs separated by blank lines: the one form every `Article.text` takes.

Extraction finds the paragraph around a quotation by blank lines, so every reader, whatever its
markup, hands over text in this shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser

_BLANK_LINES = re.compile(r"\n[ \t\f\v]*\n\s*")
_SPACES = re.compile(r"\s+")


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line endings as `\\n`."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Paragraphs, stripped and with the empty ones dropped, separated by one blank line."""
    return "\n\n".join(p for p in (p.strip() for p in paragraphs) if p)


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of a text whose paragraphs are separated by blank lines."""
    return [p.strip() for p in _BLANK_LINES.split(normalise_newlines(text)) if p.strip()]


def html_to_text(fragment: str) -> str:
    """An HTML fragment (a feed entry's content or summary) as plain text with paragraphs.

    Block elements end paragraphs, `<br>` breaks a line and two in a row end a paragraph, as
    browsers show them; scripts and styles are dropped and entities decoded.
    """
    collector = _ParagraphCollector()
    collector.feed(fragment)
    collector.close()
    return join_paragraphs(collector.paragraphs)


class _ParagraphCollector(HTMLParser):
    """Collects the visible text of HTML as paragraphs."""

    _BLOCKS = frozenset({
        "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    })  # fmt: skip
    _INVISIBLE = frozenset({"script", "style", "template", "head", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._pieces: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._INVISIBLE:
            self._hidden_depth += 1
        elif tag == "br":
            self._pieces.append("\n")
        elif tag in self._BLOCKS:
            self._end_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._INVISIBLE:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in self._BLOCKS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self._pieces.append(_SPACES.sub(" ", data))

    def close(self) -> None:
        super().close()
        self._end_paragraph()

    def _end_paragraph(self) -> None:
        lines = [line.strip() for line in "".join(self._pieces).split("\n")]
        self._pieces = []
        # Two line breaks in a row leave an empty line: the paragraph break of `<br><br>`.
        self.paragraphs.extend(split_paragraphs("\n".join(lines)))

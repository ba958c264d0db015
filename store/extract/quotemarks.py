"""Find quoted stretches of text: which quotation marks open, which close, which are apostrophes.

One left-to-right pass per paragraph, so any input costs linear time. The rules, in the order
they matter in real news:
- curly and angle marks say which way they face, but typists get them wrong (`“word“`), so a
  mark facing the wrong way is read by the characters around it;
- a straight `"` opens after a space or an opening bracket and closes before a space or
  punctuation; when both or neither hold, it toggles;
- an unclosed quotation ends at its paragraph: it continues into the next paragraph only when that
  paragraph opens with a quotation mark (the newswire convention for long quotes), so a stray
  mark never swallows the rest of the article;
- single marks are quotation marks only when they pair up in the paragraph in quote positions;
  `it's`, `Vexco Lines'`, `'90s` and `rock 'n' roll` are apostrophes;
- marks inside a quotation belong to it (a quote within a quote is part of the outer one).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from store.extract.paragraphs import Paragraph

_DOUBLE = re.compile(r'["“”„«»‟]')
#: Each pattern starts with the mark and checks what stands before it afterwards (a
#: look-behind over the mark itself): the scanner then jumps from mark to mark instead of
#: testing the look-behind at every character of the paragraph.
_SINGLE_OPEN = re.compile(
    r"['‘‚](?:(?<=^['‘‚])|(?<=[\s(\[{—–\-/\"“]['‘‚]))(?=[^\W\d_])", re.MULTILINE
)
_SINGLE_CLOSE = re.compile(r"['’](?<=\S['’])(?=$|[\s.,;:!?)\]}—–\-\"”])", re.MULTILINE)
#: Words that begin with an apostrophe rather than a quotation mark.
_ELISION = re.compile(r"['‘](?:em|n|til|cause|tis|twas|bout|round|cept|nuff|ere|d|s|ll)\b", re.I)
_OPENING_CONTEXT = frozenset(" \t\n([{—–-/")
_CLOSING_CONTEXT = frozenset(" \t\n.,;:!?)]}—–-…")
_STRONG_CLOSE_BEFORE = frozenset(".,?!…")
_TRAILING = " \t\n,;:"
#: A height in feet and inches right before a mark: "6’2”", "5'11\"".
_FEET_INCHES = re.compile(r"\b\d['’]\d{1,2}$")


#: Two apostrophes as one double mark, not after a digit (5'11'' is a height).
_DOUBLED_APOSTROPHES = re.compile(r"(?<!\d)''")


def curly_for_doubled_marks(text: str) -> str:
    """The text with quotations marked ``like this'' (TeX's marks, kept by the Penn Treebank) or
    ''like this'' (the New York Times archive's) marked with curly marks instead, each mark and
    its position kept, so that every offset still points into the article: "``" is "“ ", and
    "''" is "“ " before a word after a space (or at a paragraph's start) and "” " elsewhere.

    Elsewhere two apostrophes in a row are left to the single-mark rules."""
    if "``" in text:
        text = text.replace("``", "“ ")
    if "''" not in text:
        return text
    return _DOUBLED_APOSTROPHES.sub(lambda mark: _doubled(text, mark.start()), text)


def _doubled(text: str, at: int) -> str:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 2] if at + 2 < len(text) else " "
    opening = before in _OPENING_CONTEXT and (after.isalnum() or after in "$£€¡¿…")
    return "“ " if opening else "” "


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted stretch inside one paragraph."""

    #: Position of the opening mark, and of the closing mark (== `end` when never closed).
    open: int
    close: int
    #: The quoted words: `text[start:end]`, without marks, outer space or a trailing comma.
    start: int
    end: int
    paragraph: int
    closed: bool = True
    single: bool = False
    #: The quotation goes on in the next paragraph / carries on from the previous one.
    continues: bool = False
    continued: bool = False


def _context(text: str, index: int, start: int, end: int) -> tuple[str, str]:
    before = text[index - 1] if index > start else " "
    after = text[index + 1] if index + 1 < end else " "
    return before, after


def _double_spans(
    text: str, paragraph: Paragraph, next_opens: bool = False
) -> list[tuple[int, int, bool]]:
    """(open, close, closed) for the double-quoted stretches of one paragraph.

    A straight mark that leaves a quotation unclosed among curly ones is a stray left by copying
    (`"Hale tried … “Only Tuesday.” But …`): the paragraph is paired again without straight marks,
    unless the next paragraph opens with a mark (the start of a long quotation).
    """
    marks = list(_DOUBLE.finditer(text, paragraph.start, paragraph.end))
    outer = _straight_around_curly(text, paragraph, marks, next_opens)
    if outer is not None:
        return [outer]
    spans = _pair_doubles(text, paragraph, marks)
    unclosed = sum(1 for span in spans if not span[2])
    long_quote = next_opens and bool(marks) and marks[0].start() == paragraph.start
    if unclosed and not long_quote and any(m.group() != '"' for m in marks):
        curly = _pair_doubles(text, paragraph, [m for m in marks if m.group() != '"'])
        if sum(1 for span in curly if not span[2]) < unclosed:
            return curly
    return spans


def _straight_around_curly(
    text: str, paragraph: Paragraph, marks: list[re.Match[str]], next_opens: bool
) -> tuple[int, int, bool] | None:
    """A paragraph of a long quotation in straight marks that quotes in curly ones inside
    (`"The Roads Board isn't about “Safe Roads For All” anymore. …`): one
    quotation, the curly marks nested in it. Only when the straight marks are just the
    paragraph's opening one and, if any, a closing one that ends it, and the curly ones pair."""
    if not marks or marks[0].start() != paragraph.start or marks[0].group() != '"':
        return None
    straight = [m for m in marks if m.group() == '"']
    curly = [m for m in marks if m.group() != '"']
    if not curly or len(straight) > 2:
        return None
    if len(straight) == 1 and not next_opens:
        return None
    if len(straight) == 2:
        closing = straight[1].start()
        if closing < curly[-1].start() or text[closing + 1 : paragraph.end].strip(" .,;:!?"):
            return None
    if [m.group() for m in curly] != ["“", "”"] * (len(curly) // 2) or len(curly) % 2:
        return None  # not quotations nested in pairs: '"I know,” Henry said. … the “anxiety”'
    if curly[0].start() == marks[0].start() + 1:
        return None  # '"“You can't fix …,” Ruiz replied."': a doubled opening, a stray
    if len(straight) == 2:
        return straight[0].start(), straight[1].start(), True
    return straight[0].start(), paragraph.end, False


def _pair_doubles(
    text: str, paragraph: Paragraph, marks: list[re.Match[str]]
) -> list[tuple[int, int, bool]]:
    start, end = paragraph.start, paragraph.end
    spans: list[tuple[int, int, bool]] = []
    opened: int | None = None
    for match in marks:
        index, mark = match.start(), match.group()
        if opened is not None and _FEET_INCHES.search(text, max(start, index - 6), index):
            continue  # "he's like 6’2”," inside a quotation: inches, not its end
        before, after = _context(text, index, start, end)
        open_side = before in _OPENING_CONTEXT or before in "\"“'‘"
        close_side = after in _CLOSING_CONTEXT or after in "\"”'’"
        if mark in "“„«‟":
            opens = not (opened is not None and close_side and not open_side)
        elif mark in "”»":
            # At the very start of a paragraph there is nothing to close: a mark typed the
            # wrong way round ('” … as for the north shore, the ferry has sailed,” wrote').
            opens = opened is None and (index == start or (open_side and not close_side))
        elif opened is None:
            opens = not (close_side and not open_side)
            if not opens:
                continue  # a stray closing mark, such as inches after a number
        else:
            # A straight mark inside a quotation closes it (nesting uses single marks), unless
            # it opens a new sentence: 'here. "The boats' is the next paragraph of a long
            # quotation, flattened onto one line by an export.
            opens = _opens_flattened_paragraph(text, index, start, end)
        if opens:
            if opened is not None and index > opened + 1:
                # A new quotation opens before the last one closed: the last one was never closed.
                spans.append((opened, index, False))
            opened = index
        elif opened is not None:
            spans.append((opened, index, True))
            opened = None
    if opened is not None:
        spans.append((opened, end, False))
    return spans


def _opens_flattened_paragraph(text: str, index: int, start: int, end: int) -> bool:
    """A straight mark after a sentence's end and a space, before a capital letter."""
    return (
        start + 2 <= index < end - 1
        and text[index - 1] == " "
        and text[index - 2] in ".?!"
        and text[index + 1].isupper()
    )


def _single_spans(
    text: str, paragraph: Paragraph, taken: list[tuple[int, int, bool]], next_opens: bool = False
) -> list[tuple[int, int, bool]]:
    """Single-quoted stretches outside the double-quoted ones; unpaired marks are apostrophes.

    One exception: a single mark opening the paragraph and never closed, when the next paragraph
    opens with one too, starts a quotation that runs on (`next_opens`).
    """
    start, end = paragraph.start, paragraph.end
    segment = text[start:end]
    if "'" not in segment and "‘" not in segment and "’" not in segment:
        return []
    taken_opens = [span[0] for span in taken]
    opens = [m.start() + start for m in _SINGLE_OPEN.finditer(segment)]
    opens = [i for i in opens if not _ELISION.match(text, i) and not _inside(i, taken, taken_opens)]
    if not opens:
        return []
    closes = [m.start() + start for m in _SINGLE_CLOSE.finditer(segment)]
    spans: list[tuple[int, int, bool]] = []
    for number, opened in enumerate(opens):
        if spans and opened < spans[-1][1]:
            continue
        limit = opens[number + 1] if number + 1 < len(opens) else end
        between = closes[
            bisect.bisect_right(closes, opened + 2) : bisect.bisect_right(closes, limit)
        ]
        candidates = [c for c in between if not _inside(c, taken, taken_opens)]
        if not candidates:
            if opened == start and next_opens and number == len(opens) - 1:
                spans.append((opened, end, False))
            continue
        strong = [c for c in candidates if _strong_close(text, c, end) and not _possessive(text, c)]
        spans.append((opened, (strong or candidates)[0], True))
    return spans


def _possessive(text: str, index: int) -> bool:
    """`the councillors',' Wren said`: the first mark is a plural's apostrophe, the second
    closes the quotation."""
    return text[index - 1 : index] in {"s", "S"} and text[index + 1 : index + 3] in {
        ",'",
        ".'",
        ",’",
        ".’",
    }


def _strong_close(text: str, index: int, end: int) -> bool:
    before = text[index - 1]
    after = text[index + 1] if index + 1 < end else " "
    return before in _STRONG_CLOSE_BEFORE or after in ".,;:!?" or index + 1 >= end


def _inside(index: int, spans: list[tuple[int, int, bool]], opens: list[int]) -> bool:
    """Is `index` within one of the sorted, non-overlapping `spans` (`opens` their starts)?"""
    number = bisect.bisect_right(opens, index) - 1
    return number >= 0 and spans[number][0] <= index <= spans[number][1]


_WORD = re.compile(r"[^\W_]")


def _has_word(text: str, first: int, last: int) -> bool:
    """Marks around no letter or digit ("'", "…") quote nothing."""
    return _WORD.search(text, first, last) is not None


def _trimmed(text: str, opened: int, close: int) -> tuple[int, int]:
    first, last = opened + 1, close
    while first < last and text[first].isspace():
        first += 1
    while last > first and text[last - 1] in _TRAILING:
        last -= 1
    return first, last


def find_quote_spans(text: str, paragraphs: list[Paragraph]) -> list[QuoteSpan]:
    """Every quoted stretch of the article, in text order."""
    text = curly_for_doubled_marks(text)
    found: list[QuoteSpan] = []
    for number, paragraph in enumerate(paragraphs):
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        next_opens = following is not None and text[following.start] in '"“„«'
        next_opens_single = following is not None and text[following.start] in "'‘"
        doubles = _double_spans(text, paragraph, next_opens)
        singles = _single_spans(text, paragraph, doubles, next_opens_single)
        # Keep the outermost stretches: a double-quoted word inside a single-quoted quotation
        # (British style) belongs to the single-quoted one.
        single_opens = [span[0] for span in singles]
        doubles = [
            d
            for d in doubles
            if not (_inside(d[0], singles, single_opens) and _inside(d[1], singles, single_opens))
        ]
        marks = sorted(
            [(o, c, closed, False) for o, c, closed in doubles]
            + [(o, c, closed, True) for o, c, closed in singles]
        )
        for opened, close, closed, single in marks:
            first, last = _trimmed(text, opened, close)
            if last > first and _has_word(text, first, last):
                found.append(QuoteSpan(opened, close, first, last, paragraph.index, closed, single))
    return _link_continuations(text, found, paragraphs)


def _link_continuations(
    text: str, spans: list[QuoteSpan], paragraphs: list[Paragraph]
) -> list[QuoteSpan]:
    """Mark unclosed quotations that the next paragraph's opening mark carries on.

    A chain counts only when its last piece closes: marks that never close anywhere are strays,
    not one long quotation.
    """
    linked = list(spans)
    chain: list[int] = []
    for number, span in enumerate(linked):
        chain.append(number)
        if not span.closed and _carried_on(span, linked, number, paragraphs):
            continue
        if len(chain) > 1 and span.closed:
            for position, index in enumerate(chain):
                linked[index] = replace(
                    linked[index], continues=position < len(chain) - 1, continued=position > 0
                )
        chain = []
    return linked


def _carried_on(
    span: QuoteSpan, spans: list[QuoteSpan], number: int, paragraphs: list[Paragraph]
) -> bool:
    if number + 1 >= len(spans):
        return False
    following = spans[number + 1]
    if following.single != span.single:
        return False
    if following.paragraph == span.paragraph:
        # Paragraphs of a long quotation flattened onto one line: each opens where the last
        # one stopped without closing.
        return following.open == span.close
    return (
        span.paragraph + 1 < len(paragraphs)
        and following.paragraph == span.paragraph + 1
        and following.open == paragraphs[span.paragraph + 1].start
    )

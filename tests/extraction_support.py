"""Helpers shared by the extraction tests: invented articles, and finding quotations in a result.

The tests write their articles as lists of paragraphs (joined by a blank line, the way every
reader hands an article over) and look quotations up by their words, so that a failing test says
what was extracted instead. Words are compared after trimming trailing commas and spaces: the
comma that leads a quotation into its attribution (`"…," she said`) is punctuation of the
sentence, not of the quotation (tests/expected/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from store.article import Article
from store.extract import extract_quotations
from store.quotation import Kind, Quotation

#: The outlet of the invented articles unless a test says otherwise.
GAZETTE = "The Senn Valley Gazette"
#: The county engineer most speaker tests quote, and what he says.
WREN_INTRO = (
    "Tobias Wren, the county engineer, closed the Mill Lane bridge on Monday after divers "
    "found cracks in two of its piers."
)
UNSAFE = "The bridge is not safe for anyone to cross"
#: What the speech-verb and role tests quote.
STATEMENT = "We will not reopen the bridge before May"
#: The harbour master who speaks with Wren.
VARGA_INTRO = "Ines Varga, the harbour master, inspected the piers with Tobias Wren."

_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)


def story(*paragraphs: str, outlet: str | None = GAZETTE) -> Article:
    """An invented article made of `paragraphs`, separated by blank lines."""
    return Article(text="\n\n".join(paragraphs), outlet=outlet, source="test-story")


def extract(*paragraphs: str, outlet: str | None = GAZETTE) -> list[Quotation]:
    """The quotations of an article made of `paragraphs`."""
    return extract_quotations(story(*paragraphs, outlet=outlet))


def words(text: str) -> str:
    """The words of a quotation without the trailing comma of its sentence."""
    return text.strip().rstrip(",").rstrip()


def listing(quotations: Iterable[Quotation]) -> str:
    """What was extracted, one quotation a line, for assertion messages."""
    lines = [
        f"  [{q.kind}] {q.text!r} speaker={q.speaker!r} (as written {q.speaker_as_written!r})"
        f" role={q.speaker_role!r} reported_to={q.reported_to!r} via={q.via!r}"
        for q in quotations
    ]
    return "\n".join(lines) or "  (nothing)"


def find_all(quotations: Sequence[Quotation], text: str) -> list[Quotation]:
    """Every quotation whose words are `text`."""
    return [q for q in quotations if words(q.text) == words(text)]


def find(quotations: Sequence[Quotation], text: str) -> Quotation:
    """The one quotation whose words are `text`; the failure lists everything extracted."""
    found = find_all(quotations, text)
    assert len(found) == 1, (
        f"expected one quotation {words(text)!r}, found {len(found)}; extracted:\n"
        f"{listing(quotations)}"
    )
    return found[0]


def quoted(quotations: Iterable[Quotation]) -> list[Quotation]:
    """The quotations between quotation marks (direct and partial), not reported speech."""
    return [q for q in quotations if q.kind != Kind.REPORTED]


def bare(name: str | None) -> str | None:
    """A role, organisation or outlet without its leading article ("the county engineer")."""
    return None if name is None else _LEADING_ARTICLE.sub("", name.strip())


def same_role(expected: str | None, got: str | None) -> bool:
    """Roles agree, whether or not the extractor keeps the leading "a" or "the"."""
    return bare(expected) == bare(got)


def paragraph_around(text: str, index: int) -> tuple[int, int]:
    """Start and end of the paragraph of `text` that holds `index`."""
    start = text.rfind("\n\n", 0, index)
    end = text.find("\n\n", index)
    return (0 if start < 0 else start + 2, len(text) if end < 0 else end)

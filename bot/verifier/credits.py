"""How a paste credits its speaker, beyond the name: what people add around it in Slack.

Fact-checkers paste the credit as they found it: a link to the story after the name (`said Rob
Hale <https://news.example/a|BBC>`, or in parentheses), the name in bold or italics (`*Rob
Hale*`, `_Rob Hale_`), the organisation in front of it (`Vexco's Ana Ruiz`) and a form of
address (`Sir Tom Vale`, `Dr Ana Ruiz`). None of that is the speaker's name: the link says
where the paste came from, the organisation who the speaker speaks for, and the honorific is
no part of the name the archive compares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.extract.grammar import HONORIFICS
from store.extract.lexicon import titles

#: A Slack link (`<https://x|label>`, `<https://x>`) or a bare address ending the paste, perhaps
#: in parentheses, after a comma or dash or a word that introduces a source ("via", "in").
_TRAILING_LINK = re.compile(
    r"[\s,;:–—-]*(?:\b(?:via|per|in|on|from|at|source|link)\b:?\s*)?\(?\s*"
    r"(?:<(?P<target>[A-Za-z][A-Za-z0-9+.\-]*:[^<>|\s]*)(?:\|(?P<label>[^<>]*))?>"
    r"|(?P<bare>https?://\S+))"
    r"\s*\)?[\s.,;]*$",
    re.IGNORECASE,
)
#: Slack's bold, italic and strike-through around a stretch of words.
_MARKUP = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])"
    r"|(?<![\w~])~(?=\S)([^~\n]*?\S)~(?![\w~])"
)
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s?\s+(?P<name>\S.*)$")
#: Forms of address a paste may put before a name, beyond those articles use.
_ADDRESS = HONORIFICS | {"professor", "reverend", "baroness", "baron", "lady", "hon"}


@dataclass(frozen=True)
class Credit:
    """A claimed speaker as the paste credits them, in parts."""

    #: The name to compare with the archive's ("Ana Ruiz").
    name: str
    #: Who the speaker speaks for, when the credit says so ("Vexco" in "Vexco's Ana Ruiz").
    organisation: str | None = None


def source_link(text: str) -> tuple[str, str | None]:
    """The paste without the links that end it, and the last one's label or address: the story
    the fact-checker copied the quote from, never part of the speaker's name."""
    source = None
    while (match := _TRAILING_LINK.search(text)) is not None and match.start() > 0:
        label = match.group("label") or match.group("target") or match.group("bare")
        source = source or (label.strip() or None)
        text = text[: match.start()]
    return text, source


def unmarked(text: str) -> str:
    """The text without Slack's bold, italic and strike-through marks around words."""
    return _MARKUP.sub(lambda match: next(group for group in match.groups() if group), text)


def credit(written: str) -> Credit:
    """`Vexco's Ana Ruiz` -> Ana Ruiz of Vexco; `Sir Tom Vale` -> Tom Vale."""
    name, organisation = written.strip(), None
    possessive = _POSSESSIVE.match(name)
    if possessive is not None and _is_person(possessive.group("name")):
        name, organisation = possessive.group("name"), possessive.group("owner").strip()
    return Credit(without_address(name), organisation)


def without_address(name: str) -> str:
    """The name without the forms of address it opens with; the name itself when it is only
    that ("Lord" alone is left alone)."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(".,") in _ADDRESS:
        words = words[1:]
    return " ".join(words)


def _is_person(phrase: str) -> bool:
    """Capitalised words that are not only a role ("Ana Ruiz", not "Chief Executive")."""
    words = phrase.split()
    if not words or not all(word[:1].isupper() for word in words):
        return False
    return not all(word.lower().strip(".,") in titles() for word in words)

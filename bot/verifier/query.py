"""What a fact-checker pasted, read as the words to check and the speaker they are credited to.

Pastes come in every shape: a sentence from an article (`"…," Orlov said`, `Orlov said "…"`,
a partial quote), a signature (`"…" — Orlov`, `"…" (Orlov)`), a label (`Orlov: …`), bare words
without marks, text copied out of Slack. The article extractor in `store.extract` already reads
news sentences; this module adds what only a paste has (Slack encoding, signatures, labels,
marks left out) and refuses, with a one-line reason, what cannot be checked.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.slack.text import decode
from bot.verifier.credits import credit, source_link, unmarked
from store.article import Article
from store.extract import extract_quotations
from store.extract.grammar import CAPITALISED_NON_NAMES, NAME_PARTICLES
from store.normalise import name_key
from store.quotation import Kind, Quotation

#: A quote and its attribution fit in a few hundred characters; a longer paste is an article
#: (`quotebot review` checks those) or an accident, and is refused before any parsing.
MAX_QUERY_CHARS = 5_000


@dataclass(frozen=True)
class ParsedQuery:
    """The words to check and who the paste says said them.

    `quotes` holds the quoted stretches without their marks, in order; a paste without
    quotation marks is one quote. `claimed_speaker` is the speaker as written ("Orlov", "the
    prime minister"), None when the paste names nobody (a pronoun names nobody). `problem` says
    in one line why there is nothing to check; it is None exactly when `quotes` is non-empty.
    `text` is the paste decoded and on one line, empty when it was refused unread (too long,
    or not text).
    """

    text: str
    quotes: tuple[str, ...]
    claimed_speaker: str | None
    problem: str | None = None
    #: What the credit adds to the name: the organisation the speaker speaks for ("Vexco" in
    #: "Vexco's Ana Ruiz"), and the link the paste ends with (its label, else its address).
    organisation: str | None = None
    source: str | None = None


def parse_query(text: str, speaker: str | None = None) -> ParsedQuery:
    """Read a paste; `speaker` (the CLI's --speaker) overrides whoever the paste claims."""
    override = " ".join(speaker.split()) if speaker else None
    if len(text) > MAX_QUERY_CHARS:
        return _refused(
            f"The paste is {len(text):,} characters long and the limit is "
            f"{MAX_QUERY_CHARS:,}: paste only the quotation and who said it.",
            override,
        )
    if _is_binary(text):
        return _refused(
            "The paste is not text (it holds NUL bytes or invalid characters).", override
        )
    tidied = _tidy(text)
    if not tidied:
        if text.strip():
            return _refused(
                "Nothing to check: the paste holds only mentions, no words.", override, tidied
            )
        return _refused("Nothing to check: the paste is empty.", override, tidied)
    if not _has_word(tidied):
        return _refused(
            "Nothing to check: the paste holds no words, only punctuation.", override, tidied
        )
    # A link ending the paste is its source: read without it, so it is never taken for a name.
    unlinked, source = source_link(text)
    quotes, claimed = _read(_tidy(unlinked) if source else tidied)
    credited = credit(claimed) if claimed else None
    return ParsedQuery(
        tidied,
        quotes,
        override or (credited.name if credited else None),
        organisation=credited.organisation if credited and not override else None,
        source=source,
    )


def _refused(problem: str, speaker: str | None, text: str = "") -> ParsedQuery:
    return ParsedQuery(text, (), speaker, problem)


# Reading the paste.


def _read(text: str) -> tuple[tuple[str, ...], str | None]:
    """The quotes of a tidied paste and the speaker it claims."""
    body, signed = _signature(text)
    label, rest = _label(body)
    quotations = _outermost(
        [q for q in extract_quotations(Article(text=body)) if q.kind is not Kind.REPORTED]
    )
    if not quotations:
        return (_bare(rest),), signed or label
    quotes = tuple(q.text for q in quotations)
    if signed:
        return quotes, signed
    # A label counts only right before the quotation it introduces: in `Gaza: Orlov said "…"`
    # the label is a place.
    labelled = label if label and rest[:1] in _OPENING_MARKS else None
    return quotes, _claimed(quotations) or labelled


def _outermost(quotations: list[Quotation]) -> list[Quotation]:
    """Quotations not inside another one: a quote within a quote is part of what is checked."""
    kept: list[Quotation] = []
    for quotation in quotations:
        if not any(k.start <= quotation.start and quotation.end <= k.end for k in kept):
            kept.append(quotation)
    return kept


def _claimed(quotations: list[Quotation]) -> str | None:
    """The one speaker the paste credits, as written; None when it credits nobody or several
    people (a single claim cannot stand for two speakers, and a wrong claim is worse than none).
    """
    claims: dict[str, str] = {}
    for quotation in quotations:
        written = quotation.speaker_as_written
        if written and written.lower() in _PRONOUNS:
            written = quotation.speaker  # resolved to a name earlier in the paste, or None
        if written:
            claims.setdefault(name_key(quotation.speaker or written), written)
    return next(iter(claims.values())) if len(claims) == 1 else None


def _bare(text: str) -> str:
    """A quote typed without marks, as typed: only stray outer marks and separators go."""
    return text.strip(' "“”„«»').rstrip(",;:—–-").strip()


# Signatures after a quote and labels before it.

_OPENING_MARKS = frozenset("\"“„«‘'")
_CLOSING_MARKS = "\"”»’'"
#: How far from the end a signature, and from the start a label, may begin.
_SIGNATURE_WINDOW = 160
_LABEL_WINDOW = 120
_DASHED = re.compile(
    r"(?:(?<=\s)|(?<=[\"”»’'.,!?…]))(?:--?|[—–―~])\s*"
    r"(?P<name>[^\s\"“”«»()—–―~][^\"“”«»()—–―~]*?)\s*$"
)
_PARENTHESISED = re.compile(
    r"(?:(?<=\s)|(?<=[\"”»’'.,!?…]))\(\s*(?P<name>[^()\"“”«»]+?)\s*\)[\s.]*$"
)
_AFTER_MARK = re.compile(r"(?<=[\"”»’])[.,]?\s+(?P<name>[^\s\"“”«»()—–―~][^\"“”«»()—–―~]*?)\s*$")
_LABEL = re.compile(
    r"(?P<name>[^:\"“”«»‘’\n]{1,80}?)"
    r"(?:\s+(?:said|says|wrote|writes|tweeted|posted|added|stated|declared))?\s*:\s*"
)
#: Words that start a line with a colon without naming anyone.
_NOT_LABELS = frozenset(
    """quote quotes note update breaking claim check fyi re q question context source headline
    tweet draft text transcript verify example original translation correction ps""".split()
) | {"editor's note", "fact check", "please check", "can you check"}
_PRONOUNS = frozenset("he she they it we i you him her them us me".split())
_DESCRIPTION_STARTS = frozenset("the a an his her their its our one two several some".split())
_JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|ash|as|d|de|di|da)['’\-](?=[^\W\d_])")
_MAX_NAME_WORDS = 6
_MAX_DESCRIPTION_WORDS = 8


def _signature(text: str) -> tuple[str, str | None]:
    """The paste without its trailing `— Name`, `(Name)` or bare name, and that name."""
    offset = max(0, len(text) - _SIGNATURE_WINDOW)
    tail = text[offset:]
    for pattern in (_DASHED, _PARENTHESISED, _AFTER_MARK):
        match = pattern.search(tail)
        if match is None:
            continue
        body = text[: offset + match.start()].rstrip()
        name = _trimmed_name(match.group("name"))
        quoted = _ends_quoted(body)
        if pattern is _AFTER_MARK:
            acceptable = quoted and _is_name(name)  # `"…" Orlov`, not `"…" then left`
        else:
            acceptable = _is_name(name) or (quoted and _is_description(name))
        if acceptable and _has_word(body):
            return body, name
    return text, None


def _label(text: str) -> tuple[str | None, str]:
    """A leading `Name:` or `Name said:` and the text after it."""
    match = _LABEL.match(text[:_LABEL_WINDOW])
    if match is None:
        return None, text
    name, rest = match.group("name").strip(), text[match.end() :]
    if not _has_word(rest):
        return None, text
    if name.lower() in _NOT_LABELS:
        return None, rest  # `Quote: …` introduces the words without naming anyone
    if _is_name(name) or _is_description(name):
        return name, rest
    return None, text


def _trimmed_name(name: str) -> str:
    """`Idris Farrow, union leader.` -> `Idris Farrow`; a final `Jr.` keeps its period."""
    name = name.split(",")[0].split(";")[0].strip()
    last = name.split()[-1] if name.split() else ""
    if last.rstrip(".").lower() not in {"jr", "sr"} and len(last.rstrip(".")) > 1:
        name = name.rstrip(".!?:")
    return name.strip()


def _ends_quoted(body: str) -> bool:
    """Does the text end with a closing quotation mark (then perhaps a comma or full stop)?"""
    end = body.rstrip(" .,!?…")
    if not end or end[-1] not in _CLOSING_MARKS:
        return False
    # A final single mark closes a quotation only when one opened: `Hamas'` does not.
    return end[-1] not in "'’" or re.search(r"(?:^|\s)['‘]\w", end) is not None


def _is_name(phrase: str) -> bool:
    """A person's or an organisation's name: capitalised words, particles between them."""
    words = phrase.split()
    if not 0 < len(words) <= _MAX_NAME_WORDS:
        return False
    if words[0].lower().strip(".") in CAPITALISED_NON_NAMES or words[0].lower() in _PRONOUNS:
        return False
    capitalised = [w for w in words if _capitalised(w)]
    particles = [w for w in words if w.lower() in NAME_PARTICLES]
    return bool(capitalised) and len(capitalised) + len(particles) == len(words)


def _capitalised(word: str) -> bool:
    """Starts with a capital, or with a letter of a script without case (Arabic, Hebrew, CJK),
    perhaps after a particle joined to it: `al-Sisi`, `d'Avila`."""
    first = _JOINED_PARTICLE.sub("", word)[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def _is_description(phrase: str) -> bool:
    """A person named by role: `the prime minister`, `a spokesperson for the ministry`."""
    words = phrase.split()
    if not 1 < len(words) <= _MAX_DESCRIPTION_WORDS:
        return False
    if words[0].lower() not in _DESCRIPTION_STARTS:
        return False
    return all(re.fullmatch(r"[^\W\d_][\w'’.\-&]*", word) for word in words)


# Tidying and refusing.

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]")
#: Control characters a paste may carry by accident (from a PDF, a terminal); tab, line feed
#: and carriage return are whitespace and tidied with it.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Above this share of control or replacement characters, the paste is binary, not text.
_MAX_GARBAGE_SHARE = 0.1


def _tidy(text: str) -> str:
    """One line of decoded text: a quote's line breaks are the paste's wrapping, not its words."""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", unmarked(decode(text))))
    return _SPACE.sub(" ", text).strip()


def _has_word(text: str) -> bool:
    return _WORD.search(text) is not None


def _is_binary(text: str) -> bool:
    """NUL bytes, lone surrogates (bytes that were not UTF-8), or mostly control characters."""
    if "\x00" in text or re.search("[\ud800-\udfff]", text):
        return True
    garbage = len(_CONTROL.findall(text)) + text.count("\ufffd")
    return garbage > _MAX_GARBAGE_SHARE * len(text)

"""How an answer says who the archive credits and why, in words shared by the terminal card and
Slack: the speaker (or the description an article gives an unnamed one), how the archive found
them, how sure it is, and the headline word when the paste credits someone else.

Plain strings only: each presenter escapes and styles them itself. The verdicts' headline
words, the speaker lines' labels and the labels of each kind of quotation are one table here,
so that the terminal card (bot.cli.card) and Slack (bot.slack.card) say the same thing and
differ only in symbols, colours and markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.verifier.claims import described_speaker
from bot.verifier.trust import Trust
from bot.verifier.verdict import (
    Attribution,
    CheckResult,
    Match,
    Printing,
    Verdict,
    sure_attribution,
)
from store.extract.rules import rule_words
from store.readers.provenance import site_of
from store.rulings import Ruling, RulingKind


@dataclass(frozen=True)
class VerdictWords:
    #: The headline's word ("Wording differs"), and what it means, after it.
    word: str
    meaning: str


VERDICT_WORDS: dict[Verdict, VerdictWords] = {
    Verdict.VERIFIED: VerdictWords("Verified", "a direct quotation in the archive"),
    Verdict.WORDING_DIFFERS: VerdictWords(
        "Wording differs", "close to a quotation in the archive, but words differ"
    ),
    Verdict.SPLICED: VerdictWords("Spliced", "joins words from separate quotations or places"),
    Verdict.NOT_A_DIRECT_QUOTE: VerdictWords(
        "Not a direct quote",
        "the archive has these words as paraphrase or reported speech, not in quotation marks",
    ),
    Verdict.NOT_FOUND: VerdictWords("Not found", "nothing in the archive is close enough"),
}
EXCERPT_WORDS = VerdictWords("Verified excerpt", "part of a longer direct quotation in the archive")
#: The headline of a paste credited to someone the archive is sure did not say it.
MISATTRIBUTED = "Misattributed"
#: What the headline adds when the archive is unsure of its own speaker.
SPEAKER_UNCERTAIN = "speaker uncertain"
#: The headline of a paste that could not be checked (empty, not text, too long).
CANNOT_CHECK = "Cannot check this paste"

#: What each word-level change between a paste and the printed words is called
#: (bot.verifier.verdict.WordChange.op).
CHANGE_WORDS = {"replace": "replaced", "insert": "added", "delete": "left out"}

#: What each kind of stored quotation is called (bot.verifier.verdict, `kind`).
KIND_LABELS = {
    "direct": "direct quotation",
    "partial": "partial quotation",
    "reported": "reported speech",
    "paraphrase": "the writer's paraphrase",
}


def verdict_words(result: CheckResult) -> VerdictWords:
    """The headline words of the words' verdict: a verified excerpt has its own."""
    if result.verdict is Verdict.VERIFIED and result.excerpt:
        return EXCERPT_WORDS
    return VERDICT_WORDS[result.verdict]


def kind_label(kind: str) -> str:
    """`reported speech`: what a quotation of this kind is called (unknown kinds as stored)."""
    return KIND_LABELS.get(kind, kind)


@dataclass(frozen=True)
class SpeakerLine:
    """The line under the headline comparing the paste's speaker with the archive's: a label
    ("Speaker differs") and its sentence, as parts of which the names are emphasised."""

    label: str
    #: (text, emphasised) in order; the presenter styles the emphasised parts.
    parts: tuple[tuple[str, bool], ...]

    @property
    def sentence(self) -> str:
        return "".join(text for text, _ in self.parts)


def speaker_line(
    result: CheckResult, claimed: str, archive: str, why: str | None = None
) -> SpeakerLine | None:
    """The speaker line of `result`, with the paste's speaker, the archive's and, for an
    uncertain one, `uncertainty(result)` as the presenter shows them (cut and escaped); None
    when there is no line."""
    if result.attribution is Attribution.MATCHES:
        return SpeakerLine(
            "Speaker matches", (("the archive also credits ", False), (archive or claimed, True))
        )
    if result.attribution is Attribution.DIFFERS:
        return SpeakerLine(
            "Speaker differs",
            (
                ("the paste credits ", False),
                (claimed or "someone", True),
                ("; the archive credits ", False),
                (archive or "someone else", True),
            ),
        )
    if result.attribution is Attribution.UNCERTAIN:
        return SpeakerLine(
            "Speaker uncertain",
            (
                ("the paste credits ", False),
                (claimed or "someone", True),
                (f"; {uncertainty(result) if why is None else why}", False),
            ),
        )
    if result.attribution is Attribution.UNKNOWN and claimed:
        if result.matches:
            return SpeakerLine(
                "Speaker unknown",
                (
                    ("the paste credits ", False),
                    (claimed, True),
                    ("; the archive does not say who said it", False),
                ),
            )
        return SpeakerLine(
            "Speaker not checked",
            (
                ("the paste credits ", False),
                (claimed, True),
                ("; nothing in the archive matched, so there is no speaker to compare", False),
            ),
        )
    return None


#: How each way of finding a speaker reads under the speaker's name.
_FOUND_BY = {
    "cue": "named by the attribution",
    "pronoun": "resolved from “{written}”",
    "description": "“{written}”, resolved to this name",
    "continuation": "continues the quotation before it",
    "nearby": "named near the quotation, with no attribution: a guess",
    "source": "as the source credits it",
}


def speaker_label(match: Match) -> str | None:
    """The archive's speaker as a reader should see it: the name, else the article's own
    description ("the minister (not named)"), else None."""
    if match.speaker:
        return match.speaker
    described = described_speaker(match.speaker_as_written)
    return f"{described} (not named)" if described else None


def evidence_heading(match: Match) -> str | None:
    """`resolved from “she” (the subject of the sentence before), 91 % sure`: how the archive
    found the speaker, by which rule in plain words (store/extract/rules.py), and how sure it
    is; None when the archive keeps no account of it (quotations stored before it did)."""
    how = match.speaker_found_by
    if how is None or (match.speaker is None and not speaker_label(match)):
        return None
    written = (match.speaker_as_written or "").strip() or "?"
    heading = _FOUND_BY.get(how, how).format(written=written)
    rule = rule_words(match.speaker_rule)
    if rule:
        heading += f" ({rule})"
    if match.speaker_confidence is not None:
        heading += f", {round(100 * match.speaker_confidence)} % sure"
    return heading


def is_confident(match: Match) -> bool:
    """What the verifier decided of this match's speaker, as the card must show it."""
    return sure_attribution(match.speaker_found_by, match.speaker_confidence)


def archive_speakers(result: CheckResult) -> str | None:
    """Who the archive credits across the matches (a splice may join two people)."""
    labels = [label for label in (speaker_label(m) for m in result.matches) if label]
    distinct = list(dict.fromkeys(labels))
    return " and ".join(distinct) if distinct else None


def uncertainty(result: CheckResult) -> str:
    """Why an `uncertain` answer cannot say more, after "the paste credits X; "."""
    named = [m for m in result.matches if m.speaker]
    if not named:
        described = archive_speakers(result) or "someone"
        return (
            f"the article describes the speaker only as {described.removesuffix(' (not named)')}"
            ", so the archive cannot tell whether that is who the paste says"
        )
    if any(m.conflicting_speakers for m in result.matches):
        return (
            f"the archive credits {archive_speakers(result)}, but another article credits "
            "someone else (see below)"
        )
    return (
        f"the archive credits {archive_speakers(result)}, but is not sure enough to call it "
        "misattributed (its evidence is below)"
    )


_WORDS_VERDICT = {
    Verdict.VERIFIED: "the words are verified",
    Verdict.WORDING_DIFFERS: "the wording differs",
    Verdict.SPLICED: "the words are spliced",
    Verdict.NOT_A_DIRECT_QUOTE: "the words are only paraphrased",
    Verdict.NOT_FOUND: "the words are not found",
}


def misattribution_headline(result: CheckResult) -> str:
    """`the words are verified, but the archive credits`, before the archive's speaker: the
    headline of a misattributed paste carries both verdicts."""
    words = _WORDS_VERDICT[result.verdict]
    if result.verdict is Verdict.VERIFIED and result.excerpt:
        words = "the words are a verified excerpt"
    return f"{words}, but the archive credits"


def misattributed(result: CheckResult) -> bool:
    """The answer must lead with the speaker: the paste credits someone the archive, sure of
    its own speaker, does not."""
    return result.attribution is Attribution.DIFFERS


#: What the headline adds when the words were found only where the newsroom has vetted nothing
#: (bot.verifier.trust), and what a printing shown from such a source says of it.
UNVETTED_HEADLINE = "found only in unvetted sources"
UNVETTED_SOURCE = "unvetted source"


def unvetted_only(result: CheckResult) -> bool:
    """The words (or a piece of a splice) were printed only in sources not on the newsroom's
    trusted list: the headline must say so, whatever the verdict."""
    return result.trust is Trust.UNVETTED


def printing_label(printing: Printing) -> str:
    """The outlet of a printing, else the site of its address, else "an article"."""
    return printing.outlet or (site_of(printing.url) if printing.url else None) or "an article"


def unvetted_printings(match: Match) -> list[str]:
    """The distinct sources of the match's unvetted printings, as listed (trusted first)."""
    labels = [printing_label(p) for p in match.printings if p.trust is Trust.UNVETTED]
    return list(dict.fromkeys(labels))


# -- the desk's rulings (store.rulings): what an answer leads with, and what an alert says ------

#: Each ruling's word in a sentence ("Ruled out of context by …") and its name as a label (the
#: Slack modal's options, ClaimReview's `alternateName`).
RULING_WORDS: dict[RulingKind, str] = {
    RulingKind.MISATTRIBUTED: "misattributed",
    RulingKind.FABRICATED: "fabricated",
    RulingKind.MISQUOTED: "misquoted",
    RulingKind.SPLICED: "spliced",
    RulingKind.OUT_OF_CONTEXT: "out of context",
    RulingKind.CONFIRMED: "confirmed",
}
RULING_LABELS: dict[RulingKind, str] = {
    kind: words[0].upper() + words[1:] for kind, words in RULING_WORDS.items()
}


@dataclass(frozen=True)
class RulingLine:
    """An answer's first line when the desk has ruled on the words: "Ruled misattributed by ana
    on 2 Dec 2026" (`headline`), what the desk found ("the words are Rob Hale's"), then its
    note and links; each presenter styles and escapes the parts."""

    headline: str
    finding: str
    note: str | None
    links: tuple[str, ...]
    #: "revised 2 times; first ruled on 1 Dec 2026", or None for a first ruling.
    history: str | None

    @property
    def sentence(self) -> str:
        """The headline and the finding as one plain sentence, links in brackets."""
        links = f" ({', '.join(self.links)})" if self.links else ""
        return f"{self.headline}: {self.finding}{links}"


def ruling_line(ruling: Ruling) -> RulingLine:
    """How an answer (terminal, JSON-free, Slack, review) states the ruling it leads with."""
    history = None
    if ruling.revision > 1:
        times = "once" if ruling.revision == 2 else f"{ruling.revision - 1} times"
        history = f"revised {times}; first ruled on {day(ruling.first_at)}"
    return RulingLine(
        headline=f"Ruled {RULING_WORDS[ruling.kind]} by {ruling.by} on {day(ruling.at)}",
        finding=ruling_finding(ruling),
        note=ruling.note,
        links=ruling.links,
        history=history,
    )


def ruling_finding(ruling: Ruling) -> str:
    """What the desk found, after the headline: "the words are Rob Hale's"."""
    kind = ruling.kind
    if kind is RulingKind.MISATTRIBUTED:
        if ruling.speaker:
            return f"the words are {possessive(ruling.speaker)}"
        if ruling.credited:
            return f"the words are not {possessive(ruling.credited)}"
        return "the words are someone else's"
    if kind is RulingKind.FABRICATED:
        return "no source for these words exists"
    if kind is RulingKind.MISQUOTED:
        if ruling.printed:
            return f"the words as printed are “{ruling.printed}”"
        return "the words were not printed so"
    if kind is RulingKind.SPLICED:
        return "the words join separate quotations or places"
    if kind is RulingKind.OUT_OF_CONTEXT:
        return "the words are real, but taken out of their context"
    if ruling.speaker:
        return f"{ruling.speaker} said these words"
    return "the quote is genuine"


def reappearance_sentence(ruling: Ruling, where: str) -> str:
    """An alert: "A quote ruled fabricated by ana on 2 Dec 2026 turned up again in <where>:
    no source for these words exists." `where` says the place as the presenter knows it."""
    return (
        f"A quote ruled {RULING_WORDS[ruling.kind]} by {ruling.by} on {day(ruling.at)} "
        f"turned up again in {where}: {ruling_finding(ruling)}."
    )


def day(moment: dt.datetime) -> str:
    """`2 Dec 2026`: a ruling's day, in UTC, as the desk writes dates."""
    moment = moment.astimezone(dt.UTC)
    return f"{moment.day} {moment:%b %Y}"


def possessive(name: str) -> str:
    """`Rob Hale's`, `Ana Ruiz'`: a name owning the words."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


__all__ = [
    "CANNOT_CHECK",
    "EXCERPT_WORDS",
    "KIND_LABELS",
    "MISATTRIBUTED",
    "RULING_LABELS",
    "RULING_WORDS",
    "SPEAKER_UNCERTAIN",
    "UNVETTED_HEADLINE",
    "UNVETTED_SOURCE",
    "VERDICT_WORDS",
    "RulingLine",
    "SpeakerLine",
    "VerdictWords",
    "archive_speakers",
    "day",
    "evidence_heading",
    "is_confident",
    "kind_label",
    "misattributed",
    "misattribution_headline",
    "possessive",
    "printing_label",
    "reappearance_sentence",
    "ruling_finding",
    "ruling_line",
    "speaker_label",
    "speaker_line",
    "uncertainty",
    "unvetted_only",
    "unvetted_printings",
    "verdict_words",
]

"""What the verifier answers: a verdict on the words, one on the speaker, and the evidence.

Small frozen dataclasses, so that the same answer can be printed as JSON (`quotebot check
--json`, whose contract the README's "JSON output" section names), as a terminal card, or as Slack
blocks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from bot.verifier.trust import Trust
from store.rulings import Ruling


class Verdict(StrEnum):
    """What the archive says about the words."""

    #: A direct quotation in the archive, ignoring case, punctuation, quote-mark and dash
    #: styles, bracketed insertions and ellipses that stand for omitted words.
    VERIFIED = "verified"
    #: Close to a quotation, but words differ (the word-level difference is shown).
    WORDING_DIFFERS = "wording_differs"
    #: The words join pieces of separate quotations or separate places.
    SPLICED = "spliced"
    #: The words are in the archive, but as the writer's paraphrase or reported speech.
    NOT_A_DIRECT_QUOTE = "not_a_direct_quote"
    #: Nothing in the archive is close enough.
    NOT_FOUND = "not_found"


class Attribution(StrEnum):
    """What the archive says about the speaker the query claims."""

    MATCHES = "matches"
    #: The archive credits someone else, and is sure of it (the evidence is shown).
    DIFFERS = "differs"
    #: The archive credits someone else, or only describes the speaker ("the minister"), but
    #: is not sure enough to call the paste misattributed: the evidence is shown instead.
    UNCERTAIN = "uncertain"
    NOT_CLAIMED = "not_claimed"
    #: The archive does not know who said it.
    UNKNOWN = "unknown"


#: The attribution model's confidence from which the archive is sure enough of a speaker to
#: call a paste crediting someone else misattributed (bench/attribution.py measures it).
CONFIDENT = 0.8


def sure_attribution(found_by: str | None, confidence: float | None) -> bool:
    """Sure enough of the archive's speaker to call a paste crediting another misattributed:
    a cue names them (not merely a name near the quotation) and the attribution model gives
    them CONFIDENT or more. Quotations stored before confidences were kept count as sure, as
    they did then."""
    if found_by == "nearby":
        return False
    return confidence is None or confidence >= CONFIDENT


@dataclass(frozen=True)
class WordChange:
    """One difference between the pasted words and the archive's: `op` is "replace" (the
    query's `query` words stand where the archive has `archive`), "insert" (words the query
    adds) or "delete" (archive words the query leaves out)."""

    op: str
    query: str
    archive: str

    def to_json(self) -> dict[str, str]:
        return {"op": self.op, "query": self.query, "archive": self.archive}


@dataclass(frozen=True)
class ArticleRef:
    title: str | None
    url: str | None
    published: dt.date | None
    outlet: str | None

    def to_json(self) -> dict[str, str | None]:
        return {
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
        }


@dataclass(frozen=True)
class Printing:
    """One article that printed the words, and how far the newsroom trusts it
    (bot.verifier.trust)."""

    outlet: str | None
    title: str | None
    url: str | None
    published: dt.date | None
    trust: Trust

    def to_json(self) -> dict[str, str | None]:
        return {
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "trust": str(self.trust),
        }


@dataclass(frozen=True)
class Match:
    """A quotation of the archive that the query matches, with where and how well."""

    quotation_id: int
    #: The whole quotation as printed (the full quotation when the query is an excerpt).
    text: str
    #: Where the query's words sit in `text` (`text[matched_start:matched_end]`), for bolding.
    matched_start: int
    matched_end: int
    speaker: str | None
    speaker_role: str | None
    outlet: str | None
    reported_to: str | None
    via: str | None
    kind: str
    #: 0–100: how closely the query's words follow the archive's.
    score: float
    #: The paragraph around the quotation.
    context: str
    diff: tuple[WordChange, ...]
    article: ArticleRef
    #: How many stored articles printed these words, and the earliest date among them.
    occurrences: int = 1
    first_seen: dt.date | None = None
    #: Other speakers outlets credit with the same words.
    conflicting_speakers: tuple[str, ...] = ()
    #: For a spliced query: the part of the query this match accounts for.
    piece: str | None = None
    #: The speaker as the article names them ("the minister" when it gives no name).
    speaker_as_written: str | None = None
    #: How the archive found the speaker (store.quotation.Quotation.speaker_found_by), the
    #: sentence that shows it, and the attribution model's confidence (0-1).
    speaker_found_by: str | None = None
    speaker_evidence: str | None = None
    speaker_confidence: float | None = None
    #: The named extraction rule that credited the speaker (store/extract/rules.py).
    speaker_rule: str | None = None
    #: Words the paste writes differently that are the same words: a contraction spelled out
    #: or made, an apostrophe dropped, a number as digits or as a word. Shown, never a change.
    respelled: tuple[WordChange, ...] = ()
    #: How far the newsroom trusts the printing shown (bot.verifier.trust).
    trust: Trust = Trust.TRUSTED
    #: The articles that printed the words, trusted ones first, then the earliest (at most
    #: bot.verifier.verify.PRINTINGS_LISTED; `occurrences` counts them all).
    printings: tuple[Printing, ...] = ()

    @property
    def matched(self) -> str:
        return self.text[self.matched_start : self.matched_end]

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "outlet": self.outlet,
            "reported_to": self.reported_to,
            "via": self.via,
            "kind": self.kind,
            "score": round(self.score, 1),
            "context": self.context,
            "diff": [change.to_json() for change in self.diff],
            "respelled": [change.to_json() for change in self.respelled],
            "article": self.article.to_json(),
            "occurrences": self.occurrences,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "conflicting_speakers": list(self.conflicting_speakers),
            "matched": self.matched,
            "speaker_as_written": self.speaker_as_written,
            "speaker_found_by": self.speaker_found_by,
            "speaker_evidence": self.speaker_evidence,
            "speaker_confidence": self.speaker_confidence,
            "speaker_rule": self.speaker_rule,
            "trust": str(self.trust),
            "printings": [printing.to_json() for printing in self.printings],
        }
        if self.piece is not None:
            data["piece"] = self.piece
        return data


@dataclass(frozen=True)
class CheckResult:
    """The answer to one pasted quote."""

    query: str
    claimed_speaker: str | None
    verdict: Verdict
    #: The query is only part of a longer quotation (the full one is in `matches[0].text`).
    excerpt: bool
    attribution: Attribution
    #: Best first. For `spliced`, one match per piece of the query, in the query's order.
    matches: tuple[Match, ...] = ()
    #: For `not_found`: the closest quotation, which is not a match.
    closest: Match | None = None
    #: Why the query could not be checked ("the paste is empty"), for an answer without matches.
    problem: str | None = None
    #: What the answer says beside its verdict, in a sentence each: words written differently
    #: but the same, a hedge the paste leaves out, words too common to tell quotations apart.
    notes: tuple[str, ...] = field(default=())
    #: The desk's ruling on these words (store.rulings), which every answer leads with.
    ruling: Ruling | None = None

    @property
    def trust(self) -> Trust | None:
        """`unvetted` when the words (any piece of a splice) were found only in printings the
        newsroom has not vetted; None without a match."""
        if not self.matches:
            return None
        if all(match.trust is Trust.TRUSTED for match in self.matches):
            return Trust.TRUSTED
        return Trust.UNVETTED

    def to_json(self) -> dict[str, object]:
        """The document of `quotebot check --json` (README.md, "Checking a quote"; the contract
        named in "JSON output")."""
        data: dict[str, object] = {
            "query": self.query,
            "claimed_speaker": self.claimed_speaker,
            "verdict": str(self.verdict),
            "excerpt": self.excerpt,
            "attribution": str(self.attribution),
            "trust": str(self.trust) if self.trust is not None else None,
            "matches": [match.to_json() for match in self.matches],
        }
        if self.closest is not None:
            data["closest"] = self.closest.to_json()
        if self.problem is not None:
            data["problem"] = self.problem
        if self.notes:
            data["notes"] = list(self.notes)
        if self.ruling is not None:
            data["ruling"] = self.ruling.to_json()
        return data

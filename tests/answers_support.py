"""Answers built by hand, for the tests of how an answer is shown (terminal card, Slack).

The people and outlets are invented. Building answers directly lets each test pin what a reader
sees for one kind of answer without depending on how the verifier reaches it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.verifier.verdict import ArticleRef, Attribution, CheckResult, Match, Verdict

QUOTE = "We will reopen the terminal before the spring tides, whatever the council decides"
GAZETTE = ArticleRef(
    title="Ferry terminal to reopen in March",
    url="https://kestrel-gazette.example/ferry",
    published=dt.date(2024, 3, 5),
    outlet="Kestrel Gazette",
)


def match(text: str = QUOTE, matched: str | None = None, **changes: object) -> Match:
    """A match of `text`, the words `matched` (all of it by default) shown in bold."""
    matched = matched or text
    start = text.index(matched)
    base = Match(
        quotation_id=1,
        text=text,
        matched_start=start,
        matched_end=start + len(matched),
        speaker="Harriet Vale",
        speaker_role="the harbour master",
        outlet="Kestrel Gazette",
        reported_to=None,
        via=None,
        kind="direct",
        score=100.0,
        context=f'"{text}," said Harriet Vale, the harbour master, on Tuesday.',
        diff=(),
        article=GAZETTE,
        occurrences=1,
        first_seen=dt.date(2024, 3, 5),
    )
    return dataclasses.replace(base, **changes)


def result(verdict: Verdict = Verdict.VERIFIED, **changes: object) -> CheckResult:
    """An answer with one match of QUOTE, nobody claimed."""
    base = CheckResult(
        query=QUOTE,
        claimed_speaker=None,
        verdict=verdict,
        excerpt=False,
        attribution=Attribution.NOT_CLAIMED,
        matches=(match(),),
    )
    return dataclasses.replace(base, **changes)

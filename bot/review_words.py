"""A draft review in words shared by the terminal table and the Slack answer: who the draft
credits for a quotation, and the summary line that counts the words' verdicts and, apart from
them, the speakers in doubt.

The two counts are kept apart so that "2 verified" can never hide a misattribution: a quotation
whose words are verified but whose speaker is wrong counts once among the verified words and
once among the misattributed speakers.

Plain strings only: each presenter escapes and styles them itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.verifier.verdict import Attribution, CheckResult
from bot.wording import RULING_WORDS, VERDICT_WORDS
from store.quotation import Quotation

#: The words' verdicts (bot.wording's, in lower case), in the order the summary lists them.
WORDS = {verdict: words.word.lower() for verdict, words in VERDICT_WORDS.items()}
NOT_CHECKED = "not checked"
#: The speakers' verdicts worth counting: every other one is no doubt about the speaker.
SPEAKER_DOUBTS = {
    Attribution.DIFFERS: "misattributed",
    Attribution.UNCERTAIN: "uncertain",
    Attribution.UNKNOWN: "unknown to the archive",
}


def draft_speaker(quotation: Quotation) -> str | None:
    """Who the draft credits: the resolved name, else the name as the draft writes it."""
    return quotation.speaker or quotation.speaker_as_written


def words_word(result: CheckResult) -> str:
    """The words' verdict alone: `verified`, `wording differs`, … (`not checked`)."""
    if result.problem is not None:
        return NOT_CHECKED
    return WORDS[result.verdict]


def speaker_doubt(result: CheckResult) -> str | None:
    """`misattributed`, `uncertain` or `unknown to the archive`; None when the speaker is not
    in doubt (it matches, the draft names nobody, or there is no match to compare with)."""
    if result.problem is not None or not result.matches:
        return None
    return SPEAKER_DOUBTS.get(result.attribution)


def review_summary(results: Iterable[CheckResult]) -> str:
    """`3 quotations: 2 verified, 1 wording differs; speakers: 1 misattributed, 1 uncertain.`,
    and, when the desk has ruled on any of them, `; ruled by the desk: 1 fabricated`."""
    words: Counter[str] = Counter()
    doubts: Counter[str] = Counter()
    rulings: Counter[str] = Counter()
    for result in results:
        if result.ruling is not None:
            rulings[RULING_WORDS[result.ruling.kind]] += 1
        words[words_word(result)] += 1
        doubt = speaker_doubt(result)
        if doubt is not None:
            doubts[doubt] += 1
    total = sum(words.values())
    noun = "quotation" if total == 1 else "quotations"
    order = [*WORDS.values(), NOT_CHECKED]
    listed = ", ".join(f"{words[word]} {word}" for word in order if words[word])
    doubted = ", ".join(
        f"{doubts[doubt]} {doubt}" for doubt in SPEAKER_DOUBTS.values() if doubts[doubt]
    )
    speakers = doubted or "none in doubt"
    ruled = ", ".join(f"{count} {word}" for word, count in rulings.items())
    desk = f"; ruled by the desk: {ruled}" if ruled else ""
    return f"{total} {noun}: {listed}; speakers: {speakers}{desk}."

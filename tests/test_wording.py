"""The terminal card and Slack say an answer in the same words (bot.wording): the headline,
the speaker line and what each kind of quotation is called differ only in symbols, colours and
markup. The people and outlets are invented."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from answers_support import match, result
from rich.console import Console

from bot.cli.card import card
from bot.slack.card import answer_blocks
from bot.verifier.verdict import Attribution, CheckResult, Verdict

_EMOJI = re.compile(r":[a-z_]+: ")


def terminal_text(answer: CheckResult) -> str:
    console = Console(file=io.StringIO(), width=200, no_color=True)
    console.print(card(answer), soft_wrap=True)
    return console.file.getvalue()  # type: ignore[attr-defined]


def slack_text(answer: CheckResult) -> str:
    """What Slack shows, without emoji codes and bold or italic marks."""
    texts = []
    for block in answer_blocks(answer):
        texts.append((block.get("text") or {}).get("text", ""))
        texts.extend(element.get("text", "") for element in block.get("elements", []))
    return _EMOJI.sub("", "\n".join(str(text) for text in texts)).replace("*", "")


UNNAMED = match(speaker=None, speaker_role=None)

CASES = {
    "verified": (result(), "Verified — a direct quotation in the archive"),
    "excerpt": (
        result(excerpt=True),
        "Verified excerpt — part of a longer direct quotation in the archive",
    ),
    "wording differs": (
        result(Verdict.WORDING_DIFFERS),
        "Wording differs — close to a quotation in the archive, but words differ",
    ),
    "not a direct quote": (
        result(Verdict.NOT_A_DIRECT_QUOTE, matches=(match(kind="reported"),)),
        "Not a direct quote — the archive has these words as paraphrase or reported speech",
    ),
    "not found": (
        result(Verdict.NOT_FOUND, matches=()),
        "Not found — nothing in the archive is close enough",
    ),
    "misattributed": (
        result(claimed_speaker="Osric Penhallow", attribution=Attribution.DIFFERS),
        "Misattributed — the words are verified, but the archive credits Harriet Vale",
    ),
    "speaker matches": (
        result(claimed_speaker="Vale", attribution=Attribution.MATCHES),
        "Speaker matches: the archive also credits Harriet Vale",
    ),
    "speaker differs": (
        result(claimed_speaker="Osric Penhallow", attribution=Attribution.DIFFERS),
        "Speaker differs: the paste credits Osric Penhallow; the archive credits Harriet Vale",
    ),
    "speaker unknown": (
        result(claimed_speaker="Vale", attribution=Attribution.UNKNOWN, matches=(UNNAMED,)),
        "Speaker unknown: the paste credits Vale; the archive does not say who said it",
    ),
    "speaker not checked": (
        result(
            Verdict.NOT_FOUND,
            matches=(),
            claimed_speaker="Vale",
            attribution=Attribution.UNKNOWN,
        ),
        "Speaker not checked: the paste credits Vale; nothing in the archive matched",
    ),
    "reported speech": (
        result(Verdict.NOT_A_DIRECT_QUOTE, matches=(match(kind="reported"),)),
        "reported speech",
    ),
    "paraphrase": (
        result(Verdict.NOT_A_DIRECT_QUOTE, matches=(match(kind="paraphrase"),)),
        "the writer's paraphrase",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_terminal_and_slack_say_the_same_words(case: str) -> None:
    answer, words = CASES[case]

    assert words in terminal_text(answer)
    assert words in slack_text(answer)


def test_a_partial_quotation_is_called_so_on_both() -> None:
    answer = dataclasses.replace(result(), matches=(match(kind="partial"),))

    assert "partial quotation" in terminal_text(answer)
    assert "partial quotation" in slack_text(answer)

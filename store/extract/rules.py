"""Every rule that can credit a speaker, by name, in the order they are tried, in plain words.

A quotation's own cue is found by `cues.rules.OWN_CUE_RULES`; a quotation without one borrows a
speaker by `neighbours.NEIGHBOUR_RULES`; after both, a multi-paragraph quotation may take its
speaker from a later piece, a headline from the body's attribution of the same words, and the
attribution model may choose someone the rules did not. `Quotation.speaker_rule` holds one of
these names; `bench/extraction.py` scores each.
"""

from __future__ import annotations

from store.extract.credit import MODEL_RULE
from store.extract.cues.rules import OWN_CUE_RULES
from store.extract.neighbours import NEIGHBOUR_RULES
from store.extract.reported import REPORTED_RULE

#: Rules applied after the quotations are attributed one by one.
LATER_RULES: tuple[tuple[str, str], ...] = (
    ("later-piece", "the speaker of a later paragraph of the same quotation"),
    ("headline-from-body", "the body's speaker of the words the headline quotes"),
    (MODEL_RULE, "the attribution model's choice among the people near the quotation"),
    (REPORTED_RULE, "the subject of the speech verb that reports the statement"),
)

#: Every rule name, in the order extraction tries them, with its plain words.
RULE_WORDS: dict[str, str] = {
    **{rule.name: rule.words for rule in OWN_CUE_RULES},
    **{rule.name: rule.words for rule in NEIGHBOUR_RULES},
    **dict(LATER_RULES),
}


def rule_words(name: str | None) -> str | None:
    """What a rule name means, in words a fact-checker reads; None for no or an unknown rule."""
    return RULE_WORDS.get(name) if name else None


__all__ = ["RULE_WORDS", "rule_words"]

"""The answer for one quotation, as the attribution rules and then the model leave it."""

from __future__ import annotations

from dataclasses import dataclass, field

from store.extract.cues import Cue
from store.extract.document import QuoteTokens
from store.extract.outlets import Relay
from store.extract.people import Entity


@dataclass
class Attribution:
    """The answer for one quotation."""

    quote: QuoteTokens
    cue: Cue | None = None
    #: Where the cue came from: "after", "before", "subject", "inherited" or None.
    source: str | None = None
    entity: Entity | None = None
    speaker_as_written: str | None = None
    role: str | None = None
    relay: Relay = field(default_factory=Relay)
    direct: bool = False
    #: Made up for a cue outside any quotation (`X said:` closing the paragraph before).
    borrowed: bool = False
    #: The name of the rule that found the speaker (cues.rules.OWN_CUE_RULES, NEIGHBOUR_RULES
    #: below, or "attribution-model" when the model chose someone the rules did not).
    rule: str | None = None
    #: How the speaker was found ("cue", "pronoun", "description", "continuation", "nearby"),
    #: the sentence that shows it, and the attribution model's confidence (credit.py).
    found_by: str | None = None
    evidence: str | None = None
    confidence: float | None = None


__all__ = ["Attribution"]

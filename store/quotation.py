"""An attributed quotation: what extraction produces and the archive stores."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """How the words appear in the article."""

    #: A full quotation: the quoted words are the whole of what is attributed.
    DIRECT = "direct"
    #: A few quoted words inside the writer's own sentence: fell "very far" from its demands.
    PARTIAL = "partial"
    #: Reported speech without quotation marks: X said that ..., X accused Y of ...
    REPORTED = "reported"


@dataclass(frozen=True)
class Quotation:
    """One quotation with its speaker, located in its article by character offsets."""

    text: str
    start: int
    end: int
    kind: Kind
    #: The speaker resolved to a full name ("Tessa Quill"); None when no credible one.
    speaker: str | None = None
    #: The speaker as the sentence names them ("she", "Quill", "the harbour master").
    speaker_as_written: str | None = None
    speaker_role: str | None = None
    #: The outlet the speaker spoke to: "she told the Meridian Wire".
    reported_to: str | None = None
    #: Who relayed the words: "per the Coastal Post", "according to The Harbour Ledger".
    via: str | None = None
    #: Where the paragraph around the quotation begins and ends in the article text.
    context_start: int = 0
    context_end: int = 0
    #: How the speaker was found: "cue" (a speech verb names them: `said Ana Ruiz`),
    #: "pronoun" (`she said`, resolved), "description" (`the mayor said`, resolved),
    #: "continuation" (the speaker of the quotation before goes on), "nearby" (named near the
    #: quotation, no cue), "source" (the source gave it); None without a speaker.
    speaker_found_by: str | None = None
    #: The sentence that shows who spoke, shortened.
    speaker_evidence: str | None = None
    #: How likely the attribution model thinks the speaker is right (0-1); None when no
    #: model weighed it (reported speech, a source's own attribution, older archives).
    speaker_confidence: float | None = None
    #: The name of the extraction rule that found the speaker ("after", "aside-closing",
    #: "earlier-in-paragraph", "attribution-model", ...: store/extract/rules.py lists them
    #: with their plain words); None without a speaker. Known at extraction only: the archive
    #: does not store it, and the JSON contract leaves it out.
    speaker_rule: str | None = field(default=None, compare=False)
    #: The article's text, the one string every quotation of the article shares (never a copy
    #: per quotation: a hostile article of a hundred thousand quotations would otherwise carry a
    #: paragraph each), so that `context` is read from it only when someone asks.
    article_text: str = field(default="", repr=False, compare=False)

    @property
    def context(self) -> str:
        """The paragraph around the quotation (cut to a window when abnormally long)."""
        return self.article_text[self.context_start : self.context_end]

    def to_json(self) -> dict[str, object]:
        """The `Q` document of the command-line contract (DESIGN.md)."""
        data: dict[str, object] = {}
        for key, value in asdict(self).items():
            if key == "context_start":
                data["context"] = self.context  # where the contract has always listed it
            elif key not in ("context_end", "article_text", "speaker_rule"):
                data[key] = value
        data["kind"] = str(self.kind)
        return data

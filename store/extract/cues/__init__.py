"""Attribution cues: the speech verb near a quotation and the phrase naming who spoke.

Each module finds one family of cues:
- `after`: right after the quotation: `"…," she said` / `"…," said Tessa Quill, a member of the
  council`;
- `before` and `verb_subject`: before it in the same sentence: `Hale said: "…"`, `Ruiz said her
  crew "got it badly wrong"`, `Hale rejected the offer, saying it was meant to "sink" …`;
- `asides`: an inverted attribution set off by commas, a clause closing the sentence;
- `possessives`: `Hale's pledge to stay "neutral"`;
- `headlines`: `Hale: "…"`, `More from Ruiz: "…"`.

Whether a word is a speech verb there is `verbs.verb_at`; who the subject before a verb or at
the start of a clause is, `subjects`.
"""

from store.extract.cues.after import cue_after
from store.extract.cues.asides import cue_at_sentence_end, inverted_aside, sentence_subject
from store.extract.cues.before import cue_before
from store.extract.cues.cue import Cue
from store.extract.cues.possessives import SPEECH_NOUNS, possessed_speech

__all__ = [
    "SPEECH_NOUNS",
    "Cue",
    "cue_after",
    "cue_at_sentence_end",
    "cue_before",
    "inverted_aside",
    "possessed_speech",
    "sentence_subject",
]

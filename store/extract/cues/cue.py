"""A cue: the speech verb near a quotation and the mention of who spoke, and the bounds every
cue finder shares."""

from __future__ import annotations

from dataclasses import dataclass

from store.extract.grammar import PARTICIPLE_SUFFIX
from store.extract.lexicon import speech_verbs, word_class
from store.extract.phrases import Mention

#: How far after a quotation its subject-first cue may end ("…," Tessa Quill, an associate
#: fellow at the Harbour Institute's Coastal Trade and Shipping Programme, said).
SUBJECT_REACH = 32


EXPLETIVES = word_class("expletives")


#: Words an attribution may carry after its verb: "said Tuesday in a statement".
TAIL_WORDS = 8


#: How many words a weak speech verb may stand from its quotation ("continued:", "read,").
WEAK_REACH = 3


#: Speech verbs weighed per cue, and clause starts per subject: bounds for pathological text.
VERB_TRIES = 6


@dataclass(frozen=True)
class Cue:
    """A speech verb and the mention of its subject."""

    mention: Mention
    verb: int
    verb_end: int
    #: Role given by an appositive around the mention ("Tessa Quill, a senior surveyor ...").
    appositive: str | None = None
    #: Last token of the whole cue: the verb, or the subject and its appositive after an
    #: inverted verb ("says Lena Strand, a historian at …").
    end: int = -1

    @property
    def last(self) -> int:
        return max(self.end, self.verb_end)


def participle(word: str) -> bool:
    """ "saying", "adding": an -ing form of a speech verb."""
    return word.endswith(PARTICIPLE_SUFFIX) and speech_verbs().base(word) != word

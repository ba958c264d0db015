"""A quotation without a cue of its own borrows one: the named neighbour rules, in order.

`NEIGHBOUR_RULES` is the order `donor` tries them in: another quotation of the same sentence
('"A" and "B," he said'), an earlier quotation of the paragraph, the person of a short sentence
just before, a later quotation of the paragraph, the quotation it continues, the speech verb of
the sentence before, a signature below, the last speaker or the introduction of the paragraph
before. The first that answers lends its speaker; its name is recorded on the attribution.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from store.extract.answer import Attribution
from store.extract.cues import Cue, cue_before
from store.extract.document import WINDOW, Document, QuoteTokens
from store.extract.lexicon import role_nouns
from store.extract.phrases import NAME, NOMINAL, PRONOUN, phrase_starting_at
from store.extract.subjects import clause_subject

#: How many quotations away a quotation without a cue may borrow a speaker from.
DONOR_REACH = 30


@dataclass(frozen=True)
class Neighbourhood:
    """One quotation among the article's, with what the neighbour rules look at."""

    document: Document
    results: list[Attribution]
    number: int
    quote: QuoteTokens
    sentence: int
    paragraph: int
    #: The first token of the quotation's sentence.
    sentence_low: int

    @classmethod
    def of(cls, document: Document, results: list[Attribution], number: int) -> Neighbourhood:
        quote = results[number].quote
        return cls(
            document,
            results,
            number,
            quote,
            document.sentence_of[quote.open],
            document.paragraph_of[quote.open],
            document.sentence_bounds(quote.open)[0],
        )

    def following(self) -> range:
        return range(self.number + 1, min(len(self.results), self.number + DONOR_REACH))

    def preceding(self) -> range:
        return range(self.number - 1, max(-1, self.number - DONOR_REACH), -1)

    def borrow(self, cue: Cue) -> Attribution:
        """An attribution made up for a cue outside any quotation."""
        return Attribution(
            self.quote, cue=cue, source="before", speaker_as_written=cue.mention.text, borrowed=True
        )


@dataclass(frozen=True)
class NeighbourRule:
    name: str
    #: How the speaker was found, in plain words a fact-checker reads.
    words: str
    donor: Callable[[Neighbourhood], Attribution | None]


def _same_sentence(near: Neighbourhood) -> Attribution | None:
    """'"A" and "B," he said': a later quotation of the sentence with a cue of its own."""
    document, sentence = near.document, near.sentence
    for index in near.following():
        other = near.results[index]
        if document.sentence_of[other.quote.open] != sentence:
            break
        if other.cue is not None and other.source in {"after", "before"}:
            return other
    return None


def _earlier_in_paragraph(near: Neighbourhood) -> Attribution | None:
    return _first_in_paragraph(
        near, near.preceding(), lambda other: other.speaker_as_written is not None
    )


def _actor(near: Neighbourhood) -> Attribution | None:
    """ "The clerk looked up at me. 'Mr. Brack?' … 'Present,' I said": the person of the
    sentence just before, not the speaker of a later quotation (case actor-just-before-1)."""
    document, quote, sentence_low = near.document, near.quote, near.sentence_low
    if not quote.open == sentence_low > document.paragraph_first[near.paragraph]:
        return None
    previous_low, _ = document.sentence_bounds(sentence_low - 1)
    previous_low = max(previous_low, sentence_low - WINDOW)
    actor = _actor_just_before(document, previous_low, sentence_low - 1)
    number = near.number
    if actor is not None and (number == 0 or near.results[number - 1].quote.close < previous_low):
        return near.borrow(actor)
    return None


def _later_in_paragraph(near: Neighbourhood) -> Attribution | None:
    return _first_in_paragraph(
        near, near.following(), lambda other: other.cue is not None and other.source == "after"
    )


def _first_in_paragraph(
    near: Neighbourhood, indices: Iterable[int], lends: Callable[[Attribution], bool]
) -> Attribution | None:
    """The first quotation of `indices` (walked outwards from this one) that `lends`, within
    this quotation's paragraph."""
    paragraph_of, paragraph = near.document.paragraph_of, near.paragraph
    for index in indices:
        other = near.results[index]
        if paragraph_of[other.quote.open] != paragraph:
            break
        if lends(other):
            return other
    return None


def _continued(near: Neighbourhood) -> Attribution | None:
    number = near.number
    if near.quote.span.continued and number > 0 and near.results[number - 1].speaker_as_written:
        return near.results[number - 1]
    return None


def _previous_sentence(near: Neighbourhood) -> Attribution | None:
    """ "Farrow kept his distance ..., saying he would vote. “I'm going to back the plan.”"
    (case previous-sentence-cue-1)"""
    document, number, sentence_low = near.document, near.number, near.sentence_low
    first_in_paragraph = (
        number == 0 or document.paragraph_of[near.results[number - 1].quote.open] != near.paragraph
    )
    if not (sentence_low > document.paragraph_first[near.paragraph] and first_in_paragraph):
        return None
    previous_low, _ = document.sentence_bounds(sentence_low - 1)
    previous_low = max(previous_low, sentence_low - WINDOW)
    cue = cue_before(document, previous_low, sentence_low - 1)
    return near.borrow(cue) if cue is not None else None


def _signed(near: Neighbourhood) -> Attribution | None:
    if near.quote.open != near.document.paragraph_first[near.paragraph]:
        return None
    return _signed_below(near.document, near.results[near.number], near.paragraph)


def _previous_paragraph(near: Neighbourhood) -> Attribution | None:
    if near.quote.open != near.document.paragraph_first[near.paragraph] or near.paragraph == 0:
        return None
    return _previous_paragraph_speaker(near.document, near.results, near.number, near.paragraph - 1)


#: Where a quotation without a cue of its own finds its speaker: the first that answers.
NEIGHBOUR_RULES: tuple[NeighbourRule, ...] = (
    NeighbourRule("same-sentence", "the cue of another quotation of the sentence", _same_sentence),
    NeighbourRule(
        "earlier-in-paragraph",
        "the speaker of an earlier quotation of the paragraph",
        _earlier_in_paragraph,
    ),
    NeighbourRule("actor-just-before", "the person the sentence before speaks of", _actor),
    NeighbourRule(
        "later-in-paragraph", "the cue of a later quotation of the paragraph", _later_in_paragraph
    ),
    NeighbourRule("continued", "the speaker of the quotation it continues", _continued),
    NeighbourRule(
        "previous-sentence", "the speech verb of the sentence before", _previous_sentence
    ),
    NeighbourRule("signed-below", "the signature under the quotation", _signed),
    NeighbourRule(
        "previous-paragraph",
        "the last speaker, or the introduction, of the paragraph before",
        _previous_paragraph,
    ),
)


def donor(
    document: Document, results: list[Attribution], number: int
) -> tuple[NeighbourRule, Attribution] | None:
    """The first neighbour rule that lends quotation `number` a speaker, and the lender."""
    near = Neighbourhood.of(document, results, number)
    for rule in NEIGHBOUR_RULES:
        found = rule.donor(near)
        if found is not None:
            return rule, found
    return None


#: How many words a signature line under a pull quote may name: "- Wen Tollan, Port Ardith."
_SIGNATURE_WORDS = 12


#: How long a sentence of action before a quotation may be: "The clerk looked up at me."
_ACTION_WORDS = 10


def _actor_just_before(document: Document, low: int, high: int) -> Cue | None:
    """ "The clerk looked up at me. 'Mr. Brack?'": a short sentence of what a person did,
    right before a quotation that opens the next sentence, names who speaks."""
    words = [i for i in range(low, high + 1) if document.tokens.words[i][0].isalnum()]
    if not words or len(words) > _ACTION_WORDS:
        return None
    if any(not document.outside(i) for i in range(low, high + 1)):
        return None
    found = clause_subject(document, low, high)
    if found is None or found[0].kind not in {NAME, NOMINAL} or found[0].start != words[0]:
        return None
    mention = found[0]
    if mention.organisation or (
        mention.kind == NOMINAL and document.tokens.lowers[mention.last] not in role_nouns()
    ):
        return None
    return Cue(mention, mention.last, mention.last)


def _signed_below(document: Document, result: Attribution, paragraph: int) -> Attribution | None:
    """A quote-only paragraph signed by the next one: '"We will fix the road."' then
    '- Elsa Dunmore.', as fact-checks and pull quotes print them."""
    if paragraph + 1 >= len(document.paragraph_first):
        return None
    if document.paragraph_last[paragraph] > result.quote.close + 1:
        return None  # words of the writer's after the quotation
    first = document.paragraph_first[paragraph + 1]
    last = document.paragraph_last[paragraph + 1]
    if first > last:
        return None
    words = document.tokens.words
    if words[first] in {"-", "—", "–"}:
        first += 1
    elif not _signature_in_marks(document, result.quote, first, last):
        return None
    mention = phrase_starting_at(document.tokens, first, min(last, first + _SIGNATURE_WORDS))
    if mention is None or mention.kind not in {NAME, NOMINAL}:
        return None
    if mention.last + 1 <= last and words[mention.last + 1] not in {",", "."}:
        return None
    cue = Cue(mention, first, first)
    return Attribution(
        result.quote, cue=cue, source="after", speaker_as_written=mention.text, borrowed=True
    )


def _signature_in_marks(document: Document, quote: QuoteTokens, first: int, last: int) -> bool:
    """'"I fear that …' then 'Bram Kessel, Institute for Coastal Studies."': an
    unclosed quotation whose closing mark ends a short signature line below it."""
    words = document.tokens.words
    return (
        not quote.span.closed
        and words[last] in {'"', "”"}
        and last - first <= _SIGNATURE_WORDS
        and all(document.outside(i) for i in range(first, last))
    )


def _previous_paragraph_speaker(
    document: Document, results: list[Attribution], number: int, paragraph: int
) -> Attribution | None:
    """A quote-only paragraph continues the last speaker of the paragraph before it."""
    last_token = document.paragraph_last[paragraph]
    previous = []
    for index in range(number - 1, max(-1, number - DONOR_REACH), -1):
        if document.paragraph_of[results[index].quote.open] != paragraph:
            break
        previous.insert(0, results[index])
    if previous and previous[-1].speaker_as_written is not None:
        last = previous[-1]
        # From the closing mark: a quotation of several sentences ends in the last one.
        close = min(last.quote.close, last_token)
        low, high = document.sentence_bounds(close)
        if last.cue is not None and last.source == "after":
            high = max(high, last.cue.last)  # "…is it a small boat?” Hale said."
        if high >= document.sentence_bounds(last_token)[0] or high == last_token:
            return last
    if previous and previous[-1].speaker_as_written is not None:
        return None
    # No attributed quotation there: an introduction ("Sol Adair said:") or a paraphrase of
    # the same person ("Castell praised Hale's budget ...") leads into the paragraph.
    low, _ = document.sentence_bounds(last_token)
    low = max(low, last_token - WINDOW)
    high = last_token - 1 if document.tokens.words[last_token] in {":", "."} else last_token
    cue = cue_before(document, low, high)
    if cue is None and document.tokens.words[last_token] == ":":
        # "Mayor Dunmore issued the following statement:"
        found = clause_subject(document, low, high)
        cue = Cue(found[0], found[0].last, found[0].last, found[1]) if found else None
    elif cue is None:
        # "Castell praised Hale's budget …" opening the paragraph before.
        first = document.paragraph_first[paragraph]
        first_low, first_high = document.sentence_bounds(first)
        first_high = min(first_high, first_low + WINDOW)
        cue = cue_before(document, first_low, first_high)
        if cue is None:
            # "Morrow is hopeful about Vane's odds …" after Morrow's own quotation.
            found = clause_subject(document, first_low, first_high)
            if (
                found is not None
                and found[0].kind == NAME
                and found[0].start == first_low
                and _quoted_before(results, number, found[0].text)
            ):
                cue = Cue(found[0], found[0].last, found[0].last)
    if cue is None or cue.mention.kind not in {NAME, NOMINAL, PRONOUN}:
        return None
    return Attribution(
        results[number].quote,
        cue=cue,
        source="before",
        speaker_as_written=cue.mention.text,
        borrowed=True,
    )


def _quoted_before(results: list[Attribution], number: int, name: str) -> bool:
    """Whether one of the last few quotations before `number` was credited to `name`."""
    for index in range(number - 1, max(-1, number - DONOR_REACH), -1):
        written = results[index].speaker_as_written
        entity = results[index].entity
        if written == name or (entity is not None and entity.surname == name.split()[-1].lower()):
            return True
    return False


__all__ = ["DONOR_REACH", "NEIGHBOUR_RULES", "NeighbourRule", "donor"]

"""Who else could have said it: the speakers a quotation might have, each with what supports it.

The attribution rules (attribution.py) give each quotation one answer or none. They encode what
news writing usually means, and they miss what it means in forms they were not written for.
So the rules' answer becomes one candidate among several: the people and bodies named near
the quotation (the sentence before, its own sentence, the next one), and the speakers of the
quotations around it. Each candidate carries features that describe it in general terms (where
it is, what surrounds the mention, what kind of name it is, whether a rule chose it and how),
and `choice.py` weighs them with weights learned from annotated news.

Features are strings, present or absent: nothing here counts words of any particular article.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from store.extract.attribution import Attribution
from store.extract.document import WINDOW, Document, QuoteTokens
from store.extract.grammar import PRONOUNS
from store.extract.kinds import NOT_SPEAKERS
from store.extract.lexicon import given_names, speech_verbs, word_class
from store.extract.people import Entity, People
from store.extract.phrases import NAME

#: Candidates named further than this from the quotation are not weighed.
_REACH = WINDOW
#: At most this many named candidates a quotation (the nearest ones).
_MAX_NAMED = 12
_OBJECT_WORDS = word_class("object-words")
_VERB_HELPERS = word_class("verb-helpers")
_POSSESSIVES = word_class("possessive-s")
_SPEECH_VERBS_INDEX = "speech_verbs_outside"
_PASSIVE = word_class("passive-auxiliaries")
_SUBORDINATORS = word_class("candidate-subordinators")
#: A quotation this short is often a phrase the writer borrows, not something someone said.
_FEW_WORDS = 4
_DISTANCES = (1, 3, 8, 20, 50)


@dataclass
class Candidate:
    """One speaker a quotation might have."""

    entity: Entity | None
    #: The speaker as the text names them ("she", "the mayor", "Vale").
    as_written: str | None
    role: str | None
    #: Token of the mention that makes it a candidate (the cue's mention for the rules' own
    #: answer), or -1 for a speaker lent by a neighbouring quotation.
    at: int
    #: How it was found (Quotation.speaker_found_by): "cue", "pronoun", "description",
    #: "continuation" or "nearby".
    how: str
    features: set[str] = field(default_factory=set)
    #: The rules chose it.
    rule: bool = False


def candidates(
    document: Document,
    people: People,
    results: list[Attribution],
    number: int,
    *,
    as_unanswered: bool = False,
) -> list[Candidate]:
    """The candidates for quotation `number`: the rules' answer alone when there is one (the
    model only says how likely it is: the other people near it, weighed too, changed no
    answer and cost a fifth of the extraction's time), else everyone named near it.

    `as_unanswered`: as if the rules had found no speaker for it (their answer, and the credit
    their cue left, are not candidates), which is how the model for quotations without an
    answer learns from every annotated quotation.
    """
    result = results[number]
    found: dict[object, Candidate] = {}
    own_cue = result.cue.mention.first if result.cue is not None and as_unanswered else None
    if result.speaker_as_written is not None and not as_unanswered:
        key = id(result.entity) if result.entity is not None else "rule"
        at = result.cue.mention.first if result.cue is not None else -1
        rule = Candidate(
            result.entity, result.speaker_as_written, result.role, at, _how(result), rule=True
        )
        rule.features |= _rule_features(document, result)
        found[key] = rule
    answered = bool(found)
    low, high = _window(document, result)
    for at, entity, credited in people.mentions_between(low, high):
        if not document.outside(at) or (credited and at == own_cue):
            continue
        if answered and (result.entity is None or entity is not result.entity):
            continue
        if _opens_later_clause(document, result, at):
            continue
        candidate = found.get(id(entity))
        if candidate is None:
            if len(found) > _MAX_NAMED:
                continue
            candidate = Candidate(entity, entity.name, entity.role(), at, "nearby")
            found[id(entity)] = candidate
        candidate.features |= _mention_features(document, result, at, credited)
    for other, tag in ((number - 1, "previous"), (number + 1, "next")):
        if 0 <= other < len(results) and not (
            answered and results[other].entity is not result.entity
        ):
            _neighbour(document, results[other], result, tag, found)
    for candidate in found.values():
        candidate.features |= _entity_features_of(document, candidate.entity)
        candidate.features.add("bias")
    return list(found.values())


def null_features(
    document: Document, result: Attribution, *, as_unanswered: bool = False
) -> set[str]:
    """The features of "nobody", weighed against every candidate: what the quotation's own
    sentence says about whether anybody is quoted at all."""
    status = "none" if as_unanswered else _rule_status(result)
    local = set(_quotation_shape(document, result))
    return {"null", f"null:{status}"} | {f"null:{f}" for f in local}


def _quotation_shape(document: Document, result: Attribution) -> Iterator[str]:
    """Is there a speech verb in the quotation's sentence, is it passive ("was called"), is the
    quotation a few words inside the writer's sentence, does it open its paragraph?"""
    quote = result.quote
    lowers, words = document.tokens.lowers, document.tokens.words
    low, _ = document.sentence_bounds(quote.open)
    _, high = document.sentence_bounds(min(quote.close, len(lowers) - 1))
    low, high = max(low, quote.open - _REACH), min(high, quote.close + _REACH)
    verbs = _speech_verbs_between(document, low, high)
    yield "speech-verb" if verbs else "no-speech-verb"
    if any(i < quote.open for i in verbs):
        yield "speech-verb-before"  # "Pilots say he was '…'": its subject may be no name
    if any(i > 0 and lowers[i - 1] in _PASSIVE for i in verbs):
        yield "passive"
    if any(words[i][0].isalnum() for i in range(low, quote.open)):
        yield "embedded"
    if quote.open == document.paragraph_first[document.paragraph_of[quote.open]]:
        yield "opens-paragraph"
    if len(document.text[quote.span.start : quote.span.end].split()) <= _FEW_WORDS:
        yield "few-words"


def _speech_verbs_between(document: Document, low: int, high: int) -> list[int]:
    """The tokens from `low` to `high` that are speech verbs outside quotations (found once per
    article, then looked up)."""
    positions = document.indexes.get(_SPEECH_VERBS_INDEX)
    if positions is None:
        forms = speech_verbs().forms
        lowers = document.tokens.lowers
        positions = [
            i for i, lower in enumerate(lowers) if lower in forms and document.inside[i] < 0
        ]
        document.indexes[_SPEECH_VERBS_INDEX] = positions
    return positions[bisect.bisect_left(positions, low) : bisect.bisect_right(positions, high)]


def _rule_status(result: Attribution) -> str:
    if result.speaker_as_written is None:
        return "none"
    return str(result.source or "none")


def _how(result: Attribution) -> str:
    """How the rules found their answer, as store.quotation.Quotation.speaker_found_by says."""
    if result.source == "inherited" or (result.borrowed and result.source == "before"):
        return "continuation"
    if (result.speaker_as_written or "").lower() in PRONOUNS:
        return "pronoun"
    if result.entity is not None and result.cue is not None and result.cue.mention.kind != NAME:
        return "description"
    return "cue"


def _rule_features(document: Document, result: Attribution) -> set[str]:
    features = {"rule", f"rule:{result.source}"}
    if result.borrowed:
        features.add("rule:borrowed")
    written = (result.speaker_as_written or "").lower()
    if written in PRONOUNS:
        features.add("rule:pronoun")
        features.add("rule:pronoun:resolved" if result.entity is not None else "rule:pronoun:open")
    elif result.entity is None:
        features.add("rule:unresolved")
    if result.cue is not None:
        quote = result.quote
        verb = result.cue.verb
        gap = quote.open - verb if verb < quote.open else verb - quote.close
        features.add(f"rule:verb-distance:{_bucket(gap)}")
        if speech_verbs().base(document.tokens.lowers[verb]) is None:
            features.add("rule:no-speech-verb")
    if result.quote.span.continued:
        features.add("rule:continued")
    return features


def _window(document: Document, result: Attribution) -> tuple[int, int]:
    """From the sentence before the quotation (or the last one of the paragraph before, for a
    quotation opening its paragraph) to the sentence after it, within its paragraph."""
    quote = result.quote
    last_token = len(document.tokens) - 1
    paragraph = document.paragraph_of[quote.open]
    low, _ = document.sentence_bounds(quote.open)
    _, high = document.sentence_bounds(min(quote.close, last_token))
    if low > document.paragraph_first[paragraph]:
        low = document.sentence_bounds(low - 1)[0]
    elif paragraph > 0:
        low = document.sentence_bounds(document.paragraph_last[paragraph - 1])[0]
    if high < document.paragraph_last[paragraph]:
        high = document.sentence_bounds(high + 1)[1]
    return max(low, quote.open - _REACH), min(high, quote.close + _REACH)


def _mention_features(document: Document, result: Attribution, at: int, credited: bool) -> set[str]:
    quote = result.quote
    last_token = len(document.tokens) - 1
    sentences = {
        document.sentence_of[quote.open],
        document.sentence_of[min(quote.close, last_token)],
    }
    if at < quote.open:
        if document.sentence_of[at] in sentences:
            where = "before"
        elif document.paragraph_of[at] != document.paragraph_of[quote.open]:
            where = "paragraph-before"
        else:
            where = "sentence-before"
        distance = quote.open - at
    else:
        where = "after" if document.sentence_of[at] in sentences else "sentence-after"
        distance = at - quote.close
    local = {
        f"at:{where}",
        f"at:{where}:{_bucket(distance)}",
        "credited" if credited else "named",
        *(f"{where}:{context}" for context in _context_of(document, at)),
    }
    if where in {"before", "after"} and _speech_verb_across(document, quote, where):
        local.add(f"{where}:verb-across")
    return local


def _opens_later_clause(document: Document, result: Attribution, at: int) -> bool:
    """The subject of a clause after the quotation that a subordinator opens ("… until Varga
    said she was leaving"): what that clause says is its own, never the quotation's cue."""
    quote = result.quote
    if at <= quote.close or document.sentence_of[at] != document.sentence_of[quote.close]:
        return False
    return at > 0 and document.tokens.lowers[at - 1] in _SUBORDINATORS


def _speech_verb_across(document: Document, quote: QuoteTokens, where: str) -> bool:
    """A speech verb outside quotations on the other side of the quotation from a candidate
    in its sentence ("Pilots say he was '…' until Varga said"): that verb's subject is the
    likelier speaker, whether or not it is a name."""
    lowers = document.tokens.lowers
    last_token = len(lowers) - 1
    if where == "after":
        low, high = document.sentence_bounds(quote.open)[0], quote.open - 1
    else:
        low, high = quote.close + 1, document.sentence_bounds(min(quote.close, last_token))[1]
    low, high = max(low, quote.open - _REACH), min(high, quote.close + _REACH)
    return bool(_speech_verbs_between(document, low, high))


def _context_of(document: Document, at: int) -> tuple[str, ...]:
    """`_context`, worked out once per mention of an article."""
    key = ("context", at)
    found = document.memo.get(key)
    if found is None:
        found = document.memo[key] = tuple(_context(document, at))
    return found  # type: ignore[return-value]


def _context(document: Document, at: int) -> Iterator[str]:
    """What surrounds the mention at `at`: a speech verb after it, a preposition before it."""
    lowers, words = document.tokens.lowers, document.tokens.words
    count = len(lowers)
    end = at
    while end + 1 < count and document.tokens.capitalised[end + 1] and document.outside(end + 1):
        end += 1
    after = end + 1
    while after < count and lowers[after] in _VERB_HELPERS:
        after += 1
    forms = speech_verbs().forms
    if after < count and lowers[after] in forms:
        yield "verb-after"
    elif end + 1 < count and words[end + 1].isalpha() and words[end + 1].islower():
        yield "word-after"  # "the Mill Lane bridge": a name describing a thing
    if after < count and words[after] == ",":
        yield "comma-after"
    if end + 1 < count and lowers[end + 1] in _POSSESSIVES:
        yield "possessive"
    before = at - 1
    if before >= 0:
        if lowers[before] in forms:
            yield "verb-before"
        if lowers[before] in _OBJECT_WORDS:
            yield "object"
            if lowers[before] == "to" and before > 0 and lowers[before - 1] == "according":
                yield "according-to"
        if words[before] == ",":
            yield "comma-before"
        if lowers[before] in _SUBORDINATORS:
            yield "subordinate"  # "… until Varga said she was leaving": another clause
    if at in document.sentence_first or (before >= 0 and before in document.sentence_first):
        yield "opens-sentence"


def _neighbour(
    document: Document,
    other: Attribution,
    result: Attribution,
    tag: str,
    found: dict[object, Candidate],
) -> None:
    """The speaker of the quotation before or after, in the same paragraph or the next."""
    if other.entity is None:
        return
    here = document.paragraph_of[result.quote.open]
    there = document.paragraph_of[other.quote.open]
    if abs(here - there) > 1:
        return
    candidate = found.get(id(other.entity))
    if candidate is None:
        candidate = Candidate(
            other.entity, other.speaker_as_written, other.role, -1, "continuation"
        )
        found[id(other.entity)] = candidate
    place = "same-paragraph" if here == there else "next-paragraph"
    candidate.features.add(f"{tag}-quotation:{place}")


def _entity_features_of(document: Document, entity: Entity | None) -> set[str]:
    """`_entity_features`, worked out once per entity of an article (the model weighs them
    after attribution, when nothing about the entities changes any more)."""
    key = ("entity", id(entity))
    found = document.memo.get(key)
    if found is None:
        found = document.memo[key] = _entity_features(entity)
    return found  # type: ignore[return-value]


def _entity_features(entity: Entity | None) -> set[str]:
    if entity is None:
        return {"entity:none"}
    features = {f"kind:{entity.kind}"}
    if entity.organisation:
        features.add("entity:organisation")
    if entity.given and entity.given in given_names():
        features.add("entity:given-name")
    if entity.gender or entity.name_gender:
        features.add("entity:gender")
    if entity.roles:
        features.add("entity:role")
    if len(entity.name.split()) == 1:
        features.add("entity:one-word")
    features.add(f"entity:mentions:{_bucket(len(entity.mentions))}")
    features.add(f"entity:spoken:{_bucket(len(entity.salient))}")
    if entity.kind in NOT_SPEAKERS:
        features.add("entity:not-a-speaker")
    return features


def _bucket(value: int) -> int:
    return next((edge for edge in _DISTANCES if value <= edge), 99)


__all__ = ["Candidate", "candidates", "null_features"]

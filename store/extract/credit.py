"""Crediting each quotation's speaker: the rules' answers weighed against the other candidates.

After the rules have attributed every quotation (attribution.py), each one's candidates are
gathered (candidates.py) with the rules' answers as they stand, then the model chooses
(choice.py). The choice is written back with how it was found and the sentence that shows it,
so that an answer can say why it names whom it names.
"""

from __future__ import annotations

from store.extract.attribution import Attribution
from store.extract.candidates import Candidate, candidates, null_features
from store.extract.choice import Choice, Weights, choose
from store.extract.document import Document
from store.extract.evidence import evidence_sentence
from store.extract.people import People

#: The rule name of a speaker the model chose over the rules' answer (Quotation.speaker_rule).
MODEL_RULE = "attribution-model"


def credit_speakers(
    document: Document, people: People, results: list[Attribution], weights: Weights | None
) -> None:
    """Choose every quotation's speaker; the candidates all see the rules' answers."""
    options = [candidates(document, people, results, number) for number in range(len(results))]
    choices = [
        choose(found, null_features(document, result), weights)
        for found, result in zip(options, results, strict=True)
    ]
    for result, choice in zip(results, choices, strict=True):
        _credit(document, result, choice)


def _credit(document: Document, result: Attribution, choice: Choice) -> None:
    candidate = choice.candidate
    if candidate is None:
        return  # the rules found no one, and nobody near is likely enough
    result.confidence = choice.confidence
    result.found_by = candidate.how
    if candidate.rule:
        result.evidence = _rule_evidence(document, result)
        return
    result.rule = MODEL_RULE
    result.entity = candidate.entity
    result.speaker_as_written = candidate.as_written
    result.role = candidate.role
    result.evidence = _candidate_evidence(document, result, candidate)


def _rule_evidence(document: Document, result: Attribution) -> str | None:
    if result.cue is not None:
        return evidence_sentence(document, result.cue.verb)
    if result.entity is not None:
        return _last_credit(document, result, result.entity.salient or result.entity.mentions)
    return None


def _candidate_evidence(
    document: Document, result: Attribution, candidate: Candidate
) -> str | None:
    if candidate.at >= 0:
        return evidence_sentence(document, candidate.at)
    if candidate.entity is not None:
        return _last_credit(document, result, candidate.entity.salient)
    return None


def _last_credit(document: Document, result: Attribution, positions: list[int]) -> str | None:
    """The sentence where the article last credited or named the speaker before the quotation
    (for a continuation), else the first time after it."""
    before = [at for at in positions if at < result.quote.open]
    after = [at for at in positions if at > result.quote.close]
    at = before[-1] if before else (after[0] if after else None)
    return evidence_sentence(document, at) if at is not None else None


__all__ = ["MODEL_RULE", "credit_speakers"]

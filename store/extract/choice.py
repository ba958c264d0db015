"""Choosing each quotation's speaker among its candidates, and how sure that choice is.

A log-linear model: each candidate's score is the sum of the weights of its features
(candidates.py), "nobody" is one more option with features of its own, and a softmax over the
scores gives each a probability. The probability of the chosen speaker is the attribution's
confidence, which the verifier uses to decide whether it may call a paste misattributed.

Two sets of weights, both learned from annotated news by `bench/train_attribution.py` and
shipped as a small JSON file of feature weights (no text of the corpus): one for quotations
the rules gave a speaker (how likely their answer is right), one for quotations they gave none
(a person named near the quotation may be credited, when the model is sure enough). Without the
file, the rules' answers stand and carry no confidence.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from store.extract.candidates import Candidate

WEIGHTS_FILE = "attribution_weights.json"


@dataclass(frozen=True)
class Weights:
    #: For quotations the rules gave a speaker.
    answered: dict[str, float]
    #: For quotations they gave none.
    unanswered: dict[str, float]
    #: The least probability at which a speaker the rules did not find is credited.
    threshold: float

    def to_json(self) -> dict[str, object]:
        return {
            "answered": dict(sorted(self.answered.items())),
            "unanswered": dict(sorted(self.unanswered.items())),
            "threshold": self.threshold,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Weights:
        def table(key: str) -> dict[str, float]:
            value = data.get(key)
            if not isinstance(value, dict):
                raise ValueError(f"{WEIGHTS_FILE}: {key!r} is not a table of weights")
            return {str(name): float(weight) for name, weight in value.items()}

        threshold = data.get("threshold")
        if not isinstance(threshold, int | float):
            raise ValueError(f"{WEIGHTS_FILE}: 'threshold' is not a number")
        return cls(table("answered"), table("unanswered"), float(threshold))


@dataclass(frozen=True)
class Choice:
    candidate: Candidate | None
    #: The model's probability that `candidate` is the speaker.
    confidence: float | None


@cache
def shipped_weights() -> Weights | None:
    """The weights inside the package, or None when it has none (before the first training)."""
    resource = resources.files("store.extract").joinpath("data").joinpath(WEIGHTS_FILE)
    if not resource.is_file():
        return None
    return Weights.from_json(json.loads(resource.read_text("utf-8")))


def probabilities(
    weights: dict[str, float], options: list[Candidate], null: set[str]
) -> tuple[list[float], float]:
    """Each candidate's probability and nobody's, under `weights`."""
    scores = [_score(weights, option.features) for option in options]
    nobody = _score(weights, null)
    top = max([nobody, *scores])
    exponents = [math.exp(score - top) for score in scores]
    rest = math.exp(nobody - top)
    total = sum(exponents) + rest
    return [value / total for value in exponents], rest / total


def choose(options: list[Candidate], null: set[str], weights: Weights | None) -> Choice:
    """The speaker to credit, and how sure the model is.

    When the rules answered, their answer stands and the model says how likely it is right
    (letting the model overrule them lost more answers than it mended, in cross-validation on
    the training split). When they did not, the likeliest candidate is credited at
    `weights.threshold` or above.
    """
    rule = next((option for option in options if option.rule), None)
    if weights is None or not options:
        return Choice(rule, None)
    if rule is not None:
        chances, _ = probabilities(weights.answered, options, null)
        return Choice(rule, round(chances[options.index(rule)], 4))
    chances, _ = probabilities(weights.unanswered, options, null)
    best = max(range(len(options)), key=lambda index: chances[index])
    if chances[best] < weights.threshold:
        return Choice(None, None)
    return Choice(options[best], round(chances[best], 4))


def _score(weights: dict[str, float], features: set[str]) -> float:
    return sum(weights.get(feature, 0.0) for feature in features)


__all__ = ["Choice", "Weights", "choose", "probabilities", "shipped_weights"]

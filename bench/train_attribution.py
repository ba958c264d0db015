"""Train the attribution model: the weights that choose each quotation's speaker.

Usage:
    python bench/train_attribution.py TRAIN.jsonl [--validation VALIDATION.jsonl]
                                      [--out store/extract/data/attribution_weights.json]
                                      [--folds 5] [--epochs 15] [--seed 1]

Every annotated quotation of TRAIN.jsonl (the format bench/extraction.py reads) is attributed by
the rules, its candidates are gathered as extraction gathers them (store/extract/candidates.py)
and labelled with the annotated speaker (the benchmark's own "same person" test). Two
log-linear models are fitted by stochastic gradient descent on the softmax over each
quotation's candidates and "nobody" (AdaGrad, L2, a fixed seed, pure Python):
- `answered`, on the quotations the rules gave a speaker: how likely their answer is right
  (the model does not overrule them: in cross-validation that lost more than it mended);
- `unanswered`, on every quotation as if the rules had found no one, so that it learns who
  speaks from the words around the quotation alone, from thousands of examples instead of the
  few the rules leave open.
The least probability at which an unanswered quotation is given a speaker is chosen on
cross-validated predictions (`--folds`, by article) over every quotation as if unanswered:
where crediting stops paying, a wrong speaker costing as much as a right one gains. (The
quotations the rules leave open in the training split are a poor sample of those they leave
open elsewhere: the rules were written on this split, so what they leave here is mostly what
no reading could get right, such as a section heading the annotators named as the source.)

Accuracy is printed for the rules and the model side by side: in-sample, cross-validated on
the training split, and on the validation split (scores only). The weights
file holds feature names and numbers, never text of the corpus.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extraction import same_person

from store.article import Article
from store.extract.attribution import Attribution
from store.extract.candidates import Candidate, candidates, null_features
from store.extract.choice import WEIGHTS_FILE, Weights, probabilities
from store.extract.extractor import attribute_article

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "store" / "extract" / "data" / WEIGHTS_FILE
#: How much a quotation whose right speaker is no candidate teaches "nobody" (answered model).
NOBODY_WEIGHT = 0.3
L2 = 1e-4
LEARNING_RATE = 0.3
#: What a wrong speaker costs, in right ones: an unanswered quotation is credited where the
#: model is more often right than wrong (its confidence says how much more).
WRONG_COST = 1.0
SMALLEST_WEIGHT = 1e-3


@dataclass
class Instance:
    """One annotated quotation's choice: candidates' features, which are right, "nobody"."""

    features: list[frozenset[str]]
    right: list[bool]
    null: frozenset[str]


@dataclass
class Quoted:
    """An annotated quotation of one article, as each model sees it."""

    answered: Instance | None
    unanswered: Instance
    #: The rules' own answer is right.
    rules_right: bool
    #: A quoted stretch nobody annotated as an attribution (a title, a scare quote): the
    #: unanswered model learns "nobody" from the ones the rules left open. Not scored.
    unattributed: bool = False


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def quotations_of(article: dict) -> list[Quoted]:
    """Each quotation with an annotated speaker that the extraction finds, as instances."""
    attributed = attribute_article(Article(text=article["text"], outlet=article.get("outlet")))
    document, people, results = attributed.document, attributed.people, attributed.results
    found = []
    for gold in article["quotes"]:
        if gold["speaker_resolved_by"] != "gold" or not gold["speaker"]:
            continue
        number = _piece_of(results, gold["start"], gold["end"])
        if number is None:
            continue
        result = results[number]
        speaker = gold["speaker"]
        answered = None
        rules_right = False
        if result.speaker_as_written is not None:
            options = candidates(document, people, results, number)
            answered = _instance(options, null_features(document, result), speaker, result)
            rules_right = any(r for r, o in zip(answered.right, options, strict=True) if o.rule)
        options = candidates(document, people, results, number, as_unanswered=True)
        null = null_features(document, result, as_unanswered=True)
        found.append(Quoted(answered, _instance(options, null, speaker, None), rules_right))
    annotated = [(gold["start"], gold["end"]) for gold in article["quotes"]]
    for stretch in article.get("unannotated_quoted_spans", []):
        start, end = (stretch["start"], stretch["end"]) if isinstance(stretch, dict) else stretch
        number = _piece_of(results, start, end)
        if number is None or results[number].speaker_as_written is not None:
            continue
        span = results[number].quote.span
        if any(min(e, span.end) > max(s, span.start) for s, e in annotated):
            continue
        options = candidates(document, people, results, number)
        nobody = Instance(
            [frozenset(o.features) for o in options],
            [False] * len(options),
            frozenset(null_features(document, results[number])),
        )
        found.append(Quoted(None, nobody, False, unattributed=True))
    return found


def _piece_of(results: list[Attribution], start: int, end: int) -> int | None:
    for number, result in enumerate(results):
        span = result.quote.span
        overlap = min(end, span.end) - max(start, span.start)
        if overlap > 0 and 2 * overlap >= min(end - start, span.end - span.start):
            return number
    return None


def _instance(
    options: list[Candidate], null: set[str], speaker: str, result: Attribution | None
) -> Instance:
    right = []
    for option in options:
        names = [option.entity.name] if option.entity is not None else []
        names += [option.as_written] if option.as_written else []
        if option.rule and result is not None and result.entity is not None:
            names.append(result.entity.name)
        right.append(any(same_person(speaker, name) for name in names))
    return Instance([frozenset(o.features) for o in options], right, frozenset(null))


def fit(instances: list[tuple[Instance, float]], *, epochs: int, seed: int) -> dict[str, float]:
    """Softmax regression over each instance's options and "nobody" (AdaGrad, L2); each
    instance weighs what its pair says."""
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(lambda: 1e-8)
    order = list(instances)
    generator = random.Random(seed)
    for _ in range(epochs):
        generator.shuffle(order)
        for instance, scale in order:
            rows = [*instance.features, instance.null]
            wanted = [*instance.right, not any(instance.right)]
            scores = [sum(weights[f] for f in row) for row in rows]
            top = max(scores)
            exponents = [math.exp(score - top) for score in scores]
            total = sum(exponents)
            chances = [value / total for value in exponents]
            right_mass = sum(c for c, w in zip(chances, wanted, strict=True) if w)
            gradient: dict[str, float] = defaultdict(float)
            for chance, want, row in zip(chances, wanted, rows, strict=True):
                step = scale * (chance - (chance / right_mass if want else 0.0))
                for feature in row:
                    gradient[feature] += step
            for feature, value in gradient.items():
                value += L2 * weights[feature]
                squares[feature] += value * value
                weights[feature] -= LEARNING_RATE * value / math.sqrt(squares[feature])
    return {f: round(w, 4) for f, w in weights.items() if abs(w) >= SMALLEST_WEIGHT}


def best(weights: dict[str, float], instance: Instance) -> tuple[int, float]:
    """The likeliest candidate and its probability (-1 when there is none)."""
    if not instance.features:
        return -1, 0.0
    options = [_Option(features) for features in instance.features]
    chances, _ = probabilities(weights, options, set(instance.null))  # type: ignore[arg-type]
    index = max(range(len(chances)), key=lambda i: chances[i])
    return index, chances[index]


@dataclass
class _Option:
    """What `probabilities` reads of a candidate."""

    features: frozenset[str]


@dataclass
class Scores:
    total: int = 0
    rules: int = 0
    model: int = 0

    def row(self, name: str) -> list[str]:
        rules = self.rules / self.total if self.total else 0.0
        model = self.model / self.total if self.total else 0.0
        return [name, str(self.total), f"{rules:.3f}", f"{model:.3f}"]


def evaluate(weights: Weights, articles: Iterable[list[Quoted]]) -> Scores:
    """The rules' and the model's accuracy."""
    scores = Scores()
    for quoted_list in articles:
        for quoted in quoted_list:
            if quoted.unattributed:
                continue
            scores.total += 1
            scores.rules += quoted.rules_right
            if quoted.answered is not None:
                scores.model += quoted.rules_right  # the model keeps the rules' answers
                continue
            index, chance = best(weights.unanswered, quoted.unanswered)
            credited = index >= 0 and chance >= weights.threshold
            scores.model += credited and quoted.unanswered.right[index]
    return scores


def unanswered_predictions(
    weights: Weights, articles: Iterable[list[Quoted]]
) -> list[tuple[float, bool]]:
    """(probability, right) of the unanswered model's choice for every quotation, as if the
    rules had found no one."""
    found = []
    for quoted_list in articles:
        for quoted in quoted_list:
            index, chance = best(weights.unanswered, quoted.unanswered)
            if index >= 0:
                found.append((chance, quoted.unanswered.right[index]))
    return found


def _unanswered_training(articles: list[list[Quoted]]) -> list[tuple[Instance, float]]:
    """Every quotation as if unanswered: fully when a candidate is right, lightly as "nobody"
    when none is (the speaker was named by a pronoun or a description, which are not
    candidates), and fully as "nobody" for a quoted stretch that attributes nothing."""
    chosen = []
    for quoted_list in articles:
        for quoted in quoted_list:
            instance = quoted.unanswered
            if quoted.unattributed or any(instance.right):
                chosen.append((instance, 1.0))
            else:
                chosen.append((instance, NOBODY_WEIGHT))
    return chosen


def train(articles: list[list[Quoted]], options: argparse.Namespace, threshold: float) -> Weights:
    answered = [
        (q.answered, 1.0 if any(q.answered.right) else NOBODY_WEIGHT)
        for a in articles
        for q in a
        if q.answered is not None
    ]
    return Weights(
        fit(answered, epochs=options.epochs, seed=options.seed),
        fit(_unanswered_training(articles), epochs=options.epochs, seed=options.seed),
        threshold,
    )


def choose_threshold(predictions: list[tuple[float, bool]]) -> float:
    """The probability down to which crediting pays: the most right answers minus
    WRONG_COST for each wrong one, over the predictions ranked by probability."""
    ranked = sorted(predictions, key=lambda pair: -pair[0])
    chosen, best_gain, gain = 1.0, 0.0, 0.0
    for chance, is_right in ranked:
        gain += 1.0 if is_right else -WRONG_COST
        if gain > best_gain:
            chosen, best_gain = chance, gain
    return round(chosen, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("train", type=Path, help="annotated training articles, JSON Lines")
    parser.add_argument("--validation", type=Path, help="annotated articles, scored only")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write weights")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    articles = [quotations_of(article) for article in load(options.train)]
    folds = max(2, options.folds)
    held_out = Scores()
    predictions: list[tuple[float, bool]] = []
    fold_weights = []
    for fold in range(folds):
        fitted = train([a for i, a in enumerate(articles) if i % folds != fold], options, 1.0)
        fold_weights.append(fitted)
        held = [a for i, a in enumerate(articles) if i % folds == fold]
        predictions += unanswered_predictions(fitted, held)
    threshold = choose_threshold(predictions)
    for fold, fitted in enumerate(fold_weights):
        fitted = Weights(fitted.answered, fitted.unanswered, threshold)
        scores = evaluate(fitted, [a for i, a in enumerate(articles) if i % folds == fold])
        held_out.total += scores.total
        held_out.rules += scores.rules
        held_out.model += scores.model
    weights = train(articles, options, threshold)
    rows = [["split", "quotations", "rules", "rules + model"]]
    rows.append(evaluate(weights, articles).row(f"{options.train.stem} (in sample)"))
    rows.append(held_out.row(f"{options.train.stem} ({folds}-fold cross-validation)"))
    if options.validation is not None:
        validation = [quotations_of(article) for article in load(options.validation)]
        rows.append(evaluate(weights, validation).row(options.validation.stem))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print("speaker accuracy on annotated quotations the extraction finds")
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))
    print(
        f"threshold for quotations the rules leave open: {threshold}; "
        f"{len(weights.answered)} + {len(weights.unanswered)} weights -> {options.out}"
    )
    options.out.write_text(json.dumps(weights.to_json(), indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""The verifier benchmark's measured steps, each meant to run in a fresh process of its own.

A fresh process per step makes its peak RSS its own (`resource.getrusage` reports the largest
the process ever was, and a child starts at its parent's size) and makes "open time" what a bot
pays at start: imports warm in no cache, the archive opened from nothing. The steps talk through
files in the benchmark's work folder: the loader writes every quotation's kind and text, one a
line, which the query maker and the baseline read.
"""

from __future__ import annotations

import importlib
import json
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from store.normalise import quotation_words

if TYPE_CHECKING:
    from store.article import Article
    from store.quotation import Quotation

#: The naive baseline counts its best choice as a match at this partial_ratio score or above.
BASELINE_THRESHOLD = 90
_PROGRESS_STEPS = 10


@dataclass(frozen=True)
class Loaded:
    """How storing the archive went."""

    articles: int
    quotations: int
    #: Storing alone: the time spent inventing the articles is left out.
    seconds: float
    generation_seconds: float
    peak_rss: int


@dataclass(frozen=True)
class Answer:
    kind: str
    #: The answer counts a match (for quotebot, any verdict but not_found).
    matched: bool
    #: Top-1 right; for an absent query, "not matched".
    correct: bool
    seconds: float
    verdict: str
    best: str | None


@dataclass(frozen=True)
class Answers:
    """One system's answers to the queries, in query order, and what answering cost."""

    #: Getting ready to answer: for the baseline, reading every quotation text into a list.
    build_seconds: float | None
    #: From nothing to the first answer: opening, setting up, answering one query.
    ready_seconds: float
    peak_rss: int
    answers: list[Answer]


def call(module: str, function: str, *args: object) -> object:
    """`module.function(*args)`, imported here: the parent names steps without importing them."""
    return getattr(importlib.import_module(module), function)(*args)


def load(url: str, seed: int, size: int, texts_path: str) -> Loaded:
    """Invent the archive of `size` quotations and store it at `url` (an empty database)."""
    from verify_data import Newsroom

    from store.archive import Archive

    newsroom = Newsroom(seed, size)
    clock = _Clock()
    with open(texts_path, "w", encoding="utf-8") as texts, Archive.open(url) as archive:
        pairs = _recorded(newsroom.articles(), texts, clock, size)
        started = time.perf_counter()
        articles = archive.add_many(pairs)
        total = time.perf_counter() - started
        quotations = archive.stats().quotations
    if quotations != size:
        raise RuntimeError(f"the archive holds {quotations:,} quotations, not {size:,}")
    return Loaded(articles, quotations, total - clock.seconds, clock.seconds, peak_rss())


def refresh_statistics(url: str) -> None:
    """Bring a reused archive's index statistics to what this quotebot keeps (store.search.
    refresh), as an ingest would: they are derived, and not part of what identifies it."""
    from store.archive import Archive

    with Archive.open(url) as archive:
        archive.refresh_statistics()


def make_queries(texts_path: str, seed: int, size: int, per_kind: int, queries_path: str) -> int:
    """Write `per_kind` queries of each kind, built from the archived texts; return how many."""
    from verify_data import Newsroom
    from verify_queries import QueryMaker

    texts, direct = [], []
    for kind, text in _read_texts(texts_path):
        if kind == "direct":
            direct.append(len(texts))
        texts.append(text)
    maker = QueryMaker(texts, direct, Newsroom(seed, size).speech, seed)
    queries = maker.queries(per_kind)
    Path(queries_path).write_text(
        json.dumps([query.to_json() for query in queries], ensure_ascii=False), encoding="utf-8"
    )
    return len(queries)


def answer_with_quotebot(url: str, queries_path: str) -> Answers:
    """Open the archive, set up the verifier, and check every query."""
    from bot.verifier.verdict import Verdict
    from bot.verifier.verify import Verifier
    from store.archive import Archive

    queries = _read_queries(queries_path)
    started = time.perf_counter()
    with Archive.open(url) as archive:
        verifier = Verifier(archive)
        verifier.check(queries[0]["text"])
        ready = time.perf_counter() - started
        answers = []
        for number, query in enumerate(queries, 1):
            began = time.perf_counter()
            try:
                results = verifier.check(query["text"])
                failure = None
            except Exception as error:  # a bug to report as a miss, not to end an hour's run
                results, failure = [], f"error: {type(error).__name__}: {error}"
            seconds = time.perf_counter() - began
            result = results[0] if results else None
            matched = bool(result and result.verdict != Verdict.NOT_FOUND and result.matches)
            best = result.matches[0].text if matched and result else None
            verdict = failure or (str(result.verdict) if result else "no result")
            answers.append(_scored(query, matched, best, seconds, verdict))
            _progress("quotebot", number, len(queries))
    return Answers(None, ready, peak_rss(), answers)


def answer_with_baseline(texts_path: str, queries_path: str, per_kind: int) -> Answers:
    """rapidfuzz's extractOne with partial_ratio over every quotation text, on a sample."""
    from rapidfuzz import fuzz, process, utils

    everything = _read_queries(queries_path)
    queries = [everything[index] for index in sampled(everything, per_kind)]
    started = time.perf_counter()
    texts = [text for _, text in _read_texts(texts_path)]
    build = time.perf_counter() - started

    def best_of(query: str) -> tuple[str, float, int]:
        found = process.extractOne(
            query, texts, scorer=fuzz.partial_ratio, processor=utils.default_process
        )
        assert found is not None
        return found

    best_of(queries[0]["text"])
    ready = time.perf_counter() - started
    answers = []
    for number, query in enumerate(queries, 1):
        began = time.perf_counter()
        _, score, index = best_of(query["text"])
        seconds = time.perf_counter() - began
        matched = score >= BASELINE_THRESHOLD
        best = texts[index] if matched else None
        verdict = f"score {score:.0f}"
        answers.append(_scored(query, matched, best, seconds, verdict))
        _progress("baseline", number, len(queries))
    return Answers(build, ready, peak_rss(), answers)


def sampled(queries: list[dict], per_kind: int) -> list[int]:
    """Where the first `per_kind` queries of each kind are (each kind's are in random order)."""
    taken: dict[str, int] = {}
    chosen = []
    for index, query in enumerate(queries):
        if taken.get(query["kind"], 0) < per_kind:
            taken[query["kind"]] = taken.get(query["kind"], 0) + 1
            chosen.append(index)
    return chosen


def peak_rss() -> int:
    """The process's peak resident set size in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _scored(query: dict, matched: bool, best: str | None, seconds: float, verdict: str) -> Answer:
    """Top-1 is right when the best match has the source's words: the source or a reprint."""
    expected = query["expected"]
    if expected is None:
        correct = not matched
    else:
        correct = matched and best is not None and quotation_words(best) == expected
    return Answer(query["kind"], matched, correct, seconds, verdict, best)


class _Clock:
    seconds = 0.0


def _recorded(
    pairs: Iterator[tuple[Article, list[Quotation]]], texts: TextIO, clock: _Clock, size: int
) -> Iterator[tuple[Article, list[Quotation]]]:
    """The articles, each quotation written to `texts`, the time spent here added to `clock`."""
    written = 0
    step = max(1, size // _PROGRESS_STEPS)
    while True:
        began = time.perf_counter()
        try:
            article, quotations = next(pairs)
        except StopIteration:
            clock.seconds += time.perf_counter() - began
            return
        for quotation in quotations:
            if "\n" in quotation.text or "\t" in quotation.text:
                raise RuntimeError(f"a generated quotation spans lines: {quotation.text!r}")
            texts.write(f"{quotation.kind}\t{quotation.text}\n")
        before, written = written, written + len(quotations)
        clock.seconds += time.perf_counter() - began
        if before // step != written // step:
            print(f"  stored {written:,} of {size:,} quotations", file=sys.stderr, flush=True)
        yield article, quotations


def _read_texts(path: str) -> Iterable[tuple[str, str]]:
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            kind, _, text = line.rstrip("\n").partition("\t")
            yield kind, text


def _read_queries(path: str) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _progress(system: str, number: int, total: int) -> None:
    step = max(1, total // _PROGRESS_STEPS)
    if number % step == 0 or number == total:
        print(f"  {system} answered {number:,} of {total:,}", file=sys.stderr, flush=True)

"""The worker processes of `quotebot ingest --jobs N`: they parse a dump's lines as well as
extract articles, and a worker that dies costs no line."""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
from collections.abc import Iterator

import pytest

from store import pipeline
from store.article import Article
from store.extraction import Ready
from store.readers.failure import ReadFailure
from store.readers.quotebank import QuotebankLines


class _DyingLines(QuotebankLines):
    """Lines that kill the worker process reading them, as the kernel's out-of-memory killer
    would, and read as usual in the process that started the workers."""

    def read(self) -> Iterator[Article | ReadFailure]:
        if multiprocessing.parent_process() is not None:
            os._exit(1)
        return super().read()


def _lines(numbers: range) -> list[tuple[int, bytes | None]]:
    return [
        (
            number,
            json.dumps(
                {
                    "quoteID": f"2024-05-01-{number:06d}",
                    "quotation": f"The lock gates at berth {number} will be replaced by May.",
                    "speaker": "Oriel Vantongeren",
                    "urls": [f"https://canal-courier.example/berths/{number}"],
                }
            ).encode(),
        )
        for number in numbers
    ]


def test_lines_whose_worker_died_are_read_again_and_each_one_prepared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "_POOL_AFTER", 2)  # a pool for a few lines
    monkeypatch.setattr(pipeline, "_LINES_AN_ARTICLE", 1)
    chunks = [
        QuotebankLines("dump.json", _lines(range(1, 5)), 10_000),
        _DyingLines("dump.json", _lines(range(5, 9)), 10_000),
        QuotebankLines("dump.json", _lines(range(9, 13)), 10_000),
    ]
    outcomes = list(pipeline.prepared_in_order(chunks, 100, jobs=2))
    assert [read.source for read, _ in outcomes] == [f"dump.json:{n}" for n in range(1, 13)]
    assert all(isinstance(outcome, Ready) for _, outcome in outcomes)
    assert [read.url for read, _ in outcomes][4] == "https://canal-courier.example/berths/5"


def test_outcomes_wait_for_the_writer_at_a_bound_counted_in_outcomes_not_chunks() -> None:
    # A chunk of 512 dump lines weighs 512, one of 8 extracted articles 8: memory stays bounded
    # by what waits, however the chunks are cut.
    waiting = pipeline._ReadAhead(10)
    stop = threading.Event()
    waiting.put([1] * 6, stop)
    late = threading.Thread(target=waiting.put, args=([2] * 6, stop))
    late.start()
    late.join(0.3)
    assert late.is_alive()  # 12 would pass the bound: it waits for the writer
    assert waiting.get() == [1] * 6
    late.join(5)
    assert not late.is_alive()
    assert waiting.get() == [2] * 6
    waiting.put([3] * 50, stop)  # larger than the bound: let in alone
    assert waiting.get() == [3] * 50

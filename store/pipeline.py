"""Every source's articles extracted and prepared (store.extraction.ready), in input order,
by this process or by worker processes.

With `jobs` above 1 a feeder thread reads the sources, sends them to a pool of worker processes
in chunks, and hands back each chunk's results in the order the sources came, while the caller
(ingest's one writer) stores what came before. A Quotebank dump comes as lines that the
workers parse (QuotebankLines): the process that stores then only decompresses them, and every
core shares the parsing and preparing that were a one-process import's limit. Memory stays
bounded: at most `2 × jobs` chunks are being extracted and about `_WAITING` outcomes wait for
the writer. Each article keeps the limits of a one-process ingest (they are applied inside
`ready`), and an article that fails is a one-line error for that article alone; a worker
process that dies (killed, out of memory) costs its chunk's articles, each reported, and a new
pool takes the rest.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from store.article import Article
from store.extraction import Ready
from store.readers.quotebank import QuotebankLines
from store.worker import Item, Outcome, each_read, outcomes, start

#: Articles per task sent to a worker, and characters: enough to pay for the round trip (a
#: fraction of a millisecond against 40 ms of extraction), few enough that the writer gets its
#: first articles early and that little is left to store after the last is extracted. At 32,
#: a 600-article ingest with two workers took 7 % longer (bench/bulk.py's articles).
_CHUNK_ARTICLES = 8
_CHUNK_CHARS = 2_000_000
#: Articles to extract before the worker processes are started: fewer are extracted here.
_POOL_AFTER = 64
#: Quotebank lines that cost about what one article's extraction does (55 µs against 5 ms).
_LINES_AN_ARTICLE = 100
#: Outcomes read ahead of the writer at most: extracted articles, or a dump's lines.
_WAITING = 2_000
_DONE = object()
#: What a worker does with a chunk (store.worker.outcomes with the ingest's settings).
_Work = Callable[[list[Item]], list[Outcome]]


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def prepared_in_order(
    items: Iterable[Item], limit: int, jobs: int = 1, numbers: bool = False
) -> Iterator[Outcome]:
    """Each item with its outcome, in order; `jobs` worker processes do the extraction, and
    with `numbers` (a PostgreSQL archive) the index terms' numbers (store.prepared)."""
    work = functools.partial(outcomes, limit=limit, numbers=numbers)
    items = iter(items)
    head = _head(items) if jobs > 1 else []
    if jobs <= 1 or sum(map(_work, head)) < _POOL_AFTER:
        # A few articles (a story, a page someone adds from Slack) cost less here than
        # starting the worker processes would.
        for item in itertools.chain(head, items):
            yield from work([item])
        return
    items = itertools.chain(head, items)
    results = _ReadAhead(_WAITING)
    stop = threading.Event()
    feeder = threading.Thread(
        target=_feed, args=(items, work, jobs, results, stop), name="ingest-feeder", daemon=True
    )
    feeder.start()
    try:
        while (found := results.get()) is not _DONE:
            if isinstance(found, BaseException):
                raise found
            yield from found  # type: ignore[misc]
    finally:
        stop.set()  # a feeder waiting for room sees it within a tenth of a second
        feeder.join()


def _feed(
    items: Iterable[Item],
    work: _Work,
    jobs: int,
    results: _ReadAhead,
    stop: threading.Event,
) -> None:
    try:
        with _Workers(jobs, work) as workers:
            in_flight: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()
            for chunk in _chunks(items):
                if stop.is_set():
                    return
                in_flight.append((chunk, workers.submit(chunk)))
                while len(in_flight) > 2 * jobs:
                    _deliver(*in_flight.popleft(), workers, results, stop)
            while in_flight and not stop.is_set():
                _deliver(*in_flight.popleft(), workers, results, stop)
        results.put(_DONE, stop)
    except BaseException as error:  # handed to the writer's thread, which raises it
        results.put(error, stop)


def _deliver(
    chunk: list[Item],
    future: Future[list[Outcome]],
    workers: _Workers,
    results: _ReadAhead,
    stop: threading.Event,
) -> None:
    """Hand one chunk's outcomes to the writer's side."""
    try:
        done = future.result()
    except BrokenProcessPool:
        # A worker died: every chunk in flight fails the same way, and is done again in a new
        # pool, an article at a time; an article that kills its worker again is reported.
        done = [
            (read, workers.alone(read) if isinstance(read, Article) else None)
            for read in each_read(chunk)
        ]
    results.put(done, stop)


class _Workers:
    """The pool of worker processes, replaced when one of them dies."""

    def __init__(self, jobs: int, work: _Work) -> None:
        self.jobs = jobs
        self.work = work
        self.pool: ProcessPoolExecutor | None = None

    def _started(self) -> ProcessPoolExecutor:
        """The pool, started for the first article to extract."""
        if self.pool is None:
            self.pool = _pool(self.jobs)
        return self.pool

    def submit(self, chunk: list[Item]) -> Future[list[Outcome]]:
        if not any(map(_work, chunk)):
            # Nothing to extract or parse (failures, articles that come attributed): done here
            # for less than sending them to a worker and their rows back.
            done: Future[list[Outcome]] = Future()
            done.set_result(self.work(chunk))
            return done
        return self._started().submit(self.work, chunk)

    def alone(self, article: Article) -> Ready | str:
        """One article extracted in a pool of its own, since the one before broke."""
        try:
            [(_, outcome)] = self._fresh().submit(self.work, [article]).result()
        except BrokenProcessPool:
            return "extraction failed: its worker process died (killed, or out of memory)"
        assert outcome is not None  # an article's outcome
        return outcome

    def _fresh(self) -> ProcessPoolExecutor:
        if getattr(self.pool, "_broken", False):
            self._started().shutdown(wait=False, cancel_futures=True)
            self.pool = _pool(self.jobs)
        return self._started()

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *_: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _work(item: Item) -> float:
    """What an item costs a worker, in articles to extract."""
    if isinstance(item, QuotebankLines):
        return len(item) / _LINES_AN_ARTICLE
    return 1.0 if isinstance(item, Article) and item.given_quotations is None else 0.0


def _head(items: Iterator[Item]) -> list[Item]:
    """The first items, up to _POOL_AFTER articles' work (or as many items as that many
    articles' worth of Quotebank lines, when they cost nothing)."""
    head: list[Item] = []
    work = 0.0
    for item in items:
        head.append(item)
        work += _work(item)
        if work >= _POOL_AFTER or len(head) >= _POOL_AFTER * _LINES_AN_ARTICLE:
            break
    return head


def _chunks(items: Iterable[Item]) -> Iterator[list[Item]]:
    """Items a task at a time: a few articles, or one QuotebankLines."""
    chunk: list[Item] = []
    articles = chars = 0
    for item in items:
        if isinstance(item, QuotebankLines):
            if chunk:
                yield chunk
                chunk, articles, chars = [], 0, 0
            yield [item]
            continue
        chunk.append(item)
        if isinstance(item, Article):
            articles += 1
            chars += len(item.text)
        if articles >= _CHUNK_ARTICLES or chars >= _CHUNK_CHARS:
            yield chunk
            chunk, articles, chars = [], 0, 0
    if chunk:
        yield chunk


def _pool(jobs: int) -> ProcessPoolExecutor:
    # spawn: a worker starts from a clean interpreter, not a copy of this process with its
    # threads (the progress bar's, the feeder) and open database connections.
    return ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=start,
        initargs=(os.getpid(),),
    )


class _ReadAhead:
    """The chunks' outcomes the feeder has delivered and the writer not yet taken, at most
    `limit` outcomes (a chunk goes in whole, alone when it is larger): memory stays bounded
    however far the workers run ahead of a slow writer, by 2,000 extracted articles or about
    four chunks of a dump's lines alike. A chunk, the end (_DONE) or an error goes in."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.held: deque[object] = deque()
        self.outcomes = 0
        self.changed = threading.Condition()

    def put(self, value: object, stop: threading.Event) -> None:
        """Add `value` once there is room for it, unless the writer's side stopped first."""
        size = len(value) if isinstance(value, list) else 0
        with self.changed:
            while self.outcomes and self.outcomes + size > self.limit:
                if stop.is_set():
                    return
                self.changed.wait(0.1)
            self.held.append(value)
            self.outcomes += size
            self.changed.notify_all()

    def get(self) -> object:
        """The oldest value, once there is one."""
        with self.changed:
            while not self.held:
                self.changed.wait()
            value = self.held.popleft()
            self.outcomes -= len(value) if isinstance(value, list) else 0
            self.changed.notify_all()
            return value

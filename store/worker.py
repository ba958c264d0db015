"""What a worker process of `quotebot ingest --jobs N` runs (store.pipeline starts them).

A module of its own, importing extraction and of reading only a dump's lines, nothing of
storing: each worker is a fresh interpreter (spawned, see store.pipeline) that imports the
module of the function it runs, and importing the readers of web pages (HTTP, HTML) and
SQLAlchemy cost each worker more CPU than a few hundred articles' extraction repaid on a busy
machine.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator

from store import collection

with collection.imports_paused():  # in a worker, the import of extraction is its start-up
    from store.article import Article
    from store.extraction import Ready, ready
    from store.readers.failure import ReadFailure
    from store.readers.quotebank import QuotebankLines

#: What a source gives the pipeline: an article, a failure to read one, or lines of a dump.
Item = Article | ReadFailure | QuotebankLines
#: An article, or a failure, with what became of it: for an article, Ready or the one line
#: saying why it cannot be stored; for a failure, None.
Outcome = tuple[Article | ReadFailure, Ready | str | None]

#: How often a worker looks whether the ingest that started it still runs.
_PARENT_POLL_S = 0.2
#: How far a worker lowers its priority (`nice`; 19 is the lowest).
WORKER_NICENESS = 10


def outcomes(items: list[Item], limit: int, numbers: bool = False) -> list[Outcome]:
    """What a worker does with one chunk: every article read, extracted and prepared (with
    `numbers`, for PostgreSQL: store.prepared.prepare)."""
    return [
        (read, ready(read, limit, numbers) if isinstance(read, Article) else None)
        for read in each_read(items)
    ]


def each_read(items: list[Item]) -> Iterator[Article | ReadFailure]:
    """The items with each QuotebankLines read into its articles and failures."""
    for item in items:
        if isinstance(item, QuotebankLines):
            yield from item.read()
        else:
            yield item


def start(parent: int) -> None:
    """What each worker does first: give way to the process that stores, and watch it."""
    _give_way()
    watch_parent(parent)


def _give_way() -> None:
    """Run below the process that stores, and below the database server, whenever they want
    the same core.

    The writer (one process: SQLite's inserts, or PostgreSQL's server taking COPY) is a
    bulk import's limit, while the workers have work to spare: at equal priority a worker
    took a core from the writer as often as not. 100,000 Quotebank lines into PostgreSQL
    with `--jobs 2` on 2 cores: 16.2-17.1 s at equal priority, 15.5-15.6 s with the workers
    at WORKER_NICENESS. For the same reason a nightly ingest gives way to the Slack bot's
    checks on a shared machine. A worker that may not lower its priority runs as it is."""
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)


def watch_parent(parent: int) -> None:
    """In each worker: end when the ingest that started it is gone (killed, crashed), rather
    than wait for work forever holding its terminal or pipe open."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()

"""Python's cyclic garbage collector paused while ingest stores, and run only once enough new
objects have piled up.

A bulk import allocates millions of small objects (rows, terms, prepared articles) that are
freed by reference counting alone, yet every 700 allocations the collector walked the young
ones, and ever more often the whole heap as it grew: 20 % of the CPU of `quotebot ingest` of a
Quotebank dump (16.8 s against 13.1 s for 50,000 lines, bench/bulk.py's dump). The few cycles
an import does make must still be freed, or a dump of a hundred million lines would keep
gigabytes of them: `after_batch` collects, and then freezes what is left alive (gc.freeze), so
that the next collection walks only what was allocated since.

It collects only once COLLECT_AT more objects than it froze are alive or garbage (the
collector's own count, which objects freed by reference counting take back off): a batch makes
about thirty objects of cycles (SQLAlchemy's, the same for 5,000 Quotebank lines as for 300
extracted articles), while a collection walks every object of the batch still being stored,
about 0.7 µs each: one collection per batch was 6 % of a Quotebank import's CPU (1.5 s of 23 s
for 100,000 lines) to free thirty objects. What waits uncollected is bounded by COLLECT_AT.

Ingests may run in several threads of one process (the Slack bot): the first to begin pauses
the collector and the last to end restores it, unfrozen.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_active = 0
_was_enabled = True
#: Objects the collector counts as new (allocated less freed) since the last collection at
#: which `after_batch` collects: a few hundred megabytes at most, a few batches' worth.
COLLECT_AT = 1_000_000


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Within the block, no automatic collection; `after_batch` collects instead."""
    global _active, _was_enabled
    with _lock:
        if _active == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
            gc.freeze()  # what was alive before the ingest (modules, caches): not walked
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                gc.unfreeze()
                if _was_enabled:
                    gc.enable()


@contextlib.contextmanager
def imports_paused() -> Iterator[None]:
    """No automatic collection while a process imports its modules, and what they made set
    aside afterwards (gc.freeze), unless the collector was off before.

    Importing quotebot's commands (SQLAlchemy, the verifier, extraction) made the collector run
    220 times, ever more of them over the whole heap as it grew, for objects that live as long
    as the process: 0.78 s of CPU against 0.65 s without, before `quotebot ingest` reads its
    first article; a worker process of `ingest --jobs N` importing extraction 0.156 s against
    0.142 s. Frozen, they are not walked by later collections either."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


def after_batch() -> None:
    """Once COLLECT_AT new objects are counted, free the cycles among them and set aside what
    survived."""
    with _lock:
        if _active and gc.get_count()[0] >= COLLECT_AT:
            gc.collect()
            gc.freeze()


def before_exit() -> None:
    """The process is ending: set every object aside, so that the interpreter's last collection
    at shutdown walks none of them. That collection frees nothing the operating system would
    not (every cycle dies with the process), yet after an ingest, whose end unfreezes what
    `paused` set aside, it walked the whole heap: 0.13 s of `quotebot ingest` of 400 articles
    (2.3 s in all) between the command's last line and the process's end."""
    gc.freeze()

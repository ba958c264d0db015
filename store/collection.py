"""Python's cyclic garbage collector paused while ingest stores, and run once per batch.

A bulk import allocates millions of small objects (rows, terms, prepared articles) that are
freed by reference counting alone, yet every 700 allocations the collector walked the young
ones, and ever more often the whole heap as it grew: 20 % of the CPU of `quotebot ingest` of a
Quotebank dump (16.8 s against 13.1 s for 50,000 lines, bench/bulk.py's dump). The few cycles
an import does make (SQLAlchemy's compiled statements, a few hundred a batch) must still be
freed, or a dump of a hundred million lines would keep gigabytes of them: `after_batch`
collects, and then freezes what is left alive (gc.freeze), so that the next batch's collection
walks only what that batch allocated.

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


def after_batch() -> None:
    """Free the cycles made since the last batch, and set aside what survived them."""
    with _lock:
        if _active:
            gc.collect()
            gc.freeze()

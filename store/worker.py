"""What a worker process of `quotebot ingest --jobs N` runs (store.pipeline starts them).

A module of its own, importing extraction and nothing of reading or storing: each worker is a
fresh interpreter (spawned, see store.pipeline) that imports the module of the function it
runs, and importing the readers (HTTP, HTML) and SQLAlchemy cost each worker more CPU than a
few hundred articles' extraction repaid on a busy machine.
"""

from __future__ import annotations

import os
import threading
import time

from store import collection

with collection.imports_paused():  # in a worker, the import of extraction is its start-up
    from store.article import Article
    from store.extraction import Ready, ready

#: How often a worker looks whether the ingest that started it still runs.
_PARENT_POLL_S = 0.2


def ready_all(articles: list[Article], limit: int) -> list[Ready | str]:
    """What a worker does with one chunk."""
    return [ready(article, limit) for article in articles]


def watch_parent(parent: int) -> None:
    """In each worker: end when the ingest that started it is gone (killed, crashed), rather
    than wait for work forever holding its terminal or pipe open."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()

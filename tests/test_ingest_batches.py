"""How ingest gathers articles into batches for its one writer: extracted articles are stored as
they come whenever the writer is idle, so that little is left to store once extraction ends;
attributed Quotebank lines gather into ever larger batches."""

from __future__ import annotations

from store.article import Article
from store.bulk import Stored, Written
from store.extraction import Ready
from store.ingest import EXTRACTED_AT_ONCE, _Batches
from store.prepared import PreparedArticle, prepare


class _Recording:
    """An archive that stores nothing and remembers the size of each batch."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def store_batch(self, ready: list[PreparedArticle], written: Written) -> list[Stored]:
        self.sizes.append(len(ready))
        return [Stored(number, duplicate=False, quotations=0) for number in range(len(ready))]


def _batch_sizes(articles: list[Article]) -> list[int]:
    archive = _Recording()
    batches = _Batches(archive, None, None)  # type: ignore[arg-type]
    try:
        for article in articles:
            batches.add(article, Ready(prepare(article, [])))
            if batches.storing is not None:
                batches.storing[1].result()  # the writer keeps up: it is idle at each article
        batches.flush()
        batches.settle()
    finally:
        batches.close()
    assert sum(archive.sizes) == len(articles)
    return archive.sizes


def test_extracted_articles_are_stored_as_they_come_while_the_writer_keeps_up() -> None:
    articles = [Article(text=f"Story {n} of the Kestrel wire.", source=f"{n}") for n in range(300)]
    assert max(_batch_sizes(articles)) <= EXTRACTED_AT_ONCE


def test_attributed_lines_gather_into_growing_batches() -> None:
    lines = [
        Article(text=f"Line {n} of the dump.", source=f"{n}", given_quotations=())
        for n in range(300)
    ]
    assert max(_batch_sizes(lines)) > EXTRACTED_AT_ONCE

"""Which paragraphs of an article the paragraph index holds: those a paraphrase can be found in.

The paragraph search (bot.verifier.verify's `_in_paragraphs`) finds a pasted quote in the
writer's own words. Words it finds inside a direct or partial quotation of the article it
leaves to the quotation search, which speaks for them; so a paragraph lying wholly inside such
a quotation can never give it an answer: every Quotebank line (an article whose one paragraph
is its one quotation), a quotation of several paragraphs. Such a paragraph is neither stored
nor indexed: half of a Quotebank import's index, and the paragraph search's candidates left to
paragraphs that can answer.

Every writer keeps the same paragraphs (store.prepared for the bulk path, store.archive's
per-article writer, the reindex of store.search.rebuild), so that an import and a reindex of the
same articles store the same paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from store.extract.paragraphs import Paragraph, split_paragraphs
from store.quotation import Kind

#: A quotation's span in its article's text: (start, end), as stored.
Span = tuple[int, int]


def quoted_spans(quotations: Iterable[tuple[str, int, int]]) -> list[Span]:
    """The spans of the direct and partial quotations among (kind, start, end) triples: the
    words the paragraph search leaves to the quotation search (reported speech is the writer's
    own words, searched as a paragraph)."""
    return [(start, end) for kind, start, end in quotations if kind != Kind.REPORTED]


def searched_paragraphs(text: str, quoted: Sequence[Span]) -> list[Paragraph]:
    """The paragraphs of `text` (store.extract.paragraphs) not wholly inside one of the `quoted`
    spans: those the paragraph search can answer with."""
    paragraphs = split_paragraphs(text)
    if not quoted:
        return paragraphs
    return [
        paragraph
        for paragraph in paragraphs
        if not any(start <= paragraph.start and paragraph.end <= end for start, end in quoted)
    ]

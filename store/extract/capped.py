"""At most N quotations from one article, the first N in text order, at a cost bounded by N.

Real articles hold a hundred quotations at most; a hostile one (2 MB of `“a” said Bob.`) holds
142,857, and extracting, storing or printing them all costs gigabytes. The first N in text
order are kept: the top of an article is what its readers read, their offsets stay a prefix of
the text, and the choice is the same on every run. The article is read only up to where its
N+1st quoted passage opens, found by a cheap scan of the quotation marks before any tokens are
made, so a hostile article costs what an article of N quotations costs. Reported speech
(without marks) is cut by the same count afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from store.article import Article
from store.extract.document import MAX_CONTEXT_CHARS
from store.extract.extractor import MAX_ARTICLE_CHARS, extract_quotations
from store.extract.paragraphs import split_paragraphs
from store.extract.quotemarks import find_quote_spans
from store.quotation import Quotation

#: Every character a quoted passage can open with (straight, curly, low and angle marks).
_OPENING_MARKS = "\"“”„«»‟'‘‚"


@dataclass(frozen=True)
class CappedQuotations:
    """The quotations kept from one article, and whether the cap left any out."""

    quotations: list[Quotation]
    #: How many the article holds: exact, or when `estimated` the quoted passages its
    #: quotation marks make (the article was read only up to the cap).
    found: int
    limit: int
    estimated: bool = False

    @property
    def capped(self) -> bool:
        return self.found > len(self.quotations)


def extract_capped(article: Article, limit: int) -> CappedQuotations:
    """The first `limit` quotations of the article, in text order, and how many it holds."""
    text = article.text[:MAX_ARTICLE_CHARS]
    passages = _quoted_passages(text, limit)
    if passages is None or passages.count <= limit:
        quotations = extract_quotations(article)
        return CappedQuotations(quotations[:limit], len(quotations), limit)
    quotations = extract_quotations(replace(article, text=text[: passages.cut]))
    return CappedQuotations(quotations[:limit], passages.count, limit, estimated=True)


def cap_given(quotations: list[Quotation], limit: int) -> CappedQuotations:
    """The same cap on quotations a source gave (a Quotebank line) instead of extraction."""
    return CappedQuotations(quotations[:limit], len(quotations), limit)


@dataclass(frozen=True)
class _Passages:
    #: Quoted passages in the article.
    count: int
    #: Where to stop reading: the end of the paragraph where passage N+1 opens, so that the
    #: kept quotations read their paragraphs whole, or that opening itself when the paragraph
    #: is abnormally long.
    cut: int


def _quoted_passages(text: str, limit: int) -> _Passages | None:
    """The quoted passages, when the text could hold more than `limit` of them; None when it
    cannot (fewer marks than that), which every real article shows with one count."""
    if sum(text.count(mark) for mark in _OPENING_MARKS) <= limit:
        return None
    paragraphs = split_paragraphs(text)
    spans = find_quote_spans(text, paragraphs)
    if len(spans) <= limit:
        return _Passages(len(spans), len(text))
    following = spans[limit]
    end = paragraphs[following.paragraph].end
    return _Passages(
        len(spans), end if end - following.open <= MAX_CONTEXT_CHARS else following.open
    )

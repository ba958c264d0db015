"""From an article to its attributed quotations: the extraction pipeline in one place."""

from __future__ import annotations

from store.article import Article
from store.extract.attribution import Attribution, attribute
from store.extract.document import Document, prepare
from store.extract.nonspeech import is_not_speech
from store.extract.outlets import Outlets
from store.extract.people import People
from store.extract.reported import find_statements, statement_quotation
from store.quotation import Kind, Quotation

#: Extraction is linear, but an article larger than this is not news: cut, do not choke.
MAX_ARTICLE_CHARS = 2_000_000


def extract_quotations(article: Article) -> list[Quotation]:
    """Every quotation and reported statement of an article, in text order."""
    text = article.text[:MAX_ARTICLE_CHARS]
    document = prepare(text, lambda t, span, tokens: not is_not_speech(t, span, tokens))
    outside = [not quoted for quoted in document.quoted]
    people = People(document.tokens, outside, document.paragraph_of, set(document.sentence_starts))
    outlets = Outlets(document.tokens, article.outlet)
    # Learn the outlets the article names, so that "per the outlet" finds the last one.
    outlets.learn(document.quoted)
    outlets.relay(0, len(document.tokens) - 1, document.quoted)
    statements = find_statements(document, outlets)
    reported: list[Quotation] = []

    def report_until(token: int) -> None:
        while len(reported) < len(statements) and statements[len(reported)].first < token:
            reported.append(
                statement_quotation(document, people, outlets, statements[len(reported)])
            )

    results = attribute(document, people, outlets, before_quote=report_until)
    report_until(len(document.tokens))
    quotations = [_quotation(document, result) for result in results] + reported
    quotations.sort(key=lambda q: (q.start, q.end))
    return quotations


def _quotation(document: Document, result: Attribution) -> Quotation:
    span = result.quote.span
    context_start, context_end = document.context(span.paragraph, span.start, span.end)
    entity = result.entity
    return Quotation(
        text=document.text[span.start : span.end],
        start=span.start,
        end=span.end,
        kind=Kind.DIRECT if result.direct else Kind.PARTIAL,
        speaker=entity.name if entity is not None else None,
        speaker_as_written=result.speaker_as_written,
        speaker_role=result.role,
        reported_to=result.relay.reported_to,
        via=result.relay.via,
        context=document.text[context_start:context_end],
        context_start=context_start,
    )

"""From an article to its attributed quotations: the extraction pipeline in one place."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from store.article import Article
from store.extract.attribution import Attribution, attribute
from store.extract.choice import shipped_weights
from store.extract.credit import credit_speakers
from store.extract.document import Document, prepare
from store.extract.nonspeech import is_not_speech
from store.extract.outlets import Outlets
from store.extract.people import People
from store.extract.phrases import NAME, Mention
from store.extract.reported import find_statements, statement_quotation
from store.quotation import Kind, Quotation

#: Extraction is linear, but an article larger than this is not news: cut, do not choke.
MAX_ARTICLE_CHARS = 2_000_000
#: An opening quotation mark inside a quotation's words (not an apostrophe: "it's").
#: (The look-behind follows the mark, so that the search jumps from mark to mark.)
_MARKS = re.compile(r"[\"“„«‘‚]|'(?:(?<=^')|(?<=\s'))")


@dataclass
class Attributed:
    """An article after the attribution rules, before the model weighs their answers."""

    document: Document
    people: People
    #: One per quoted stretch, in text order.
    results: list[Attribution]
    #: Reported statements, with their speakers.
    reported: list[Quotation]


def extract_quotations(article: Article) -> list[Quotation]:
    """Every quotation and reported statement of an article, in text order."""
    attributed = attribute_article(article)
    document, people, results = attributed.document, attributed.people, attributed.results
    credit_speakers(document, people, results, shipped_weights())
    quotations = (
        _joined(document, results) + _nested(document, people, results) + attributed.reported
    )
    quotations.sort(key=lambda q: (q.start, q.end))
    return quotations


def attribute_article(article: Article) -> Attributed:
    """The article prepared and attributed by the rules (what the attribution model and its
    training start from)."""
    text = article.text[:MAX_ARTICLE_CHARS]
    document = prepare(text, lambda t, span, tokens: not is_not_speech(t, span, tokens))
    outside = [not quoted for quoted in document.quoted]
    people = People(document.tokens, outside, document.paragraph_of, set(document.sentence_starts))
    outlets = Outlets(document.tokens, article.outlet)
    # Learn the outlets the article names, so that "per the outlet" finds the last one.
    outlets.learn(document.quoted, people.runs)
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
    return Attributed(document, people, results, reported)


def _joined(document: Document, results: list[Attribution]) -> list[Quotation]:
    """One quotation per quotation, the pieces of one that runs over paragraphs joined."""
    quotations: list[Quotation] = []
    group: list[Attribution] = []
    for result in results:
        group.append(result)
        if not result.quote.span.continues:
            quotations.append(_quotation(document, group))
            group = []
    if group:
        quotations.append(_quotation(document, group))
    return quotations


def _nested(document: Document, people: People, results: list[Attribution]) -> list[Quotation]:
    """Quotations inside quotations: "He told me, 'Sign it or leave,' and walked out."

    The outer quotation's words are read as a little article of their own, so that "He" can be
    the "Pell" named a sentence earlier inside it; the names found are then resolved against
    the whole article ("Pell" is Gareth Pell).
    """
    nested: list[Quotation] = []
    for result in results:
        span = result.quote.span
        words = document.text[span.start : span.end]
        if not _MARKS.search(words):
            continue
        inner = prepare(words, lambda t, s, tokens: not is_not_speech(t, s, tokens), document.names)
        if not inner.quotes:
            continue
        outside = [not quoted for quoted in inner.quoted]
        surnames = frozenset(e.surname for e in people.entities if not e.organisation)
        inner_people = People(
            inner.tokens, outside, inner.paragraph_of, set(inner.sentence_starts), surnames
        )
        at = document.tokens.index_at(span.start)
        for found in attribute(inner, inner_people, Outlets(inner.tokens, None)):
            piece = _quotation(inner, [found])
            if found.entity is not None:
                named = Mention(at, at, NAME, found.entity.name, start=at)
                entity = people.resolve(replace(named, organisation=found.entity.organisation), at)
                if entity is not None:
                    piece = replace(
                        piece, speaker=entity.name, speaker_role=piece.speaker_role or entity.role()
                    )
            nested.append(
                replace(
                    piece,
                    start=piece.start + span.start,
                    end=piece.end + span.start,
                    **_context(document, span.paragraph, span.paragraph, span.start, span.end),
                )
            )
    return nested


def _context(
    document: Document, first: int, last: int, start: int, end: int
) -> dict[str, str | int]:
    """Where the quotation's context lies in the article's text, which it shares, not copies."""
    if first == last:
        context_start, context_end = document.context(first, start, end)
    else:
        context_start, context_end = document.paragraphs[first].start, document.paragraphs[last].end
    return {
        "context_start": context_start,
        "context_end": context_end,
        "article_text": document.text,
    }


_UNSET = object()


def _quotation(
    document: Document, pieces: list[Attribution], speaker: object = _UNSET
) -> Quotation:
    """A quotation from its piece (or the pieces of one that runs over several paragraphs)."""
    first, last = pieces[0].quote.span, pieces[-1].quote.span
    result = next((p for p in pieces if p.speaker_as_written is not None), pieces[0])
    entity = result.entity
    text = " ".join(document.text[p.quote.span.start : p.quote.span.end] for p in pieces)
    return Quotation(
        text=text,
        start=first.start,
        end=last.end,
        kind=Kind.DIRECT if pieces[0].direct else Kind.PARTIAL,
        speaker=entity.name if entity is not None else None,
        speaker_as_written=result.speaker_as_written,
        speaker_role=result.role,
        reported_to=result.relay.reported_to,
        via=result.relay.via,
        **_context(document, first.paragraph, last.paragraph, first.start, last.end),
        speaker_found_by=result.found_by,
        speaker_evidence=result.evidence,
        speaker_confidence=result.confidence,
        speaker_rule=result.rule if result.speaker_as_written is not None else None,
    )

"""Small invented articles and their quotations, built with correct offsets, for archive tests.

The people, outlets and events are made up for the tests.
"""

from __future__ import annotations

import datetime as dt

from store.article import Article
from store.quotation import Kind, Quotation

FERRY_STORY = (
    "The ferry terminal at Port Ellery will reopen in March, officials said on Tuesday.\n\n"
    '"We will reopen the terminal before the spring tides," said Harriet Vale, the harbour '
    'master. Vale added that repairs were "nearly finished".\n\n'
    "Osric Penhallow, a councillor, told the Kestrel Gazette that the budget was tight. "
    '"Every penny went into the pier," he said.'
)


def article(
    text: str = FERRY_STORY,
    *,
    outlet: str | None = "Northfold Courier",
    url: str | None = "https://northfold-courier.example/news/ferry-terminal",
    published: dt.date | None = dt.date(2024, 3, 5),
    title: str | None = "Ferry terminal to reopen in March",
    source: str = "ferry.txt",
) -> Article:
    return Article(
        text=text, title=title, outlet=outlet, url=url, published=published, source=source
    )


def quotation(
    text: str,
    words: str,
    *,
    speaker: str | None = None,
    kind: Kind = Kind.DIRECT,
    speaker_as_written: str | None = None,
    speaker_role: str | None = None,
    reported_to: str | None = None,
    via: str | None = None,
) -> Quotation:
    """The quotation of `words` in `text`, located at their first occurrence."""
    start = text.index(words)
    context_start = text.rfind("\n\n", 0, start)
    context_start = 0 if context_start < 0 else context_start + 2
    context_end = text.find("\n\n", start)
    context_end = len(text) if context_end < 0 else context_end
    return Quotation(
        text=words,
        start=start,
        end=start + len(words),
        kind=kind,
        speaker=speaker,
        speaker_as_written=speaker_as_written or speaker,
        speaker_role=speaker_role,
        reported_to=reported_to,
        via=via,
        context_start=context_start,
        context_end=context_end,
        article_text=text,
    )


def ferry_quotations(text: str = FERRY_STORY) -> list[Quotation]:
    """The three quotations of FERRY_STORY as extraction should find them."""
    return [
        quotation(
            text,
            "We will reopen the terminal before the spring tides,",
            speaker="Harriet Vale",
            speaker_role="the harbour master",
        ),
        quotation(
            text,
            "nearly finished",
            speaker="Harriet Vale",
            speaker_as_written="Vale",
            kind=Kind.PARTIAL,
        ),
        quotation(
            text,
            "Every penny went into the pier,",
            speaker="Osric Penhallow",
            speaker_as_written="he",
            speaker_role="a councillor",
        ),
    ]

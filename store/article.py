"""The article as every reader hands it to extraction and the archive.

Readers differ in what they can learn (an HTML page knows its site name, a text file may only
know its trailing "Read the original article on X" line), so everything but the text is
optional; an ingest command's `--outlet`, `--url` and `--published` fill the gaps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum

from store.quotation import Quotation


class AddedVia(StrEnum):
    """How an article came into the archive: a newsroom trusts what its operator ingested
    differently from a page anyone allowed could add from Slack (bot.verifier.trust)."""

    #: `quotebot ingest` (or a program using the archive directly): the operator's choice.
    CLI = "cli"
    #: `/quote add` in Slack: who asked is in the audit log of adds (store.add_request).
    SLACK = "slack"


@dataclass(frozen=True)
class Article:
    """One news article, normalised to plain text with paragraphs separated by blank lines."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    byline: str | None = None
    #: Where the article came from (a path, a URL, `path:line`), for messages and reports.
    source: str = "-"
    #: The id an export gave the article (JSON Lines `id`), echoed back by `extract --jsonl`.
    external_id: str | int | None = None
    #: Where a page fetched by URL said it belongs when that is another site (its canonical
    #: address and site name): claims, not where it was found (store.readers.provenance).
    claimed_url: str | None = None
    claimed_outlet: str | None = None
    #: The address a source read from a URL was downloaded from, after redirects.
    fetched_from: str | None = None
    #: How it came into the archive.
    added_via: AddedVia = AddedVia.CLI
    #: Quotations already attributed by the source (a Quotebank dump); None means "extract them".
    given_quotations: tuple[Quotation, ...] | None = field(default=None, compare=False)
    #: Whether `url` names this article alone, so that another article at the same address is
    #: a duplicate. A Quotebank line's URL is an article that printed the quotation, and one
    #: article prints several: those lines are told apart by their text.
    keyed_by_url: bool = True

    def with_defaults(
        self,
        *,
        outlet: str | None = None,
        url: str | None = None,
        published: dt.date | None = None,
    ) -> Article:
        """Fill what the reader could not learn from values given on the command line."""
        filled = (self.outlet or outlet, self.url or url, self.published or published)
        if filled == (self.outlet, self.url, self.published):
            return self  # nothing to fill: the same article (a bulk import reads millions)
        return replace(self, outlet=filled[0], url=filled[1], published=filled[2])


@dataclass(frozen=True)
class ArticleDefaults:
    """What an ingest gives each article it reads: the command's `--outlet`, `--url` and
    `--published` where the reader found none, and how the articles came.

    A value rather than a closure, so that the worker processes that read a Quotebank dump's
    lines (store.pipeline) apply the same to theirs."""

    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    added_via: AddedVia = AddedVia.CLI

    def __call__(self, article: Article) -> Article:
        """The article with these filled in, copied only when that changes it."""
        article = article.with_defaults(outlet=self.outlet, url=self.url, published=self.published)
        if article.added_via == self.added_via:
            return article
        return replace(article, added_via=self.added_via)

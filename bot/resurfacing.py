"""Ruled quotes that come back: in an article being ingested, in a draft under review, in a
Slack message. Each place where one turns up is recorded once (store.rulings reappearances),
and only the first to record it raises an alert, so a retried delivery, a second ingest of the
same article or a draft reviewed twice alerts once.

The same for every entry point: the command line prints the alerts on stderr and in `--json`;
the Slack bot posts them (bot.slack, on top of this).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.verifier.rulings import ruling_for
from bot.verifier.verdict import CheckResult
from bot.wording import reappearance_sentence
from store.archive import Archive
from store.article import Article
from store.quotation import Quotation
from store.rulings import Ruling, article_place, draft_place

#: How much of an article's title an alert names.
TITLE_CHARS = 120


@dataclass(frozen=True)
class Alert:
    """A ruled quote seen at a new place."""

    ruling: Ruling
    #: The place's key (store.rulings.article_place, draft_place, slack_place).
    place: str
    #: The place as people read it: `“Strike talks stall” (Harbour Post, https://…)`.
    where: str
    #: The words as they turned up.
    text: str

    @property
    def sentence(self) -> str:
        return reappearance_sentence(self.ruling, self.where)

    def to_json(self) -> dict[str, object]:
        return {
            "message": self.sentence,
            "where": self.where,
            "place": self.place,
            "text": self.text,
            "ruling": self.ruling.to_json(),
        }


def ruled_quotes(archive: Archive, texts: Iterable[str]) -> list[tuple[str, Ruling]]:
    """Each of these quoted texts that the desk has ruled on, with its ruling (a ruling once,
    at the first text that matches it)."""
    snapshot = archive.rulings_snapshot()
    if not len(snapshot):
        return []
    return ruled_once((text, ruling_for(snapshot, text)) for text in texts)


def ruled_once(found: Iterable[tuple[str, Ruling | None]]) -> list[tuple[str, Ruling]]:
    """The (text, ruling) pairs that have a ruling, each ruling once, with its first text."""
    ruled: dict[int, tuple[str, Ruling]] = {}
    for text, ruling in found:
        if ruling is not None and ruling.id not in ruled:
            ruled[ruling.id] = (text, ruling)
    return list(ruled.values())


def alerts_at(
    archive: Archive, place: str, where: str, ruled: Iterable[tuple[str, Ruling]]
) -> list[Alert]:
    """Record each ruled quote's reappearance at `place`; the alerts for those seen there for
    the first time."""
    alerts = []
    for text, ruling in ruled:
        if archive.record_reappearance(ruling, place, text=text, detail=where):
            alerts.append(Alert(ruling, place, where, text))
    return alerts


def article_alerts(archive: Archive, article: Article, quoted: Iterable[str]) -> list[Alert]:
    """The alerts for the ruled quotes among an ingested article's quotations."""
    ruled = ruled_quotes(archive, quoted)
    if not ruled:
        return []
    return alerts_at(
        archive, article_place(article.url, article.text), article_where(article), ruled
    )


def draft_alerts(
    archive: Archive, draft: Article, reviewed: Iterable[tuple[Quotation, CheckResult]]
) -> list[Alert]:
    """The alerts for the ruled quotes of a draft under review (its checks found the rulings
    already): a draft reviewed again is the same place, and alerts no more."""
    ruled = ruled_once((quotation.text, result.ruling) for quotation, result in reviewed)
    if not ruled:
        return []
    title = draft.title or draft.source
    return alerts_at(archive, draft_place(draft.text), f"the draft “{title}”", ruled)


def article_where(article: Article) -> str:
    """`“Title” (Outlet, https://…)`, or what of it the article has, else its source."""
    title = article.title or ""
    title = title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"
    details = ", ".join(part for part in (article.outlet, article.url) if part)
    named = f"“{title}”" if title else article.source
    return f"{named} ({details})" if details else named

"""`/quote add <url>`: one article, from a public address, within a time limit, on the record.

Only http(s) addresses on public networks are fetched (bot.slack.safe_urls), the download has a
time limit (SLACK_ADD_SECONDS), and only one web page or one text is taken: a feed, a JSON Lines
export or a Quotebank dump would let one message put thousands of articles, with whatever
outlets they name, into the archive everyone checks against. The page is stored under the
address it was fetched from (store.readers.provenance), and every add, whatever came of it, is
recorded in the audit log: who asked, when, the address asked and the address fetched. Only
the people the newsroom names may add (bot.slack.add_access); a refusal is on the record too.
The article is stored as added from Slack (store.article.AddedVia), which the verifier counts
as unvetted unless the newsroom trusts its site (bot.verifier.trust). A ruled quote the article
prints is alerted (bot.slack.alerts) to the person who added it and in the alerts channel, once
per article.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.resurfacing import Alert, article_alerts
from bot.slack import notices
from bot.slack.add_access import Refusal
from bot.slack.alerts import WHERE_CHARS, announce
from bot.slack.answers import Asked
from bot.slack.mrkdwn import fit
from bot.slack.safe_urls import UnsafeURL, checked_url
from bot.slack.services import Services
from store.add_request import AddOutcome, AddRequest
from store.archive import AddResult
from store.article import AddedVia, Article
from store.errors import ArchiveError
from store.ingest import IngestReport, ingest
from store.readers.sources import ONE_ARTICLE

logger = logging.getLogger(__name__)

Message = dict[str, Any]


def add_article(
    services: Services,
    url: str,
    asked: Asked,
    progress: Callable[[Message], object],
    client: WebClient | None = None,
) -> Message:
    """Fetch and store the article at `url` for `asked`, if they may add (bot.slack.add_access:
    `client` reads user groups); the reply saying what came of it. `progress` is told when the
    download starts."""
    refusal = services.add_gate.refusal(client, asked.workspace, asked.user)
    if refusal is not None:
        _record(services, asked, url, AddOutcome.REFUSED, detail=refusal.detail)
        return _refused(refusal)
    try:
        checked = checked_url(url)
    except UnsafeURL as refused:
        _record(services, asked, url, AddOutcome.REFUSED, detail=str(refused))
        return notices.notice(f":x: Not added: {refused}")
    progress(notices.adding(checked))
    stored: list[tuple[Article, AddResult]] = []
    alerts: list[Alert] = []
    report = ingest(
        [checked],
        services.archive,
        transport=services.fetch_transport(),
        formats=ONE_ARTICLE,
        added_via=AddedVia.SLACK,
        download_seconds=services.settings.limits.add_seconds,
        on_stored=lambda article, result: stored.append((article, result)),
        on_quoted=lambda article, quoted: alerts.extend(
            article_alerts(services.archive, article, quoted)
        ),
    )
    article, result = stored[0] if stored else (None, None)
    _record(
        services,
        asked,
        checked,
        _outcome(report),
        url_fetched=article.fetched_from if article else None,
        article_id=result.article_id if result else None,
        detail=report.errors[0].error if report.errors else None,
    )
    if alerts:
        shown = f"{fit(alerts[0].where, WHERE_CHARS)}, added with `/quote add`"
        announce(services, client, alerts, progress, shown=shown)
    return notices.added(checked, report)


def _refused(refusal: Refusal) -> Message:
    if refusal.not_configured:
        return notices.adding_not_configured()
    if refusal.lookup_failed:
        return notices.add_access_unknown()
    return notices.not_allowed_to_add()


def _outcome(report: IngestReport) -> AddOutcome:
    if report.errors or not (report.articles or report.duplicates):
        return AddOutcome.FAILED
    return AddOutcome.STORED if report.articles else AddOutcome.DUPLICATE


def _record(services: Services, asked: Asked, url: str, outcome: AddOutcome, **found: Any) -> None:
    """Put the add in the audit log; the reply goes out even when the log cannot be written."""
    request = AddRequest(
        workspace=asked.workspace,
        channel=asked.channel,
        user=asked.user,
        url_asked=url,
        outcome=outcome,
        **found,
    )
    try:
        services.archive.record_add(request)
    except ArchiveError:
        logger.exception("could not record an add in the audit log")

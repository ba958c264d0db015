"""`/quote`: a private answer to a pasted quote, and the `help`, `stats` and `add` subcommands.

Acknowledged at once with an empty body; the answer follows through the command's
response_url, which works in every channel, including those the bot was never invited to.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot import slack_blocks
from bot.slack import notices
from bot.slack.answers import Asked, answers, message
from bot.slack.replies import respond_to
from bot.slack.safe_urls import UnsafeURL, checked_url
from bot.slack.services import Services, services_of, workspace_of
from store.errors import ArchiveError
from store.ingest import ingest

COMMAND = "/quote"
#: `add` followed by a link: Slack sends links as `<https://…>` or `<https://…|label>`.
_ADD = re.compile(r"add\s+<?(?P<url>[A-Za-z][A-Za-z0-9+.\-]*:[^\s|>]*)(?:\|[^>]*)?>?\s*", re.I)

logger = logging.getLogger(__name__)


def register(app: App) -> None:
    app.command(COMMAND)(quote_command)


def quote_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    ack()
    response_url = command.get("response_url")
    services = services_of(context)
    text = str(command.get("text") or "").strip()
    try:
        reply = _reply(services, text, command, context)
    except ArchiveError:
        logger.exception("/quote could not reach the archive")
        reply = [notices.archive_unavailable()]
    except Exception:
        logger.exception("/quote failed")
        reply = [notices.something_went_wrong()]
    for each in reply:
        respond_to(response_url, {"response_type": "ephemeral", **each})


def _reply(
    services: Services, text: str, command: dict[str, Any], context: BoltContext
) -> list[dict[str, Any]]:
    word = text.lower()
    if word in ("", "help"):
        return [{"blocks": slack_blocks.help_blocks(), "text": slack_blocks.help_text()}]
    if word == "stats":
        stats = services.archive.stats()
        blocks = slack_blocks.stats_blocks(stats, stats.lookups, stats.feedback)
        return [
            {"blocks": blocks, "text": f"{stats.articles} articles, {stats.quotations} quotations"}
        ]
    if word == "add":
        return [notices.add_usage()]
    added = _ADD.fullmatch(text)
    if added:
        return [_add(services, added.group("url"), command.get("response_url"))]
    asked = Asked(
        workspace=workspace_of(context),
        channel=command.get("channel_id"),
        user=command.get("user_id"),
        source="command",
    )
    return [message(answer, ephemeral=True) for answer in answers(services, text, asked)]


def _add(services: Services, url: str, response_url: str | None) -> dict[str, Any]:
    """Ingest the article at `url`; only public http(s) addresses are fetched."""
    try:
        checked = checked_url(url)
    except UnsafeURL as refused:
        return notices.notice(f":x: Not added: {refused}")
    respond_to(response_url, {"response_type": "ephemeral", **notices.adding(checked)})
    report = ingest([checked], services.archive, transport=services.fetch_transport())
    return notices.added(checked, report)

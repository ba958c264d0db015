"""Events: `@quotebot` mentions, direct messages, messages in watched channels, the App Home.

A mention, or a direct message to the bot, is always answered, in its thread. A message in a
watched channel is answered, in its thread, only when the archive knows something about a quote
in it; otherwise the bot stays silent. Edits, deletions, other bots' messages and thread
broadcasts are not new questions and are ignored (Bolt already drops the bot's own messages).
A mention in a channel the bot reads arrives both as `app_mention` and as `message`: the
message listener leaves mentions to the mention listener, and both claim (channel, ts) first,
so only one answers. A message sharing a file with the bot is a draft to review
(bot.slack.listeners.review), not a question. A ruled quote in a mention, a direct message or
a watched message is alerted in the same thread and in the alerts channel, once per message
(bot.slack.alerts). The App Home shows the desk's latest rulings and the ruled quotes that came
back the most (bot.slack.home).

Bolt acknowledges events itself; the listeners only sort out what needs an answer and hand the
work to a worker (bot.slack.workers). When the workers are all busy, or the check fails, a
mention is told so in its thread, and a watched message, which nobody asked about, goes
unanswered (the failure is logged).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.slack import notices
from bot.slack.alerts import alert_checks, message_spot
from bot.slack.answers import Asked, answers, message
from bot.slack.home import LATEST_SHOWN, MOST_PASTED_SHOWN, home_with_rulings
from bot.slack.replies import post_in_thread
from bot.slack.services import Services, services_of, workspace_of
from store.errors import ArchiveError

#: Message subtypes that are new messages people wrote; every other subtype is ignored.
_NEW_MESSAGE_SUBTYPES = {None, "file_share"}
RECENT_LOOKUPS_SHOWN = 10

Message = dict[str, Any]

logger = logging.getLogger(__name__)


def register(app: App) -> None:
    app.event("app_mention")(answer_mention)
    app.event("message")(answer_watched_channel)
    app.event("app_home_opened")(publish_home)


def answer_mention(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    services = services_of(context)
    channel, ts = event.get("channel"), event.get("ts")
    if not channel or not ts or _from_a_bot(event) or event.get("subtype") or event.get("edited"):
        return
    if event.get("files"):
        return  # a draft shared with a mention: reviewed by bot.slack.listeners.review
    asked = Asked(workspace_of(context), channel, event.get("user"), "mention")
    tell = partial(post_in_thread, client, channel, event.get("thread_ts") or ts)
    job = partial(_mention, services, event, client, asked, tell)
    if not services.work.checks.submit(job, doing="a mention", tell=tell):
        services.work.reply(partial(tell, notices.busy()))


def _mention(
    services: Services,
    event: dict[str, Any],
    client: WebClient,
    asked: Asked,
    tell: Callable[[Message], object],
) -> None:
    """Answer in the mention's thread (a failure is told there by the workers), and alert
    when a ruled quote turned up in it."""
    channel, ts = event["channel"], event["ts"]
    if not services.dedupe.first_answer(asked.workspace, channel, ts):
        return
    found = answers(services, event.get("text") or "", asked)
    for answer in found:
        tell(message(answer))
    spot = partial(message_spot, client, asked.workspace, channel, ts)
    alert_checks(services, client, (answer.result for answer in found), spot, tell)


def answer_watched_channel(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    if event.get("channel_type") == "im":
        if not event.get("subtype"):
            answer_mention(event, client, context)  # a direct message is a question to the bot
        return
    services = services_of(context)
    channel, ts = event.get("channel"), event.get("ts")
    if channel not in services.settings.watched_channels or not ts:
        return
    if event.get("subtype") not in _NEW_MESSAGE_SUBTYPES or _from_a_bot(event):
        return
    text = event.get("text") or ""
    if context.bot_user_id and f"<@{context.bot_user_id}>" in text:
        return  # a mention: answered by answer_mention
    asked = Asked(workspace_of(context), channel, event.get("user"), "channel")
    # Nobody asked: when the workers are busy, or the check fails, it is logged; never posted.
    services.work.checks.submit(
        partial(_watched, services, event, client, asked),
        doing=f"checking a message in watched channel {channel}",
        tell=None,
    )


def _watched(services: Services, event: dict[str, Any], client: WebClient, asked: Asked) -> None:
    channel, ts = event["channel"], event["ts"]
    if not services.dedupe.first_answer(asked.workspace, channel, ts):
        return
    found = answers(services, event.get("text") or "", asked, only_known=True)
    tell = partial(post_in_thread, client, channel, event.get("thread_ts") or ts)
    for answer in found:
        tell(message(answer))
    spot = partial(message_spot, client, asked.workspace, channel, ts)
    alert_checks(services, client, (answer.result for answer in found), spot, tell)


def publish_home(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    if event.get("tab") != "home" or not event.get("user"):
        return
    services = services_of(context)
    home = partial(_home, services, client, workspace_of(context), event["user"])
    # When busy, or when publishing fails (logged), the tab shows what it showed before.
    services.work.checks.submit(home, doing="the App Home", tell=None)


def _home(services: Services, client: WebClient, workspace: str, user: str) -> None:
    archive = services.archive
    try:
        stats = archive.stats()
        recent = archive.recent_lookups(workspace, user, limit=RECENT_LOOKUPS_SHOWN)
        latest = archive.latest_rulings(limit=LATEST_SHOWN)
        most_pasted = archive.most_pasted_rulings(limit=MOST_PASTED_SHOWN)
    except ArchiveError:
        logger.exception("the App Home could not reach the archive")
        stats, recent, latest, most_pasted = None, [], [], []
    pairs = [(lookup.query, lookup.verdict) for lookup in recent]
    view = home_with_rulings(stats, pairs, latest, most_pasted)
    client.views_publish(user_id=user, view=view)


def _from_a_bot(event: dict[str, Any]) -> bool:
    return bool(event.get("bot_id") or event.get("bot_profile"))

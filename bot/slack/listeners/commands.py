"""`/quote`: a private answer to a pasted quote, and the `help`, `stats`, `add` and `review`
subcommands (`review` opens a form for a draft: bot.slack.listeners.review).

Acknowledged at once, and the work handed to a worker (bot.slack.workers): the answer follows
through the command's response_url, which works in every channel, including those the bot was
never invited to. When the workers are all busy, or someone has added too many articles in the
last hour, the acknowledgement itself says so, politely; a failure is answered politely through
the response_url by the workers' guard. A paste holding a ruled quote is alerted privately and
in the alerts channel (bot.slack.alerts); each `/quote` is a place of its own.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.slack import card, notices
from bot.slack.adding import add_article
from bot.slack.alerts import alert_checks, command_spot, ruled_by
from bot.slack.answers import Asked, answers, message
from bot.slack.listeners.review import open_review_form
from bot.slack.replies import respond_to
from bot.slack.services import Services, services_of, workspace_of
from bot.slack.workers import Slot

COMMAND = "/quote"
#: `add` followed by a link: Slack sends links as `<https://…>` or `<https://…|label>`.
_ADD = re.compile(r"add\s+<?(?P<url>[A-Za-z][A-Za-z0-9+.\-]*:[^\s|>]*)(?:\|[^>]*)?>?\s*", re.I)

Message = dict[str, Any]


def register(app: App) -> None:
    app.command(COMMAND)(quote_command)


def quote_command(
    ack: Ack, command: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    services = services_of(context)
    text = str(command.get("text") or "").strip()
    if text.lower() == "review":
        ack()
        open_review_form(services, client, command)
        return
    response_url = command.get("response_url")
    asked = Asked(
        workspace=workspace_of(context),
        channel=command.get("channel_id"),
        user=command.get("user_id"),
        source="command",
    )
    added = _ADD.fullmatch(text)
    if added:
        slot, refusal = _add_slot(services, asked)
        job = partial(_add, services, added.group("url"), asked, response_url, context.client)
        doing = f"{COMMAND} add"
    else:
        slot, refusal = services.work.checks.reserve(), notices.busy()
        job = partial(_answer, services, text, asked, response_url, client)
        doing = COMMAND
    if slot is None:
        ack(**refusal)
        return
    ack()
    slot.run(job, doing=doing, tell=partial(_respond, response_url))


def _add_slot(services: Services, asked: Asked) -> tuple[Slot | None, Message]:
    """A place in the add queue, unless it is full or the person has added enough for now."""
    slot = services.work.adds.reserve()
    if slot is None:
        return None, notices.busy_adding()
    if not services.work.adds_per_user.allow(f"{asked.workspace}:{asked.user}"):
        slot.release()
        return None, notices.too_many_adds(services.settings.limits.adds_per_user_per_hour)
    return slot, {}


def _answer(
    services: Services,
    text: str,
    asked: Asked,
    response_url: str | None,
    client: WebClient,
) -> None:
    """Answer `/quote text`: a subcommand, or the paste, alerting when it holds a ruled quote."""
    replies = _subcommand(services, text)
    if replies is not None:
        for each in replies:
            _respond(response_url, each)
        return
    found = answers(services, text, asked)
    for answer in found:
        _respond(response_url, message(answer, ephemeral=True))
    spot = partial(command_spot, asked.workspace, asked.channel, asked.user)
    tell = partial(_respond, response_url)
    results = (a.result for a in found if not ruled_by(a.result.ruling, asked.user))
    alert_checks(services, client, results, spot, tell)


def _add(
    services: Services,
    url: str,
    asked: Asked,
    response_url: str | None,
    client: WebClient | None,
) -> None:
    reply = add_article(services, url, asked, partial(_respond, response_url), client)
    _respond(response_url, reply)


def _subcommand(services: Services, text: str) -> list[Message] | None:
    """The replies to `help`, `stats` and a bare `add`; None for a paste."""
    word = text.lower()
    if word in ("", "help"):
        return [{"blocks": card.help_blocks(), "text": card.help_text()}]
    if word == "stats":
        stats = services.archive.stats()
        blocks = card.stats_blocks(stats, stats.lookups, stats.feedback)
        return [
            {"blocks": blocks, "text": f"{stats.articles} articles, {stats.quotations} quotations"}
        ]
    if word == "add":
        return [notices.add_usage()]
    return None


def _respond(response_url: str | None, reply: Message) -> bool:
    return respond_to(response_url, {"response_type": "ephemeral", **reply})

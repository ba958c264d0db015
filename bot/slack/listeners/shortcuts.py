"""The **Verify quote** message shortcut: the answer goes in the thread of the message.

Where the bot was not invited, Slack refuses the thread post (`not_in_channel`); the person who
asked then gets the answer privately, through the shortcut's response_url, with a note saying
how to invite the bot. The listener only acknowledges and hands the check to a worker
(bot.slack.workers); when they are all busy, or the check fails, the person is told so
privately. A ruled quote in the message is alerted (bot.slack.alerts) in the same thread, once
per message however many times it is verified.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.slack import notices
from bot.slack.alerts import alert_checks, message_spot
from bot.slack.answers import Asked, answers, message
from bot.slack.replies import post_in_thread, respond_to
from bot.slack.services import Services, services_of, workspace_of

CALLBACK_ID = "verify_quote"
#: Slack's refusals that mean "not allowed in there", not "something broke".
_NO_ACCESS = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}


def register(app: App) -> None:
    app.message_shortcut(CALLBACK_ID)(verify_quote)


def verify_quote(
    ack: Ack, shortcut: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    ack()
    services = services_of(context)
    channel = (shortcut.get("channel") or {}).get("id")
    user = (shortcut.get("user") or {}).get("id")
    asked = Asked(workspace_of(context), channel, user, "shortcut")
    job = partial(_verify, services, shortcut, client, asked)
    tell = partial(_tell_privately, shortcut.get("response_url"))
    if not services.work.checks.submit(job, doing="Verify quote", tell=tell):
        services.work.reply(partial(tell, notices.busy()))


def _verify(services: Services, shortcut: dict[str, Any], client: WebClient, asked: Asked) -> None:
    pasted = shortcut.get("message") or {}
    channel = asked.channel
    response_url = shortcut.get("response_url")
    thread_ts = pasted.get("thread_ts") or pasted.get("ts")
    found = answers(services, str(pasted.get("text") or ""), asked)
    in_thread = True
    for number, answer in enumerate(found):
        refused = post_in_thread(client, channel or "", thread_ts, message(answer))
        if refused is None:
            continue
        if refused not in _NO_ACCESS:
            _tell_privately(response_url, notices.something_went_wrong())
            return
        if number == 0:
            _tell_privately(response_url, notices.not_in_channel())
        _tell_privately(response_url, message(answer, ephemeral=True))
        in_thread = False
    ts = pasted.get("ts")
    if channel and ts:
        spot = partial(message_spot, client, asked.workspace, channel, str(ts))
        tell = (
            partial(post_in_thread, client, channel, thread_ts)
            if in_thread
            else partial(_tell_privately, response_url)
        )
        alert_checks(services, client, (answer.result for answer in found), spot, tell)


def _tell_privately(response_url: str | None, reply: dict[str, Any]) -> bool:
    return respond_to(response_url, {"response_type": "ephemeral", **reply})

"""Resurfacing alerts in Slack: a ruled quote turned up again, said where it turned up and in
the alerts channel (SLACK_ALERTS_CHANNEL).

A quote turns up in a Slack message (a watched channel, a mention, a direct message, the
Verify quote shortcut), in a private `/quote` check, in an article added with `/quote add`,
or in a draft reviewed from Slack. Each such place is recorded once per ruled quote
(bot.resurfacing, store.rulings reappearances: INSERT … ON CONFLICT DO NOTHING in the archive),
and only the check that records it first alerts: a retried event, the same message answered
again through the shortcut, or a second bot process stay quiet. The reappearances also count
for the App Home's "most pasted" list.

An alert names the ruling, who ruled (a mention, when they ruled from Slack), where the quote
reappeared (the channel, and a link to the message from `chat.getPermalink`; without one, the
message's timestamp) and what the desk found, in bot.wording's sentence; everything from users
is escaped and cut to Slack's limits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.resurfacing import Alert, alerts_at, ruled_once
from bot.slack.card import RULING_EMOJI, RULING_SYMBOL, ruler
from bot.slack.mrkdwn import PERSON_MARK, fit, link, section_block
from bot.slack.services import Services
from bot.verifier.verdict import CheckResult
from bot.wording import reappearance_sentence
from store.rulings import Ruling, slack_place

Message = dict[str, Any]
Tell = Callable[[Message], object]

#: Alerts one place raises at most (an article quoting ten ruled quotes is news enough).
ALERTS_PER_PLACE = 10
#: Budgets, in characters of mrkdwn.
SENTENCE_CHARS = 2000
WHERE_CHARS = 400
#: Stands for the place in the sentence while the rest is made safe.
_WHERE_MARK = "\ue001"
_CHANNEL = re.compile(r"[CG][A-Z0-9]{2,30}")
_DIRECT = re.compile(r"D[A-Z0-9]{2,30}")

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Spot:
    """Where in Slack a quote turned up."""

    #: The reappearance's key (store.rulings.slack_place).
    place: str
    #: In plain words, kept with the reappearance.
    where: str
    #: As an alert shows it: safe mrkdwn, with the channel and a link to the message.
    shown: str


def message_spot(client: WebClient | None, workspace: str, channel: str, ts: str) -> Spot:
    """A Slack message as a place, linked when Slack gives its permalink."""
    permalink = _permalink(client, channel, ts)
    if permalink:
        shown = f"{channel_shown(channel)} ({link(permalink, 'the message')})"
    else:
        shown = f"{channel_shown(channel)} (the message of {fit(ts, 40)})"
    where = f"Slack channel {channel}, message {ts}" + (f" ({permalink})" if permalink else "")
    return Spot(slack_place(workspace, channel, ts), where, shown)


def command_spot(workspace: str, channel: str | None, user: str | None) -> Spot:
    """A private `/quote` check, as a place: one person's checks in one channel on one day (UTC),
    so that someone checking the same ruled quote again and again that day alerts the desk once,
    and a new day, person or channel is a new reappearance."""
    today = dt.datetime.now(dt.UTC).date().isoformat()
    where = f"a /quote check in Slack channel {channel or 'unknown'}"
    shown = f"a private `/quote` check in {channel_shown(channel)}"
    key = f"command-{user or 'unknown'}-{today}"
    return Spot(slack_place(workspace, channel or "unknown", key), where, shown)


def ruled_by(ruling: Ruling | None, user: str | None) -> bool:
    """Whether `user` recorded `ruling` from Slack (its `by` is their mention): their own
    checks of the quote they ruled on are not a reappearance to alert the desk about."""
    return ruling is not None and user is not None and ruling.by == f"<@{user}>"


def channel_shown(channel: str | None) -> str:
    """`<#C0123ABCD>` for a channel (Slack shows its name to those who may see it)."""
    if channel and _CHANNEL.fullmatch(channel):
        return f"<#{channel}>"
    if channel and _DIRECT.fullmatch(channel):
        return "a direct message with quotebot"
    return fit(channel or "an unknown channel", 60)


def alert_checks(
    services: Services,
    client: WebClient | None,
    results: Iterable[CheckResult],
    spot: Callable[[], Spot],
    tell: Tell | None,
) -> list[Alert]:
    """Record where the ruled quotes among `results` turned up (`spot`, asked only when one is
    ruled) and announce those seen there for the first time."""
    ruled = ruled_once((result.query, result.ruling) for result in results)
    if not ruled:
        return []
    found = spot()
    alerts = alerts_at(services.archive, found.place, found.where, ruled)
    announce(services, client, alerts, tell, shown=found.shown)
    return alerts


def announce(
    services: Services,
    client: WebClient | None,
    alerts: Sequence[Alert],
    tell: Tell | None,
    *,
    shown: str | None = None,
) -> None:
    """Post each alert in the alerts channel and, with `tell`, where the quote turned up.
    `shown`: the place as mrkdwn; else each alert's own `where`, escaped."""
    if len(alerts) > ALERTS_PER_PLACE:
        logger.warning(
            "%d ruled quotes turned up in one place; alerting %d", len(alerts), ALERTS_PER_PLACE
        )
    channel = services.settings.alerts_channel
    for alert in alerts[:ALERTS_PER_PLACE]:
        message = alert_message(alert.ruling, shown or fit(alert.where, WHERE_CHARS))
        if tell is not None:
            tell(message)
        if channel and client is not None:
            _post(client, channel, message)


def alert_message(ruling: Ruling, shown: str) -> Message:
    """The alert: bot.wording's sentence, who ruled as a mention, the place as `shown`."""
    marked = dataclasses.replace(ruling, by=PERSON_MARK)
    sentence = fit(reappearance_sentence(marked, _WHERE_MARK), SENTENCE_CHARS)
    if _WHERE_MARK not in sentence:  # cut before the place: say it after all
        sentence += f" (in {_WHERE_MARK})"
    text = sentence.replace(PERSON_MARK, ruler(ruling)).replace(_WHERE_MARK, shown)
    return {
        "text": f"{RULING_SYMBOL} {text}",
        "blocks": [section_block(f"{RULING_EMOJI} {text}")],
    }


def _post(client: WebClient, channel: str, message: Message) -> None:
    try:
        client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False, **message)
    except SlackApiError as error:
        code = error.response.get("error", "unknown_error")
        logger.warning("could not post an alert in the alerts channel %s: %s", channel, code)


def _permalink(client: WebClient | None, channel: str, ts: str) -> str | None:
    if client is None:
        return None
    try:
        response = client.chat_getPermalink(channel=channel, message_ts=ts)
    except (SlackApiError, SlackClientError) as error:
        logger.info("no permalink for %s %s: %s", channel, ts, error)
        return None
    permalink = response.get("permalink")
    return permalink if isinstance(permalink, str) else None

"""**Record a ruling**: the button under every answer, the form it opens, and the form's Submit.

The button carries the answer's lookup id, as the other buttons do (bot.slack.listeners.
actions): the words ruled on are the lookup's, or, when the desk has ruled on them already,
those of the ruling in force, which the form shows and the Submit revises. Only the people the
newsroom names may rule (SLACK_RULE_ALLOWED_USERS and _GROUPS, bot.slack.add_access): a ruling
leads every answer on its words. Anyone else is told so, privately, and no form opens.

Opening the form is a short errand, run from the replies pool: Slack's trigger lasts three
seconds, too short to wait behind a check. The Submit is checked at once, in the
acknowledgement, so that a mistake comes back under its field and nothing is stored; a good
one is acknowledged (the form closes), then stored in a worker and confirmed privately on the
answer's response_url. Who ruled is the Slack user, kept as a mention (`<@U0123ABCD>`), which
Slack shows as their name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack import card, notices, ruling_form
from bot.slack.add_access import Refusal
from bot.slack.listeners.actions import lookup_of, tell_privately, user_of
from bot.slack.ruling_form import RULING_CALLBACK, Ruled
from bot.slack.services import Services, services_of, workspace_of
from bot.verifier.rulings import ruled_quotation, ruling_for
from store.rulings import RulingError, RulingInput

Message = dict[str, Any]

logger = logging.getLogger(__name__)


def register(app: App) -> None:
    app.action(card.RULE_ACTION)(open_ruling_form)
    app.view(RULING_CALLBACK)(ruling_submitted)


def open_ruling_form(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    ack()
    services = services_of(context)
    tell = partial(tell_privately, body.get("response_url"))
    job = partial(_open, services, client, body, workspace_of(context))
    if not services.work.replies.submit(job, doing="opening the ruling form", tell=tell):
        services.work.reply(partial(tell, notices.busy()))


def ruling_submitted(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    ruled = Ruled.from_metadata(view.get("private_metadata"))
    user = user_of(body)
    if ruled is None or user is None:
        ack(
            response_action="errors",
            errors={ruling_form.KIND_BLOCK: "This form has expired; open it again."},
        )
        return
    try:
        given = ruling_form.checked(ruled, view, f"<@{user}>")
    except RulingError as error:
        ack(response_action="errors", errors=ruling_form.form_errors(error))
        return
    ack()
    services = services_of(context)
    tell = partial(tell_privately, ruled.response_url)
    job = partial(_record, services, client, workspace_of(context), user, ruled, given, tell)
    if not services.work.checks.submit(job, doing="recording a ruling", tell=tell):
        services.work.reply(partial(tell, notices.busy()))


def _open(services: Services, client: WebClient, body: dict[str, Any], workspace: str) -> None:
    """Open the form for the button's answer, unless the person may not rule."""
    response_url = body.get("response_url")
    tell = partial(tell_privately, response_url)
    lookup = lookup_of(services, body, workspace)
    if lookup is None:
        tell(notices.answer_gone())
        return
    refusal = services.rule_gate.refusal(client, workspace, user_of(body))
    if refusal is not None:
        tell(_refused(refusal))
        return
    current = ruling_for(services.archive.rulings_snapshot(), lookup.query)
    ruled = Ruled(
        text=current.text if current else lookup.query,
        credited=current.credited if current else lookup.claimed_speaker,
        quotation_id=ruled_quotation(lookup.verdict, lookup.quotation_id),
        ruling_id=current.id if current else None,
        response_url=response_url,
    )
    metadata = ruled.metadata()
    if metadata is None:
        tell(ruling_form.too_long())
        return
    try:
        client.views_open(
            trigger_id=str(body.get("trigger_id") or ""),
            view=ruling_form.ruling_form(ruled, metadata, current),
        )
    except SlackApiError as error:
        logger.warning("views.open failed: %s", error.response.get("error", "unknown_error"))
        tell(ruling_form.form_not_opened())


def _record(
    services: Services,
    client: WebClient,
    workspace: str,
    user: str,
    ruled: Ruled,
    given: RulingInput,
    tell: Callable[[Message], object],
) -> None:
    """Store the ruling (a revision of the one in force, when the form revised one)."""
    refusal = services.rule_gate.refusal(client, workspace, user)
    if refusal is not None:
        tell(_refused(refusal))
        return
    if ruled.ruling_id is None:
        ruling = services.archive.record_ruling(given)
    else:
        try:
            ruling = services.archive.revise_ruling(ruled.ruling_id, given)
        except RulingError:
            tell(ruling_form.ruling_gone())
            return
    logger.info("ruling %s revision %s recorded by %s", ruling.id, ruling.revision, user)
    tell(ruling_form.recorded(ruling))


def _refused(refusal: Refusal) -> Message:
    if refusal.not_configured:
        return ruling_form.not_configured()
    if refusal.lookup_failed:
        return ruling_form.access_unknown()
    return ruling_form.not_allowed()

"""The buttons under an answer: Share in channel, Show context, Not the right match.

Each button carries the id of the answer's lookup in the audit log. The answer is rebuilt from
the logged query (the verifier is deterministic over one archive), so a button works whichever
bot process posted the answer, and after a restart. A lookup of another workspace is refused.
The listeners only acknowledge and hand the work to a worker (bot.slack.workers); when they are
all busy, the person who clicked is told so privately.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.slack import card, notices
from bot.slack.answers import Answer, message, recheck
from bot.slack.replies import respond_to
from bot.slack.services import Services, services_of, workspace_of
from store.lookup import FeedbackKind, Lookup

#: A private reply to the person who clicked, leaving the message with the button as it is.
_PRIVATELY = {"response_type": "ephemeral", "replace_original": False}

Work = Callable[[Services, Lookup, dict[str, Any]], None]


def register(app: App) -> None:
    app.action(card.SHARE_ACTION)(share_in_channel)
    app.action(card.CONTEXT_ACTION)(show_context)
    app.action(card.WRONG_MATCH_ACTION)(not_the_right_match)


def share_in_channel(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()
    _for_the_lookup(body, context, _share)


def show_context(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()
    _for_the_lookup(body, context, _context)


def not_the_right_match(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()
    _for_the_lookup(body, context, _wrong_match)


def _share(services: Services, lookup: Lookup, body: dict[str, Any]) -> None:
    """Post the private answer in the channel, credited to who shared it, then remove the
    private copy."""
    shared = message(Answer(recheck(services, lookup), lookup.id), shared_by=user_of(body))
    response_url = body.get("response_url")
    if respond_to(response_url, {"response_type": "in_channel", **shared}):
        respond_to(response_url, {"delete_original": True})


def _context(services: Services, lookup: Lookup, body: dict[str, Any]) -> None:
    """The paragraph around the match: in place in a private answer; privately under a public
    one, so that an answer in a channel does not change under everyone's eyes."""
    answer = Answer(recheck(services, lookup), lookup.id)
    if (body.get("container") or {}).get("is_ephemeral"):
        reply = {"replace_original": True, **message(answer, ephemeral=True, show_context=True)}
    else:
        reply = {
            **_PRIVATELY,
            "blocks": card.context_blocks(answer.result),
            "text": card.answer_text(answer.result),
        }
    respond_to(body.get("response_url"), reply)


def _wrong_match(services: Services, lookup: Lookup, body: dict[str, Any]) -> None:
    """Record in the audit log that the answer matched the wrong quotation."""
    assert lookup.id is not None
    first = services.archive.record_feedback(
        lookup.id, user_of(body) or "unknown", FeedbackKind.WRONG_MATCH
    )
    respond_to(body.get("response_url"), {**_PRIVATELY, **notices.feedback_noted(first)})


def _for_the_lookup(body: dict[str, Any], context: BoltContext, work: Work) -> None:
    """Hand `work` on the button's lookup to a worker, or say privately that all are busy."""
    services = services_of(context)
    job = partial(_on_the_lookup, services, body, workspace_of(context), work)
    tell = partial(tell_privately, body.get("response_url"))
    if not services.work.checks.submit(job, doing="a button", tell=tell):
        services.work.reply(partial(tell, notices.busy()))


def _on_the_lookup(services: Services, body: dict[str, Any], workspace: str, work: Work) -> None:
    """Run `work` on the button's lookup (a failure is told to who clicked by the workers)."""
    lookup = lookup_of(services, body, workspace)
    if lookup is None:
        tell_privately(body.get("response_url"), notices.answer_gone())
        return
    work(services, lookup, body)


def tell_privately(response_url: str | None, reply: dict[str, Any]) -> bool:
    return respond_to(response_url, {**_PRIVATELY, **reply})


def lookup_of(services: Services, body: dict[str, Any], workspace: str) -> Lookup | None:
    """The lookup the clicked button carries, if it exists and is this workspace's."""
    actions = body.get("actions") or [{}]
    value = str(actions[0].get("value") or "")
    if not value.isdigit() or len(value) > 18:
        return None
    lookup = services.archive.lookup(int(value))
    if lookup is None or lookup.workspace != workspace:
        return None
    return lookup


def user_of(body: dict[str, Any]) -> str | None:
    user = (body.get("user") or {}).get("id")
    return str(user) if user else None

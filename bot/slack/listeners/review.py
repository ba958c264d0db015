"""Reviewing a draft from Slack: a file shared with the bot, or the form `/quote review` opens.

- A text, Markdown or HTML file shared in a direct message with the bot, or in a channel
  message that mentions it, is downloaded (bot.slack.drafts) and reviewed; the review is
  answered in the thread of the message that shared it.
- `/quote review` opens a form (a modal) with a text box for the draft. Submitting it closes
  the form at once; the review's summary is posted in the channel the command was typed in,
  and the table in its thread. Where the bot was not invited, the review comes privately,
  through the command's response_url.

The listeners only acknowledge and hand off (bot.slack.workers): a shared file is downloaded
and reviewed in the add workers' pool (it is a download), a pasted draft in the checks pool.
A review has SLACK_CHECK_SECONDS for the whole draft. Every refusal is answered, politely,
where the review would have been; so is any other failure, by the workers' guard. After such a
failure, the other files of the same message are not reviewed.
"""

from __future__ import annotations

import json
import logging
from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.resurfacing import draft_alerts
from bot.slack import notices
from bot.slack.alerts import WHERE_CHARS, announce, channel_shown
from bot.slack.answers import Asked
from bot.slack.drafts import DraftRefused, read_pasted, read_shared_file
from bot.slack.mrkdwn import fit
from bot.slack.replies import post_in_thread, respond_to
from bot.slack.review import review_messages
from bot.slack.services import Services, services_of, workspace_of
from bot.verifier.deadline import CheckTimedOut, Deadline
from store.article import Article
from store.limits import limits_from_environment

Message = dict[str, Any]

REVIEW_CALLBACK = "review_draft"
DRAFT_BLOCK = "draft"
DRAFT_ACTION = "draft_text"
#: Slack's own limit on what a text box holds; longer drafts are shared as files.
PASTE_CHARS = 3000
#: Files reviewed from one message; more are left out (and said so).
FILES_REVIEWED = 3
_PRIVATELY = {"response_type": "ephemeral"}
_DOING = "reviewing a draft"

logger = logging.getLogger(__name__)


def register(app: App) -> None:
    """Before the other message listeners: Bolt runs the first listener that matches."""
    app.event("message", matchers=[is_draft_share])(review_shared_draft)
    app.view(REVIEW_CALLBACK)(review_submitted)


# -- a shared file ------------------------------------------------------------------------------


def is_draft_share(event: dict[str, Any], context: BoltContext) -> bool:
    """A person's message sharing files with the bot: in a direct message, or mentioning it."""
    if event.get("subtype") != "file_share" or not event.get("files"):
        return False
    if event.get("bot_id") or event.get("bot_profile"):
        return False
    if event.get("channel_type") == "im":
        return True
    return bool(context.bot_user_id) and f"<@{context.bot_user_id}>" in (event.get("text") or "")


def review_shared_draft(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    services = services_of(context)
    channel, ts = event.get("channel"), event.get("ts")
    if not channel or not ts:
        return
    asked = Asked(workspace_of(context), channel, event.get("user"), "draft")
    tell = partial(post_in_thread, client, channel, event.get("thread_ts") or ts)
    job = partial(_review_files, services, client, event, asked)
    if not services.work.adds.submit(job, doing=_DOING, tell=tell):
        services.work.reply(partial(tell, notices.busy()))


def _review_files(
    services: Services, client: WebClient, event: dict[str, Any], asked: Asked
) -> None:
    channel, ts = event["channel"], event["ts"]
    if not services.dedupe.first_answer(asked.workspace, channel, ts):
        return
    thread = event.get("thread_ts") or ts
    files = [shared for shared in event.get("files") or [] if shared.get("id")]
    limits = services.settings.limits
    for shared in files[:FILES_REVIEWED]:
        try:
            article = read_shared_file(
                client,
                str(shared["id"]),
                api_url=services.settings.api_url,
                max_kb=limits.draft_kb,
                seconds=limits.draft_seconds,
            )
            replies = _reviewed(services, client, article, asked)
        except (DraftRefused, CheckTimedOut) as refused:  # this file only; the others go on
            replies = [_refusal(refused)]
        for reply in replies:
            if post_in_thread(client, channel, thread, reply) is not None:
                break
    if len(files) > FILES_REVIEWED:
        left = notices.notice(
            f"I review {FILES_REVIEWED} files from one message; share the others separately."
        )
        post_in_thread(client, channel, thread, left)


# -- /quote review and its form -----------------------------------------------------------------


def open_review_form(services: Services, client: WebClient, command: dict[str, Any]) -> None:
    """Open the review form for `/quote review` (already acknowledged), from the replies pool:
    Slack's trigger lasts three seconds, too short to wait behind a check."""
    metadata = json.dumps(
        {"channel": command.get("channel_id"), "response_url": command.get("response_url")}
    )
    services.work.reply(
        partial(
            _open_form, client, command.get("trigger_id"), metadata, command.get("response_url")
        )
    )


def review_form(metadata: str) -> dict[str, Any]:
    """The modal: one multi-line text box for the draft."""
    return {
        "type": "modal",
        "callback_id": REVIEW_CALLBACK,
        "private_metadata": metadata,
        "title": {"type": "plain_text", "text": "Review a draft"},
        "submit": {"type": "plain_text", "text": "Review"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {
                "type": "input",
                "block_id": DRAFT_BLOCK,
                "label": {"type": "plain_text", "text": "The draft, quotations and all"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": DRAFT_ACTION,
                    "multiline": True,
                    "max_length": PASTE_CHARS,
                    "placeholder": {
                        "type": "plain_text",
                        "text": "Headline on the first line, then the text of the story.",
                    },
                },
            },
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": "Longer than this box? Share the draft with me as a text, "
                        "Markdown or HTML file in a direct message.",
                    }
                ],
            },
        ],
    }


def review_submitted(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    text = _pasted_text(view)
    if not text.strip():
        ack(
            response_action="errors",
            errors={DRAFT_BLOCK: "Paste the draft to review: its text, quotations and all."},
        )
        return
    ack()
    services = services_of(context)
    metadata = _metadata(view.get("private_metadata"))
    response_url = metadata.get("response_url")
    user = (body.get("user") or {}).get("id")
    asked = Asked(workspace_of(context), metadata.get("channel"), user, "review")
    job = partial(_review_pasted, services, client, text, asked, response_url)
    tell = partial(_tell_privately, response_url)
    if not services.work.checks.submit(
        job, doing=_DOING, tell=partial(_deliver_one, client, asked.channel, response_url)
    ):
        services.work.reply(partial(tell, notices.busy()))


def _open_form(
    client: WebClient, trigger_id: str | None, metadata: str, response_url: str | None
) -> None:
    try:
        client.views_open(trigger_id=trigger_id or "", view=review_form(metadata))
    except SlackApiError as error:
        code = error.response.get("error", "unknown_error")
        logger.warning("views.open failed: %s", code)
        sorry = notices.notice(
            "I could not open the review form in time; please type `/quote review` again."
        )
        respond_to(response_url, {**_PRIVATELY, **sorry})


def _review_pasted(
    services: Services, client: WebClient, text: str, asked: Asked, response_url: str | None
) -> None:
    try:
        replies = _reviewed(services, client, read_pasted(text), asked)
    except (DraftRefused, CheckTimedOut) as refused:
        replies = [_refusal(refused)]
    _deliver(client, asked.channel, response_url, replies)


def _deliver_one(
    client: WebClient, channel: str | None, response_url: str | None, reply: Message
) -> None:
    _deliver(client, channel, response_url, [reply])


def _deliver(
    client: WebClient, channel: str | None, response_url: str | None, replies: list[Message]
) -> None:
    """The first reply in `channel` and the others in its thread; privately where the bot was
    not invited."""
    first, *rest = replies
    posted = _post_in_channel(client, channel, first)
    if posted is not None:
        for reply in rest:
            if post_in_thread(client, channel or "", posted, reply) is not None:
                break
        return
    # Not invited to the channel: the review privately, through the command's response_url.
    note = notices.notice(
        "I cannot post in this channel until someone invites me (`/invite @quotebot`); "
        "here is the review, for you only."
    )
    first = {**first, "blocks": [*note["blocks"], *first["blocks"]]}
    for reply in (first, *rest):
        if not _tell_privately(response_url, reply):
            break


def _tell_privately(response_url: str | None, reply: Message) -> bool:
    return respond_to(response_url, {**_PRIVATELY, **reply})


def _post_in_channel(client: WebClient, channel: str | None, message: Message) -> str | None:
    """Post `message` in `channel`; its ts, or None (logged) when Slack refused it."""
    if not channel:
        return None
    try:
        response = client.chat_postMessage(
            channel=channel, unfurl_links=False, unfurl_media=False, **message
        )
    except SlackApiError as error:
        logger.warning("chat.postMessage in %s failed: %s", channel, error.response.get("error"))
        return None
    return str(response.get("ts") or "") or None


def _pasted_text(view: dict[str, Any]) -> str:
    values = (view.get("state") or {}).get("values") or {}
    return str(((values.get(DRAFT_BLOCK) or {}).get(DRAFT_ACTION) or {}).get("value") or "")


def _metadata(raw: str | None) -> dict[str, str]:
    try:
        found = json.loads(raw or "{}")
    except ValueError:
        return {}
    return (
        {key: str(value) for key, value in found.items() if value}
        if isinstance(found, dict)
        else {}
    )


# -- both ---------------------------------------------------------------------------------------


def _reviewed(
    services: Services, client: WebClient, article: Article, asked: Asked
) -> list[Message]:
    """The review of `article`, as the messages to post; CheckTimedOut past the deadline.
    A ruled quote in the draft is alerted in the alerts channel now, and in the review's
    thread by the last messages (bot.slack.alerts), once per draft."""
    reviewed, _ = services.verifier.review(
        article,
        limit=limits_from_environment().max_quotations,
        deadline=Deadline.after(services.settings.limits.check_seconds),
    )
    messages = review_messages(article, reviewed, asked_by=asked.user)
    alerts = draft_alerts(services.archive, article, reviewed)
    if alerts:
        shown = f"{fit(alerts[0].where, WHERE_CHARS)}, reviewed in {channel_shown(asked.channel)}"
        announce(services, client, alerts, messages.append, shown=shown)
    return messages


def _refusal(refused: DraftRefused | CheckTimedOut) -> Message:
    """The polite reply to a draft that cannot be reviewed here; any other failure is the
    workers' to tell (bot.slack.workers)."""
    if isinstance(refused, DraftRefused):
        return notices.notice(f":x: {refused}")
    logger.warning("%s: %s", _DOING, refused)
    return notices.notice(
        ":hourglass: That draft takes too long to review here. Review it with the command "
        "line (`quotebot review`), which has no time limit."
    )

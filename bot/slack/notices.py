"""The bot's own short messages: what `/quote add` did, thanks for feedback, apologies,
"busy" and "too long to check here".

Every value put into them (a URL, an article title, an error message that may quote either)
is escaped with `bot.slack.text.escape`, and every text object is `verbatim`, so nothing in them
can ping anyone or turn into a link the bot did not make.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.slack.text import escape
from bot.verifier.deadline import CheckTimedOut
from store.errors import ArchiveError
from store.ingest import IngestReport

_TITLE_CHARS = 200
_ERROR_CHARS = 400

logger = logging.getLogger(__name__)


def notice(text: str, *, escaped: bool = False) -> dict[str, Any]:
    """A message of one mrkdwn section; `text` is escaped unless it already is."""
    safe = text if escaped else escape(text)
    return {
        "text": safe,
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": safe, "verbatim": True}}],
    }


def something_went_wrong() -> dict[str, Any]:
    return notice(
        ":warning: Something went wrong while answering; the error is in the bot's log. "
        "Please try again in a minute."
    )


def for_failure(error: Exception, doing: str) -> dict[str, Any]:
    """The polite reply to an error met while `doing` something ("/quote", "a button"), which
    is logged: a check past its time limit, an archive out of reach, or anything else."""
    if isinstance(error, CheckTimedOut):
        logger.warning("%s: %s", doing, error)
        return too_long_to_check()
    if isinstance(error, ArchiveError):
        logger.error("%s could not reach the archive", doing, exc_info=error)
        return archive_unavailable()
    logger.error("%s failed", doing, exc_info=error)
    return something_went_wrong()


def too_long_to_check() -> dict[str, Any]:
    return notice(
        ":hourglass: That is taking too long to check here. Paste a shorter stretch, or check "
        "it with the command line (`quotebot check`), which has no time limit."
    )


def busy() -> dict[str, Any]:
    return notice(
        ":hourglass: I am busy with other checks right now; please try again in a minute."
    )


def busy_adding() -> dict[str, Any]:
    return notice(
        ":hourglass: I am busy adding other articles right now; please try again in a minute."
    )


def too_many_adds(per_hour: int) -> dict[str, Any]:
    return notice(
        f":hourglass: You have asked me to add {per_hour} articles in the last hour, as many "
        "as one person may; please try again later."
    )


def adding_not_configured() -> dict[str, Any]:
    return notice(
        ":lock: Adding articles is not switched on here yet: whoever runs quotebot names the "
        "people who may add in SLACK_ADD_ALLOWED_USERS, or a user group in "
        "SLACK_ADD_ALLOWED_GROUPS. Checking quotes works for everyone."
    )


def not_allowed_to_add() -> dict[str, Any]:
    return notice(
        ":lock: Sorry, only the people the newsroom has named may add articles to the archive. "
        "Ask whoever runs quotebot to add you (SLACK_ADD_ALLOWED_USERS or a user group in "
        "SLACK_ADD_ALLOWED_GROUPS). Checking quotes works for everyone."
    )


def add_access_unknown() -> dict[str, Any]:
    return notice(
        ":warning: I could not check whether you may add articles: Slack would not tell me who "
        "is in the allowed user groups. Please try again in a few minutes; if it goes on, tell "
        "whoever runs quotebot (the app needs the `usergroups:read` scope)."
    )


def archive_unavailable() -> dict[str, Any]:
    return notice(":warning: The archive cannot be reached right now. Please try again later.")


def not_in_channel() -> dict[str, Any]:
    return notice(
        "I cannot post in this channel's threads until someone invites me "
        "(`/invite @quotebot`); here is the answer, for you only."
    )


def feedback_noted(first_time: bool) -> dict[str, Any]:
    if first_time:
        return notice("Thanks: this answer is marked as not the right match, for the editors.")
    return notice("You have already marked this answer as not the right match.")


def answer_gone() -> dict[str, Any]:
    return notice("That answer is no longer in the archive's log; ask again with `/quote`.")


def add_usage() -> dict[str, Any]:
    return notice("To add an article: `/quote add https://news.example/story`")


def adding(url: str) -> dict[str, Any]:
    return notice(f":hourglass_flowing_sand: Reading {_cut(url, _TITLE_CHARS)} …")


def added(url: str, report: IngestReport) -> dict[str, Any]:
    """What ingesting `url` did, in one line."""
    shown = _cut(url, _TITLE_CHARS)
    if report.errors:
        reason = _cut(report.errors[0].error, _ERROR_CHARS)
        return notice(f":x: Could not add {shown}: {reason}")
    if report.articles:
        quotes = "quotation" if report.quotes == 1 else "quotations"
        return notice(f":white_check_mark: Added {shown}: {report.quotes} {quotes} stored.")
    if report.duplicates:
        return notice(f"{shown} is already in the archive.")
    return notice(f":x: Could not add {shown}: no article found there.")


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

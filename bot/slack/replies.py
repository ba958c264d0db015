"""Posting answers: to a `response_url` or in a thread, retried when Slack says "slow down".

Slack answers 429 with Retry-After when the bot posts faster than about one message a second
in a channel; slack_sdk's RateLimitErrorRetryHandler waits and tries again. Bolt's own
`respond` has no retry handlers, hence `respond_to` here.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.webhook import WebhookClient

#: Times a rate-limited or dropped call is tried again.
RETRIES = 3
TIMEOUT_SECONDS = 15

logger = logging.getLogger(__name__)


def retry_handlers() -> list[RetryHandler]:
    return [
        ConnectionErrorRetryHandler(max_retry_count=1),
        RateLimitErrorRetryHandler(max_retry_count=RETRIES),
    ]


def respond_to(response_url: str | None, message: dict[str, Any]) -> bool:
    """Post `message` to the interaction's response_url; False (and logged) when it failed."""
    if not response_url:
        logger.error("no response_url to answer on")
        return False
    client = WebhookClient(response_url, timeout=TIMEOUT_SECONDS, retry_handlers=retry_handlers())
    try:
        response = client.send_dict(message)
    except OSError as error:  # URLError too: Slack out of reach, even after the retries
        logger.error("could not post to the response_url: %s", error)
        return False
    if response.status_code != 200:
        logger.error("response_url answered %s: %s", response.status_code, response.body[:200])
        return False
    return True


def post_in_thread(
    client: WebClient, channel: str, thread_ts: str, message: dict[str, Any]
) -> str | None:
    """Post `message` in the thread of `thread_ts`: None when posted, else Slack's error code
    (`not_in_channel` where nobody invited the bot), which is also logged."""
    try:
        client.chat_postMessage(
            channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False, **message
        )
    except SlackApiError as error:
        code = str(error.response.get("error", "unknown_error"))
        logger.warning("chat.postMessage in %s failed: %s", channel, code)
        return code
    return None

"""Answer each question once, however often Slack delivers it and however many bot processes
share the archive.

Slack retries an event it did not see acknowledged in time (`X-Slack-Retry-Num`, the same
`event_id`), and a mention in a channel the bot reads arrives twice, as `app_mention` and as
`message`, with different event ids but the same channel and timestamp. Both are recognised by a
key recorded in the archive's database with INSERT ... ON CONFLICT DO NOTHING: the process whose
row goes in answers, every other one stays quiet. Keys are forgotten after `KEEP`, far longer
than Slack's retries last (three, within about five minutes).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltResponse

from store.archive import Archive
from store.errors import ArchiveError

KEEP = dt.timedelta(hours=6)
PURGE_EVERY_SECONDS = 600.0

logger = logging.getLogger(__name__)


class Deduplicator:
    """Claims deliveries in the archive: True for the first claim of a key, False after."""

    def __init__(self, archive: Archive, keep: dt.timedelta = KEEP) -> None:
        self.archive = archive
        self.keep = keep
        self._lock = threading.Lock()
        self._next_purge = 0.0

    def first_delivery(self, event_id: str) -> bool:
        """True unless the event was delivered before (a retry)."""
        return self._claim(f"event:{event_id}")

    def first_answer(self, workspace: str, channel: str, ts: str) -> bool:
        """True unless the message (by channel and timestamp) was taken up already."""
        return self._claim(f"message:{workspace}:{channel}:{ts}")

    def _claim(self, key: str) -> bool:
        self._purge_now_and_then()
        try:
            return self.archive.first_sighting(key)
        except ArchiveError:
            # Better a duplicate answer than none: the archive may be down for a moment.
            logger.exception("could not record the delivery %s; answering anyway", key)
            return True

    def _purge_now_and_then(self) -> None:
        with self._lock:
            now = time.monotonic()
            if now < self._next_purge:
                return
            self._next_purge = now + PURGE_EVERY_SECONDS
        try:
            self.archive.forget_sightings(dt.datetime.now(dt.UTC) - self.keep)
        except ArchiveError:
            logger.exception("could not forget old deliveries")


def drop_retried_events(deduplicator: Deduplicator) -> Callable[..., Any]:
    """Global middleware: an event delivered before is acknowledged and goes no further."""

    def middleware(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if isinstance(event_id, str) and not deduplicator.first_delivery(event_id):
            logger.info("event %s was delivered before; not answering again", event_id)
            return BoltResponse(status=200, body="")
        next()
        return None

    return middleware

"""Where the listeners hand their work: bounded pools, so that acknowledging never waits.

Bolt runs each listener on a small thread pool of its own and, over HTTP, holds the request
until the listener calls `ack()`. A listener that did its work there (a download, a long check)
kept a thread of that pool busy, and five of them left none to acknowledge the next request:
Slack showed "didn't call ack()" to everyone. So listeners only acknowledge and hand off.

A `WorkerPool` runs the work on its own threads and takes on at most `workers + backlog` jobs
at once; beyond that `reserve()` says no at once, and the listener answers "busy" instead of
queuing without bound. `PerUserLimit` keeps one person from taking every slot of a pool.

A pool is also the listeners' one error path. Starting a job says what is being done
(`doing`, for the log) and how to tell the person who asked (`tell`, a function that posts one
message; None where nobody asked, as in a watched channel). Whatever the job raises, the pool
logs it and tells the person the polite reply of `bot.slack.notices.for_failure` (too long to
check, archive out of reach, something went wrong), so a listener cannot forget to.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from bot.slack import notices

logger = logging.getLogger(__name__)

Job = Callable[[], None]
#: Posts one message to the person who asked (to a response_url, in a thread...).
Tell = Callable[[dict[str, Any]], object]


@dataclass(frozen=True)
class Errand:
    """A job with what it is doing and how to tell the person who asked when it fails."""

    job: Job
    doing: str
    tell: Tell | None

    def __call__(self) -> None:
        """Run the job; a failure is logged and, when someone asked, told to them politely."""
        try:
            self.job()
        except Exception as error:
            reply = notices.for_failure(error, self.doing)
            if self.tell is None:
                return
            try:
                self.tell(reply)
            except Exception:
                logger.exception("%s: could not tell the person about the failure", self.doing)


class Slot:
    """A place in a pool, reserved before acknowledging; `run` starts the job in it."""

    def __init__(self, pool: WorkerPool) -> None:
        self._pool = pool
        self._used = False

    def run(self, job: Job, *, doing: str, tell: Tell | None) -> None:
        """Start `job`; see `Errand` for `doing` and `tell`."""
        self._use()
        self._pool._start(Errand(job, doing, tell))

    def release(self) -> None:
        """Give the slot back unused (the request was refused for another reason)."""
        self._use()
        self._pool._room.release()

    def _use(self) -> None:
        if self._used:
            raise RuntimeError("a slot is used once")
        self._used = True


class WorkerPool:
    """`workers` threads and room for `backlog` jobs waiting; never more taken on."""

    def __init__(self, name: str, *, workers: int, backlog: int) -> None:
        self.name = name
        self._room = threading.BoundedSemaphore(workers + backlog)
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)

    def reserve(self) -> Slot | None:
        """A slot for one job, or None when the pool and its backlog are full."""
        if not self._room.acquire(blocking=False):
            logger.warning("%s: every worker is busy and the backlog is full", self.name)
            return None
        return Slot(self)

    def submit(self, job: Job, *, doing: str, tell: Tell | None) -> bool:
        """Run `job` when there is room: True, or False (and nothing run) when full."""
        slot = self.reserve()
        if slot is None:
            return False
        slot.run(job, doing=doing, tell=tell)
        return True

    def close(self) -> None:
        """Run nothing more; jobs running finish on their own (each has a time limit)."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _start(self, errand: Errand) -> None:
        try:
            self._executor.submit(self._guarded, errand)
        except RuntimeError:  # closed while the slot was held: the bot is stopping
            self._room.release()

    def _guarded(self, errand: Errand) -> None:
        try:
            errand()
        except Exception:  # the errand's own guard failed: log it, keep the thread
            logger.exception("%s: %s failed", self.name, errand.doing)
        finally:
            self._room.release()


class PerUserLimit:
    """At most `count` uses per person in any `window_seconds`, counted in this process."""

    def __init__(self, count: int, window_seconds: float = 3600.0) -> None:
        self.count = count
        self.window_seconds = window_seconds
        self._lock = threading.Lock()
        self._uses: defaultdict[str, deque[float]] = defaultdict(deque)

    def allow(self, user: str) -> bool:
        """Count a use by `user` and say True, or say False (and count nothing) over the limit."""
        now = time.monotonic()
        with self._lock:
            uses = self._uses[user]
            while uses and uses[0] <= now - self.window_seconds:
                uses.popleft()
            if len(uses) >= self.count:
                return False
            uses.append(now)
            return True

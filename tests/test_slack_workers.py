"""The workers' guard (bot.slack.workers): whatever a job raises, the person who asked is told
the polite reply, the slot is given back, and where nobody asked nothing is told."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator
from typing import Any

import pytest

from bot.slack import notices
from bot.slack.workers import WorkerPool
from bot.verifier.deadline import CheckTimedOut
from store.errors import ArchiveError

Told = queue.Queue[dict[str, Any]]


@pytest.fixture
def pool() -> Iterator[WorkerPool]:
    pool = WorkerPool("quotebot-test", workers=1, backlog=0)
    yield pool
    pool.close()


def _failing(error: Exception) -> Any:
    def job() -> None:
        raise error

    return job


@pytest.mark.parametrize(
    ("error", "reply"),
    [
        (CheckTimedOut("past 20 s"), notices.too_long_to_check()),
        (ArchiveError("connection refused"), notices.archive_unavailable()),
        (RuntimeError("index corrupted"), notices.something_went_wrong()),
    ],
)
def test_a_failing_job_is_told_to_the_person_politely(
    pool: WorkerPool, error: Exception, reply: dict[str, Any]
) -> None:
    told: Told = queue.Queue()

    assert pool.submit(_failing(error), doing="/quote", tell=told.put)

    assert told.get(timeout=10) == reply


def test_a_job_that_succeeds_tells_nothing_and_gives_its_slot_back(pool: WorkerPool) -> None:
    told: Told = queue.Queue()
    done: queue.Queue[str] = queue.Queue()

    assert pool.submit(lambda: done.put("first"), doing="/quote", tell=told.put)
    assert done.get(timeout=10) == "first"
    _submit_when_free(pool, lambda: done.put("second"))

    assert done.get(timeout=10) == "second"
    assert told.empty()


def test_where_nobody_asked_a_failure_is_only_logged(
    pool: WorkerPool, caplog: pytest.LogCaptureFixture
) -> None:
    done: queue.Queue[str] = queue.Queue()

    assert pool.submit(_failing(RuntimeError("boom")), doing="a watched channel", tell=None)
    _submit_when_free(pool, lambda: done.put("next"))  # the slot came back after the failure

    assert done.get(timeout=10) == "next"
    assert any(record.getMessage() == "a watched channel failed" for record in caplog.records)


def test_a_person_who_cannot_be_told_does_not_stop_the_pool(pool: WorkerPool) -> None:
    done: queue.Queue[str] = queue.Queue()

    def unreachable(_: dict[str, Any]) -> None:
        raise OSError("Slack is out of reach")

    assert pool.submit(_failing(RuntimeError("boom")), doing="a mention", tell=unreachable)
    _submit_when_free(pool, lambda: done.put("next"))

    assert done.get(timeout=10) == "next"


def _submit_when_free(pool: WorkerPool, job: Any) -> None:
    """Submit `job` as soon as the pool's one slot is free again (it is released just after the
    previous job returns)."""
    for _ in range(10_000):
        if pool.submit(job, doing="the next job", tell=None):
            return
        time.sleep(0.001)
    raise AssertionError("the slot never came back")

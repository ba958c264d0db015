"""A time limit for one check, kept by the verifier itself.

Python cannot stop a thread from outside, so a check that runs too long is stopped from inside:
the caller runs it `within(deadline)`, and the verifier calls `checkpoint()` at the top of each
of its loops (before each candidate is ranked or aligned, each paragraph, each quoted stretch of
a paste). Past the deadline, `checkpoint()` raises CheckTimedOut, the check unwinds, and the
thread is free for the next one. A check overruns its limit by at most one step of those loops,
one alignment of the paste against one text.

The deadline lives in a context variable, so checks running at once in different threads each
see only their own; code that sets none (the command line, the benchmarks) never times out.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


class CheckTimedOut(Exception):
    """The check ran past its time limit and was abandoned."""


@dataclass(frozen=True)
class Deadline:
    """A moment on the monotonic clock, and the limit it was set from (for messages)."""

    at: float
    seconds: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds, seconds)

    @property
    def passed(self) -> bool:
        return time.monotonic() > self.at


_current: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar(
    "quotebot_check_deadline", default=None
)


@contextmanager
def within(deadline: Deadline | None) -> Iterator[None]:
    """Run the block under `deadline` (None: no limit)."""
    token = _current.set(deadline)
    try:
        yield
    finally:
        _current.reset(token)


def checkpoint() -> None:
    """CheckTimedOut when the current check is past its deadline; nothing otherwise."""
    deadline = _current.get()
    if deadline is not None and deadline.passed:
        raise CheckTimedOut(f"the check took longer than {deadline.seconds:g} s")

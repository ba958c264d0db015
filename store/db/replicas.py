"""Reads from PostgreSQL read replicas, with the primary as the fallback.

A newsroom whose checks outgrow one server adds streaming replicas (DATABASE_READ_URL) and
the archive reads from them; every write still goes to the primary, which is the only server
that can take one. A replica that cannot be reached must not stop the checks: the read is
done on the primary instead, the log says so once, and the replica is tried again after
REPLICA_RETRY_S, by one read alone, while the others keep using the primary.

Replicas lag the primary by however long replay takes (usually milliseconds, longer under a
large ingest): a check made right after an ingest may not find the new article yet.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Connection, Engine, exc

from store.db.engine import location

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Seconds a replica that failed is left alone before one read tries it again.
REPLICA_RETRY_S = 30.0


@dataclass
class _Replica:
    engine: Engine
    #: Whether the last try failed (the warning was given and not yet taken back).
    failing: bool = False
    #: When a failing replica may be tried again (time.monotonic()).
    retry_at: float = 0.0


class ReadEngines:
    """Where reads go: the replicas in turn, each skipped while it is failing, else the primary.

    `read(work)` runs `work` on a connection to a replica; when the replica is unreachable, or
    the connection breaks during the read, `work` runs again on the next replica and at last on
    the primary. Reads are side-effect free, so running one twice is harmless. A read the
    replica cancelled because replay needed what it held is done elsewhere the same way,
    without a warning: the replica is well.
    """

    def __init__(
        self,
        primary: Engine,
        replicas: Sequence[Engine] = (),
        *,
        retry_after_s: float = REPLICA_RETRY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.primary = primary
        self._replicas = [_Replica(engine) for engine in replicas]
        #: Seconds a failing replica is left alone before one read tries it again.
        self.retry_after_s = retry_after_s
        self._clock = clock
        self._lock = threading.Lock()
        self._turn = 0

    @property
    def replicas(self) -> tuple[Engine, ...]:
        return tuple(replica.engine for replica in self._replicas)

    def read(self, work: Callable[[Connection], T]) -> T:
        for replica in self._in_turn():
            if not self._may_try(replica):
                continue
            try:
                with replica.engine.connect() as connection:
                    result = work(connection)
            except Exception as error:
                if behind_primary(error):
                    continue
                if not unreachable(error):
                    raise
                if not cancelled_by_replay(error):
                    self._failed(replica, error)
                continue
            self._answered(replica)
            return result
        with self.primary.connect() as connection:
            return work(connection)

    def dispose(self) -> None:
        for replica in self._replicas:
            replica.engine.dispose()

    def _in_turn(self) -> list[_Replica]:
        """The replicas, starting with the next one in turn: the reads are spread over them."""
        if not self._replicas:
            return []
        with self._lock:
            start = self._turn
            self._turn = (start + 1) % len(self._replicas)
        return self._replicas[start:] + self._replicas[:start]

    def _may_try(self, replica: _Replica) -> bool:
        """A replica in good standing, or a failing one whose time to be retried has come: then
        this read alone retries it (the retry time moves on at once)."""
        with self._lock:
            if not replica.failing:
                return True
            now = self._clock()
            if now < replica.retry_at:
                return False
            replica.retry_at = now + self.retry_after_s
            return True

    def _failed(self, replica: _Replica, error: BaseException) -> None:
        with self._lock:
            replica.retry_at = self._clock() + self.retry_after_s
            if replica.failing:
                return
            replica.failing = True
        logger.warning(
            "read replica %s is unreachable, reading from %s instead; trying it again every "
            "%g s: %s",
            location(replica.engine.url),
            "the other replicas or the primary" if len(self._replicas) > 1 else "the primary",
            self.retry_after_s,
            _first_line(error),
        )

    def _answered(self, replica: _Replica) -> None:
        with self._lock:
            if not replica.failing:
                return
            replica.failing = False
        logger.info("read replica %s answers again", location(replica.engine.url))


def unreachable(error: BaseException) -> bool:
    """Whether `error` says the server cannot be used (refused, gone, shut down, in conflict
    with recovery) rather than that the statement was wrong: the DB-API's OperationalError, of
    SQLAlchemy's wrapping or of the driver's own cursor (store.search.index), or a connection
    SQLAlchemy found broken."""
    if isinstance(error, exc.DBAPIError):
        return error.connection_invalidated or isinstance(error, exc.OperationalError)
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and isinstance(error, psycopg.OperationalError)


def cancelled_by_replay(error: BaseException) -> bool:
    """Whether the replica cancelled the read because replaying the primary's changes needed
    what it held (SQLSTATE 40001, "conflict with recovery"): that read is done elsewhere, but the
    replica is in good health and keeps its turn."""
    return _sqlstate(error) == "40001"


def behind_primary(error: BaseException) -> bool:
    """Whether the replica lacks a table or column the primary has (SQLSTATE 42P01, 42703): it
    has not yet replayed a change of the schema (an archive just set up, or upgraded), and the
    read is done elsewhere, without a warning, as the replica catches up by itself. An ingest
    into a new archive read the desk's rulings from a replica that had no `ruling_register` yet,
    and failed."""
    return _sqlstate(error) in _NOT_YET_REPLAYED


#: SQLSTATEs of a table or a column that does not exist.
_NOT_YET_REPLAYED = frozenset({"42P01", "42703"})


def _sqlstate(error: BaseException) -> str | None:
    return getattr(_original(error), "sqlstate", None)


def _original(error: BaseException) -> object:
    """The driver's own error, which SQLAlchemy's wraps."""
    return error.orig if isinstance(error, exc.DBAPIError) else error


def _first_line(error: BaseException) -> str:
    original = _original(error)
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    return lines[0] if lines else type(original).__name__

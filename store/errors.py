"""The one error the archive lets users see.

Drivers, Alembic and SQLAlchemy raise dozens of exception types with multi-line messages and
tracebacks; the archive translates every failure a user can cause (a bad URL, an unreachable
server, a read-only file, an out-of-date schema) into an `ArchiveError` whose message is a single
line that says what to do, so the command line and the bot can show it as it is.
"""

from __future__ import annotations


class ArchiveError(Exception):
    """A failure of the archive, explained in one line fit to show to a user."""

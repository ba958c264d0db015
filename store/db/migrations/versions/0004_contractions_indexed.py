"""Contractions are read as the words they stand for ("don't" as "do not"): no schema change.

This revision once emptied the candidate index and filled it again with the code of the day.
Filling the index is now one versioned step instead (the index version recorded by revision
0009, `quotebot db reindex`), which `quotebot db upgrade` names when an archive's index was
built by an older quotebot; the revision stays, empty, so that archives at 0003 or 0004 keep
their place in the history.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Nothing: the index is read again by the versioned reindex step."""


def downgrade() -> None:
    """Nothing to undo."""

"""PostgreSQL's candidate indexes without GIN's pending list, and with planner statistics.

With the pending list (GIN's default `fastupdate`), newly indexed rows wait in an unsorted list
that every lookup reads through until a vacuum merges it: after a large ingest a lookup took
milliseconds instead of microseconds. Turning it off merges what is pending; ANALYZE gives the
planner the terms' frequencies, so that it reads rare terms through the index and common ones
by scanning. SQLite's FTS5 index has neither problem: nothing to do there.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

#: The candidate index tables revision 0002 created.
INDEX_TABLES = ("quotation_grams", "paragraph_grams")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in INDEX_TABLES:
        index = f"ix_{table}_grams"
        op.execute(f"SELECT gin_clean_pending_list('{index}'::regclass)")
        op.execute(f"ALTER INDEX {index} SET (fastupdate = off)")
    op.execute(f"ANALYZE {', '.join(INDEX_TABLES)}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in INDEX_TABLES:
        op.execute(f"ALTER INDEX ix_{table}_grams RESET (fastupdate)")

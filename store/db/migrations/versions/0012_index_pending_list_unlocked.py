"""PostgreSQL's candidate indexes keep GIN's pending list switched on, and quotebot empties it.

Revision 0005 switched the pending list off (`fastupdate = off`), so that no lookup read
through a list of recent rows; a large batch then switched it on for its own writes and off
again before committing. Switching it either way takes the strongest lock there is on the
index until the batch commits, and every check on the server (and on each read replica, which
replays the lock) waited for the batch: fourteen seconds for one check while a bulk import
ran. Now the list is on for good, and every write of quotebot's empties it before committing
(`gin_clean_pending_list`), which needs no lock that a reader waits for: a lookup finds the
list empty, as before, except while a batch is being written.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | None = None
depends_on: str | None = None

#: The candidate index tables revision 0002 created.
INDEX_TABLES = ("quotation_grams", "paragraph_grams")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in INDEX_TABLES:
        op.execute(f"ALTER INDEX ix_{table}_grams SET (fastupdate = on)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in INDEX_TABLES:
        index = f"ix_{table}_grams"
        op.execute(f"SELECT gin_clean_pending_list('{index}'::regclass)")
        op.execute(f"ALTER INDEX {index} SET (fastupdate = off)")

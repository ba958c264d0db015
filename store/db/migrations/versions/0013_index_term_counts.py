"""Counts of the common terms of each candidate index table, which checks skip unread.

A check skips an index term that too many rows hold (store.search.candidates.TERM_CAP). Until
now only PostgreSQL's ANALYZE named such terms before a check asked, and only its 10,000
commonest a table; SQLite's FTS5 tables keep no statistics at all. A check learned every other
common term by reading its capped rows: about a quarter of a millisecond a term and a seventh of
a check at a million quotations on SQLite, a posting list and 400 rows a term on PostgreSQL.
The statistics refresh after a large ingest (store.search.refresh) now writes them here:
counted whole from FTS5's vocabulary in SQLite, in a sample of rows in PostgreSQL.

An archive upgraded to this revision has none until its next refresh (a large ingest or
`quotebot db reindex`): until then checks learn common terms by reading them, as before.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "index_term_counts",
        sa.Column("index_table", sa.String(length=32), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("index_table", "term", name="pk_index_term_counts"),
    )


def downgrade() -> None:
    op.drop_table("index_term_counts")

"""The version of the candidate index the archive holds: which way of reading stored text into
search terms (and articles into paragraphs) built it.

Refilling the index is one versioned step (`quotebot db reindex`), not a migration: this table
lets `quotebot db upgrade` and `quotebot check` tell when the index was built by an older
quotebot and name that step. An archive upgraded to this revision holds an index of unknown
age, version 0; the reindex step records its own version when it has read everything again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None

#: What an index built before versions were recorded is taken to be: older than any version.
UNRECORDED = 0


def upgrade() -> None:
    table = op.create_table(
        "search_index_version",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_search_index_version_one_row"),
        sa.PrimaryKeyConstraint("id", name="pk_search_index_version"),
    )
    op.bulk_insert(table, [{"id": 1, "version": UNRECORDED}])


def downgrade() -> None:
    op.drop_table("search_index_version")

"""How each article came into the archive: "cli" (`quotebot ingest`) or "slack" (`/quote add`),
so that a newsroom can trust what its operator ingested apart from what anyone could add.

Articles stored before this revision by a `/quote add` are known from the audit log of adds
(the row whose outcome is "stored" names the article); every other one came from the command
line.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

MAX_ADDED_VIA_CHARS = 8


def upgrade() -> None:
    # NOT NULL with a constant default: instant on PostgreSQL 11+, and allowed by SQLite's
    # ADD COLUMN, whatever the archive's size.
    op.add_column(
        "articles",
        sa.Column(
            "added_via",
            sa.String(MAX_ADDED_VIA_CHARS),
            nullable=False,
            server_default="cli",
        ),
    )
    op.execute(
        "UPDATE articles SET added_via = 'slack' WHERE id IN "
        "(SELECT article_id FROM adds WHERE outcome = 'stored' AND article_id IS NOT NULL)"
    )


def downgrade() -> None:
    op.drop_column("articles", "added_via")

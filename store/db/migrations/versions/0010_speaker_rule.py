"""Which named extraction rule credited each quotation's speaker (store/extract/rules.py), so
that an answer can say in plain words how the archive knows who said it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None

MAX_RULE_CHARS = 40


def upgrade() -> None:
    # Plain ADD COLUMN (nullable, no default): instant on both databases, whatever the size.
    # Quotations stored before keep NULL until their articles are ingested again.
    op.add_column("quotations", sa.Column("speaker_rule", sa.String(MAX_RULE_CHARS), nullable=True))


def downgrade() -> None:
    op.drop_column("quotations", "speaker_rule")

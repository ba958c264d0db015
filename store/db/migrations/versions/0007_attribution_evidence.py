"""How each quotation's speaker was found, the sentence that shows it, and how sure the
attribution model is: what lets an answer call a paste misattributed only when the archive is
sure, and show why.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

MAX_FOUND_BY_CHARS = 16


def upgrade() -> None:
    # Plain ADD COLUMN (nullable, no default): instant on both databases, whatever the size.
    op.add_column(
        "quotations", sa.Column("speaker_found_by", sa.String(MAX_FOUND_BY_CHARS), nullable=True)
    )
    op.add_column("quotations", sa.Column("speaker_evidence", sa.Text(), nullable=True))
    op.add_column("quotations", sa.Column("speaker_confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    op.drop_column("quotations", "speaker_confidence")
    op.drop_column("quotations", "speaker_evidence")
    op.drop_column("quotations", "speaker_found_by")

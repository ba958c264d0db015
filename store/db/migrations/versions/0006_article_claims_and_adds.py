"""What a page fetched by URL claimed to be (its canonical address and site name on another
site), kept beside the article instead of as its identity; and the audit log of `/quote add`.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

MAX_ID_CHARS = 64


def upgrade() -> None:
    op.add_column("articles", sa.Column("claimed_url", sa.Text(), nullable=True))
    op.add_column("articles", sa.Column("claimed_outlet", sa.Text(), nullable=True))
    op.create_table(
        "adds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("workspace", sa.String(MAX_ID_CHARS), nullable=False),
        sa.Column("channel", sa.String(MAX_ID_CHARS), nullable=True),
        sa.Column("user_id", sa.String(MAX_ID_CHARS), nullable=True),
        sa.Column("url_asked", sa.Text(), nullable=False),
        sa.Column("url_fetched", sa.Text(), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "outcome IN ('stored', 'duplicate', 'refused', 'failed')", name="ck_adds_outcome"
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_adds_article_id_articles",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_adds"),
    )
    op.create_index(
        "ix_adds_workspace_user_id_asked_at", "adds", ["workspace", "user_id", "asked_at"]
    )
    op.create_index("ix_adds_article_id", "adds", ["article_id"])


def downgrade() -> None:
    op.drop_table("adds")
    op.drop_column("articles", "claimed_outlet")
    op.drop_column("articles", "claimed_url")

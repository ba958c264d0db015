"""The desk's rulings on quotations, with their history, and where ruled quotes reappeared.

A ruling is keyed to the words ruled on (a fabricated quote has no printed source), linked to
the archived quotation when there is one; each revision is a row of its own so that the
history is kept. A reappearance is one row per (ruling, place), so that each is alerted once
whichever process sees it. `ruling_register` holds one number that every recorded ruling
raises, in the same transaction: a process that keeps the rulings in memory for its checks
reads it to know when to read them again.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | None = None
depends_on: str | None = None

MAX_NAME_CHARS = 300
MAX_KIND_CHARS = 16
MAX_PLACE_CHARS = 500
KINDS = "'misattributed', 'fabricated', 'misquoted', 'spliced', 'out_of_context', 'confirmed'"


def upgrade() -> None:
    op.create_table(
        "rulings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_key", sa.String(64), nullable=False),
        sa.Column("credited", sa.String(MAX_NAME_CHARS), nullable=True),
        sa.Column("quotation_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["quotation_id"],
            ["quotations.id"],
            name="fk_rulings_quotation_id_quotations",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_rulings"),
        sa.UniqueConstraint("text_key", name="uq_rulings_text_key"),
    )
    op.create_index("ix_rulings_quotation_id", "rulings", ["quotation_id"])
    op.create_table(
        "ruling_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ruling_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(MAX_KIND_CHARS), nullable=False),
        sa.Column("speaker", sa.String(MAX_NAME_CHARS), nullable=True),
        sa.Column("printed", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("links", sa.Text(), nullable=True),
        sa.Column("ruled_by", sa.String(MAX_NAME_CHARS), nullable=False),
        sa.Column("ruled_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(f"kind IN ({KINDS})", name="ck_ruling_revisions_kind"),
        sa.ForeignKeyConstraint(
            ["ruling_id"],
            ["rulings.id"],
            name="fk_ruling_revisions_ruling_id_rulings",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ruling_revisions"),
        sa.UniqueConstraint("ruling_id", "revision", name="uq_ruling_revisions_ruling_id_revision"),
    )
    op.create_index("ix_ruling_revisions_ruled_at", "ruling_revisions", ["ruled_at"])
    op.create_table(
        "reappearances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ruling_id", sa.Integer(), nullable=False),
        sa.Column("place", sa.String(MAX_PLACE_CHARS), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ruling_id"],
            ["rulings.id"],
            name="fk_reappearances_ruling_id_rulings",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["ruling_revisions.id"],
            name="fk_reappearances_revision_id_ruling_revisions",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_reappearances"),
        sa.UniqueConstraint("ruling_id", "place", name="uq_reappearances_ruling_id_place"),
    )
    op.create_index("ix_reappearances_seen_at", "reappearances", ["seen_at"])
    register = op.create_table(
        "ruling_register",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_ruling_register_one_row"),
        sa.PrimaryKeyConstraint("id", name="pk_ruling_register"),
    )
    op.bulk_insert(register, [{"id": 1, "version": 0}])


def downgrade() -> None:
    op.drop_table("ruling_register")
    op.drop_table("reappearances")
    op.drop_table("ruling_revisions")
    op.drop_table("rulings")

"""The first archive: outlets, articles, speakers with their aliases, quotations.

Revision ID: 0001
Revises:
Create Date: 2025-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

MAX_URL_CHARS = 2048
MAX_NAME_CHARS = 300


def upgrade() -> None:
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(MAX_NAME_CHARS), nullable=False),
        sa.Column("name_key", sa.String(MAX_NAME_CHARS), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_outlets"),
        sa.UniqueConstraint("name_key", name="uq_outlets_name_key"),
    )
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(MAX_NAME_CHARS), nullable=False),
        sa.Column("name_key", sa.String(MAX_NAME_CHARS), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_speakers"),
        sa.UniqueConstraint("name_key", name="uq_speakers_name_key"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("url_key", sa.String(MAX_URL_CHARS), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("byline", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["outlet_id"], ["outlets.id"], name="fk_articles_outlet_id_outlets"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("url_key", name="uq_articles_url_key"),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_index("ix_articles_outlet_id", "articles", ["outlet_id"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "speaker_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("alias", sa.String(MAX_NAME_CHARS), nullable=False),
        sa.Column("alias_key", sa.String(MAX_NAME_CHARS), nullable=False),
        sa.CheckConstraint(
            "kind IN ('surname', 'as_written', 'role')", name="ck_speaker_aliases_kind"
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name="fk_speaker_aliases_speaker_id_speakers",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_speaker_aliases"),
        sa.UniqueConstraint(
            "speaker_id", "kind", "alias_key", name="uq_speaker_aliases_speaker_id_kind_alias_key"
        ),
    )
    op.create_index("ix_speaker_aliases_alias_key", "speaker_aliases", ["alias_key"])
    op.create_table(
        "quotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("context_start", sa.Integer(), nullable=False),
        sa.Column("context_end", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "direct",
                "partial",
                "reported",
                name="quotation_kind",
                native_enum=False,
                create_constraint=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_as_written", sa.Text(), nullable=True),
        sa.Column("speaker_role", sa.Text(), nullable=True),
        sa.Column("reported_to", sa.Text(), nullable=True),
        sa.Column("via", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.CheckConstraint("kind IN ('direct', 'partial', 'reported')", name="ck_quotations_kind"),
        sa.CheckConstraint("start_offset <= end_offset", name="ck_quotations_span"),
        sa.CheckConstraint("context_start <= context_end", name="ck_quotations_context_span"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_quotations_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["speakers.id"], name="fk_quotations_speaker_id_speakers"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_quotations"),
    )
    op.create_index("ix_quotations_article_id", "quotations", ["article_id"])
    op.create_index("ix_quotations_speaker_id", "quotations", ["speaker_id"])
    op.create_index("ix_quotations_fingerprint", "quotations", ["fingerprint"])


def downgrade() -> None:
    op.drop_table("quotations")
    op.drop_table("speaker_aliases")
    op.drop_table("articles")
    op.drop_table("speakers")
    op.drop_table("outlets")

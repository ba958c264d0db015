"""The candidate index: the words and word pairs of every quotation and every paragraph of the
articles, in the database's own full-text index (FTS5 in SQLite, a GIN-indexed tsvector in
PostgreSQL).

The tables are written out here as they were at this revision, so that the revision means the
same whatever quotebot runs it. It creates them empty: filling them from what is already stored
is the versioned reindex step (store/search/rebuild.py), which `quotebot db upgrade` runs once at
the end of an upgrade from an archive that had no index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

#: The index tables and the rows each one's ids are keys of.
INDEX_TABLES = {"quotation_grams": "quotations", "paragraph_grams": "paragraphs"}


def upgrade() -> None:
    op.create_table(
        "paragraphs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.CheckConstraint("start_offset <= end_offset", name="ck_paragraphs_span"),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_paragraphs_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_paragraphs"),
    )
    op.create_index("ix_paragraphs_article_id", "paragraphs", ["article_id"])
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, keyed in INDEX_TABLES.items():
        if postgres:
            op.execute(
                f"CREATE TABLE {table} ("
                f"id integer PRIMARY KEY REFERENCES {keyed}(id) ON DELETE CASCADE, "
                "grams tsvector NOT NULL)"
            )
            op.execute(f"CREATE INDEX ix_{table}_grams ON {table} USING gin (grams)")
        else:
            op.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5("
                "grams, content='', detail=none, tokenize=\"unicode61 tokenchars '_'\")"
            )


def downgrade() -> None:
    for table in INDEX_TABLES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
    op.drop_table("paragraphs")

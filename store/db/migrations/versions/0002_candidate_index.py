"""The candidate index: the words and word pairs of every quotation and every paragraph of the
articles, in the database's own full-text index (FTS5 in SQLite, a GIN-indexed tsvector in
PostgreSQL), filled for what is already stored.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store.extract.paragraphs import split_paragraphs
from store.search.index import PARAGRAPHS, TABLES, create_statements, index_for
from store.search.rebuild import BATCH, index_quotations

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


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
    connection = op.get_bind()
    dialect = connection.dialect.name
    for statement in create_statements(dialect):
        op.execute(statement)
    index_quotations(connection)
    _split_and_index_articles(connection, dialect)


def _split_and_index_articles(connection: sa.Connection, dialect: str) -> None:
    index = index_for(dialect, PARAGRAPHS)
    table = sa.table(
        "paragraphs",
        sa.column("id", sa.Integer),
        sa.column("article_id", sa.Integer),
        sa.column("start_offset", sa.Integer),
        sa.column("end_offset", sa.Integer),
    )
    last = 0
    while articles := connection.execute(
        sa.text("SELECT id, text FROM articles WHERE id > :last ORDER BY id LIMIT :batch"),
        {"last": last, "batch": BATCH},
    ).all():
        for article_id, article_text in articles:
            spans = [(p.start, p.end) for p in split_paragraphs(article_text)]
            if not spans:
                continue
            connection.execute(
                sa.insert(table),
                [
                    {"article_id": article_id, "start_offset": start, "end_offset": end}
                    for start, end in spans
                ],
            )
            stored = connection.execute(
                sa.text(
                    "SELECT id, start_offset, end_offset FROM paragraphs "
                    "WHERE article_id = :article ORDER BY start_offset"
                ),
                {"article": article_id},
            ).all()
            index.add(connection, [(key, article_text[start:end]) for key, start, end in stored])
        last = articles[-1][0]


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
    op.drop_table("paragraphs")

"""The candidate index rebuilt: contractions are now read as the words they stand for ("don't"
as "do not"), so the terms stored for what is already archived must be read again that way.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

from store.search.index import TABLES, create_statements
from store.search.rebuild import index_paragraphs, index_quotations

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    _recreate_index()
    connection = op.get_bind()
    index_quotations(connection)
    index_paragraphs(connection)


def downgrade() -> None:
    """The rebuilt index stays: an older quotebot then misses a contraction in a paste that
    the archive printed the same way, until the archive is upgraded again."""


def _recreate_index() -> None:
    for table in TABLES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in create_statements(op.get_bind().dialect.name):
        op.execute(statement)

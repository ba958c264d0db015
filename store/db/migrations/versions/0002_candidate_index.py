"""The candidate index: the words and word pairs of every quotation, in the database's own
full-text index (FTS5 in SQLite, a GIN-indexed tsvector in PostgreSQL), filled for the
quotations already stored.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store.search.index import TABLE, create_statements, index_for

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_BATCH = 5_000


def upgrade() -> None:
    connection = op.get_bind()
    dialect = connection.dialect.name
    for statement in create_statements(dialect):
        op.execute(statement)
    index = index_for(dialect)
    last = 0
    while True:
        rows = connection.execute(
            sa.text("SELECT id, text FROM quotations WHERE id > :last ORDER BY id LIMIT :batch"),
            {"last": last, "batch": _BATCH},
        ).all()
        if not rows:
            break
        index.add(connection, [(row[0], row[1]) for row in rows])
        last = rows[-1][0]


def downgrade() -> None:
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")

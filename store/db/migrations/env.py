"""Alembic's entry point for the archive's migrations.

quotebot runs migrations itself (store.db.schema) and hands over a connection that is already
inside a transaction and holds the schema lock; the `alembic` command-line tool, used only by
developers writing a migration, gets an engine for the configured database instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from store.db.engine import create_archive_engine, for_writing
from store.db.models import Base
from store.db.schema import is_model_table
from store.settings import database_url


def _include_name(name: str | None, type_: str, parent_names: object) -> bool:
    return type_ != "table" or is_model_table(name)


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things in place: autogenerate "batch" (copy-and-move) steps.
        render_as_batch=True,
        compare_type=True,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=Base.metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


given_connection = context.config.attributes.get("connection")
if given_connection is not None:
    run_migrations(given_connection)
elif context.is_offline_mode():
    run_migrations_offline()
else:
    engine = for_writing(create_archive_engine(database_url()))
    with engine.begin() as connection:
        run_migrations(connection)
    engine.dispose()

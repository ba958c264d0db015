"""The schema: set up on an empty database, refused when stale, always equal to the models."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from store.archive import Archive
from store.db import schema
from store.db.engine import create_archive_engine
from store.db.models import Base
from store.errors import ArchiveError
from store.search.version import INDEX_VERSION, recorded_index_version

NEXT_REVISION = '''"""A revision newer than any shipped, as the next quotebot would bring."""

import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("newer_feature", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("newer_feature")
'''


@pytest.fixture
def newer_migrations(tmp_path: Path) -> Path:
    """The migrations of a newer quotebot: these, and one revision more (0099)."""
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0099_newer_feature.py").write_text(
        NEXT_REVISION.format(head=schema.head_revision()), encoding="utf-8"
    )
    return migrations


def test_empty_database_is_brought_to_the_current_revision(archive_url: str) -> None:
    with Archive.open(archive_url) as archive:
        assert schema.current_revision(archive.engine) == schema.head_revision()
        tables = set(inspect(archive.engine).get_table_names())
    assert {"outlets", "articles", "speakers", "speaker_aliases", "quotations"} <= tables


def test_migrations_create_exactly_the_tables_the_models_describe(archive_url: str) -> None:
    with Archive.open(archive_url) as archive, archive.engine.connect() as connection:
        options = {
            "compare_type": True,
            "include_name": lambda name, type_, _: type_ != "table" or schema.is_model_table(name),
        }
        differences = compare_metadata(
            MigrationContext.configure(connection, opts=options), Base.metadata
        )
    assert differences == []


def test_archive_at_an_older_revision_is_refused_until_upgraded(
    archive_url: str, newer_migrations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Archive.open(archive_url).close()  # set up by this quotebot
    shipped_head = schema.head_revision()
    monkeypatch.setattr(schema, "MIGRATIONS", newer_migrations)  # then a newer one is installed

    with pytest.raises(ArchiveError) as refused:
        Archive.open(archive_url)

    assert str(refused.value) == (
        f"the archive's schema is at revision {shipped_head}, this quotebot needs 0099: "
        "run `quotebot db upgrade`"
    )
    engine = create_archive_engine(archive_url)
    assert schema.upgrade(engine) == "0099"
    assert "newer_feature" in inspect(engine).get_table_names()
    engine.dispose()
    Archive.open(archive_url).close()


def test_archive_set_up_by_a_newer_quotebot_is_refused(
    archive_url: str, newer_migrations: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = schema.MIGRATIONS
    monkeypatch.setattr(schema, "MIGRATIONS", newer_migrations)
    Archive.open(archive_url).close()  # set up at 0099 by a newer quotebot
    monkeypatch.setattr(schema, "MIGRATIONS", shipped)  # then opened by this one

    with pytest.raises(ArchiveError, match="revision 0099, which this quotebot does not know"):
        Archive.open(archive_url)
    engine = create_archive_engine(archive_url)
    with pytest.raises(ArchiveError, match="upgrade quotebot"):
        schema.upgrade(engine)
    engine.dispose()


def test_upgrading_an_archive_already_at_head_changes_nothing(archive_url: str) -> None:
    with Archive.open(archive_url) as archive:
        assert schema.upgrade(archive.engine) == schema.head_revision()
        assert schema.current_revision(archive.engine) == schema.head_revision()


#: What a revision may import: the migration tools, never quotebot's own code, which changes.
MIGRATION_IMPORTS = {"__future__", "alembic", "sqlalchemy"}


def _imported_packages(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add((node.module or "").split(".")[0])
    return names


@pytest.mark.parametrize(
    "revision", sorted((schema.MIGRATIONS / "versions").glob("*.py")), ids=lambda path: path.stem
)
def test_each_revision_carries_its_own_ddl_and_imports_no_quotebot_code(revision: Path) -> None:
    """A revision must mean the same whatever quotebot runs it: code it imported would change
    under it (a new tokenizer would silently rebuild an old revision's index)."""
    assert _imported_packages(revision.read_text(encoding="utf-8")) <= MIGRATION_IMPORTS


def test_a_new_archive_records_this_quotebots_index_version(archive_url: str) -> None:
    with Archive.open(archive_url) as archive, archive.engine.connect() as connection:
        assert recorded_index_version(connection) == INDEX_VERSION
        assert not schema.index_needs_rebuilding(archive.engine)

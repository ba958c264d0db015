"""`quotebot db`: the schema revision, and the one deliberate way to upgrade it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from factories import article, quotation
from sqlalchemy import text

from bot.cli import cli
from store.archive import Archive
from store.db import schema
from store.db.engine import create_archive_engine
from store.search.index import PARAGRAPHS, QUOTATIONS
from store.search.term_hashes import term_hashes

NEXT_REVISION = '''"""The next quotebot's schema change."""

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


def run(archive_url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", archive_url, *args])


@pytest.fixture
def stale_archive(archive_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An archive at this quotebot's revision, opened by a newer quotebot with one more."""
    Archive.open(archive_url).close()
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0099_newer_feature.py").write_text(
        NEXT_REVISION.format(head=schema.head_revision()), encoding="utf-8"
    )
    old_head = schema.head_revision()
    monkeypatch.setattr(schema, "MIGRATIONS", migrations)
    return old_head


def test_current_of_an_empty_database_says_it_will_be_set_up(archive_url: str) -> None:
    result = run(archive_url, "db", "current")

    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("none: an empty database")


def test_current_of_an_archive_in_use_is_the_head_revision(archive_url: str) -> None:
    Archive.open(archive_url).close()

    result = run(archive_url, "db", "current")

    assert result.stdout == f"{schema.head_revision()} (current)\n"


def test_stale_archive_is_refused_until_db_upgrade(archive_url: str, stale_archive: str) -> None:
    refused = run(archive_url, "stats")
    current = run(archive_url, "db", "current")
    upgraded = run(archive_url, "db", "upgrade")
    accepted = run(archive_url, "stats", "--json")

    assert refused.exit_code == 1
    assert refused.stderr == (
        f"quotebot: the archive's schema is at revision {stale_archive}, this quotebot needs "
        "0099: run `quotebot db upgrade`\n"
    )
    assert "run `quotebot db upgrade`" in current.stdout
    assert upgraded.exit_code == 0, upgraded.stderr
    assert upgraded.stdout == (
        f"Upgraded the archive's schema from revision {stale_archive} to 0099.\n"
    )
    assert accepted.exit_code == 0, accepted.stderr


def test_upgrade_of_an_archive_at_head_says_so(archive_url: str) -> None:
    Archive.open(archive_url).close()

    result = run(archive_url, "db", "upgrade")

    assert result.exit_code == 0, result.stderr
    assert (
        result.stdout == f"The archive's schema is already at revision {schema.head_revision()}.\n"
    )


def index_terms_as_written_before(archive_url: str, terms: str) -> None:
    """Replace what the index holds with `terms` for every row, as an older quotebot, folding
    words differently, would have stored them."""
    engine = create_archive_engine(archive_url)
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as connection:
        for table, rows in ((QUOTATIONS, "quotations"), (PARAGRAPHS, "paragraphs")):
            if postgres:
                connection.exec_driver_sql(f"DELETE FROM {table}")
                connection.execute(
                    text(
                        f"INSERT INTO {table}(id, grams) SELECT id, "
                        f"CAST(:numbers AS integer[]) FROM {rows}"
                    ),
                    {"numbers": term_hashes(terms.split())},
                )
            else:
                connection.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
                connection.execute(
                    text(f"INSERT INTO {table}(rowid, grams) SELECT id, :terms FROM {rows}"),
                    {"terms": terms},
                )
    engine.dispose()


def test_reindex_reads_stored_words_again_the_way_this_quotebot_folds_them(
    archive_url: str,
) -> None:
    said = "The ferry waits 2½ hours at Pellow Sound"
    text_ = f'"{said}," said Ada Quill.'
    with Archive.open(archive_url) as archive:
        archive.add(article(text_), [quotation(text_, said, speaker="Ada Quill")])
    # Before "½" was folded to its digits, "2½" was the term "21⁄2".
    index_terms_as_written_before(archive_url, "the ferry waits 21⁄2 hours")
    with Archive.open(archive_url) as archive:
        assert archive.search([["212"]]) == []

    result = run(archive_url, "db", "reindex")

    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Reindexed 1 quotation and 1 paragraph.\n"
    with Archive.open(archive_url) as archive:
        assert [q.text for q in archive.search([["212"]])] == [said]
        assert [p.text for p in archive.search_paragraphs([["212", "hours"]])] == [text_]

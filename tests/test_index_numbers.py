"""PostgreSQL's candidate index holds each term as a number (store.search.term_hashes).

The number must be the one PostgreSQL computes from the term's text, since revision 0014 turned
the terms an older quotebot stored as text into numbers in SQL: an archive upgraded in place
then finds its quotations without a reindex. Downgrading empties that index and says so.
"""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from click.testing import CliRunner
from factories import article, quotation
from index_support import terms_written_as_text
from sqlalchemy import Engine, text

from bot.cli import cli
from bot.verifier.verdict import Verdict
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.db import schema
from store.db.engine import create_archive_engine
from store.search.term_hashes import array_literal, term_hash
from store.search.version import UNRECORDED, recorded_index_version

STORY = (
    "Quayside cranes to be replaced by spring\n\n"
    '"Every crane on the east quay will be replaced before the spring tides," said Oriel '
    "Stannard, the port's engineer.\n\n"
    "The work will close the quay to cruise ships for six weeks."
)
SAID = "Every crane on the east quay will be replaced before the spring tides"


def store_story(engine: Engine) -> None:
    Archive(engine).add(
        article(
            STORY,
            title="Cranes",
            outlet="Harbour Courier",
            url="https://courier.example/cranes",
            published=dt.date(2025, 3, 14),
        ),
        [quotation(STORY, SAID, speaker="Oriel Stannard")],
    )


@pytest.mark.parametrize(
    "term", ["crane", "east_quay", "rouvrira_é", "naïve_café", "東京_港", "o'neill", "x" * 40]
)
def test_a_terms_number_is_the_one_postgresql_computes_from_its_text(
    postgres_archive_url: str, term: str
) -> None:
    engine = create_archive_engine(postgres_archive_url)
    with engine.connect() as connection:
        computed = connection.execute(
            text("SELECT ('x' || left(md5(:term), 8))::bit(32)::integer"), {"term": term}
        ).scalar_one()
        read = connection.execute(
            text("SELECT CAST(:literal AS integer[])"), {"literal": array_literal([term, "quay"])}
        ).scalar_one()
    engine.dispose()

    assert term_hash(term) == computed
    assert read == [computed, term_hash("quay")]


def test_an_index_stored_as_text_is_upgraded_in_place_and_still_finds_its_quotations(
    postgres_archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_archive_engine(postgres_archive_url)
    assert schema.upgrade(engine, "0013") == "0013"
    with terms_written_as_text(monkeypatch):
        store_story(engine)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO index_term_counts(index_table, term, rows) "
                "VALUES ('quotation_grams', 'east_quay', 900)"
            )
        )
    engine.dispose()

    upgraded = CliRunner().invoke(cli, ["--db", postgres_archive_url, "db", "upgrade"])

    assert upgraded.exit_code == 0, upgraded.output
    assert "reindex" not in upgraded.output
    with Archive.open(postgres_archive_url) as archive:
        [checked] = Verifier(archive).check(f'"{SAID}"')
        with archive.engine.connect() as connection:
            counted = connection.execute(text("SELECT term FROM index_term_counts")).scalars()
            assert list(counted) == [str(term_hash("east_quay"))]
    assert checked.verdict is Verdict.VERIFIED
    assert checked.matches[0].speaker == "Oriel Stannard"


def test_downgrading_empties_the_postgresql_index_and_asks_for_a_reindex(
    postgres_archive_url: str,
) -> None:
    with Archive.open(postgres_archive_url) as archive:
        store_story(archive.engine)

    engine = create_archive_engine(postgres_archive_url)
    with engine.begin() as connection:
        config = schema._config()  # as schema.upgrade runs the migrations, the other way
        config.attributes["connection"] = connection
        command.downgrade(config, "0013")
    with engine.connect() as connection:
        column = connection.execute(
            text("SELECT pg_typeof(grams)::text FROM quotation_grams")
        ).scalar_one()
        assert recorded_index_version(connection) == UNRECORDED
    engine.dispose()
    assert column == "tsvector"

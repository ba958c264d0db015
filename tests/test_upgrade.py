"""An archive built by an older quotebot is upgraded in place and loses nothing.

The archive is created at the first revision, filled the way that quotebot filled it, then
brought to the current revision by `quotebot db upgrade`; every row is still there, and what the
new revision adds (the candidate index, the paragraphs) is filled for the old rows, so the
verifier finds quotations stored before it existed.
"""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner
from sqlalchemy import text

from bot.cli import cli
from bot.verifier.verdict import Verdict
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import Article
from store.db import schema
from store.db.engine import create_archive_engine
from store.quotation import Kind, Quotation
from store.search.index import TABLES

ARTICLE_TEXT = (
    "Brackwater ferry to run every twenty minutes\n\n"
    '"We will run a ferry every twenty minutes until the bridge reopens," said Agnes Moll, '
    "the harbour master.\n\n"
    "Moll said the ferry would carry bicycles free of charge."
)
QUOTE = "We will run a ferry every twenty minutes until the bridge reopens"


def _fill_first_revision(url: str) -> None:
    """What the first quotebot stored: an outlet, a speaker, an article and its quotation."""
    engine = create_archive_engine(url)
    assert schema.upgrade(engine, "0001") == "0001"
    start = ARTICLE_TEXT.index(QUOTE)
    paragraph = ARTICLE_TEXT.index('"We will')
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO outlets (id, name, name_key) VALUES (1, 'Bugle', 'bugle')")
        )
        connection.execute(
            text("INSERT INTO speakers (id, name, name_key) VALUES (1, 'Agnes Moll', 'agnes moll')")
        )
        connection.execute(
            text(
                "INSERT INTO articles (id, outlet_id, title, url, url_key, content_hash, published,"
                " text, source, ingested_at) VALUES (1, 1, 'Ferry', 'https://bugle.example/ferry',"
                " 'https://bugle.example/ferry', :hash, :published, :text, 'ferry.txt', :now)"
            ),
            {
                "hash": "0" * 64,
                "published": dt.date(2024, 6, 1),
                "text": ARTICLE_TEXT,
                "now": dt.datetime(2024, 6, 1, tzinfo=dt.UTC),
            },
        )
        connection.execute(
            text(
                "INSERT INTO quotations (id, article_id, text, start_offset, end_offset,"
                " context_start, context_end, kind, speaker_id, speaker_as_written, fingerprint)"
                " VALUES (1, 1, :quote, :start, :end, :pstart, :pend, 'direct', 1, 'Agnes Moll',"
                " 'f1')"
            ),
            {
                "quote": QUOTE,
                "start": start,
                "end": start + len(QUOTE),
                "pstart": paragraph,
                "pend": ARTICLE_TEXT.index("\n\nMoll"),
            },
        )
    engine.dispose()


def test_upgrading_an_old_archive_keeps_every_row_and_indexes_them(archive_url: str) -> None:
    _fill_first_revision(archive_url)

    result = CliRunner().invoke(cli, ["--db", archive_url, "db", "upgrade"])

    assert result.exit_code == 0, result.output
    with Archive.open(archive_url) as archive:
        stats = archive.stats()
        assert (stats.articles, stats.quotations, stats.speakers, stats.outlets) == (1, 1, 1, 1)
        [checked] = Verifier(archive).check(f'"{QUOTE}," Moll said')
        assert checked.verdict is Verdict.VERIFIED
        assert checked.matches[0].speaker == "Agnes Moll"
        [paraphrase] = Verifier(archive).check("the ferry would carry bicycles free of charge")
        assert paraphrase.verdict is Verdict.NOT_A_DIRECT_QUOTE


def test_an_old_archive_is_refused_until_upgraded(archive_url: str) -> None:
    _fill_first_revision(archive_url)

    result = CliRunner().invoke(cli, ["--db", archive_url, "stats"])

    assert result.exit_code == 1
    assert "run `quotebot db upgrade`" in result.stderr
    assert "Traceback" not in result.output


def test_upgrading_rebuilds_an_index_whose_words_were_read_the_old_way(archive_url: str) -> None:
    """Revision 0004 reads contractions as their words: the index of an archive at 0003 held
    other terms, and a paste that spells "won't" out must still find the quotation."""
    engine = create_archive_engine(archive_url)
    assert schema.upgrade(engine, "0003") == "0003"
    Archive(engine).add(
        Article(
            title="Ferry",
            outlet="Bugle",
            url="https://bugle.example/ferry-fares",
            published=dt.date(2024, 6, 2),
            text='"We won\'t raise the ferry fares this winter," said Agnes Moll.',
        ),
        [
            Quotation(
                text="We won't raise the ferry fares this winter",
                start=1,
                end=43,
                kind=Kind.DIRECT,
                speaker="Agnes Moll",
            )
        ],
    )
    with engine.begin() as connection:
        for table in TABLES:  # what the old reading stored is not what a query looks up now
            if engine.dialect.name == "sqlite":  # FTS5 contentless: emptied by its own command
                connection.execute(text(f"INSERT INTO {table}({table}) VALUES ('delete-all')"))
            else:
                connection.execute(text(f"DELETE FROM {table}"))
    engine.dispose()

    result = CliRunner().invoke(cli, ["--db", archive_url, "db", "upgrade"])

    assert result.exit_code == 0, result.output
    with Archive.open(archive_url) as archive:
        [checked] = Verifier(archive).check("We will not raise the ferry fares this winter")
    assert checked.verdict is Verdict.VERIFIED
    assert [(c.query, c.archive) for c in checked.matches[0].respelled] == [("will not", "won't")]


def test_upgrading_takes_the_pending_list_off_postgresql_index_and_keeps_its_rows(
    postgres_archive_url: str,
) -> None:
    """Revision 0005: a lookup must not read through GIN's pending list of recent rows (it made
    lookups after a large ingest a hundred times slower), on an upgraded archive as on a new
    one; what was pending is merged, not lost."""
    engine = create_archive_engine(postgres_archive_url)
    assert schema.upgrade(engine, "0004") == "0004"
    with engine.begin() as connection:
        for table in TABLES:
            connection.execute(text(f"ALTER INDEX ix_{table}_grams SET (fastupdate = on)"))
    Archive(engine).add(
        Article(
            title="Ferry",
            outlet="Bugle",
            url="https://bugle.example/ferry-bikes",
            published=dt.date(2024, 6, 3),
            text=ARTICLE_TEXT,
        ),
        [
            Quotation(
                text=QUOTE,
                start=ARTICLE_TEXT.index(QUOTE),
                end=ARTICLE_TEXT.index(QUOTE) + len(QUOTE),
                kind=Kind.DIRECT,
                speaker="Agnes Moll",
            )
        ],
    )
    engine.dispose()

    result = CliRunner().invoke(cli, ["--db", postgres_archive_url, "db", "upgrade"])

    assert result.exit_code == 0, result.output
    with Archive.open(postgres_archive_url) as archive:
        with archive.engine.connect() as connection:
            options = connection.execute(
                text("SELECT relname, reloptions FROM pg_class WHERE relname LIKE 'ix_%_grams'")
            ).all()
        [checked] = Verifier(archive).check(QUOTE)
    assert sorted(options) == sorted((f"ix_{table}_grams", ["fastupdate=off"]) for table in TABLES)
    assert checked.verdict is Verdict.VERIFIED

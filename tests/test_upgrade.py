"""An archive built by an older quotebot is upgraded in place and loses nothing.

The archive is created at the first revision, filled the way that quotebot filled it, then
brought to the current revision by `quotebot db upgrade`; every row is still there, and what the
new revision adds (the candidate index, the paragraphs) is filled for the old rows, once, so the
verifier finds quotations stored before it existed. An archive whose index an older quotebot
built is told to run `quotebot db reindex`, and works until then.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable

import pytest
from click.testing import CliRunner, Result
from factories import FERRY_STORY, article, ferry_quotations
from index_support import terms_written_as_text
from sqlalchemy import Connection, text

from bot.cli import cli
from bot.verifier.verdict import Verdict
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import Article
from store.db import schema
from store.db.engine import create_archive_engine
from store.quotation import Kind, Quotation
from store.search.grams import Terms, index_terms
from store.search.index import (
    PARAGRAPHS,
    QUOTATIONS,
    TABLES,
    CandidateIndex,
    PostgresIndex,
    SQLiteIndex,
)
from store.search.version import INDEX_VERSION, OLDER_INDEX_ADVICE, recorded_index_version

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


def test_an_index_read_the_old_way_is_named_by_upgrade_and_rebuilt_by_reindex(
    archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Contractions are read as their words since revision 0004: the index of an archive at
    0003 held other terms. The upgrade names `quotebot db reindex` instead of rebuilding the
    index itself; after it, a paste that spells "won't" out finds the quotation."""
    engine = create_archive_engine(archive_url)
    assert schema.upgrade(engine, "0003") == "0003"
    with terms_written_as_text(monkeypatch):
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
    spelled_out = "We will not raise the ferry fares this winter"

    upgraded = run(archive_url, "db", "upgrade")
    with Archive.open(archive_url) as archive:
        [before] = Verifier(archive).check(spelled_out)
    reindexed = run(archive_url, "db", "reindex")
    again = run(archive_url, "db", "upgrade")

    assert upgraded.exit_code == 0, upgraded.output
    assert "run `quotebot db reindex`" in upgraded.stdout
    assert before.verdict is Verdict.NOT_FOUND
    assert reindexed.exit_code == 0, reindexed.output
    with Archive.open(archive_url) as archive:
        [checked] = Verifier(archive).check(spelled_out)
    assert checked.verdict is Verdict.VERIFIED
    assert [(c.query, c.archive) for c in checked.matches[0].respelled] == [("will not", "won't")]
    assert again.stdout == (
        f"The archive's schema is already at revision {schema.head_revision()}.\n"
    )


def test_upgrading_keeps_the_rows_pending_in_the_postgresql_index_and_its_list_on(
    postgres_archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Revision 0005 merged GIN's pending list and switched it off; revision 0012 switches it
    on for good, quotebot's writes merging it themselves (store.search.index.PostgresIndex):
    what was pending at the upgrade is found, not lost."""
    engine = create_archive_engine(postgres_archive_url)
    assert schema.upgrade(engine, "0004") == "0004"
    with engine.begin() as connection:
        for table in TABLES:
            connection.execute(text(f"ALTER INDEX ix_{table}_grams SET (fastupdate = on)"))
    with terms_written_as_text(monkeypatch):
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
    assert sorted(options) == sorted((f"ix_{table}_grams", ["fastupdate=on"]) for table in TABLES)
    assert checked.verdict is Verdict.VERIFIED


def run(archive_url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", archive_url, *args])


def count_index_writes(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, int]]:
    """How many times each (index table, row id) is written to the candidate index from now on,
    on either database."""
    written: Counter[tuple[str, int]] = Counter()
    for kind in (SQLiteIndex, PostgresIndex):

        def add(
            index: CandidateIndex,
            connection: Connection,
            rows: Iterable[tuple[int, str]],
            original: Callable[..., list[Terms]] = kind.add,
        ) -> list[Terms]:
            rows = list(rows)
            written.update((index.table, key) for key, _ in rows)  # type: ignore[attr-defined]
            return original(index, connection, rows)

        monkeypatch.setattr(kind, "add", add)
    return written


def indexed_ids(connection: Connection, table: str) -> list[int]:
    """The ids of the rows the index table holds terms for."""
    key = "rowid" if connection.dialect.name == "sqlite" else "id"
    return sorted(connection.execute(text(f"SELECT {key} FROM {table}")).scalars())


def store_at_first_revision(connection: Connection, article_id: int, story: str) -> list[int]:
    """An article and its quotations written the way the first quotebot wrote them; returns
    the quotations' ids."""
    connection.execute(
        text(
            "INSERT INTO articles (id, title, url, url_key, content_hash, text, source,"
            " ingested_at) VALUES (:id, 'Ferry', :url, :url_key, :hash, :text, 'ferry.txt', :now)"
        ),
        {
            "id": article_id,
            "url": f"https://northfold-courier.example/ferry/{article_id}",
            "url_key": f"northfold-courier.example/ferry/{article_id}",
            "hash": f"{article_id:064d}",
            "text": story,
            "now": dt.datetime(2024, 6, 1, tzinfo=dt.UTC),
        },
    )
    ids = []
    for number, quoted in enumerate(ferry_quotations(story), start=1):
        key = article_id * 10 + number
        connection.execute(
            text(
                "INSERT INTO quotations (id, article_id, text, start_offset, end_offset,"
                " context_start, context_end, kind, fingerprint) VALUES (:id, :article, :text,"
                " :start, :end, :context_start, :context_end, 'direct', :fingerprint)"
            ),
            {
                "id": key,
                "article": article_id,
                "text": quoted.text,
                "start": quoted.start,
                "end": quoted.end,
                "context_start": quoted.context_start,
                "context_end": quoted.context_end,
                "fingerprint": f"f{key}",
            },
        )
        ids.append(key)
    return ids


def test_upgrading_from_the_first_revision_indexes_each_quotation_exactly_once(
    archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Revisions carry their own DDL only: the index an upgrade from 0001 creates is filled once,
    at the end, the way this quotebot reads words, and that version is recorded."""
    engine = create_archive_engine(archive_url)
    schema.upgrade(engine, "0001")
    stories = [FERRY_STORY.replace("Port Ellery", f"Port Ellery {n}") for n in range(3)]
    with engine.begin() as connection:
        quotation_ids = [
            key
            for number, story in enumerate(stories, start=1)
            for key in store_at_first_revision(connection, number, story)
        ]
    engine.dispose()
    written = count_index_writes(monkeypatch)

    result = run(archive_url, "db", "upgrade")

    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Upgraded the archive's schema from revision 0001 to {schema.head_revision()}.\n"
    )
    with Archive.open(archive_url) as archive, archive.engine.connect() as connection:
        paragraph_ids = indexed_ids(connection, PARAGRAPHS)
        assert paragraph_ids == sorted(
            connection.execute(text("SELECT id FROM paragraphs")).scalars()
        )
        assert len(paragraph_ids) == 3 * len(stories)
        assert indexed_ids(connection, QUOTATIONS) == sorted(quotation_ids)
        assert recorded_index_version(connection) == INDEX_VERSION
        for quoted in ferry_quotations():
            found = archive.search_terms(index_terms(quoted.text).terms)
            assert len([q for q in found if q.text == quoted.text]) == len(stories)
    assert written == Counter(
        [(QUOTATIONS, key) for key in quotation_ids] + [(PARAGRAPHS, key) for key in paragraph_ids]
    )


def test_an_archive_indexed_before_index_versions_upgrades_and_works_until_reindexed(
    archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index version is new in 0009: an archive indexed before is kept as it is and works,
    and `db upgrade` and `check` (once) name the reindex that brings it to this reading."""
    engine = create_archive_engine(archive_url)
    assert schema.upgrade(engine, "0008") == "0008"
    with terms_written_as_text(monkeypatch):
        Archive(engine).add(article(), ferry_quotations())
    engine.dispose()
    quote = ferry_quotations()[0].text

    upgraded = run(archive_url, "db", "upgrade")
    stats = run(archive_url, "stats", "--json")
    checked = run(archive_url, "check", f'"{quote}" said Harriet Vale', "--json")
    reindexed = run(archive_url, "db", "reindex")
    checked_after = run(archive_url, "check", f'"{quote}" said Harriet Vale', "--json")

    assert upgraded.exit_code == 0, upgraded.output
    assert upgraded.stdout.splitlines() == [
        f"Upgraded the archive's schema from revision 0008 to {schema.head_revision()}.",
        f"Note: {OLDER_INDEX_ADVICE}.",
    ]
    assert stats.exit_code == 0, stats.output
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout)["verdict"] == Verdict.VERIFIED
    assert checked.stderr == f"quotebot: warning: {OLDER_INDEX_ADVICE}\n"
    assert reindexed.stdout == "Reindexed 3 quotations and 3 paragraphs.\n"
    assert json.loads(checked_after.stdout)["verdict"] == Verdict.VERIFIED
    assert checked_after.stderr == ""

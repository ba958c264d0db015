"""After a large ingest the SQLite candidate index is one FTS5 segment, and finds what it found.

FTS5 writes each transaction's terms as a segment of its own and merges them only a few at a
time; a lookup seeks its term in every segment. `Archive.refresh_statistics` (run by
`add_many`, by an ingest of many articles and by `db reindex`) merges them, so that a check at a
million quotations reads a quarter of the statements (bench/verify.py). The layout is SQLite's
alone: PostgreSQL's refresh is its planner's ANALYZE. Since the refresh reads the whole index,
an ingest runs it only when what it stored is a tenth of the archive or more (a newsroom's daily
ingest into a large archive does not pay for the archive).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from newswire_support import Story, story, write_stories
from sqlalchemy import text

from bot.cli import cli
from store import ingest as ingest_module
from store.archive import Archive
from store.article import Article
from store.bulk import Written
from store.ingest import ingest, quotations_of
from store.prepared import PreparedArticle, prepare
from store.search import candidates
from store.search.index import TABLES
from store.search.words import words

STORIES = 24


def test_a_refresh_merges_an_index_written_in_many_transactions_and_finds_the_same(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    stories = [story(number) for number in range(STORIES)]
    with Archive.open(url) as archive:
        for written in stories:  # one transaction each, as the bot's /quote add stores them
            article = _article(written)
            archive.add(article, quotations_of(article))
        before = _segments(tmp_path / "archive.sqlite3")
        found_before = [_found(archive, written.quote) for written in stories]
        archive.refresh_statistics()
        after = _segments(tmp_path / "archive.sqlite3")
        found_after = [_found(archive, written.quote) for written in stories]
    assert all(count > 1 for count in before.values()), before
    assert after == dict.fromkeys(TABLES, 1)
    assert found_after == found_before
    assert all(found for found in found_after)


def test_a_bulk_load_leaves_the_index_in_one_segment(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    articles = [_article(story(number)) for number in range(STORIES)]
    with Archive.open(url) as archive:
        stored = archive.add_many(
            ((article, quotations_of(article)) for article in articles), batch=2
        )
        assert _found(archive, story(STORIES - 1).quote)
    assert stored == STORIES
    assert _segments(tmp_path / "archive.sqlite3") == dict.fromkeys(TABLES, 1)


def test_an_ingest_refreshes_the_index_only_once_it_stored_a_tenth_of_the_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_module, "REFRESH_AFTER", 2)  # a few stories stand for hundreds
    path = tmp_path / "archive.sqlite3"
    with Archive.open(f"sqlite:///{path}") as archive:
        first = write_stories(tmp_path / "first", range(40))
        assert ingest([str(tmp_path / "first")], archive).articles == len(first)
        assert _segments(path) == dict.fromkeys(TABLES, 1)  # all of it new: refreshed

        daily = write_stories(tmp_path / "daily", range(40, 43))
        assert ingest([str(tmp_path / "daily")], archive).articles == len(daily)
        assert all(count > 1 for count in _segments(path).values())  # 3 of 43: left as it is
        assert all(_found(archive, written.quote)[0] == written.quote for written in daily)

        large = write_stories(tmp_path / "large", range(43, 53))
        assert ingest([str(tmp_path / "large")], archive).articles == len(large)
        assert _segments(path) == dict.fromkeys(TABLES, 1)  # 10 of 53: refreshed
        assert all(_found(archive, written.quote)[0] == written.quote for written in large)


def test_the_share_an_ingest_stored_is_what_it_added_to_the_archive(archive: Archive) -> None:
    stories = [story(number) for number in range(8)]
    archive.store_batch(_prepared(stories[:6]))
    written = Written()
    archive.store_batch(_prepared(stories[6:7]), written)
    archive.store_batch(_prepared(stories[7:]), written)
    assert archive.share_written(written) == pytest.approx(2 / 8)
    assert archive.share_written(Written()) == 0.0  # nothing stored


def test_db_refresh_does_what_the_smaller_ingests_left_undone(
    archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(candidates, "TERM_CAP", 2)  # the stories' shared words count as common
    with Archive.open(archive_url) as archive:
        for number in range(12):  # a transaction each, as a day's small ingests store them
            archive.store_batch(_prepared([story(number)]))
        assert _common_terms_counted(archive) == 0

    result = CliRunner().invoke(cli, ["--db", archive_url, "db", "refresh"])

    assert result.exit_code == 0, result.output
    assert result.stdout == "Refreshed the search index's statistics.\n"
    with Archive.open(archive_url) as archive:
        assert _common_terms_counted(archive) > 0
        assert _found(archive, story(11).quote)[0] == story(11).quote
    if archive_url.startswith("sqlite"):
        path = Path(archive_url.removeprefix("sqlite:///"))
        assert _segments(path) == dict.fromkeys(TABLES, 1)


def _common_terms_counted(archive: Archive) -> int:
    with archive.engine.connect() as connection:
        return connection.scalar(text("SELECT count(*) FROM index_term_counts")) or 0


def _prepared(stories: list[Story]) -> list[PreparedArticle]:
    articles = [_article(written) for written in stories]
    return [prepare(article, quotations_of(article)) for article in articles]


def _article(written: Story) -> Article:
    """The story as an article read from its file."""
    return Article(text=written.text, source=written.file_name)


def _found(archive: Archive, quote: str) -> list[str]:
    """The texts of the quotations a check of `quote` would align first."""
    return [found.text for found in archive.search([[word.norm for word in words(quote)]])[:3]]


def _segments(path: Path) -> dict[str, int]:
    """How many FTS5 segments each index table holds (its `_idx` shadow table names them)."""
    with sqlite3.connect(path) as connection:
        counts = {
            table: connection.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()
            for table in TABLES
        }
    return {table: row[0] for table, row in counts.items()}

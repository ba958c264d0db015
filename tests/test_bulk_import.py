"""Bulk import: batches stored through COPY (PostgreSQL) or executemany (SQLite) give the same
archive as storing one article at a time; extraction in worker processes gives the same archive,
row for row, as extraction in one process; an import that fails between batches keeps whole
batches, and running it again completes it.

The invented newswire (tests/newswire_support.py) gives stories that share speakers and
outlets; reprints under another URL and the same URL with tracking parameters are duplicates;
a line the database would refuse (a URL too long to index) is one error among the stored rest.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from archive_support import connected
from newswire_support import story, write_stories
from sqlalchemy import Connection, text

from bot.verifier.verdict import Verdict
from bot.verifier.verify import Verifier
from store import bulk, pipeline
from store.archive import Archive
from store.article import AddedVia, Article
from store.db.engine import create_archive_engine
from store.errors import ArchiveError
from store.ingest import ingest, quotations_of
from store.prepared import prepare
from store.readers import ReadFailure, quotebank, read_sources
from store.search.grams import Terms, index_terms
from store.search.term_hashes import term_hashes
from store.worker import WORKER_NICENESS

STORIES = 40

#: Each stored thing by what identifies it, not by the ids it happened to get.
CONTENT = {
    "articles": (
        "SELECT a.content_hash, a.url, a.url_key, a.title, a.published, a.byline, a.text, "
        "a.source, a.external_id, a.added_via, o.name "
        "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
    ),
    "quotations": (
        "SELECT a.content_hash, q.start_offset, q.end_offset, q.text, q.context_start, "
        "q.context_end, q.kind, s.name, q.speaker_as_written, q.speaker_role, q.reported_to, "
        "q.via, q.fingerprint, q.speaker_found_by, q.speaker_evidence, q.speaker_confidence "
        "FROM quotations q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN speakers s ON s.id = q.speaker_id"
    ),
    "paragraphs": (
        "SELECT a.content_hash, p.start_offset, p.end_offset "
        "FROM paragraphs p JOIN articles a ON a.id = p.article_id"
    ),
    "speakers": "SELECT name, name_key FROM speakers",
    "aliases": (
        "SELECT s.name_key, x.kind, x.alias_key, x.alias "
        "FROM speaker_aliases x JOIN speakers s ON s.id = x.speaker_id"
    ),
    "outlets": "SELECT name, name_key FROM outlets",
}
#: Every column of every table ingest writes, but the time of writing.
ROWS = {
    "articles": (
        "SELECT id, outlet_id, title, url, url_key, content_hash, published, byline, text, "
        "source, external_id, claimed_url, claimed_outlet, added_via FROM articles"
    ),
    "quotations": "SELECT * FROM quotations",
    "paragraphs": "SELECT * FROM paragraphs",
    "speakers": "SELECT * FROM speakers",
    "speaker_aliases": "SELECT * FROM speaker_aliases",
    "outlets": "SELECT * FROM outlets",
}


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of stories and a JSON Lines export of more, with duplicates and a bad line."""
    folder = tmp_path_factory.mktemp("wire")
    write_stories(folder / "stories", range(STORIES))
    lines = []
    for number in range(STORIES, STORIES + 30):
        written = story(number)
        lines.append({"id": number, "text": written.text, "url": f"https://wire.example/{number}"})
    lines.append({"id": "reprint", "text": story(STORIES + 5).text, "url": "https://b.example/5"})
    lines.append({"id": "tracked", "text": "Moved.", "url": "https://wire.example/41?utm_source=x"})
    lines.append(
        {"id": "too-long", "text": "A short note.", "url": "https://x.example/" + "a" * 3000}
    )
    (folder / "export.jsonl").write_text(
        "\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8"
    )
    return folder


def test_the_bulk_path_stores_what_one_article_at_a_time_stores(
    archive_url: str, wire: Path, tmp_path: Path
) -> None:
    # The stories come as Slack adds, the export from the command line: how each came is kept.
    one_by_one_url, bulk_url = _two_archives(archive_url, tmp_path)
    sources = [(wire / "stories", AddedVia.SLACK), (wire / "export.jsonl", AddedVia.CLI)]
    errors = []
    with Archive.open(one_by_one_url) as one_by_one:
        for source, added_via in sources:
            for item in read_sources([str(source)]):
                if isinstance(item, ReadFailure):
                    continue
                article = replace(item, added_via=added_via)
                try:
                    one_by_one.add(article, quotations_of(article))
                except Exception as error:  # the too-long URL
                    errors.append(str(error))
    with Archive.open(bulk_url) as bulk:
        reports = [ingest([str(source)], bulk, jobs=1, added_via=how) for source, how in sources]
    assert [error.error for report in reports for error in report.errors] == errors
    assert "longer than 2048" in errors[0]
    assert sum(report.duplicates for report in reports) == 2
    assert _content(bulk_url) == _content(one_by_one_url)
    assert _added_via(bulk_url) == {"slack": STORIES, "cli": 30}


#: Text of every kind: quotes, backslashes, control characters, other scripts, emoji.
AWKWARD = [
    'The harbour master said: "We\'re back\\forward,\tthen\x01 on — 🚢 Pier\u2028No. 7."',
    '«Le quai rouvrira», a dit la maire. "C\'est fait," a-t-elle ajouté.\n\nΚαλημέρα, είπε.',
]
#: Said again, as a Quotebank line: another text, so not a duplicate of the export's article.
AGAIN = " Encore 🚢."


def test_text_of_every_kind_is_stored_by_the_bulk_path_as_one_article_at_a_time_stores_it(
    archive_url: str, tmp_path: Path
) -> None:
    export = tmp_path / "awkward.jsonl"
    lines = [
        {"id": n, "text": text, "title": text[:20], "url": f"https://quai.example/{n}"}
        for n, text in enumerate(AWKWARD)
    ]
    export.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    dump = tmp_path / "awkward-quotebank.json"
    dump.write_text(
        "".join(
            json.dumps(
                {"quoteID": f"q{n}", "quotation": text + AGAIN, "speaker": "Élodie Marchetti"}
            )
            + "\n"
            for n, text in enumerate(AWKWARD)
        ),
        encoding="utf-8",
    )
    one_by_one_url, bulk_url = _two_archives(archive_url, tmp_path)
    with Archive.open(one_by_one_url) as one_by_one:
        for source in (export, dump):
            for article in read_sources([str(source)]):
                assert not isinstance(article, ReadFailure)
                one_by_one.add(article, quotations_of(article))
    with Archive.open(bulk_url) as bulk:
        assert not ingest([str(export), str(dump)], bulk, jobs=1).errors
    stored = _content(bulk_url)
    assert stored == _content(one_by_one_url)
    assert sorted(row[6] for row in stored["articles"]) == sorted(
        AWKWARD + [text + AGAIN for text in AWKWARD]
    )


def test_a_batch_of_articles_that_came_different_ways_keeps_each_ones_way(
    archive_url: str, wire: Path, tmp_path: Path
) -> None:
    one_by_one_url, bulk_url = _two_archives(archive_url, tmp_path)
    articles = [
        replace(item, added_via=AddedVia.SLACK if number % 3 == 0 else AddedVia.CLI)
        for number, item in enumerate(read_sources([str(wire / "stories")]))
        if isinstance(item, Article)
    ]
    with Archive.open(one_by_one_url) as one_by_one:
        for article in articles:
            one_by_one.add(article, quotations_of(article))
    with Archive.open(bulk_url) as bulk:
        stored = bulk.add_many((article, quotations_of(article)) for article in articles)
    assert stored == STORIES
    assert _content(bulk_url) == _content(one_by_one_url)
    assert _added_via(bulk_url) == {
        "slack": (STORIES + 2) // 3,
        "cli": STORIES - (STORIES + 2) // 3,
    }


def test_worker_processes_store_the_same_rows_as_one_process(
    archive_url: str, wire: Path, tmp_path: Path
) -> None:
    one_url, two_url = _two_archives(archive_url, tmp_path)
    with Archive.open(one_url) as one:
        alone = ingest([str(wire)], one, jobs=1, added_via=AddedVia.SLACK)
    with Archive.open(two_url) as two:
        shared = ingest([str(wire)], two, jobs=2, added_via=AddedVia.SLACK)
    assert shared == alone
    assert [error.source for error in shared.errors] == [f"{wire / 'export.jsonl'}:33"]
    assert (shared.articles, shared.duplicates) == (STORIES + 30, 2)
    assert _rows(two_url) == _rows(one_url)
    assert _added_via(two_url) == {"slack": STORIES + 30}


def test_an_import_that_fails_between_batches_keeps_whole_batches_and_a_rerun_completes_it(
    archive_url: str, wire: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean_url, broken_url = _two_archives(archive_url, tmp_path)
    with Archive.open(clean_url) as clean:
        ingest([str(wire)], clean, jobs=1)
    stored_batches = []
    original = Archive.store_batch

    def dies_at_the_fourth(self: Archive, batch: Any, written: Any = None) -> Any:
        if len(stored_batches) == 3:
            raise KeyboardInterrupt  # as a killed process: nothing after this point runs
        stored_batches.append(len(batch))
        return original(self, batch, written)

    monkeypatch.setattr(Archive, "store_batch", dies_at_the_fourth)
    with Archive.open(broken_url) as broken, pytest.raises(KeyboardInterrupt):
        ingest([str(wire)], broken, jobs=1)
    monkeypatch.undo()
    assert stored_batches == [1, 2, 4]
    with connected(broken_url) as connection:
        assert connection.scalar(text("SELECT count(*) FROM articles")) == 7

    with Archive.open(broken_url) as broken:
        rerun = ingest([str(wire)], broken, jobs=1)
    assert (rerun.articles, rerun.duplicates) == (STORIES + 30 - 7, 2 + 7)
    assert _content(broken_url) == _content(clean_url)
    if archive_url.startswith("sqlite"):  # a PostgreSQL sequence keeps the ids it gave out
        assert _rows(broken_url) == _rows(clean_url)


def test_batches_fill_the_postgresql_index_through_its_pending_list_and_leave_it_empty(
    postgres_archive_url: str, wire: Path
) -> None:
    one_by_one, in_batches = _two_postgres_archives(postgres_archive_url)
    with Archive.open(one_by_one) as archive:
        for item in read_sources([str(wire)]):
            if not isinstance(item, ReadFailure):
                with contextlib.suppress(ArchiveError):  # the too-long URL, refused by both
                    archive.add(item, quotations_of(item))
    with Archive.open(in_batches) as archive:
        report = ingest([str(wire)], archive, jobs=1)
    assert not [error for error in report.errors if error.source == "archive"]
    assert _content(in_batches) == _content(one_by_one)
    for url in (one_by_one, in_batches):
        with connected(url) as connection:
            assert _pending_entries(connection) == {
                "ix_quotation_grams_grams": 0,
                "ix_paragraph_grams_grams": 0,
            }


def test_a_check_does_not_wait_for_a_batch_being_written(
    postgres_archive_url: str, wire: Path
) -> None:
    # Switching the index's pending list on for a batch (of a thousand index rows or more, as
    # this one is) locked the index against every reader until the batch committed: a check
    # waited for the whole batch.
    with Archive.open(postgres_archive_url) as archive:
        ingest([str(wire / "stories")], archive, jobs=1)
    batch = [
        prepare(article, quotations_of(article))
        for article in (Article(text=story(STORIES + n).text, source="batch") for n in range(300))
    ]
    writing = create_archive_engine(postgres_archive_url)
    impatient = postgres_archive_url + "?options=-c%20lock_timeout%3D2000"
    try:
        with writing.connect() as connection, connection.begin():
            bulk._BatchWriter(connection).store(batch, None)  # written, not committed
            with Archive.open(impatient) as archive:
                [result] = Verifier(archive).check(story(0).quote)
    finally:
        writing.dispose()
    assert result.verdict is Verdict.VERIFIED


def test_a_quotebank_dump_stored_with_worker_processes_is_the_same_as_with_one_process(
    archive_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The workers parse the dump's lines (store.readers.quotebank.QuotebankLines): a few lines
    # to a chunk and a pool started for few, so that this short dump crosses in many chunks.
    monkeypatch.setattr(quotebank, "LINES_AT_ONCE", 16)
    monkeypatch.setattr(pipeline, "_LINES_AN_ARTICLE", 1)
    pools = []
    monkeypatch.setattr(pipeline, "_pool", _counted(pipeline._pool, pools))
    dump = tmp_path / "quotebank.json"
    lines = [
        json.dumps(
            {
                "quoteID": f"2024-03-0{number % 9 + 1}-{number:06d}",
                "quotation": f"We will open pier {number} to the ferries before the winter storms.",
                "speaker": "Ilse Marwick" if number % 3 else "None",
                "date": f"2024-03-0{number % 9 + 1} 00:00:00",
                # Now and then no URL: the outlet the command gives is filled in.
                "urls": [f"https://harbour-gazette.example/piers/{number}"] if number % 7 else [],
            }
        )
        for number in range(150)
    ]
    lines[40] = '{"quoteID": "cut short'  # bad lines fail alone, in their place
    lines[90] = '{"quoteID": "2024-03-01-000090", "speaker": "Ilse Marwick"}'
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one_url, two_url = _two_archives(archive_url, tmp_path)
    with Archive.open(one_url) as one:
        alone = ingest([str(dump)], one, fmt="quotebank", outlet="Harbour Desk", jobs=1)
    assert not pools
    with Archive.open(two_url) as two:
        shared = ingest([str(dump)], two, fmt="quotebank", outlet="Harbour Desk", jobs=2)
    assert pools
    assert shared == alone
    assert (shared.articles, shared.quotes) == (148, 148)
    assert [error.source for error in shared.errors] == [f"{dump}:41", f"{dump}:91"]
    assert _content(two_url) == _content(one_url)
    with connected(two_url) as connection:
        desk = connection.scalar(
            text(
                "SELECT count(*) FROM articles a JOIN outlets o ON o.id = a.outlet_id "
                "WHERE o.name = 'Harbour Desk'"
            )
        )
    assert desk == len([n for n in range(150) if n % 7 == 0])


def _counted(make: Any, made: list[object]) -> Any:
    def counted(*args: object) -> object:
        made.append(args)
        return make(*args)

    return counted


def test_an_sqlite_connection_keeps_its_own_page_cache_after_a_batch(
    wire: Path, tmp_path: Path
) -> None:
    # A batch writes with a large page cache (store.bulk._page_cache); the pooled connection,
    # which the bot's checks use next, is given back with the cache it had.
    with Archive.open(f"sqlite:///{tmp_path / 'archive.sqlite3'}") as archive:
        with archive.engine.connect() as connection:
            before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        report = ingest([str(wire / "stories")], archive, jobs=1)
        with archive.engine.connect() as connection:
            after = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    assert report.articles == STORIES
    assert after == before


def test_index_terms_cross_from_a_worker_process_unchanged() -> None:
    for terms in (
        index_terms("We can't [yet] say… the pier's cease-fire holds"),
        index_terms(""),
        Terms(["pier", "pier_holds"], 1, 3),  # indexed in part
    ):
        assert pickle.loads(pickle.dumps(terms)) == terms


@pytest.mark.parametrize("numbers", [False, True], ids=["sqlite", "postgresql"])
def test_a_prepared_article_crosses_from_a_worker_process_unchanged(numbers: bool) -> None:
    # Its terms, quotations and paragraphs pickle as the arguments that make them; prepared
    # for PostgreSQL, with the terms' numbers as its index takes them.
    article = Article(text=story(3).text, outlet="Harbour Post", url="https://news.example/3")
    prepared = prepare(article, quotations_of(article), numbers)
    assert prepared.quotations and prepared.paragraphs
    crossed = pickle.loads(pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL))
    assert crossed == prepared
    assert [q.terms.terms for q in crossed.quotations] == [
        index_terms(q.row["text"]).terms for q in prepared.quotations
    ]
    assert [q.terms.numbers for q in crossed.quotations] == [
        "{" + ",".join(map(str, term_hashes(q.terms.terms))) + "}" if numbers else None
        for q in prepared.quotations
    ]


def _two_archives(archive_url: str, tmp_path: Path) -> tuple[str, str]:
    if archive_url.startswith("postgresql"):
        return _two_postgres_archives(archive_url)
    return archive_url, f"sqlite:///{tmp_path / 'second.sqlite3'}"


def _pending_entries(connection: Connection) -> dict[str, int]:
    """Entries waiting in each GIN index's pending list (pgstattuple reads its metapage)."""
    connection.execute(text("CREATE EXTENSION IF NOT EXISTS pgstattuple"))
    return {
        index: connection.execute(
            text("SELECT pending_tuples FROM pgstatginindex(to_regclass(:index))"),
            {"index": index},
        ).scalar_one()
        for index in ("ix_quotation_grams_grams", "ix_paragraph_grams_grams")
    }


def _two_postgres_archives(archive_url: str) -> tuple[str, str]:
    """The test's database and a second one beside it, emptied."""
    second = archive_url.rsplit("/", 1)[0] + "/" + archive_url.rsplit("/", 1)[1] + "_second"
    admin = create_archive_engine(archive_url.rsplit("/", 1)[0] + "/postgres")
    name = second.rsplit("/", 1)[1]
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        admin.dispose()
    return archive_url, second


def _content(url: str) -> dict[str, list[tuple[Any, ...]]]:
    with connected(url) as connection:
        found = {
            name: sorted((tuple(row) for row in connection.execute(text(query))), key=repr)
            for name, query in CONTENT.items()
        }
        found["index"] = _index(connection)
    return found


def _index(connection: Connection) -> list[tuple[str, Any, list[str]]]:
    """Each index entry by what it indexes: the quotation's or paragraph's identity, its terms."""
    entries = []
    if connection.dialect.name == "sqlite":
        for table, key in (("quotation_grams", "quotations"), ("paragraph_grams", "paragraphs")):
            # The terms of each row, as FTS5 holds them (fts5vocab reads its index).
            connection.exec_driver_sql(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_terms "
                f"USING fts5vocab(main, {table}, 'instance')"
            )
            terms: dict[int, list[str]] = {}
            for term, doc in connection.execute(text(f"SELECT term, doc FROM {table}_terms")):
                terms.setdefault(doc, []).append(term)
            rows = connection.execute(
                text(
                    f"SELECT t.id, a.content_hash, t.start_offset FROM {key} t "
                    "JOIN articles a ON a.id = t.article_id"
                )
            )
            entries += [
                (table, (digest, start), sorted(terms.get(id_, []))) for id_, digest, start in rows
            ]
    else:
        for table, key in (("quotation_grams", "quotations"), ("paragraph_grams", "paragraphs")):
            rows = connection.execute(
                text(
                    f"SELECT a.content_hash, t.start_offset, g.grams "
                    f"FROM {table} g JOIN {key} t ON t.id = g.id "
                    "JOIN articles a ON a.id = t.article_id"
                )
            )
            entries += [(table, (digest, start), sorted(terms)) for digest, start, terms in rows]
    return sorted(entries, key=repr)


def _added_via(url: str) -> dict[str, int]:
    """How many stored articles came each way."""
    with connected(url) as connection:
        return dict(
            connection.execute(text("SELECT added_via, count(*) FROM articles GROUP BY 1")).all()
        )


def _rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    with connected(url) as connection:
        return {
            table: [tuple(row) for row in connection.execute(text(f"{query} ORDER BY 1"))]
            for table, query in ROWS.items()
        }


def test_worker_processes_give_way_to_the_process_that_stores() -> None:
    pool = pipeline._pool(1)
    try:
        niceness = pool.submit(os.nice, 0).result()
    finally:
        pool.shutdown()
    assert niceness == min(os.nice(0) + WORKER_NICENESS, 19)

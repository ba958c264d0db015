"""Crash safety: a process killed in the middle of ingesting a batch leaves every finished article
stored and no part of the unfinished one; running the same ingest again stores only what is
missing. Tested by killing a real process.

A real `quotebot ingest` walks a folder of 200 invented stories (a few milliseconds each); the
test watches the archive from outside and sends SIGKILL, which nothing can catch or clean up
after, once a quarter of the batch is in. Whatever article the process was storing at that
moment must be absent entirely: no quotation, paragraph, index entry, speaker, alias or outlet
of it may remain. There is no test hook in quotebot: the batch is simply long enough to kill.
The kill follows the moment a new article becomes visible to readers, which is exactly when a
writer that committed an article before its quotations would be caught half-way.
"""

from __future__ import annotations

import signal
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from archive_support import connected
from newswire_support import Finished, extracted, finish, quotebot, run_quotebot, write_stories
from sqlalchemy import Connection, text

from store.archive import Archive
from store.ingest import ingest
from store.quotation import Quotation

BATCH = 200
#: Articles stored before the ingest is killed: far enough in to have a past, far from the end.
KILL_AFTER = BATCH // 4
POLL_INTERVAL_S = 0.002

#: Tables whose rows an ingest writes, counted to compare an archive with a clean ingest's.
TABLES = ("articles", "quotations", "paragraphs", "speakers", "speaker_aliases", "outlets")
#: Rows that belong to nothing: each query counts what an unfinished article could leave behind.
ORPHANS = {
    "quotations without their article": (
        "SELECT count(*) FROM quotations q WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.id = q.article_id)"
    ),
    "paragraphs without their article": (
        "SELECT count(*) FROM paragraphs p WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.id = p.article_id)"
    ),
    "articles without paragraphs": (
        "SELECT count(*) FROM articles a WHERE NOT EXISTS "
        "(SELECT 1 FROM paragraphs p WHERE p.article_id = a.id)"
    ),
    "speakers nobody is quoted as": (
        "SELECT count(*) FROM speakers s WHERE NOT EXISTS "
        "(SELECT 1 FROM quotations q WHERE q.speaker_id = s.id)"
    ),
    "aliases of no speaker": (
        "SELECT count(*) FROM speaker_aliases x WHERE NOT EXISTS "
        "(SELECT 1 FROM speakers s WHERE s.id = x.speaker_id)"
    ),
    "outlets without articles": (
        "SELECT count(*) FROM outlets o WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.outlet_id = o.id)"
    ),
}
NO_ORPHANS = {name: 0 for name in ORPHANS}
#: The candidate index, on each database: which column holds the id of the row indexed.
INDEXES = {"quotation_grams": "quotations", "paragraph_grams": "paragraphs"}

Quoted = tuple[str, int, int, str, str | None]


@dataclass(frozen=True)
class Batch:
    """The folder of stories, what extraction finds in each, and a clean ingest's counts."""

    folder: Path
    #: Each file's quotations, as `quotebot extract` gives them.
    quotations: dict[str, list[Quoted]]
    clean_counts: dict[str, int]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    folder = tmp_path_factory.mktemp("batch") / "wire"
    write_stories(folder, range(BATCH))
    clean_url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.sqlite3'}"
    with Archive.open(clean_url) as clean:
        report = ingest([str(folder)], clean)
    assert (report.articles, report.errors) == (BATCH, [])
    with connected(clean_url) as connection:
        clean_counts = _counts(connection)
    found = {name: [_quoted(q) for q in found] for name, found in extracted(folder).items()}
    return Batch(folder, found, clean_counts)


def test_an_ingest_killed_mid_batch_keeps_whole_articles_and_a_rerun_stores_only_the_rest(
    archive_url: str, batch: Batch, tmp_path: Path
) -> None:
    Archive.open(archive_url).close()  # the schema, so that the archive can be watched at once
    names = sorted(batch.quotations)

    killed = _ingest_killed_after(archive_url, batch.folder, KILL_AFTER, tmp_path)

    with connected(archive_url) as connection:
        stored = _stored_quotations(connection)
        assert _orphans(connection) == NO_ORPHANS
        assert _unindexed_and_stray(connection) == {table: (0, 0) for table in INDEXES}
    assert KILL_AFTER <= len(stored) < BATCH, f"killed with {len(stored)} of {BATCH} stored"
    assert sorted(stored) == names[: len(stored)], "the articles before the kill are all stored"
    for name, quotations in stored.items():
        assert quotations == sorted(batch.quotations[name]), name
    assert killed.stdout == "", "a killed ingest prints no report"

    rerun = run_quotebot(archive_url, "ingest", str(batch.folder), "--json", cwd=tmp_path).json()

    missing = names[len(stored) :]
    assert rerun == {
        "articles": len(missing),
        "duplicates": len(stored),
        "quotes": sum(len(batch.quotations[name]) for name in missing),
        "errors": [],
        "warnings": [],
        "alerts": [],
    }
    with connected(archive_url) as connection:
        assert _counts(connection) == batch.clean_counts
        assert _orphans(connection) == NO_ORPHANS
        assert _unindexed_and_stray(connection) == {table: (0, 0) for table in INDEXES}


def _ingest_killed_after(archive_url: str, folder: Path, stored: int, cwd: Path) -> Finished:
    """`quotebot ingest FOLDER --json`, SIGKILLed once the archive holds `stored` articles."""
    process = quotebot(archive_url, "ingest", str(folder), "--json", cwd=cwd)
    with connected(archive_url) as watcher:
        while process.poll() is None:
            count = watcher.scalar(text("SELECT count(*) FROM articles")) or 0
            watcher.rollback()  # the next look sees what has been committed since
            if count >= stored:
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(POLL_INTERVAL_S)
    ended = finish(process)
    assert ended.code == -signal.SIGKILL, f"the ingest ended before it could be killed: {ended}"
    return ended


def _stored_quotations(connection: Connection) -> dict[str, list[Quoted]]:
    """Each stored article's quotations, by the name of the file it came from."""
    stored: dict[str, list[Quoted]] = {
        Path(source).name: [] for source in connection.scalars(text("SELECT source FROM articles"))
    }
    rows = connection.execute(
        text(
            "SELECT a.source, q.text, q.start_offset, q.end_offset, q.kind, s.name "
            "FROM quotations q JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN speakers s ON s.id = q.speaker_id"
        )
    )
    for source, *quoted in rows:
        stored[Path(source).name].append(tuple(quoted))  # type: ignore[arg-type]
    return {name: sorted(quotations) for name, quotations in stored.items()}


def _orphans(connection: Connection) -> dict[str, int]:
    return {name: connection.scalar(text(query)) or 0 for name, query in ORPHANS.items()}


def _unindexed_and_stray(connection: Connection) -> dict[str, tuple[int, int]]:
    """For each index table: rows of its table missing from it, and entries pointing at no row.

    Every quotation and paragraph of these stories has words, so each must be in the index.
    """
    key = "rowid" if connection.dialect.name == "sqlite" else "id"
    found = {}
    for index, table in INDEXES.items():
        unindexed = connection.scalar(
            text(
                f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                f"(SELECT 1 FROM {index} g WHERE g.{key} = t.id)"
            )
        )
        stray = connection.scalar(
            text(
                f"SELECT count(*) FROM {index} g WHERE NOT EXISTS "
                f"(SELECT 1 FROM {table} t WHERE t.id = g.{key})"
            )
        )
        found[index] = (unindexed or 0, stray or 0)
    return found


def _counts(connection: Connection) -> dict[str, int]:
    return {
        table: connection.scalar(text(f"SELECT count(*) FROM {table}")) or 0 for table in TABLES
    }


def _quoted(quotation: Quotation) -> Quoted:
    return (quotation.text, quotation.start, quotation.end, str(quotation.kind), quotation.speaker)

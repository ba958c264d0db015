"""What one compressed source may decompress to is limited; what came before the limit stays.

A 1 MB gzip can hold a gigabyte of blank lines. The limit is set low here (passed in, or
QUOTEBOT_MAX_DECOMPRESSED_MB for the command), so the gzips are a few kilobytes on disk.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from hostile_support import ingest, ordinary_story, stored_articles
from readers_support import articles, read_all

from store.readers import ReadFailure

LIMIT_MESSAGE = (
    "too large once decompressed: more than 1 MB, the limit per source "
    "(QUOTEBOT_MAX_DECOMPRESSED_MB raises it)"
)


def export_with_a_flood(path: Path, flood: int = 3_000_000) -> Path:
    """Two articles, `flood` bytes of blank lines, one more article: gzipped, a few KB."""
    lines = [
        json.dumps({"id": "pier", "text": "The pier reopened on Monday, the council said."}),
        json.dumps({"id": "ferry", "text": "The ferry runs again, the operator said."}),
    ]
    after = json.dumps({"id": "late", "text": "The bridge will close in May, the county said."})
    data = ("\n".join(lines) + "\n" + "\n" * flood + after + "\n").encode()
    path.write_bytes(gzip.compress(data))
    assert path.stat().st_size < 10_000
    return path


def test_over_the_limit_the_source_fails_after_the_articles_before_it(tmp_path: Path) -> None:
    export = export_with_a_flood(tmp_path / "export.jsonl.gz")
    story = ordinary_story(tmp_path)

    results = read_all(export, story, max_decompressed_bytes=1_000_000)

    assert [a.external_id for a in articles(results)[:2]] == ["pier", "ferry"]
    assert results[2] == ReadFailure(str(export), LIMIT_MESSAGE)
    assert articles(results)[2].source == str(story)


def test_under_the_limit_a_flood_of_blank_lines_is_read_through(tmp_path: Path) -> None:
    export = export_with_a_flood(tmp_path / "export.jsonl.gz")

    results = read_all(export, max_decompressed_bytes=4_000_000)

    assert [a.external_id for a in articles(results)] == ["pier", "ferry", "late"]
    assert articles(results)[2].source == f"{export}:3000003"


def test_ingest_keeps_what_came_before_the_limit_and_goes_on(
    archive_url: str, tmp_path: Path
) -> None:
    export = export_with_a_flood(tmp_path / "export.jsonl.gz")
    story = ordinary_story(tmp_path)

    result = ingest(
        archive_url, export, story, cwd=tmp_path, env={"QUOTEBOT_MAX_DECOMPRESSED_MB": "1"}
    )

    assert result.code == 1
    report = result.json()
    assert report["articles"] == 3
    assert report["errors"] == [{"source": str(export), "error": LIMIT_MESSAGE}]
    assert result.stderr_lines() == [f"quotebot: {export}: {LIMIT_MESSAGE}"]
    assert stored_articles(archive_url) == 3

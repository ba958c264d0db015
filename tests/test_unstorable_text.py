"""Text a database or a terminal refuses (a lone surrogate, a NUL) fails its own record only.

JSON's `\\ud800` escape is valid JSON but not text; `\\u0000` is text PostgreSQL refuses. One
such line used to end a whole ingest with a traceback on both databases, the same place on
every re-run. Each is now one reported line, and the batch goes on.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hostile_support import ingest, ordinary_story, run, stored_articles
from readers_support import articles, failures, read_all

from store.archive import Archive
from store.article import Article
from store.errors import ArchiveError
from store.quotation import Kind, Quotation
from store.readers import ReadFailure

GOOD = {"id": "pier", "text": "The pier reopened on Monday, the council said."}
LATE = {"id": "ferry", "text": "The ferry runs again, the operator said on Tuesday."}
BAD_FIELDS = [
    ("text", "Bad \ud800 text, the mayor said on Monday."),
    ("title", "Harbour \ud800"),
    ("outlet", "The Tidewater \udcff Post"),
    ("url", "https://tidewater.example/\ud800"),
    ("id", "story-\ud800"),
    ("text", "A NUL \u0000 in the text, the mayor said."),
    ("title", "A NUL \u0000 in the title"),
]
SURROGATE = '"{field}" holds a lone surrogate (\\u{code}), which is not text'
NUL = '"{field}" holds a NUL character (\\u0000)'


def _bad_line(field: str, value: str) -> dict[str, str]:
    record = {"id": f"bad-{field}", "text": "The harbour reopened, the port said."}
    record[field] = value
    return record


def _message(field: str, value: str) -> str:
    if "\0" in value:
        return NUL.format(field=field)
    code = next(f"{ord(c):04x}" for c in value if 0xD800 <= ord(c) <= 0xDFFF)
    return SURROGATE.format(field=field, code=code)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """A good line, a line per bad field, a good line; written as JSON escapes, as exports are."""
    records = [GOOD, *(_bad_line(field, value) for field, value in BAD_FIELDS), LATE]
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    return path


def expected_errors(export: Path) -> list[dict[str, str]]:
    return [
        {"source": f"{export}:{number}", "error": _message(field, value)}
        for number, (field, value) in enumerate(BAD_FIELDS, start=2)
    ]


def test_each_bad_line_is_reported_and_the_ingest_goes_on_to_later_sources(
    archive_url: str, export: Path, tmp_path: Path
) -> None:
    story = ordinary_story(tmp_path)

    first = ingest(archive_url, export, story, cwd=tmp_path)
    again = ingest(archive_url, export, story, cwd=tmp_path)

    assert first.code == again.code == 1
    assert (first.json()["articles"], first.json()["errors"]) == (3, expected_errors(export))
    assert (again.json()["duplicates"], again.json()["errors"]) == (3, expected_errors(export))
    assert "Traceback" not in first.stderr + again.stderr
    assert len(first.stderr_lines()) == len(BAD_FIELDS)
    assert stored_articles(archive_url) == 3


def test_extract_jsonl_skips_the_bad_lines_and_prints_the_others(
    export: Path, tmp_path: Path
) -> None:
    result = run("extract", export, "--jsonl", cwd=tmp_path)

    assert result.code == 1
    assert [line["id"] for line in result.json_lines()] == ["pier", "ferry"]
    assert result.stderr_lines() == [
        f"quotebot: {error['source']}: {error['error']}" for error in expected_errors(export)
    ]


def test_check_jsonl_skips_pastes_whose_speaker_or_id_is_not_text(
    archive_url: str, tmp_path: Path
) -> None:
    pastes = tmp_path / "pastes.jsonl"
    lines = [
        {"id": 1, "text": '"We will reopen the pier," said Ada Quill.', "speaker": "Ada \ud800"},
        {"id": "two-\ud800", "text": '"We will reopen the pier," said Ada Quill.'},
        {"id": 3, "text": '"We will reopen the pier," said Ada Quill.', "speaker": "Ada\u0000"},
        {"id": 4, "text": '"We will reopen the pier," said Ada Quill.'},
    ]
    pastes.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="ascii")

    result = run("--db", archive_url, "check", pastes, "--jsonl", cwd=tmp_path)

    assert result.code == 1
    assert [line["id"] for line in result.json_lines()] == [4]
    assert result.stderr_lines() == [
        f"quotebot: {pastes}:1: " + SURROGATE.format(field="speaker", code="d800"),
        f"quotebot: {pastes}:2: " + SURROGATE.format(field="id", code="d800"),
        f"quotebot: {pastes}:3: " + NUL.format(field="speaker"),
    ]


def test_file_names_that_are_not_utf8_are_stored_and_reported(
    archive_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    story, scan = os.fsdecode(b"harbour-\xff.txt"), os.fsdecode(b"scan-\xfe.txt")
    (folder / story).write_text(
        'Harbour news\n\n"We will reopen the terminal," said Harriet Vale.\n', encoding="utf-8"
    )
    (folder / scan).write_bytes(b"\x00\x01\x02 not an article \x00" * 20)

    result = ingest(archive_url, folder, cwd=tmp_path)

    assert result.code == 1
    report = result.json()  # the name is escaped in the JSON, not a crash halfway through it
    assert (report["articles"], report["errors"]) == (
        1,
        [{"source": str(folder / scan), "error": "binary file, not text"}],
    )


def test_quotebank_line_with_a_lone_surrogate_fails_alone(tmp_path: Path) -> None:
    dump = tmp_path / "quotebank.json"
    lines = [
        {"quoteID": "q1", "quotation": "the pier will reopen", "speaker": "Ada \ud800 Quill"},
        {"quoteID": "q2", "quotation": "the ferry will run", "speaker": "Osric Penhallow"},
    ]
    dump.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="ascii")

    results = read_all(dump)

    assert results[0] == ReadFailure(f"{dump}:1", SURROGATE.format(field="speaker", code="d800"))
    assert [a.external_id for a in articles(results)] == ["q2"]


def test_a_nul_byte_deep_in_a_text_file_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "padded.txt"
    body = "The harbour reopened on Monday, the port said. " * 400
    path.write_bytes(f"Harbour news\n\n{body}\n".encode() + b"\x00" * 64)

    [article] = articles(read_all(path))

    assert "\0" not in article.text
    assert article.text.endswith("the port said.")


def test_feed_character_references_to_nul_are_dropped(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Tidewater&#0; Post</title>'
        "<item><title>Pier&#0; reopens</title><link>https://tidewater.example/pier</link>"
        "<description>The pier reopened&#0; on Monday, the council said.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )

    results = read_all(feed)

    assert not failures(results)
    [article] = articles(results)
    assert (article.outlet, article.title) == ("Tidewater Post", "Pier reopens")
    assert "\0" not in article.text


def test_the_archive_refuses_a_field_no_database_can_store(archive: Archive) -> None:
    article = Article(text="The pier reopened, the council said.", title="Pier \ud800")
    with pytest.raises(ArchiveError, match=r"^the article's title holds a lone surrogate"):
        archive.add(article, [])
    assert archive.stats().articles == 0


def test_a_quotebank_url_that_is_not_text_fails_its_line(tmp_path: Path) -> None:
    dump = tmp_path / "quotebank.json"
    urls = ["https://pier.example/a", "https://pier.example/\udc80"]
    lines = [{"quoteID": "q1", "quotation": "the café will reopen", "urls": urls}]
    dump.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="ascii")

    assert read_all(dump) == [ReadFailure(f"{dump}:1", SURROGATE.format(field="urls", code="dc80"))]


def test_the_archive_names_the_field_it_refuses_among_text_that_is_not_ascii(
    archive: Archive,
) -> None:
    text = "« Le quai rouvrira », a dit la maire."
    quotation = Quotation(
        "Le quai rouvrira", 2, 18, Kind.DIRECT, speaker="Élodie Marchetti",
        speaker_role="maire \u0000", article_text=text,
    )  # fmt: skip
    with pytest.raises(ArchiveError, match=r"^the article's speaker's role holds a NUL"):
        archive.add(Article(text=text, outlet="Le Quai"), [quotation])
    assert archive.stats().articles == 0

"""JSON Lines exports: one article per line, each bad line failing alone, streamed."""

from __future__ import annotations

import io
import itertools
import json
from datetime import date
from pathlib import Path

import pytest
from readers_support import articles, failures, fixture, read_all

from store.article import Article
from store.readers import ReadFailure, read_sources

EXPORT = fixture("export.jsonl")


def write_lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_line_is_an_article_with_its_fields() -> None:
    first, second, third = read_all(EXPORT)
    assert first == Article(
        text='The old wool mill reopened on Monday as an arts centre.\n\n"It smells of lanolin '
        'still," said curator Ysolde Fairbrother.',
        title="Mill reopens as arts centre",
        outlet="The Moorland Ledger",
        url="https://moorland-ledger.example/mill",
        published=date(2024, 4, 2),
        source=f"{EXPORT}:1",
        external_id="ledger-0001",
    )
    assert isinstance(second, Article) and isinstance(third, Article)
    assert second.published == date(2024, 4, 9)
    assert second.source == f"{EXPORT}:2"


def test_numeric_id_is_kept_as_a_number_to_echo_it_unchanged() -> None:
    assert articles(read_all(EXPORT))[1].external_id == 2


def test_unreadable_date_is_dropped_not_fatal() -> None:
    third = articles(read_all(EXPORT))[2]
    assert third.text == "A short item with no metadata at all."
    assert third.published is None


def test_text_is_kept_exactly_as_exported_so_offsets_match(tmp_path: Path) -> None:
    text = "  Line one\r\nline two\n\n\n\n\u201cquoted\u201d \ttab  "
    path = write_lines(tmp_path, json.dumps({"id": "a", "text": text}))
    assert articles(read_all(path))[0].text == text


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ('{"text": "unterminated', "not valid JSON at column 10: unterminated string"),
        ("just some words", "not valid JSON at column 1: expecting value"),
        ('["a", "list"]', "not a JSON object but a list"),
        ('{"title": "No body"}', 'no "text" field'),
        ('{"text": 42}', '"text" is a number, not a string'),
        ('{"text": "   "}', '"text" is empty'),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON: nested too deeply"),
    ],
    ids=["truncated", "not-json", "not-object", "no-text", "text-not-string", "blank", "deep"],
)
def test_bad_line_fails_alone_and_the_next_lines_go_on(
    tmp_path: Path, line: str, error: str
) -> None:
    path = write_lines(
        tmp_path,
        '{"id": "before", "text": "The first article."}',
        line,
        '{"id": "after", "text": "The third article."}',
    )
    results = read_all(path)
    assert results[1] == ReadFailure(f"{path}:2", error)
    assert [a.external_id for a in articles(results)] == ["before", "after"]


def test_truncated_last_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    path.write_text('{"text": "Complete."}\n{"text": "Cut off in the mid', encoding="utf-8")
    results = read_all(path)
    assert [type(r) for r in results] == [Article, ReadFailure]
    assert results[1].source == f"{path}:2"


def test_blank_lines_are_skipped_but_still_counted(tmp_path: Path) -> None:
    path = write_lines(tmp_path, '{"text": "One."}', "", "   ", '{"text": "Four."}')
    assert [a.source for a in articles(read_all(path))] == [f"{path}:1", f"{path}:4"]


def test_line_over_the_cap_fails_alone(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path,
        json.dumps({"text": "x" * 5000}),
        json.dumps({"text": "A line under the cap."}),
    )
    results = read_all(path, max_bytes=1000)
    assert results[0] == ReadFailure(
        f"{path}:1", "line too large: more than 1 KB, the limit is 1 KB"
    )
    assert articles(results)[0].text == "A line under the cap."


def test_whole_export_is_not_capped_only_its_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"id": n, "text": f"Article number {n}."}) for n in range(200)]
    path = write_lines(tmp_path, *lines)
    assert path.stat().st_size > 5000
    results = read_all(path, max_bytes=100)
    assert not failures(results)
    assert len(results) == 200


def test_export_in_windows_1252_decodes_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    line = '{"text": "\u201cOui,\u201d said the mayor of Besan\u00e7on, Ren\u00e9 Abadie-Lunt."}\n'
    path.write_bytes(line.encode("cp1252"))
    assert articles(read_all(path))[0].text.startswith(
        "\u201cOui,\u201d said the mayor of Besan\u00e7on"
    )


class EndlessExport(io.RawIOBase):
    """A JSON Lines stream that never ends: reading it whole would never finish."""

    def __init__(self) -> None:
        self.lines = (
            json.dumps({"id": n, "text": f"Article {n}."}).encode() + b"\n"
            for n in itertools.count()
        )
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while len(self.pending) < len(buffer):
            self.pending += next(self.lines)
        buffer[:] = self.pending[: len(buffer)]
        self.pending = self.pending[len(buffer) :]
        return len(buffer)


def test_an_export_streams_one_line_at_a_time() -> None:
    results = read_sources(["-"], "jsonl", stdin=io.BufferedReader(EndlessExport()))
    first_three = list(itertools.islice(results, 3))
    assert [a.external_id for a in articles(first_three)] == [0, 1, 2]
    assert first_three[0].source == "<stdin>:1"


def test_a_long_run_of_blank_lines_is_counted_exactly(tmp_path: Path) -> None:
    # More than a buffer of blank lines, in every style, passed over in bulk.
    blank = "\n" * 150_000 + "   \n" * 20_000 + "\r\n" * 30_000 + "\t \n"
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"id": "first", "text": "One."}\n'
        + blank
        + "not JSON\n"
        + '{"id": "last", "text": "Two."}\n',
        encoding="utf-8",
        newline="",
    )
    results = read_all(path)
    bad_line = 1 + 150_000 + 20_000 + 30_000 + 1 + 1
    assert results[1] == ReadFailure(
        f"{path}:{bad_line}", "not valid JSON at column 1: expecting value"
    )
    assert [a.source for a in articles(results)] == [f"{path}:1", f"{path}:{bad_line + 1}"]


def test_a_nul_byte_in_an_early_line_fails_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes(
        b'{"id": "first", "text": "The pier reopened."}\n'
        b'{"id": "nul", "text": "A stray \x00 byte."}\n'
        b'{"id": "last", "text": "The ferry runs again."}\n'
    )
    results = read_all(path)
    assert results[1] == ReadFailure(
        f"{path}:2", "not valid JSON at column 32: invalid control character"
    )
    assert [a.external_id for a in articles(results)] == ["first", "last"]


def test_a_binary_file_read_as_json_lines_is_still_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "photo.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert read_all(path, fmt="jsonl") == [
        ReadFailure(str(path), "not an article: a PNG image, not text")
    ]

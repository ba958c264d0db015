"""Bad input: each bad source gives one clear ReadFailure naming it, and the batch goes on."""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from readers_support import articles, fixture, read_all, read_failure, read_one

import store.readers.text as text_reader
from store.article import Article
from store.readers import ReadFailure, read_sources

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
CAFE_ARTICLE = (
    "Caf\u00e9 on Rue Mercier closes\n\n"
    "\u201cWe were na\u00efve to think rents would stay the same,\u201d said owner "
    "Ren\u00e9e Castellanos-Brook \u2014 who ran it for forty years.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n   \n", "empty: only whitespace"),
        (PNG, "not an article: a PNG image, not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not an article: a PDF document, not text"),
        (bytes(range(1, 32)) * 20, "binary file, not text"),
        (b"Headline\n\nA paragraph\x00with a NUL byte in it.", "binary file, not text"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "control-characters", "nul-bytes"],
)
def test_file_that_is_not_an_article_is_one_failure_naming_it(
    tmp_path: Path, data: bytes, error: str
) -> None:
    path = write(tmp_path, "story.txt", data)
    assert read_all(path) == [ReadFailure(str(path), error)]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_article_in_another_encoding_comes_out_right(tmp_path: Path, encoding: str) -> None:
    text = CAFE_ARTICLE if encoding != "latin-1" else CAFE_ARTICLE.translate(_NOT_IN_LATIN_1)
    article = read_one(write(tmp_path, "cafe.txt", text.encode(encoding)))
    assert article.text == text.strip()
    assert article.title == "Caf\u00e9 on Rue Mercier closes"


_NOT_IN_LATIN_1 = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2014": "-"})


def test_file_over_the_cap_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"Huge story\n\n")
        out.write(b"All work and no play makes a dull archive.\n" * 588_372)
    assert path.stat().st_size == pytest.approx(25_300_000, abs=50_000)
    assert read_failure(path).error == "too large: 25.3 MB, the limit is 20 MB"


def test_stdin_over_the_cap_is_refused_without_reading_it_all() -> None:
    stdin = io.BytesIO(b"Story\n\n" + b"x" * 5000)
    failure = read_failure("-", stdin=stdin, max_bytes=1000)
    assert failure == ReadFailure("<stdin>", "too large: more than 1 KB, the limit is 1 KB")
    assert stdin.tell() <= 64 * 1024 + 1001


def test_compressed_article_over_the_cap_is_refused_once_decompressed(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt.gz", gzip.compress(b"Story\n\n" + b"word " * 10_000))
    assert path.stat().st_size < 1000
    assert read_failure(path, max_bytes=1000).error == (
        "too large: more than 1 KB, the limit is 1 KB"
    )


def test_truncated_gzip_article_fails_with_a_clear_message(tmp_path: Path) -> None:
    packed = gzip.compress(fixture("bridge-closure.txt").read_bytes())
    path = write(tmp_path, "bridge.txt.gz", packed[:-30])
    assert read_failure(path).error == "truncated gzip file: the compressed data ends early"


def test_missing_path_is_reported(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-article.txt"
    assert read_failure(missing) == ReadFailure(str(missing), "no such file or folder")


def test_unreadable_file_is_reported_as_permission_denied() -> None:
    folder = Path(tempfile.mkdtemp(prefix="quotebot-readers-"))
    try:
        folder.chmod(0o755)
        path = folder / "locked.txt"
        path.write_text("Locked\n\nNobody may read this.\n")
        path.chmod(0)
        with _not_root():
            results = read_all(path)
        assert results == [ReadFailure(str(path), "permission denied")]
    finally:
        shutil.rmtree(folder)


@contextlib.contextmanager
def _not_root() -> Iterator[None]:
    """Root reads any file; as root, read as `nobody` for a moment, then become root again."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(_NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)


_NOBODY = 65534


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_read_error_from_the_system_is_reported() -> None:
    # /proc/self/mem opens but fails on reading its first page: an I/O error, as from a bad disk.
    assert read_failure("/proc/self/mem").error == "cannot read: input/output error"


def test_one_bad_file_of_each_kind_does_not_stop_the_batch(tmp_path: Path) -> None:
    write(tmp_path, "1-empty.txt", b"")
    write(tmp_path, "2-image.png", PNG)
    write(tmp_path, "3-broken.rss", b'<?xml version="1.0"?><rss><channel><<<')
    write(tmp_path, "4-export.jsonl", b'{"text": "Good line."}\nnot json\n{"text": "Also good."}\n')
    write(tmp_path, "5-login.html", b"<html><body><nav>Home</nav><p>Sign in</p></body></html>")
    shutil.copy(fixture("bridge-closure.txt"), tmp_path / "6-good.txt")
    results = read_all(tmp_path, tmp_path / "7-missing.txt")
    outcome = [(Path(r.source).name, type(r).__name__) for r in results]
    assert outcome == [
        ("1-empty.txt", "ReadFailure"),
        ("2-image.png", "ReadFailure"),
        ("3-broken.rss", "ReadFailure"),
        ("4-export.jsonl:1", "Article"),
        ("4-export.jsonl:2", "ReadFailure"),
        ("4-export.jsonl:3", "Article"),
        ("5-login.html", "ReadFailure"),
        ("6-good.txt", "Article"),
        ("7-missing.txt", "ReadFailure"),
    ]


def test_stdin_is_read_by_its_detected_format() -> None:
    page = fixture("harbour-strike.html").read_bytes()
    article = read_one("-", stdin=io.BytesIO(page))
    assert article.source == "<stdin>"
    assert article.outlet == "The Harbourside Gazette"


def test_empty_stdin_is_a_failure() -> None:
    assert read_failure("-", stdin=io.BytesIO(b"")) == ReadFailure("<stdin>", "empty file")


def test_reading_never_raises_for_a_mixed_batch(tmp_path: Path) -> None:
    """Everything above at once, as a nightly ingest would meet it."""
    write(tmp_path, "a.bin", os.urandom(4096))
    write(tmp_path, "b.gz", b"\x1f\x8b\x08\x00garbage")
    write(tmp_path, "c.bz2", b"BZh9garbage")
    write(tmp_path, "d.xml", b"<rss")
    results = list(read_sources([str(tmp_path), "-"], stdin=io.BytesIO(b"\xff\xfe")))
    assert all(isinstance(r, ReadFailure) for r in results)
    assert [Path(r.source).name for r in results] == ["a.bin", "b.gz", "c.bz2", "d.xml", "<stdin>"]
    assert not articles(results)


def test_a_reader_crashing_on_one_file_does_not_stop_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_decode = text_reader.decode_text

    def decode_or_crash(data: bytes, declared: str | None = None) -> str:
        if b"crash" in data:
            raise RuntimeError("an unforeseen parser bug")
        return real_decode(data, declared)

    monkeypatch.setattr(text_reader, "decode_text", decode_or_crash)
    write(tmp_path, "a.txt", b"Story one\n\nThis one will crash the reader.\n")
    write(tmp_path, "b.txt", b"Story two\n\nThis one reads.\n")
    first, second = read_all(tmp_path)
    assert first == ReadFailure(
        str(tmp_path / "a.txt"), "could not be read (RuntimeError: an unforeseen parser bug)"
    )
    assert isinstance(second, Article) and second.title == "Story two"

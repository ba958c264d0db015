"""Quotebank dumps: quotations with their speakers, plain or compressed."""

from __future__ import annotations

import bz2
import gzip
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from readers_support import articles, failures, fixture, read_all, read_one

from store.article import Article, ArticleDefaults
from store.quotation import Kind, Quotation
from store.readers import ReadFailure, quotebank
from store.readers.quotebank import QuotebankLines

DUMP = fixture("quotebank-sample.json")


def test_each_line_is_an_article_carrying_its_attributed_quotation() -> None:
    first = articles(read_all(DUMP))[0]
    text = "we will rebuild the pier before the summer season"
    assert first.text == text
    assert first.given_quotations == (
        Quotation(
            text, 0, len(text), Kind.DIRECT, speaker="Rosalind Achterberg", context_end=len(text)
        ),
    )
    assert first.given_quotations[0].context == text
    assert first.external_id == "2019-11-04-000112"
    assert first.source == f"{DUMP}:1"


def test_first_url_gives_the_url_and_its_domain_the_outlet() -> None:
    first, second, third = articles(read_all(DUMP))
    assert first.url == "https://www.saltmarsh-herald.example/news/pier-rebuild"
    assert first.outlet == third.outlet == "saltmarsh-herald.example"
    assert second.outlet == "coastline-weekly.example"


def test_date_becomes_the_published_date() -> None:
    assert [a.published for a in articles(read_all(DUMP))] == [
        date(2019, 11, 4),
        date(2019, 11, 5),
        date(2019, 11, 6),
    ]


def test_speaker_none_in_the_dump_means_no_speaker() -> None:
    second = articles(read_all(DUMP))[1]
    assert second.given_quotations is not None
    assert second.given_quotations[0].speaker is None


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress], ids=["gz", "bz2"])
def test_compressed_dump_reads_like_the_plain_one(tmp_path: Path, compress: object) -> None:
    path = tmp_path / "quotes-2019-11.json.compressed"
    path.write_bytes(compress(DUMP.read_bytes()))  # type: ignore[operator]
    results = read_all(path)
    assert [a.text for a in articles(results)] == [a.text for a in articles(read_all(DUMP))]
    assert results[0].source == f"{path}:1"


@pytest.mark.parametrize(
    ("compress", "kind"), [(gzip.compress, "gzip"), (bz2.compress, "bzip2")], ids=["gz", "bz2"]
)
def test_truncated_compressed_dump_fails_with_a_clear_message(
    tmp_path: Path, compress: object, kind: str
) -> None:
    many_lines = DUMP.read_bytes() * 400
    packed = compress(many_lines)  # type: ignore[operator]
    path = tmp_path / "quotes.json.gz"
    path.write_bytes(packed[: len(packed) // 2])
    results = read_all(path)
    assert results[-1] == ReadFailure(
        str(path), f"truncated {kind} file: the compressed data ends early"
    )
    assert len(failures(results)) == 1


def test_corrupt_compressed_dump_fails_naming_the_file(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress(DUMP.read_bytes() * 50))
    packed[40:80] = b"\xff" * 40
    path = tmp_path / "quotes.json.gz"
    path.write_bytes(bytes(packed))
    failure = failures(read_all(path))[-1]
    assert failure.source == str(path)
    assert failure.error.startswith("corrupt gzip file: ")


def test_line_without_a_quotation_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text(
        '{"quoteID": "2020-01-01-000001", "speaker": "Lena Orsolya"}\n'
        '{"quoteID": "2020-01-01-000002", "quotation": "the ferry runs at dawn", '
        '"speaker": "Lena Orsolya", "urls": [], "date": "2020-01-01 06:00:00"}\n',
        encoding="utf-8",
    )
    results = read_all(path)
    assert results[0] == ReadFailure(f"{path}:1", 'no "quotation" in this Quotebank line')
    assert articles(results)[0].outlet is None


def test_forced_quotebank_format_reads_a_dump_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(DUMP.read_bytes().splitlines(keepends=True)[2])
    article = read_one(path, fmt="quotebank")
    assert article.given_quotations is not None
    assert article.given_quotations[0].speaker == "Emeka Thorvaldsen"


ODD_URLS = [
    "HTTPS://WWW.Pier.Example/News",
    "https://user:secret@www.pier.example:8443/news?x=//other.example/",
    "https://pier.example?ref=//other.example/a",
    "https://pier.example#//other.example/a",
    "//pier.example/news",
    "pier.example/news",
    "a/b://pier.example/news",
    "https://[::1/news",
    "https://pier.exa\tmple/news",
    " https://pier.example/news",
    "https://pier.example",
    "https://pier.example ",
    "https://xn--pir-cma.example/news",
    "https://pi\u00e9r.example/news",
]


@pytest.mark.parametrize("url", ODD_URLS)
def test_the_outlet_is_the_host_urllib_reads_however_the_url_is_written(
    tmp_path: Path, url: str
) -> None:
    dump = tmp_path / "quotebank.json"
    line = {"quoteID": "q1", "quotation": "the pier will reopen", "urls": [url]}
    dump.write_text(json.dumps(line) + "\n" + json.dumps(line) + "\n", encoding="utf-8")
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    expected = host.removeprefix("www.") if host else None
    assert [a.outlet for a in articles(read_all(dump))] == [expected, expected]


def _read_as_lines(path: Path, **options: object) -> list[Article | ReadFailure]:
    """What an ingest's workers read: the dump's QuotebankLines, each read into articles."""
    chunks = read_all(path, quotebank_lines=True, **options)
    results: list[Article | ReadFailure] = []
    for chunk in chunks:
        assert isinstance(chunk, QuotebankLines | ReadFailure), chunk
        results += chunk.read() if isinstance(chunk, QuotebankLines) else [chunk]
    return results


def test_lines_read_later_give_what_the_dump_read_at_once_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quotebank, "LINES_AT_ONCE", 2)  # several chunks from a short dump
    path = tmp_path / "dump.json.bz2"
    lines = DUMP.read_bytes().splitlines(keepends=True)
    broken = [b"{not json\n", b"\n", b'{"quoteID": "2020-01-01-000009"}\n', b"[1, 2]\n"]
    path.write_bytes(bz2.compress(b"".join(lines[:2] + broken + lines[2:])))
    at_once = read_all(path)
    later = _read_as_lines(path)
    assert later == at_once
    assert [r.source for r in later] == [
        f"{path}:{n}" for n in (1, 2, 3, 5, 6, *range(7, 6 + len(lines) - 1))
    ]
    assert len(failures(later)) == 3


def test_a_line_the_reader_chokes_on_unforeseen_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dump.json"
    path.write_bytes(DUMP.read_bytes())
    first_url = articles(read_all(path))[0].url
    real = quotebank._domain

    def choking(url: str | None) -> str | None:
        if url == first_url:
            raise ValueError("a parser bug")
        return real(url)

    monkeypatch.setattr(quotebank, "_domain", choking)
    for results in (read_all(path), _read_as_lines(path)):
        failure = ReadFailure(f"{path}:1", "could not be read (ValueError: a parser bug)")
        assert results[0] == failure
        assert len(articles(results)) == len(results) - 1


def test_lines_read_later_get_what_the_ingest_fills_in(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text(
        '{"quoteID": "2020-01-01-000002", "quotation": "the ferry runs at dawn", '
        '"speaker": "Lena Orsolya", "urls": []}\n',
        encoding="utf-8",
    )
    [chunk] = read_all(path, quotebank_lines=True)
    assert isinstance(chunk, QuotebankLines)
    desk = ArticleDefaults(outlet="Harbour Desk", published=date(2020, 1, 2))
    [article] = replace(chunk, finish=desk).read()
    assert isinstance(article, Article)
    assert (article.outlet, article.published) == ("Harbour Desk", date(2020, 1, 2))

"""`--format auto`: the content decides the reader; names and content types only break ties."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from readers_support import articles, failures, fixture, read_all

from store.readers import FORMATS, read_sources
from store.readers.detect import sniff
from store.readers.sources import ONE_ARTICLE


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"id": 1, "text": "Ferry fares rise."}\n', "jsonl"),
        (b'\xef\xbb\xbf  \n{"text": "After a byte order mark and blank lines."}\n', "jsonl"),
        (b'{"quoteID": "2019-01-01-000001", "quotation": "hello"}\n', "quotebank"),
        (b'{"quoteID": "2019-01-01-000001", "quotation": "cut off mid-li', "quotebank"),
        (b'{"text": "cut off mid-li', "jsonl"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>', "feed"),
        (b'<?xml version="1.0"?>\n<!-- exported -->\n<rdf:RDF xmlns:rdf="x">', "feed"),
        (b"<!DOCTYPE html>\n<html><body><p>Hi</p>", "html"),
        (b"<!-- saved from url=(0040) -->\n<html lang='en'><head>", "html"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (b"<p>A fragment of a page, with a paragraph.</p>", "html"),
        (b"Bridge to close\n\nThe bridge will close in June.", "text"),
        (b"<<< BREAKING >>> The bridge will close in June.", "text"),
        (b"The rule is x < y and y > z, said teacher Ola Brennan.", "text"),
    ],
)
def test_format_is_recognised_from_the_content(head: bytes, expected: str) -> None:
    assert sniff(head) == expected


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("notes.txt", None, "html"),
        ("page.json", None, "html"),
        (None, "application/json", "html"),
    ],
)
def test_a_misleading_name_or_content_type_does_not_override_the_content(
    name: str | None, content_type: str | None, expected: str
) -> None:
    head = b"<!DOCTYPE html><html><body><p>A page.</p></body></html>"
    assert sniff(head, name=name, content_type=content_type) == expected


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("bulletin.xml", None, "feed"),
        ("bulletin.html", None, "html"),
        (None, "application/rss+xml; charset=utf-8", "feed"),
        (None, None, "html"),
    ],
)
def test_name_or_content_type_breaks_the_tie_of_an_unknown_root_element(
    name: str | None, content_type: str | None, expected: str
) -> None:
    head = b'<?xml version="1.0"?>\n<bulletin><item>Ferry delayed.</item></bulletin>'
    assert sniff(head, name=name, content_type=content_type) == expected


def test_files_with_wrong_extensions_are_read_by_their_content(tmp_path: Path) -> None:
    shutil.copy(fixture("export.jsonl"), tmp_path / "a-export.txt")
    shutil.copy(fixture("harbour-strike.html"), tmp_path / "b-page.json")
    shutil.copy(fixture("fenwick-courier.rss"), tmp_path / "c-feed.html")
    shutil.copy(fixture("bridge-closure.txt"), tmp_path / "d-article.html")
    shutil.copy(fixture("quotebank-sample.json"), tmp_path / "e-quotes.jsonl")
    results = read_all(tmp_path)
    by_file: dict[str, int] = {}
    for article in articles(results):
        name = Path(article.source.split(":")[0].split("#")[0]).name
        by_file[name] = by_file.get(name, 0) + 1
    assert by_file == {
        "a-export.txt": 3,
        "b-page.json": 1,
        "c-feed.html": 2,
        "d-article.html": 1,
        "e-quotes.jsonl": 3,
    }
    page = next(a for a in articles(results) if a.source.endswith("b-page.json"))
    assert page.outlet == "The Harbourside Gazette"
    quotes = [a for a in articles(results) if "e-quotes" in a.source]
    assert all(a.given_quotations for a in quotes)


def test_folder_is_walked_recursively_in_sorted_order_skipping_hidden_entries(
    tmp_path: Path,
) -> None:
    for relative in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", "z.txt"]:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Story {relative}\n\nBody of {relative}.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Secret\n\nNot to be read.\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("Config\n\nNot an article.\n")
    sources = [Path(a.source).relative_to(tmp_path).as_posix() for a in read_all(tmp_path)]
    assert sources == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt", "z.txt"]


def test_forced_format_applies_to_every_file(tmp_path: Path) -> None:
    shutil.copy(fixture("harbour-strike.html"), tmp_path / "page.html")
    article = articles(read_all(tmp_path, fmt="text"))[0]
    assert article.title == "<!DOCTYPE html>"


def test_forcing_the_wrong_format_gives_failures_not_exceptions() -> None:
    results = read_all(fixture("bridge-closure.txt"), fmt="jsonl")
    assert results and not articles(results)
    assert all(f.source.startswith(str(fixture("bridge-closure.txt"))) for f in failures(results))


def test_formats_lists_auto_and_every_reader() -> None:
    assert FORMATS == ("auto", "text", "html", "jsonl", "feed", "quotebank")


def test_unknown_format_is_a_programming_error_raised_at_once() -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        read_sources(["anything"], "pdf")


@pytest.mark.parametrize(
    ("name", "refusal"),
    [
        ("export.jsonl", "this is a JSON Lines export of many articles"),
        ("fenwick-courier.rss", "this is a feed of many articles"),
        ("quotebank-sample.json", "this is a Quotebank dump of many quotations"),
        ("bridge-closure.txt", None),
        ("harbour-strike.html", None),
    ],
)
def test_one_article_formats_take_a_page_or_a_text_and_refuse_the_rest(
    name: str, refusal: str | None
) -> None:
    results = read_all(fixture(name), formats=ONE_ARTICLE)

    if refusal is None:
        assert len(articles(results)) == 1
    else:
        [failure] = results
        assert failure.error == f"{refusal}; only a web page or a text is accepted"

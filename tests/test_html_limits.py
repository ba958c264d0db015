"""The HTML extractor is given at most so much markup, and a large page has a deadline.

trafilatura's time grows faster than the page (a megabyte of short paragraphs took 26 s), so
a page over the markup limit, counted without its scripts, styles and comments, is reported
at once, and a large page under it is extracted in a child process that is stopped at a
deadline. The limit is set low here (passed in, or QUOTEBOT_MAX_HTML_MB for the command).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hostile_support import ingest, ordinary_story, stored_articles
from readers_support import articles, fixture, read_all, read_one

import store.readers.main_text as main_text
from store.readers import ReadFailure

PAGE = fixture("harbour-strike.html")
OVER_THE_LIMIT = (
    "too much markup: more than 50 KB once scripts, styles and comments are removed, the limit "
    "for a page (QUOTEBOT_MAX_HTML_MB raises it)"
)


def padded(tmp_path: Path, padding: str, name: str = "page.html") -> Path:
    """The fixture page with `padding` put just before `</body>`."""
    page = PAGE.read_text(encoding="utf-8").replace("</body>", padding + "</body>")
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return path


def short_paragraphs(size: int) -> str:
    """Markup that makes the extractor's time grow fastest: many short paragraphs."""
    return "".join(f"<p>Notice {number}.</p>" for number in range(size // 20))


def test_a_page_over_the_markup_limit_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    page = padded(tmp_path, short_paragraphs(200_000))
    story = ordinary_story(tmp_path)

    results = read_all(page, story, max_html_bytes=50_000)

    assert results[0] == ReadFailure(str(page), OVER_THE_LIMIT)
    assert [a.source for a in articles(results)] == [str(story)]


def test_scripts_styles_and_comments_do_not_count_and_metadata_stays(tmp_path: Path) -> None:
    code = (
        "<script>var state = '" + "x" * 200_000 + "';</script>"
        "<style>p { color: red; }" + " " * 200_000 + "</style>"
        "<!--" + "c" * 200_000 + "-->"
    )
    page = padded(tmp_path, code)

    article = read_one(page, max_html_bytes=50_000)

    assert article.text == read_one(PAGE).text
    assert (article.title, article.byline, article.published) == (
        "Port Westmere dock strike ends after nine days",
        "Priya Okonkwo-Haldane",
        date(2024, 5, 7),
    )


def test_a_large_page_is_read_in_a_child_process(tmp_path: Path) -> None:
    notices = "".join(
        f"<p>Berth {number} will reopen to the Tidewater ferries on Monday, the port said.</p>"
        for number in range(main_text.SMALL_PAGE_BYTES // 70)
    )
    page = tmp_path / "notices.html"
    page.write_text(
        "<html><head><title>Every berth of Port Westmere reopens</title></head><body><article>"
        f"<h1>Every berth of Port Westmere reopens</h1>{notices}</article></body></html>",
        encoding="utf-8",
    )

    article = read_one(page)

    assert "Berth 1 will reopen to the Tidewater ferries on Monday" in article.text
    assert len(article.text) > main_text.SMALL_PAGE_BYTES * 0.7
    assert article.title == "Every berth of Port Westmere reopens"


def test_a_large_page_past_the_deadline_is_reported_not_hung_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_text, "DEADLINE_SECONDS", 0.001)
    page = padded(tmp_path, short_paragraphs(main_text.SMALL_PAGE_BYTES * 2))

    [failure] = read_all(page)

    assert isinstance(failure, ReadFailure) and failure.source == str(page)
    assert failure.error.startswith("the HTML extractor was stopped after 0.001 s on this page (")


def test_ingest_reports_the_page_over_the_limit_and_stores_the_rest(
    archive_url: str, tmp_path: Path
) -> None:
    page = padded(tmp_path, short_paragraphs(200_000))
    story = ordinary_story(tmp_path)

    result = ingest(archive_url, page, story, cwd=tmp_path, env={"QUOTEBOT_MAX_HTML_MB": "0.05"})

    assert result.code == 1
    assert result.json()["errors"] == [{"source": str(page), "error": OVER_THE_LIMIT}]
    assert result.json()["articles"] == 1
    assert stored_articles(archive_url) == 1

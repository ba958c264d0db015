"""Web pages: the main text without the page around it, and the metadata pages carry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from readers_support import fixture, read_failure, read_one

PAGE = fixture("harbour-strike.html")


def test_main_text_keeps_the_article_and_drops_navigation_and_footer() -> None:
    text = read_one(PAGE).text
    assert '"We got what we came for, and we got it together," said Delia Marchetti-Fox' in text
    for boilerplate in (
        "Subscribe",
        "Most read",
        "Lighthouse sold",
        "All rights reserved",
        "analytics",
    ):
        assert boilerplate not in text


def test_paragraphs_are_separated_by_blank_lines() -> None:
    paragraphs = read_one(PAGE).text.split("\n\n")
    assert paragraphs[-1] == (
        "Local hauliers said the stoppage had cost them thousands of pounds a day, and several "
        "warned that smaller firms might not survive another dispute this year."
    )
    assert all("\n" not in p for p in paragraphs)
    assert len(paragraphs) >= 4


def test_metadata_comes_from_the_page() -> None:
    article = read_one(PAGE)
    assert article.title == "Port Westmere dock strike ends after nine days"
    assert article.outlet == "The Harbourside Gazette"
    assert article.byline == "Priya Okonkwo-Haldane"
    assert article.published == date(2024, 5, 7)
    assert article.url == "https://harbourside-gazette.example/news/2024/05/07/dock-strike-ends"
    assert article.source == str(PAGE)


def test_truncated_page_still_gives_the_text_before_the_cut(tmp_path: Path) -> None:
    whole = PAGE.read_text(encoding="utf-8")
    cut = whole.index("The port authority's chief executive") + 60
    path = tmp_path / "truncated.html"
    path.write_text(whole[:cut], encoding="utf-8")
    text = read_one(path).text
    assert "said Delia Marchetti-Fox" in text
    assert "Local hauliers" not in text


def test_malformed_markup_is_read_leniently(tmp_path: Path) -> None:
    path = tmp_path / "malformed.html"
    path.write_text(
        "<html><body><div><p>The tide mill at Wexcombe will be restored with a lottery grant, the "
        'trust that owns it announced on Wednesday.<p>"It ground flour for two hundred years and '
        'it will again," said trustee Magnus Okafor-Ruiz.</b></i><p>Restoration starts in spring, '
        "and volunteers are being sought to help with the work on the wheel and the sluices."
        "</span></table></body>",
        encoding="utf-8",
    )
    text = read_one(path).text
    assert "said trustee Magnus Okafor-Ruiz." in text
    assert "\n\n" in text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a></nav>"
        "<form><input name='user'><button>Sign in</button></form></body></html>",
        "<html><body><div class='menu'><a href='/news'>News</a> <a href='/sport'>Sport</a> "
        "<a href='/weather'>Weather</a></div><p>Page not found.</p></body></html>",
    ],
    ids=["login-wall", "not-found-page"],
)
def test_page_without_main_text_is_a_failure_naming_it(tmp_path: Path, page: str) -> None:
    path = tmp_path / "index.html"
    path.write_text(page, encoding="utf-8")
    failure = read_failure(path)
    assert failure.source == str(path)
    assert failure.error == "no article text found in the HTML"


def test_page_in_windows_1252_declared_by_meta_charset_decodes_right(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Caf\u00e9 closes</title></head><body><article><p>The caf\u00e9 on Rue Mercier "
        "closed on Sunday after forty years of serving the neighbourhood breakfast.</p>"
        "<p>\u201cWe were na\u00efve to think rents would stay the same,\u201d said owner "
        "Ren\u00e9e Castellanos-Brook.</p></article></body></html>"
    )
    path = tmp_path / "cafe.html"
    path.write_bytes(page.encode("cp1252"))
    text = read_one(path).text
    assert "\u201cWe were na\u00efve to think rents would stay the same,\u201d" in text
    assert "Ren\u00e9e Castellanos-Brook" in text

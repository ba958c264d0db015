"""Plain-text articles: title, paragraphs, the credit line that names the outlet."""

from __future__ import annotations

from pathlib import Path

import pytest
from readers_support import fixture, read_one


def write(tmp_path: Path, text: str, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_first_line_is_the_title_and_stays_the_first_paragraph() -> None:
    article = read_one(fixture("bridge-closure.txt"))
    assert article.title == "Ashgrove bridge to close for six months of repairs"
    assert article.text.split("\n\n")[0] == article.title


def test_credit_line_sets_the_outlet_and_leaves_the_text() -> None:
    article = read_one(fixture("bridge-closure.txt"))
    assert article.outlet == "The Ashgrove Echo"
    assert "Read the original" not in article.text
    assert article.text.endswith(
        "Drivers face a diversion of about eleven miles through Lower Brantham."
    )


@pytest.mark.parametrize(
    ("credit", "outlet"),
    [
        ("Read the original article on Business Insider", "Business Insider"),
        ("This article originally appeared on The Tidewater Sentinel.", "The Tidewater Sentinel"),
        ("This article first appeared in Quarry Lane Weekly", "Quarry Lane Weekly"),
        ("Originally published by Glenmore Public Radio.", "Glenmore Public Radio"),
        ("Source: The Kestrel Valley Times", "The Kestrel Valley Times"),
    ],
)
def test_each_kind_of_credit_line_names_the_outlet(
    tmp_path: Path, credit: str, outlet: str
) -> None:
    body = 'Ferry fares rise\n\n"Nobody likes it," said skipper Annika Dovbush.\n\n' + credit + "\n"
    article = read_one(write(tmp_path, body))
    assert article.outlet == outlet
    assert article.text == 'Ferry fares rise\n\n"Nobody likes it," said skipper Annika Dovbush.'


def test_a_sentence_starting_with_source_is_not_a_credit(tmp_path: Path) -> None:
    body = (
        "Flood defences inspected\n\n"
        "Source: interviews with forty residents of the lower town, conducted over three weeks"
    )
    article = read_one(write(tmp_path, body))
    assert article.outlet is None
    assert article.text.endswith("conducted over three weeks")


def test_a_credit_line_alone_is_not_taken_as_the_outlet(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "Source: The Kestrel Valley Times\n"))
    assert article.outlet is None
    assert article.title == "Source: The Kestrel Valley Times"


def test_one_paragraph_per_line_becomes_separate_paragraphs(tmp_path: Path) -> None:
    body = (
        "Orchard festival cancelled\n"
        "The orchard festival will not go ahead this year.\n"
        '"The frost took every blossom," said grower Ilse Mbeki-Strand.\n'
    )
    article = read_one(write(tmp_path, body))
    assert article.text.split("\n\n") == [
        "Orchard festival cancelled",
        "The orchard festival will not go ahead this year.",
        '"The frost took every blossom," said grower Ilse Mbeki-Strand.',
    ]


def test_credit_after_a_blank_line_does_not_make_lines_one_paragraph(tmp_path: Path) -> None:
    body = "Orchard festival cancelled\nNo festival this year.\nThe frost took every blossom.\n\n"
    article = read_one(write(tmp_path, body + "Source: The Kestrel Valley Times\n"))
    assert article.outlet == "The Kestrel Valley Times"
    assert article.text.split("\n\n") == [
        "Orchard festival cancelled",
        "No festival this year.",
        "The frost took every blossom.",
    ]


def test_hard_wrapped_paragraphs_stay_whole() -> None:
    article = read_one(fixture("bridge-closure.txt"))
    paragraphs = article.text.split("\n\n")
    assert paragraphs[1] == (
        "The Ashgrove road bridge will close to traffic from June while engineers replace its\n"
        "corroded bearings, the county highways department said on Thursday."
    )
    assert len(paragraphs) == 4


def test_title_followed_directly_by_a_wrapped_paragraph_is_its_own_paragraph(
    tmp_path: Path,
) -> None:
    body = "Lido to reopen\nThe lido will reopen\nin July.\n\nTickets go on sale in June.\n"
    article = read_one(write(tmp_path, body))
    assert (
        article.text
        == "Lido to reopen\n\nThe lido will reopen\nin July.\n\nTickets go on sale in June."
    )


def test_windows_line_endings_and_byte_order_mark_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffTram line approved\r\n\r\nThe tram line was approved.\r\n".encode())
    article = read_one(path)
    assert article.title == "Tram line approved"
    assert article.text == "Tram line approved\n\nThe tram line was approved."


def test_runs_of_blank_lines_collapse_to_one_paragraph_break(tmp_path: Path) -> None:
    body = "\n\n  \nMarket day moved\n\n\n   \n\nThe market moves to Thursdays.\n\n\n"
    assert (
        read_one(write(tmp_path, body)).text == "Market day moved\n\nThe market moves to Thursdays."
    )


def test_source_is_the_path_and_there_is_no_date_or_url(tmp_path: Path) -> None:
    path = write(tmp_path, "Short notice\n\nThe pool is closed today.")
    article = read_one(path)
    assert article.source == str(path)
    assert article.url is None and article.published is None

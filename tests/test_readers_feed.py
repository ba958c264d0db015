"""RSS and Atom feeds: an article per entry, credited to the feed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from readers_support import articles, failures, fixture, read_all, read_failure

from store.readers import ReadFailure

RSS = fixture("fenwick-courier.rss")
ATOM = fixture("moorland-ledger.atom")


def test_each_rss_entry_is_an_article_credited_to_the_feed() -> None:
    footbridge, library = articles(read_all(RSS))
    assert footbridge.title == "Council backs new footbridge over the Fen"
    assert footbridge.outlet == library.outlet == "The Fenwick Courier"
    assert footbridge.url == "https://fenwick-courier.example/2024/03/12/footbridge"
    assert footbridge.published == date(2024, 3, 12)
    assert footbridge.byline == "Tomasz Wiercinski-Hale"
    assert footbridge.source == f"{RSS}#1"


def test_full_content_is_preferred_over_the_summary() -> None:
    footbridge = articles(read_all(RSS))[0]
    assert footbridge.text.split("\n\n") == [
        "Councillors approved plans for a footbridge over the Fen on Monday night, by seven "
        "votes to two.",
        '"This bridge joins two halves of a town that have looked at each other across the water '
        'for a century," said councillor Margit Oyelaran-Voss.',
        "Work is due to start in the autumn.",
    ]


def test_summary_html_becomes_plain_paragraphs_with_entities_decoded() -> None:
    library = articles(read_all(RSS))[1]
    assert library.text == (
        "The central library will open until nine on weekdays from April.\n\n"
        "\u201cStudents asked, and we listened,\u201d said head librarian Corwin Adebayo-Lunde.\n\n"
        "The change costs nothing extra, he added."
    )


def test_rss_author_written_as_email_and_name_gives_the_name() -> None:
    assert articles(read_all(RSS))[1].byline == "Ines Halloran"


def test_entry_without_text_fails_alone_naming_its_place_in_the_feed() -> None:
    results = read_all(RSS)
    assert failures(results) == [ReadFailure(f"{RSS}#3", "the feed entry has no text")]
    assert len(articles(results)) == 2


def test_atom_entry_reads_content_author_and_published_date() -> None:
    (entry,) = read_all(ATOM)
    assert entry.outlet == "The Moorland Ledger"
    assert entry.title == "Reservoir levels at a ten-year low"
    assert entry.url == "https://moorland-ledger.example/reservoir-low"
    assert entry.byline == "Oluwaseun Brackley"
    assert entry.published == date(2024, 6, 1)
    assert entry.text.endswith("said water board spokesperson Hester Ngata-Lowe.")


def test_rdf_feed_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.rdf"
    path.write_text(
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://tarn.example/">'
        "<title>Tarn Weekly</title></channel>"
        '<item rdf:about="https://tarn.example/ferry"><title>Ferry returns</title>'
        "<link>https://tarn.example/ferry</link>"
        "<description>The lake ferry returns to service on Saturday after repairs.</description>"
        "</item></rdf:RDF>",
        encoding="utf-8",
    )
    (entry,) = read_all(path)
    assert entry.outlet == "Tarn Weekly"
    assert entry.text == "The lake ferry returns to service on Saturday after repairs."


def test_feed_that_breaks_off_still_gives_the_entries_before_the_break(tmp_path: Path) -> None:
    whole = RSS.read_text(encoding="utf-8")
    path = tmp_path / "cut.rss"
    path.write_text(whole[: whole.index("<title>Library opening hours")], encoding="utf-8")
    results = read_all(path)
    assert articles(results)[0].title == "Council backs new footbridge over the Fen"


def test_broken_feed_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?>\n<rss><channel><title>Oops</title><<<</rss>')
    failure = read_failure(path)
    assert failure.source == str(path)
    assert failure.error.startswith("not a readable feed: line 2, column ")


def test_feed_with_no_entries_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet Days</title></channel></rss>'
    )
    assert read_failure(path).error == "the feed has no entries"

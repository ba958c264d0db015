"""A page fetched by URL is the article of the site that served it, whatever it claims to be.

A page whose canonical link and site name claim another outlet's article is stored under the
address it was fetched from, credited to the site that served it, with the claim kept beside
it; a fabricated quote on it is then not "verified" as that outlet's, and the outlet's genuine
article at the claimed address is stored when it comes, not refused as a duplicate.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pages_support import (
    CLAIMED_OUTLET,
    FABRICATED_QUOTE,
    GENUINE_STORY,
    GENUINE_URL,
    local_site,
)
from sqlalchemy import text

from bot.cli import cli
from bot.verifier.verdict import Verdict
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.readers.provenance import page_provenance, same_site, site_of


def run(archive_url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", archive_url, *args])


def stored_articles(archive: Archive) -> list[tuple[str, str, str | None, str | None]]:
    """(url, outlet, claimed_url, claimed_outlet) of every stored article, oldest first."""
    with archive.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT articles.url, outlets.name, articles.claimed_url, articles.claimed_outlet"
                " FROM articles LEFT JOIN outlets ON outlets.id = articles.outlet_id"
                " ORDER BY articles.id"
            )
        )
        return [tuple(row) for row in rows]


def test_a_page_claiming_another_outlets_article_is_stored_where_it_was_found(
    archive_url: str, tmp_path: Path
) -> None:
    with local_site() as site:
        forged = run(archive_url, "ingest", f"{site}/go/ferry-tolls", "--json")
    genuine_file = tmp_path / "ferry-tolls.txt"
    genuine_file.write_text(GENUINE_STORY, encoding="utf-8")
    genuine = run(
        archive_url, "ingest", str(genuine_file), "--url", GENUINE_URL, "--outlet", CLAIMED_OUTLET
    )

    assert json.loads(forged.stdout)["articles"] == 1, forged.output
    assert genuine.exit_code == 0, genuine.output
    assert "duplicate" not in genuine.stdout
    with Archive.open(archive_url) as archive:
        assert stored_articles(archive) == [
            (f"{site}/ferry-tolls", "127.0.0.1", GENUINE_URL, CLAIMED_OUTLET),
            (GENUINE_URL, CLAIMED_OUTLET, None, None),
        ]
        [checked] = Verifier(archive).check(f'"{FABRICATED_QUOTE}," Harriet Vale said')
    assert checked.verdict is Verdict.VERIFIED
    assert checked.matches[0].outlet == "127.0.0.1"
    assert checked.matches[0].article.url == f"{site}/ferry-tolls"


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("https://www.estuary-herald.co.uk/a", "https://news.estuary-herald.co.uk/b", True),
        ("https://estuary-herald.co.uk/a", "https://estuary-gazette.co.uk/a", False),
        ("https://herald.github.io/a", "https://gazette.github.io/a", False),
        ("https://WWW.Tidewater-Wire.example./a", "https://tidewater-wire.example/b", True),
        ("http://127.0.0.1:8080/a", "http://127.0.0.1:9090/b", True),
        ("http://127.0.0.1/a", "https://tidewater-wire.example/a", False),
        ("not a url", "not a url", False),
    ],
)
def test_two_addresses_are_one_site_when_their_registrable_domain_is(
    first: str, second: str, same: bool
) -> None:
    assert same_site(first, second) is same


def test_a_site_is_named_by_its_registrable_domain() -> None:
    assert site_of("https://www.estuary-herald.co.uk/news/1") == "estuary-herald.co.uk"
    assert site_of("http://[::1]:8080/x") == "::1"


def test_a_page_read_from_a_file_keeps_its_own_word() -> None:
    where = page_provenance(GENUINE_URL, CLAIMED_OUTLET, None)
    assert (where.url, where.outlet, where.claimed_url) == (GENUINE_URL, CLAIMED_OUTLET, None)

"""Sources a newsroom trusts: a match found only in unvetted printings says so in its headline,
and a trusted printing is shown before an earlier unvetted one.

Through the command line (`check` and `check --json`) and the Slack card, on both databases.
The outlets, people and stories are invented.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from check_support import run

from bot.slack import card as slack_card
from bot.verifier.trust import Trust, TrustSettingError, trust_from_environment
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import AddedVia, Article
from store.ingest import quotations_of

FERRY_QUOTE = "The new timetable starts on the first of May and every crossing will carry bicycles"
SLIPWAY_QUOTE = "We have asked the council twice and nobody has answered our letters"
WIRE_URL = "https://meridianwire.example/2025/04/ferry-timetable"
BLOG_URL = "https://someblog.example/ferry"
WIRE_STORY = f"""\
Ferry timetable changes in May

The ferry company announced a new timetable on Wednesday.

"{FERRY_QUOTE}," said Rob Hale, the company's operations manager.
"""
BLOG_STORY = f"""\
What the ferry changes mean for us

"{FERRY_QUOTE}," said Rob Hale, the company's operations manager.

"{SLIPWAY_QUOTE}," said Ana Ruiz, who chairs the rowing club.
"""


@pytest.fixture
def db(archive_url: str, tmp_path: Path) -> str:
    """A wire story ingested from the command line, and a blog post an editor added from
    Slack the day before, printing the same quotation and one of its own."""
    wire = tmp_path / "wire.txt"
    wire.write_text(WIRE_STORY, encoding="utf-8")
    ingested = run(
        "--db",
        archive_url,
        "ingest",
        str(wire),
        "--outlet",
        "Meridian Wire",
        "--url",
        WIRE_URL,
        "--published",
        "2025-04-02",
    )
    assert ingested.exit_code == 0, ingested.stderr
    blog = Article(
        text=BLOG_STORY,
        title="What the ferry changes mean for us",
        outlet="Some Blog",
        url=BLOG_URL,
        published=dt.date(2025, 4, 1),
        source=BLOG_URL,
        added_via=AddedVia.SLACK,
    )
    with Archive.open(archive_url) as archive:
        archive.add(blog, quotations_of(blog))
    return archive_url


def check_json(db: str, paste: str) -> dict:
    result = run("--db", db, "check", "--json", paste)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_words_found_only_in_an_unvetted_source_say_so_in_the_headline(db: str) -> None:
    paste = f'"{SLIPWAY_QUOTE}," said Ana Ruiz.'

    document = check_json(db, paste)
    shown = run("--db", db, "check", paste)

    assert (document["verdict"], document["trust"]) == ("verified", "unvetted")
    [match] = document["matches"]
    assert match["trust"] == "unvetted"
    assert match["printings"] == [
        {
            "outlet": "Some Blog",
            "title": "What the ferry changes mean for us",
            "url": BLOG_URL,
            "published": "2025-04-01",
            "trust": "unvetted",
        }
    ]
    first_line = shown.stdout.splitlines()[0]
    assert first_line.startswith("✔ Verified")
    assert first_line.endswith("· ⚠ found only in unvetted sources")
    assert "Some Blog, 2025-04-01" in shown.stdout and "(unvetted source)" in shown.stdout


def test_a_trusted_printing_is_shown_and_listed_before_an_earlier_unvetted_one(db: str) -> None:
    paste = f'"{FERRY_QUOTE}," said Rob Hale.'

    document = check_json(db, paste)
    shown = run("--db", db, "check", paste)

    assert (document["verdict"], document["trust"]) == ("verified", "trusted")
    [match] = document["matches"]
    assert (match["outlet"], match["article"]["url"], match["trust"]) == (
        "Meridian Wire",
        WIRE_URL,
        "trusted",
    )
    assert [(p["url"], p["trust"]) for p in match["printings"]] == [
        (WIRE_URL, "trusted"),
        (BLOG_URL, "unvetted"),
    ]
    assert (match["occurrences"], match["first_seen"]) == (2, "2025-04-01")
    assert "unvetted sources" not in shown.stdout.splitlines()[0]
    assert "Meridian Wire, 2025-04-02" in shown.stdout
    assert "Unvetted: Some Blog." in shown.stdout


def test_configured_outlets_and_domains_decide_and_the_rest_is_unvetted(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the newsroom names its sources, what it ingested itself is vetted like the rest."""
    monkeypatch.setenv("QUOTEBOT_TRUSTED_OUTLETS", "Harbour Post, Vexco Daily")
    monkeypatch.setenv("QUOTEBOT_TRUSTED_DOMAINS", "*.someblog.example")

    ferry = check_json(db, f'"{FERRY_QUOTE}," said Rob Hale.')
    slipway = check_json(db, f'"{SLIPWAY_QUOTE}," said Ana Ruiz.')

    assert ferry["trust"] == "trusted"
    assert [(p["outlet"], p["trust"]) for p in ferry["matches"][0]["printings"]] == [
        ("Some Blog", "trusted"),
        ("Meridian Wire", "unvetted"),
    ]
    assert slipway["trust"] == "trusted"


def test_the_slack_card_says_so_in_its_headline_and_its_fallback(db: str) -> None:
    with Archive.open(db) as archive:
        [result] = Verifier(archive).check(f'"{SLIPWAY_QUOTE}," said Ana Ruiz.')

    blocks = slack_card.answer_blocks(result)
    text = slack_card.answer_text(result)

    assert result.trust is Trust.UNVETTED
    assert blocks[0]["text"]["text"].endswith(" · :warning: *found only in unvetted sources*")
    assert "_unvetted source_" in json.dumps(blocks)
    assert text.endswith(" — found only in unvetted sources")


def test_a_malformed_trusted_domain_stops_the_check_with_one_line(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTEBOT_TRUSTED_DOMAINS", "https://meridianwire.example/")

    result = run("--db", db, "check", f'"{FERRY_QUOTE}"')

    assert result.exit_code == 1
    assert result.stderr == (
        "quotebot: QUOTEBOT_TRUSTED_DOMAINS: 'https://meridianwire.example/' is not a domain "
        "such as news.example or *.news.example\n"
    )


@pytest.mark.parametrize(
    ("outlet", "url", "added_via", "trust"),
    [
        ("Meridian Wire", None, AddedVia.CLI, Trust.TRUSTED),
        ("meridian  WIRE", None, AddedVia.CLI, Trust.TRUSTED),
        # A page names its own outlet: from Slack, only its address vouches for it.
        ("Meridian Wire", BLOG_URL, AddedVia.SLACK, Trust.UNVETTED),
        (None, WIRE_URL, AddedVia.SLACK, Trust.TRUSTED),
        (None, "https://www.meridianwire.example/a", AddedVia.SLACK, Trust.TRUSTED),
        (None, "https://blogs.meridianwire.example/a", AddedVia.CLI, Trust.UNVETTED),
        (None, "https://harbourpost.example/a", AddedVia.SLACK, Trust.TRUSTED),
        (None, "https://news.harbourpost.example/a", AddedVia.SLACK, Trust.TRUSTED),
        (None, "https://notharbourpost.example/a", AddedVia.CLI, Trust.UNVETTED),
        ("Some Blog", BLOG_URL, AddedVia.CLI, Trust.UNVETTED),
    ],
)
def test_trust_of_a_printing(
    outlet: str | None, url: str | None, added_via: AddedVia, trust: Trust
) -> None:
    policy = trust_from_environment(
        {
            "QUOTEBOT_TRUSTED_OUTLETS": "Meridian Wire,Harbour Post",
            "QUOTEBOT_TRUSTED_DOMAINS": "meridianwire.example, *.harbourpost.example",
        }
    )

    assert policy.of(outlet, url, added_via) is trust


def test_with_nothing_configured_what_the_cli_ingested_is_trusted_and_slack_adds_are_not() -> None:
    policy = trust_from_environment({})

    assert policy.of("Some Blog", BLOG_URL, AddedVia.CLI) is Trust.TRUSTED
    assert policy.of("Meridian Wire", WIRE_URL, AddedVia.SLACK) is Trust.UNVETTED
    with pytest.raises(TrustSettingError, match="not a domain"):
        trust_from_environment({"QUOTEBOT_TRUSTED_DOMAINS": "meridian wire"})

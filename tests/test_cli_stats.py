"""`quotebot stats`: what the archive holds, as JSON for scripts or a table for people."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner, Result
from factories import FERRY_STORY, article, ferry_quotations

from bot.cli import cli
from store.add_request import AddOutcome, AddRequest
from store.archive import Archive
from store.lookup import FeedbackKind, Lookup


def run(archive_url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", archive_url, "stats", *args])


def test_json_counts_an_empty_archive(archive_url: str) -> None:
    result = run(archive_url, "--json")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "articles": 0,
        "quotations": 0,
        "quotations_by_kind": {"direct": 0, "partial": 0, "reported": 0},
        "speakers": 0,
        "outlets": 0,
        "earliest_published": None,
        "latest_published": None,
        "top_speakers": [],
        "lookups": 0,
        "feedback": 0,
        "adds": 0,
    }


def test_json_counts_articles_quotations_speakers_outlets_and_dates(archive_url: str) -> None:
    later = FERRY_STORY.replace("Tuesday", "Friday")
    with Archive.open(archive_url) as archive:
        archive.add(article(), ferry_quotations())
        archive.add(
            article(later, url=None, outlet="Tidewater Post", published=dt.date(2024, 4, 1)),
            ferry_quotations(later),
        )

    result = run(archive_url, "--json")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "articles": 2,
        "quotations": 6,
        "quotations_by_kind": {"direct": 4, "partial": 2, "reported": 0},
        "speakers": 2,
        "outlets": 2,
        "earliest_published": "2024-03-05",
        "latest_published": "2024-04-01",
        "top_speakers": [
            {"name": "Harriet Vale", "quotations": 4},
            {"name": "Osric Penhallow", "quotations": 2},
        ],
        "lookups": 0,
        "feedback": 0,
        "adds": 0,
    }


def test_json_counts_lookups_and_feedback_from_the_bot(archive_url: str) -> None:
    with Archive.open(archive_url) as archive:
        first = archive.record_lookup(lookup("We will reopen the terminal"))
        archive.record_lookup(lookup("Every penny went into the pier"))
        archive.record_feedback(first.id, "U0EDITOR", FeedbackKind.WRONG_MATCH)

    result = run(archive_url, "--json")

    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["lookups"], document["feedback"]) == (2, 1)
    table = run(archive_url)
    lines = [" ".join(line.split()) for line in table.stdout.splitlines()]
    assert "Lookups 2 1 flagged as the wrong match" in lines


def test_json_and_table_count_the_adds_asked_for_through_the_bot(archive_url: str) -> None:
    with Archive.open(archive_url) as archive:
        for outcome in (AddOutcome.STORED, AddOutcome.REFUSED):
            archive.record_add(
                AddRequest(
                    workspace="T0NEWSROOM",
                    user="U0EDITOR",
                    url_asked="https://tidewater-post.example/ferry",
                    outcome=outcome,
                )
            )

    result = run(archive_url, "--json")

    assert json.loads(result.stdout)["adds"] == 2
    lines = [" ".join(line.split()) for line in run(archive_url).stdout.splitlines()]
    assert "Adds 2 asked for through the bot (/quote add)" in lines


def lookup(query: str) -> Lookup:
    return Lookup(
        workspace="T0NEWSROOM",
        source="command",
        query=query,
        verdict="verified",
        attribution="not_claimed",
        user="U0EDITOR",
    )


def test_table_for_people_names_each_count(archive_url: str) -> None:
    with Archive.open(archive_url) as archive:
        archive.add(article(), ferry_quotations())

    result = run(archive_url)

    assert result.exit_code == 0, result.stderr
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert "Articles 1" in lines
    assert "Quotations 3 2 direct, 1 partial, 0 reported" in lines
    assert "Published 2024-03-05 to 2024-03-05" in lines
    assert "Harriet Vale 2" in lines


def test_unreachable_database_is_one_line_and_exit_code_1() -> None:
    result = run("postgresql://archivist:s3cret@127.0.0.1:1/newsroom", "--json")

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("quotebot: cannot connect to the archive")
    assert len(result.stderr.splitlines()) == 1
    assert "s3cret" not in result.stderr

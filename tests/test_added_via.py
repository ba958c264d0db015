"""Each article keeps how it came into the archive: `quotebot ingest` records the command line,
`/quote add` records Slack (tests/test_slack_add_access.py), and an archive upgraded from before
revision 0008 learns which of its articles Slack adds stored from the audit log of adds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from check_support import run
from index_support import terms_written_as_text
from sqlalchemy import text

from store.add_request import AddOutcome, AddRequest
from store.archive import Archive
from store.article import AddedVia, Article
from store.db import schema
from store.db.engine import create_archive_engine
from store.ingest import quotations_of

STORY = (
    "Lighthouse keepers return to Vexford\n\n"
    '"We will keep the lamp lit every night from October," said Tom Vale, the keeper.\n'
)


def test_an_article_ingested_from_the_command_line_records_the_cli(
    archive_url: str, tmp_path: Path
) -> None:
    story = tmp_path / "lighthouse.txt"
    story.write_text(STORY, encoding="utf-8")

    result = run("--db", archive_url, "ingest", str(story), "--outlet", "Vexford Echo")

    assert result.exit_code == 0, result.stderr
    with Archive.open(archive_url) as archive:
        origin = archive.article_origin(1)
        assert archive.article_origin(2) is None
    assert origin is not None
    assert (origin.added_via, origin.add, origin.source) == (AddedVia.CLI, None, str(story))
    assert origin.ingested_at.tzinfo is not None


def test_upgrading_marks_the_articles_slack_adds_stored(
    archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_archive_engine(archive_url)
    assert schema.upgrade(engine, "0007") == "0007"
    archive = Archive(engine)
    stored = []
    for number in (1, 2):
        article = Article(
            text=STORY.replace("October", f"October {number}"),
            url=f"https://vexford-echo.example/{number}",
        )
        # Quotations as revision 0007 stored them: no rule name (revision 0010).
        quotations = [replace(q, speaker_rule=None) for q in quotations_of(article)]
        with terms_written_as_text(monkeypatch):  # the index as revision 0007 kept it
            stored.append(archive.add(article, quotations).article_id)
    archive.record_add(
        AddRequest(
            workspace="T0NEWSROOM",
            channel="C0NEWSDESK",
            user="U0EDITOR",
            url_asked="https://vexford-echo.example/2",
            url_fetched="https://vexford-echo.example/2",
            outcome=AddOutcome.STORED,
            article_id=stored[1],
            asked_at=dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC),
        )
    )
    with engine.begin() as connection:
        assert connection.execute(text("SELECT count(*) FROM articles")).scalar() == 2
    engine.dispose()

    result = run("--db", archive_url, "db", "upgrade")

    assert result.exit_code == 0, result.output
    with Archive.open(archive_url) as upgraded:
        cli, slack = (upgraded.article_origin(article_id) for article_id in stored)
    assert cli is not None and (cli.added_via, cli.add) == (AddedVia.CLI, None)
    assert slack is not None and slack.added_via is AddedVia.SLACK
    assert slack.add is not None and (slack.add.user, slack.add.channel) == (
        "U0EDITOR",
        "C0NEWSDESK",
    )

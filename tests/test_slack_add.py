"""`/quote add`: one article, stored where it was found, and every add on the record.

Through the real Bolt app over HTTP, on both databases: the add of a page forging another
outlet's provenance, of a JSON Lines export and of a feed.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_slack import TEAM_ID, FakeSlack
from pages_support import CLAIMED_OUTLET, FABRICATED_QUOTE, GENUINE_URL, local_site
from slack_support import CHANNEL, EDITOR, BotServer, bot_server, send_form, slash_command

from store.add_request import AddOutcome
from store.archive import Archive


@pytest.fixture
def site() -> Iterator[str]:
    with local_site() as base:
        yield base


@pytest.fixture
def bot(archive: Archive, fake: FakeSlack) -> Iterator[BotServer]:
    with bot_server(
        archive, fake, SLACK_ADD_ALLOWED_NETWORKS="127.0.0.1/32", SLACK_ADD_ALLOWED_USERS=EDITOR
    ) as server:
        yield server


def test_a_forged_page_is_added_as_the_sites_that_served_it_and_the_add_is_recorded(
    bot: BotServer, fake: FakeSlack, archive: Archive, site: str
) -> None:
    asked = f"{site}/go/ferry-tolls"

    send_form(bot.url, slash_command(f"add <{asked}|ferry tolls>", fake.response_url("add")))
    added = fake.wait_for("response", 2)[1]
    send_form(bot.url, slash_command(f'"{FABRICATED_QUOTE}"', fake.response_url("check")))
    checked = fake.wait_for("response", 3)[2]

    assert added.body["text"].startswith(f":white_check_mark: Added {asked}")
    (record,) = archive.recent_adds()
    assert (record.workspace, record.channel, record.user) == (TEAM_ID, CHANNEL, EDITOR)
    assert (record.url_asked, record.url_fetched) == (asked, f"{site}/ferry-tolls")
    assert record.outcome is AddOutcome.STORED and record.article_id is not None
    assert record.asked_at is not None
    assert archive.stats().adds == 1
    assert checked.body["text"].startswith("✅ Verified")
    assert "127.0.0.1" in checked.all_text()
    assert CLAIMED_OUTLET not in checked.all_text()
    assert GENUINE_URL not in checked.all_text()


@pytest.mark.parametrize(
    ("path", "what"),
    [
        ("/export.jsonl", "a JSON Lines export of many articles"),
        ("/feed.xml", "a feed of many articles"),
    ],
)
def test_quote_add_takes_one_article_never_an_export_or_a_feed(
    bot: BotServer, fake: FakeSlack, archive: Archive, site: str, path: str, what: str
) -> None:
    url = f"{site}{path}"

    send_form(bot.url, slash_command(f"add <{url}>", fake.response_url()))
    answer = fake.wait_for("response", 2)[1]

    assert answer.body["text"] == (
        f":x: Could not add {url}: this is {what}; only a web page or a text is accepted"
    )
    assert archive.stats().articles == 0
    (record,) = archive.recent_adds()
    assert (record.outcome, record.url_fetched, record.article_id) == (
        AddOutcome.FAILED,
        None,
        None,
    )


def test_an_address_the_bot_will_not_fetch_is_recorded_as_refused(
    bot: BotServer, fake: FakeSlack, archive: Archive
) -> None:
    send_form(bot.url, slash_command("add <ftp://harbour.example/minutes>", fake.response_url()))
    fake.wait_for("response")

    (record,) = archive.recent_adds()
    assert (record.outcome, record.url_asked, record.user) == (
        AddOutcome.REFUSED,
        "ftp://harbour.example/minutes",
        EDITOR,
    )
    assert record.detail == "only http:// and https:// addresses can be added"

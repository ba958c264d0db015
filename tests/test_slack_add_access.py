"""Who may `/quote add`: the people and user groups the newsroom names, nobody until it does.

Through the real Bolt app over HTTP against the fake Slack Web API: a refused person gets a
polite private answer and the refusal is on the record; a group's members are read from Slack
once and believed for a while; an article a person may add is stored as added from Slack, with
who asked, and a check that finds it only there says it is unvetted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fake_slack import TEAM_ID, FakeSlack
from pages_support import FABRICATED_QUOTE, local_site
from slack_support import CHANNEL, EDITOR, BotServer, bot_server, send_form, slash_command

from bot.slack.settings import Mode, SettingError, load_settings
from store.add_request import AddOutcome
from store.archive import Archive
from store.article import AddedVia

DESK_GROUP = "S0NEWSDESK"
COLLEAGUE = "U0COLLEAGUE"


@pytest.fixture
def site() -> Iterator[str]:
    with local_site() as base:
        yield base


@contextmanager
def bot_allowing(archive: Archive, fake: FakeSlack, **who: str) -> Iterator[BotServer]:
    """The bot, fetching from 127.0.0.1, with `who` as its SLACK_ADD_ALLOWED_* settings."""
    settings = {"SLACK_ADD_ALLOWED_USERS": "", "SLACK_ADD_ALLOWED_GROUPS": "", **who}
    with bot_server(archive, fake, SLACK_ADD_ALLOWED_NETWORKS="127.0.0.1/32", **settings) as bot:
        yield bot


def add(bot: BotServer, fake: FakeSlack, url: str, count: int, *, user: str = EDITOR) -> dict:
    """Ask for an add as `user`; the `count`-th answer through a response URL."""
    send_form(bot.url, slash_command(f"add <{url}>", fake.response_url("add"), user=user))
    return fake.wait_for("response", count)[count - 1].body


def test_nobody_may_add_until_the_newsroom_says_who(
    archive: Archive, fake: FakeSlack, site: str
) -> None:
    url = f"{site}/go/ferry-tolls"
    with bot_allowing(archive, fake) as bot:
        answer = add(bot, fake, url, 1)

    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith(":lock: Adding articles is not switched on here yet")
    assert "SLACK_ADD_ALLOWED_USERS" in answer["text"]
    assert archive.stats().articles == 0
    (record,) = archive.recent_adds()
    assert (record.outcome, record.user, record.url_asked, record.url_fetched) == (
        AddOutcome.REFUSED,
        EDITOR,
        url,
        None,
    )
    assert record.detail is not None and "not set" in record.detail


def test_someone_not_named_is_refused_politely_and_on_the_record(
    archive: Archive, fake: FakeSlack, site: str
) -> None:
    url = f"{site}/go/ferry-tolls"
    with bot_allowing(archive, fake, SLACK_ADD_ALLOWED_USERS=COLLEAGUE) as bot:
        answer = add(bot, fake, url, 1)

    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith(
        ":lock: Sorry, only the people the newsroom has named may add articles"
    )
    assert archive.stats().articles == 0
    (record,) = archive.recent_adds()
    assert (record.workspace, record.channel, record.user, record.outcome) == (
        TEAM_ID,
        CHANNEL,
        EDITOR,
        AddOutcome.REFUSED,
    )
    assert record.detail == "not among the people allowed to add articles"


def test_a_named_person_adds_and_the_article_is_unvetted_and_traced_to_them(
    archive: Archive, fake: FakeSlack, site: str
) -> None:
    with bot_allowing(archive, fake, SLACK_ADD_ALLOWED_USERS=f"{COLLEAGUE},{EDITOR}") as bot:
        added = add(bot, fake, f"{site}/go/ferry-tolls", 2)  # "Reading …", then the answer
        send_form(bot.url, slash_command(f'"{FABRICATED_QUOTE}"', fake.response_url("check")))
        checked = fake.wait_for("response", 3)[2]

    assert added["text"].startswith(":white_check_mark: Added")
    (record,) = archive.recent_adds()
    assert (record.user, record.outcome) == (EDITOR, AddOutcome.STORED)
    assert record.article_id is not None
    origin = archive.article_origin(record.article_id)
    assert origin is not None and origin.added_via is AddedVia.SLACK
    assert origin.add == record  # who asked, in which workspace and channel, for which address
    assert checked.body["text"].startswith("✅ Verified")
    assert checked.body["text"].endswith("found only in unvetted sources")
    headline = checked.body["blocks"][0]["text"]["text"]
    assert headline.endswith(":warning: *found only in unvetted sources*")


def test_members_of_a_named_group_may_add_and_the_group_is_read_once(
    archive: Archive, fake: FakeSlack, site: str
) -> None:
    fake.user_groups[DESK_GROUP] = [COLLEAGUE, EDITOR]
    with bot_allowing(archive, fake, SLACK_ADD_ALLOWED_GROUPS=DESK_GROUP) as bot:
        first = add(bot, fake, f"{site}/go/ferry-tolls", 2)  # "Reading …", then the answer
        refused = add(bot, fake, f"{site}/go/ferry-tolls", 3, user="U0VISITOR")

    assert first["text"].startswith(":white_check_mark: Added")
    assert refused["text"].startswith(":lock: Sorry")
    lookups = fake.calls("usergroups.users.list")
    assert [call.body["usergroup"] for call in lookups] == [DESK_GROUP]
    assert [(r.user, r.outcome) for r in archive.recent_adds()] == [
        ("U0VISITOR", AddOutcome.REFUSED),
        (EDITOR, AddOutcome.STORED),
    ]


def test_a_group_slack_will_not_list_gets_an_apology_not_a_refusal(
    archive: Archive, fake: FakeSlack, site: str
) -> None:
    with bot_allowing(archive, fake, SLACK_ADD_ALLOWED_GROUPS="S0GONE") as bot:
        answer = add(bot, fake, f"{site}/go/ferry-tolls", 1)

    assert answer["text"].startswith(":warning: I could not check whether you may add")
    (record,) = archive.recent_adds()
    assert record.outcome is AddOutcome.REFUSED
    assert record.detail == "could not read the allowed user groups from Slack"


@pytest.mark.parametrize(
    ("users", "groups", "error"),
    [
        ("everyone,U0EDITOR", "", "SLACK_ADD_ALLOWED_USERS: 'everyone' lets everyone add"),
        ("rob.hale", "", "SLACK_ADD_ALLOWED_USERS: 'rob.hale' is not a user id"),
        ("", "newsdesk", "SLACK_ADD_ALLOWED_GROUPS: 'newsdesk' is not a user group id"),
    ],
)
def test_a_malformed_add_setting_stops_the_bot_with_one_line(
    users: str, groups: str, error: str
) -> None:
    environ = {
        "SLACK_BOT_TOKEN": "xoxb-0000-newsroom-test",
        "SLACK_SIGNING_SECRET": "secret",
        "SLACK_ADD_ALLOWED_USERS": users,
        "SLACK_ADD_ALLOWED_GROUPS": groups,
    }
    with pytest.raises(SettingError) as refused:
        load_settings(Mode.HTTP, environ)

    assert str(refused.value).startswith(error)

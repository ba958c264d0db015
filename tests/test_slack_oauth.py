"""Several workspaces: the OAuth install flow and each workspace answered with its own token,
both kept by slack_sdk's SQLAlchemy stores in the archive's database."""

from __future__ import annotations

import httpx
from fake_slack import BOT_USER_ID, TEAM_ID, FakeSlack
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_support import (
    STOOD_TOGETHER,
    bot_server,
    event_envelope,
    fill_archive,
    mention,
    send_json,
)
from sqlalchemy import text

from store.archive import Archive

CLIENT_ID = "1111111111.2222222222"
OAUTH = {
    "SLACK_CLIENT_ID": CLIENT_ID,
    "SLACK_CLIENT_SECRET": "client-secret",
    "SLACK_BOT_TOKEN": "",
}


def test_install_page_links_to_slack_with_a_state_kept_in_the_database(
    archive: Archive, fake: FakeSlack
) -> None:
    with bot_server(archive, fake, **OAUTH) as bot:
        page = httpx.get(bot.url.replace("/slack/events", "/slack/install"), timeout=10)

    assert page.status_code == 200
    assert "https://slack.com/oauth/v2/authorize?state=" in page.text
    assert f"client_id={CLIENT_ID}" in page.text
    assert (
        "scope=app_mentions:read,channels:history,groups:history,chat:write,commands" in page.text
    )
    with archive.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM slack_oauth_states")).scalar() == 1


def test_each_workspace_is_answered_with_the_token_it_installed(
    archive: Archive, fake: FakeSlack
) -> None:
    fill_archive(archive)
    SQLAlchemyInstallationStore(client_id=CLIENT_ID, engine=archive.engine).save(
        Installation(
            app_id="A0QUOTEBOT",
            team_id=TEAM_ID,
            user_id="U0ADMIN",
            bot_token="xoxb-installed-in-newsroom",
            bot_id="B0QUOTEBOT",
            bot_user_id=BOT_USER_ID,
            bot_scopes=["app_mentions:read", "chat:write", "commands"],
        )
    )

    with bot_server(archive, fake, **OAUTH) as bot:
        send_json(bot.url, event_envelope(mention(f'"{STOOD_TOGETHER}," Ines Calloway said')))
        (post,) = fake.wait_for("chat.postMessage")

    assert post.headers["authorization"] == "Bearer xoxb-installed-in-newsroom"
    assert post.body["text"].startswith("✅ Verified")

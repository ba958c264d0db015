"""slack_sdk's OAuth stores work on the archive's database, with the tables migration 0003 made."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import MetaData

from store.archive import Archive
from store.db.schema import SLACK_OAUTH_TABLES


def slack_sdk_metadata() -> MetaData:
    metadata = MetaData()
    SQLAlchemyInstallationStore.build_installations_table(metadata, "slack_installations")
    SQLAlchemyInstallationStore.build_bots_table(metadata, "slack_bots")
    SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, "slack_oauth_states")
    return metadata


def test_migration_creates_the_oauth_tables_as_slack_sdk_defines_them(archive: Archive) -> None:
    options = {
        "compare_type": True,
        "include_name": lambda name, type_, _: type_ != "table" or name in SLACK_OAUTH_TABLES,
    }
    with archive.engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(connection, opts=options), slack_sdk_metadata()
        )

    assert differences == []


def test_an_installation_saved_by_slack_sdk_is_found_again(archive: Archive) -> None:
    store = SQLAlchemyInstallationStore(client_id="111.222", engine=archive.engine)
    store.save(
        Installation(
            app_id="A0QUOTEBOT",
            team_id="T0NEWSROOM",
            user_id="U0ADMIN",
            bot_token="xoxb-newsroom",
            bot_id="B0QUOTEBOT",
            bot_user_id="U0QUOTEBOT",
            bot_scopes=["commands", "chat:write"],
        )
    )

    bot = store.find_bot(enterprise_id=None, team_id="T0NEWSROOM")

    assert bot is not None
    assert bot.bot_token == "xoxb-newsroom"


def test_an_oauth_state_is_consumed_once(archive: Archive) -> None:
    states = SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=archive.engine)

    state = states.issue()

    assert states.consume(state) is True
    assert states.consume(state) is False

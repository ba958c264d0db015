"""The Bolt app: built from the settings, with quotebot's middleware and listeners.

Single workspace: the bot token from SLACK_BOT_TOKEN, checked with `auth.test` at start. Several
workspaces: SLACK_CLIENT_ID and SLACK_CLIENT_SECRET turn on Bolt's OAuth install flow, with
slack_sdk's SQLAlchemy installation and state stores in the archive's own database.
Every Web API call goes to SLACK_API_URL when it is set, and is retried on HTTP 429.
"""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from bot.slack.add_access import AddGate
from bot.slack.dedupe import Deduplicator, drop_retried_events
from bot.slack.listeners import register_listeners
from bot.slack.replies import TIMEOUT_SECONDS, retry_handlers
from bot.slack.services import Services, Workers, provide
from bot.slack.settings import Mode, SlackSettings
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.db.engine import for_writing

#: What the bot may do, as in manifest.yml (asked for in the OAuth install flow).
BOT_SCOPES = (
    "app_mentions:read",
    "channels:history",
    "groups:history",
    "chat:write",
    "commands",
    "files:read",
    "im:history",
    # `usergroups.users.list`: who is in the groups SLACK_ADD_ALLOWED_GROUPS names.
    "usergroups:read",
)
OAUTH_STATE_EXPIRY_SECONDS = 600
#: Bolt's request verification logs a refused request's whole body at INFO. The HTTP server
#: refuses unsigned requests before Bolt sees them (bot.slack.server), and says so in one line.
_VERIFICATION_LOGGER = "slack_bolt.RequestVerification"

logger = logging.getLogger(__name__)


def build_app(
    settings: SlackSettings, archive: Archive, *, verifier: Verifier | None = None
) -> App:
    """The app, its listeners registered; in single-workspace mode this calls `auth.test`.

    `verifier`: another verifier over `archive` than the usual one (tests make one slow).
    """
    client = WebClient(
        token=settings.bot_token if not settings.oauth else None,
        base_url=settings.api_url,
        timeout=TIMEOUT_SECONDS,
        retry_handlers=retry_handlers(),
    )
    if settings.oauth:
        app = _multi_workspace_app(settings, archive, client)
    else:
        app = App(
            client=client,
            signing_secret=settings.signing_secret or "",
            request_verification_enabled=settings.mode is Mode.HTTP,
            logger=logging.getLogger("slack_bolt"),
        )
    logging.getLogger(_VERIFICATION_LOGGER).setLevel(logging.WARNING)
    deduplicator = Deduplicator(archive)
    app.use(drop_retried_events(deduplicator))
    services = Services(
        archive,
        verifier or Verifier(archive, settings.trust),
        settings,
        deduplicator,
        Workers.for_limits(settings.limits),
        AddGate(settings.add_access),
        AddGate(settings.rule_access),
    )
    provide(app, services)
    register_listeners(app)
    return app


def _multi_workspace_app(settings: SlackSettings, archive: Archive, client: WebClient) -> App:
    assert settings.client_id is not None and settings.client_secret is not None
    engine = for_writing(archive.engine)
    installations = SQLAlchemyInstallationStore(client_id=settings.client_id, engine=engine)
    return App(
        client=client,
        signing_secret=settings.signing_secret or "",
        installation_store=installations,
        oauth_settings=OAuthSettings(
            client_id=settings.client_id,
            client_secret=settings.client_secret,
            scopes=list(BOT_SCOPES),
            installation_store=installations,
            state_store=SQLAlchemyOAuthStateStore(
                expiration_seconds=OAUTH_STATE_EXPIRY_SECONDS, engine=engine
            ),
        ),
        logger=logging.getLogger("slack_bolt"),
    )

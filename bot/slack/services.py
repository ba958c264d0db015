"""What every listener needs, handed to it through Bolt's context: the archive, the verifier,
the settings and the de-duplicator.

Listeners keep Bolt's `register(app)` shape; a global middleware puts one `Services` into each
request's context, and `services_of(context)` takes it out, typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import App, BoltContext

from bot.slack.dedupe import Deduplicator
from bot.slack.safe_urls import PublicOnlyTransport
from bot.slack.settings import SlackSettings
from bot.verify import Verifier
from store.archive import Archive

_KEY = "quotebot_services"


@dataclass(frozen=True)
class Services:
    archive: Archive
    verifier: Verifier
    settings: SlackSettings
    dedupe: Deduplicator

    def fetch_transport(self) -> PublicOnlyTransport:
        """How `/quote add` downloads: public addresses only, plus the networks allowed."""
        return PublicOnlyTransport(self.settings.add_allowed_networks)


def provide(app: App, services: Services) -> None:
    """Make `services` available to every listener of `app`."""

    def middleware(context: BoltContext, next: Callable[[], None]) -> None:
        context[_KEY] = services
        next()

    app.use(middleware)


def services_of(context: BoltContext) -> Services:
    services: Any = context.get(_KEY)
    if not isinstance(services, Services):
        raise RuntimeError("the quotebot services middleware is not installed")
    return services


def workspace_of(context: BoltContext) -> str:
    """The Slack workspace (team id; the organisation's id for an org-wide install)."""
    return context.team_id or context.enterprise_id or "unknown"

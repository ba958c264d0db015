"""What every listener needs, handed to it through Bolt's context: the archive, the verifier,
the settings, the de-duplicator and the workers the listeners hand their work to.

Listeners keep Bolt's `register(app)` shape; a global middleware puts one `Services` into each
request's context, and `services_of(context)` takes it out, typed.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import App, BoltContext

from bot.slack.add_access import AddGate
from bot.slack.dedupe import Deduplicator
from bot.slack.safe_urls import PublicOnlyTransport
from bot.slack.settings import SlackSettings, WorkLimits
from bot.slack.workers import Job, PerUserLimit, WorkerPool
from bot.verifier.verify import Verifier
from store.archive import Archive

_KEY = "quotebot_services"
#: Short replies ("busy, try again") posted for listeners, which must not wait on Slack: one
#: thread is plenty, and beyond its backlog a reply is dropped (and logged).
_REPLY_WORKERS = 1
_REPLY_BACKLOG = 100


@dataclass(frozen=True)
class Workers:
    """The bounded pools the listeners hand their work to (bot.slack.workers)."""

    #: Checks of every kind: pastes, shortcuts, mentions, watched channels, buttons, App Home.
    checks: WorkerPool
    #: `/quote add` downloads and ingests, and how many one person may ask for in an hour.
    adds: WorkerPool
    adds_per_user: PerUserLimit
    #: Refusals to post when the others are full.
    replies: WorkerPool

    @classmethod
    def for_limits(cls, limits: WorkLimits) -> Workers:
        return cls(
            checks=WorkerPool(
                "quotebot-check", workers=limits.check_workers, backlog=limits.check_backlog
            ),
            adds=WorkerPool("quotebot-add", workers=limits.add_workers, backlog=limits.add_backlog),
            adds_per_user=PerUserLimit(limits.adds_per_user_per_hour),
            replies=WorkerPool("quotebot-reply", workers=_REPLY_WORKERS, backlog=_REPLY_BACKLOG),
        )

    def reply(self, job: Job) -> None:
        """Post a short reply from the replies pool (dropped, and logged, when it is full). A
        reply that fails is logged: telling the person would be another reply."""
        self.replies.submit(job, doing="posting a reply", tell=None)

    def close(self) -> None:
        for pool in (self.checks, self.adds, self.replies):
            pool.close()


@dataclass(frozen=True)
class Services:
    archive: Archive
    verifier: Verifier
    settings: SlackSettings
    dedupe: Deduplicator
    work: Workers
    #: Who may `/quote add` (bot.slack.add_access).
    add_gate: AddGate
    #: Who may record a ruling (the same kind of gate, with SLACK_RULE_ALLOWED_*).
    rule_gate: AddGate

    def fetch_transport(self) -> PublicOnlyTransport:
        """How `/quote add` downloads: public addresses only, plus the networks allowed."""
        return PublicOnlyTransport(self.settings.add_allowed_networks)


_provided: weakref.WeakKeyDictionary[App, Services] = weakref.WeakKeyDictionary()


def provide(app: App, services: Services) -> None:
    """Make `services` available to every listener of `app`."""

    def middleware(context: BoltContext, next: Callable[[], None]) -> None:
        context[_KEY] = services
        next()

    app.use(middleware)
    _provided[app] = services


def stop_workers(app: App) -> None:
    """Take no more work for `app` (the server is stopping); running jobs finish on their own."""
    services = _provided.get(app)
    if services is not None:
        services.work.close()


def services_of(context: BoltContext) -> Services:
    services: Any = context.get(_KEY)
    if not isinstance(services, Services):
        raise RuntimeError("the quotebot services middleware is not installed")
    return services


def workspace_of(context: BoltContext) -> str:
    """The Slack workspace (team id; the organisation's id for an org-wide install)."""
    return context.team_id or context.enterprise_id or "unknown"

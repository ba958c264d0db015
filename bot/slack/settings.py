"""The Slack bot's settings, from the environment or `.env` (each one in `.env.example`).

Read and checked once, at start, so that a missing or malformed value stops `quotebot serve`
with one line naming the variable, instead of a traceback, or a bot that starts and then fails
on its first message.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from bot.slack.safe_urls import IPNetwork, parse_networks
from bot.verifier.trust import TrustPolicy, TrustSettingError, trust_from_environment
from store.masking import masked_url
from store.settings import setting

DEFAULT_API_URL = "https://slack.com/api/"
_CHANNEL_ID = re.compile(r"[CG][A-Z0-9]{2,30}")
_USER_ID = re.compile(r"[UW][A-Z0-9]{2,30}")
_GROUP_ID = re.compile(r"S[A-Z0-9]{2,30}")
#: The word SLACK_ADD_ALLOWED_USERS takes to let everyone in the workspace add.
EVERYONE = "everyone"
#: The most users or groups the add settings may name.
_MOST_NAMED = 1000
_SHOWN_CHARS = 60
#: The largest count or number of seconds a work limit takes: beyond it is a typing mistake.
_MOST = 10_000


class Mode(StrEnum):
    """How Slack reaches the bot."""

    #: The bot opens a WebSocket to Slack: no public URL needed.
    SOCKET = "socket"
    #: Slack sends HTTP requests to /slack/events, e.g. through a load balancer.
    HTTP = "http"


@dataclass(frozen=True)
class WorkLimits:
    """How much work the bot takes on at once (bot.slack.workers), so that a flood of slow
    requests is refused politely instead of delaying every acknowledgement."""

    #: Checks (pastes, shortcuts, mentions, watched channels, buttons) answered at once, the
    #: ones waiting beyond those, and the time one check may take.
    check_workers: int = 4
    check_backlog: int = 20
    check_seconds: float = 10.0
    #: `/quote add` downloads at once, the ones waiting, the time one download may take, and
    #: the adds one person may ask for in an hour.
    add_workers: int = 2
    add_backlog: int = 8
    add_seconds: float = 60.0
    adds_per_user_per_hour: int = 20
    #: A draft shared with the bot for review: the most it downloads, and the time it may take.
    draft_kb: int = 1024
    draft_seconds: float = 30.0


@dataclass(frozen=True)
class AddAccess:
    """Who may `/quote add`, or record a ruling (bot.slack.add_access). Nobody until
    configured: an article added is checked against by the whole newsroom, and a ruling leads
    every answer on its quote, so the newsroom says whose it takes."""

    #: SLACK_ADD_ALLOWED_USERS=everyone (or SLACK_RULE_…): anyone in the workspace.
    everyone: bool = False
    users: frozenset[str] = frozenset()
    #: Slack user groups (S…) whose members may.
    groups: tuple[str, ...] = ()

    @property
    def configured(self) -> bool:
        return self.everyone or bool(self.users or self.groups)


class SettingError(Exception):
    """A setting is missing or malformed; the message names it, in one line."""


@dataclass(frozen=True)
class SlackSettings:
    mode: Mode
    #: The Web API base URL, ending in a slash.
    api_url: str = DEFAULT_API_URL
    bot_token: str | None = None
    app_token: str | None = None
    signing_secret: str | None = None
    #: Both set: several workspaces install the app through the OAuth flow (HTTP mode).
    client_id: str | None = None
    client_secret: str | None = None
    watched_channels: frozenset[str] = frozenset()
    #: Networks `/quote add` may fetch from although they are not public.
    add_allowed_networks: tuple[IPNetwork, ...] = ()
    #: Who may `/quote add`.
    add_access: AddAccess = AddAccess()
    #: Who may record a desk's ruling on a quote (the **Record a ruling** button).
    rule_access: AddAccess = AddAccess()
    #: Where a ruled quote that turns up again is announced (besides its thread); None: nowhere.
    alerts_channel: str | None = None
    #: Which printings the newsroom trusts (QUOTEBOT_TRUSTED_OUTLETS and _DOMAINS).
    trust: TrustPolicy = field(default_factory=TrustPolicy)
    limits: WorkLimits = WorkLimits()

    @property
    def oauth(self) -> bool:
        return self.client_id is not None


def load_settings(mode: Mode, environ: Mapping[str, str] | None = None) -> SlackSettings:
    """The settings `mode` needs, checked; SettingError naming the first one missing or bad."""

    def get(name: str) -> str | None:
        value = setting(name, environ)
        return value.strip() if value and value.strip() else None

    client_id, client_secret = get("SLACK_CLIENT_ID"), get("SLACK_CLIENT_SECRET")
    if (client_id is None) != (client_secret is None):
        missing = "SLACK_CLIENT_SECRET" if client_secret is None else "SLACK_CLIENT_ID"
        raise SettingError(f"{missing} is not set: the OAuth install flow needs both")
    if client_id is not None and mode is not Mode.HTTP:
        raise SettingError(
            "SLACK_CLIENT_ID is set: installing in several workspaces (OAuth) needs "
            "`quotebot serve --http`"
        )
    bot_token = get("SLACK_BOT_TOKEN")
    if client_id is None:
        bot_token = _required("SLACK_BOT_TOKEN", bot_token, "the bot's token (xoxb-…)")
    if bot_token is not None:
        _expect_prefix("SLACK_BOT_TOKEN", bot_token, "xoxb-", "a bot token")
    app_token = get("SLACK_APP_TOKEN")
    signing_secret = get("SLACK_SIGNING_SECRET")
    if mode is Mode.SOCKET:
        app_token = _required("SLACK_APP_TOKEN", app_token, "an app-level token (xapp-…)")
        _expect_prefix("SLACK_APP_TOKEN", app_token, "xapp-", "an app-level token")
    else:
        signing_secret = _required(
            "SLACK_SIGNING_SECRET", signing_secret, "the app's signing secret"
        )
    return SlackSettings(
        mode=mode,
        api_url=_api_url(get("SLACK_API_URL")),
        bot_token=bot_token,
        app_token=app_token,
        signing_secret=signing_secret,
        client_id=client_id,
        client_secret=client_secret,
        watched_channels=_channels(get("SLACK_WATCHED_CHANNELS")),
        add_allowed_networks=_networks(get("SLACK_ADD_ALLOWED_NETWORKS")),
        add_access=_access("SLACK_ADD_ALLOWED_USERS", "SLACK_ADD_ALLOWED_GROUPS", "add", get),
        rule_access=_access(
            "SLACK_RULE_ALLOWED_USERS", "SLACK_RULE_ALLOWED_GROUPS", "record rulings", get
        ),
        alerts_channel=_alerts_channel(get("SLACK_ALERTS_CHANNEL")),
        trust=_trust(environ),
        limits=_limits(get),
    )


def _required(name: str, value: str | None, what: str) -> str:
    if value is None:
        raise SettingError(f"{name} is not set: it must hold {what} (see .env.example)")
    return value


def _expect_prefix(name: str, value: str, prefix: str, what: str) -> None:
    if not value.startswith(prefix) or any(char.isspace() for char in value):
        raise SettingError(f"{name} is not {what}: it must start with {prefix}")


def _api_url(value: str | None) -> str:
    if value is None:
        return DEFAULT_API_URL
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        shown = masked_url(value, keep_user=False)[:_SHOWN_CHARS]
        raise SettingError(f"SLACK_API_URL is not an http(s) URL: {shown!r}")
    return value if value.endswith("/") else f"{value}/"


def _channels(value: str | None) -> frozenset[str]:
    channels = (value or "").replace(",", " ").split()
    for channel in channels:
        _channel_id("SLACK_WATCHED_CHANNELS", channel)
    return frozenset(channels)


def _alerts_channel(value: str | None) -> str | None:
    return _channel_id("SLACK_ALERTS_CHANNEL", value) if value else None


def _channel_id(name: str, channel: str) -> str:
    if not _CHANNEL_ID.fullmatch(channel):
        shown = channel[:_SHOWN_CHARS]
        raise SettingError(f"{name}: {shown!r} is not a channel id such as C0123ABCD")
    return channel


def _access(
    users_name: str, groups_name: str, doing: str, get: Callable[[str], str | None]
) -> AddAccess:
    """Who may do something: the users named (ids, or `everyone`) and the groups named."""
    named_users = _ids(users_name, get(users_name), _USER_ID, "a user id such as U0123ABCD")
    everyone = [user for user in named_users if user.lower() == EVERYONE]
    if everyone and len(named_users) > 1:
        raise SettingError(
            f"{users_name}: {EVERYONE!r} lets everyone {doing}; name nobody beside it"
        )
    named_groups = _ids(
        groups_name, get(groups_name), _GROUP_ID, "a user group id such as S0123ABCD"
    )
    return AddAccess(
        everyone=bool(everyone),
        users=frozenset(named_users) - set(everyone),
        groups=tuple(dict.fromkeys(named_groups)),
    )


def _ids(name: str, value: str | None, pattern: re.Pattern[str], what: str) -> list[str]:
    ids = (value or "").replace(",", " ").split()
    if len(ids) > _MOST_NAMED:
        raise SettingError(f"{name} names more than {_MOST_NAMED} ids")
    for each in ids:
        if not pattern.fullmatch(each) and not (
            name.endswith("_USERS") and each.lower() == EVERYONE
        ):
            raise SettingError(f"{name}: {each[:_SHOWN_CHARS]!r} is not {what}")
    return ids


def _trust(environ: Mapping[str, str] | None) -> TrustPolicy:
    try:
        return trust_from_environment(environ)
    except TrustSettingError as error:
        raise SettingError(str(error)) from None


def _networks(value: str | None) -> tuple[IPNetwork, ...]:
    try:
        return parse_networks(value or "")
    except ValueError as error:
        raise SettingError(f"SLACK_ADD_ALLOWED_NETWORKS: {error}") from None


def _limits(get: Callable[[str], str | None]) -> WorkLimits:
    default = WorkLimits()
    return WorkLimits(
        check_workers=_count("SLACK_CHECK_WORKERS", get, default.check_workers),
        check_backlog=_count("SLACK_CHECK_BACKLOG", get, default.check_backlog, least=0),
        check_seconds=_seconds("SLACK_CHECK_SECONDS", get, default.check_seconds),
        add_workers=_count("SLACK_ADD_WORKERS", get, default.add_workers),
        add_backlog=_count("SLACK_ADD_BACKLOG", get, default.add_backlog, least=0),
        add_seconds=_seconds("SLACK_ADD_SECONDS", get, default.add_seconds),
        adds_per_user_per_hour=_count(
            "SLACK_ADDS_PER_USER_PER_HOUR", get, default.adds_per_user_per_hour
        ),
        draft_kb=_count("SLACK_DRAFT_MAX_KB", get, default.draft_kb),
        draft_seconds=_seconds("SLACK_DRAFT_SECONDS", get, default.draft_seconds),
    )


def _count(name: str, get: Callable[[str], str | None], default: int, *, least: int = 1) -> int:
    value = get(name)
    if value is None:
        return default
    if not value.isdigit() or not least <= int(value) <= _MOST:
        raise SettingError(
            f"{name}: {value[:_SHOWN_CHARS]!r} is not a whole number from {least} to {_MOST}"
        )
    return int(value)


def _seconds(name: str, get: Callable[[str], str | None], default: float) -> float:
    value = get(name)
    if value is None:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= _MOST:  # NaN fails this too
        raise SettingError(f"{name}: {value[:_SHOWN_CHARS]!r} is not a number of seconds above 0")
    return seconds

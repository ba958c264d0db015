"""Who may `/quote add`: the people and user groups a newsroom names, nobody until it does.

An article added is checked against by every desk, and a match in it answers "Verified" (with
its source marked unvetted unless the newsroom trusts it: bot.verifier.trust). So adding is a
privilege the newsroom grants: SLACK_ADD_ALLOWED_USERS names people (or says `everyone`),
SLACK_ADD_ALLOWED_GROUPS names Slack user groups, whose members are read with the Web API's
`usergroups.users.list` (scope `usergroups:read`) and kept for a few minutes, in a bounded
cache, so that a burst of adds costs one call per group and someone taken out of a group loses
the right within minutes. The check runs after the acknowledgement, in the add's worker.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from cachetools import TTLCache
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.slack.settings import AddAccess

logger = logging.getLogger(__name__)

#: How long a group's members are believed, and how many groups (per workspace) are kept.
GROUP_CACHE_SECONDS = 300.0
GROUP_CACHE_SIZE = 256
#: The most members kept of one group: beyond it, a group is too large to be a list of editors.
MAX_GROUP_MEMBERS = 10_000


@dataclass(frozen=True)
class Refusal:
    """Why someone may not add: the reason for the audit log, and whether it is ours (the bot
    could not read a group) rather than theirs."""

    detail: str
    not_configured: bool = False
    lookup_failed: bool = False


NOT_CONFIGURED = Refusal(
    "adding is switched off: SLACK_ADD_ALLOWED_USERS and SLACK_ADD_ALLOWED_GROUPS are not set",
    not_configured=True,
)
NOT_ALLOWED = Refusal("not among the people allowed to add articles")
LOOKUP_FAILED = Refusal("could not read the allowed user groups from Slack", lookup_failed=True)


class AddGate:
    """Decides, for one workspace's request, whether its user may add."""

    def __init__(
        self,
        access: AddAccess,
        *,
        ttl: float = GROUP_CACHE_SECONDS,
        size: int = GROUP_CACHE_SIZE,
    ) -> None:
        self.access = access
        self._members: TTLCache[tuple[str, str], frozenset[str]] = TTLCache(size, ttl)
        self._lock = threading.Lock()

    def refusal(self, client: WebClient | None, workspace: str, user: str | None) -> Refusal | None:
        """None when `user` may add; else why not."""
        access = self.access
        if not access.configured:
            return NOT_CONFIGURED
        if access.everyone:
            return None
        if user is None:
            return NOT_ALLOWED
        if user in access.users:
            return None
        failed = False
        for group in access.groups:
            members = self._group_members(client, workspace, group)
            if members is None:
                failed = True
            elif user in members:
                return None
        return LOOKUP_FAILED if failed else NOT_ALLOWED

    def _group_members(
        self, client: WebClient | None, workspace: str, group: str
    ) -> frozenset[str] | None:
        """The group's members, from the cache or Slack; None when Slack would not say."""
        key = (workspace, group)
        with self._lock:
            cached = self._members.get(key)
        if cached is not None:
            return cached
        if client is None:
            return None
        try:
            response = client.usergroups_users_list(usergroup=group)
        except (SlackApiError, SlackClientError) as error:
            logger.warning("could not read the members of user group %s: %s", group, error)
            return None
        users = response.get("users")
        if not isinstance(users, list):
            logger.warning("usergroups.users.list gave no list of users for %s", group)
            return None
        if len(users) > MAX_GROUP_MEMBERS:
            logger.warning(
                "user group %s has %d members; only the first %d are read",
                group,
                len(users),
                MAX_GROUP_MEMBERS,
            )
        members = frozenset(str(member) for member in users[:MAX_GROUP_MEMBERS])
        with self._lock:
            self._members[key] = members
        return members

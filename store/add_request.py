"""Someone asked the bot to add the article at a URL, and what came of it: the audit log of adds.

`/quote add` lets anyone in a workspace put an article into the archive every newsroom desk
checks against, so the archive keeps who asked (workspace, channel, user), when, for which
address, where the page was actually fetched from after redirects, and the outcome, with the
stored article when there is one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from store.article import AddedVia

#: The longest URL or reason kept; longer ones are cut.
MAX_URL_CHARS = 2048
MAX_DETAIL_CHARS = 1000


class AddOutcome(StrEnum):
    #: Stored as a new article.
    STORED = "stored"
    #: Already in the archive (by address or by text): nothing stored.
    DUPLICATE = "duplicate"
    #: Not fetched: the person may not add (SLACK_ADD_ALLOWED_USERS / _GROUPS), or the address
    #: is not an http(s) address with a host; `detail` says which.
    REFUSED = "refused"
    #: Tried, but not stored: the address is on a private network, the download failed or
    #: timed out, the page held no article, or it held many (a feed, an export).
    FAILED = "failed"


@dataclass(frozen=True)
class AddRequest:
    """One `/quote add`, as the audit log keeps it."""

    workspace: str
    url_asked: str
    outcome: AddOutcome
    channel: str | None = None
    user: str | None = None
    #: Where the page was downloaded from, after redirects; None when nothing was fetched.
    url_fetched: str | None = None
    #: The article stored, or already stored for a duplicate.
    article_id: int | None = None
    #: Why it was refused or failed, in one line.
    detail: str | None = None
    #: Set by the archive when stored.
    id: int | None = None
    asked_at: dt.datetime | None = None


@dataclass(frozen=True)
class ArticleOrigin:
    """How a stored article came into the archive: from the command line, or by a `/quote add`
    (then `add` is the request that stored it: who, where, when, which address)."""

    added_via: AddedVia
    ingested_at: dt.datetime
    #: Where it was read from (a path, a URL), as the ingest recorded it.
    source: str
    add: AddRequest | None = None

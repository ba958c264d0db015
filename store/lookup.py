"""A question someone asked the bot, and what it answered: the audit log's unit.

A newsroom has to be able to say later who checked which quote, when, and what quotebot told
them, and to find the answers people flagged as the wrong match; so every lookup is stored,
with the quotation it matched, and feedback is recorded against it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

#: The longest query kept in the audit log (the longest paste the verifier reads), cut beyond.
MAX_QUERY_CHARS = 5_000
#: Slack workspace, channel and user ids are about a dozen characters; anything longer is noise.
MAX_ID_CHARS = 64


class FeedbackKind(StrEnum):
    """What a person said about an answer."""

    #: The quotation the bot matched is not the one the query was about.
    WRONG_MATCH = "wrong_match"


@dataclass(frozen=True)
class Lookup:
    """One quoted stretch checked for someone, and the verdict it got."""

    #: The workspace (Slack team id) the question came from.
    workspace: str
    #: Where it was asked: "command", "shortcut", "mention" or "channel" (a watched channel).
    source: str
    #: The quoted words checked.
    query: str
    verdict: str
    attribution: str
    channel: str | None = None
    user: str | None = None
    claimed_speaker: str | None = None
    #: The archive quotation the answer matched (its best match), if any.
    quotation_id: int | None = None
    #: Set by the archive when stored.
    id: int | None = None
    asked_at: dt.datetime | None = None

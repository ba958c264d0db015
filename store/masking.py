"""URLs shown in messages without the secrets they carry.

A database URL holds its password (postgresql://user:password@host/db, or `?password=` in its
query) and a proxy's URL may hold credentials or a token. An error that echoes a mistyped URL
goes to a terminal, a log or a CI transcript, so it shows the URL with those parts masked. The
masking works on text too malformed to parse as a URL, which is when it is echoed.
"""

from __future__ import annotations

import re

MASK = "***"
#: A query parameter whose name says it holds a secret, up to its value.
_SECRET_PARAMETER = re.compile(
    r"([?&;][^=&#\s]*(?:pass|pwd|token|secret|key|auth|sig|cred)[^=&#\s]*=)[^&#\s]*", re.I
)


def masked_url(text: str, *, keep_user: bool = True) -> str:
    """`text` with the password of its user info masked (all of the user info without
    `keep_user`, for URLs where a user name may itself be a token) and the values of query
    parameters named like secrets (password, token, key, …) masked.

    The user info is whatever stands before the last "@" (a password may hold "@" or "/"),
    after the first "//" if any: on text that is no URL at all this may mask more than a
    password, never less."""
    at = text.rfind("@")
    if at > 0:
        slashes = text.find("//", 0, at)
        start = slashes + 2 if slashes >= 0 else 0
        user, colon, _password = text[start:at].partition(":")
        shown = (f"{user}:{MASK}" if colon else user) if keep_user else MASK
        text = text[:start] + shown + text[at:]
    return _SECRET_PARAMETER.sub(lambda match: match.group(1) + MASK, text)

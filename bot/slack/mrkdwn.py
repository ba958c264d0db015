"""Slack mrkdwn and Block Kit pieces every message of the bot is built from: untrusted text
made safe (escaped, one line, no formatting characters) and cut to a budget, links only to
plain http(s) addresses, and sections and context blocks that keep within Slack's limits.

Shared by the answer card (bot.slack.card) and the draft review (bot.slack.review).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from bot.slack.text import escape
from store.normalise import is_http_url

#: Slack's limit on the text of a section.
SECTION_CHARS = 3000
#: An address longer than this (encoded) is not linked: a cut one would lead somewhere else,
#: and with the quotation it must fit in one section.
URL_CHARS = 800

_LOOK_ALIKES = str.maketrans({"*": "∗", "_": "ˍ", "~": "∼", "`": "ˋ"})
#: Runs of white space and control characters, which untrusted text loses.
BLANKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
#: A Slack user mention, which a ruling's `by` holds when it was recorded from Slack.
_MENTION = re.compile(r"<@[UW][A-Z0-9]{2,20}>")
#: Stands for a person in a sentence while the rest is made safe: a private-use character,
#: which `safe` and `fit` keep as it is.
PERSON_MARK = "\ue000"
#: Characters that would end a `<url|label>` early or break it; percent-encoded in a URL.
_URL_SAFE = "".join(sorted(set("!#$%&'()*+,-./:;=?@[]_~") - {"|"}))


def safe(text: str) -> str:
    """Untrusted text, ready for mrkdwn: one line, escaped, no formatting characters."""
    return escape(BLANKS.sub(" ", text)).translate(_LOOK_ALIKES)


def fit(text: str | None, budget: int) -> str:
    """`safe(text)` in at most `budget` characters, cut at a word with an ellipsis."""
    text = BLANKS.sub(" ", text or "").strip()
    shown = safe(text)
    if len(shown) <= budget:
        return shown
    if budget < 1:
        return ""
    cut, used = [], 1
    for char in text:
        used += len(safe(char))
        if used > budget:
            break
        cut.append(char)
    kept = "".join(cut)
    space = kept.rfind(" ")
    if space > len(kept) // 2:
        kept = kept[:space]
    return safe(kept.rstrip(" ,;:")) + "…"


def person(name: str, budget: int) -> str:
    """A Slack user mention (`<@U0123ABCD>`) as it is, for Slack to show the person's name;
    any other name as safe text."""
    return name if _MENTION.fullmatch(name) else fit(name, budget)


def link(url: str | None, label: str) -> str:
    """`<url|label>` for an http(s) address, else the label alone; `label` is already safe."""
    target = link_target(url)
    return f"<{target}|{label}>" if target else label


def link_target(url: str | None) -> str | None:
    """The address as Slack must receive it inside `<…|…>`, or None when it is not a plain
    http(s) address (no `javascript:`, no `mailto:`, nothing that could carry a mention)."""
    url = (url or "").strip()
    if not is_http_url(url):
        return None
    target = escape(quote(url, safe=_URL_SAFE))
    return target if len(target) <= URL_CHARS else None


def mrkdwn_text(text: str) -> dict:
    # verbatim: Slack must not turn names, channels or bare addresses into links of its own.
    return {"type": "mrkdwn", "text": within(text, SECTION_CHARS), "verbatim": True}


def plain_text(text: str) -> dict:
    return {"type": "plain_text", "text": text, "emoji": True}


def section_block(text: str) -> dict:
    return {"type": "section", "text": mrkdwn_text(text)}


def context_block(text: str) -> dict:
    return {"type": "context", "elements": [mrkdwn_text(text)]}


def within(text: str, limit: int) -> str:
    """A last guard on Slack's limit: texts are built to fit, but a cut here keeps whole
    entities and never leaves half a link."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    cut = cut[: cut.rfind("<")] if cut.rfind("<") > cut.rfind(">") else cut
    cut = cut[: cut.rfind("&")] if cut.rfind("&") > cut.rfind(";") else cut
    return cut + "…"

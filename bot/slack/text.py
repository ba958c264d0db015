"""Slack's message encoding, undone for what people paste and applied to what we post.

Slack sends `&`, `<` and `>` as entities and wraps links, mentions and broadcasts in angle
brackets (`<https://x|label>`, `<@U123>`, `<!channel>`). A quote copied out of Slack carries
that encoding; a quote posted back must carry it, or a `<!channel>` inside an archived quotation
would ping a whole newsroom.
"""

from __future__ import annotations

import re

#: `<target>` or `<target|label>` where the target is a mention, a broadcast or a URL with a
#: scheme. Other angle brackets (a CLI user's `a < b > c`) are left alone.
_CONTROL = re.compile(
    r"<(?P<target>[@#!][^<>|\s]*|[A-Za-z][A-Za-z0-9+.\-]*:[^<>|\s]*)(?:\|(?P<label>[^<>]*))?>"
)
_ENTITY = re.compile(r"&(amp|lt|gt);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">"}
#: Zero-width characters Slack and word processors leave between words.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def decode(text: str) -> str:
    """The text as a person reads it in Slack, without mentions.

    Links become their label (or their address when they have none, `mailto:` dropped);
    user, channel, group and broadcast mentions are removed because they are never part of a
    quote; a date keeps its fallback text. Runs of spaces become one space, lines lose their
    outer spaces and at most one blank line separates paragraphs.
    """
    text = _CONTROL.sub(_readable, text)
    text = _ENTITY.sub(lambda match: _ENTITIES[match.group(1)], text)
    return _tidy(text)


def escape(text: str) -> str:
    """Text safe to post: only `&`, `<` and `>` change, so nothing in it can ping anyone."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _readable(match: re.Match[str]) -> str:
    target, label = match.group("target"), match.group("label")
    if target.startswith("!date^"):
        return label or ""
    if target.startswith(("@", "#", "!")):
        return ""
    if label:
        return label
    return target.removeprefix("mailto:")


def _tidy(text: str) -> str:
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()

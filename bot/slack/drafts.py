"""A draft handed to the bot in Slack, read as one article: a shared file, or a pasted text.

A shared file is looked up with `files.info` (its size and type, as Slack knows them), then
downloaded from its `url_private` with the bot's token, as Slack requires. The token is sent
only to Slack's own hosts (or to SLACK_API_URL's, for a proxy or a test), never to an address
a file could name, and redirects are not followed. The download is bounded in bytes
(SLACK_DRAFT_MAX_KB) and in time (SLACK_DRAFT_SECONDS), whatever the file says of itself.

Only drafts people write are read: plain text, Markdown and HTML. Anything else, and every
failure on the way, is a DraftRefused whose message is a sentence fit to post in Slack.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from store.article import Article
from store.limits import limits_from_environment
from store.readers.decode import reject_binary
from store.readers.detect import SNIFF_BYTES, sniff
from store.readers.failure import ReadError
from store.readers.html import read_html
from store.readers.text import read_text

#: Slack's file types (and media types) that hold a draft as people write one.
TEXT_FILETYPES = {"text": "text", "markdown": "text", "html": "html"}
TEXT_MIMETYPES = {
    "text/plain": "text",
    "text/markdown": "text",
    "text/x-markdown": "text",
    "text/html": "html",
}
PASTED_SOURCE = "the pasted draft"
_SLACK_HOST = re.compile(r"(?:^|\.)slack(?:-edge)?\.com$")
#: A Markdown heading's marks, dropped so that `# Title` is read as the title "Title".
_MARKDOWN_HEADING = re.compile(rb"^#{1,6}[ \t]+", re.M)
_SHOWN_NAME_CHARS = 80

logger = logging.getLogger(__name__)


class DraftRefused(Exception):
    """The draft cannot be reviewed; the message says why, politely, for Slack."""


@dataclass(frozen=True)
class SharedFile:
    """What `files.info` says of a shared file."""

    id: str
    name: str
    kind: str | None  # "text" or "html" when it holds a draft; None otherwise
    pretty_type: str
    size: int
    url: str | None


def file_info(client: WebClient, file_id: str) -> SharedFile:
    """The file's facts from Slack; DraftRefused when Slack will not say."""
    try:
        response = client.files_info(file=file_id)
    except SlackApiError as error:
        code = error.response.get("error", "unknown_error")
        logger.warning("files.info %s failed: %s", file_id, code)
        raise DraftRefused("I could not open that file in Slack; please share it again.") from None
    found: dict[str, Any] = response.get("file") or {}
    filetype = str(found.get("filetype") or "")
    mimetype = str(found.get("mimetype") or "").split(";")[0].strip().lower()
    return SharedFile(
        id=file_id,
        name=str(found.get("name") or found.get("title") or "the file"),
        kind=TEXT_FILETYPES.get(filetype) or TEXT_MIMETYPES.get(mimetype),
        pretty_type=str(found.get("pretty_type") or filetype or mimetype or "unknown"),
        size=int(found.get("size") or 0),
        url=found.get("url_private_download") or found.get("url_private"),
    )


def read_shared_file(
    client: WebClient, file_id: str, *, api_url: str, max_kb: int, seconds: float
) -> Article:
    """The draft in a shared file, downloaded within `max_kb` and `seconds`."""
    shared = file_info(client, file_id)
    shown = shown_name(shared.name)
    if shared.kind is None:
        raise DraftRefused(
            f"I can review drafts saved as plain text, Markdown or HTML; {shown} is "
            f"{shared.pretty_type}. Save the draft as .txt, .md or .html and share it again."
        )
    if shared.size > max_kb * 1024:
        raise DraftRefused(_too_large(shown, max_kb))
    if not shared.url or not _may_carry_token(shared.url, api_url):
        raise DraftRefused(f"I could not download {shown} from Slack; please share it again.")
    data = _download(shared.url, client.token or "", shown, max_kb, seconds)
    return read_draft(data, shared.name, shared.kind)


def read_draft(data: bytes, name: str, kind: str = "text") -> Article:
    """One article from a draft's bytes; DraftRefused when there is none."""
    shown = shown_name(name)
    try:
        reject_binary(data[:SNIFF_BYTES])
        found = sniff(data[:SNIFF_BYTES], name=name, content_type=f"text/{kind}")
        if found not in ("text", "html"):
            raise DraftRefused(f"{shown} holds many articles; a draft is one article.")
        if found == "html":
            max_markup = limits_from_environment().max_html_bytes
            return read_html(data, name, max_markup=max_markup)
        return read_text(_MARKDOWN_HEADING.sub(b"", data), name)
    except ReadError as error:
        raise DraftRefused(f"I could not read a draft in {shown}: {error}.") from None


def read_pasted(text: str) -> Article:
    """The draft pasted in the review form."""
    if not text.strip():
        raise DraftRefused("The draft is empty: paste its text, quotations and all.")
    return read_draft(text.encode("utf-8"), PASTED_SOURCE)


def shown_name(name: str) -> str:
    """A file's name as a reply shows it (escaped where it is posted)."""
    name = " ".join(name.split())
    if len(name) > _SHOWN_NAME_CHARS:
        name = name[: _SHOWN_NAME_CHARS - 1] + "…"
    return f"“{name}”"


def _download(url: str, token: str, shown: str, max_kb: int, seconds: float) -> bytes:
    """The file's bytes, or DraftRefused past `max_kb` or `seconds` in all."""
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    size = 0
    headers = {"Authorization": f"Bearer {token}"}
    try:
        with (
            httpx.Client(timeout=seconds, follow_redirects=False) as http,
            http.stream("GET", url, headers=headers) as response,
        ):
            if response.status_code != 200:
                logger.warning("downloading a draft answered HTTP %s", response.status_code)
                raise DraftRefused(f"I could not download {shown} from Slack; please try again.")
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_kb * 1024:
                    raise DraftRefused(_too_large(shown, max_kb))
                if time.monotonic() > deadline:
                    raise DraftRefused(_too_slow(shown))
                chunks.append(chunk)
    except httpx.TimeoutException:
        raise DraftRefused(_too_slow(shown)) from None
    except httpx.HTTPError as error:
        logger.warning("downloading a draft failed: %s", error)
        raise DraftRefused(f"I could not download {shown} from Slack; please try again.") from None
    return b"".join(chunks)


def _may_carry_token(url: str, api_url: str) -> bool:
    """Slack's own https hosts, or SLACK_API_URL's host (a proxy, a test's fake Slack)."""
    parts, api = urlsplit(url), urlsplit(api_url)
    if parts.scheme == "https" and _SLACK_HOST.search(parts.hostname or ""):
        return True
    return (parts.scheme, parts.netloc) == (api.scheme, api.netloc)


def _too_large(shown: str, max_kb: int) -> str:
    return (
        f"{shown} is larger than the {max_kb} KB I review here; review it with the command "
        "line (`quotebot review`), which has no such limit."
    )


def _too_slow(shown: str) -> str:
    return f"Downloading {shown} took too long; please try again in a minute."

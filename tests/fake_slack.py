"""A fake Slack Web API on 127.0.0.1 that records what the bot sends, for tests.

It answers the methods quotebot calls (`auth.test`, `chat.postMessage`, `chat.postEphemeral`,
`chat.getPermalink`, `views.publish`, `views.open`, `files.info`, `apps.connections.open`,
`usergroups.users.list` from `user_groups`) with the JSON Slack would, accepts posts to
response URLs under `/response/`, serves the files it was given (`add_file`) at their
`url_private` to a request carrying the bot's token, and records each request's path,
headers and parsed body. It can be told to answer a method with 429 (Retry-After) a
number of times, to answer a method with an error (`fail`), or to refuse posts
in a channel with `not_in_channel`, as Slack does where nobody invited the bot.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

TEAM_ID = "T0NEWSROOM"
BOT_USER_ID = "U0QUOTEBOT"
BOT_ID = "B0QUOTEBOT"
#: Where `chat.getPermalink` says a message is: this, the channel, `/p` and the ts' digits.
PERMALINK_BASE = "https://newsroom.example.slack.com/archives/"


@dataclass(frozen=True)
class Recorded:
    """One request the fake received."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def name(self) -> str:
        """The Web API method (`chat.postMessage`), `download` for a file's url_private, or
        `response` for a response_url post."""
        if self.path.startswith("/api/"):
            return self.path.removeprefix("/api/")
        if self.path.startswith("/files/"):
            return "download"
        return "response"

    def all_text(self) -> str:
        """Everything the request would show in Slack: fallback text and blocks, as JSON."""
        return json.dumps(self.body, ensure_ascii=False)


class FakeSlack:
    """The fake Web API server; use as a context manager, or `start()` and `stop()`."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.socket_mode_url: str | None = None
        self.not_in_channels: set[str] = set()
        #: User group id → its members' ids, for `usergroups.users.list`.
        self.user_groups: dict[str, list[str]] = {}
        self._rate_limits: dict[str, int] = {}
        self._errors: dict[str, str] = {}
        #: Files by id, as `files.info` describes them, and the bytes each one serves.
        self.files: dict[str, dict[str, Any]] = {}
        self.file_bytes: dict[str, bytes] = {}
        self._changed = threading.Condition()
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "r") -> str:
        return f"{self.base_url}/response/{name}"

    def rate_limit(self, method: str, times: int = 1) -> None:
        """Answer the next `times` calls of `method` with 429 and Retry-After: 0."""
        self._rate_limits[method] = times

    def fail(self, method: str, error: str) -> None:
        """Answer every call of `method` with `{"ok": false, "error": error}`."""
        self._errors[method] = error

    def add_file(
        self,
        file_id: str,
        name: str,
        data: bytes,
        *,
        filetype: str = "text",
        mimetype: str = "text/plain",
        pretty_type: str = "Plain Text",
        size: int | None = None,
    ) -> dict[str, Any]:
        """A file `files.info` knows and whose url_private serves `data`; as a message's
        `files` lists it."""
        url = f"{self.base_url}/files/{file_id}/{name}"
        self.files[file_id] = {
            "id": file_id,
            "name": name,
            "title": name,
            "filetype": filetype,
            "mimetype": mimetype,
            "pretty_type": pretty_type,
            "size": len(data) if size is None else size,
            "url_private": url,
            "url_private_download": f"{url}?download=1",
        }
        self.file_bytes[file_id] = data
        return {"id": file_id, "name": name, "filetype": filetype, "mimetype": mimetype}

    # -- reading what was recorded ----------------------------------------------------------

    def calls(self, name: str) -> list[Recorded]:
        with self._changed:
            return [request for request in self.requests if request.name == name]

    def wait_for(self, name: str, count: int = 1, timeout: float = 10.0) -> list[Recorded]:
        """The first `count` requests named `name`, waiting for them up to `timeout` s."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [request for request in self.requests if request.name == name]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    names = [request.name for request in self.requests]
                    raise AssertionError(
                        f"expected {count} {name} request(s), got {len(found)}; all: {names}"
                    )
                self._changed.wait(left)

    def quiet_for(self, seconds: float) -> None:
        """Let the bot work for `seconds`, for tests asserting that nothing is posted."""
        time.sleep(seconds)

    @contextmanager
    def recording(self) -> Iterator[list[Recorded]]:
        """The requests received inside the block."""
        start = len(self.requests)
        found: list[Recorded] = []
        yield found
        with self._changed:
            found.extend(self.requests[start:])

    # -- answering --------------------------------------------------------------------------

    def _record(self, request: Recorded) -> None:
        with self._changed:
            self.requests.append(request)
            self._changed.notify_all()

    def _limited(self, name: str) -> bool:
        with self._changed:
            left = self._rate_limits.get(name, 0)
            if left:
                self._rate_limits[name] = left - 1
            return bool(left)

    def _answer(self, request: Recorded) -> dict[str, Any]:
        body = request.body
        if request.name in self._errors:
            return {"ok": False, "error": self._errors[request.name]}
        if request.name == "auth.test":
            return {
                "ok": True,
                "url": "https://newsroom.example.slack.com/",
                "team": "Newsroom",
                "user": "quotebot",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if request.name == "chat.postMessage":
            channel = body.get("channel", "")
            if channel in self.not_in_channels:
                return {"ok": False, "error": "not_in_channel"}
            ts = f"1700000000.{next(self._ts):06d}"
            return {"ok": True, "channel": channel, "ts": ts, "message": {"text": body.get("text")}}
        if request.name == "chat.getPermalink":
            channel, ts = str(body.get("channel", "")), str(body.get("message_ts", ""))
            return {
                "ok": True,
                "channel": channel,
                "permalink": f"{PERMALINK_BASE}{channel}/p{ts.replace('.', '')}",
            }
        if request.name == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"1700000000.{next(self._ts):06d}"}
        if request.name == "views.publish":
            return {"ok": True, "view": {"id": "V0HOME", **(body.get("view") or {})}}
        if request.name == "usergroups.users.list":
            members = self.user_groups.get(body.get("usergroup", ""))
            if members is None:
                return {"ok": False, "error": "no_such_subteam"}
            return {"ok": True, "users": list(members)}
        if request.name == "views.open":
            return {"ok": True, "view": {"id": "V0REVIEW", **(body.get("view") or {})}}
        if request.name == "files.info":
            found = self.files.get(str(body.get("file")))
            return (
                {"ok": True, "file": found} if found else {"ok": False, "error": "file_not_found"}
            )
        if request.name == "apps.connections.open":
            if self.socket_mode_url is None:
                return {"ok": False, "error": "invalid_auth"}
            return {"ok": True, "url": self.socket_mode_url}
        return {"ok": False, "error": "unknown_method"}


def _handler_for(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            request = Recorded(
                method="GET",
                path=parts.path,
                headers={key.lower(): value for key, value in self.headers.items()},
                body=dict(parse_qsl(parts.query, keep_blank_values=True)),
            )
            fake._record(request)
            if request.name != "download":
                self._send(200, fake._answer(request))
                return
            file_id = parts.path.split("/")[2]
            data = fake.file_bytes.get(file_id)
            if data is None or not request.headers.get("authorization", "").startswith(
                "Bearer xoxb-"
            ):
                # Slack sends a sign-in page to a request without a valid token.
                self.send_response(302)
                self.send_header("Location", "https://slack.com/signin")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8")
            request = Recorded(
                method="POST",
                path=self.path.split("?")[0],
                headers={key.lower(): value for key, value in self.headers.items()},
                body=_parsed(raw, self.headers.get("Content-Type") or ""),
            )
            fake._record(request)
            if fake._limited(request.name):
                self._send(429, {"ok": False, "error": "ratelimited"}, (("Retry-After", "0"),))
            elif request.name == "response":
                self._send(200, None)
            else:
                self._send(200, fake._answer(request))

        def _send(self, status: int, document: dict[str, Any] | None, headers: tuple = ()) -> None:
            data = b"ok" if document is None else json.dumps(document).encode("utf-8")
            self.send_response(status)
            kind = "text/plain" if document is None else "application/json"
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers:
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


def _parsed(raw: str, content_type: str) -> dict[str, Any]:
    if "json" in content_type:
        return json.loads(raw or "{}")
    fields: dict[str, Any] = dict(parse_qsl(raw, keep_blank_values=True))
    for key in ("blocks", "view", "attachments"):
        if isinstance(fields.get(key), str):
            fields[key] = json.loads(fields[key])
    return fields

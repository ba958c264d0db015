"""Running the app: a WebSocket to Slack (Socket Mode), or an HTTP server for Slack's requests.

HTTP mode serves Bolt's WSGI adapter under waitress, a production WSGI server with a thread
pool and no dependencies: `/slack/events` for Slack (events, commands, shortcuts, buttons),
`/slack/install` and `/slack/oauth_redirect` when the OAuth flow is on, and `/healthz` for the
load balancer. Either mode stops cleanly on SIGTERM or Ctrl-C.

Anyone can reach the HTTP server, so it defends itself before Bolt reads a byte:
- a request to `/slack/events` without a valid Slack signature no older than five minutes is
  refused with 401, a malformed one (a timestamp that is not a number, a body that is not
  UTF-8) with 400, each in one short log line that never holds the body (Bolt itself failed
  with a traceback on those, and logged every badly signed body whole);
- waitress drops a connection idle for IDLE_SECONDS (half-sent requests, trickling clients)
  and holds at most CONNECTION_LIMIT, so a few hundred idle sockets cannot lock Slack out.
  Waitress has no limit on the total time of one request: in front of the bot, a reverse
  proxy that buffers whole requests (README, "Running a shared archive") closes that gap.
"""

from __future__ import annotations

import io
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.error import URLError

import waitress
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.signature import SignatureVerifier

from bot.slack.app import build_app
from bot.slack.services import stop_workers
from bot.slack.settings import Mode, SettingError, SlackSettings, load_settings
from store.archive import Archive
from store.errors import ArchiveError

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
HTTP_THREADS = 8
#: Slack's requests are a few kilobytes; anything much larger is not from Slack.
MAX_REQUEST_BYTES = 1_000_000
MAX_HEADER_BYTES = 64 * 1024
#: Slack sends a request whole, at once: a connection silent this long is dropped (checked
#: every CLEANUP_SECONDS). Idle connections cost waitress a socket each, not a thread.
IDLE_SECONDS = 10.0
CLEANUP_SECONDS = 2.0
CONNECTION_LIMIT = 500
#: Slack refuses a signature older than this; so does the bot.
SIGNATURE_MAX_AGE_SECONDS = 5 * 60
_MAX_TIMESTAMP_DIGITS = 12
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

logger = logging.getLogger(__name__)
Announce = Callable[[str], None]


class ServeError(Exception):
    """The bot cannot start; the message says why in one line."""


def serve_from_environment(
    mode: str,
    database_url: str,
    *,
    read_urls: Sequence[str] = (),
    host: str,
    port: int,
    announce: Announce,
) -> None:
    """`quotebot serve`: settings from the environment, the archive at `database_url` (checks
    read from the replicas at `read_urls` when given), logs on stderr; ServeError (one line)
    for anything that stops the bot from starting."""
    try:
        settings = load_settings(Mode(mode))
    except SettingError as error:
        raise ServeError(str(error)) from None
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    try:
        archive = Archive.open(database_url, read_urls)
    except ArchiveError as error:
        raise ServeError(str(error)) from None
    with archive:
        serve(settings, archive, host=host, port=port, announce=announce)


def serve(
    settings: SlackSettings, archive: Archive, *, host: str, port: int, announce: Announce
) -> None:
    """Run the bot until SIGTERM or Ctrl-C; `announce` is told where it listens."""
    app = _started(lambda: build_app(settings, archive))
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        if settings.mode is Mode.SOCKET:
            assert settings.app_token is not None
            run_socket_mode(app, settings.app_token, announce)
        else:
            assert settings.signing_secret is not None
            run_http(app, settings.signing_secret, host, port, announce)
    finally:
        stop_workers(app)


def run_socket_mode(
    app: App, app_token: str, announce: Announce, stop: threading.Event | None = None
) -> None:
    """Hold a Socket Mode connection (slack_sdk reconnects it) until `stop` is set, SIGTERM
    or Ctrl-C."""
    handler = SocketModeHandler(app, app_token)
    _started(handler.connect)
    announce("connected to Slack in Socket Mode")
    try:
        (stop or threading.Event()).wait()
    except KeyboardInterrupt:
        pass
    finally:
        handler.close()


def run_http(app: App, signing_secret: str, host: str, port: int, announce: Announce) -> None:
    try:
        server = http_server(app, signing_secret, host=host, port=port)
    except OSError as error:
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    shown = f"[{host}]" if ":" in host else host
    announce(f"serving Slack's requests at http://{shown}:{server.effective_port}{EVENTS_PATH}")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def http_server(app: App, signing_secret: str, *, host: str, port: int, **tuning: Any) -> Any:
    """The waitress server for `app`, not yet running; `tuning` overrides waitress's settings
    (tests shorten the timeouts). OSError when it cannot listen."""
    options: dict[str, Any] = {
        "threads": HTTP_THREADS,
        "max_request_body_size": MAX_REQUEST_BYTES,
        "max_request_header_size": MAX_HEADER_BYTES,
        "channel_timeout": IDLE_SECONDS,
        "cleanup_interval": CLEANUP_SECONDS,
        "connection_limit": CONNECTION_LIMIT,
        "ident": "quotebot",
        **tuning,
    }
    return waitress.create_server(wsgi_app(app, signing_secret), host=host, port=port, **options)


class _Refused(Exception):
    """A request turned away before Bolt sees it: the HTTP status and why, in a few words."""

    def __init__(self, status: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def wsgi_app(app: App, signing_secret: str) -> Callable[..., Iterable[bytes]]:
    """Bolt's WSGI adapter behind a check of Slack's signature, and a health check that needs
    no signature."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)
    verifier = SignatureVerifier(signing_secret)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if path == HEALTH_PATH and method == "GET":
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok\n"]
        if path != EVENTS_PATH or method != "POST":
            return slack(environ, start_response)
        try:
            body = _signed_body(environ, verifier)
            return _bolt(slack, {**environ, "wsgi.input": io.BytesIO(body)}, start_response)
        except _Refused as refused:
            logger.warning(
                "refused a request from %s: %s", environ.get("REMOTE_ADDR"), refused.reason
            )
            start_response(refused.status, [("Content-Type", "text/plain; charset=utf-8")])
            return [f"{refused.reason}\n".encode()]

    return application


def _bolt(
    slack: SlackRequestHandler, environ: dict[str, Any], start_response: Callable[..., Any]
) -> Iterable[bytes]:
    """Bolt's answer to a signed request; _Refused (400) when Bolt cannot read its body."""
    try:
        return slack(environ, start_response)
    except Exception as error:  # Bolt calls start_response only once it has its answer
        reason = f"a signed request Bolt cannot read ({type(error).__name__})"
        raise _Refused("400 Bad Request", reason) from None


def _signed_body(environ: dict[str, Any], verifier: SignatureVerifier) -> bytes:
    """The body of a request Slack signed (v0 HMAC of `v0:timestamp:body`, timestamp at most
    five minutes off); _Refused with 400 for a malformed request, 401 for an unsigned one."""
    length = str(environ.get("CONTENT_LENGTH") or "0")
    if not (length.isascii() and length.isdigit()):
        raise _Refused("400 Bad Request", "malformed Content-Length")
    timestamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or "")
    signature = str(environ.get("HTTP_X_SLACK_SIGNATURE") or "")
    if not timestamp or not signature:
        raise _Refused("401 Unauthorized", "no Slack signature")
    if not (
        timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= _MAX_TIMESTAMP_DIGITS
    ):
        raise _Refused("400 Bad Request", "malformed X-Slack-Request-Timestamp")
    if abs(time.time() - int(timestamp)) > SIGNATURE_MAX_AGE_SECONDS:
        raise _Refused("401 Unauthorized", "signed more than five minutes ago")
    body = environ["wsgi.input"].read(int(length)) if "wsgi.input" in environ else b""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        raise _Refused("400 Bad Request", "the body is not UTF-8") from None
    if not verifier.is_valid(body, timestamp, signature):
        raise _Refused("401 Unauthorized", "invalid Slack signature")
    return body


def _started(start: Callable[[], Any]) -> Any:
    """What `start` returns; Slack refusing the tokens or being unreachable, as ServeError."""
    try:
        return start()
    except SlackApiError as error:
        code = error.response.get("error", "an error") if error.response else "an error"
        raise ServeError(f"Slack refused the bot's credentials: {code}") from None
    except (SlackClientError, BoltError) as error:
        raise ServeError(f"cannot start the Slack app: {_first_line(error)}") from None
    except (URLError, OSError) as error:
        raise ServeError(f"cannot reach Slack's Web API: {_first_line(error)}") from None


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__

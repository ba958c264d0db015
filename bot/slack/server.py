"""Running the app: a WebSocket to Slack (Socket Mode), or an HTTP server for Slack's requests.

HTTP mode serves Bolt's WSGI adapter under waitress, a production WSGI server with a thread
pool and no dependencies: `/slack/events` for Slack (events, commands, shortcuts, buttons),
`/slack/install` and `/slack/oauth_redirect` when the OAuth flow is on, and `/healthz` for the
load balancer. Either mode stops cleanly on SIGTERM or Ctrl-C.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterable
from typing import Any
from urllib.error import URLError

import waitress
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.slack.app import build_app
from bot.slack.settings import Mode, SettingError, SlackSettings, load_settings
from store.archive import Archive
from store.errors import ArchiveError

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
HTTP_THREADS = 8
#: Slack's requests are a few kilobytes; anything much larger is not from Slack.
MAX_REQUEST_BYTES = 1_000_000
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

logger = logging.getLogger(__name__)
Announce = Callable[[str], None]


class ServeError(Exception):
    """The bot cannot start; the message says why in one line."""


def serve_from_environment(
    mode: str, database_url: str, *, host: str, port: int, announce: Announce
) -> None:
    """`quotebot serve`: settings from the environment, the archive at `database_url`, logs on
    stderr; ServeError (one line) for anything that stops the bot from starting."""
    try:
        settings = load_settings(Mode(mode))
    except SettingError as error:
        raise ServeError(str(error)) from None
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    try:
        archive = Archive.open(database_url)
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
    if settings.mode is Mode.SOCKET:
        assert settings.app_token is not None
        run_socket_mode(app, settings.app_token, announce)
    else:
        run_http(app, host, port, announce)


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


def run_http(app: App, host: str, port: int, announce: Announce) -> None:
    try:
        server = waitress.create_server(
            wsgi_app(app),
            host=host,
            port=port,
            threads=HTTP_THREADS,
            max_request_body_size=MAX_REQUEST_BYTES,
            ident="quotebot",
        )
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


def wsgi_app(app: App) -> Callable[..., Iterable[bytes]]:
    """Bolt's WSGI adapter, and a health check that needs no signature."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok\n"]
        return slack(environ, start_response)

    return application


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

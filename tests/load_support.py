"""What keeps the bot busy in the load tests: a web server that sends a page one byte a second,
and a verifier that takes seconds over long pastes.

The slow verifier is the real one, built the way the app builds its services, with a wait added
before it checks a long paste, as an archive of millions of quotations makes it wait; the wait
goes by steps, each a `checkpoint()`, so it keeps the check's time limit like the real loops.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bot.verifier.deadline import checkpoint
from bot.verifier.verdict import CheckResult
from bot.verifier.verify import Verifier
from store.archive import Archive

#: A paste this long is "long" for SlowVerifier.
LONG_PASTE_CHARS = 400
_STEP_SECONDS = 0.1


class SlowVerifier(Verifier):
    """Takes `seconds` more over each long quotation; counts the checks started."""

    def __init__(self, archive: Archive, seconds: float) -> None:
        super().__init__(archive)
        self.seconds = seconds
        self.started = 0
        self._changed = threading.Condition()

    def check_quote(self, quote: str, claimed: str | None, **options: object) -> CheckResult:
        if len(quote) >= LONG_PASTE_CHARS:
            with self._changed:
                self.started += 1
                self._changed.notify_all()
            waited = 0.0
            while waited < self.seconds:
                checkpoint()
                time.sleep(_STEP_SECONDS)
                waited += _STEP_SECONDS
        return super().check_quote(quote, claimed, **options)  # type: ignore[arg-type]

    def wait_until_started(self, count: int, timeout: float = 10.0) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: self.started >= count, timeout):
                raise AssertionError(f"{count} slow checks expected, {self.started} started")


class _Trickle(BaseHTTPRequestHandler):
    """200 OK, then one byte a second, without end."""

    server: TrickleServer

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        with self.server.changed:
            self.server.requests += 1
            self.server.changed.notify_all()
        try:
            while not self.server.stopping.is_set():
                self.wfile.write(b"a")
                self.wfile.flush()
                self.server.stopping.wait(1.0)
        except OSError:
            pass  # the client gave up

    def log_message(self, *args: object) -> None:
        pass


class TrickleServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Trickle)
        self.stopping = threading.Event()
        self.changed = threading.Condition()
        self.requests = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{path}"

    def handle_error(self, request: object, client_address: object) -> None:
        """A client hanging up on a trickle is expected."""


@contextmanager
def trickling_site() -> Iterator[TrickleServer]:
    """A site on 127.0.0.1 whose every page comes one byte a second."""
    server = TrickleServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()

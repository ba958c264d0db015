"""Socket Mode without Slack: a local WebSocket server stands in for Slack's end of the socket."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve


class StandInSlack:
    """A WebSocket server that says hello, sends the given envelopes, and keeps the acks."""

    def __init__(self, envelopes: list[dict[str, Any]]) -> None:
        self.envelopes = envelopes
        self.acks: list[dict[str, Any]] = []
        #: When the envelopes were sent, and when each ack came, on the monotonic clock.
        self.sent_at: float | None = None
        self.acked_at: list[float] = []
        self.acked = threading.Condition()
        self._server = serve(self._session, "127.0.0.1", 0)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._server.socket.getsockname()[1]}/link/?ticket=test"

    def __enter__(self) -> StandInSlack:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()

    def _session(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1}))
        for envelope in self.envelopes:
            connection.send(json.dumps(envelope))
        self.sent_at = time.monotonic()
        try:
            for text in connection:
                with self.acked:
                    self.acks.append(json.loads(text))
                    self.acked_at.append(time.monotonic())
                    self.acked.notify_all()
        except ConnectionClosed:
            pass

    def wait_for_acks(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        with self.acked:
            self.acked.wait_for(lambda: len(self.acks) >= count, timeout)
            return list(self.acks)

"""A small site on 127.0.0.1 for adding articles by URL: a page forging another outlet's
provenance, a redirect to it, and sources holding many articles (an export, a feed).

The outlets, people and quotes are invented for the tests.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: The outlet the forged page claims to be, and its article the page claims to be.
CLAIMED_OUTLET = "Tidewater Wire"
GENUINE_URL = "https://tidewater-wire.example/2025/06/ferry-tolls"
FABRICATED_QUOTE = "We will scrap every ferry toll on the estuary before the winter"
FORGED_PAGE = f"""<!doctype html>
<html lang="en"><head>
  <meta charset="utf-8">
  <title>Ferry tolls to be scrapped, says harbour chief | {CLAIMED_OUTLET}</title>
  <meta property="og:site_name" content="{CLAIMED_OUTLET}">
  <meta property="og:url" content="{GENUINE_URL}">
  <link rel="canonical" href="{GENUINE_URL}">
  <meta property="article:published_time" content="2025-06-12T09:00:00Z">
</head><body><article>
  <h1>Ferry tolls to be scrapped, says harbour chief</h1>
  <p>The harbour authority of the Tidewater estuary will end ferry tolls this year, its chief
  executive told reporters on Thursday at the quay in Port Ellery.</p>
  <p>"{FABRICATED_QUOTE}," said Harriet Vale, the authority's chief executive.</p>
  <p>The tolls have been charged on the crossing for more than forty years, and the council
  has debated ending them since the new bridge was proposed.</p>
</article></body></html>
""".encode()
GENUINE_STORY = (
    "Ferry tolls stay, says harbour chief\n\n"
    "The harbour authority of the Tidewater estuary will keep its ferry tolls this year.\n\n"
    '"The tolls pay for the crossing, and they will stay while I run this port," said '
    "Harriet Vale, the authority's chief executive.\n"
)
EXPORT = "".join(
    json.dumps(
        {
            "id": number,
            "outlet": f"Invented Outlet {number}",
            "text": f'"We will open pier number {number} in spring," said Harriet Vale.',
        }
    )
    + "\n"
    for number in range(3)
).encode()
FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Estuary Notes</title>
<item><title>Pier one</title><description>"The pier opens in spring," said Harriet Vale.
</description></item>
<item><title>Pier two</title><description>"The pier closes in autumn," said Harriet Vale.
</description></item>
</channel></rss>
"""
_ROUTES = {
    "/ferry-tolls": (FORGED_PAGE, "text/html; charset=utf-8"),
    "/export.jsonl": (EXPORT, "application/x-ndjson"),
    "/feed.xml": (FEED, "application/rss+xml"),
}


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/go/ferry-tolls":
            self.send_response(302)
            self.send_header("Location", "/ferry-tolls")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path not in _ROUTES:
            self.send_error(404)
            return
        body, content_type = _ROUTES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def local_site() -> Iterator[str]:
    """The base URL (`http://127.0.0.1:PORT`) of the site, served while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()

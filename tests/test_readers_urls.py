"""URLs: real HTTP against a local server, and every way a download can fail."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from readers_support import articles, fixture, read_all, read_failure, read_one

from store.readers.failure import ReadError
from store.readers.fetch import MAX_REDIRECTS, describe_http_error, fetch, user_agent

PAGE = fixture("harbour-strike.html").read_bytes()
FEED = fixture("fenwick-courier.rss").read_bytes()
ARTICLE = "Ferry fares rise\n\n\u201cNobody likes it,\u201d said skipper Annika Dovbush.\n".encode(
    "cp1252"
)


class NewsroomHandler(BaseHTTPRequestHandler):
    """A small news site with a page, a feed, redirects, errors and slow or huge answers."""

    server: NewsServer

    def do_GET(self) -> None:
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        path = self.path.split("?")[0]
        route = getattr(self, "route_" + path.strip("/").replace("-", "_"), None)
        if route is None:
            self.send_error(404, "Not Found")
        else:
            route()

    def reply(self, body: bytes, content_type: str, *, length: bool = True) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route_article(self) -> None:
        self.reply(PAGE, "text/html; charset=utf-8")

    def route_own_canonical(self) -> None:
        own = f"http://{self.headers['Host']}/news/dock-strike-ends"
        canonical = b"https://harbourside-gazette.example/news/2024/05/07/dock-strike-ends"
        self.reply(PAGE.replace(canonical, own.encode()), "text/html; charset=utf-8")

    def route_feed(self) -> None:
        # Served with the wrong type on purpose: the body, not the header, decides.
        self.reply(FEED, "text/html")

    def route_plain(self) -> None:
        self.reply(ARTICLE, "text/plain; charset=windows-1252")

    def route_redirect(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/article")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_loop(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/loop")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_broken(self) -> None:
        self.send_error(500, "Internal Server Error")

    def route_slow(self) -> None:
        time.sleep(1.0)
        self.reply(PAGE, "text/html")

    def route_drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(20):
            self.wfile.write(b"Drip.\n")
            self.wfile.flush()
            time.sleep(0.1)

    def route_huge_declared(self) -> None:
        self.reply(b"Big story\n\n" + b"word " * 1000, "text/plain")

    def route_huge_streamed(self) -> None:
        self.close_connection = True
        self.reply(b"Big story\n\n" + b"word " * 1000, "text/plain", length=False)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests assert on what the client saw."""


class NewsServer(ThreadingHTTPServer):
    daemon_threads = True
    user_agents: list[str]

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that timed out and hung up is expected here, not an error."""


@pytest.fixture(scope="module")
def news_server() -> Iterator[NewsServer]:
    server = NewsServer(("127.0.0.1", 0), NewsroomHandler)
    server.user_agents = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site(news_server: NewsServer) -> str:
    """The base URL of the local news site."""
    return f"http://127.0.0.1:{news_server.server_address[1]}"


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_page_is_downloaded_and_read_as_html(site: str) -> None:
    article = read_one(f"{site}/article")
    assert article.source == f"{site}/article"
    assert article.published == date(2024, 5, 7)
    assert "said Delia Marchetti-Fox" in article.text


def test_page_claiming_another_sites_address_is_stored_where_it_was_found(site: str) -> None:
    # The page names harbourside-gazette.example as its canonical address and "The Harbourside
    # Gazette" as its site, but it was served by this local site.
    article = read_one(f"{site}/article")
    assert article.url == f"{site}/article"
    assert article.outlet == "127.0.0.1"
    assert article.claimed_url == (
        "https://harbourside-gazette.example/news/2024/05/07/dock-strike-ends"
    )
    assert article.claimed_outlet == "The Harbourside Gazette"
    assert article.fetched_from == f"{site}/article"


def test_canonical_address_on_the_same_site_cleans_up_the_url(site: str) -> None:
    article = read_one(f"{site}/own-canonical?utm_source=newsletter")
    assert article.url == f"{site}/news/dock-strike-ends"
    assert article.outlet == "The Harbourside Gazette"
    assert (article.claimed_url, article.claimed_outlet) == (None, None)
    assert article.fetched_from == f"{site}/own-canonical?utm_source=newsletter"


def test_page_without_canonical_link_gets_the_address_it_was_fetched_from(site: str) -> None:
    article = read_one(f"{site}/plain")
    assert article.url == f"{site}/plain"


def test_declared_charset_decodes_a_windows_1252_body(site: str) -> None:
    article = read_one(f"{site}/plain")
    assert (
        article.text
        == "Ferry fares rise\n\n\u201cNobody likes it,\u201d said skipper Annika Dovbush."
    )


def test_feed_served_as_html_is_read_as_a_feed(site: str) -> None:
    results = read_all(f"{site}/feed")
    assert [a.outlet for a in articles(results)] == ["The Fenwick Courier"] * 2
    assert articles(results)[0].source == f"{site}/feed#1"


def test_redirect_is_followed(site: str) -> None:
    article = read_one(f"{site}/redirect")
    assert article.source == f"{site}/redirect"
    assert article.title == "Port Westmere dock strike ends after nine days"


def test_redirect_loop_stops_at_the_cap(site: str) -> None:
    failure = read_failure(f"{site}/loop")
    assert failure.error == f"too many redirects (more than {MAX_REDIRECTS})"


def test_requests_say_they_come_from_quotebot(news_server: NewsServer, site: str) -> None:
    news_server.user_agents.clear()
    read_all(f"{site}/article")
    assert news_server.user_agents == [user_agent()]
    assert re.fullmatch(r"quotebot/\d+\.\d+\S*", user_agent())


@pytest.mark.parametrize(
    ("path", "error"),
    [("/missing", "HTTP 404 Not Found"), ("/broken", "HTTP 500 Internal Server Error")],
)
def test_http_error_is_one_failure_naming_the_url(site: str, path: str, error: str) -> None:
    failure = read_failure(f"{site}{path}")
    assert (failure.source, failure.error) == (f"{site}{path}", error)


def test_connection_refused_is_a_clear_failure(closed_port: int) -> None:
    url = f"http://127.0.0.1:{closed_port}/article"
    assert read_failure(url).error == "cannot connect: connection refused"


def test_slow_server_times_out_with_the_timeout_given(site: str) -> None:
    started = time.monotonic()
    with pytest.raises(ReadError, match=r"^timed out: the server sent nothing for 0.2 s$"):
        fetch(f"{site}/slow", max_bytes=100_000, timeout=httpx.Timeout(0.2))
    assert time.monotonic() - started < 0.9


def test_server_trickling_bytes_is_stopped_by_the_deadline(site: str) -> None:
    with pytest.raises(ReadError, match=r"^timed out: the download took too long$"):
        fetch(f"{site}/drip", max_bytes=100_000, deadline_seconds=0.3)


def test_a_silent_server_is_given_up_at_the_deadline_before_the_read_timeout(site: str) -> None:
    started = time.monotonic()
    with pytest.raises(ReadError, match=r"^timed out: the server sent nothing for 0.3 s$"):
        fetch(f"{site}/slow", max_bytes=100_000, deadline_seconds=0.3)
    assert time.monotonic() - started < 0.9


@pytest.mark.parametrize("path", ["/huge-declared", "/huge-streamed"])
def test_body_over_the_cap_is_refused(site: str, path: str) -> None:
    failure = read_failure(f"{site}{path}", max_bytes=1000)
    if path == "/huge-declared":
        assert failure.error == "too large: 5 KB, the limit is 1 KB"
    else:
        assert failure.error == "too large: more than 1 KB, the limit is 1 KB"


def test_host_that_does_not_resolve_is_described_plainly() -> None:
    exc = httpx.ConnectError("[Errno -2] Name or service not known")
    exc.__cause__ = socket.gaierror(-2, "Name or service not known")
    assert describe_http_error(exc, httpx.Timeout(5)) == (
        "cannot connect: host not found (the name does not resolve)"
    )

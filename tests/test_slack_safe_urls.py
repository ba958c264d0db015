"""`/quote add` fetches only public web addresses: the guard, with real HTTP on loopback."""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.slack.safe_urls import (
    PublicOnlyTransport,
    UnsafeURL,
    checked_url,
    parse_networks,
    public_address,
)
from store.readers.failure import ReadError
from store.readers.fetch import fetch

ARTICLE = b'Harbour reopens\n\n"We are ready," said Pell Amory, the harbour master.\n'


class Pages(BaseHTTPRequestHandler):
    """An article at /story, and /hop redirecting wherever the server's `redirect_to` says."""

    def do_GET(self) -> None:
        if self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", self.server.redirect_to)  # type: ignore[attr-defined]
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(ARTICLE)))
        self.end_headers()
        self.wfile.write(ARTICLE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def pages() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    server.redirect_to = "/story"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def url_of(server: ThreadingHTTPServer, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


@pytest.mark.parametrize(
    "text",
    [
        "file:///etc/passwd",
        "/etc/passwd",
        "ftp://news.example/story",
        "javascript:alert(1)",
        "https://",
        "http://editor:secret@news.example/story",
        "http://news.example:port/story",
    ],
)
def test_anything_but_a_plain_http_url_is_refused_before_fetching(text: str) -> None:
    with pytest.raises(UnsafeURL):
        checked_url(text)


def test_an_https_url_is_accepted_as_it_is() -> None:
    assert checked_url(" https://news.example/story?id=3 ") == "https://news.example/story?id=3"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::5",
        "::ffff:10.0.0.1",
        "224.0.0.1",
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused(address: str) -> None:
    with pytest.raises(UnsafeURL, match="only public addresses are fetched"):
        public_address("news.example", 443, resolve=lambda host, port: [address])


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::a00:1",  # NAT64 (RFC 6052) of 10.0.0.1
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254, the metadata service
        "64:ff9b:1::a00:1",  # local-use NAT64 (RFC 8215): the operator's own network
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "::a00:1",  # IPv4-compatible ::10.0.0.1
        "::7f00:1",  # IPv4-compatible ::127.0.0.1
    ],
)
def test_ipv6_forms_wrapping_a_private_ipv4_address_are_refused(address: str) -> None:
    with pytest.raises(UnsafeURL, match="only public addresses are fetched"):
        public_address("news.example", 443, resolve=lambda host, port: [address])


@pytest.mark.parametrize(
    "address",
    [
        "::ffff:127.0.0.1",  # IPv4-mapped
        "2001:0:4136:e378:8000:63bf:f5ff:fffe",  # Teredo: client 10.0.0.1, obfuscated
        "2001:0:808:808:0:0:f5ff:fffe",  # Teredo through a public server
    ],
)
def test_ipv4_mapped_and_teredo_addresses_stay_refused(address: str) -> None:
    with pytest.raises(UnsafeURL, match="only public addresses are fetched"):
        public_address("news.example", 443, resolve=lambda host, port: [address])


@pytest.mark.parametrize("address", ["64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"])
def test_ipv6_forms_wrapping_a_public_ipv4_address_are_fetched(address: str) -> None:
    # NAT64 is how an IPv6-only server reaches IPv4 sites: refusing it would refuse the web.
    assert public_address("news.example", 443, resolve=lambda host, port: [address]) == address


def test_an_ipv6_form_wrapping_an_allowed_network_is_fetched() -> None:
    allowed = parse_networks("10.20.0.0/16")

    assert public_address("cms.internal", 80, allowed, lambda h, p: ["64:ff9b::a14:304"])


@pytest.mark.parametrize(
    "host",
    [
        "localhost.",
        "news.example.",
        "127.0.0.1.",
        "LOCALHOST",
        "localhost.localdomain",
        "ip6-localhost",
        "archive.localhost",
        "ⓛocalhost",
        "2130706433",  # 127.0.0.1 as one decimal number
        "0x7f.1",
        "017700000001",
        "0x7f000001",
        "127.1",
        "0",
        "::1",
        "１２７.０.０.１",
    ],
)
def test_loopback_names_and_numeric_spellings_are_refused_without_a_lookup(host: str) -> None:
    asked: list[str] = []

    def resolve(name: str, port: int) -> list[str]:
        asked.append(name)
        return ["93.184.216.34"]  # a resolver that would answer a public address to anything

    with pytest.raises(UnsafeURL):
        public_address(host, 80, resolve=resolve)
    assert asked == []


def test_a_public_address_spelled_as_one_number_is_the_address_it_stands_for() -> None:
    def resolve(name: str, port: int) -> list[str]:
        raise AssertionError("no lookup for an address")

    assert public_address("1572395042", 443, resolve=resolve) == "93.184.216.34"


@pytest.mark.parametrize("url", ["http://localhost./story", "https://news.example./story"])
def test_a_url_whose_host_ends_in_a_dot_is_refused_before_fetching(url: str) -> None:
    with pytest.raises(UnsafeURL, match="ends in a dot"):
        checked_url(url)


def test_a_name_with_one_private_address_among_public_ones_is_refused() -> None:
    with pytest.raises(UnsafeURL, match=r"\(10\.0\.0\.5\)"):
        public_address("news.example", 443, resolve=lambda h, p: ["93.184.216.34", "10.0.0.5"])


def test_a_public_address_is_the_one_connected_to() -> None:
    resolve = lambda host, port: ["93.184.216.34"]  # noqa: E731

    assert public_address("news.example", 443, resolve=resolve) == "93.184.216.34"


def test_an_allowed_network_is_fetched_from() -> None:
    allowed = parse_networks("10.20.0.0/16")

    assert public_address("cms.internal", 80, allowed, lambda h, p: ["10.20.3.4"]) == "10.20.3.4"


def test_networks_setting_names_the_bad_entry() -> None:
    assert parse_networks("10.0.0.0/8, 192.168.4.7") == (
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("192.168.4.7/32"),
    )
    with pytest.raises(ValueError, match="'intranet'"):
        parse_networks("10.0.0.0/8 intranet")


def test_fetching_a_loopback_server_is_refused_without_connecting(
    pages: ThreadingHTTPServer,
) -> None:
    with pytest.raises(ReadError, match=r"127\.0\.0\.1"):
        fetch(url_of(pages, "/story"), max_bytes=10_000, transport=PublicOnlyTransport())


def test_fetching_from_an_allowed_network_works(pages: ThreadingHTTPServer) -> None:
    transport = PublicOnlyTransport(parse_networks("127.0.0.1/32"))

    download = fetch(url_of(pages, "/story"), max_bytes=10_000, transport=transport)

    assert download.body == ARTICLE
    assert download.url == url_of(pages, "/story")


def test_a_redirect_to_a_refused_address_is_not_followed(pages: ThreadingHTTPServer) -> None:
    pages.redirect_to = f"http://127.0.0.2:{pages.server_address[1]}/story"  # type: ignore[attr-defined]
    transport = PublicOnlyTransport(parse_networks("127.0.0.1/32"))

    with pytest.raises(ReadError, match=r"127\.0\.0\.2"):
        fetch(url_of(pages, "/hop"), max_bytes=10_000, transport=transport)

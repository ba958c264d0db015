"""`/quote add <url>` fetches what anyone in the workspace names: only public web addresses.

Without a guard, a Slack user could make the bot's server read its own metadata service
(169.254.169.254), an admin page on localhost or anything on the newsroom's private network,
and store the answer in the archive for all to see. So:
- only `http` and `https` URLs with a host are accepted, before anything is fetched;
- every request, the first and each redirect, resolves its host once, refuses it when any of
  its addresses is loopback, private, link-local, shared, multicast, reserved or unspecified
  (unless a network the deployment allows explicitly, SLACK_ADD_ALLOWED_NETWORKS), and then
  connects to exactly the address it checked, so that a second DNS answer cannot point the
  connection somewhere else (DNS rebinding). TLS still verifies the certificate for the name.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

import httpx

from store.readers.failure import ReadError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

SCHEMES = ("http", "https")
MAX_URL_CHARS = 2048


class UnsafeURL(ReadError):
    """A URL the bot will not fetch, with the reason in one line."""


def checked_url(text: str) -> str:
    """`text` when it is an http(s) URL with a host; UnsafeURL saying why not otherwise."""
    url = text.strip()
    if len(url) > MAX_URL_CHARS:
        raise UnsafeURL(f"the URL is longer than {MAX_URL_CHARS} characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError:
        raise UnsafeURL("that is not a URL") from None
    if parts.scheme.lower() not in SCHEMES:
        raise UnsafeURL("only http:// and https:// addresses can be added")
    if not parts.hostname:
        raise UnsafeURL("the URL has no host")
    if parts.username or parts.password:
        raise UnsafeURL("URLs with a user name or password are not fetched")
    return url


def public_address(
    host: str, port: int, allowed: Sequence[IPNetwork] = (), resolve: Resolver | None = None
) -> str:
    """The address to connect to for `host`; UnsafeURL when any address it has is not public
    and not in an `allowed` network."""
    try:
        addresses = (resolve or _resolve)(host, port)
    except OSError:
        raise UnsafeURL(f"{host} does not resolve") from None
    if not addresses:
        raise UnsafeURL(f"{host} does not resolve")
    for text in addresses:
        address = ipaddress.ip_address(text.split("%")[0])
        if not _permitted(address, allowed):
            raise UnsafeURL(
                f"{host} is on a private, loopback or link-local network ({address}); "
                "only public addresses are fetched"
            )
    return addresses[0]


class PublicOnlyTransport(httpx.HTTPTransport):
    """httpx's transport, connecting only to addresses `public_address` approves."""

    def __init__(
        self, allowed: Sequence[IPNetwork] = (), resolve: Resolver | None = None, **options: object
    ) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.allowed = tuple(allowed)
        self._resolve = resolve

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        if url.scheme not in SCHEMES:
            raise UnsafeURL("only http:// and https:// addresses are fetched")
        port = url.port or (443 if url.scheme == "https" else 80)
        address = public_address(url.host, port, self.allowed, self._resolve)
        # The Host header and the TLS name stay the host's; only the connection is pinned.
        pinned = httpx.Request(
            request.method,
            url.copy_with(host=address),
            headers=request.headers,
            stream=request.stream,
            extensions={**request.extensions, "sni_hostname": url.host},
        )
        return super().handle_request(pinned)


def parse_networks(text: str) -> tuple[IPNetwork, ...]:
    """Comma- or space-separated networks (`10.20.0.0/16, 192.168.4.7`); ValueError names a
    bad one."""
    networks = []
    for item in text.replace(",", " ").split():
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"{item[:60]!r} is not a network such as 10.20.0.0/16") from None
    return tuple(networks)


def _permitted(address: IPAddress, allowed: Sequence[IPNetwork]) -> bool:
    if any(address in network for network in allowed):
        return True
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return _permitted(address.ipv4_mapped, allowed)
    return address.is_global and not address.is_multicast


def _resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        if sockaddr[0] not in seen:
            seen.append(str(sockaddr[0]))
    return seen

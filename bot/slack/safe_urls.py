"""`/quote add <url>` fetches what anyone in the workspace names: only public web addresses.

Without a guard, a Slack user could make the bot's server read its own metadata service
(169.254.169.254), an admin page on localhost or anything on the newsroom's private network,
and store the answer in the archive for all to see. So:
- only `http` and `https` URLs with a host are accepted, before anything is fetched;
- every request, the first and each redirect, resolves its host once, refuses it when any of
  its addresses is loopback, private, link-local, shared, multicast, reserved or unspecified
  (unless a network the deployment allows explicitly, SLACK_ADD_ALLOWED_NETWORKS), and then
  connects to exactly the address it checked, so that a second DNS answer cannot point the
  connection somewhere else (DNS rebinding). TLS still verifies the certificate for the name;
- an IPv6 address that only wraps an IPv4 one (IPv4-mapped, NAT64, 6to4, IPv4-compatible) is
  judged by the IPv4 address it wraps; Teredo and local-use NAT64 addresses are never public;
- a host is read by its spelling before any lookup: an address however written ("2130706433",
  "0x7f.1", "１２７.０.０.１") is that address, a name of this machine ("localhost",
  "LOCALHOST", "archive.localhost") is loopback, and a name ending in a dot ("localhost.") is
  refused, since resolvers read it differently from the name without one.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import unicodedata
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

import httpx

from store.readers.failure import ReadError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

SCHEMES = ("http", "https")
MAX_URL_CHARS = 2048
#: Names of this machine whatever DNS says: RFC 6761 reserves "localhost" and the names under
#: it, and common systems' hosts files add the others.
_LOOPBACK_NAMES = {
    "localhost": "127.0.0.1",
    "localhost.localdomain": "127.0.0.1",
    "localhost6": "::1",
    "localhost6.localdomain6": "::1",
    "ip6-localhost": "::1",
    "ip6-loopback": "::1",
}
#: An IPv4 address in any form the C library's inet_aton reads, which is what getaddrinfo
#: connects to: one to four parts, each decimal, octal (0…) or hexadecimal (0x…).
_NUMERIC_IPV4 = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}")
#: IPv6 forms that carry an IPv4 address in their last 32 bits: NAT64's well-known prefix
#: (RFC 6052) and the deprecated IPv4-compatible addresses (::a.b.c.d).
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
#: Never public: Teredo tunnels (the client's IPv4 address is obfuscated in the address) and
#: local-use NAT64 (RFC 8215), whose IPv4 address may sit anywhere in the operator's network.
_NEVER_PUBLIC = (ipaddress.IPv6Network("2001::/32"), ipaddress.IPv6Network("64:ff9b:1::/48"))


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
    _refuse_final_dot(parts.hostname)
    if parts.username or parts.password:
        raise UnsafeURL("URLs with a user name or password are not fetched")
    return url


def public_address(
    host: str, port: int, allowed: Sequence[IPNetwork] = (), resolve: Resolver | None = None
) -> str:
    """The address to connect to for `host`; UnsafeURL when any address it has is not public
    and not in an `allowed` network."""
    addresses = _spelled_addresses(host)
    try:
        addresses = addresses or (resolve or _resolve)(host, port)
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
    if isinstance(address, ipaddress.IPv6Address):
        if any(address in network for network in _NEVER_PUBLIC):
            return False
        wrapped = _wrapped_ipv4(address)
        if wrapped is not None:
            return _permitted(wrapped, allowed)
    return address.is_global and not address.is_multicast


def _wrapped_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address only wraps: a connection to it reaches that one."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64 or address in _IPV4_COMPATIBLE:
        return ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF)
    return None


def _spelled_addresses(host: str) -> list[str]:
    """The address a host is by its spelling alone (an address however written, a name of this
    machine), or [] for a name to look up; UnsafeURL for one no lookup should be asked."""
    _refuse_final_dot(host)
    # What resolvers and IDNA make of fullwidth digits, circled letters and capitals.
    name = unicodedata.normalize("NFKC", host).casefold().strip("[]")
    if name in _LOOPBACK_NAMES:
        return [_LOOPBACK_NAMES[name]]
    if name.endswith(".localhost"):
        return [_LOOPBACK_NAMES["localhost"]]
    try:
        return [str(ipaddress.ip_address(name))]
    except ValueError:
        pass
    if _NUMERIC_IPV4.fullmatch(name):
        try:
            return [socket.inet_ntoa(socket.inet_aton(name))]
        except OSError:
            raise UnsafeURL(f"{host} is neither a name nor an address") from None
    return []


def _refuse_final_dot(host: str) -> None:
    if host.endswith("."):
        raise UnsafeURL(
            f"{host} ends in a dot; write the name without it (news.example, not news.example.)"
        )


def _resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        if sockaddr[0] not in seen:
            seen.append(str(sockaddr[0]))
    return seen

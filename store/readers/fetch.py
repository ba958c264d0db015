"""Downloading one URL for the readers, with every limit a hostile or broken server needs.

Timeouts on connecting and on each read, a cap on redirects, a cap on the body counted while it
streams (so a server cannot fill memory), and a deadline on the whole download (so a server
sending a byte every few seconds cannot hold a nightly ingest). Every failure becomes a one-line
ReadError: "cannot connect: connection refused", "HTTP 404 Not Found", "timed out ...".
"""

from __future__ import annotations

import socket
import ssl
import time
from dataclasses import dataclass
from importlib import metadata

import httpx

from store.limits import DEFAULT_DEADLINE_SECONDS
from store.readers.failure import ReadError
from store.readers.sizes import too_large

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=10.0, read=30.0)
MAX_REDIRECTS = 5


def user_agent() -> str:
    """`quotebot/<version>`: servers see who is fetching, and from which release."""
    try:
        version = metadata.version("quotebot")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"quotebot/{version}"


@dataclass(frozen=True)
class Download:
    """A downloaded body and what the server said about it."""

    #: Where the body came from after redirects.
    url: str
    body: bytes
    content_type: str | None
    charset: str | None


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    deadline_seconds: float = DEFAULT_DEADLINE_SECONDS,
    transport: httpx.BaseTransport | None = None,
) -> Download:
    """The body at `url`, or ReadError saying in one line why it could not be had.

    `transport` replaces httpx's own: the Slack bot passes one that refuses private addresses,
    checked again at every redirect. No single wait (connecting, each read) is allowed to be
    longer than `deadline_seconds` either, so a server that goes silent cannot outlast it.
    """
    timeout = httpx.Timeout(
        connect=_at_most(timeout.connect, deadline_seconds),
        read=_at_most(timeout.read, deadline_seconds),
        write=_at_most(timeout.write, deadline_seconds),
        pool=_at_most(timeout.pool, deadline_seconds),
    )
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": user_agent()},
                transport=transport,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if not response.is_success:
                raise ReadError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            body = _read_body(response, max_bytes, time.monotonic() + deadline_seconds)
            return Download(
                url=str(response.url),
                body=body,
                content_type=response.headers.get("content-type"),
                charset=response.charset_encoding,
            )
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise ReadError(describe_http_error(exc, timeout)) from None


def _at_most(seconds: float | None, limit: float) -> float:
    return limit if seconds is None else min(seconds, limit)


def _read_body(response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ReadError(too_large(int(declared), max_bytes))
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise ReadError(too_large(None, max_bytes))
        if time.monotonic() > deadline:
            raise ReadError("timed out: the download took too long")
    return bytes(body)


def describe_http_error(exc: Exception, timeout: httpx.Timeout) -> str:
    """One line a user can act on for an httpx exception."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting to the server (after {timeout.connect:g} s)"
    if isinstance(exc, httpx.ReadTimeout):
        return f"timed out: the server sent nothing for {timeout.read:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out talking to the server"
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {_connect_reason(exc)}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke off the response ({exc})"
    if isinstance(exc, httpx.DecodingError):
        return f"cannot decode the response body ({exc})"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"not a URL that can be downloaded: {exc}"
    return f"download failed: {exc or type(exc).__name__}"


def _connect_reason(exc: BaseException) -> str:
    """Why a connection failed, from the OS error httpx wraps (two or three levels down)."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return "host not found (the name does not resolve)"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ssl.SSLError):
            return f"TLS error ({cause.reason or cause})"
        cause = cause.__cause__ or cause.__context__
    return str(exc) or type(exc).__name__

"""Whose page it is: the address a page was fetched from outweighs what the page says of itself.

A page can claim anything in its markup: `<link rel=canonical>` naming another outlet's article,
`og:site_name` naming that outlet. Taken at its word, a fabricated page fetched from anywhere
was stored as that outlet's article, so a quote invented on it checked "Verified" with the
outlet's name, and the genuine article at that address was later refused as a duplicate.

So a page fetched by URL is stored under the address it came from (after redirects). A
canonical address on the same site may replace it (it cleans up tracking and mobile variants);
one on another site is kept as a claim, in its own column, and then the page's site name is a
claim too: the outlet is the site that served the page. "Same site" means the same registrable
domain (`news.example.co.uk` and `www.example.co.uk` are one site; two `github.io` pages are
not), from the Public Suffix List bundled with the `tld` package, never downloaded.

A page read from a file has no address but its own, and keeps its word.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from tld import get_fld


@dataclass(frozen=True)
class Provenance:
    """Where an article is stored as coming from, and what its page claimed beyond that."""

    url: str | None
    outlet: str | None
    #: The page's canonical address when it names another site than the one that served it.
    claimed_url: str | None = None
    #: The page's site name when its canonical address names another site.
    claimed_outlet: str | None = None


def page_provenance(
    page_url: str | None, page_outlet: str | None, fetched_url: str | None
) -> Provenance:
    """Provenance of a page that names `page_url` as its address and `page_outlet` as its
    site, fetched from `fetched_url` (None: read from a file)."""
    if fetched_url is None:
        return Provenance(page_url, page_outlet)
    if page_url is None or same_site(page_url, fetched_url):
        return Provenance(page_url or fetched_url, page_outlet)
    return Provenance(
        url=fetched_url,
        outlet=site_of(fetched_url),
        claimed_url=page_url,
        claimed_outlet=page_outlet,
    )


def same_site(first: str, second: str) -> bool:
    """Whether two URLs are on one site (one registrable domain, or one IP address)."""
    site = site_of(first)
    return site is not None and site == site_of(second)


def site_of(url: str) -> str | None:
    """The registrable domain of a URL's host (`www.example.co.uk` → `example.co.uk`), the
    address itself for an IP address, None without a host."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    if not host:
        return None
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    registrable = get_fld(host, fix_protocol=True, fail_silently=True)
    if isinstance(registrable, str):
        return registrable
    # A suffix the list does not know (an intranet name, `.example`): the list's own default
    # rule takes the last label as the suffix.
    return ".".join(host.split(".")[-2:])

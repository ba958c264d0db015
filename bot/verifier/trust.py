"""Which printings a newsroom trusts: the outlets and web domains it names; the rest is unvetted.

A quotation "verified" against a page anyone could add reads, without this, exactly like one
verified against a wire story. So every printing gets a trust level, the check lists trusted
printings first, and an answer found only in unvetted printings says so in its headline.

- QUOTEBOT_TRUSTED_OUTLETS names outlets ("Meridian Wire, Harbour Post"), compared as the
  archive compares names (store.normalise.name_key). A page added from Slack names its own
  outlet in its markup, so an outlet name never vouches for a Slack add: only its address does.
- QUOTEBOT_TRUSTED_DOMAINS names web hosts: `meridianwire.example` is that host (with or without
  `www.`), `*.harbourpost.example` that domain and every host under it. The article's stored
  address is the one it was fetched from (store.readers.provenance), so it cannot be claimed.
- With neither set, nothing has been vetted by name, and the rule is where an article came
  from: what the operator ingested from the command line counts as trusted, every `/quote add`
  from Slack as unvetted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from store.article import AddedVia
from store.normalise import name_key
from store.settings import setting

OUTLETS_SETTING = "QUOTEBOT_TRUSTED_OUTLETS"
DOMAINS_SETTING = "QUOTEBOT_TRUSTED_DOMAINS"
#: The most outlets or domains one setting may name, and the longest name kept.
MAX_ENTRIES = 1000
MAX_NAME_CHARS = 300
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"(?:\*\.)?{_LABEL}(?:\.{_LABEL})+")
_SHOWN_CHARS = 60


class Trust(StrEnum):
    """How far a newsroom vouches for a printing."""

    #: An outlet or domain the newsroom named (or, with none named, the operator's ingest).
    TRUSTED = "trusted"
    #: Anything else: a match there is evidence to weigh, not a source to cite.
    UNVETTED = "unvetted"


class TrustSettingError(ValueError):
    """A trust setting is malformed; the message names it, in one line."""


@dataclass(frozen=True)
class TrustPolicy:
    """The newsroom's trusted outlets (as name keys) and domains; empty: trust by origin."""

    outlets: frozenset[str] = frozenset()
    #: Hosts trusted as such (without a leading `www.`).
    hosts: frozenset[str] = frozenset()
    #: Domains trusted with every host under them (`*.harbourpost.example`).
    domains: frozenset[str] = frozenset()

    @property
    def configured(self) -> bool:
        return bool(self.outlets or self.hosts or self.domains)

    def of(self, outlet: str | None, url: str | None, added_via: str) -> Trust:
        """The trust of a printing by `outlet` at `url`, which came into the archive `added_via`
        (store.article.AddedVia)."""
        from_slack = added_via == AddedVia.SLACK
        if not self.configured:
            return Trust.UNVETTED if from_slack else Trust.TRUSTED
        if url and self._trusted_host(url):
            return Trust.TRUSTED
        if outlet and not from_slack and name_key(outlet) in self.outlets:
            return Trust.TRUSTED
        return Trust.UNVETTED

    def _trusted_host(self, url: str) -> bool:
        try:
            host = (urlsplit(url).hostname or "").rstrip(".").lower()
        except ValueError:
            return False
        if not host:
            return False
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return False
        if host.removeprefix("www.") in self.hosts:
            return True
        return any(host == domain or host.endswith(f".{domain}") for domain in self.domains)


def trust_from_environment(environ: Mapping[str, str] | None = None) -> TrustPolicy:
    """The policy the environment (or `.env`) sets; TrustSettingError naming a bad value."""
    outlets = _entries(OUTLETS_SETTING, setting(OUTLETS_SETTING, environ), ",")
    keys = frozenset(key for key in (name_key(outlet) for outlet in outlets) if key)
    hosts: set[str] = set()
    domains: set[str] = set()
    for entry in _entries(DOMAINS_SETTING, setting(DOMAINS_SETTING, environ), None):
        domain = _domain(entry)
        if domain.startswith("*."):
            domains.add(domain.removeprefix("*."))
        else:
            hosts.add(domain.removeprefix("www."))
    return TrustPolicy(outlets=keys, hosts=frozenset(hosts), domains=frozenset(domains))


def _entries(name: str, value: str | None, separator: str | None) -> list[str]:
    """The comma-separated entries of a setting (for domains, spaces separate them too)."""
    text = (value or "") if separator else (value or "").replace(",", " ")
    entries = [entry.strip() for entry in text.split(separator) if entry.strip()]
    if len(entries) > MAX_ENTRIES:
        raise TrustSettingError(f"{name} names more than {MAX_ENTRIES} entries")
    for entry in entries:
        if len(entry) > MAX_NAME_CHARS:
            shown = entry[:_SHOWN_CHARS]
            raise TrustSettingError(
                f"{name}: {shown!r}… is longer than {MAX_NAME_CHARS} characters"
            )
    return entries


def _domain(entry: str) -> str:
    lowered = entry.lower().rstrip(".")
    try:
        ascii_form = lowered.encode("idna").decode("ascii")
    except UnicodeError:
        ascii_form = ""
    if not _DOMAIN.fullmatch(ascii_form):
        raise TrustSettingError(
            f"{DOMAINS_SETTING}: {entry[:_SHOWN_CHARS]!r} is not a domain such as "
            "news.example or *.news.example"
        )
    return ascii_form

"""Keys that recognise the same thing written two ways: URLs, article texts, quotations, names.

The archive stores an article once although feeds, exports and re-publications hand it over
with tracking parameters, another quote-mark style or different spacing; and it links the
same quotation printed by several outlets. Each key here is the normal form those differences
collapse to, hashed where the original can be long.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Query parameters that say how a reader arrived at a page, not which page it is.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid", "ref_src", "smid", "sr_share",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_",)
_DEFAULT_PORTS = {"http": 80, "https": 443}

#: Typographic variants of the same mark (curly, low-9, primes, guillemets) and the plain mark,
#: as pairs for str.replace, which scans a long text many times faster than str.translate looks
#: up each of its characters.
_QUOTE_VARIANTS = tuple((mark, "'") for mark in "‘’‚‛′`´") + tuple(
    (mark, '"') for mark in "“”„‟″«»"
)
_BRACKETED = re.compile(r"\[[^\]]*\]")
_ELLIPSIS = re.compile(r"…|\.\s*\.\s*\.")
_WORD = re.compile(r"\w+(?:'\w+)*")
_BLANK_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


def is_http_url(text: str) -> bool:
    """Whether `text` is a plain http(s) address with a host: nothing else may be linked from
    an answer, kept as a ruling's evidence or named as a newsroom's site (no `javascript:`, no
    `mailto:`, no blanks or control characters, nothing urllib cannot split)."""
    if not text or _BLANK_OR_CONTROL.search(text):
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname  # reading it parses the host, and can refuse it too
    except ValueError:
        return False
    return parts.scheme.lower() in _DEFAULT_PORTS and bool(host)


def url_key(url: str) -> str:
    """The URL as the archive compares it.

    Scheme and host are lower-cased, http and https count as one, default ports, the fragment,
    a trailing slash and tracking parameters (utm_*, fbclid, ...) are dropped, and the remaining
    query parameters are sorted.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[oops": not an address urllib can split, so kept as given
        return url
    if not parts.scheme or not parts.netloc:
        return url
    scheme = parts.scheme.lower()
    if scheme == "http":
        scheme = "https"
    try:
        port = parts.port
    except ValueError:
        port = None
    host = (parts.hostname or "").lower()
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(name)
    )
    return urlunsplit((scheme, host, parts.path.rstrip("/"), urlencode(query), ""))


def content_hash(text: str) -> str:
    """SHA-256 of the text without differences of case, spacing or quote-mark style."""
    # Runs of blanks as one space: split() knows the same blanks as a regular expression's \s.
    normal = " ".join(_folded(text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def quotation_words(text: str) -> str:
    """The quotation's words alone: lower case, no punctuation, no [insertions] or ellipses.

    Two outlets printing the same words with different quote marks, dashes or editorial
    insertions give the same result.
    """
    normal = _folded(text)
    if "[" in normal:
        normal = _BRACKETED.sub(" ", normal)
    # Apostrophes dropped from the joined words at once: the same as word by word, and cheaper.
    return " ".join(_WORD.findall(_ELLIPSIS.sub(" ", normal))).replace("'", "")


def _folded(text: str) -> str:
    """The text without differences of case, compatibility forms or quote-mark style.

    ASCII text (most of what is stored) the short way, with the same result: NFKC leaves it as
    it is, its one quote-mark variant is the backtick, and its casefold is its lower case. A
    bulk import folds every article and quotation it stores (twice for a Quotebank line: its
    text hash and its fingerprint)."""
    if text.isascii():
        return text.replace("`", "'").lower()
    normal = unicodedata.normalize("NFKC", text)
    for mark, plain in _QUOTE_VARIANTS:
        if mark in normal:
            normal = normal.replace(mark, plain)
    return normal.casefold()


def quotation_fingerprint(text: str) -> str:
    """The key shared by every printing of the same quotation (hex, 64 characters)."""
    return hashlib.sha256(quotation_words(text).encode("utf-8")).hexdigest()


def name_key(name: str) -> str:
    """A person's or an outlet's name as the archive compares it: "Ada  O’Brien" = "ada obrien"."""
    return " ".join(_WORD.findall(_folded(name))).replace("'", "")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)

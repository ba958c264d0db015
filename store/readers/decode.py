"""Bytes to text: refuse what is not text, then find the encoding it was written in.

Newsroom archives hold decades of files saved by every editor there is; many are cp1252 or
latin-1, not UTF-8. Rejecting them would lose articles, and decoding them wrongly would store
mangled quotations, so the encoding is detected (charset-normalizer) rather than assumed.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from store.readers.failure import ReadError
from store.readers.plaintext import normalise_newlines

_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Formats people hand the bot by mistake, recognised by their first bytes for a clearer message.
_KNOWN_BINARIES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
)

_SAMPLE_BYTES = 8192
#: Text has tabs, newlines and form feeds but few other control characters; past this share of a
#: sample the bytes are data, not writing.
_MAX_CONTROL_SHARE = 0.1
_TEXT_CONTROLS = frozenset(b"\t\n\f\r\x1b")

# Browsers read pages labelled latin-1 or ASCII as cp1252 (the WHATWG encoding standard), and so
# did the editors who wrote them: the label is wrong about curly quotes and dashes.
_READ_AS_CP1252 = frozenset({"latin_1", "iso8859-1", "ascii", "us-ascii", "iso-8859-1"})
#: The guess preferred when it fits as well as the detector's favourite (see `_guess`).
_WESTERN = "cp1252"
_CHAOS_MARGIN = 0.05

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def reject_binary(data: bytes) -> None:
    """Raise ReadError when `data` (or its start) is not text: an image, a PDF, raw bytes."""
    if data.startswith(tuple(bom for bom, _ in _BYTE_ORDER_MARKS)):
        return
    for magic, kind in _KNOWN_BINARIES:
        if data.startswith(magic):
            raise ReadError(f"not an article: {kind}, not text")
    sample = data[:_SAMPLE_BYTES]
    controls = sum(1 for byte in sample if _is_control(byte))
    if b"\0" in sample or controls > len(sample) * _MAX_CONTROL_SHARE:
        raise ReadError("binary file, not text")


def _is_control(byte: int) -> bool:
    return (byte < 32 or byte == 127) and byte not in _TEXT_CONTROLS


def decode_text(data: bytes, declared: str | None = None) -> str:
    """`data` as text with `\\n` line endings, no byte order mark and no NUL.

    `declared` is the encoding the source claims (an HTTP header, an HTML `<meta charset>`); it
    is used when the bytes are not UTF-8 and decode cleanly with it. A NUL past the sample
    `reject_binary` reads is padding or damage, not writing, and no database stores it as text.
    """
    for bom, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return _plain(data[len(bom) :].decode(encoding, errors="replace"))
    reject_binary(data)
    try:
        return _plain(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    encoding = _usable(declared) or _guess(data)
    return _plain(data.decode(encoding, errors="replace"))


def _plain(text: str) -> str:
    return normalise_newlines(text.replace("\0", ""))


def declared_html_charset(data: bytes) -> str | None:
    """The encoding an HTML page names in its `<meta charset>` or `http-equiv` tag, if any."""
    match = _META_CHARSET.search(data[:_SAMPLE_BYTES])
    return match.group(1).decode("ascii") if match else None


def _usable(declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    return _WESTERN if name in _READ_AS_CP1252 or declared.lower() in _READ_AS_CP1252 else name


def _guess(data: bytes) -> str:
    """The encoding charset-normalizer finds, preferring cp1252 among equally good guesses.

    A few accented letters fit cp1252 and Baltic or Central European code pages equally well,
    and the detector then picks among them arbitrarily; cp1252 is by far the likeliest for news
    text in a Latin script, so it wins whenever it reads the bytes as cleanly as the favourite.
    """
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ReadError("not text: the encoding could not be recognised")
    for match in matches:
        if _WESTERN in match.could_be_from_charset and match.chaos <= best.chaos + _CHAOS_MARGIN:
            return _WESTERN
    return best.encoding

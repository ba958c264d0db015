"""Web pages: the article's main text and metadata, without navigation, ads and comments.

trafilatura does the boilerplate removal and reads the metadata pages carry (title, date,
author, site name, canonical URL); lxml underneath is lenient, so truncated and malformed pages
still give their text. A page with no main text (a login wall, an index page, a 404 page) is a
failure, not an article: trafilatura falls back to whatever text a page has, so the result must
also hold at least one sentence of prose.
"""

from __future__ import annotations

from store.article import Article
from store.limits import DEFAULT_MAX_HTML_BYTES
from store.readers.dates import parse_date
from store.readers.decode import declared_html_charset, decode_text
from store.readers.failure import ReadError
from store.readers.main_text import main_text
from store.readers.plaintext import join_paragraphs
from store.readers.provenance import page_provenance

#: A sentence of prose has a few words and ends like one; menus, buttons and "Page not found."
#: do not.
_MIN_SENTENCE_WORDS = 6
_SENTENCE_ENDINGS = tuple('.!?"”’)…')


def read_html(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    max_markup: int = DEFAULT_MAX_HTML_BYTES,
) -> Article:
    """One article from the bytes of an HTML page (ReadError when it has no main text).

    `url` is where the page was downloaded from: it is the article's address unless the page
    names a canonical one on the same site (store.readers.provenance). `max_markup` caps what
    the HTML extractor is given (store.readers.main_text).
    """
    page = decode_text(data, charset or declared_html_charset(data))
    if not page.strip():
        raise ReadError("empty file" if not data else "empty: only whitespace")
    document = main_text(page, url=url, max_markup=max_markup)
    text = join_paragraphs((document.text or "").split("\n")) if document is not None else ""
    if not _has_prose(text):
        raise ReadError("no article text found in the HTML")
    where = page_provenance(document.url or None, document.sitename or None, url)
    return Article(
        text=text,
        title=document.title or None,
        outlet=where.outlet,
        url=where.url,
        published=parse_date(document.date),
        byline=document.author or None,
        source=source,
        claimed_url=where.claimed_url,
        claimed_outlet=where.claimed_outlet,
    )


def _has_prose(text: str) -> bool:
    return any(
        len(paragraph.split()) >= _MIN_SENTENCE_WORDS and paragraph.endswith(_SENTENCE_ENDINGS)
        for paragraph in text.split("\n\n")
    )

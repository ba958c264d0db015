"""List the characters whose index terms this SQLite's full-text tokenizer does not read as one.

The candidate index keeps every term of a quotation (store/search/grams.py) in an FTS5 table
tokenized by `unicode61 tokenchars '_'`, and a lookup asks for each term as one token. A term
that the tokenizer reads as no token, or as several (a letter its Unicode tables, older than
Python's, take for a separator), cannot be looked up: SQLite refuses such a query, and
store.search.index.SQLiteIndex finds nothing for that term rather than failing the check.

Every code point is put inside a word ("a{c}b") and on its own, cut into terms as quotebot
does, and tokenized by this SQLite; the script prints those whose terms are not one token each.
Run it after changing how words are folded (store/search/words.py) or on a new SQLite.

Usage:
    python scripts/index_unsafe_letters.py
"""

from __future__ import annotations

import sqlite3
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.search.grams import grams  # noqa: E402  (after the path, so a checkout runs it)


def terms_by_code_point() -> dict[int, list[str]]:
    """The index terms of a word holding each code point, and of the code point alone."""
    found: dict[int, list[str]] = {}
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        letter = chr(code)
        terms = [term for term in grams(f"a{letter}b {letter}") if not _plain(term)]
        if terms:
            found[code] = terms
    return found


def _plain(term: str) -> bool:
    """ASCII letters, digits and the join: one token for certain, no need to ask SQLite."""
    return term.isascii() and term.replace("_", "").isalnum()


def tokens_per_term(terms: list[str]) -> list[int]:
    """How many tokens SQLite's tokenizer makes of each term, with the index's settings."""
    db = sqlite3.connect(":memory:")
    # detail=full (unlike the index) so that fts5vocab counts each token of each row.
    db.execute(
        "CREATE VIRTUAL TABLE probe USING fts5(grams, tokenize=\"unicode61 tokenchars '_'\")"
    )
    db.execute("CREATE VIRTUAL TABLE probe_tokens USING fts5vocab(probe, 'instance')")
    db.executemany("INSERT INTO probe(rowid, grams) VALUES (?, ?)", enumerate(terms, start=1))
    counts = Counter(row for (row,) in db.execute("SELECT doc FROM probe_tokens"))
    return [counts[row] for row in range(1, len(terms) + 1)]


def main() -> int:
    by_code = terms_by_code_point()
    terms = [term for listed in by_code.values() for term in listed]
    counts = iter(tokens_per_term(terms))
    unsafe = []
    for code, listed in by_code.items():
        bad = [(term, n) for term, n in zip(listed, counts, strict=False) if n != 1]
        if bad:
            unsafe.append((code, bad))
    print(f"SQLite {sqlite3.sqlite_version}, Python's Unicode {unicodedata.unidata_version}")
    for code, bad in unsafe:
        letter = chr(code)
        name = unicodedata.name(letter, "unnamed")
        shown = ", ".join(f"{term!r}: {n} tokens" for term, n in bad)
        print(f"U+{code:04X} {unicodedata.category(letter)} {name}: {shown}")
    print(f"{len(unsafe)} code points whose terms are not one token each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""One hash of everything an archive stores: a witness that a faster write path stores the same.

Usage:
    python bench/archive_hash.py DATABASE_URL [--dump FILE]

Every table's rows are hashed in id order, column by column, all but the time each article was
stored (`ingested_at`), which differs between two runs by design. The candidate index is hashed
too: each row's terms (PostgreSQL: the tsvector as text; SQLite: FTS5's instances through
fts5vocab, and the rowids the index holds). Two imports of the same input, by two versions of
quotebot, into fresh archives, must print the same hashes. `--dump` writes the hashed lines,
to compare two runs that differ line by line.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Connection, inspect, text

from store.db.engine import create_archive_engine
from store.search.index import TABLES

#: Columns that differ between two runs of the same import by design.
_VARYING = {"ingested_at"}
#: Alembic's bookkeeping, not the archive's contents.
_SKIPPED = {"alembic_version"}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args(argv)
    engine = create_archive_engine(args.url)
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    total = hashlib.sha256()
    with engine.connect() as connection:
        for name, lines in _tables(connection):
            digest = hashlib.sha256()
            count = 0
            for line in lines:
                digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
                count += 1
                if dump is not None:
                    dump.write(f"{name}\t{line}\n")
            total.update(f"{name} {digest.hexdigest()}\n".encode())
            print(f"{name:<24} {count:>10,} rows  {digest.hexdigest()[:16]}")
    print(f"{'archive':<24} {'':>15}  {total.hexdigest()[:16]}")
    if dump is not None:
        dump.close()
    return 0


def _tables(connection: Connection) -> Iterator[tuple[str, Iterator[str]]]:
    names = sorted(set(inspect(connection).get_table_names()) - _SKIPPED)
    sqlite = connection.dialect.name == "sqlite"
    for name in names:
        if name in TABLES or (sqlite and name.startswith(TABLES)):
            continue  # the index: below; SQLite's FTS5 shadow tables: their layout, not terms
        columns = [
            column["name"]
            for column in inspect(connection).get_columns(name)
            if column["name"] not in _VARYING
        ]
        order = "id" if "id" in columns else ", ".join(columns)
        rows = connection.execute(text(f"SELECT {', '.join(columns)} FROM {name} ORDER BY {order}"))
        yield name, (repr(tuple(row)) for row in rows)
    for table in TABLES:
        if sqlite:
            # Each row's terms, as FTS5 holds them (fts5vocab reads its index).
            vocabulary = f"temp.{table}_instances"
            connection.execute(
                text(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocabulary} "
                    f"USING fts5vocab(main, {table}, 'instance')"
                )
            )
            rows = connection.execute(
                text(f"SELECT doc, term FROM {vocabulary} ORDER BY doc, term")
            )
            yield table, (f"{key} {term}" for key, term in rows)
            ids = connection.execute(text(f"SELECT rowid FROM {table} ORDER BY rowid"))
            yield f"{table} rows", (str(row) for (row,) in ids)
        else:
            rows = connection.execute(text(f"SELECT id, grams::text FROM {table} ORDER BY id"))
            yield table, (f"{key} {grams}" for key, grams in rows)


if __name__ == "__main__":
    sys.exit(main())

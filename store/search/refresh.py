"""Keeping the candidate index in the shape its lookups read fastest, after a large ingest.

What this does is derived state: the database's statistics on the index, and (SQLite) how its
index is laid out in segments. It never changes which rows the index holds, so a change here
applies to an archive already stored the next time the statistics are refreshed
(`Archive.refresh_statistics`, run after an ingest that adds a tenth of the archive or more
(store.ingest.REFRESH_SHARE) and by `quotebot db reindex`).
"""

from __future__ import annotations

import math

from sqlalchemy import Connection, delete, text

from store.db.models import IndexTermCountRow
from store.search import candidates
from store.search.index import TABLES

#: How many of its most common terms PostgreSQL's statistics keep for each index table (ten
#: times the column's statistics target). At ten million quotations the ten thousandth most
#: common term is held by about four thousand rows; the terms a check can no longer afford to
#: look up are all among them. More would make ANALYZE sample more rows (300 per 10 terms) and
#: every plan read a larger statistics entry.
TERM_STATISTICS = 10_000


def refresh_statistics(connection: Connection) -> None:
    """After a large ingest, put the index in the shape its lookups read fastest.

    PostgreSQL: let the planner know the index's terms (autovacuum does the same, later):
    without them it reads a rare term by scanning the whole table, and a common one through the
    index, the wrong way round both times. The statistics keep the TERM_STATISTICS most common
    terms of each table, which checks then skip without asking (PostgresIndex.common_terms):
    a GIN lookup reads the whole of a term's posting list before its LIMIT applies, so at ten
    million quotations the first lookup of a common pair cost a tenth of a second or more.
    Then count the common terms below those in a sample of rows (_count_sampled_terms).

    SQLite: merge each FTS5 table into one segment ('optimize'). FTS5 writes every flush of new
    terms as a segment of its own and merges them only a few at a time, so a large ingest
    leaves several (ten in each table at a million quotations, however the rows were cut into
    transactions), and a lookup seeks its term in every one of them: a rare term's lookup
    took twice as long, and a check ran four times as many statements (bench/verify.py). The
    merge rewrites the index once (about 2 s of CPU a table at a million quotations); on an
    index already in one segment it does nothing. Then count the terms held by too many rows
    to choose by (_count_common_terms), which FTS5, keeping no statistics, cannot say."""
    if connection.dialect.name == "postgresql":
        for table in TABLES:
            # Idempotent: a setting of the column, kept by the catalog and used by autovacuum's
            # ANALYZE too. Statistics target T keeps 10 x T elements, from 300 x T sampled rows.
            connection.exec_driver_sql(
                f"ALTER TABLE {table} ALTER COLUMN grams SET STATISTICS {TERM_STATISTICS // 10}"
            )
        connection.exec_driver_sql(f"ANALYZE {', '.join(TABLES)}")
        for table in TABLES:
            _count_sampled_terms(connection, table)
        return
    for table in TABLES:
        connection.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        _count_common_terms(connection, table)


def _count_common_terms(connection: Connection, index_table: str) -> None:
    """Record how many rows hold each term of an FTS5 table that TERM_CAP rows or more hold
    (_replace_counts): SQLiteIndex's common_terms reads them, and a check skips those terms
    without reading their capped rows (a seventh of a check's time at a million quotations).
    FTS5's vocabulary table counts the rows of every term by reading the whole index once:
    about 1.5 s a table at a million quotations, as long as the merge before it."""
    vocabulary = f"temp.{index_table}_vocabulary"
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {vocabulary} USING fts5vocab(main, {index_table}, row)"
    )
    try:
        _replace_counts(
            connection,
            index_table,
            f"SELECT term, doc AS rows FROM {vocabulary} WHERE doc >= :least",
            {"least": candidates.TERM_CAP},
        )
    finally:
        connection.exec_driver_sql(f"DROP TABLE {vocabulary}")


#: Rows of an index table whose terms PostgreSQL's refresh counts (every k-th id), to find the
#: common terms ANALYZE's TERM_STATISTICS leave out.
SAMPLED_ROWS = 300_000
#: Times a term must be seen in the sample to be counted: fewer say little of the whole.
LEAST_SEEN = 10


def _count_sampled_terms(connection: Connection, index_table: str) -> None:
    """Record the terms of a PostgreSQL index table that TERM_CAP rows or more hold, counted
    in every k-th row (SAMPLED_ROWS in all), as SQLite's are counted whole.

    ANALYZE's statistics keep the TERM_STATISTICS commonest terms only: at ten million
    quotations those held by about 4,000 rows or more, while a check cannot choose by any held
    by 400. A lookup of a term between the two reads its whole posting list and 400 rows to
    learn that it is common: five or six pairs of every paste of plain words at ten million
    (bench/verify.py's queries). Rows a few ids apart (one article's quotations) are not both
    in the sample, so a phrase of one article is not taken for a common one; a term must be seen
    LEAST_SEEN times before it counts."""
    low, high = connection.execute(text(f"SELECT min(id), max(id) FROM {index_table}")).one()
    # An empty table: nothing sampled, and the last refresh's counts replaced by none.
    step = 1 if low is None else max(1, math.ceil((high - low + 1) / SAMPLED_ROWS))
    # A term is named by its number (store.search.term_hashes), kept as text.
    _replace_counts(
        connection,
        index_table,
        "SELECT term::text AS term, count(*) * :step AS rows FROM ("
        f"SELECT unnest(grams) AS term FROM {index_table} "
        "WHERE id IN (SELECT generate_series(CAST(:low AS bigint), CAST(:high AS bigint), "
        "CAST(:step AS bigint)))"
        ") sampled GROUP BY sampled.term HAVING count(*) >= :least",
        {
            "step": step,
            "low": int(low or 0),
            "high": int(high or 0),
            "least": max(LEAST_SEEN, math.ceil(candidates.TERM_CAP / step)),
        },
    )


def _replace_counts(
    connection: Connection, index_table: str, counted: str, parameters: dict[str, object]
) -> None:
    """Replace the recorded counts of an index table's common terms by the (term, rows) that
    the statement `counted` gives: the CommonTerms.MOST commonest of them."""
    counts = IndexTermCountRow.__table__
    connection.execute(delete(counts).where(counts.c.index_table == index_table))
    connection.execute(
        text(
            "INSERT INTO index_term_counts(index_table, term, rows) "
            f"SELECT :table, term, rows FROM ({counted}) counted ORDER BY rows DESC LIMIT :most"
        ),
        {**parameters, "table": index_table, "most": candidates.CommonTerms.MOST},
    )

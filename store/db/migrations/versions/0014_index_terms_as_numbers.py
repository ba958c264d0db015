"""PostgreSQL's candidate index holds each term as a 32-bit number instead of its text.

A lookup fetches every row its GIN index returns from the table holding the terms, to learn the
row's id. With each term's text (a tsvector) those rows averaged 580 bytes a quotation, 14 GB
for both tables at ten million quotations, more than the machine's memory kept, and a warm
check waited on the disk. An `integer[]` of the terms' numbers holds the same terms in about
40 % of that (store/search/term_hashes.py says how a term becomes its number).

The terms already stored become numbers here, in SQL, from the text the tsvector holds: the
same number quotebot computes (the first four bytes of the term's MD5, as a signed integer), so
no reindex is needed. The common terms the last statistics refresh counted (revision 0013) are
renamed the same way.

Downgrading cannot turn numbers back into text: it leaves PostgreSQL's index empty and records
that no known reading built it, so the older quotebot names `quotebot db reindex`, which fills
it again from the stored texts. SQLite's FTS5 index is unchanged either way.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | None = None
depends_on: str | None = None

#: The candidate index tables revision 0002 created.
INDEX_TABLES = ("quotation_grams", "paragraph_grams")
#: A term's number, in SQL (store/search/term_hashes.py computes the same in Python).
_NUMBER = "('x' || left(md5({term}), 8))::bit(32)::integer"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # ALTER ... USING takes no subquery: the conversion of one row's terms is a function of
    # this session's own, gone when it ends.
    op.execute(
        "CREATE FUNCTION pg_temp.quotebot_term_numbers(terms tsvector) RETURNS integer[] "
        "LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(array_agg("
        + _NUMBER.format(term="lexeme")
        + "), '{}') FROM unnest(terms) $$"
    )
    for table in INDEX_TABLES:
        op.execute(f"DROP INDEX ix_{table}_grams")
        op.execute(
            f"ALTER TABLE {table} ALTER COLUMN grams TYPE integer[] "
            "USING pg_temp.quotebot_term_numbers(grams)"
        )
        # The pending list on, as revision 0012 left it.
        op.execute(
            f"CREATE INDEX ix_{table}_grams ON {table} USING gin (grams) WITH (fastupdate = on)"
        )
    op.execute("DROP FUNCTION pg_temp.quotebot_term_numbers(tsvector)")
    op.execute(
        f"UPDATE index_term_counts SET term = ({_NUMBER.format(term='term')})::text "
        "WHERE index_table IN ('quotation_grams', 'paragraph_grams')"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in INDEX_TABLES:
        op.execute(f"DROP INDEX ix_{table}_grams")
        op.execute(f"ALTER TABLE {table} ALTER COLUMN grams TYPE tsvector USING ''::tsvector")
        op.execute(
            f"CREATE INDEX ix_{table}_grams ON {table} USING gin (grams) WITH (fastupdate = on)"
        )
    op.execute("DELETE FROM index_term_counts")
    op.execute("UPDATE search_index_version SET version = 0")

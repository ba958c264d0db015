"""Column sizes that code outside the database layer checks values against.

Apart from store.db.models so that checking them costs no SQLAlchemy import: the worker
processes of `quotebot ingest --jobs N` prepare rows against them, and each one starts a fresh
interpreter, where importing SQLAlchemy's ORM took most of its start-up.
"""

#: Longest normalised URL the archive indexes (PostgreSQL's B-tree entries have a size limit).
MAX_URL_CHARS = 2048
#: Longest speaker or outlet name, alias or role kept; longer strings are extraction noise.
MAX_NAME_CHARS = 300

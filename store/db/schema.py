"""The archive's schema revision: read it, bring a database to it, refuse a stale one.

Migrations are Alembic scripts shipped inside the package and run from here, so users need no
alembic.ini. A new, empty database is brought to the current revision on first use; a database
at an older revision is refused until someone runs `quotebot db upgrade` on purpose, because an
upgrade of a shared newsroom archive is a decision, not a side effect of a nightly ingest.

Each revision carries its own DDL and never imports quotebot's code. The candidate index, which
is derived from stored text by that code, is filled by one versioned step instead
(store.search.rebuild): an upgrade from an archive without an index runs it once at the end,
and an archive whose index an older quotebot built is told to run `quotebot db reindex`.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from store.db.engine import archive_errors, for_writing
from store.errors import ArchiveError
from store.search.index import TABLES as INDEX_TABLES
from store.search.rebuild import reindex
from store.search.version import index_is_older

#: The Alembic scripts; tests point this at a copy with an extra revision.
MIGRATIONS = Path(__file__).with_name("migrations")

#: Revisions whose archives have no candidate index (revision 0002 creates it empty): an upgrade
#: from one of them fills the index once, at its end, when the index version can be recorded
#: (from 0009 on). One stopped earlier (tests build old archives so) leaves the index empty at
#: version 0, which `quotebot db upgrade` then names for `quotebot db reindex`.
_WITHOUT_INDEX = (None, "0001")
#: Where the index version is recorded (revision 0009).
_INDEX_VERSION_TABLE = "search_index_version"

# Any fixed number: holders of this PostgreSQL advisory lock are migrating quotebot's schema.
_SCHEMA_LOCK_KEY = 0x71756F7465626F74


#: The tables of slack_sdk's SQLAlchemy installation and OAuth state stores (the Slack app's
#: installs in several workspaces): created by migration 0003 as slack_sdk defines them.
SLACK_OAUTH_TABLES = ("slack_installations", "slack_bots", "slack_oauth_states")


def is_model_table(name: str | None) -> bool:
    """Tables the models describe; the candidate index (FTS5 or a GIN-indexed array, and FTS5's own
    shadow tables) is kept by the migrations and the index module instead, and slack_sdk's
    OAuth tables by slack_sdk."""
    return name is None or not (name.startswith(INDEX_TABLES) or name in SLACK_OAUTH_TABLES)


def head_revision() -> str:
    """The revision this quotebot's models need."""
    head = _scripts().get_current_head()
    if head is None:
        raise ArchiveError(f"no schema migrations found in {MIGRATIONS}")
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's revision, or None for a database quotebot has never set up."""
    with archive_errors(engine), engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Bring the database to `revision` (the head by default) and return it; safe when run
    twice at once. An earlier revision is for tests that build an old archive to upgrade.

    An upgrade from an archive without a candidate index fills the new index from what is
    stored, once, in the same transaction: the archive is never left with quotations the
    verifier cannot find, nor indexed twice."""
    with archive_errors(engine), for_writing(engine).begin() as connection:
        _lock_schema(connection)
        current = MigrationContext.configure(connection).get_current_revision()
        _refuse_unknown(current)
        config = _config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        if current in _WITHOUT_INDEX and inspect(connection).has_table(_INDEX_VERSION_TABLE):
            reindex(connection)
    return head_revision() if revision == "head" else revision


def index_needs_rebuilding(engine: Engine) -> bool:
    """Whether the archive (at the head revision) holds a candidate index built by an older
    quotebot's reading of words: `quotebot db reindex` brings it to this one's."""
    with archive_errors(engine), engine.connect() as connection:
        return index_is_older(connection)


def ensure_current(engine: Engine) -> None:
    """Set up an empty database; raise ArchiveError for one at any other revision than head."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    if current is None:
        upgrade(engine)
        return
    _refuse_unknown(current)
    raise ArchiveError(
        f"the archive's schema is at revision {current}, this quotebot needs {head}: "
        "run `quotebot db upgrade`"
    )


def _refuse_unknown(current: str | None) -> None:
    known = {script.revision for script in _scripts().walk_revisions()}
    if current is not None and current not in known:
        raise ArchiveError(
            f"the archive's schema is at revision {current}, which this quotebot does not know "
            f"(it needs {head_revision()}): the archive was set up by a newer quotebot; "
            "upgrade quotebot"
        )


def _lock_schema(connection: Connection) -> None:
    # SQLite: the transaction already holds the write lock (BEGIN IMMEDIATE). PostgreSQL: a lock
    # held until commit, so a second process waits and then finds the schema at head.
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())

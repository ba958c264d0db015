"""Where quotebot keeps its archive, from the command line, the environment or `.env`.

Settings come only from the environment and a `.env` file (documented in `.env.example`), so
the same process can run from a shell, a cron job or a container without a config file format
of its own. The order is: an explicit value (`--db`), the process environment, the `.env` file
(the one QUOTEBOT_ENV_FILE names, else `.env` in the current directory), then a default.

A `.env` in a folder above is never read: one left in a home folder or a shared checkout would
otherwise choose the database, and the Slack tokens, of every command run anywhere below it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from dotenv import dotenv_values

from store.errors import ArchiveError

ARCHIVE_FILE_NAME = "archive.sqlite3"
#: The mode of the data folder quotebot creates: its owner's alone.
PRIVATE_FOLDER_MODE = 0o700
#: The environment variable naming the `.env` file to read, wherever it is.
ENV_FILE_VARIABLE = "QUOTEBOT_ENV_FILE"


def setting(name: str, environ: Mapping[str, str] | None = None) -> str | None:
    """The value of `name` from the environment, else from the `.env` file, else None.

    `.env` is read, not loaded: it never overrides or leaks into the process environment.
    """
    environ = os.environ if environ is None else environ
    value = environ.get(name)
    if value:
        return value
    dotenv_path = dotenv_file(environ)
    if dotenv_path is None:
        return None
    return dotenv_values(dotenv_path).get(name) or None


def dotenv_file(environ: Mapping[str, str] | None = None) -> Path | None:
    """The `.env` file to read: the one QUOTEBOT_ENV_FILE names (ArchiveError when that is no
    file), else `.env` in the current directory if there is one."""
    environ = os.environ if environ is None else environ
    named = environ.get(ENV_FILE_VARIABLE)
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise ArchiveError(f"{ENV_FILE_VARIABLE} names {path}, which is not a file")
        return path
    local = Path(".env")
    return local if local.is_file() else None


def quotebot_home(environ: Mapping[str, str] | None = None) -> Path:
    """The folder of quotebot's own data: QUOTEBOT_HOME, else `$XDG_DATA_HOME/quotebot`."""
    environ = os.environ if environ is None else environ
    home = setting("QUOTEBOT_HOME", environ)
    if home:
        return Path(home).expanduser()
    data_home = environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(data_home):  # the XDG spec says relative values are to be ignored
        data_home = str(Path("~/.local/share").expanduser())
    return Path(data_home) / "quotebot"


def database_url(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The archive's database URL: `--db`, else DATABASE_URL, else the default SQLite file.

    The default file's folder is created here, because a first `quotebot ingest` on a new
    machine should just work; a folder named in an explicit URL is never created for the user.
    It is created enterable by its owner alone (0700), as the XDG specification asks: the
    archive holds the audit log and, with several workspaces, Slack tokens. A folder that
    exists keeps its mode.
    """
    if explicit:
        return explicit
    configured = setting("DATABASE_URL", environ)
    if configured:
        return configured
    home = quotebot_home(environ)
    try:
        home.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER_MODE)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ArchiveError(f"cannot create quotebot's data folder {home}: {reason}") from None
    return f"sqlite:///{home / ARCHIVE_FILE_NAME}"


def database_read_urls(
    explicit: str | None = None, environ: Mapping[str, str] | None = None
) -> tuple[str, ...]:
    """The read replicas' URLs: DATABASE_READ_URL, one or more separated by commas (a comma
    inside a URL, in a password say, is written %2C).

    They are replicas of DATABASE_URL: with `--db` (`explicit`) a command reads and writes the
    database it names alone. That is also how to read the primary itself, for a check that must
    see an article stored a moment ago, which a replica may not have replayed yet.
    """
    configured = setting("DATABASE_READ_URL", environ)
    if explicit or not configured:
        return ()
    return tuple(part.strip() for part in configured.split(",") if part.strip())

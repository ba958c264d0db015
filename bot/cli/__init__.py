"""The `quotebot` command and its terminal output.

`commands.py` holds the click commands; `terminal.py` the tables and progress shown to people;
`card.py` the verifier's answer drawn for a terminal. `main` is the console entry point.

The commands are imported when first used, not with this package: each worker process of
`quotebot ingest --jobs N` is a fresh interpreter that runs the console script again (as
multiprocessing's spawn does with the main module), and importing every command there (the
verifier, Slack, SQLAlchemy) cost each worker seconds of CPU before its first article.
"""

from __future__ import annotations

from typing import Any

__all__ = ["cli", "main"]


def main() -> None:
    """The console script `quotebot`."""
    from store import collection

    with collection.imports_paused():
        _commands()
    from bot.cli.commands import main as run

    try:
        run()
    finally:
        collection.before_exit()


def __getattr__(name: str) -> Any:
    # `from bot.cli import cli`: the click group, imported on first use.
    if name == "cli":
        return _commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _commands() -> Any:
    """The click group with every command on it (rule, rulings and export add themselves)."""
    from bot.cli import ruling_commands  # noqa: F401 (adds rule, rulings and export to cli)
    from bot.cli.commands import cli

    return cli

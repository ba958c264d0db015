"""The `quotebot` command and its terminal output.

`commands.py` holds the click commands; `terminal.py` the tables and progress shown to people;
`card.py` the verifier's answer drawn for a terminal. `main` is the console entry point.
"""

from bot.cli import ruling_commands  # noqa: F401 (adds rule, rulings and export to cli)
from bot.cli.commands import cli, main

__all__ = ["cli", "main"]

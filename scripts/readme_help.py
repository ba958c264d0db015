"""Regenerate the README's command reference from the live `--help` of every quotebot command.

Each command's docstring and example are where its usage is maintained, so the README copy is
generated from them, never edited by hand: the section between the two marker comments is
replaced with `quotebot --help` and the `--help` of every command and subcommand, in the order
bot/cli.py defines them, rendered at a fixed width so the text does not depend on the terminal.

Usage:
    python scripts/readme_help.py            # rewrite README.md in place
    python scripts/readme_help.py --check    # exit 1 when README.md is stale
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import click
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.cli import cli  # noqa: E402  (after the path, so a plain checkout runs the script)

START_MARKER = "<!-- help:start -->"
END_MARKER = "<!-- help:end -->"
#: The width --help is wrapped to; click never wraps wider than 80 columns anyway.
HELP_WIDTH = 80


class ReadmeError(Exception):
    """The README has no command reference section to rewrite."""


def command_paths(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The group itself, then every command under it, subcommands right after their group."""
    found = [path]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += command_paths(command, (*path, name))
        else:
            found.append((*path, name))
    return found


def help_text(path: tuple[str, ...]) -> str:
    """What `quotebot PATH --help` prints at HELP_WIDTH columns."""
    result = CliRunner().invoke(
        cli,
        [*path, "--help"],
        prog_name="quotebot",
        terminal_width=HELP_WIDTH,
        max_content_width=HELP_WIDTH,
    )
    if result.exit_code != 0:
        raise RuntimeError(f"quotebot {' '.join(path)} --help failed: {result.output}")
    return result.stdout


def render_reference() -> str:
    """The Markdown of the command reference: a heading and a text block per command."""
    sections = []
    for path in command_paths(cli):
        name = " ".join(("quotebot", *path))
        sections.append(f"### `{name}`\n\n```text\n{help_text(path).rstrip()}\n```\n")
    return "\n".join(sections)


def with_reference(readme: str, reference: str) -> str:
    """The README with the text between the markers replaced by `reference`."""
    if readme.count(START_MARKER) != 1 or readme.count(END_MARKER) != 1:
        raise ReadmeError(f"needs exactly one {START_MARKER} and one {END_MARKER}")
    start, end = readme.index(START_MARKER), readme.index(END_MARKER)
    if end < start:
        raise ReadmeError(f"{END_MARKER} comes before {START_MARKER}")
    head, tail = readme[:start], readme[end + len(END_MARKER) :]
    return f"{head}{START_MARKER}\n\n{reference}\n{END_MARKER}{tail}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when the README is stale; change nothing"
    )
    parser.add_argument(
        "--readme", type=Path, default=ROOT / "README.md", help="default: the project's README.md"
    )
    args = parser.parse_args(argv)
    try:
        current = args.readme.read_text(encoding="utf-8")
        updated = with_reference(current, render_reference())
    except (OSError, ReadmeError) as error:
        print(f"readme_help: {args.readme}: {error}", file=sys.stderr)
        return 2
    if updated == current:
        return 0
    if args.check:
        print(
            f"readme_help: {args.readme}: the command reference differs from quotebot --help; "
            "run python scripts/readme_help.py",
            file=sys.stderr,
        )
        return 1
    args.readme.write_text(updated, encoding="utf-8")
    print(f"readme_help: rewrote the command reference in {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every command teaches itself: a one-line summary and an example in `--help`."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from bot.cli import cli


def all_commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += all_commands(command, (*path, name))
        else:
            found.append((*path, name))
    return found


@pytest.mark.parametrize("path", all_commands(cli), ids=lambda path: " ".join(path) or "quotebot")
def test_command_has_a_summary_and_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])

    assert result.exit_code == 0
    command = cli
    for name in path:
        command = command.commands[name]
    assert command.help and command.help.splitlines()[0].endswith(".")
    assert "Example:" in result.stdout
    assert f"quotebot {' '.join(path)}".strip() in result.stdout.split("Example:")[1]

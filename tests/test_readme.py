"""The README a newcomer reads first: it starts with commands that work, and its usage is live.

The command reference in README.md is generated from `--help` by scripts/readme_help.py; these
tests read the README as a newcomer would and compare each command's section with what that
command prints today, so a new option or command cannot land without the README following it.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import click
import pytest
from click.testing import CliRunner

from bot.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
HELP_WIDTH = 80

_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
_REFERENCE = re.compile(r"<!-- help:start -->\n(.*)<!-- help:end -->", re.S)
_COMMAND_SECTION = re.compile(r"^### `(quotebot[^`]*)`\n\n```text\n(.*?)^```", re.S | re.M)


def readme_commands() -> list[str]:
    """The command lines of the README's code blocks, in reading order, without comments."""
    commands = []
    for block in _FENCE.findall(README.read_text(encoding="utf-8")):
        for line in block.splitlines():
            command = line.split("#")[0].strip()
            if command:
                commands.append(command)
    return commands


def documented_help() -> dict[str, str]:
    """The README's command reference: `quotebot ...` to the help text shown under it."""
    reference = _REFERENCE.search(README.read_text(encoding="utf-8"))
    assert reference, "README.md has no <!-- help:start --> ... <!-- help:end --> section"
    return {name: text for name, text in _COMMAND_SECTION.findall(reference.group(1))}


def live_commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += live_commands(command, (*path, name))
        else:
            found.append((*path, name))
    return found


def live_help(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(
        cli,
        [*path, "--help"],
        prog_name="quotebot",
        terminal_width=HELP_WIDTH,
        max_content_width=HELP_WIDTH,
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def command_name(path: tuple[str, ...]) -> str:
    return " ".join(("quotebot", *path))


def load_readme_help() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readme_help", ROOT / "scripts/readme_help.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_starts_with_make_demo_then_make_test() -> None:
    assert readme_commands()[:2] == ["make demo", "make test"]


def test_makefile_has_the_targets_the_readme_starts_with() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")

    assert re.search(r"^demo:", makefile, re.M)
    assert re.search(r"^test:", makefile, re.M)


def test_command_reference_documents_every_command_and_no_other() -> None:
    assert sorted(documented_help()) == sorted(command_name(path) for path in live_commands(cli))


@pytest.mark.parametrize("path", live_commands(cli), ids=command_name)
def test_command_reference_shows_the_live_help(path: tuple[str, ...]) -> None:
    documented = documented_help().get(command_name(path))

    assert documented is not None, f"{command_name(path)} is missing from the README"
    assert documented.rstrip() == live_help(path).rstrip(), (
        "README.md is stale: run python scripts/readme_help.py"
    )


def test_readme_help_check_fails_on_a_stale_readme_and_passes_once_rewritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme_help = load_readme_help()
    stale = tmp_path / "README.md"
    stale.write_text(
        "# A project\n\n<!-- help:start -->\nUsage: quotebot [OLD OPTIONS]\n"
        "<!-- help:end -->\n\nEnd.\n",
        encoding="utf-8",
    )

    assert readme_help.main(["--check", "--readme", str(stale)]) == 1
    assert "run python scripts/readme_help.py" in capsys.readouterr().err
    assert readme_help.main(["--readme", str(stale)]) == 0
    assert readme_help.main(["--check", "--readme", str(stale)]) == 0
    rewritten = stale.read_text(encoding="utf-8")
    assert "[OLD OPTIONS]" not in rewritten
    assert rewritten.startswith("# A project\n\n<!-- help:start -->\n")
    assert rewritten.endswith("<!-- help:end -->\n\nEnd.\n")
    assert live_help(("ingest",)).rstrip() in rewritten


def test_readme_help_refuses_a_readme_without_markers(tmp_path: Path) -> None:
    readme_help = load_readme_help()
    bare = tmp_path / "README.md"
    bare.write_text("# A project\n", encoding="utf-8")

    assert readme_help.main(["--readme", str(bare)]) == 2
    assert bare.read_text(encoding="utf-8") == "# A project\n"

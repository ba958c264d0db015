"""The limits on hostile input are settings: documented, read from the environment, checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_support import run

from store.errors import ArchiveError
from store.limits import (
    DEFAULT_MAX_DECOMPRESSED_BYTES,
    DEFAULT_MAX_HTML_BYTES,
    DEFAULT_MAX_QUOTATIONS,
    Limits,
    limits_from_environment,
)

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ("QUOTEBOT_MAX_QUOTATIONS", "QUOTEBOT_MAX_DECOMPRESSED_MB", "QUOTEBOT_MAX_HTML_MB")


@pytest.mark.parametrize("name", SETTINGS)
def test_every_limit_is_documented_in_env_example_and_the_readme(name: str) -> None:
    assert re.search(rf"^{name}=$", (ROOT / ".env.example").read_text(), re.M)
    assert f"| `{name}` |" in (ROOT / "README.md").read_text()


def test_unset_limits_are_the_defaults() -> None:
    assert limits_from_environment({}) == Limits(
        DEFAULT_MAX_QUOTATIONS, DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_HTML_BYTES
    )


def test_sizes_are_set_in_megabytes_decimals_allowed() -> None:
    environ = {
        "QUOTEBOT_MAX_QUOTATIONS": "250",
        "QUOTEBOT_MAX_DECOMPRESSED_MB": "12000",
        "QUOTEBOT_MAX_HTML_MB": "0.5",
    }
    assert limits_from_environment(environ) == Limits(250, 12_000_000_000, 500_000)


@pytest.mark.parametrize(
    ("name", "value", "kind"),
    [
        ("QUOTEBOT_MAX_QUOTATIONS", "many", "a whole number"),
        ("QUOTEBOT_MAX_QUOTATIONS", "2.5", "a whole number"),
        ("QUOTEBOT_MAX_DECOMPRESSED_MB", "-1", "a number of megabytes"),
        ("QUOTEBOT_MAX_HTML_MB", "inf", "a number of megabytes"),
        ("QUOTEBOT_MAX_HTML_MB", "0", "a number of megabytes"),
    ],
)
def test_a_malformed_limit_is_an_error_naming_it(name: str, value: str, kind: str) -> None:
    with pytest.raises(ArchiveError) as raised:
        limits_from_environment({name: value})
    assert str(raised.value) == f"{name} must be {kind} above 0, not {value!r}"


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_a_malformed_limit_stops_the_command_with_one_line(tmp_path: Path, command: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text('Harbour news\n\n"We will reopen," said Harriet Vale.\n', encoding="utf-8")
    archive = f"sqlite:///{tmp_path / 'archive.sqlite3'}"

    result = run(
        "--db", archive, command, path, cwd=tmp_path, env={"QUOTEBOT_MAX_QUOTATIONS": "many"}
    )

    assert result.code == 1
    assert result.stderr_lines() == [
        "quotebot: QUOTEBOT_MAX_QUOTATIONS must be a whole number above 0, not 'many'"
    ]

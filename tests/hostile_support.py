"""The real `quotebot` command run on hostile inputs, with limits set in its environment.

Hostile inputs are small on disk (a gzip of a few kilobytes) and large once read; the tests
that feed them run the command in its own process, as a nightly job or a bot would, so that
what is checked is what a user sees: the exit code, stdout and stderr.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

QUOTEBOT = Path(sys.executable).with_name("quotebot")
TIMEOUT_S = 120
#: A one-word quotation with its cue: 2 MB of it is 142,857 quotations.
ONE_WORD_QUOTATION = "“a” said Bob. "


@dataclass(frozen=True)
class Ran:
    """How a quotebot process ended, and what it printed."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    def json_lines(self) -> list[Any]:
        return [json.loads(line) for line in self.stdout.splitlines()]

    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()


def run(
    *args: str | Path,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    stdin: bytes | None = None,
) -> Ran:
    """`quotebot ARGS...` in its own process, with `env` added to the environment.

    stdout must be UTF-8 (a test fails on anything else); stderr is decoded leniently.
    """
    done = subprocess.run(
        [str(QUOTEBOT), *map(str, args)],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        input=stdin,
        capture_output=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    stderr = done.stderr.decode("utf-8", "backslashreplace")
    return Ran(done.returncode, done.stdout.decode("utf-8"), stderr)


def ingest(
    archive_url: str, *sources: str | Path, cwd: Path, env: Mapping[str, str] | None = None
) -> Ran:
    """`quotebot --db URL ingest SOURCES... --json` in its own process."""
    return run("--db", archive_url, "ingest", *sources, "--json", cwd=cwd, env=env)


def ordinary_story(folder: Path) -> Path:
    """A short ordinary article, to show that the batch goes on after a hostile source."""
    path = folder / "story.txt"
    path.write_text("Harbour news\n\nThe harbour reopened, the port said.\n", encoding="utf-8")
    return path


def stored_articles(archive_url: str) -> int:
    from store.archive import Archive

    with Archive.open(archive_url) as archive:
        return archive.stats().articles


def one_word_quotations(count: int) -> str:
    """An article of a headline and `count` one-word quotations in one paragraph."""
    return "A hostile article\n\n" + ONE_WORD_QUOTATION * count


def write_gzip(path: Path, text: str) -> Path:
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    return path

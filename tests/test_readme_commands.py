"""The README's example commands print what the README shows, on the project's own samples.

A README block whose output is checked here is marked with an HTML comment just above it (it
does not show when the README is rendered), in one of two forms:

    <!-- readme-test: ARCHIVE -->              a ```console block of `$ quotebot …` lines, each
                                               followed by what it prints
    <!-- readme-test: ARCHIVE: COMMAND -->     any block: what COMMAND prints

ARCHIVE is `samples archive` (the archive `make demo` builds: the files of samples/ ingested
into a new SQLite file), `empty archive` (a new SQLite file for this command alone) or `no
archive` (a command that needs none). In a hidden COMMAND, `$SAMPLES` stands for the files of
samples/ as `make demo` lists them, and `; at /key/0` picks part of a JSON document. Unmarked
blocks are not tested, so sections may be added freely.

What is compared: a JSON block as JSON (an object's keys exactly; in a string, `…` stands for
any text; a list ending in `…` for a list that starts with the items shown); any other block
line by line, where `…` on a line of its own ends the comparison and elsewhere stands for any
text. Commands run in-process (CliRunner), from the repository's root, against one samples
archive per module.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from bot.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
ELLIPSIS = "…"
#: The files `make demo` ingests (the Makefile's SAMPLES): samples/ without its README.md.
SAMPLES = sorted(
    str(path.relative_to(ROOT))
    for path in (ROOT / "samples").iterdir()
    if path.is_file() and path.name != "README.md"
)
ARCHIVES = ("samples archive", "empty archive", "no archive")
#: How the samples archive is made: as `make demo` makes it.
SAMPLES_INGEST = "quotebot ingest $SAMPLES"

_MARKED_BLOCK = re.compile(
    r"^<!-- readme-test: (?P<marker>.*?) -->\n```(?P<lang>[\w-]*)\n(?P<body>.*?)^```",
    re.S | re.M,
)


@dataclass(frozen=True)
class Example:
    """One command of the README and what the README says it prints."""

    line: int
    archive: str
    command: str
    shown: str
    json: bool
    #: A JSON pointer into the printed document (`/quotes/10`), or "" for the whole of it.
    at: str = ""

    def __str__(self) -> str:
        return f"README.md:{self.line}: {self.command}"


def readme_examples(text: str) -> list[Example]:
    """Every marked example of the README, in reading order."""
    examples = []
    for block in _MARKED_BLOCK.finditer(text):
        line = text.count("\n", 0, block.start()) + 1
        archive, _, command = block["marker"].partition(": ")
        assert archive in ARCHIVES, f"README.md:{line}: unknown archive {archive!r}"
        body, is_json = block["body"], block["lang"] == "json"
        if command:
            command, _, at = command.partition("; at ")
            examples.append(Example(line, archive, command, body, is_json, at))
            continue
        assert block["lang"] == "console", f"README.md:{line}: a bare marker needs ```console"
        for number, chunk in enumerate(re.split(r"^\$ ", body, flags=re.M)[1:]):
            command, _, shown = chunk.partition("\n")
            examples.append(Example(line + 1 + number, archive, command, shown, False))
    return examples


EXAMPLES = readme_examples(README.read_text(encoding="utf-8"))


def _arguments(command: str) -> list[str]:
    words = shlex.split(command)
    assert words[0] == "quotebot", f"not a quotebot command: {command}"
    expanded: list[str] = []
    for word in words[1:]:
        expanded.extend(SAMPLES if word == "$SAMPLES" else [word])
    return expanded


class Archives:
    """The archives the examples run on; each command is run once, then remembered."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.results: dict[tuple[str, str], Result] = {}

    def run(self, archive: str, command: str) -> Result:
        key = (archive, command)
        if key not in self.results:
            self.results[key] = self._run(archive, command)
        return self.results[key]

    def _run(self, archive: str, command: str) -> Result:
        options: list[str] = []
        if archive == "samples archive":
            self.run("empty archive", SAMPLES_INGEST)
            options = ["--db", self._url("samples")]
        elif archive == "empty archive":
            name = "samples" if command == SAMPLES_INGEST else f"empty-{len(self.results)}"
            options = ["--db", self._url(name)]
        return CliRunner().invoke(cli, [*options, *_arguments(command)], prog_name="quotebot")

    def _url(self, name: str) -> str:
        return f"sqlite:///{self.folder / name}.sqlite3"


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archives]:
    folder = tmp_path_factory.mktemp("readme")
    yield Archives(folder)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def from_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's paths (samples/…) are relative to the root of a clone."""
    monkeypatch.chdir(ROOT)


# -- comparing ---------------------------------------------------------------------------------


def _pattern(shown: str) -> re.Pattern[str]:
    """A shown string where `…` stands for any text."""
    return re.compile(".*".join(re.escape(part) for part in shown.split(ELLIPSIS)), re.S)


def _shown_json(text: str) -> Any:
    """The README's JSON, where `, …]` ends a list whose further items are left out."""
    return json.loads(re.sub(r",\s*…\s*\]", ', "…"]', text))


def json_differences(shown: Any, printed: Any, where: str = "") -> list[str]:
    """How `printed` differs from what the README shows, one line per difference."""
    if isinstance(shown, dict) and isinstance(printed, dict):
        problems = [f"{where}/{key}: not printed" for key in shown.keys() - printed.keys()]
        problems += [f"{where}/{key}: printed, not shown" for key in printed.keys() - shown.keys()]
        for key in shown.keys() & printed.keys():
            problems += json_differences(shown[key], printed[key], f"{where}/{key}")
        return problems
    if isinstance(shown, list) and isinstance(printed, list):
        if shown and shown[-1] == ELLIPSIS:
            shown = shown[:-1]
            printed = printed[: len(shown)]
        if len(shown) != len(printed):
            return [f"{where}: {len(printed)} items printed, {len(shown)} shown"]
        return [
            problem
            for number, (one, other) in enumerate(zip(shown, printed, strict=True))
            for problem in json_differences(one, other, f"{where}/{number}")
        ]
    if isinstance(shown, str) and isinstance(printed, str) and ELLIPSIS in shown:
        if _pattern(shown).fullmatch(printed):
            return []
    elif shown == printed and type(shown) is type(printed):
        return []
    return [f"{where}: printed {printed!r}, shown {shown!r}"]


def _pick(document: Any, pointer: str) -> Any:
    for key in filter(None, pointer.split("/")):
        document = document[int(key)] if isinstance(document, list) else document[key]
    return document


def text_differences(shown: str, printed: str) -> list[str]:
    shown_lines = shown.rstrip("\n").split("\n")
    printed_lines = [line.rstrip() for line in printed.rstrip("\n").split("\n")]
    if shown_lines[-1] == ELLIPSIS:
        shown_lines = shown_lines[:-1]
        printed_lines = printed_lines[: len(shown_lines)]
    problems = [
        f"line {number}: printed {line!r}, shown {expected!r}"
        for number, (expected, line) in enumerate(zip(shown_lines, printed_lines, strict=False), 1)
        if not _pattern(expected.rstrip()).fullmatch(line)
    ]
    if len(shown_lines) != len(printed_lines):
        problems.append(f"{len(printed_lines)} lines printed, {len(shown_lines)} shown")
    return problems


# -- the tests ---------------------------------------------------------------------------------


def test_the_readme_marks_the_examples_it_shows_with_their_output() -> None:
    commands = {example.command for example in EXAMPLES}

    assert {"quotebot db current", "quotebot stats --json", SAMPLES_INGEST} <= commands
    assert any(c.startswith("quotebot check") and c.endswith("--json") for c in commands)
    assert any(c.startswith("quotebot ingest --json") for c in commands)


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_readme_example_prints_what_the_readme_shows(archives: Archives, example: Example) -> None:
    result = archives.run(example.archive, example.command)

    assert result.exit_code == 0, f"{example}\n{result.output}"
    if example.json:
        printed = _pick(json.loads(result.stdout), example.at)
        problems = json_differences(_shown_json(example.shown), printed)
    else:
        problems = text_differences(example.shown, result.output)
    assert not problems, f"{example} prints something else:\n" + "\n".join(problems)


def test_a_drifted_example_is_caught() -> None:
    """The comparison can fail: the README's old text against what is printed today."""
    shown = _shown_json('{"articles": 8, "quotes": 70, "errors": [], "warnings": []}')
    printed = {"articles": 8, "quotes": 114, "errors": [], "kind": "paraphrase"}

    assert sorted(json_differences(shown, printed)) == [
        "/kind: printed, not shown",
        "/quotes: printed 114, shown 70",
        "/warnings: not printed",
    ]
    assert text_differences("0001 (current)\n", "0007 (current)\n") == [
        "line 1: printed '0007 (current)', shown '0001 (current)'"
    ]
    assert text_differences("Headline\n  first\n", "Headline\n  first\n  second\n")
    assert not text_differences("Headline\n  first\n…\n", "Headline\n  first\n  second\n")
    ellipses = _shown_json('{"a": [1, …], "b": "x … z"}')
    assert not json_differences(ellipses, {"a": [1, 2], "b": "x y z"})
    assert json_differences(ellipses, {"a": [2, 1], "b": "x y z"})
    assert json_differences(ellipses, {"a": [1, 2], "b": "x y"})


# -- what the README says of the check document --------------------------------------------------

#: Pastes that together draw every part of a check document from the samples archive, beside
#: demo/queries.txt: two quoted stretches (`others`), the writer's own sentence (`paraphrase`),
#: words near a quotation but not it (`closest`) and a paste of no words (`problem`, exit 1).
MORE_PASTES = [
    '"Nobody on this council likes the weather," Vos said.',
    '"The money was there," Lindqvist said. "Somebody chose not to pick up the phone," he added.',
    '"Under the plan approved on Tuesday, a mobile library will stop in the car park on Tuesdays'
    ' and Saturdays," Petra Vos said.',
    '"...!!!"',
]
#: The check document's fields whose values are a closed list the README gives.
LISTED_VALUES = ("verdict", "attribution", "kind", "speaker_found_by", "op")


def _demo_pastes() -> list[str]:
    lines = (ROOT / "demo" / "queries.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _check_json_section() -> str:
    """The README's description of `quotebot check --json`, up to the next section."""
    text = README.read_text(encoding="utf-8")
    start = text.index("`quotebot check --json` prints")
    return text[start : text.index("\n## ", start)]


def _fields(document: Any, found: dict[str, set[str]]) -> dict[str, set[str]]:
    """Every key of `document`, at any depth, with the string values seen under it."""
    if isinstance(document, dict):
        for key, value in document.items():
            values = found.setdefault(key, set())
            if isinstance(value, str):
                values.add(value)
            _fields(value, found)
    elif isinstance(document, list):
        for item in document:
            _fields(item, found)
    return found


def _documented(name: str, section: str) -> bool:
    return f"`{name}`" in section or f'"{name}"' in section


def test_the_readme_lists_every_field_and_value_of_a_check_document(archives: Archives) -> None:
    found: dict[str, set[str]] = {}
    for paste in [*_demo_pastes(), *MORE_PASTES]:
        result = archives.run("samples archive", f"quotebot check {shlex.quote(paste)} --json")
        assert result.stdout, result.output
        _fields(json.loads(result.stdout), found)
    section = _check_json_section()

    assert {"others", "closest", "problem", "piece"} <= found.keys()  # the pastes draw them all
    assert "paraphrase" in found["kind"]
    assert [key for key in sorted(found) if not _documented(key, section)] == []
    assert [
        f"{key}: {value}"
        for key in LISTED_VALUES
        for value in sorted(found[key])
        if value and not _documented(value, section)
    ] == []


def test_the_slack_paste_the_readme_suggests_is_verified_after_make_demo(
    archives: Archives,
) -> None:
    text = README.read_text(encoding="utf-8")
    suggested = re.search(r"`/quote (\"[^`]+)`\s+\(after `make demo`", text)
    assert suggested, "README.md: the Slack 'Try it' step no longer suggests a /quote paste"

    result = archives.run("samples archive", f"quotebot check {shlex.quote(suggested[1])} --json")

    answer = json.loads(result.stdout)
    assert (answer["verdict"], answer["attribution"]) == ("verified", "matches"), answer

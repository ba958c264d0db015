"""Batches of small invented newswire stories, and the real `quotebot` run in its own process.

The ingest process tests need many articles that differ from one another (each is its own
article to the archive's duplicate check) yet share speakers and outlets (so that concurrent
writers race to create the same rows). `story(number)` writes story `number` of an endless,
deterministic wire: council, harbour and school news from invented towns, each with direct
quotations, a quotation split by its attribution, a colon introduction and reported speech.
Every person, town and outlet is made up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.ingest import quotations_of
from store.quotation import Quotation
from store.readers import ReadFailure, read_sources

#: The console script installed next to the interpreter running the tests.
QUOTEBOT = Path(sys.executable).with_name("quotebot")
#: Longest a single quotebot command may take before the test gives up on it.
COMMAND_TIMEOUT_S = 60

_FIRST_NAMES = (
    "Ansel", "Brisa", "Corin", "Dagny", "Emrys", "Fenna", "Galen", "Hollis", "Ilse", "Jory",
    "Kerensa", "Lorcan", "Maren", "Nolwenn", "Oswin", "Perrin", "Quenby", "Rhoswen",
)  # fmt: skip
_SURNAMES = (
    "Marwood", "Quillan", "Tresize", "Abernathy", "Colquhoun", "Danvers", "Elphick", "Fairweather",
    "Grimsditch", "Hartnell", "Inchbald", "Jellicoe", "Kitteridge", "Lavington", "Mottram",
)  # fmt: skip
_ROLES = (
    "the harbour master", "a councillor", "the head teacher", "the ferry company's spokeswoman",
    "the mayor's deputy", "a fisherman", "the chair of the residents' association",
)  # fmt: skip
_TOWNS = (
    "Port Ellery", "Carrow Sound", "Wexmoor", "Brannock Bay", "Selworth", "Tidewick",
    "Hollin Cross",
)  # fmt: skip
_OUTLETS = ("Kestrel Gazette", "Northfold Courier", "Tidewater Post", "Grayhaven Herald")
_TOPICS = (
    ("the sea wall", "repair", "the winter storms"),
    ("the night ferry", "keep running", "the fuel prices"),
    ("the village school", "reopen", "the flooding in the basement"),
    ("the fish market", "move", "the new road"),
    ("the lifeboat station", "expand", "the summer crowds"),
    ("the harbour lights", "replace", "the salt in the wiring"),
)
_NUMBERS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
)  # fmt: skip


@dataclass(frozen=True)
class Story:
    """One invented article: its file name and text, and a quotation it prints word for word."""

    number: int
    file_name: str
    text: str
    #: The opening quotation, as a fact-checker would paste it, and who said it.
    quote: str
    speaker: str


def story(number: int) -> Story:
    """Story `number` of the invented wire; the same number always gives the same story."""
    town = _TOWNS[number % len(_TOWNS)]
    outlet = _OUTLETS[number % len(_OUTLETS)]
    thing, action, cause = _TOPICS[number % len(_TOPICS)]
    first = _person(number)
    second = _person(number * 5 + 3)
    first_role = _ROLES[number % len(_ROLES)]
    second_role = _ROLES[(number + 3) % len(_ROLES)]
    weeks = _NUMBERS[number % len(_NUMBERS)]
    quote = (
        f"We will {action} {thing} within {weeks} weeks, and story {number} of this town "
        f"will not end with {cause}"
    )
    paragraphs = [
        f"{town} council votes to {action} {thing} (report {number})",
        f"{town.upper()} — The council of {town} voted on Tuesday to {action} {thing} after "
        f"{cause} left residents worried, officials said in meeting number {number}.",
        f'"{quote}," said {first}, {first_role}.',
        f"{second}, {second_role}, said the plan would cost {weeks} times what the town had "
        f"set aside for {thing}.",
        f'"Nobody asked the people who live by {thing} in {town}," {_surname(second)} said. '
        f'"We heard about vote {number} from the notice board."',
        f'Asked about the cost, {_surname(first)} said: "Every week we wait for {thing} '
        f'costs {town} more than the work itself."',
        f"Read the original article on {outlet}",
    ]
    text = "\n\n".join(paragraphs) + "\n"
    return Story(number, f"story-{number:04d}.txt", text, quote, first)


def write_stories(folder: Path, numbers: Iterable[int]) -> list[Story]:
    """Write the stories into `folder` (created if needed); returns them in order."""
    folder.mkdir(parents=True, exist_ok=True)
    stories = [story(number) for number in numbers]
    for written in stories:
        (folder / written.file_name).write_text(written.text, encoding="utf-8")
    return stories


def extracted(folder: Path) -> dict[str, list[Quotation]]:
    """What `quotebot extract` prints for each file of `folder`, by file name: the quotations
    extraction finds, read and extracted by the same functions the command calls."""
    found: dict[str, list[Quotation]] = {}
    for item in read_sources([str(folder)]):
        assert not isinstance(item, ReadFailure), item
        found[Path(item.source).name] = quotations_of(item)
    return found


def _person(seed: int) -> str:
    first = _FIRST_NAMES[seed % len(_FIRST_NAMES)]
    return f"{first} {_SURNAMES[(seed * 7 + 1) % len(_SURNAMES)]}"


def _surname(person: str) -> str:
    return person.split()[-1]


# The real command, in its own process.


def quotebot(
    archive_url: str, *args: str, cwd: Path, stdin: int | None = subprocess.DEVNULL
) -> subprocess.Popen[str]:
    """`quotebot --db URL ARGS...` started in its own process, its output captured; pass
    `stdin=subprocess.PIPE` to feed it."""
    return subprocess.Popen(
        [str(QUOTEBOT), "--db", archive_url, *args],
        cwd=cwd,
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@dataclass(frozen=True)
class Finished:
    """How a quotebot process ended."""

    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """The one JSON document the command printed; fails the test if it printed anything else."""
        assert self.code == 0, f"quotebot {' '.join(self.args)} exited {self.code}: {self.stderr}"
        return json.loads(self.stdout)


def finish(process: subprocess.Popen[str]) -> Finished:
    """Wait for the process and collect what it printed."""
    try:
        stdout, stderr = process.communicate(timeout=COMMAND_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
    args = tuple(str(arg) for arg in process.args[3:])  # type: ignore[index]
    return Finished(args, process.returncode, stdout, stderr)


def run_quotebot(archive_url: str, *args: str, cwd: Path) -> Finished:
    """`quotebot --db URL ARGS...` run to the end in its own process."""
    return finish(quotebot(archive_url, *args, cwd=cwd))

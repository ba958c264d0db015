"""Concurrency: two `quotebot ingest` processes and a stream of `check`s at the same time, on
SQLite (WAL, busy timeout) and on PostgreSQL, finish with every article stored exactly once and
no check failing.

Real processes, not threads in one interpreter: two desks run their nightly ingest at once while
fact-checkers keep pasting quotes. A third of the stories are in both desks' folders, and both
folders are walked in the same sorted order, so the two ingests reach each shared story at about
the same moment and race to store it. The checks come two ways: a long-running
`check - --jsonl` answering paste after paste (a few milliseconds each, so dozens land between
the ingests' commits), and `check --json` started afresh again and again, which also opens the
archive (schema check, SQLite's WAL switch) while the writers hold it.
"""

from __future__ import annotations

import itertools
import json
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newswire_support import (
    Finished,
    Story,
    extracted,
    finish,
    quotebot,
    run_quotebot,
    story,
    write_stories,
)

STORIES = 90
#: Every third story is filed by both desks.
SHARED_EVERY = 3
#: Answers the check stream must give while the ingests are storing articles (at least one of
#: them verified: a story already stored).
MIN_ANSWERS_DURING_INGESTS = 5
VERDICTS = {"verified", "wording_differs", "spliced", "not_a_direct_quote", "not_found"}


@dataclass(frozen=True)
class Answer:
    """One answer of the check stream."""

    document: dict[str, object]
    #: An ingest was running when the paste was sent and still when its answer came back.
    during_ingests: bool


def test_two_ingests_and_a_stream_of_checks_at_once_store_every_article_once(
    archive_url: str, tmp_path: Path
) -> None:
    stories = [story(number) for number in range(STORIES)]
    shared = [s for s in stories if s.number % SHARED_EVERY == 0]
    folders = [tmp_path / "desk-a", tmp_path / "desk-b"]
    desks = [
        write_stories(folder, [s.number for s in stories if s.number % SHARED_EVERY in (0, own)])
        for own, folder in enumerate(folders, start=1)
    ]
    quotations = {name: len(found) for f in folders for name, found in extracted(f).items()}
    assert run_quotebot(archive_url, "db", "upgrade", cwd=tmp_path).code == 0

    stream = quotebot(archive_url, "check", "-", "--jsonl", cwd=tmp_path, stdin=subprocess.PIPE)
    # The stream answers once before the ingests start, so that its own start (imports, opening
    # the archive) does not eat the ingests' few seconds on a busy machine.
    assert _ask(stream, stories[0])["verdict"] == "not_found"
    ingests = [quotebot(archive_url, "ingest", str(f), "--json", cwd=tmp_path) for f in folders]
    with ThreadPoolExecutor(1) as pool:
        checking = pool.submit(
            _check_processes_while_running, archive_url, ingests, stories, tmp_path
        )
        answers = _stream_checks_while_running(stream, ingests, stories)
        separate = checking.result()
    reports = [finish(process).json() for process in ingests]

    assert [report["errors"] for report in reports] == [[], []]
    assert {answer.document["verdict"] for answer in answers} <= VERDICTS
    during = [a for a in answers if a.during_ingests]
    seen = sum(a.document["verdict"] == "verified" for a in during)
    counts = f"{len(during)} of {len(answers)} answers during the ingests, {seen} verified"
    assert len(during) >= MIN_ANSWERS_DURING_INGESTS, f"the checks did not overlap: {counts}"
    # And a story stored mid-ingest is already found: the reads see what the writers committed.
    # (How many depends on the machine's load: on a busy two-core machine, as few as three.)
    assert seen >= 1, f"no write was seen: {counts}"
    for check in separate:
        assert check.code == 0, check.stderr
        assert json.loads(check.stdout)["verdict"] in VERDICTS
    assert [report["articles"] + report["duplicates"] for report in reports] == [
        len(desk) for desk in desks
    ]
    assert sum(report["articles"] for report in reports) == STORIES
    assert sum(report["duplicates"] for report in reports) == len(shared)
    assert sum(report["quotes"] for report in reports) == sum(quotations.values())
    stats = run_quotebot(archive_url, "stats", "--json", cwd=tmp_path).json()
    assert (stats["articles"], stats["quotations"]) == (STORIES, sum(quotations.values()))
    _assert_each_quote_found_once_with_its_speaker(archive_url, stories, tmp_path)


def _stream_checks_while_running(
    stream: subprocess.Popen[str],
    ingests: Sequence[subprocess.Popen[str]],
    stories: Sequence[Story],
) -> list[Answer]:
    """Paste after paste into `check - --jsonl`, each answer awaited, until the ingests end."""
    assert stream.stdin is not None and stream.stdout is not None
    answers: list[Answer] = []
    for printed in itertools.cycle(stories):
        if not _any_running(ingests):
            break
        sent_during = _any_running(ingests)
        answer = _ask(stream, printed)
        answers.append(Answer(answer, sent_during and _any_running(ingests)))
    ended = finish(stream)  # closes its standard input: the end of the pastes
    assert (ended.code, ended.stdout, ended.stderr) == (0, "", "")
    return answers


def _ask(stream: subprocess.Popen[str], printed: Story) -> dict[str, object]:
    """One paste into `check - --jsonl`, and its answer."""
    assert stream.stdin is not None and stream.stdout is not None
    stream.stdin.write(json.dumps({"id": printed.number, "text": _paste(printed)}) + "\n")
    stream.stdin.flush()
    line = stream.stdout.readline()
    assert line, f"the check stream ended early: {finish(stream).stderr}"
    return json.loads(line)


def _check_processes_while_running(
    archive_url: str,
    ingests: Sequence[subprocess.Popen[str]],
    stories: Sequence[Story],
    cwd: Path,
) -> list[Finished]:
    """`quotebot check --json`, one fresh process after another, while an ingest runs."""
    runs: list[Finished] = []
    for printed in itertools.cycle(reversed(stories)):
        if runs and not _any_running(ingests):
            return runs
        runs.append(run_quotebot(archive_url, "check", _paste(printed), "--json", cwd=cwd))
    raise AssertionError("unreachable: the stories cycle forever")


def _assert_each_quote_found_once_with_its_speaker(
    archive_url: str, stories: Sequence[Story], cwd: Path
) -> None:
    """A fact-checker pasting any story's quote now finds it verified, credited to its speaker
    and printed once: no story was lost or stored twice."""
    pastes = cwd / "pastes.jsonl"
    pastes.write_text(
        "".join(json.dumps({"id": s.number, "text": _paste(s)}) + "\n" for s in stories),
        encoding="utf-8",
    )

    checked = run_quotebot(archive_url, "check", str(pastes), "--jsonl", cwd=cwd)

    assert checked.code == 0, checked.stderr
    answers = [json.loads(line) for line in checked.stdout.splitlines()]
    assert [answer["id"] for answer in answers] == [s.number for s in stories]
    for answer, printed in zip(answers, stories, strict=True):
        best = answer["matches"][0]
        assert (answer["verdict"], answer["attribution"]) == ("verified", "matches"), printed
        assert (best["speaker"], best["occurrences"]) == (printed.speaker, 1), printed


def _paste(printed: Story) -> str:
    return f'"{printed.quote}," {printed.speaker} said.'


def _any_running(processes: Sequence[subprocess.Popen[str]]) -> bool:
    return any(process.poll() is None for process in processes)

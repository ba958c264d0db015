"""Extraction stays linear-ish on any input: no article can stall an ingest.

Articles are untrusted text. Each input here is built to provoke a quadratic
pass: quotation marks that never close, one paragraph of a million characters, quotation marks
alternating with apostrophes, runs of capitalised words, "said said said", random punctuation.
Here each input is 100 kB and must be extracted without raising, with every quotation inside the
text; how long a megabyte of each takes beside an ordinary article of the same size is measured
by `bench/extraction_blowups.py`, which runs these same cases at 1 MB (speed is a benchmark's
business, never a test's). A child stopped at CPU_LIMIT still fails here: a blow-up hangs.

Each input runs in a forked child process with a CPU-time and a memory limit, so a blow-up is
stopped at the bound instead of stalling the test run, and all inputs run at once (CPU time,
unlike wall time, does not grow when they share the processors).
"""

from __future__ import annotations

import math
import multiprocessing
import multiprocessing.connection
import os
import random
import resource
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection

import pytest

from store.article import Article
from store.extract import extract_quotations

#: CPU seconds after which an input's child is stopped. A linear pass over a megabyte takes a
#: second or two; a quadratic one takes minutes. (Every input runs at once, so when all of them
#: blow up the run still ends in about CPU_LIMIT * len(CASES) / 2 seconds on a two-core machine.)
CPU_LIMIT = 20
#: What an input may take beside the ordinary article of the same size, or at least
#: FLOOR_SECONDS: relative to a measurement of the same run, so a machine busy with other work
#: (which slows every child alike) does not fail the test, while a blow-up still does.
TIMES_ORDINARY = 4
FLOOR_SECONDS = 6.0
#: Address space a child may add, so that a memory blow-up is a MemoryError, not a frozen host.
MEMORY_LIMIT = 1536 * 1024**2
#: A child that neither finishes nor uses CPU (it cannot happen, but must not hang the run).
WALL_LIMIT = 120.0
#: Characters per input: 100 kB here, QUOTEBOT_BLOWUP_BYTES (1 MB) in the benchmark.
SIZE = int(os.environ.get("QUOTEBOT_BLOWUP_BYTES", "100000"))

ORDINARY_STORY = """\
BRACKWATER, May 6 (Lantern News Service) - The Mill Lane bridge will stay closed until the \
spring, the county said on Monday, after divers found cracks in two of its piers.

"The bridge is not safe for anyone to cross," {first} {last}, the county engineer, said \
outside the town hall. "We will know more on Friday."

Mayor Lorna Pike said the town would appeal the ruling. "We were never shown the report," she \
told the Tidewater Herald.

{last} said the repairs would cost about $2 million. "Nobody read it," he added, according to \
Radio Kestrel.

A sign on the barrier read "BRIDGE CLOSED. USE FERRY." Passing drivers sounded their horns, \
and the growers' co-operative, founded in the '70s, called the closure "a disaster."

"""
FIRST_NAMES = ("Tobias", "Helen", "Peter", "Agnes", "Daniel", "Clara")
SYLLABLES = ("wren", "mar", "osk", "tel", "bra", "quin", "dor", "hal", "vek", "lun")


def _repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _surnames() -> Iterator[str]:
    """Made-up surnames, a different one each time, so that the article names many people."""
    for number in range(10**6):
        digits = f"{number:04d}"
        yield "".join(SYLLABLES[int(d)] for d in digits).capitalize()


def ordinary_article() -> str:
    stories: list[str] = []
    length = 0
    for index, last in enumerate(_surnames()):
        story = ORDINARY_STORY.format(first=FIRST_NAMES[index % len(FIRST_NAMES)], last=last)
        stories.append(story)
        length += len(story)
        if length >= SIZE:
            return "".join(stories)
    raise AssertionError("unreachable")


def unclosed_openings() -> str:
    """Thousands of opening marks, none closed: at each paragraph's start, and inside one."""
    return _repeat('"The river rose again overnight and nobody came\n\n', SIZE // 2) + _repeat(
        "“Nobody said a word, ‘not one ", SIZE // 2
    )


def million_character_paragraph() -> str:
    sentence = (
        '"The bridge is not safe," said Tobias Wren, the county engineer. Mayor Lorna Pike said '
        'the town would appeal. "We were never shown the report," she told the Tidewater '
        "Herald. "
    )
    return _repeat(sentence)


def marks_and_apostrophes() -> str:
    alternating = _repeat("\"'", SIZE // 2)
    mixed = _repeat(
        "\"It's the dockers' '90s,\" 'said' “Pike’s” ‘ok’ « rock ’n’ roll » ’80s ' \" ' ” "
        "‘ “ « ' \"\n\n",
        SIZE // 2,
    )
    return alternating + mixed


def capitalised_words() -> str:
    words = (
        "Harbour Council Mayor Lorna Pike The Board Radio Kestrel Herald Union Minister Tobias "
        "Wren Mr. Per According Told Said Lantern News Service Of And"
    ).split()
    rng = random.Random(50_000)
    runs = [" ".join(rng.choice(words) for _ in range(SIZE // 20)) for _ in range(3)]
    return "\n\n".join(f'{run} said: "We will reopen the bridge."' for run in runs)


def said_said_said() -> str:
    after_a_quote = '"We will reopen the bridge," ' + _repeat("said ", SIZE // 2)
    around_quotes = _repeat('"said," said said, said "said" said: ', SIZE // 2)
    return after_a_quote + "\n\n" + around_quotes


def random_punctuation() -> str:
    """Every mark extraction looks at, in random order, with a few words and paragraph breaks."""
    rng = random.Random(1)
    pieces = [*"\"'“”‘’«»,.:;!?-—()", "\n\n", " ", " ", "said", "Pike", "it's", "the", "Wren"]
    text = "".join(rng.choice(pieces) for _ in range(SIZE // 2))
    return _repeat(text)


CASES: dict[str, Callable[[], str]] = {
    "ordinary-article": ordinary_article,
    "unclosed-openings": unclosed_openings,
    "million-character-paragraph": million_character_paragraph,
    "marks-and-apostrophes": marks_and_apostrophes,
    "capitalised-words": capitalised_words,
    "said-said-said": said_said_said,
    "random-punctuation": random_punctuation,
}


@dataclass(frozen=True)
class Outcome:
    """What one input's extraction did, as its child process reported it."""

    cpu_seconds: float | None = None
    error: str | None = None
    quotations: int = 0
    #: Quotations whose start and end do not index the article text.
    bad_spans: int = 0
    #: Quotations that run over a paragraph break.
    across_paragraphs: int = 0


def _limit_child() -> None:
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = math.ceil(used.ru_utime + used.ru_stime + CPU_LIMIT)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    with open("/proc/self/statm") as statm:
        mapped = int(statm.read().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (mapped + MEMORY_LIMIT, mapped + MEMORY_LIMIT))


def _measure(case: str, report: Connection) -> None:
    """In the child: build the input, extract, and send back a small summary."""
    text = CASES[case]()
    _limit_child()
    started = time.process_time()
    try:
        quotes = extract_quotations(Article(text=text, outlet="Lantern News Service"))
    except BaseException:
        report.send(Outcome(error=traceback.format_exc()[-3000:]))
        return
    cpu = time.process_time() - started
    bad = sum(not (0 <= q.start <= q.end <= len(text)) for q in quotes)
    across = sum("\n\n" in text[q.start : q.end] for q in quotes)
    report.send(Outcome(cpu, None, len(quotes), bad, across))


def _outcome_of(process: multiprocessing.process.BaseProcess, received: Outcome | None) -> Outcome:
    if received is not None:
        return received
    if process.exitcode == -signal.SIGXCPU:
        return Outcome(error=f"still running after {CPU_LIMIT} s of CPU time")
    return Outcome(error=f"the extracting process died (exit code {process.exitcode})")


def _received(receiver: Connection) -> Outcome | None:
    """The child's summary if it has sent one; None while it works or once it has died."""
    try:
        return receiver.recv() if receiver.poll() else None
    except EOFError:
        return None


def run_cases(cases: list[str]) -> dict[str, Outcome]:
    """Each case's outcome, all cases running at once."""
    context = multiprocessing.get_context("fork")
    started = time.monotonic()
    running: dict[str, tuple[multiprocessing.process.BaseProcess, Connection]] = {}
    for case in cases:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_measure, args=(case, sender), daemon=True)
        process.start()
        sender.close()
        running[case] = (process, receiver)
    outcomes: dict[str, Outcome] = {}
    while running:
        waitables = [p.sentinel for p, _ in running.values()] + [r for _, r in running.values()]
        multiprocessing.connection.wait(waitables, timeout=1.0)
        for case, (process, receiver) in list(running.items()):
            received = _received(receiver)
            if received is None and process.is_alive():
                if time.monotonic() - started < WALL_LIMIT:
                    continue
                process.kill()
            process.join()
            outcomes[case] = _outcome_of(process, received)
            del running[case]
    return outcomes


@pytest.fixture(scope="module")
def outcomes(request: pytest.FixtureRequest) -> dict[str, Outcome]:
    """The outcome of every case this run selected, measured together."""
    module = sys.modules[__name__]
    selected: list[str] = []
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        if getattr(item, "module", None) is module and callspec and "case" in callspec.params:
            selected.append(callspec.params["case"])
    return run_cases(list(dict.fromkeys(selected)))


def _scale(outcomes: dict[str, Outcome]) -> str:
    ordinary = outcomes.get("ordinary-article")
    if ordinary is None or ordinary.cpu_seconds is None:
        return ""
    return f" (an ordinary article of the same size took {ordinary.cpu_seconds:.2f} s)"


def bound(outcomes: dict[str, Outcome]) -> float:
    """CPU seconds an input may take in this run."""
    ordinary = outcomes.get("ordinary-article")
    if ordinary is None or ordinary.cpu_seconds is None:
        return FLOOR_SECONDS
    return max(FLOOR_SECONDS, TIMES_ORDINARY * ordinary.cpu_seconds)


@pytest.mark.parametrize("case", CASES)
def test_hostile_input_is_extracted_without_raising(
    case: str, outcomes: dict[str, Outcome]
) -> None:
    outcome = outcomes[case]

    assert outcome.error is None, f"{case}: {outcome.error}{_scale(outcomes)}"
    assert outcome.cpu_seconds is not None
    assert outcome.bad_spans == 0, f"{outcome.bad_spans} quotations outside the article text"


@pytest.mark.parametrize("case", ["unclosed-openings"])
def test_marks_that_never_close_quote_nothing_across_paragraphs(
    case: str, outcomes: dict[str, Outcome]
) -> None:
    outcome = outcomes[case]

    assert outcome.error is None, f"{case}: {outcome.error}"
    assert outcome.across_paragraphs == 0, (
        f"{outcome.across_paragraphs} of {outcome.quotations} quotations run over a paragraph "
        "break although no mark ever closes"
    )

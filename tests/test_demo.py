"""`make demo`: each paste of demo/queries.txt draws the verdict its heading promises.

The demo is how a newcomer first sees quotebot work, so a verdict that drifts (a splice read as
not found) is a broken first impression. The archive is the project's own samples/, ingested
with `quotebot ingest` as the demo does, on SQLite.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from check_support import run

ROOT = Path(__file__).resolve().parent.parent
#: The heading's first words, and the verdict and attribution they promise.
PROMISES = {
    "verified excerpt": ("verified", None),
    "verified": ("verified", "matches"),
    "wording differs": ("wording_differs", None),
    "spliced": ("spliced", None),
    "not a direct quote": ("not_a_direct_quote", None),
    "not found": ("not_found", None),
    "wrong speaker": ("verified", "differs"),
    "ruled fabricated": ("not_found", None),
}
#: The heading of the paste the desk's ruling answers first.
RULED = "ruled fabricated"


def _demo_pastes() -> list[tuple[str, str]]:
    """(heading, paste) for each paste of demo/queries.txt."""
    pairs = []
    heading = ""
    for line in (ROOT / "demo" / "queries.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") and ":" in line:
            heading = line[2:]
        elif line.strip() and not line.startswith("#"):
            pairs.append((heading, line))
    return pairs


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"
    result = run("--db", url, "ingest", str(ROOT / "samples"), "--json")
    assert result.exit_code == 0, result.stderr
    ruled = run("--db", url, *_demo_ruling(), input=(ROOT / "demo" / "ruling.txt").read_bytes())
    assert ruled.exit_code == 0, ruled.stderr
    return url


def _demo_ruling() -> list[str]:
    """The arguments of the `quotebot rule` the Makefile's demo runs (its paste on stdin)."""
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        if " rule - " in line:
            command = line.split("$(DEMO_DB)", 1)[1].split("<", 1)[0]
            return shlex.split(command)
    raise AssertionError("the Makefile's demo records no ruling")


@pytest.mark.parametrize(("heading", "paste"), _demo_pastes(), ids=lambda value: value[:30])
def test_demo_paste_draws_the_verdict_its_heading_promises(
    demo_archive: str, heading: str, paste: str
) -> None:
    label = heading.split(":")[0]
    verdict, attribution = PROMISES[label]

    result = run("--db", demo_archive, "check", paste, "--json")

    assert result.exit_code == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["verdict"] == verdict, answer
    if attribution is not None:
        assert answer["attribution"] == attribution, answer
    assert ("ruling" in answer) == (label == RULED), answer


def test_the_demo_ruling_leads_the_card_of_its_paste(demo_archive: str) -> None:
    [paste] = [paste for heading, paste in _demo_pastes() if heading.startswith(RULED)]
    card = run("--db", demo_archive, "check", paste).stdout.splitlines()
    assert card[0].startswith("⚑ Ruled fabricated by the demo desk on ")
    assert card[2].startswith("✘ Not found")

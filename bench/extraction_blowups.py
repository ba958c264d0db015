"""Extraction stays linear on hostile text: a megabyte of each provoking input, its CPU time
beside an ordinary article of the same size, in the same run.

Usage:
    python bench/extraction_blowups.py [--bytes 1000000]

The inputs are those of tests/test_extract_hostile_text.py (quotation marks that never close,
a million-character paragraph, marks alternating with apostrophes, runs of capitalised words,
"said said said", random punctuation), which the tests run at 100 kB for behaviour only. Here
each runs at `--bytes` in a child process with a CPU and a memory limit, all at once, and the
table says whether each stayed within max(6 s, 4 x the ordinary article): a quadratic pass
takes minutes on a megabyte. Exit status 1 when one did not.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bytes", type=int, default=1_000_000, help="characters per input")
    options = parser.parse_args()
    os.environ["QUOTEBOT_BLOWUP_BYTES"] = str(options.bytes)
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    import test_extract_hostile_text as cases  # the cases, at this size

    outcomes = cases.run_cases(list(cases.CASES))
    limit = cases.bound(outcomes)
    ordinary = outcomes["ordinary-article"].cpu_seconds
    print(f"{options.bytes:,} characters an input; bound {limit:.1f} s of CPU")
    print(f"{'input':<30} {'CPU s':>8} {'x ordinary':>11} {'quotations':>11}  within bound")
    failed = False
    for case, outcome in outcomes.items():
        if outcome.cpu_seconds is None:
            failed = True
            print(f"{case:<30} {'-':>8} {'-':>11} {'-':>11}  no: {outcome.error}")
            continue
        ratio = f"{outcome.cpu_seconds / ordinary:.1f}" if ordinary else "-"
        within = outcome.cpu_seconds < limit and outcome.error is None
        failed |= not within
        print(
            f"{case:<30} {outcome.cpu_seconds:>8.2f} {ratio:>11} {outcome.quotations:>11,}  "
            f"{'yes' if within else 'NO'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

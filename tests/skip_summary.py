"""Skipped tests said once per reason (a pytest plugin, loaded by conftest.py).

Without QUOTEBOT_TEST_POSTGRES_URL every PostgreSQL case is skipped, and pytest's `-rs` names
each one on a line of its own: a hundred lines that all say the same thing and push the
failures, the lines that matter, off the screen. pyproject.toml asks pytest for the failures
and errors only (`-rfExX`), and this plugin adds one line per reason at the end of the run:

    216 skipped: QUOTEBOT_TEST_POSTGRES_URL is not set
"""

from __future__ import annotations

from collections import Counter

import pytest
from _pytest.terminal import TerminalReporter


def skip_reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    """Why a test was skipped, as `pytest.skip()` or a skip mark gave it."""
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        reason = str(longrepr[2])
    else:
        reason = str(longrepr)
    return reason.removeprefix("Skipped: ")


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    if "s" in terminalreporter.reportchars:
        return  # -rs (or -ra) asked for every skipped test: pytest lists them itself
    reasons = Counter(
        skip_reason(report)
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report, pytest.TestReport | pytest.CollectReport)
    )
    for reason, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0])):
        terminalreporter.write_line(f"{count} skipped: {reason}")

"""`make test` without PostgreSQL: the skipped cases are said once, the failures in full.

Runs pytest on a small invented suite with the plugin tests/skip_summary.py, as conftest.py
loads it, and the report options of pyproject.toml.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
SUITE = """
import pytest

@pytest.fixture(params=["sqlite", "postgresql"])
def database(request):
    if request.param == "postgresql":
        pytest.skip("QUOTEBOT_TEST_POSTGRES_URL is not set")
    return request.param

@pytest.mark.parametrize("number", range(5))
def test_each(database, number):
    assert database == "sqlite"

def test_other_reason():
    pytest.skip("needs Linux /proc")

def test_broken():
    assert 1 + 1 == 3, "arithmetic is off"
"""


def report_options() -> list[str]:
    """The `addopts` of pyproject.toml: what `make test` asks pytest to report."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["tool"]["pytest"]["ini_options"]["addopts"].split()


def test_skipped_tests_are_said_once_per_reason_and_failures_in_full(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(test_suite=SUITE)

    result = pytester.runpytest("-p", "skip_summary", "-q", *report_options())

    lines = result.outlines
    assert lines.count("5 skipped: QUOTEBOT_TEST_POSTGRES_URL is not set") == 1
    assert lines.count("1 skipped: needs Linux /proc") == 1
    assert not [line for line in lines if line.startswith("SKIPPED")]
    assert "FAILED test_suite.py::test_broken - AssertionError: arithmetic is off" in lines
    assert any("assert 1 + 1 == 3" in line for line in lines)  # the failure's traceback
    assert lines[-1].startswith("1 failed, 5 passed, 6 skipped")


def test_asking_for_skipped_tests_lists_them_as_pytest_does(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_suite=SUITE)

    result = pytester.runpytest("-p", "skip_summary", "-q", "-rs")

    assert [line for line in result.outlines if line.startswith("SKIPPED")]
    assert not [line for line in result.outlines if " skipped: " in line]

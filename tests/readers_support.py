"""Helpers shared by the reader tests: the fixture folder and splitting results by kind."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from store.article import Article
from store.readers import ReadFailure, read_sources

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def fixture(name: str) -> Path:
    """A fixture article written for these tests (invented people and outlets)."""
    return FIXTURES / name


def read_all(*inputs: str | Path, **options: object) -> list[Article | ReadFailure]:
    """Everything `read_sources` yields for `inputs`, in order."""
    return list(read_sources([str(i) for i in inputs], **options))  # type: ignore[arg-type]


def articles(results: Iterable[Article | ReadFailure]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def failures(results: Iterable[Article | ReadFailure]) -> list[ReadFailure]:
    return [r for r in results if isinstance(r, ReadFailure)]


def read_one(*inputs: str | Path, **options: object) -> Article:
    """The single article `inputs` give; fails the test if there is anything else."""
    results = read_all(*inputs, **options)
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


def read_failure(*inputs: str | Path, **options: object) -> ReadFailure:
    """The single failure `inputs` give; fails the test if there is anything else."""
    results = read_all(*inputs, **options)
    assert len(results) == 1 and isinstance(results[0], ReadFailure), results
    return results[0]

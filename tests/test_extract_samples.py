"""Extraction over the sample articles agrees with their hand-annotated gold.

tests/expected/samples_gold.json is the specification (tests/expected/README.md says how it is
written; tests/test_samples_gold.py checks it against the files). Each article is read the way
ingest reads it, with `store.readers.read_sources`, and every gold quotation must be extracted
with its speaker, kind, role, `reported_to` and `via`; nothing listed as `not_quotes` may be
extracted. One test per article, and its failure lists every mismatch at once, so that one run
shows the whole picture.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from extraction_support import words

from store.article import Article
from store.extract import extract_quotations
from store.quotation import Quotation
from store.readers import ReadFailure, read_sources

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOLD: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent / "expected" / "samples_gold.json").read_text("utf-8")
)
#: The fields compared exactly (the role is compared loosely, see `_roles_agree`).
EXACT_FIELDS = ("speaker", "kind", "reported_to", "via")
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)


def _gold_key(article: Article) -> str:
    """The gold key of an article: its file name, `file#id` in an export, `file#link` in a feed."""
    file = Path(article.source.split(":")[0].split("#")[0]).name
    if article.external_id is not None:
        return f"{file}#{article.external_id}"
    if file.endswith(".xml"):
        return f"{file}#{article.url}"
    return file


@cache
def sample_articles() -> dict[str, Article]:
    """Every article of samples/, as the readers hand it over, by its gold key."""
    paths = sorted(str(p) for p in SAMPLES.iterdir() if p.name != "README.md")
    found: dict[str, Article] = {}
    for result in read_sources(paths):
        assert not isinstance(result, ReadFailure), result
        found[_gold_key(result)] = result
    return found


def _bare_role(role: str) -> str:
    return _LEADING_ARTICLE.sub("", role.strip()).strip()


def _roles_agree(expected: str | None, got: str | None) -> bool:
    """Loosely: one contains the other, whatever article ("a", "the") either starts with."""
    if expected is None or got is None:
        return expected is got
    expected, got = _bare_role(expected), _bare_role(got)
    return expected in got or got in expected


def _field(quotation: Quotation, name: str) -> object:
    value = getattr(quotation, name)
    return str(value) if name == "kind" else value


def _mismatches(gold: dict[str, Any], extracted: list[Quotation]) -> list[str]:
    """Every way the extraction differs from the gold, one line each."""
    problems: list[str] = []
    unused = list(extracted)
    for expected in gold["quotes"]:
        text = words(expected["text"])
        match = next((q for q in unused if words(q.text) == text), None)
        if match is None:
            problems.append(f"missing: {text!r} ({expected['kind']}, {expected['speaker']})")
            continue
        unused.remove(match)
        for name in EXACT_FIELDS:
            if _field(match, name) != expected[name]:
                problems.append(
                    f"{text!r}: {name} expected {expected[name]!r}, got {_field(match, name)!r}"
                )
        if not _roles_agree(expected["speaker_role"], match.speaker_role):
            problems.append(
                f"{text!r}: speaker_role expected {expected['speaker_role']!r}, "
                f"got {match.speaker_role!r}"
            )
    for not_quote in gold["not_quotes"]:
        if any(words(q.text) == words(not_quote) for q in extracted):
            problems.append(f"not a quotation, but extracted: {not_quote!r}")
    return problems


def _unmatched(gold: dict[str, Any], extracted: list[Quotation]) -> list[str]:
    """What was extracted beyond the gold, to show beside the mismatches (not itself checked)."""
    annotated = [words(q["text"]) for q in gold["quotes"]] + gold["not_quotes"]
    return [
        f"  [{q.kind}] {q.text!r} speaker={q.speaker!r}"
        for q in extracted
        if words(q.text) not in annotated
    ]


def _key_id(key: str) -> str:
    file, _, item = key.partition("#")
    return f"{file}#{item.rstrip('/').rsplit('/', 1)[-1]}" if item else file


def test_every_gold_article_is_among_the_samples() -> None:
    assert set(sample_articles()) == set(GOLD)


@pytest.mark.parametrize("key", GOLD, ids=_key_id)
def test_extraction_matches_the_gold(key: str) -> None:
    article = sample_articles()[key]

    extracted = extract_quotations(article)

    problems = _mismatches(GOLD[key], extracted)
    if problems:
        report = [
            f"{len(problems)} mismatches in {key}:",
            *problems,
            "extracted, not in the gold:",
            *(_unmatched(GOLD[key], extracted) or ["  (nothing)"]),
        ]
        pytest.fail("\n".join(report), pytrace=False)

"""A cap on the quotations of one article: the first N in text order are kept, and it is said.

A 6 KB gzip of `“a” said Bob.` once stored 142,857 quotations and took gigabytes; the cap is
set low here (QUOTEBOT_MAX_QUOTATIONS) so the inputs stay small, and the commands run in their
own processes, as a nightly ingest does.
"""

from __future__ import annotations

import json
from pathlib import Path

from hostile_support import ingest, one_word_quotations, run, write_gzip

from store.archive import Archive
from store.article import Article
from store.extract import extract_quotations

LIMIT = {"QUOTEBOT_MAX_QUOTATIONS": "40"}
REPORTED = "The harbour master said the ferry would run again in April. "


def test_extract_keeps_the_first_quotations_in_text_order_and_warns(tmp_path: Path) -> None:
    text = one_word_quotations(1000)
    path = write_gzip(tmp_path / "hostile.txt.gz", text)
    uncapped = extract_quotations(Article(text=text))
    assert len(uncapped) == 1000

    result = run("extract", path, "--json", cwd=tmp_path, env=LIMIT)

    assert result.code == 0, result.stderr
    document = result.json()
    kept = document["quotes"]
    assert [_identity(q) for q in kept] == [_identity(q.to_json()) for q in uncapped[:40]]
    assert all(text[q["start"] : q["end"]] in q["context"] in text for q in kept)
    warning = (
        "too many quotations: kept the first 40 of about 1,000 (the limit per article is 40; "
        "QUOTEBOT_MAX_QUOTATIONS raises it)"
    )
    assert document["warnings"] == [{"source": str(path), "warning": warning}]
    assert result.stderr_lines() == [f"quotebot: {path}: warning: {warning}"]


def _identity(quote: dict[str, object]) -> tuple[object, ...]:
    """Which quotation it is and who said it; its paragraph ends where the article was read
    to, and the attribution model's confidence reads the whole of what was read."""
    return tuple(quote[key] for key in ("text", "start", "end", "kind", "speaker"))


def test_reported_speech_is_capped_by_the_same_count(tmp_path: Path) -> None:
    path = tmp_path / "statements.txt"
    path.write_text("Ferry news\n\n" + REPORTED * 60, encoding="utf-8")

    result = run("extract", path, "--json", cwd=tmp_path, env={"QUOTEBOT_MAX_QUOTATIONS": "20"})

    assert result.code == 0, result.stderr
    document = result.json()
    assert [quote["kind"] for quote in document["quotes"]] == ["reported"] * 20
    assert "kept the first 20 of 60 " in document["warnings"][0]["warning"]


def test_extract_jsonl_caps_each_article_and_warns_on_its_line(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    lines = [
        {"id": "hostile", "text": one_word_quotations(100)},
        {"id": "ordinary", "text": '"We will reopen the terminal," said Harriet Vale.'},
    ]
    export.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")

    result = run("extract", export, "--jsonl", cwd=tmp_path, env=LIMIT)

    assert result.code == 0, result.stderr
    hostile, ordinary = result.json_lines()
    assert (hostile["id"], len(hostile["quotes"])) == ("hostile", 40)
    assert [w["source"] for w in hostile["warnings"]] == [f"{export}:1"]
    assert (ordinary["id"], len(ordinary["quotes"]), ordinary["warnings"]) == ("ordinary", 1, [])
    [warning] = result.stderr_lines()
    assert warning.startswith(f"quotebot: {export}:1: warning: too many quotations: kept the ")


def test_ingest_stores_the_first_quotations_and_reports_the_cap(
    archive_url: str, tmp_path: Path
) -> None:
    path = write_gzip(tmp_path / "hostile.txt.gz", one_word_quotations(1000))
    ordinary = tmp_path / "ordinary.txt"
    ordinary.write_text(
        'Harbour news\n\n"We will reopen the terminal," said Harriet Vale.\n', encoding="utf-8"
    )

    result = ingest(archive_url, path, ordinary, cwd=tmp_path, env=LIMIT)

    assert result.code == 0, result.stderr
    report = result.json()
    assert (report["articles"], report["quotes"], report["errors"]) == (2, 41, [])
    assert [warning["source"] for warning in report["warnings"]] == [str(path)]
    assert "kept the first 40 of about 1,000" in report["warnings"][0]["warning"]
    assert result.stderr_lines() == [
        f"quotebot: {path}: warning: {report['warnings'][0]['warning']}"
    ]
    with Archive.open(archive_url) as archive:
        assert archive.stats().quotations == 41


def test_review_checks_only_the_first_quotations_of_a_hostile_draft(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("A hostile draft\n\n" + one_word_quotations(300), encoding="utf-8")
    database = f"sqlite:///{tmp_path / 'archive.sqlite3'}"

    result = run("--db", database, "review", draft, "--json", cwd=tmp_path, env=LIMIT)

    assert result.code == 0, result.stderr
    assert len(result.json()["quotes"]) == 40
    assert "warning: too many quotations: kept the first 40" in result.stderr

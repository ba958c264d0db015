"""`quotebot review`: every quotation of a draft checked against the archive, as a table or JSON.

The archive holds the two invented stories of tests/check_support.py; the drafts here quote
them right, quote them with the wrong speaker, and quote words nobody said.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from check_support import PENNY_QUOTE, TERMINAL_QUOTE, harbour_archive, run
from click.testing import CliRunner
from rich.cells import cell_len

from bot.cli import cli

INVENTED = "We will sell the ferry to the highest bidder before the summer"
DRAFT = f"""\
Port Ellery looks to the spring

The town is counting the days until the ferries return.

"{TERMINAL_QUOTE}," said Harriet Vale, the harbour master.

"{PENNY_QUOTE}," said Maud Treloar, who runs the harbour café.

"{INVENTED}," said Osric Penhallow, a councillor.
"""
DRAFT_HTML = f"""\
<!doctype html>
<html><head><title>Port Ellery looks to the spring</title>
<meta property="og:site_name" content="Draft desk"></head>
<body><article><h1>Port Ellery looks to the spring</h1>
<p>The town is counting the days until the ferries return, and the harbour master is sure of
the date after a long winter of repairs on the old pier and the terminal building.</p>
<p>&ldquo;{TERMINAL_QUOTE},&rdquo; said Harriet Vale, the harbour master.</p>
<p>Everyone in town hopes she is right, because the summer trade depends on it.</p>
</article></body></html>
"""
CHECK_KEYS = {"query", "claimed_speaker", "verdict", "excerpt", "attribution", "trust", "matches"}


@pytest.fixture
def db(archive_url: str, tmp_path: Path) -> str:
    return harbour_archive(archive_url, tmp_path)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def review_json(db: str, draft: Path) -> list[dict[str, Any]]:
    result = run("--db", db, "review", str(draft), "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == {"quotes", "alerts"}
    assert document["alerts"] == []  # no ruled quote in these drafts (tests/test_cli_rulings.py)
    return document["quotes"]


def by_text(quotes: list[dict[str, Any]], words: str) -> dict[str, Any]:
    [quote] = [quote for quote in quotes if quote["text"].rstrip(",") == words]
    return quote


def test_json_lists_every_quotation_with_the_drafts_speaker_and_its_check(
    db: str, draft: Path
) -> None:
    quotes = review_json(db, draft)

    assert [quote["text"].rstrip(",") for quote in quotes] == [
        TERMINAL_QUOTE,
        PENNY_QUOTE,
        INVENTED,
    ]
    for quote in quotes:
        assert set(quote) == {"text", "speaker", "result"}
        assert set(quote["result"]) - {"closest", "problem"} == CHECK_KEYS
    assert [quote["speaker"] for quote in quotes] == [
        "Harriet Vale",
        "Maud Treloar",
        "Osric Penhallow",
    ]


def test_each_quotation_gets_its_verdict_and_attribution(db: str, draft: Path) -> None:
    quotes = review_json(db, draft)

    right = by_text(quotes, TERMINAL_QUOTE)["result"]
    wrong_speaker = by_text(quotes, PENNY_QUOTE)["result"]
    invented = by_text(quotes, INVENTED)["result"]
    assert (right["verdict"], right["attribution"]) == ("verified", "matches")
    assert (wrong_speaker["verdict"], wrong_speaker["attribution"]) == ("verified", "differs")
    assert wrong_speaker["matches"][0]["speaker"] == "Osric Penhallow"
    assert invented["verdict"] == "not_found"


def test_table_has_a_row_per_quotation_and_exits_0_though_some_fail(db: str, draft: Path) -> None:
    result = run("--db", db, "review", str(draft))

    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Port Ellery looks to the spring"
    text = "\n".join(lines)
    for heading in ("Draft", "Quote and changes", "Verdict", "In the archive"):
        assert heading in lines[1] + lines[2]
    [treloar] = [n for n, line in enumerate(lines) if line.startswith("Maud")]
    assert "✘ misattributed" in lines[treloar]  # never a green tick over a wrong speaker
    assert "words verified" in lines[treloar + 1]
    assert "Osric Penhallow" in lines[treloar]
    assert "Kestrel Gazette," in text and "2024-03-05" in text
    [penhallow] = [n for n, line in enumerate(lines) if line.startswith("Osric")]
    assert "✘ not found" in lines[penhallow]
    assert result.stdout.endswith(
        "3 quotations: 2 verified, 1 not found; speakers: 1 misattributed.\n"
    )


def test_table_fits_80_columns_and_shows_the_changed_words(db: str, tmp_path: Path) -> None:
    draft = tmp_path / "changed.txt"
    changed = TERMINAL_QUOTE.replace("the old pier", "the pier")
    draft.write_text(DRAFT.replace(TERMINAL_QUOTE, changed), encoding="utf-8")

    result = CliRunner().invoke(cli, ["--db", db, "review", str(draft)], env={"COLUMNS": "80"})

    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    shown = iter(result.stdout.replace("“", " ").replace("”", " ").split())
    # Every word, in order (the row interleaves the other cells' words): whole, not cut.
    assert all(word in shown for word in changed.split())
    assert "left out “old”" in result.stdout
    assert "≈ wording differs" in result.stdout
    assert lines[-1].endswith("misattributed.")


def test_html_draft_is_read_like_a_page(db: str, tmp_path: Path) -> None:
    page = tmp_path / "draft.html"
    page.write_text(DRAFT_HTML, encoding="utf-8")

    [quote] = review_json(db, page)

    assert quote["speaker"] == "Harriet Vale"
    assert quote["result"]["verdict"] == "verified"


def test_draft_without_quotations_is_an_empty_review(db: str, tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("A quiet day\n\nNothing happened at the harbour today.\n", encoding="utf-8")

    assert review_json(db, plain) == []
    result = run("--db", db, "review", str(plain))
    assert result.exit_code == 0
    assert "no quotations found in the draft" in result.stdout


def test_missing_draft_is_one_line_and_exit_code_1(tmp_path: Path, archive_url: str) -> None:
    missing = tmp_path / "nowhere.txt"

    result = run("--db", archive_url, "review", str(missing), "--json")

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"quotebot: {missing}: no such file or folder\n"


def test_export_of_several_articles_is_refused(tmp_path: Path, archive_url: str) -> None:
    export = tmp_path / "two.jsonl"
    export.write_text(
        json.dumps({"id": 1, "text": DRAFT}) + "\n" + json.dumps({"id": 2, "text": DRAFT}) + "\n",
        encoding="utf-8",
    )

    result = run("--db", archive_url, "review", str(export))

    assert result.exit_code == 1
    assert result.stderr == (
        f"quotebot: {export}: holds several articles and review reads one draft\n"
    )


def test_draft_is_read_from_standard_input(db: str) -> None:
    result = run("--db", db, "review", "-", "--json", input=DRAFT)

    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["quotes"]) == 3

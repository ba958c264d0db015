"""`quotebot rule`, `quotebot rulings`, and the ruling leading `check` and `review`; ingest and
review alerting once per place where a ruled quote turns up again. On SQLite and PostgreSQL,
over the harbour archive of tests/check_support.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_support import PENNY_QUOTE, harbour_archive, run
from ruling_support import FERRY_QUOTE

FERRY_PASTE = f'"{FERRY_QUOTE}," said Ada Quill.'
RULE = [
    "rule",
    FERRY_PASTE,
    "--ruling",
    "fabricated",
    "--note",
    "No record of it in any council paper.",
    "--link",
    "https://gulls-gazette.example/ferry-check",
    "--by",
    "ana",
]
STORY = f"""\
Ferry plans worry the island

Gulls Haven, Monday. A flyer on the quay claimed a new ferry was coming. "{FERRY_QUOTE}," \
the flyer said, crediting the harbour board.

"We have heard nothing of it," said Bram Oakes, a fisherman.

Read the original article on Gulls Gazette
"""


@pytest.fixture
def url(archive_url: str, tmp_path: Path) -> str:
    return harbour_archive(archive_url, tmp_path)


def test_rule_records_the_ruling_and_a_check_leads_with_it(url: str) -> None:
    recorded = run("--db", url, *RULE, "--json")
    assert recorded.exit_code == 0, recorded.stderr
    ruling = json.loads(recorded.stdout)
    assert (ruling["ruling"], ruling["by"], ruling["credited"], ruling["revision"]) == (
        "fabricated",
        "ana",
        "Ada Quill",
        1,
    )
    checked = run("--db", url, "check", '"The new ferry will cary 400 cars a day," Tom Vale said')
    first = checked.stdout.splitlines()[0]
    assert first.startswith("⚑ Ruled fabricated by ana on ")
    assert first.endswith(
        ": no source for these words exists (https://gulls-gazette.example/ferry-check)"
    )
    assert checked.stdout.splitlines()[1] == "  Note: No record of it in any council paper."
    document = json.loads(run("--db", url, "check", FERRY_PASTE, "--json").stdout)
    assert document["ruling"]["ruling"] == "fabricated"
    assert document["ruling"]["links"] == ["https://gulls-gazette.example/ferry-check"]
    assert document["verdict"] == "not_found"


def test_a_ruling_on_archived_words_is_linked_to_the_quotation(url: str) -> None:
    paste = f'"{PENNY_QUOTE}," Harriet Vale said.'
    recorded = run(
        "--db", url, "rule", paste, "--ruling", "misattributed", "--speaker", "Osric Penhallow",
        "--by", "ana", "--json",
    )  # fmt: skip
    ruling = json.loads(recorded.stdout)
    assert ruling["quotation_id"] is not None and ruling["credited"] == "Harriet Vale"
    checked = run("--db", url, "check", paste).stdout.splitlines()[0]
    assert checked.startswith("⚑ Ruled misattributed by ana on ")
    assert checked.endswith(": the words are Osric Penhallow's")


def test_ruling_the_same_words_again_revises_it(url: str) -> None:
    run("--db", url, *RULE)
    revised = run(
        "--db", url, "rule", FERRY_QUOTE.upper(), "--ruling", "misquoted", "--printed",
        "The new ferry may carry cars", "--by", "bo",
    )  # fmt: skip
    assert revised.exit_code == 0, revised.stderr
    assert revised.stdout.startswith("Revised (revision 2): ruling 1 on ")
    register = json.loads(run("--db", url, "rulings", "--json").stdout)["rulings"]
    assert [(r["ruling"], r["by"], r["revision"]) for r in register] == [("misquoted", "bo", 2)]
    listed = run("--db", url, "rulings").stdout
    assert "⚑ Ruled misquoted by bo on " in listed and "revised once; first ruled on " in listed


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (["--ruling", "bogus"], "quotebot: unknown ruling 'bogus': choose one of misattributed,"),
        (["--link", "ftp://files.example/x"], "quotebot: a link must be an http(s) address:"),
        (["--note", "x" * 2001], "quotebot: the note is 2,001 characters long; the limit is 2,000"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_stored(
    url: str, change: list[str], message: str
) -> None:
    refused = run("--db", url, *RULE, *change)
    assert refused.exit_code == 2
    assert refused.stderr.startswith(message) and refused.stderr.count("\n") == 1
    assert json.loads(run("--db", url, "rulings", "--json").stdout) == {"rulings": []}


def test_ingest_alerts_once_for_each_article_holding_a_ruled_quote(
    url: str, tmp_path: Path
) -> None:
    run("--db", url, *RULE)
    story = tmp_path / "gulls.txt"
    story.write_text(STORY, encoding="utf-8")
    first = run("--db", url, "ingest", str(story), "--json")
    assert first.exit_code == 0, first.stderr
    [alert] = json.loads(first.stdout)["alerts"]
    assert alert["message"].startswith("A quote ruled fabricated by ana on ")
    assert alert["message"].endswith(
        " turned up again in “Ferry plans worry the island” (Gulls Gazette): no source for these"
        " words exists."
    )
    assert alert["ruling"]["id"] == 1 and alert["text"] == FERRY_QUOTE
    assert first.stderr == f"quotebot: alert: {alert['message']}\n"
    again = run("--db", url, "ingest", str(story), "--json")
    assert json.loads(again.stdout)["alerts"] == [] and "alert" not in again.stderr
    assert json.loads(run("--db", url, "ingest", str(story), "--json").stdout)["duplicates"] == 1


def test_an_ingest_without_ruled_quotes_has_no_alerts(url: str, tmp_path: Path) -> None:
    story = tmp_path / "gulls.txt"
    story.write_text(STORY, encoding="utf-8")
    ingested = run("--db", url, "ingest", str(story), "--json")
    assert json.loads(ingested.stdout)["alerts"] == [] and ingested.stderr == ""


def test_review_leads_with_the_ruling_and_alerts_once_per_draft(url: str, tmp_path: Path) -> None:
    run("--db", url, *RULE)
    draft = tmp_path / "draft.txt"
    draft.write_text(STORY, encoding="utf-8")
    table = run("--db", url, "review", str(draft))
    assert "⚑ ruled fabricated" in table.stdout
    assert "ruled by the desk: 1 fabricated." in " ".join(table.stdout.split())
    assert "alert: A quote ruled fabricated by ana" in table.stderr
    assert "the draft “Ferry plans worry the island”" in table.stderr
    document = json.loads(run("--db", url, "review", str(draft), "--json").stdout)
    assert document["alerts"] == []  # the same draft again: the same place
    ruled = [q for q in document["quotes"] if "ruling" in q["result"]]
    assert [q["result"]["ruling"]["ruling"] for q in ruled] == ["fabricated"]

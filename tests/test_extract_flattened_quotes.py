"""Extraction and checks: a long quotation whose paragraphs an export flattened onto one line.

Newswire prints a quotation of several paragraphs with an opening mark at each paragraph and
one closing mark at the end. Exports that keep one line per article put those paragraphs on one
line ('… here. "The boats …'), so a straight mark after a sentence's end and before a capital
letter opens the next part of the same quotation instead of closing it. Every part is then
found, and a fact-checker pasting the middle one verbatim is told it is verified. The people are
invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from extraction_support import extract, listing

from bot.cli import cli

FIRST = "We have waited for this deal for ten years and it is finally here."
MIDDLE = "The boats will come back to this harbour before the summer is out."
LAST = "Nobody in this town will forget what the council did today"


def _flattened(opening: str, closing: str) -> str:
    return (
        f"Ana Ruiz, the harbour master, spoke for twenty minutes. {opening}{FIRST} "
        f"{opening}{MIDDLE} {opening}{LAST},{closing} she said."
    )


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("“", "”")])
def test_every_part_of_a_flattened_quotation_is_one_quotation(opening: str, closing: str) -> None:
    quotations = extract("Harbour deal signed", _flattened(opening, closing))
    assert len(quotations) == 1, listing(quotations)
    assert MIDDLE in quotations[0].text, listing(quotations)
    assert quotations[0].speaker == "Ana Ruiz", listing(quotations)


def test_a_closing_mark_before_a_new_sentence_still_closes() -> None:
    quotations = extract(
        "Harbour deal signed", '"It is finally here," Ruiz said. "The boats will come back."'
    )
    assert [q.text for q in quotations] == ["It is finally here", "The boats will come back."]


def test_the_middle_part_pasted_verbatim_is_verified(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    record = {"id": 1, "title": "Harbour deal signed", "outlet": "Harbour Ledger",
              "text": "Harbour deal signed\n\n" + _flattened('"', '"')}  # fmt: skip
    export.write_text(json.dumps(record) + "\n", encoding="utf-8")
    database = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", database, "ingest", str(export)]).exit_code == 0
    checked = runner.invoke(
        cli, ["--db", database, "check", f'"{MIDDLE}" Ana Ruiz said.', "--json"]
    )
    assert checked.exit_code == 0, checked.output
    document = json.loads(checked.output)
    assert (document["verdict"], document["attribution"]) == ("verified", "matches")

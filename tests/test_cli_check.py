"""`quotebot check`: a pasted quote verified against a real archive, as JSON, JSON Lines or a card.

The archive is built by ingesting two invented stories (tests/check_support.py) on SQLite and on
PostgreSQL; each paste there is written to draw one verdict.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from check_support import (
    KESTREL_URL,
    LIGHTHOUSE_QUOTE,
    PASTES,
    PENNY_QUOTE,
    TERMINAL_QUOTE,
    harbour_archive,
    run,
)
from newswire_support import QUOTEBOT

from store.db.engine import create_archive_engine
from store.search.index import PARAGRAPHS

#: The README's `check --json` document (the contract its "JSON output" names), with `trust`
#: (bot.verifier.trust); `closest` and `problem` appear only when they apply.
CHECK_KEYS = {"query", "claimed_speaker", "verdict", "excerpt", "attribution", "trust", "matches"}
#: The README's match, `matched` (the words the paste matched, verdict.py) and the account of the
#: archive's speaker (as written, how found, the evidence, the confidence); `piece` is added for
#: each piece of a spliced paste.
MATCH_KEYS = {
    "text",
    "speaker",
    "speaker_role",
    "outlet",
    "reported_to",
    "via",
    "kind",
    "score",
    "context",
    "diff",
    "article",
    "occurrences",
    "first_seen",
    "conflicting_speakers",
    "matched",
    "speaker_as_written",
    "speaker_found_by",
    "speaker_evidence",
    "speaker_confidence",
    "speaker_rule",
    "respelled",
    "trust",
    "printings",
}
ARTICLE_KEYS = {"title", "url", "published"}
#: Words nobody printed: a check reads the paragraph index too, for reported speech.
UNKNOWN_QUOTE = "We are closing the ferry for good and selling the boats"
GARBAGE = "\x00\x01\x02\x03 \x04\x05\x06\x07 \x08\x0e\x0f\x10"


@pytest.fixture
def db(archive_url: str, tmp_path: Path) -> str:
    return harbour_archive(archive_url, tmp_path)


def check_json(db: str, *args: str, input: str | None = None) -> dict[str, Any]:
    result = run("--db", db, "check", *args, "--json", input=input)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def assert_check_document(document: dict[str, Any]) -> None:
    assert set(document) - {"closest", "problem", "others", "notes"} == CHECK_KEYS
    for match in [*document["matches"], *([document["closest"]] if "closest" in document else [])]:
        assert set(match) - {"piece"} == MATCH_KEYS
        assert set(match["article"]) == ARTICLE_KEYS
        for change in match["diff"]:
            assert set(change) == {"op", "query", "archive"}


def verdict_cases() -> list[Any]:
    return [pytest.param(*case[1:], id=case[0]) for case in PASTES]


@pytest.mark.parametrize(("paste", "verdict", "excerpt", "attribution"), verdict_cases())
def test_each_paste_draws_its_verdict(
    db: str, paste: str, verdict: str, excerpt: bool, attribution: str
) -> None:
    document = check_json(db, paste)

    assert_check_document(document)
    assert (document["verdict"], document["excerpt"], document["attribution"]) == (
        verdict,
        excerpt,
        attribution,
    )
    if verdict == "not_found":
        assert document["matches"] == []


def test_verified_quote_names_speaker_outlet_article_and_its_occurrences(db: str) -> None:
    document = check_json(db, f'"{PENNY_QUOTE}," Osric Penhallow said.')

    best = document["matches"][0]
    assert document["query"] == PENNY_QUOTE
    assert document["claimed_speaker"] == "Osric Penhallow"
    assert best["text"] == PENNY_QUOTE
    assert best["matched"] == PENNY_QUOTE
    assert (best["speaker"], best["speaker_role"], best["outlet"]) == (
        "Osric Penhallow",
        "councillor",
        "Kestrel Gazette",
    )
    assert best["article"] == {
        "title": "Ferry terminal at Port Ellery to reopen in March",
        "url": KESTREL_URL,
        "published": "2024-03-05",
    }
    assert (best["occurrences"], best["first_seen"]) == (1, "2024-03-05")


def test_quote_printed_twice_counts_both_and_names_the_other_speaker(db: str) -> None:
    document = check_json(db, f'"{TERMINAL_QUOTE}," said Harriet Vale.')

    best = document["matches"][0]
    assert document["verdict"] == "verified"
    assert best["speaker"] == "Harriet Vale"
    assert best["occurrences"] == 2
    assert best["first_seen"] == "2024-03-05"
    assert best["conflicting_speakers"] == ["Osric Penhallow"]


def test_excerpt_match_holds_the_full_quotation(db: str) -> None:
    document = check_json(db, 'Harriet Vale said "reopen the terminal before the spring tides".')

    best = document["matches"][0]
    assert best["text"] == TERMINAL_QUOTE
    assert best["matched"].lower() == "reopen the terminal before the spring tides"


def test_wrong_speaker_is_reported_with_the_archives_speaker(db: str) -> None:
    document = check_json(db, f'"{PENNY_QUOTE}," Harriet Vale said.')

    assert document["attribution"] == "differs"
    assert document["claimed_speaker"] == "Harriet Vale"
    assert document["matches"][0]["speaker"] == "Osric Penhallow"


def test_speaker_option_overrides_the_name_in_the_paste(db: str) -> None:
    paste = f'"{PENNY_QUOTE}," Harriet Vale said.'

    document = check_json(db, paste, "--speaker", "Osric Penhallow")

    assert document["claimed_speaker"] == "Osric Penhallow"
    assert document["attribution"] == "matches"


def test_wording_difference_lists_the_changed_words(db: str) -> None:
    document = check_json(
        db,
        '"We will open the terminal before the spring tides, whatever the weather does to the '
        'old harbour," Harriet Vale said.',
    )

    assert document["verdict"] == "wording_differs"
    changes = {(c["query"].lower(), c["archive"].lower()) for c in document["matches"][0]["diff"]}
    assert ("open", "reopen") in changes
    assert ("harbour", "pier") in changes


def test_spliced_paste_has_a_match_per_piece_in_the_pastes_order(db: str) -> None:
    document = check_json(
        db, f'"{PENNY_QUOTE}. Nobody comes down to the water when the boats stop," Penhallow said.'
    )

    assert document["verdict"] == "spliced"
    pieces = [(match["speaker"], match["piece"]) for match in document["matches"]]
    assert [speaker for speaker, _ in pieces] == ["Osric Penhallow", "Maud Treloar"]
    assert all(piece for _, piece in pieces)


def test_paste_with_several_quotes_puts_the_others_under_others(db: str) -> None:
    paste = f'"{PENNY_QUOTE}," Penhallow said. "{LIGHTHOUSE_QUOTE}"'

    document = check_json(db, paste)

    assert_check_document(document)
    assert document["query"] == PENNY_QUOTE
    [other] = document["others"]
    assert set(other) - {"closest", "notes"} == CHECK_KEYS
    assert other["verdict"] == "verified"
    assert other["matches"][0]["text"] == LIGHTHOUSE_QUOTE


def test_paste_with_one_quote_has_no_others_key(db: str) -> None:
    assert "others" not in check_json(db, f'"{PENNY_QUOTE}," Penhallow said.')


def test_dash_reads_the_paste_from_standard_input(db: str) -> None:
    document = check_json(db, "-", input=f'"{PENNY_QUOTE}," Osric Penhallow said.\n')

    assert document["verdict"] == "verified"
    assert document["claimed_speaker"] == "Osric Penhallow"


@pytest.mark.parametrize("paste", ["", "   ", GARBAGE], ids=["empty", "blank", "binary"])
def test_paste_that_cannot_be_checked_prints_its_problem_and_exits_1(db: str, paste: str) -> None:
    result = run("--db", db, "check", paste, "--json")

    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert_check_document(document)
    assert document["problem"]
    assert document["matches"] == []
    [error] = result.stderr.splitlines()
    assert error == f"quotebot: {document['problem']}"


def test_garbage_paste_in_text_mode_is_one_line_on_stderr(db: str) -> None:
    result = run("--db", db, "check", GARBAGE)

    assert result.exit_code == 1
    assert result.stdout == ""
    [error] = result.stderr.splitlines()
    assert error.startswith("quotebot: ")


def test_binary_on_standard_input_is_refused_by_the_verifier_with_a_document(db: str) -> None:
    result = run("--db", db, "check", "-", "--json", input=GARBAGE.encode() + b"\xff\xfe\x00")

    assert result.exit_code == 1
    assert json.loads(result.stdout)["problem"]


def test_card_shows_verdict_speaker_and_source(db: str) -> None:
    result = run("--db", db, "check", f'"{PENNY_QUOTE}," Harriet Vale said.')

    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "✘ Misattributed — the words are verified, but the archive credits Osric Penhallow"
    )
    assert (
        "  ✘ Speaker differs: the paste credits Harriet Vale; the archive credits Osric Penhallow"
        in lines
    )
    assert "  — Osric Penhallow (councillor)" in lines
    [evidence] = [line for line in lines if line.startswith("    how the archive knows: ")]
    assert evidence.endswith(': "Every penny we had went into the pier," Penhallow said.')
    assert any(line.startswith("  Kestrel Gazette, 2024-03-05: “Ferry terminal") for line in lines)
    assert "\x1b[" not in result.stdout


def test_jsonl_prints_a_document_per_line_and_names_the_bad_ones(db: str, tmp_path: Path) -> None:
    batch = tmp_path / "pastes.jsonl"
    lines = [
        json.dumps({"id": "p1", "text": f'"{PENNY_QUOTE}," Penhallow said.'}),
        "not JSON at all",
        json.dumps({"id": 3, "text": f'"{PENNY_QUOTE}"', "speaker": "Harriet Vale"}),
        json.dumps({"id": "p4", "text": 42}),
        json.dumps({"id": "p5", "text": f'"{PENNY_QUOTE}. {LIGHTHOUSE_QUOTE}"'}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = run("--db", db, "check", str(batch), "--jsonl")

    assert result.exit_code == 1
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [document["id"] for document in documents] == ["p1", 3, "p5"]
    for document in documents:
        assert_check_document({key: value for key, value in document.items() if key != "id"})
    assert documents[0]["verdict"] == "verified"
    assert (documents[1]["claimed_speaker"], documents[1]["attribution"]) == (
        "Harriet Vale",
        "differs",
    )
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"quotebot: {batch}:2: not valid JSON")
    assert errors[1] == f'quotebot: {batch}:4: "text" is a number, not a string'


def test_jsonl_line_with_several_quotes_keeps_its_id_and_others(db: str) -> None:
    line = json.dumps({"id": "two", "text": f'"{PENNY_QUOTE}," he said. "{LIGHTHOUSE_QUOTE}"'})

    result = run("--db", db, "check", "-", "--jsonl", input=line + "\n")

    assert result.exit_code == 0, result.stderr
    [document] = [json.loads(text) for text in result.stdout.splitlines()]
    assert document["id"] == "two"
    assert len(document["others"]) == 1


def test_jsonl_line_that_cannot_be_checked_is_printed_with_its_problem(db: str) -> None:
    lines = [
        json.dumps({"id": "ok", "text": f'"{PENNY_QUOTE}"'}),
        json.dumps({"id": "x", "text": ""}),
    ]

    result = run("--db", db, "check", "-", "--jsonl", input="\n".join(lines) + "\n")

    assert result.exit_code == 1
    documents = [json.loads(text) for text in result.stdout.splitlines()]
    assert [(d["id"], "problem" in d) for d in documents] == [("ok", False), ("x", True)]
    [error] = result.stderr.splitlines()
    assert error.startswith("quotebot: <stdin>:2: ")


@pytest.mark.parametrize("letter", ["\ufe70", "\u037a", "\ufc5e"])
def test_a_paste_of_a_letter_that_folds_to_nothing_is_one_line_on_stderr(
    db: str, letter: str
) -> None:
    result = run("--db", db, "check", letter)

    assert result.exit_code == 1
    assert result.stderr == "quotebot: The quotation has no words to look for.\n"


def test_jsonl_batch_checks_every_line_past_letters_copied_from_a_pdf(db: str) -> None:
    lines = [
        json.dumps({"id": "before", "text": f'"{PENNY_QUOTE}"'}),
        json.dumps({"id": "arabic", "text": '"\ufe70"'}),
        json.dumps({"id": "half", "text": '"The pier took 2½ years to build"'}),
        json.dumps({"id": "after", "text": f'"{LIGHTHOUSE_QUOTE}"'}),
    ]

    result = run("--db", db, "check", "-", "--jsonl", input="\n".join(lines) + "\n")

    documents = [json.loads(text) for text in result.stdout.splitlines()]
    assert [(d["id"], d["verdict"]) for d in documents] == [
        ("before", "verified"),
        ("arabic", "not_found"),
        ("half", "not_found"),
        ("after", "verified"),
    ]
    assert result.stderr == "quotebot: <stdin>:2: The quotation has no words to look for.\n"


def damage_paragraph_index(archive_url: str) -> None:
    """Drop the paragraph index, which only checks the quotations' index misses read."""
    engine = create_archive_engine(archive_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(f"DROP TABLE {PARAGRAPHS}")
    engine.dispose()


def test_a_database_error_on_one_line_is_reported_and_the_rest_checked(db: str) -> None:
    damage_paragraph_index(db)
    lines = [
        json.dumps({"id": "before", "text": f'"{PENNY_QUOTE}"'}),
        json.dumps({"id": "unknown", "text": f'"{UNKNOWN_QUOTE}"'}),
        json.dumps({"id": "after", "text": f'"{LIGHTHOUSE_QUOTE}"'}),
    ]

    # A real process: stderr holds everything a user would see, drivers' warnings included.
    result = subprocess.run(
        [QUOTEBOT, "--db", db, "check", "-", "--jsonl"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert [json.loads(text)["id"] for text in result.stdout.splitlines()] == ["before", "after"]
    [error] = result.stderr.splitlines()
    assert error.startswith("quotebot: <stdin>:2: database error")
    assert PARAGRAPHS in error


def test_each_reports_a_line_whose_check_fails_in_the_database_and_goes_on(
    db: str, tmp_path: Path
) -> None:
    damage_paragraph_index(db)
    pastes = tmp_path / "pastes.txt"
    pastes.write_text(f'"{UNKNOWN_QUOTE}"\n"{PENNY_QUOTE}"\n', encoding="utf-8")

    result = run("--db", db, "check", "--each", str(pastes))

    assert result.exit_code == 1
    assert "✔ Verified" in result.stdout
    [error] = result.stderr.splitlines()
    assert error.startswith(f"quotebot: {pastes}:1: database error")


def test_a_database_error_in_one_check_is_one_line_without_traceback(db: str) -> None:
    damage_paragraph_index(db)

    result = run("--db", db, "check", f'"{UNKNOWN_QUOTE}"', "--json")

    assert result.exit_code == 1
    assert result.stdout == ""
    [error] = result.stderr.splitlines()
    assert error.startswith("quotebot: database error")


def test_each_checks_every_line_under_its_heading(db: str, tmp_path: Path) -> None:
    pastes = tmp_path / "pastes.txt"
    pastes.write_text(
        "# A file of pastes.\n\n"
        "# the councillor's words\n"
        f'"{PENNY_QUOTE}," Osric Penhallow said.\n\n'
        "# never said\n"
        '"We are closing the ferry for good and selling the boats," Harriet Vale said.\n',
        encoding="utf-8",
    )

    result = run("--db", db, "check", "--each", str(pastes))

    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "A file of pastes." not in result.stdout
    first, second = lines.index("the councillor's words"), lines.index("never said")
    assert lines[first + 1].startswith("✔ Verified")
    assert lines[second + 1].startswith("✘ Not found")


def test_archive_error_is_one_line_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "gone"

    result = run("--db", f"sqlite:///{missing}/archive.sqlite3", "check", '"Hello," she said.')

    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        result.stderr == f"quotebot: the folder of the SQLite archive does not exist: {missing}\n"
    )


@pytest.mark.parametrize(
    "args",
    [["check"], ["check", "x", "--json", "--jsonl"], ["check", "x", "--each", "--json"]],
    ids=["no paste", "json and jsonl", "each and json"],
)
def test_usage_errors_exit_with_code_2(args: list[str]) -> None:
    assert run(*args).exit_code == 2


def test_missing_jsonl_file_is_named_on_stderr(tmp_path: Path, archive_url: str) -> None:
    result = run("--db", archive_url, "check", str(tmp_path / "none.jsonl"), "--jsonl")

    assert result.exit_code == 1
    assert result.stderr == f"quotebot: {tmp_path / 'none.jsonl'}: no such file or folder\n"

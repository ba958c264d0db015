"""Words a paste writes differently but that are the same words: a contraction spelled out or
made (`do not` for `don't`), an apostrophe dropped (`doesnt`, `cant`, `wont`), a number as
digits or as a word (`3 to 4 days` for `three to four days`).

None of them makes the quote differ: the answer is `verified`, and each is shown once, as a
note (`respelled` in the JSON, a sentence under the card), never as a changed word.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.verifier.verdict import CheckResult, Verdict, WordChange
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import Article
from store.extract import extract_quotations

DEPOT = Article(
    title="Vexco to speed up parcels at the Meridian depot",
    outlet="Meridian Wire",
    url="https://meridian-wire.example/vexco-depot",
    published=dt.date(2025, 4, 2),
    text=(
        "Vexco to speed up parcels at the Meridian depot\n\n"
        "\"Customers don't like waiting, and we can't keep them waiting three to four days "
        "for a parcel,\" said Ana Ruiz, the company's head of logistics.\n\n"
        "\"The night shift doesn't get paid for 12 hours of standing around, and it won't "
        'accept it," said Rob Hale, a shop steward.\n\n'
        '"We do not want a strike over this," Hale said.'
    ),
)


@pytest.fixture
def verifier(archive: Archive) -> Iterator[Verifier]:
    archive.add(DEPOT, extract_quotations(DEPOT))
    yield Verifier(archive)


def check(verifier: Verifier, paste: str) -> CheckResult:
    [result] = verifier.check(paste)
    return result


@pytest.mark.parametrize(
    ("paste", "respelled"),
    [
        (
            '"Customers do not like waiting, and we cannot keep them waiting three to four days '
            'for a parcel," said Ana Ruiz',
            [("do not", "don't"), ("cannot", "can't")],
        ),
        ('"We don\'t want a strike over this," Hale said.', [("don't", "do not")]),
        (
            '"Customers dont like waiting, and we cant keep them waiting three to four days '
            'for a parcel," said Ana Ruiz',
            [("dont", "don't"), ("cant", "can't")],
        ),
        (
            '"The night shift doesnt get paid for 12 hours of standing around, and it wont '
            'accept it," said Rob Hale',
            [("doesnt", "doesn't"), ("wont", "won't")],
        ),
        (
            "\"Customers don't like waiting, and we can't keep them waiting 3 to 4 days "
            'for a parcel," said Ana Ruiz',
            [("3", "three"), ("4", "four")],
        ),
        (
            "\"The night shift doesn't get paid for twelve hours of standing around, and it "
            "won't accept it,\" said Rob Hale",
            [("twelve", "12")],
        ),
    ],
    ids=["spelled-out", "contracted", "dropped-apostrophes", "doesnt-wont", "digits", "words"],
)
def test_same_words_written_differently_are_verified_with_each_shown_once(
    verifier: Verifier, paste: str, respelled: list[tuple[str, str]]
) -> None:
    result = check(verifier, paste)

    assert result.verdict is Verdict.VERIFIED
    [match] = result.matches
    assert match.diff == ()
    assert match.respelled == tuple(WordChange("replace", q, a) for q, a in respelled)
    assert len(result.notes) == 1
    for query, archive in respelled:
        assert f"“{query}” for “{archive}”" in result.notes[0]


def test_a_respelled_word_beside_a_changed_one_is_a_note_and_the_change_a_difference(
    verifier: Verifier,
) -> None:
    result = check(
        verifier,
        '"Customers dont like waiting, and we cant keep them waiting 3 to 5 days for a parcel"',
    )

    assert result.verdict is Verdict.WORDING_DIFFERS
    [match] = result.matches
    assert match.diff == (WordChange("replace", "5", "four"),)
    assert [(c.query, c.archive) for c in match.respelled] == [
        ("dont", "don't"),
        ("cant", "can't"),
        ("3", "three"),
    ]


def test_check_json_lists_respellings_and_notes(archive_url: str) -> None:
    with Archive.open(archive_url) as archive:
        archive.add(DEPOT, extract_quotations(DEPOT))

    result = CliRunner().invoke(
        cli, ["--db", archive_url, "check", '"We dont want a strike over this"', "--json"]
    )

    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["verdict"] == "verified"
    assert document["matches"][0]["diff"] == []
    assert document["matches"][0]["respelled"] == [
        {"op": "replace", "query": "dont", "archive": "do not"}
    ]
    assert document["notes"] == ["Written differently, but the same words: “dont” for “do not”."]


def test_the_card_says_verified_and_shows_the_respelling(archive_url: str) -> None:
    with Archive.open(archive_url) as archive:
        archive.add(DEPOT, extract_quotations(DEPOT))

    result = CliRunner().invoke(
        cli, ["--db", archive_url, "check", '"We don\'t want a strike over this," Hale said.']
    )

    assert result.exit_code == 0, result.output
    assert "Verified" in result.stdout
    assert "Written differently, but the same words: “don't” for “do not”." in result.stdout

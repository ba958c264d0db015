"""The desk's rulings in the archive (store.rulings), on SQLite and PostgreSQL: a ruling keyed to
the words, revised with its history kept, a reappearance recorded once per place, and input
refused whole with one line naming what is wrong."""

from __future__ import annotations

import pytest
from ruling_support import FERRY_QUOTE, ferry_ruling

from store.archive import Archive
from store.rulings import (
    MAX_NOTE_CHARS,
    RulingError,
    RulingKind,
    article_place,
    draft_place,
    ruling_input,
    slack_place,
)


def test_ruling_the_same_words_again_revises_and_keeps_the_history(archive: Archive) -> None:
    first = archive.record_ruling(
        ruling_input(FERRY_QUOTE, "fabricated", "ana", credited="Ada Quill")
    )
    # The same words, pasted with other quote marks and case: the same ruled quote.
    second = archive.record_ruling(
        ruling_input(f"“{FERRY_QUOTE.upper()}!”", "misattributed", "bo", speaker="Tom Vale")
    )
    assert second.id == first.id and second.revision == 2
    history = archive.ruling_history(first.id)
    assert [(str(r.kind), r.by, r.revision) for r in history] == [
        ("fabricated", "ana", 1),
        ("misattributed", "bo", 2),
    ]
    [latest] = archive.latest_rulings()
    assert (latest.kind, latest.speaker, latest.credited, latest.text) == (
        RulingKind.MISATTRIBUTED,
        "Tom Vale",
        "Ada Quill",
        FERRY_QUOTE,
    )
    assert latest.first_at == first.at


def test_a_ruling_can_be_revised_by_its_number(archive: Archive) -> None:
    ruled = ferry_ruling(archive)
    revised = archive.revise_ruling(ruled.id, ruling_input("anything", "confirmed", "cy"))
    assert (revised.id, revised.revision, revised.text) == (ruled.id, 2, FERRY_QUOTE)
    with pytest.raises(RulingError, match="there is no ruling 999"):
        archive.revise_ruling(999, ruling_input("anything", "confirmed", "cy"))


def test_a_reappearance_is_new_once_per_place(archive: Archive) -> None:
    ruled = ferry_ruling(archive)
    message = slack_place("T1", "C1", "1700000000.000100")
    assert archive.record_reappearance(ruled, message, text=FERRY_QUOTE)
    assert not archive.record_reappearance(ruled, message, text=FERRY_QUOTE)
    assert archive.record_reappearance(ruled, article_place("https://a.example/x?utm_source=z", ""))
    assert not archive.record_reappearance(ruled, article_place("https://A.example/x/", ""))
    assert archive.record_reappearance(ruled, draft_place("A draft"))
    [(most, places)] = archive.most_pasted_rulings()
    assert (most.id, places) == (ruled.id, 3)


def test_the_snapshot_is_read_again_only_after_a_new_ruling(archive: Archive) -> None:
    empty = archive.rulings_snapshot()
    assert len(empty) == 0
    ferry_ruling(archive)
    first = archive.rulings_snapshot()
    assert len(first) == 4
    assert archive.rulings_snapshot() is first
    archive.record_ruling(ruling_input("A new quote to rule on today", "spliced", "ana"))
    assert len(archive.rulings_snapshot()) == 5


@pytest.mark.parametrize(
    ("change", "message", "field"),
    [
        ({"kind": "made_up"}, "unknown ruling 'made_up': choose one of misattributed,", "ruling"),
        ({"links": ["ftp://files.example/a"]}, "a link must be an http(s) address", "links"),
        ({"links": ["javascript:alert(1)"]}, "a link must be an http(s) address", "links"),
        (
            {"note": "n" * (MAX_NOTE_CHARS + 1)},
            "the note is 2,001 characters long; the limit",
            "note",
        ),
        ({"text": "  …  "}, "the quotation to rule on has no words", "text"),
        ({"by": " "}, "a ruling needs the name of who made it", "by"),
        ({"speaker": "Ann\x00Lee"}, "the real speaker holds a NUL character", "speaker"),
    ],
)
def test_bad_input_is_refused_in_one_line_naming_the_field(
    archive: Archive, change: dict[str, object], message: str, field: str
) -> None:
    given: dict = {"text": FERRY_QUOTE, "kind": "fabricated", "by": "ana", **change}
    with pytest.raises(RulingError) as refused:
        ruling_input(given.pop("text"), given.pop("kind"), given.pop("by"), **given)
    assert str(refused.value).startswith(message) and "\n" not in str(refused.value)
    assert refused.value.field == field
    assert archive.latest_rulings() == []


def test_a_note_of_exactly_the_limit_is_kept_whole(archive: Archive) -> None:
    note = "n" * MAX_NOTE_CHARS
    ruled = archive.record_ruling(ruling_input(FERRY_QUOTE, "fabricated", "ana", note=note))
    assert archive.latest_rulings()[0].note == note == ruled.note

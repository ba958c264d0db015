"""The archive stores each article once, whole or not at all, and links repeated quotations."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from factories import FERRY_STORY, article, ferry_quotations, quotation
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.archive import Archive, ArchiveStats
from store.db.models import SpeakerAliasRow, SpeakerRow
from store.errors import ArchiveError
from store.normalise import quotation_fingerprint
from store.quotation import Kind

EMPTY = {"articles": 0, "quotations": 0, "speakers": 0, "outlets": 0}


def counts(stats: ArchiveStats) -> dict[str, int]:
    return {
        "articles": stats.articles,
        "quotations": stats.quotations,
        "speakers": stats.speakers,
        "outlets": stats.outlets,
    }


def test_article_is_stored_with_its_quotations_speakers_and_outlet(archive: Archive) -> None:
    result = archive.add(article(), ferry_quotations())

    assert not result.duplicate
    assert result.quotations == 3
    stats = archive.stats()
    assert counts(stats) == {"articles": 1, "quotations": 3, "speakers": 2, "outlets": 1}
    assert stats.quotations_by_kind == {"direct": 2, "partial": 1, "reported": 0}
    assert stats.earliest_published == stats.latest_published == dt.date(2024, 3, 5)
    assert [(s.name, s.quotations) for s in stats.top_speakers] == [
        ("Harriet Vale", 2),
        ("Osric Penhallow", 1),
    ]


@pytest.mark.parametrize(
    "same_url",
    [
        "HTTPS://Northfold-Courier.EXAMPLE/news/ferry-terminal/",
        "https://northfold-courier.example/news/ferry-terminal#comments",
        "https://northfold-courier.example/news/ferry-terminal?utm_source=newsletter&fbclid=x1",
        "http://northfold-courier.example:80/news/ferry-terminal",
    ],
)
def test_article_under_a_variant_of_a_stored_url_is_a_duplicate(
    archive: Archive, same_url: str
) -> None:
    first = archive.add(article(), ferry_quotations())
    updated = FERRY_STORY + "\n\nThis article has been updated."

    second = archive.add(article(updated, url=same_url), ferry_quotations(updated))

    assert second.duplicate
    assert second.article_id == first.article_id
    assert second.quotations == 0
    assert counts(archive.stats()) == {"articles": 1, "quotations": 3, "speakers": 2, "outlets": 1}


def test_same_text_under_another_url_with_other_spacing_case_and_quote_marks_is_a_duplicate(
    archive: Archive,
) -> None:
    archive.add(article(), ferry_quotations())
    republished = FERRY_STORY.replace('"', "\u201c", 1).replace("  ", " ").upper()
    republished = republished.replace("\n\n", "\n\n\n")

    result = archive.add(
        article(republished, url="https://syndicate.example/ferry", outlet="Tidewater Post"),
        [],
    )

    assert result.duplicate
    assert counts(archive.stats())["outlets"] == 1, (
        "a duplicate writes nothing, not even its outlet"
    )


def test_articles_that_differ_are_both_stored(archive: Archive) -> None:
    archive.add(article(url=None), ferry_quotations())
    other = FERRY_STORY.replace("March", "April")

    result = archive.add(article(other, url=None), ferry_quotations(other))

    assert not result.duplicate
    assert counts(archive.stats()) == {"articles": 2, "quotations": 6, "speakers": 2, "outlets": 1}


def test_failure_midway_through_an_article_stores_nothing_of_it(archive: Archive) -> None:
    good = quotation(FERRY_STORY, "Every penny went into the pier,", speaker="Mina Castellane")
    first = ferry_quotations()[0]
    broken = dataclasses.replace(first, start=first.end + 1)  # the database's check refuses it

    with pytest.raises(ArchiveError):
        archive.add(article(), [good, broken])

    assert counts(archive.stats()) == EMPTY
    assert not archive.add(article(), ferry_quotations()).duplicate, "the archive is still usable"


def test_unknown_quotation_kind_is_refused_and_nothing_is_stored(archive: Archive) -> None:
    odd = dataclasses.replace(ferry_quotations()[0], kind="rumoured")

    with pytest.raises(ArchiveError, match="unknown quotation kind 'rumoured'"):
        archive.add(article(), [odd])

    assert counts(archive.stats()) == EMPTY


def test_url_longer_than_the_index_allows_is_refused(archive: Archive) -> None:
    long_url = "https://northfold-courier.example/" + "a" * 3000

    with pytest.raises(ArchiveError, match="longer than 2048 characters"):
        archive.add(article(url=long_url), [])


def test_quotation_without_speaker_is_stored_unattributed(archive: Archive) -> None:
    anonymous = quotation(FERRY_STORY, "nearly finished", kind=Kind.PARTIAL)

    archive.add(article(), [anonymous])

    stats = archive.stats()
    assert (stats.quotations, stats.speakers, stats.top_speakers) == (1, 0, ())


def test_occurrences_of_a_quotation_are_linked_across_articles_earliest_first(
    archive: Archive,
) -> None:
    words = "The pier will not survive another winter without repairs."
    printings = [  # outlet, date, the quotation as that outlet printed it
        ("Tidewater Post", dt.date(2024, 3, 7), f"\u201c{words}\u201d"),
        (
            "Kestrel Gazette",
            None,
            '"The pier [at Port Ellery] will not survive another winter without repairs"',
        ),
        ("Northfold Courier", dt.date(2024, 3, 5), f'"{words.upper()}"'),
    ]
    for outlet, published, printed in printings:
        text = f"Harriet Vale told the {outlet} on Monday: {printed}"
        archive.add(
            article(text, outlet=outlet, published=published, url=None),
            [quotation(text, printed[1:-1], speaker="Harriet Vale")],
        )

    found = archive.occurrences(quotation_fingerprint(words))

    assert [(o.outlet, o.published) for o in found] == [
        ("Northfold Courier", dt.date(2024, 3, 5)),
        ("Tidewater Post", dt.date(2024, 3, 7)),
        ("Kestrel Gazette", None),
    ]
    assert {o.speaker for o in found} == {"Harriet Vale"}
    assert archive.occurrences(quotation_fingerprint("words nobody printed")) == []


def test_every_printing_of_a_found_quotation_is_read_however_many_fingerprints_are_asked(
    archive: Archive,
) -> None:
    # A check asks which stored quotations have the words of each match (Archive.printed),
    # binding the fingerprints as the driver's parameters a few hundred at a time: the ones
    # asked in a later batch, and a fingerprint that reads like SQL, are found all the same.
    words = "Every ferry on the estuary will run on batteries by the autumn."
    for number, outlet in enumerate(("Wenmoor Herald", "Calder Wire", "Ostry Daily")):
        text = f'Nadia Perrin told the {outlet}: "{words}"'
        archive.add(
            article(text, outlet=outlet, published=dt.date(2025, 5, 1 + number), url=None),
            [quotation(text, words, speaker="Nadia Perrin")],
        )
    asked = [f"{number:040x}" for number in range(1_200)] + ["x' OR '1'='1"]
    asked.insert(1_100, quotation_fingerprint(words))

    found = archive.printed(asked)

    assert [q.outlet for q in found] == ["Wenmoor Herald", "Calder Wire", "Ostry Daily"]
    assert {q.text for q in found} == {words}
    assert archive.printed(["x' OR '1'='1"]) == []


def test_speaker_aliases_keep_surname_written_forms_and_roles_but_not_pronouns(
    archive: Archive,
) -> None:
    archive.add(article(), ferry_quotations())

    with Session(archive.engine) as session:
        aliases = set(
            session.execute(
                select(SpeakerRow.name, SpeakerAliasRow.kind, SpeakerAliasRow.alias).join(
                    SpeakerRow.aliases
                )
            )
        )
    assert aliases == {
        ("Harriet Vale", "surname", "Vale"),
        ("Harriet Vale", "as_written", "Vale"),
        ("Harriet Vale", "role", "the harbour master"),
        ("Osric Penhallow", "surname", "Penhallow"),
        ("Osric Penhallow", "role", "a councillor"),
    }


def test_a_new_sqlite_archive_opened_by_several_writers_at_once_opens_for_each(
    tmp_path: Path,
) -> None:
    # Several ingests starting together on a new file: each switches it to WAL, and SQLite
    # answers "locked" at once (no busy wait) to the others. Before the switch waited its
    # turn, a round failed about one time in twenty; thirty rounds show it most of the time.
    writers = 6

    def open_and_count(url: str) -> int:
        with Archive.open(url) as own:
            return own.stats().articles

    for round_number in range(30):
        url = f"sqlite:///{tmp_path / f'new-{round_number}.sqlite3'}"
        with ThreadPoolExecutor(writers) as pool:
            assert list(pool.map(open_and_count, [url] * writers)) == [0] * writers


def test_concurrent_writers_create_each_speaker_and_outlet_once(archive_url: str) -> None:
    writers = 6
    start_together = threading.Barrier(writers, timeout=60)

    def add_story(number: int) -> bool:
        text = FERRY_STORY.replace("Tuesday", f"day {number}")
        with Archive.open(archive_url) as own:
            start_together.wait()
            return own.add(article(text, url=None), ferry_quotations(text)).duplicate

    with ThreadPoolExecutor(writers) as pool:
        duplicates = list(pool.map(add_story, range(writers)))

    assert duplicates == [False] * writers
    with Archive.open(archive_url) as archive:
        assert counts(archive.stats()) == {
            "articles": writers,
            "quotations": 3 * writers,
            "speakers": 2,
            "outlets": 1,
        }


def test_concurrent_copies_of_one_article_are_stored_once(archive_url: str) -> None:
    writers = 6
    start_together = threading.Barrier(writers, timeout=60)

    def add_copy(_: int) -> bool:
        with Archive.open(archive_url) as own:
            start_together.wait()
            return own.add(article(), ferry_quotations()).duplicate

    with ThreadPoolExecutor(writers) as pool:
        duplicates = list(pool.map(add_copy, range(writers)))

    assert sorted(duplicates) == [False] + [True] * (writers - 1)
    with Archive.open(archive_url) as archive:
        assert counts(archive.stats())["articles"] == 1

"""The bot's audit log and delivery memory in the archive: lookups, feedback, adds, seen
deliveries."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from factories import article, ferry_quotations

from store.add_request import MAX_URL_CHARS, AddOutcome, AddRequest
from store.archive import Archive
from store.errors import ArchiveError
from store.lookup import MAX_QUERY_CHARS, FeedbackKind, Lookup


def lookup(query: str = "We will reopen the terminal", **fields: object) -> Lookup:
    values: dict[str, object] = {
        "workspace": "T0NEWSROOM",
        "source": "command",
        "query": query,
        "verdict": "verified",
        "attribution": "not_claimed",
        "channel": "C0DESK",
        "user": "U0EDITOR",
    }
    values.update(fields)
    return Lookup(**values)  # type: ignore[arg-type]


def test_lookup_is_stored_with_when_who_where_what_and_the_quotation_matched(
    archive: Archive,
) -> None:
    archive.add(article(), ferry_quotations())
    matched = archive.search([["we", "will", "reopen", "the", "terminal"]])[0]

    stored = archive.record_lookup(
        lookup(claimed_speaker="Harriet Vale", attribution="matches", quotation_id=matched.id)
    )

    assert stored.id is not None
    read = archive.lookup(stored.id)
    assert read == stored
    assert read.quotation_id == matched.id
    assert (read.workspace, read.channel, read.user, read.source) == (
        "T0NEWSROOM",
        "C0DESK",
        "U0EDITOR",
        "command",
    )
    assert read.asked_at is not None
    assert abs(read.asked_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_a_very_long_query_is_stored_cut_to_the_limit(archive: Archive) -> None:
    stored = archive.record_lookup(lookup("word " * 5_000))

    assert len(archive.lookup(stored.id).query) == MAX_QUERY_CHARS


def test_recent_lookups_are_the_users_own_newest_first(archive: Archive) -> None:
    for number in range(7):
        archive.record_lookup(lookup(f"quote number {number}"))
    archive.record_lookup(lookup("someone else's", user="U0OTHER"))
    archive.record_lookup(lookup("another newsroom", workspace="T0ELSEWHERE"))

    recent = archive.recent_lookups("T0NEWSROOM", "U0EDITOR", limit=3)

    assert [item.query for item in recent] == ["quote number 6", "quote number 5", "quote number 4"]


def test_feedback_counts_once_per_person(archive: Archive) -> None:
    stored = archive.record_lookup(lookup())

    assert archive.record_feedback(stored.id, "U0EDITOR", FeedbackKind.WRONG_MATCH) is True
    assert archive.record_feedback(stored.id, "U0EDITOR", FeedbackKind.WRONG_MATCH) is False
    assert archive.record_feedback(stored.id, "U0CHECKER", FeedbackKind.WRONG_MATCH) is True
    assert (archive.stats().lookups, archive.stats().feedback) == (1, 2)


def test_feedback_on_an_unknown_lookup_is_refused(archive: Archive) -> None:
    with pytest.raises(ArchiveError, match="no lookup 404"):
        archive.record_feedback(404, "U0EDITOR", FeedbackKind.WRONG_MATCH)


def test_deleting_the_article_keeps_the_lookup_without_its_match(archive: Archive) -> None:
    added = archive.add(article(), ferry_quotations())
    matched = archive.search([["every", "penny", "went", "into", "the", "pier"]])[0]
    stored = archive.record_lookup(lookup(quotation_id=matched.id))

    with archive.engine.begin() as connection:
        connection.exec_driver_sql(f"DELETE FROM articles WHERE id = {added.article_id}")

    assert archive.lookup(stored.id).quotation_id is None


def test_an_add_is_stored_with_who_when_where_from_and_what_came_of_it(
    archive: Archive,
) -> None:
    added = archive.add(article(), ferry_quotations())

    stored = archive.record_add(
        AddRequest(
            workspace="T0NEWSROOM",
            channel="C0DESK",
            user="U0EDITOR",
            url_asked="https://northfold-courier.example/s/ferry",
            url_fetched="https://northfold-courier.example/news/ferry-terminal",
            outcome=AddOutcome.STORED,
            article_id=added.article_id,
        )
    )
    archive.record_add(
        AddRequest(
            workspace="T0NEWSROOM",
            user="U0EDITOR",
            url_asked="https://northfold-courier.example/" + "x" * 3_000,
            outcome=AddOutcome.FAILED,
            detail="HTTP 404 Not Found",
        )
    )

    latest, first = archive.recent_adds()
    assert first == stored
    assert first.asked_at is not None
    assert abs(first.asked_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    assert (first.outcome, first.article_id) == (AddOutcome.STORED, added.article_id)
    assert (latest.outcome, latest.detail, latest.url_fetched) == (
        AddOutcome.FAILED,
        "HTTP 404 Not Found",
        None,
    )
    assert len(latest.url_asked) == MAX_URL_CHARS
    assert archive.stats().adds == 2


def test_deleting_the_article_keeps_the_add_without_it(archive: Archive) -> None:
    added = archive.add(article(), ferry_quotations())
    archive.record_add(
        AddRequest(
            workspace="T0NEWSROOM",
            url_asked="https://northfold-courier.example/news/ferry-terminal",
            outcome=AddOutcome.STORED,
            article_id=added.article_id,
        )
    )

    with archive.engine.begin() as connection:
        connection.exec_driver_sql(f"DELETE FROM articles WHERE id = {added.article_id}")

    assert archive.recent_adds()[0].article_id is None


def test_a_delivery_is_first_seen_once(archive: Archive) -> None:
    assert archive.first_sighting("event:Ev0001") is True
    assert archive.first_sighting("event:Ev0001") is False
    assert archive.first_sighting("event:Ev0002") is True


def test_processes_racing_on_one_delivery_agree_on_a_single_first_sighting(
    archive_url: str,
) -> None:
    archives = [Archive.open(archive_url) for _ in range(4)]
    wins: list[bool] = []
    start = threading.Barrier(len(archives), timeout=60)

    def claim(archive: Archive) -> None:
        start.wait()
        wins.append(archive.first_sighting("event:Ev0RACE"))

    threads = [threading.Thread(target=claim, args=(archive,)) for archive in archives]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for archive in archives:
        archive.close()

    assert sorted(wins) == [False, False, False, True]


def test_forgotten_deliveries_are_seen_again(archive: Archive) -> None:
    archive.first_sighting("event:Ev0OLD")

    assert archive.forget_sightings(dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)) == 0
    assert archive.forget_sightings(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)) == 1
    assert archive.first_sighting("event:Ev0OLD") is True

"""Candidate search in a large archive, where most word pairs of a paste are common.

A million plain quotations share their phrases ("nobody wants to", "any classroom"): every pair
of a short paste may be held by more quotations than a lookup reads. The cap is lowered here so
that a handful of quotations behaves like that archive.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from bot.verifier import verify
from bot.verifier.verdict import Verdict
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import Article
from store.quotation import Kind, Quotation
from store.search import candidates, refresh
from store.search.grams import grams
from store.search.index import QUOTATIONS, PostgresIndex, SQLiteIndex, counted_terms, index_for
from store.search.refresh import TERM_STATISTICS

SAID = [
    "Nobody wants to improve any classroom",
    "Nobody wants to improve the harbour",
    "Nobody wants to fix any classroom",
    "Somebody wants to improve any road",
    "Nobody wants to see any classroom",
    "They want to improve any classroom",
    "Everybody wants to improve any harbour",
]


@pytest.fixture(name="crowded")
def crowded_archive(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> Archive:
    return crowded(archive, monkeypatch)


def crowded(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> Archive:
    """The archive holding SAID, where a phrase held by three quotations is common."""
    monkeypatch.setattr(candidates, "TERM_CAP", 3)
    return store_said(archive, SAID, "Ada Quill")


def store_said(archive: Archive, said: list[str], speaker: str, first: int = 0) -> Archive:
    """Each of `said` quoted alone in an article of its own (numbered from `first`)."""
    for number, words in enumerate(said, first):
        text = f'"{words}," said {speaker}.'
        article = Article(
            title=f"Schools {number}",
            outlet="Lantern News Service",
            url=f"https://lantern.example/schools-{number}",
            published=dt.date(2025, 3, 1 + number),
            text=text,
        )
        quotation = Quotation(
            text=words, start=1, end=1 + len(words), kind=Kind.DIRECT, speaker=speaker
        )
        archive.add(article, [quotation])
    return archive


def test_a_paste_made_of_common_phrases_finds_its_quotation(crowded: Archive) -> None:
    [result] = Verifier(crowded).check('"Nobody wants to improve any classroom"')

    assert result.verdict is Verdict.VERIFIED
    assert result.matches[0].text == SAID[0]


#: Every word pair of the first is held by two others as well, never two neighbouring pairs
#: by one: only runs of three words tell it apart. The last two hold one pair each of the
#: paste below, whose changed word ("improved") makes pairs no source holds.
CHANGED_SOURCE = [
    "Ferry crews rejected every revised offer",
    "Ferry crews said they rejected every plan before the revised offer",
    "Ferry crews knew they rejected every draft ahead of the revised offer",
    "Harbour crews rejected it and every revised schedule",
    "Tug crews rejected both and every revised rota",
    "They wanted every improved berth",
    "An improved offer arrived",
]


def test_a_changed_word_whose_pairs_hit_other_quotations_still_finds_the_source(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pairs the changed word makes each hit one unrelated quotation, and the source's
    # own pairs are all common: its runs of three words must still be looked up.
    monkeypatch.setattr(candidates, "TERM_CAP", 3)
    store_said(archive, CHANGED_SOURCE, "Ruth Kesteven")

    [result] = Verifier(archive).check('"Ferry crews rejected every improved offer"')

    assert result.verdict is Verdict.WORDING_DIFFERS
    assert result.matches[0].text == CHANGED_SOURCE[0]


def test_a_changed_word_whose_run_of_three_another_quotation_holds_leaves_the_source_a_candidate(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both pairs the changed word makes hit one unrelated quotation, which so holds two pairs
    # that hit: two pairs sharing a word are one run of three, not a second sighting, and the
    # source's own runs of three must still be looked up.
    monkeypatch.setattr(candidates, "TERM_CAP", 3)
    unrelated = "They wanted every improved offer in writing"
    store_said(archive, [*CHANGED_SOURCE[:5], unrelated], "Ruth Kesteven")

    paste = "Ferry crews rejected every improved offer"
    found = archive.search([paste.lower().split()], limit=5)

    assert CHANGED_SOURCE[0] in [quotation.text for quotation in found]


def test_a_paste_around_one_rare_word_reads_no_runs_of_three(
    crowded: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rare word's two pairs hit only its source, which holds every other pair of the paste
    # too: they are the paste's own, and its common runs of three are not read.
    store_said(crowded, ["Nobody wants to improve any zeppelin classroom"], "Ada Quill", 10)
    joined: list[str] = []
    for kind in (SQLiteIndex, PostgresIndex):
        monkeypatch.setattr(kind, "lookup", _recording(kind.lookup, joined, runs_of_three=True))

    [result] = Verifier(crowded).check('"Nobody wants to improve any zeppelin classroom"')

    assert result.verdict is Verdict.VERIFIED
    assert joined == []


#: The source of the paste below holds one rare pair ("quay_want"); its other pairs are common
#: (each held by six quotations of the first two kinds), and the two pairs the paste's changed
#: word makes ("to_paint", "paint_the") are held together by five unrelated quotations.
OUTVOTED_SOURCE = "Ferry crews on Wrenfield Quay want to mend the pier before winter"
OUTVOTING = [
    *(f"Ferry crews on Wrenfield Quay said {word}" for word in "no yes so it why how".split()),
    *(
        f"They want to walk the pier before winter {word}"
        for word in "ends comes bites sets turns hits".split()
    ),
    *(f"Painters want to paint the {thing}" for thing in "fence hall mast gate shed".split()),
]


def test_a_source_outvoted_by_the_pairs_of_a_changed_word_is_ranked_by_all_its_pairs(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The five quotations holding "to paint the" have two votes each against the source's one,
    # and the verifier aligns only the best few (three here): ranked by every pair of the
    # paste they hold, common ones too, the source holds nine of eleven and they three.
    monkeypatch.setattr(candidates, "TERM_CAP", 6)
    monkeypatch.setattr(verify, "CANDIDATES", 3)
    store_said(archive, [OUTVOTED_SOURCE, *OUTVOTING], "Ines Calloway")

    paste = "Ferry crews on Wrenfield Quay want to paint the pier before winter"
    [result] = Verifier(archive).check(f'"{paste}"')

    assert result.verdict is Verdict.WORDING_DIFFERS
    assert result.matches[0].text == OUTVOTED_SOURCE


#: Four printings of one long sentence, each with its own last words: every pair of words
#: before those is held by all four, so (with the cap at 3) common.
REPRINTED = [
    "We will keep the harbour open and the ferries running for every family on this coast "
    f"until the {season} comes back"
    for season in ("spring", "summer", "autumn", "winter")
]


def test_a_long_paste_of_common_words_reads_a_bounded_number_of_runs_of_three(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each run of three words read costs the merge of two long lists of rows; a long paste
    # has a dozen or more of them, and a few spread over it find its source as well as all.
    monkeypatch.setattr(candidates, "TERM_CAP", 3)
    store_said(archive, REPRINTED, "Oona Fairlie")
    joined: list[str] = []
    for kind in (SQLiteIndex, PostgresIndex):
        monkeypatch.setattr(kind, "lookup", _recording(kind.lookup, joined, runs_of_three=True))
    paste = "We will keep the harbour open and the ferries running for each family on this coast"

    [result] = Verifier(archive).check(f'"{paste}"')

    assert 0 < len(joined) <= candidates.MAX_JOINED < paste.count(" ") - 3
    assert result.verdict is Verdict.WORDING_DIFFERS
    assert result.matches[0].text == REPRINTED[0]


def _recording(lookup: Any, asked: list[str], *, runs_of_three: bool = False) -> Any:
    """The index's lookup, noting each term it is asked for (or each run of three words, two
    pairs asked for together)."""

    def recorded(index: Any, connection: Any, terms: Any, limit: int) -> Any:
        asked.extend(term for term in terms if not runs_of_three or term.count(" ") == 1)
        return lookup(index, connection, terms, limit)

    return recorded


def _reopened(url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[candidates.CommonTerms, Any]:
    """The crowded archive at `url`, its statistics refreshed and opened again: the common terms
    a check knows before any lookup, and the answer to a paste of SAID[0]."""
    with Archive.open(url) as archive:
        crowded(archive, monkeypatch)
        archive.refresh_statistics()
    with Archive.open(url) as reopened:
        with reopened.engine.connect() as connection:
            known = candidates.CommonTerms()
            known.learn_from(connection, index_for(reopened.engine.dialect.name))
        [result] = Verifier(reopened).check('"Nobody wants to improve any classroom"')
    return known, result


def test_terms_found_common_once_give_the_same_answers_later(crowded: Archive) -> None:
    verifier = Verifier(crowded)
    pastes = ['"Nobody wants to improve any classroom"', '"Everybody wants to improve any harbour"']
    first = [verifier.check(paste)[0] for paste in pastes]

    again = [verifier.check(paste)[0] for paste in pastes]

    assert [(r.verdict, r.matches[0].text) for r in again] == [
        (r.verdict, r.matches[0].text) for r in first
    ]
    assert [r.matches[0].text for r in again] == [SAID[0], SAID[6]]


def test_how_many_quotations_hold_a_phrase_is_counted_up_to_the_cap(crowded: Archive) -> None:
    assert crowded.quotations_holding("nobody_wants wants_to to_improve") == 2
    assert crowded.quotations_holding("improve_the the_harbour") == 1
    assert crowded.quotations_holding("improve_the the_ferry") == 0
    # "wants_to" is in all seven: counted as the cap, and known common from then on.
    assert crowded.quotations_holding("wants_to") == candidates.TERM_CAP


def test_postgresql_statistics_name_the_common_phrases_before_any_lookup(
    postgres_archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A GIN lookup reads a term's whole posting list before its LIMIT: at ten million
    # quotations the first lookup of a common pair cost a tenth of a second. ANALYZE's most
    # common elements say which pairs are common before any check asks.
    known, result = _reopened(postgres_archive_url, monkeypatch)
    with Archive.open(postgres_archive_url) as archive, archive.engine.connect() as connection:
        target = connection.exec_driver_sql(
            "SELECT attstattarget FROM pg_attribute "
            "WHERE attrelid = 'quotation_grams'::regclass AND attname = 'grams'"
        ).scalar_one()

    assert "wants_to" in known and "nobody_wants" in known and "any_classroom" in known
    assert "the_harbour" not in known and "any_road" not in known
    assert known.rows("wants_to") == sum("wants to" in said for said in SAID) == 6
    assert known.rows("any_road") == 0
    assert target * 10 == TERM_STATISTICS
    assert result.verdict is Verdict.VERIFIED
    assert result.matches[0].text == SAID[0]


def test_sqlite_counts_the_common_phrases_so_that_checks_never_read_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FTS5 keeps no statistics: each check learned that a phrase was common by reading its
    # capped rows, a seventh of a check's time at a million quotations. The refresh after a
    # large ingest counts them.
    looked_up: list[str] = []
    monkeypatch.setattr(SQLiteIndex, "lookup", _recording(SQLiteIndex.lookup, looked_up))
    known, result = _reopened(f"sqlite:///{tmp_path / 'archive.sqlite3'}", monkeypatch)

    assert known.rows("wants_to") == sum("wants to" in said for said in SAID) == 6
    assert known.rows("nobody_wants") == 4 and known.rows("the_harbour") == 0
    assert "wants_to" not in looked_up and "nobody_wants" not in looked_up
    assert result.verdict is Verdict.VERIFIED
    assert result.matches[0].text == SAID[0]


def test_each_refresh_counts_the_common_phrases_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    with Archive.open(url) as archive:
        crowded(archive, monkeypatch)
        archive.refresh_statistics()
        store_said(archive, ["Nobody wants to improve the ferry"], "Ada Quill", len(SAID))
        archive.refresh_statistics()
        with archive.engine.connect() as connection:
            counts = index_for("sqlite").common_terms(connection, 1)

    assert counts["wants_to"] == 7 and counts["nobody_wants"] == 5
    assert counts["to_improve"] == 6 and "the_ferry" not in counts


def test_postgresql_counts_the_common_phrases_its_statistics_leave_out(
    postgres_archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ANALYZE keeps the TERM_STATISTICS commonest terms only; the refresh counts the rest in a
    # sample of rows (here every row: the archive is smaller than the sample).
    monkeypatch.setattr(refresh, "LEAST_SEEN", 1)
    counted = _counted_after_refresh(postgres_archive_url, monkeypatch)

    assert counted["wants_to"] == 6 and counted["nobody_wants"] == 4
    assert "the_harbour" not in counted and "any_road" not in counted


def test_postgresql_counts_a_large_archive_from_every_kth_row(
    postgres_archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seven rows, a sample of four: every second row, each count doubled. A phrase seen
    # fewer than LEAST_SEEN times in the sample says too little of the whole to be counted.
    monkeypatch.setattr(refresh, "SAMPLED_ROWS", 4)
    monkeypatch.setattr(refresh, "LEAST_SEEN", 2)
    counted = _counted_after_refresh(postgres_archive_url, monkeypatch)

    assert set(counted.values()) <= {4, 6, 8}
    assert 4 <= counted["wants_to"] <= 8
    assert "the_harbour" not in counted and "any_road" not in counted


def _counted_after_refresh(url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """The common terms the statistics refresh counts in the crowded archive at `url`, each
    named by its text (PostgreSQL's index knows its number only)."""
    with Archive.open(url) as archive:
        crowded(archive, monkeypatch)
        archive.refresh_statistics()
        index = index_for(archive.engine.dialect.name)
        with archive.engine.connect() as connection:
            counted = counted_terms(connection, QUOTATIONS, 1)
    named = {str(index.key(term)): term for said in SAID for term in grams(said)}
    return {named.get(key, key): rows for key, rows in counted.items()}


def test_a_paste_whose_every_pair_is_too_common_to_read_is_answered_not_found(
    postgres_archive_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # When the statistics say every pair of a paste is held by far more rows than a read
    # takes, no pair is read at all: the paste is not found, not an error.
    monkeypatch.setattr(candidates, "COMMON_CAP", 1)
    monkeypatch.setattr(candidates, "HEAVY_ROWS", 1)
    with Archive.open(postgres_archive_url) as archive:
        crowded(archive, monkeypatch)
        archive.refresh_statistics()
    with Archive.open(postgres_archive_url) as reopened:
        [result] = Verifier(reopened).check('"Nobody wants to improve any"')

    assert result.verdict is Verdict.NOT_FOUND

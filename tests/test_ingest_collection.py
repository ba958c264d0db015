"""Ingest pauses Python's cyclic garbage collector and collects after a batch once enough new
objects have piled up instead (store.collection): the cycles batches make are still freed, not
after every batch, and the collector is as it was once the ingest ends, however it ends and
however many ingests overlap."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from newswire_support import write_stories

from store import collection
from store.archive import Archive
from store.ingest import ingest


class _Node:
    """An object that can sit in a reference cycle and be watched by a weak reference."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_a_cycle_made_during_a_batch_is_freed_after_it_once_enough_objects_are_new(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with collection.paused():
        monkeypatch.setattr(collection, "COLLECT_AT", gc.get_count()[0] + 1_000)
        assert not gc.isenabled()
        watched = _cycle()
        assert watched() is not None  # no automatic collection while paused
        collection.after_batch()
        assert watched() is not None  # a few new objects: not worth walking the batch for
        kept = [_Node() for _ in range(2_000)]
        collection.after_batch()
        assert watched() is None
        assert kept


def test_the_collector_is_restored_after_an_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "stories"
    write_stories(folder, range(6))
    with Archive.open(f"sqlite:///{tmp_path / 'archive.sqlite3'}") as archive:
        report = ingest([str(folder)], archive)
    assert report.articles == 6
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_overlapping_pauses_restore_the_collector_when_the_last_ends() -> None:
    outer = collection.paused()
    outer.__enter__()
    with collection.paused():
        pass
    assert not gc.isenabled()  # the outer ingest still runs
    outer.__exit__(None, None, None)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_collector_disabled_before_stays_disabled() -> None:
    gc.disable()
    try:
        with collection.paused():
            collection.after_batch()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_restored_when_the_ingest_fails() -> None:
    with pytest.raises(RuntimeError), collection.paused():
        raise RuntimeError("an ingest that fails")
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0

"""The paragraph index holds the paragraphs a paraphrase can be found in, and no others.

A paragraph wholly inside a direct or partial quotation of its article (every Quotebank line,
an article whose one paragraph is its quotation) can never answer the paragraph search, which
leaves words inside a quotation to the quotation search: it is neither stored nor indexed, by
the bulk writer, the per-article writer and `quotebot db reindex` alike, and the checks answer
as before.
"""

from __future__ import annotations

import json
from pathlib import Path

from archive_support import connected
from click.testing import CliRunner, Result
from factories import article, quotation
from sqlalchemy import text

from bot.cli import cli
from bot.verifier.verdict import Attribution, Verdict
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.bulk import Written
from store.prepared import prepare
from store.quotation import Kind

#: Invented Quotebank lines: each an article whose text is its quotation.
QUOTEBANK_LINES = [
    ("Ilse Marwick", "We will open the western pier to the ferries before the winter storms."),
    ("Tobin Ashgrove", "Nobody on this council voted to sell the lighthouse keeper's cottage."),
    ("None", "The tide tables for the estuary have been wrong since the dredging began."),
]
#: An invented story with narration of its own, whose words a paraphrase is found in.
STORY = (
    "The Saltmere ferry service will add a night crossing from April after a summer of full "
    "boats.\n\n"
    '"We listened to the fishermen," said Wenna Trask, the operator\'s director.\n'
)
NARRATION = "The Saltmere ferry service will add a night crossing from April"

#: An article with a paragraph wholly inside a quotation, one partly inside one, and one that
#: is reported speech only (the writer's words: searched as a paragraph).
MIXED = (
    "Council leaders met on Tuesday to settle the harbour budget.\n\n"
    "Every berth will be rebuilt before the regatta and the old crane goes to the museum.\n\n"
    "Residents said the repairs would take two summers at least.\n\n"
    '"The money is there," said Osric Penhallow.'
)
WHOLE = "Every berth will be rebuilt before the regatta and the old crane goes to the museum."
REPORTED = "the repairs would take two summers at least"


def run(archive_url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", archive_url, *args])


def write_dump(path: Path) -> Path:
    lines = [
        {
            "quoteID": f"2024-06-0{number + 1}-{number:06d}",
            "quotation": words,
            "speaker": speaker,
            "date": f"2024-06-0{number + 1} 00:00:00",
            "urls": [f"https://estuary-herald.example/{number}"],
        }
        for number, (speaker, words) in enumerate(QUOTEBANK_LINES)
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def stored_paragraphs(archive_url: str) -> list[tuple[str, int, int]]:
    """Each stored paragraph by what identifies it (its article's text hash and its span)."""
    with connected(archive_url) as connection:
        return sorted(
            connection.execute(
                text(
                    "SELECT a.content_hash, p.start_offset, p.end_offset "
                    "FROM paragraphs p JOIN articles a ON a.id = p.article_id"
                )
            ).all()
        )


def test_a_quotebank_import_indexes_no_paragraph_and_checks_answer_as_before(
    archive_url: str, tmp_path: Path
) -> None:
    dump = write_dump(tmp_path / "quotebank.json")
    story = tmp_path / "saltmere.txt"
    story.write_text(STORY, encoding="utf-8")

    imported = run(archive_url, "ingest", str(dump), "--format", "quotebank", "--json")
    told = run(archive_url, "ingest", str(story), "--json")

    # No error: the index is checked consistent at the end of each import.
    report = json.loads(imported.stdout)
    assert (report["articles"], report["quotes"], report["errors"]) == (3, 3, []), imported.stderr
    assert json.loads(told.stdout)["errors"] == [], told.stderr
    # The story's two paragraphs alone: none of a Quotebank line.
    assert [(start, end) for _, start, end in stored_paragraphs(archive_url)] == [
        (0, STORY.index("\n\n")),
        (STORY.index('"We'), len(STORY) - 1),
    ]
    with Archive.open(archive_url) as archive:
        verifier = Verifier(archive)
        [said] = verifier.check(f'"{QUOTEBANK_LINES[1][1]}" Tobin Ashgrove said')
        [wrong] = verifier.check(f'"{QUOTEBANK_LINES[0][1]}" Tobin Ashgrove said')
        [unknown] = verifier.check(f'"{QUOTEBANK_LINES[2][1]}"')
        [paraphrase] = verifier.check(f'"{NARRATION}," Wenna Trask said')
    assert (said.verdict, said.attribution) == (Verdict.VERIFIED, Attribution.MATCHES)
    assert (wrong.verdict, wrong.attribution) == (Verdict.VERIFIED, Attribution.DIFFERS)
    assert unknown.verdict is Verdict.VERIFIED
    assert paraphrase.verdict is Verdict.NOT_A_DIRECT_QUOTE


def test_reindex_keeps_the_paragraphs_an_import_keeps(archive_url: str, tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "quotebank.json")
    story = tmp_path / "saltmere.txt"
    story.write_text(STORY, encoding="utf-8")
    run(archive_url, "ingest", str(dump), "--format", "quotebank", "--json")
    run(archive_url, "ingest", str(story), "--json")
    imported = stored_paragraphs(archive_url)

    reindexed = run(archive_url, "db", "reindex")

    assert reindexed.exit_code == 0, reindexed.stderr
    assert reindexed.stdout.endswith(" and 2 paragraphs.\n")
    assert stored_paragraphs(archive_url) == imported
    with Archive.open(archive_url) as archive:
        assert archive.check_index(Written(first_quotation=1, first_paragraph=1)) == []
        [found] = archive.search_paragraphs([NARRATION.lower().split()])
    assert found.text == STORY[: STORY.index("\n\n")]


def test_every_writer_leaves_out_a_paragraph_wholly_inside_a_quotation(archive_url: str) -> None:
    # The same story twice, once by each writer ("Borough" for "Council": another text, the
    # same spans).
    texts = {"one": MIXED, "bulk": MIXED.replace("Council", "Borough")}
    stories = {
        way: (
            article(written, url=f"https://estuary-herald.example/{way}"),
            [
                quotation(written, WHOLE, speaker="Osric Penhallow"),
                quotation(written, REPORTED, kind=Kind.REPORTED),
                quotation(written, "The money is there,", speaker="Osric Penhallow"),
            ],
        )
        for way, written in texts.items()
    }
    kept = [
        (MIXED.index(paragraph), MIXED.index(paragraph) + len(paragraph))
        for paragraph in MIXED.split("\n\n")
        if paragraph != WHOLE
    ]
    with Archive.open(archive_url) as archive:
        archive.add(*stories["one"])
        archive.store_batch([prepare(*stories["bulk"])], Written())
    stored = stored_paragraphs(archive_url)
    assert sorted((start, end) for _, start, end in stored) == sorted(kept + kept)

    reindexed = run(archive_url, "db", "reindex")

    assert reindexed.exit_code == 0, reindexed.stderr
    assert stored_paragraphs(archive_url) == stored

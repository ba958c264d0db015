"""A paragraph longer than one row of the search index holds: stored, and found by its start.

PostgreSQL refuses a tsvector whose terms pass 1 MB, which refused the whole article there
while SQLite stored it. Both databases now index the same first megabyte of a row's terms
(store.search.grams.MAX_TERM_BYTES), store the rest of the text as it is, and say so.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from click.testing import CliRunner
from factories import article, quotation

from bot.cli import cli
from bot.verifier.verdict import Verdict
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.search.grams import MAX_TERM_BYTES, grams
from store.search.words import spoken

SAID = "The new pier opens at dawn for every boat in Pellow Sound"
#: Words enough for about 1.5 MB of terms: each word and each pair of words is a new term.
WORDS = 50_000
NOTE = re.compile(
    r"a paragraph of 50,0\d\d words is longer than the search index holds for one: "
    r"checks find its first ([\d,]+) words"
)


def invented_words(count: int) -> list[str]:
    """`count` distinct made-up words ("kalomivera"), the same every run."""
    syllables = ["ka", "lo", "mi", "ve", "ru", "sa", "ne", "to", "pi", "da"]
    return [
        "".join(parts) for parts in itertools.islice(itertools.product(syllables, repeat=5), count)
    ]


def long_story() -> str:
    filler = " ".join(invented_words(WORDS))
    return f'Pier reopens\n\n"{SAID}," said Ada Quill, {filler}.\n\nThe council met later.\n'


def test_the_long_paragraph_holds_more_terms_than_postgresql_takes_in_one_row() -> None:
    paragraph = long_story().split("\n\n")[1]
    words = spoken(paragraph)
    every_term = {*words, *(f"{a}_{b}" for a, b in itertools.pairwise(words))}

    assert len("".join(every_term).encode()) > 1_048_575
    assert len("".join(grams(paragraph)).encode()) <= MAX_TERM_BYTES


def test_a_paragraph_too_long_for_the_index_is_stored_and_its_start_is_found(
    archive: Archive,
) -> None:
    text = long_story()

    result = archive.add(article(text), [quotation(text, SAID, speaker="Ada Quill")])

    assert not result.duplicate
    [note] = result.notes
    assert NOTE.fullmatch(note)
    [checked] = Verifier(archive).check(f'"{SAID}," Ada Quill said')
    assert checked.verdict is Verdict.VERIFIED
    start = spoken("said Ada Quill, " + " ".join(invented_words(4)))
    assert [p.text[:20] for p in archive.search_paragraphs([start])] == [f'"{SAID[:19]}']


def test_both_databases_index_the_same_first_words_of_a_long_paragraph(archive: Archive) -> None:
    text = long_story()
    [note] = archive.add(article(text), [quotation(text, SAID, speaker="Ada Quill")]).notes
    indexed = int(NOTE.fullmatch(note).group(1).replace(",", ""))  # type: ignore[union-attr]
    words = spoken(text.split("\n\n")[1])

    assert len(archive.search_paragraphs([words[indexed - 3 : indexed]])) == 1
    assert archive.search_paragraphs([words[indexed + 1 : indexed + 4]]) == []


def test_ingest_says_which_article_is_indexed_in_part(archive_url: str, tmp_path: Path) -> None:
    story = tmp_path / "long-story.txt"
    story.write_text(long_story(), encoding="utf-8")

    result = CliRunner().invoke(cli, ["--db", archive_url, "ingest", str(story), "--json"])

    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"] == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"quotebot: {story}: ")
    assert NOTE.fullmatch(line.removeprefix(f"quotebot: {story}: "))
    assert report["warnings"] == [
        {"source": str(story), "warning": line.removeprefix(f"quotebot: {story}: ")}
    ]

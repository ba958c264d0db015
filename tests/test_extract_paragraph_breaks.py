"""Extraction: where a paragraph ends when an export keeps one line break between lines.

Exports and pasted drafts often give the headline, the dateline and the first paragraph on
consecutive lines. A line that stops although the next word would have fitted on it was not
wrapped, so it ends a paragraph: the headline "Hale backs Pike" never joins "Rob Hale, …"
into a speaker "Pike Rob Hale". Text hard-wrapped at a fixed width still reads as one
paragraph. The people are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import find, listing

from store.article import Article
from store.extract import extract_quotations
from store.extract.paragraphs import split_paragraphs

BEST = "Dan Pike is the best candidate we have had in twenty years."


def _extract(text: str):
    return extract_quotations(Article(text=text, source="export.jsonl:1"))


def test_a_headline_on_the_line_above_is_not_part_of_the_speakers_name() -> None:
    quotations = _extract(
        "Hale backs Pike\n"
        f'Rob Hale, the Labour MP for Eastmoor, said: "{BEST}"\n'
        '"He will win this seat," Hale added.'
    )
    assert find(quotations, BEST).speaker == "Rob Hale", listing(quotations)
    assert find(quotations, "He will win this seat").speaker == "Rob Hale", listing(quotations)


def test_a_dateline_line_is_its_own_paragraph() -> None:
    text = "EASTMOOR\nRob Hale, the Labour MP, said the seat was safe."
    assert [text[p.start : p.end] for p in split_paragraphs(text)] == [
        "EASTMOOR",
        "Rob Hale, the Labour MP, said the seat was safe.",
    ]


def test_text_wrapped_at_a_fixed_width_stays_one_paragraph() -> None:
    text = (
        "Rob Hale, the Labour MP for Eastmoor, said on Monday that Dan Pike\n"
        "was the best candidate the party had put up in twenty years, and that\n"
        "he would win the seat by a wider margin than anyone expected."
    )
    assert len(split_paragraphs(text)) == 1


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("", []),
        (" \t ", []),
        ("The pier reopened.", [(0, 18)]),
        ("  The pier reopened.  ", [(2, 20)]),
        ("\u3000Le quai rouvrira.\u2028", [(1, 18)]),
        ("The pier \r reopened.", [(0, 20)]),
    ],
)
def test_a_text_of_one_line_is_one_paragraph_without_the_blanks_around_it(
    text: str, spans: list[tuple[int, int]]
) -> None:
    assert [(p.start, p.end) for p in split_paragraphs(text)] == spans

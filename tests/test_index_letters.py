"""Letters copied from PDFs, which the candidate index must read like any other, on both databases.

Presentation forms ("ﹰ", "ͺ"), vulgar fractions ("½"), parenthesised numbers ("⑴") and a few
letters of other scripts ("ำ", "ཀྵ") decompose to a space, a symbol or a mark. Folded as they
were, their terms were empty or several tokens to SQLite's FTS5, which refused the query: the
check failed with a traceback. scripts/index_unsafe_letters.py lists every such code point.
"""

from __future__ import annotations

import pytest
from factories import article, quotation

from bot.verifier.verdict import Verdict
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.search.words import spoken

#: The fifteen letters that folded to a space alone: an empty full-text query on SQLite.
SPACE_LETTERS = ["\u037a", *map(chr, range(0xFC5E, 0xFC64)), *map(chr, range(0xFE70, 0xFE7F, 2))]
#: Letters that folded to a symbol, punctuation or a mark between letters: several tokens, a
#: phrase that SQLite's index (built without word positions) refuses.
SPLIT_LETTERS = ["½", "⑴", "ŀ", "\u0e33", "\u0f69", "\u0b94", "\u1026", "\u1b06"]
#: Letters whose category changed after the Unicode version of SQLite's tokenizer tables: Python
#: reads them as letters, SQLite as separators.
NEWER_LETTERS = ["\u19b0", "\u1cf2"]


def test_the_fifteen_letters_that_fold_to_a_space_are_fifteen() -> None:
    assert len(SPACE_LETTERS) == 15
    assert all(spoken(letter) == [] for letter in SPACE_LETTERS)


@pytest.mark.parametrize(
    "pasted", ['"{}"', '"The ferry {} sails"', '"{}{}"', "{}", '"The ferry to Tor{}mar"']
)
def test_a_paste_of_any_such_letter_is_answered(archive: Archive, pasted: str) -> None:
    archive.add(article(title="Ferry"), [])
    verifier = Verifier(archive)

    for letter in [*SPACE_LETTERS, *SPLIT_LETTERS, *NEWER_LETTERS]:
        [result] = verifier.check(pasted.replace("{}", letter))

        assert result.verdict is Verdict.NOT_FOUND


def test_a_word_holding_such_a_letter_finds_its_quotation(archive: Archive) -> None:
    for number, letter in enumerate(SPLIT_LETTERS):
        word = f"Tor{letter}mar"
        said = f"The ferry left Pellow Sound for {word} at dawn"
        text = f'"{said}," said Ada Quill.'
        archive.add(
            article(text, url=f"https://quill.example/{number}", title=f"Ferry {number}"),
            [quotation(text, said, speaker="Ada Quill")],
        )

    found = {
        letter: [q.text for q in archive.search([spoken(f"Tor{letter}mar")], limit=5)]
        for letter in SPLIT_LETTERS
    }

    assert found == {
        letter: [f"The ferry left Pellow Sound for Tor{letter}mar at dawn"]
        for letter in SPLIT_LETTERS
    }

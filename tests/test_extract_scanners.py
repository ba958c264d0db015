"""Extraction: the scanners every article goes through first (tokens, line breaks, single
quotation marks, sentence numbers) read the edge cases the rules rely on.

These scanners were rewritten for speed (bench/extraction.py): each case here is one where a
faster form could silently differ from the plain one. The sentences are invented.
"""

from __future__ import annotations

from store.extract.paragraphs import split_paragraphs
from store.extract.quotemarks import find_quote_spans
from store.extract.sentences import sentence_index
from store.extract.tokens import tokenize


def _words(text: str) -> list[str]:
    return tokenize(text).words


def test_every_token_is_the_text_at_its_offsets() -> None:
    text = "  Rep. Ana Ruiz (D-N.Y.) said 34,500 U.S. jobs . . . were lost…  Vale's too.\n\n"
    tokens = tokenize(text)
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == tokens.words
    assert tokens.words[:4] == ["Rep", ".", "Ana", "Ruiz"]
    assert "D-N.Y." in tokens.words and "34,500" in tokens.words and "U.S." in tokens.words
    assert ". . ." in tokens.words and "…" in tokens.words
    assert tokens.words[-4:] == ["Vale", "'s", "too", "."]


def test_plain_words_keep_what_lengthens_them() -> None:
    assert _words("cease-fire O'Rourke rock&roll José Tessa's") == [
        "cease-fire",
        "O'Rourke",
        "rock&roll",
        "José",
        "Tessa",
        "'s",
    ]
    assert _words("the a.m. show") == ["the", "a.m.", "show"]


def test_trailing_space_makes_no_token_and_a_mangled_letter_at_the_end_keeps_its_byte() -> None:
    assert _words("Vale spoke.   \n\t ") == ["Vale", "spoke", "."]
    assert _words("") == [] and _words(" \n ") == []
    # "à" read as Latin-1 ("Ã" and a no-break space) at the very end of the text: one word.
    assert _words("voil\u00c3\u00a0") == ["voil\u00c3\u00a0"]


def test_line_breaks_with_spaces_around_them_split_as_before() -> None:
    text = "Harbour vote delayed   \n  Ana Ruiz, the mayor, said the vote would wait.\n"
    assert [text[p.start : p.end] for p in split_paragraphs(text)] == [
        "Harbour vote delayed",
        "Ana Ruiz, the mayor, said the vote would wait.",
    ]


def test_single_marks_open_after_a_space_or_at_a_line_start_and_close_before_punctuation() -> None:
    text = "'Sign it,' Ruiz said.\nThe ferry's owner said 'no' and left."
    spans = find_quote_spans(text, split_paragraphs(text))
    assert [text[s.start : s.end] for s in spans] == ["Sign it", "no"]


def test_sentence_numbers_count_the_starts_at_or_before_each_token() -> None:
    assert sentence_index([0, 3, 5], 7) == [0, 0, 0, 1, 1, 2, 2]
    assert sentence_index([2, 4], 6) == [0, 0, 0, 0, 1, 1]
    assert sentence_index([], 3) == [0, 0, 0]

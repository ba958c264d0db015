"""Words as the matcher compares them: what makes two printings of a quotation the same words."""

from __future__ import annotations

import random

import pytest

from store.search.words import segments, spoken, words

#: Marks read inside a word ("don't", "cease-fire", "3,000").
JOINERS = "'’‘`´-‐‑–.,"


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("Cease-fire", ["ceasefire"]),
        ("cease‑fire", ["ceasefire"]),
        ("CEASEFIRE", ["ceasefire"]),
        ("Café", ["cafe"]),
        ("the council’s plan", ["the", "councils", "plan"]),
        ("3,000 boats", ["3000", "boats"]),
    ],
)
def test_case_accents_dashes_and_possessives_do_not_make_words_differ(
    printed: str, read: list[str]
) -> None:
    assert spoken(printed) == read


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("We don't", ["we", "do", "not"]),
        ("We Don’t", ["we", "do", "not"]),
        ("they can't", ["they", "can", "not"]),
        ("they cannot", ["they", "can", "not"]),
        ("it won't", ["it", "will", "not"]),
        ("we're late", ["we", "are", "late"]),
        ("I'm here", ["i", "am", "here"]),
        ("they've gone", ["they", "have", "gone"]),
        ("you'll see", ["you", "will", "see"]),
        ("she'd go", ["she", "would", "go"]),
        ("It’s late", ["it", "is", "late"]),
        ("let's go", ["let", "us", "go"]),
    ],
)
def test_contractions_are_read_as_the_words_they_stand_for(printed: str, read: list[str]) -> None:
    assert spoken(printed) == read


@pytest.mark.parametrize(
    "printed", ["O'Neill", "ma'am", "o'clock", "rock'n'roll", "wont", "cant", "its", "Vale's"]
)
def test_names_and_words_with_apostrophes_are_not_taken_for_contractions(printed: str) -> None:
    assert len(spoken(printed)) == 1


def test_both_words_of_a_contraction_keep_its_span_and_spelling() -> None:
    first, second = words("Don’t")

    assert (first.start, first.end) == (second.start, second.end) == (0, 5)
    assert first.contraction == second.contraction == "don't"


def test_bracketed_insertions_are_marked_as_not_the_speakers_words() -> None:
    found = words("you will [eventually] need a ferry")

    assert [w.norm for w in found if w.inserted] == ["eventually"]
    assert spoken("you will [eventually] need a ferry") == ["you", "will", "need", "a", "ferry"]


def test_ellipses_divide_a_quotation_into_the_stretches_each_to_be_found() -> None:
    assert segments("not safe … until the piers . . . rebuilt") == [
        "not safe ",
        " until the piers ",
        " rebuilt",
    ]


def test_every_word_folds_to_letters_and_digits_alone() -> None:
    """Each character read as part of a word, on its own and inside one, gives a word of letters
    and digits only: the one kind of term both databases' indexes store as one token. Compatibility
    forms that decompose to a space ("ﹰ"), a symbol ("½") or a mark ("ำ") lose those parts."""
    odd = []
    for code in range(0x110000):
        letter = chr(code)
        if not (letter.isalnum() or letter in JOINERS):
            continue  # never part of a word
        for word in words(f"a{letter}b"):
            if not word.norm.isalnum():
                odd.append(f"U+{code:04X} -> {word.norm!r}")
    assert odd == []


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("\ufe70", []),  # ARABIC FATHATAN ISOLATED FORM: a space and a mark
        ("\u037a", []),  # GREEK YPOGEGRAMMENI
        ("a 2½-hour wait", ["a", "212hour", "wait"]),
        ("don´t", ["do", "not"]),  # an acute accent used as the apostrophe
    ],
)
def test_compatibility_forms_fold_to_the_letters_they_hold(printed: str, read: list[str]) -> None:
    assert spoken(printed) == read


def test_the_index_reads_the_same_words_as_the_matcher_however_marks_and_brackets_fall() -> None:
    # `spoken` (what the index stores) takes shortcuts `words` (what matching aligns) does not:
    # each printed word folded once and remembered, bracketed stretches cut out before reading.
    # Texts of every mark next to every other: brackets inside words, around separators, open.
    pieces = ["Pier", "don't", "WON'T", "cannot", "3", ",", ".", "-", "’s", "[", "]", " ", "é"]
    pieces += ["Ꭰ", "ﬁ", "½", "…", "we're", "it's", "_", "x", "[the mayor]", "0.5", "'"]
    rng = random.Random(15)
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 14)))
        assert spoken(text) == [w.norm for w in words(text) if not w.inserted], text

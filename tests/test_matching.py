"""Word alignment of a pasted quote with a printed text: what the verifier's verdicts rest on."""

from __future__ import annotations

from bot.verifier.matching import align, could_hold, telling_words
from store.search.words import words

PRINTED = (
    "I have twelve budgets and no cloud until the developers created the surgeries before "
    "the summer."
)


def test_a_repeated_common_word_pairs_with_the_stretch_it_belongs_to() -> None:
    # "the" also stands three words earlier; pairing with it would invent left-out words.
    alignment = align(words("the surgeries before the summer"), PRINTED)

    assert alignment.exact
    assert alignment.gap == 0
    assert PRINTED[alignment.start : alignment.end] == "the surgeries before the summer"


def test_a_mistyped_word_is_found_near_and_shown_as_a_change() -> None:
    alignment = align(words("the developers creatd the surgeries"), PRINTED)

    assert (alignment.equal, alignment.near) == (4, 1)
    assert [(c.query, c.archive) for c in alignment.changes] == [("creatd", "created")]


def test_the_share_of_telling_words_found_leaves_common_words_aside() -> None:
    # Shares "I have … and no … until the … the … before the summer" but not what it is about.
    alignment = align(
        words(
            "I have seven lorries and no fuel until the drivers bought the tyres before the summer"
        ),
        PRINTED,
    )

    assert alignment.matched / alignment.query_words > 0.5
    assert alignment.telling_found < 0.5


def test_a_text_without_the_pastes_subject_is_screened_out_before_alignment() -> None:
    unrelated = "The ferry will run every twenty minutes until the bridge reopens."
    paste = telling_words(words("the developers created the surgeries before the summer"))
    mistyped = telling_words(words("the develoeprs creatd the surgeris before the summer"))

    assert not could_hold(paste, unrelated)
    assert could_hold(paste, PRINTED)
    assert could_hold(mistyped, PRINTED)  # one telling word of four still reads as printed


def test_edited_words_count_a_changed_word_once_and_a_word_added_at_the_edge_once() -> None:
    changed = align(words("the developers built the surgeries before the summer"), PRINTED)
    left_out = align(words("the developers the surgeries before the summer"), PRINTED)
    # "quot" stands where the printed text has "until" and "before": the paste adds it.
    entity = align(words("&quot;the developers created the surgeries&quot;"), PRINTED)

    assert changed.edited_words == 1
    assert left_out.edited_words == 1
    assert entity.edited_words == 2

"""The keys that recognise one article, quotation or person written several ways."""

from __future__ import annotations

import pytest

from store.normalise import content_hash, name_key, quotation_fingerprint, url_key


def test_query_parameters_that_name_the_article_are_kept_and_sorted() -> None:
    assert url_key("https://courier.example/story?page=2&id=41&utm_medium=email") == (
        "https://courier.example/story?id=41&page=2"
    )
    assert url_key("https://courier.example/story?id=41") != url_key(
        "https://courier.example/story?id=42"
    )


def test_path_case_and_non_default_ports_are_kept() -> None:
    assert url_key("https://Courier.example:8443/News/Story/") == (
        "https://courier.example:8443/News/Story"
    )


def test_text_that_is_not_an_absolute_url_is_only_trimmed() -> None:
    assert url_key("  stories/ferry.html ") == "stories/ferry.html"


def test_an_address_urllib_cannot_split_is_only_trimmed() -> None:
    assert url_key(" http://[harbour-news/pier ") == "http://[harbour-news/pier"


def test_texts_differing_in_spacing_case_and_quote_marks_hash_alike() -> None:
    assert content_hash('She said: "We’ll  see."\n') == content_hash("she said: “we'll see.”")
    assert content_hash("We'll see.") != content_hash("We will see.")


@pytest.mark.parametrize(
    "printed",
    [
        "“We will reopen the terminal… before the spring tides,”",
        "we will reopen the terminal [at Port Ellery] before the spring tides.",
        "We will reopen the terminal . . . before the spring tides",
    ],
)
def test_quotation_fingerprint_ignores_punctuation_insertions_and_ellipses(printed: str) -> None:
    assert quotation_fingerprint(printed) == quotation_fingerprint(
        "We will reopen the terminal before the spring tides."
    )


def test_quotation_fingerprint_tells_changed_words_apart() -> None:
    assert quotation_fingerprint("We will reopen the terminal") != quotation_fingerprint(
        "We will close the terminal"
    )


def test_name_key_ignores_case_spacing_and_apostrophe_style() -> None:
    assert name_key("Aoife  O’Connell-Reyes") == name_key("aoife o'connell-reyes")


@pytest.mark.parametrize(
    ("plain", "typographic"),
    [
        ("The `ferry` won't SAIL", "The ‘ferry’ won’t SAIL"),
        ("Harbour fees were 'fair', Ms. Quill said", "Harbour fees were ‘fair’, Ms. Quill said"),
    ],
)
def test_ascii_text_hashes_as_its_typographic_spelling(plain: str, typographic: str) -> None:
    # ASCII text is folded the short way (store.normalise._folded): the keys must not differ
    # from those of the same words printed with curly marks, folded the long way.
    assert content_hash(plain) == content_hash(typographic)
    assert quotation_fingerprint(plain) == quotation_fingerprint(typographic)

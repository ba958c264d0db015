"""The word lists extraction reads are data a newsroom can extend: each word listed once, each
speech verb tag and closed word class the code asks for defined, and everything defined used.

A list that drifts (a verb listed twice, a tag no rule asks for, a class nobody reads, a set
entry that can never match) fails here rather than silently in an article.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from store.extract.lexicon import VERB_TAGS, lines, speech_verbs, verb_line, word_class
from store.extract.lexicon import word_classes as all_word_classes

_EXTRACT = Path(__file__).resolve().parent.parent / "store" / "extract"
_DATA = resources.files("store.extract").joinpath("data")
#: Files of one entry a line (the others: speech verbs, pronouns and the classes have syntax).
_PLAIN_LISTS = sorted(
    path.name
    for path in _DATA.iterdir()
    if path.name.endswith(".txt")
    and path.name
    not in {"speech_verbs.txt", "closed_classes.txt", "pronouns.txt", "role_abbreviations.txt"}
)


def _code() -> str:
    return "\n".join(path.read_text("utf-8") for path in _EXTRACT.rglob("*.py"))


def test_every_speech_verb_is_listed_once() -> None:
    bases = Counter(verb_line(line)[0] for line in lines("speech_verbs.txt"))

    assert [base for base, count in bases.items() if count > 1] == []


def test_every_verb_tag_is_known_used_by_a_verb_and_asked_for_by_the_code() -> None:
    tagged = Counter(tag for line in lines("speech_verbs.txt") for tag in verb_line(line)[2])
    asked = set(re.findall(r'tagged\(\s*"([a-z-]+)"\s*\)', _code()))

    assert set(tagged) <= VERB_TAGS, "a tag in speech_verbs.txt the lexicon does not know"
    assert set(tagged) == VERB_TAGS, "a known tag that no verb carries"
    assert asked == VERB_TAGS, "a tag the code asks for and the data lacks, or the reverse"


def test_a_verb_carries_each_tag_once() -> None:
    for line in lines("speech_verbs.txt"):
        base, _, tags = verb_line(line)
        assert len(tags) == len(set(tags)), base


def test_an_unknown_tag_or_class_is_an_error_not_an_empty_set() -> None:
    with pytest.raises(KeyError):
        speech_verbs().tagged("loud")
    with pytest.raises(KeyError):
        word_class("adverbs-of-doubt")


def test_every_word_class_is_read_by_the_code_and_every_class_read_exists() -> None:
    read = set(re.findall(r'word_class\(\s*"([a-z-]+)"\s*\)', _code()))

    assert read == set(all_word_classes())


def test_every_word_of_a_class_is_listed_once() -> None:
    classes: dict[str, list[str]] = {}
    current: list[str] = []
    for line in lines("closed_classes.txt"):
        if line.startswith("["):
            current = classes.setdefault(line[1:-1], [])
        else:
            current += line.split()
    for name, words in classes.items():
        assert [w for w, n in Counter(words).items() if n > 1] == [], name


@pytest.mark.parametrize("name", _PLAIN_LISTS)
def test_every_entry_of_a_list_is_listed_once(name: str) -> None:
    entries = Counter(line.lower() for line in lines(name))

    assert [entry for entry, count in entries.items() if count > 1] == []


def test_every_data_file_is_read_by_the_code() -> None:
    code = _code()
    unread = [
        path.name
        for path in _DATA.iterdir()
        if path.name.endswith((".txt", ".json")) and f'"{path.name}"' not in code
    ]

    assert unread == []


def test_every_data_file_is_installed_with_the_package() -> None:
    """pyproject.toml's package-data globs cover every file in store/extract/data, so that an
    installed quotebot reads its lists from the package, never from a checkout or the network."""
    pyproject = tomllib.loads((_EXTRACT.parent.parent / "pyproject.toml").read_text("utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["store"]
    store = _EXTRACT.parent
    shipped = {path for pattern in globs for path in store.glob(pattern)}

    assert sorted(p.name for p in (_EXTRACT / "data").iterdir() if p not in shipped) == []

"""Runs of name words: where a person's or an organisation's name starts and ends, the titles
before it, and the words that describe rather than name ("Tory Dan Pike")."""

from __future__ import annotations

import functools
import re
from itertools import compress

from store.extract.grammar import (
    ARTICLES,
    CAPITALISED_NON_NAMES,
    FUNCTION_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
)
from store.extract.lexicon import (
    given_names,
    org_words,
    outlet_words,
    party_words,
    role_nouns,
    titles,
    word_class,
)
from store.extract.tokens import Tokens


def is_name_word(tokens: Tokens, index: int) -> bool:
    known = tokens.name_words
    if known is None:
        known = tokens.name_words = _name_words(tokens)
    return known[index] and index not in tokens.not_names


def _name_words(tokens: Tokens) -> list[bool]:
    """Which tokens can be words of a name, read once per text: the answer depends on the
    tokens alone (`not_names` is checked apart, as it is settled later), and the rules ask
    about the same tokens many times."""
    known = [False] * len(tokens)
    words, lowers = tokens.words, tokens.lowers
    for index in compress(range(len(known)), tokens.capitalised):
        known[index] = words[index][0].isalpha() and (
            lowers[index] not in CAPITALISED_NON_NAMES
            or _middle_initial(tokens, index)
            or _surname_before_verb(tokens, index)
            or _honorific_before_name(tokens, index)
        )
    _drop_post_nominals(tokens, known)
    return known


_POST_NOMINALS = word_class("post-nominals")


def post_nominal(tokens: Tokens, index: int) -> bool:
    """Letters after a name that are no part of it: the "MP" of "Gideon Lusk MP"."""
    return tokens.lowers[index] in _POST_NOMINALS and tokens.words[index].isupper()


def _drop_post_nominals(tokens: Tokens, known: list[bool]) -> None:
    """ "Gideon Lusk MP said", "Dora Finch OBE": letters after a name are no part of it (but
    "Labour MP Rob Hale": before a name, "MP" is a title and the run goes on)."""
    lowers = tokens.lowers
    # Only capitalised tokens can be such letters (found by a scan in C); most texts hold none.
    letters = [
        index
        for index in compress(range(len(lowers)), tokens.capitalised)
        if post_nominal(tokens, index)
    ]
    done = -1
    for index in letters:
        if index <= done or index == 0 or not known[index - 1]:
            continue
        end = index
        while end + 1 < len(lowers) and post_nominal(tokens, end + 1):
            end += 1  # "Keir Vale KC MP"
        following = end + 1
        if following >= len(lowers) or not known[following]:
            for position in range(index, end + 1):
                known[position] = False
        done = end


_SAYING = word_class("saying-forms")


def _surname_before_verb(tokens: Tokens, index: int) -> bool:
    """The "Read" of '"…," Read said': a surname that is also a common word."""
    return (
        0 < index < len(tokens.words) - 1
        and tokens.lowers[index + 1] in _SAYING
        and (
            tokens.words[index - 1] in {",", "”", '"', "’"}
            or (tokens.capitalised[index - 1] and tokens.words[index - 1].isalpha())
        )
    )


def _honorific_before_name(tokens: Tokens, index: int) -> bool:
    """The "Sir" of "Sir Tom Vale": a form of address that is also a common word ("Yes, sir")
    opens a name when a name follows it."""
    following = index + 1
    if following < len(tokens.words) and tokens.words[following] == ".":
        following += 1
    return (
        tokens.lowers[index] in HONORIFICS
        and following < len(tokens.words)
        and tokens.capitalised[following]
        and tokens.words[following][0].isalpha()
        and tokens.lowers[following] not in CAPITALISED_NON_NAMES
    )


def _middle_initial(tokens: Tokens, index: int) -> bool:
    """The "A." of "Rob A. Hale": an initial, though "A" is mostly an article."""
    words = tokens.words
    return (
        len(words[index]) == 1
        and 0 < index < len(words) - 2
        and words[index + 1] == "."
        and tokens.starts[index + 1] == tokens.ends[index]
        and tokens.capitalised[index - 1]
        and words[index - 1][0].isalpha()
        and tokens.capitalised[index + 2]
    )


def _joins_name(tokens: Tokens, index: int, low: int, high: int) -> bool:
    """A particle, an initial's full stop, a title's full stop or a nickname inside a run."""
    if index in tokens.nicknames:
        return low < index < high
    lower = tokens.lowers[index]
    if (
        lower in {"'", "’"}
        and low < index < high
        and tokens.starts[index] == tokens.ends[index - 1]
    ):
        # "Fenmoor Growers' Association": a plural possessive inside an organisation's name.
        return tokens.lowers[index - 1].endswith("s") and is_name_word(tokens, index + 1)
    if lower in NAME_PARTICLES:
        # "Jan van der Berg", "Maria de la Cruz": two particles in a row join too.
        before = index - 1
        if before > low and tokens.lowers[before] in NAME_PARTICLES:
            before -= 1
        after = index + 1
        if after < high and tokens.lowers[after] in NAME_PARTICLES:
            after += 1
        return (
            low <= before
            and index < high
            and after <= high
            and is_name_word(tokens, after)
            and is_name_word(tokens, before)
        )
    if lower == "for":
        # "Department for Coastal Affairs", "Institute for Fiscal Studies": a body's name.
        return (
            low < index < high
            and tokens.lowers[index - 1] in org_words()
            and is_name_word(tokens, index - 1)
            and is_name_word(tokens, index + 1)
        )
    if lower == "." and index > low and tokens.starts[index] == tokens.ends[index - 1]:
        if "\n" in _gap_after(tokens, index):
            # "… needs a Plan B." ending a line: the next line's name is its own.
            return False
        before = tokens.words[index - 1]
        return (len(before) == 1 and before.isupper()) or before.lower() + "." in titles()
    return False


def _gap_after(tokens: Tokens, index: int) -> str:
    """The text between token `index` and the next one."""
    following = index + 1
    if following >= len(tokens):
        return ""
    return tokens.text[tokens.ends[index] : tokens.starts[following]]


def run_ending_at(tokens: Tokens, low: int, end: int) -> int | None:
    """Start of the run of name words that ends at token `end`, or None."""
    if end < low or not is_name_word(tokens, end):
        return None
    index = end
    while index - 1 >= low and (
        is_name_word(tokens, index - 1) or _joins_name(tokens, index - 1, low, end)
    ):
        index -= 1
    while index < end and not is_name_word(tokens, index):
        index += 1
    return index


def run_starting_at(tokens: Tokens, start: int, high: int) -> int | None:
    """End of the run of name words that starts at token `start`, or None."""
    if start > high or not is_name_word(tokens, start):
        return None
    index = start
    while index + 1 <= high and (
        is_name_word(tokens, index + 1) or _joins_name(tokens, index + 1, start, high)
    ):
        if tokens.lowers[index + 1] == "of" and person_run(tokens, start, index):
            break  # "Stacy Baker of Derry": a person and where she is from, not one name
        index += 1
    while index > start and not is_name_word(tokens, index):
        index -= 1
    return index


def person_run(tokens: Tokens, first: int, last: int) -> bool:
    """ "Ana Ruiz", not "Bank" or "Harbour Board": a person's name before an "of"."""
    lowers = tokens.lowers[first : last + 1]
    if lowers[0] in given_names():
        return True
    titled = 0
    while titled < len(lowers) - 1 and lowers[titled].rstrip(".") in _title_words():
        titled += 1
    if titled and lowers[titled] in given_names():
        return True  # "Senator Ana Ruiz of Vale": a title, then a person
    known = _not_person_words()
    return len(lowers) >= 2 and not any(word in known for word in lowers)


@functools.cache
def _title_words() -> frozenset[str]:
    """Titles and role nouns: the words a title run inside a name is made of."""
    return titles() | role_nouns()


@functools.cache
def _not_person_words() -> frozenset[str]:
    """Words that make a capitalised run an organisation or a title, not a person's name."""
    return org_words() | outlet_words() | titles() | role_nouns()


def title_end(tokens: Tokens, first: int, last: int) -> int:
    """Index after the last title inside a name run ("Vale Councillor Rob Hale" -> "Rob").

    Capitalised role nouns count as titles there too: "Moderator Ivo Brandt".
    """
    if tokens.lowers[last] in org_words():
        return first  # "Harbour Workers Union", "Nurses Association": a body's whole name
    known = _title_words()
    cut = first
    index = first
    while index <= last:
        matched = 0
        for size in (3, 2, 1):
            if index + size - 1 > last:
                continue
            phrase = " ".join(tokens.lowers[index : index + size])
            if phrase in known or phrase.replace(" .", ".") in known:
                matched = size
                break
        if matched:
            index += matched
            if index <= last and tokens.words[index] == ".":
                index += 1
            cut = index
        elif tokens.lowers[index] in given_names() and index < last and cut > first:
            break  # "Representative Peter T. King": after a title and a first name, a surname
        else:
            index += 1
            if index <= last and _describes_first_name(tokens, index - 1, index):
                cut = index
    if first < cut < last and tokens.lowers[cut] == "of":
        # "Chief Minister of Kerala P. Vijayan", "Mayor of Port Ardith Ana Ruiz": the title
        # goes on over the place it is of.
        cut = _name_after_place(tokens, cut + 1, last)
    return cut


def _name_after_place(tokens: Tokens, place: int, last: int) -> int:
    """Where the name starts after "of <place>" in a title run: at a given name the lists know
    or an initial ("P." of "P. Vijayan"), else the last two words when the place leaves them
    (a name of two words after a place of one or more); past `last` when the run is a title
    and its place alone ("Chief Minister of Kerala said")."""
    words = tokens.words
    for index in range(place + 1, last + 1):
        initial = len(words[index]) == 1 and words[index].isupper()
        if tokens.lowers[index] in given_names() or initial:
            return index
    return last - 1 if last - place >= 2 else last + 1


_ACRONYM = re.compile(r"[A-Z]{2,5}$")


def _describes_first_name(tokens: Tokens, word: int, following: int) -> bool:
    """ "Tory Dan Pike", "Ex-Labour MP Rob Hale", "Radio DJ Pat Moon": a party, an acronym
    or an ex- word right before a known first name is a description, not the start of the
    name ("Rand Hale" and "Clarence Ruiz" keep theirs: neither word describes)."""
    lower = tokens.lowers[word]
    if lower in given_names() or tokens.lowers[following] not in given_names():
        return False
    bare = lower.removeprefix("ex-").removeprefix("former-")
    return (
        bare in party_words()
        or bare in _title_words()
        or bool(_ACRONYM.match(tokens.words[word]))
        or (bare != lower and tokens.capitalised[word])
    )


def is_organisation_name(tokens: Tokens, first: int, last: int) -> bool:
    last_word = tokens.lowers[last]
    word = tokens.words[last]
    return (
        last_word in org_words()
        or last_word in outlet_words()
        or (word.isupper() and len(word) >= 2 and first == last)
        or _organisation_of(tokens, first, last)
    )


def _organisation_of(tokens: Tokens, first: int, last: int) -> bool:
    """ "Ministry of Fisheries", "Department for Coastal Affairs": the word before "of" or
    "for" names the kind of body."""
    if last - first < 2:
        return False  # no room for "X of Y"
    lowers = tokens.lowers
    return any(
        lowers[i] in {"of", "for"} and lowers[i - 1] in org_words() for i in range(first + 1, last)
    )


def relative_after(tokens: Tokens, last: int) -> str | None:
    """ "who" of "Ardelle, who won the award," or "which" of "Vexco, which runs the ferry,":
    the relative pronoun that describes the name ending at `last`, if one does."""
    if last + 2 < len(tokens) and tokens.words[last + 1] == ",":
        pronoun = tokens.lowers[last + 2]
        return pronoun if pronoun in {"who", "which"} else None
    return None


#: How many words an appositive calling a name a body may have: "a conservation group".
_BODY_WORDS = 5
#: Organisation words that describe a place in an appositive: "Harford, a city of 40,000".
_PLACE_HEADS = frozenset({"city", "town", "village", "county", "state", "country", "region"})


def body_appositive(tokens: Tokens, last: int) -> str | None:
    """ "Tidewatch, a conservation group,": the organisation word an appositive after the name
    ending at `last` calls it ("group"), if it calls it one."""
    start = last + 1
    if start + 2 >= len(tokens) or tokens.words[start] != ",":
        return None
    if tokens.lowers[start + 1] not in ARTICLES:
        return None
    head = None
    for index in range(start + 2, min(len(tokens), start + 2 + _BODY_WORDS)):
        word = tokens.lowers[index]
        if not word.isalpha() or word in FUNCTION_WORDS:
            break  # "the company behind the plan": its head is "company"
        if tokens.capitalised[index]:
            return None  # "Pike, the Harbour Coalition and …": a list of names
        head = word
    return head if head in org_words() and head not in _PLACE_HEADS else None

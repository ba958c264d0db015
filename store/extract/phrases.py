"""Noun phrases that name who spoke: a name, a pronoun, or a description ("the Vale senator").

Two readings are needed. Before a speech verb the subject is the phrase that *ends* at the verb
("At the hearing, Ruiz said"), or, when an appositive sits between them, the phrase that
*starts* the clause ("Tessa Quill, a senior surveyor ..., said"). After an inverted verb
("said Tessa Quill, a member of the council") it is the phrase that starts there. Each reading
returns a `Mention`: the head as written, its kind, and the role the text gives around it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from store.extract.grammar import (
    ADJECTIVE_ENDINGS,
    CAPITALISED_NON_NAMES,
    DETERMINERS,
    FUNCTION_WORDS,
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    NOUN_LIKE_VERBS,
    PRONOUNS,
)
from store.extract.lexicon import (
    document_nouns,
    given_names,
    org_words,
    outlet_words,
    party_words,
    role_nouns,
    speech_verbs,
    titles,
)
from store.extract.tokens import Tokens

NAME = "name"
PRONOUN = "pronoun"
NOMINAL = "nominal"

_MAX_PHRASE = 12
_POSSESSIVE = frozenset({"’s", "'s", "'", "’"})
_QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’", "'", "«", "»"})


@dataclass(frozen=True)
class Mention:
    """Who a cue names, as written."""

    #: Token range of the head (the name without titles, the pronoun, or the whole description).
    first: int
    last: int
    kind: str
    text: str
    role: str | None = None
    #: The head names an organisation (The Vale Coast Guard, the union), not a person.
    organisation: bool = False
    #: Title words before the name ("Harbour Master", "Cllr."): a role the text gives the person.
    title: str | None = None
    #: First token of the whole phrase, determiner and descriptors included.
    start: int = -1
    #: The second of two people who speak together: "Mara Kellan and Hugo Lind wrote".
    partner: Mention | None = None


def is_name_word(tokens: Tokens, index: int) -> bool:
    word = tokens.words[index]
    return (
        tokens.capitalised[index]
        and word[0].isalpha()
        and (
            tokens.lowers[index] not in CAPITALISED_NON_NAMES
            or _middle_initial(tokens, index)
            or _surname_before_verb(tokens, index)
            or _honorific_before_name(tokens, index)
        )
        and index not in tokens.not_names
    )


#: Verbs after which a capitalised word just after a quotation is a surname ('"…," Read said').
_SAYING = frozenset({"said", "says", "told", "tells", "wrote", "writes", "added", "adds"})


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
        return (
            low < index < high
            and is_name_word(tokens, index + 1)
            and (is_name_word(tokens, index - 1))
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
        else:
            index += 1
            if index <= last and _describes_first_name(tokens, index - 1, index):
                cut = index
    return cut


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
    )


#: Heads of a share of people: "21 percent said", "a majority said".
GROUP_SHARES = frozenset({"percent", "majority", "minority"})


def _is_head_noun(lower: str) -> bool:
    return (
        lower in role_nouns()
        or lower in org_words()
        or lower in document_nouns()
        or lower in GROUP_SHARES
    )


_AGE = re.compile(r"\d+-year-old$")
#: "a Wednesday editorial", "the March report": days and months describe like adjectives.
_CALENDAR = MONTHS | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: Endings of adjectives that may be listed with commas: "the weathered, 64-year-old".
_LISTED_ADJECTIVE_ENDINGS = (*ADJECTIVE_ENDINGS, "ed", "y")
#: Common nouns for an outlet after its name: "Time magazine", "the Journal-Courier newspaper".
_OUTLET_NOUNS = frozenset({"magazine", "newspaper", "website", "network", "tabloid"})
#: "the two", "the three": a group the article has just named.
_PAIR_WORDS = frozenset({"two", "three", "four"})
#: "about 50 protesters", "1,200 workers": a count describes a group like an adjective.
_COUNT = re.compile(r"\d{1,3}(?:,\d{3})*$")
#: Words that make a count approximate: "about 50 protesters".
_APPROXIMATELY = frozenset({"about", "some", "nearly", "roughly", "almost", "around", "over"})
#: "a 2008 Hale veteran": a year describes like an adjective.
_YEAR = re.compile(r"(?:1[89]|20)\d\d$")
#: "1st Lt. Oskar Voss", "the 3rd District": an ordinal describes like an adjective.
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
#: Words that may open a clause before its subject: "and", "even a top strategist said".
_LEADING_WORDS = frozenset({"and", "but", "so", "then", "also", "yet", "even", "now", "—", "-"})
_QUANTIFIERS = frozenset({"one", "another", "some", "others", "many", "several", "both", "most"})
#: How far past a name a description may go on to reach the head: "Band member Gus".
_DESCRIPTOR_REACH = 4


def _descriptor(tokens: Tokens, index: int) -> bool:
    lower = tokens.lowers[index]
    return (
        (
            tokens.words[index][0].isalpha()
            # Capitalised only because it opens the sentence: "Harbour Party front-runner Hale".
            and (not tokens.capitalised[index] or index in tokens.not_names)
            and lower not in FUNCTION_WORDS
            and lower not in DETERMINERS
            and (speech_verbs().base(lower) is None or _noun_before_noun(tokens, index))
        )
        or (
            lower in _CALENDAR
            or (
                lower[:1].isdigit()
                and bool(
                    _AGE.match(lower)
                    or _ORDINAL.match(lower)
                    or _YEAR.match(lower)
                    or _COUNT.match(lower)
                )
            )
        )
    )


def _noun_before_noun(tokens: Tokens, index: int) -> bool:
    """The "state" of "state delegate": a noun that is also a speech verb, describing the
    noun after it (not "observers note the …")."""
    following = index + 1
    return (
        tokens.lowers[index] in NOUN_LIKE_VERBS
        and following < len(tokens.words)
        and tokens.words[following].isalpha()
        and tokens.lowers[following] not in FUNCTION_WORDS
        and tokens.lowers[following] not in DETERMINERS
    )


def _continues_to_head(tokens: Tokens, index: int, high: int) -> bool:
    """After a name run, do descriptors lead on to a role or another name?

    "Harbour Party mayoral candidate Ana Ruiz" goes on; "Hale returned the" does not.
    """
    for position in range(index, min(high, index + _DESCRIPTOR_REACH) + 1):
        if is_name_word(tokens, position):
            return position > index
        if not _descriptor(tokens, position) or _verb_like(tokens.lowers[position]):
            return False
        if _role_word(tokens.lowers[position]):
            return True
        if position > index and tokens.lowers[position] in org_words():
            return True  # "the venerable coastal fishing association"
        if position + 1 <= high and tokens.lowers[position + 1] in _POSSESSIVE:
            return True  # "the British capital's new mayor"
    return False


def _verb_like(lower: str) -> bool:
    """ "endorsed" in "Ruiz endorsed Hale": a verb between two names, not a description."""
    return lower.endswith("ed") and not _role_word(lower)


def _role_word(lower: str) -> bool:
    return lower in role_nouns() or lower.rsplit("-", 1)[-1] in role_nouns()


#: Prepositions that tie a role to whom it serves: "an aide to Wren", "a spokesman for the board".
_ROLE_PREPOSITIONS = frozenset({"to", "for", "of", "at", "with", "from"})
#: Prepositions after which a phrase belongs to the text before it ("a letter to X").
_REACHING_PREPOSITIONS = frozenset({"of", "for", "at", "with", "from", "to", "by"})
#: Adjectives that tie an anonymous source to what it knows: "a person close to the mayor".
_SOURCE_ADJECTIVES = frozenset(
    """close familiar involved loyal allied opposed sympathetic linked connected tied briefed
    knowledgeable friendly aligned""".split()
)
_SOURCE_PREPOSITIONS = _ROLE_PREPOSITIONS | {"in", "on", "about"}
#: How many words the phrase after such a preposition may have: "the mayor's re-election bid".
_OBJECT_REACH = 6
_OBJECT_STOPS = frozenset({"who", "whom", "which", "that", "and", "but", "or", "as", "when"})


def _object_end(tokens: Tokens, start: int, high: int) -> int | None:
    """Last token of the short noun phrase that starts at `start` ("the Vanes", "the
    talks", "Wren's thinking"), or None when none starts there."""
    lowers, words = tokens.lowers, tokens.words
    end = None
    index = start
    while index <= high and index - start < _OBJECT_REACH:
        lower = lowers[index]
        if lower in _POSSESSIVE and end is not None:
            index += 1
            continue
        if (
            not words[index][0].isalnum()
            or lower in _OBJECT_STOPS
            or speech_verbs().base(lower) is not None
            or (end is not None and _verb_like(lower))  # "a spokesman for Wren declined"
        ):
            break
        if lower in DETERMINERS or lower in {"of", "for", "to"}:
            if lower in {"of", "for", "to"} and end is None:
                break
            index += 1
            continue
        if lower in FUNCTION_WORDS:
            break
        end = index
        index += 1
    return end


def _role_modifier_end(tokens: Tokens, start: int, high: int) -> int | None:
    """After a role noun, the end of what ties it to someone: "close to the Vanes", "to
    the mayor", "with knowledge of the talks"; None when nothing does."""
    lowers = tokens.lowers
    index = start
    if index <= high and lowers[index] in _SOURCE_ADJECTIVES:
        index += 1
        if index > high or lowers[index] not in _SOURCE_PREPOSITIONS:
            return None
    elif index > high or lowers[index] not in _ROLE_PREPOSITIONS:
        return None
    return _object_end(tokens, index + 1, high)


def role_tied_within(tokens: Tokens, first: int, last: int, prepositions: frozenset[str]) -> bool:
    """Whether a role noun inside `first..last` is tied by one of `prepositions` to what
    follows it: "a spokesman for Kessel Ferries", "councillors with old ties"."""
    lowers = tokens.lowers
    return any(
        lowers[i] in role_nouns() and lowers[i + 1] in prepositions for i in range(first, last)
    )


def _modified_role(tokens: Tokens, low: int, start: int, end: int) -> Mention | None:
    """ "a person close to the Vanes", "an aide to Wren" ending at `end`, whose object
    starts at `start`: a description of someone else, not the Vanes or Wren."""
    lowers = tokens.lowers
    preposition = start - 1
    if preposition - 1 < low or lowers[preposition] not in _SOURCE_PREPOSITIONS:
        return None
    outer_end = preposition - 1
    if lowers[outer_end] in _SOURCE_ADJECTIVES:
        outer_end -= 1
    elif lowers[preposition] not in _ROLE_PREPOSITIONS:
        return None
    outer = phrase_ending_at(tokens, low, outer_end)
    if outer is None or outer.kind != NOMINAL or outer.organisation:
        return None
    # "Several senior councillors with old ties to both Vanes": the role may itself be
    # tied to something ("… with old ties") before the name.
    role_head = lowers[outer.last] in role_nouns() or role_tied_within(
        tokens, outer.first, outer.last, _ROLE_PREPOSITIONS
    )
    if not role_head or _role_modifier_end(tokens, outer.last + 1, end) != end:
        return None
    return Mention(outer.first, end, NOMINAL, tokens.span_text(outer.first, end), start=outer.start)


def mention_from(tokens: Tokens, first: int, last: int) -> Mention | None:
    """Classify the noun phrase `first..last` (determiner and descriptors included)."""
    if last < first:
        return None
    lowers = tokens.lowers
    if first == last and lowers[first] in PRONOUNS:
        return Mention(first, last, PRONOUN, tokens.words[first], start=first)
    run_start = run_ending_at(tokens, first, last)
    if run_start is not None:
        return _name_mention(tokens, first, run_start, last)
    if not tokens.words[last][0].isalpha() and not _AGE.match(lowers[last]):
        return None
    # A description: "the Vale senator", "a spokesman for the ministry", "the group".
    text = tokens.span_text(first, last)
    organisation = lowers[last] in org_words() and lowers[last] not in role_nouns()
    return Mention(first, last, NOMINAL, text, organisation=organisation, start=first)


def _name_mention(tokens: Tokens, first: int, run_start: int, last: int) -> Mention | None:
    lowers = tokens.lowers
    determiner = lowers[first] if first < run_start else None
    name_start = title_end(tokens, run_start, last)
    if name_start > last and last > run_start and lowers[run_start] in given_names():
        name_start = run_start  # "Jules Dean", "Ivo Earnest": a surname that is also a title
    if name_start == run_start + 1 == last and lowers[run_start] in given_names():
        name_start = run_start  # "Dean Voss": a first name that is also a title
    descriptors = tokens.span_text(first, run_start - 1) if first < run_start else ""
    if determiner in DETERMINERS:
        descriptors = tokens.span_text(first + 1, run_start - 1)
    title = tokens.span_text(run_start, name_start - 1) if name_start > run_start else None
    if first < run_start and lowers[run_start - 1] in _ROLE_PREPOSITIONS and not title:
        # "the chairman of Vexco Holdings", "a spokesman for Hale": the name is whom the
        # described person serves, not who they are.
        return Mention(first, last, NOMINAL, tokens.span_text(first, last), start=first)
    if name_start > last:
        # Only a title: "the Harbour Master", "Councillor".
        return Mention(first, last, NOMINAL, tokens.span_text(first, last), start=first)
    organisation = is_organisation_name(tokens, name_start, last)
    if determiner in DETERMINERS and determiner != "the" and not title:
        # "another Port Ardith Liberal", "one Hale supporter": a description.
        return Mention(first, last, NOMINAL, tokens.name_text(first, last), start=first)
    if determiner == "the" and not title and run_start == first + 1:
        organisation = True  # "the Daily Tide", "The Vale Coast Guard"
    role_parts = [part for part in (descriptors.strip(), title) if part]
    role = " ".join(role_parts) or None
    return Mention(
        name_start,
        last,
        NAME,
        tokens.name_text(name_start, last),
        role=role,
        organisation=organisation,
        title=title,
        start=first,
    )


def _trim_descriptors(tokens: Tokens, start: int, run_start: int) -> int:
    """Keep the words before a name only up to the nearest verb-like one.

    "Ruiz campaign manager Teo Brack" keeps "Ruiz campaign manager"; "Ruiz endorsed
    Hale" keeps nothing: "endorsed" is a verb, not a description.
    """
    lowers = tokens.lowers
    for index in range(run_start - 1, start - 1, -1):
        if _verb_like(lowers[index]):
            return (
                index + 1
                if index + 1 < run_start and lowers[index + 1] in role_nouns()
                else (run_start)
            )
    return start


def _joins_roles(tokens: Tokens, low: int, index: int, start: int) -> bool:
    """The "and" of "chairman and chief executive Ian Moss": two roles of one person."""
    lowers = tokens.lowers
    if lowers[index] not in {"and", "&"} or index - 1 < low:
        return False
    return lowers[index - 1] in role_nouns() and lowers[start] in role_nouns()


def phrase_ending_at(tokens: Tokens, low: int, end: int) -> Mention | None:
    """The noun phrase that ends exactly at `end` (the word before a speech verb)."""
    if end < low:
        return None
    lowers, words = tokens.lowers, tokens.words
    if lowers[end] in PRONOUNS:
        return Mention(end, end, PRONOUN, words[end], start=end)
    if lowers[end] in _QUANTIFIERS and (end == low or lowers[end - 1] not in DETERMINERS):
        return Mention(end, end, NOMINAL, words[end], start=end)  # "Some chanted …"
    if lowers[end] in _PAIR_WORDS and end - 1 >= low and lowers[end - 1] == "the":
        # '"…," the two write': the two people the article has just named.
        return Mention(end - 1, end, NOMINAL, tokens.span_text(end - 1, end), start=end - 1)
    if lowers[end] in DETERMINERS:
        return None
    numbered = _numbered_name(tokens, low, end)
    if numbered is not None:
        return numbered
    run_start = run_ending_at(tokens, low, end)
    start = run_start if run_start is not None else end
    if run_start is None and not (
        (words[end][0].isalpha() and lowers[end] not in FUNCTION_WORDS) or _AGE.match(lowers[end])
    ):
        return None
    # Walk left over descriptors ("Ruiz campaign manager"), stopping at a determiner.
    index = start - 1
    steps = 0
    while index >= low and steps < _MAX_PHRASE:
        lower = lowers[index]
        if lower in DETERMINERS:
            start = index
            break
        if (
            lower in _POSSESSIVE
            or is_name_word(tokens, index)
            or (
                words[index][0].isalpha()
                and lower not in FUNCTION_WORDS
                and speech_verbs().base(lower) is None
                and not words[index][0].isdigit()
            )
            or (_COUNT.match(lower) and lowers[end] in GROUP_SHARES)  # "21 percent"
            or _AGE.match(lower)  # "the weathered, 64-year-old skipper"
            or _day_of_month(tokens, low, index)
            or _joins_roles(tokens, low, index, start)
        ):
            start = index
            index -= 1
            steps += 1
            continue
        if (
            words[index] == ","
            and run_start is None
            and lowers[end] in role_nouns()
            and index - 2 >= low
            and lowers[index - 2] in DETERMINERS
            and words[index - 1].isalpha()
            and words[index - 1].islower()
            and lowers[index - 1].endswith(_LISTED_ADJECTIVE_ENDINGS)
            and index + 1 < end
            and speech_verbs().base(lowers[index - 1]) is None
        ):
            start = index - 2  # "the weathered, 64-year-old skipper": two adjectives
        break
    if run_start is not None and start < run_start:
        start = _trim_descriptors(tokens, start, run_start)
    modified = _modified_role(tokens, low, start, end)
    if modified is not None:
        return modified
    document = _document_reaching(tokens, low, start, end)
    if document is not None:
        return document
    if (
        run_start is None
        and not _is_head_noun(lowers[end])
        and (lowers[start] not in DETERMINERS or _verb_like(lowers[end]))
    ):
        return None
    # "a spokesman for the ministry": a role noun before of/for/at reaches over the phrase.
    mention = mention_from(tokens, start, end)
    if mention and start - 2 >= low and lowers[start - 1] in {"of", "for", "at", "with", "from"}:
        outer = phrase_ending_at(tokens, low, start - 2)
        if (
            outer
            and outer.kind == NOMINAL
            and (mention.kind == NOMINAL or lowers[outer.first] in DETERMINERS)
            and (lowers[outer.last] in role_nouns())
        ):
            return Mention(
                outer.first, end, NOMINAL, tokens.span_text(outer.first, end), start=outer.first
            )
        if (
            outer
            and outer.kind == NOMINAL
            and mention.organisation
            and (lowers[outer.last] in org_words() and lowers[start - 1] == "of")
        ):
            # "the Saltmarsh branch of the Tessel Sound Dockworkers' Union": one organisation.
            first = outer.first + 1 if lowers[outer.first] in DETERMINERS else outer.first
            text = tokens.span_text(first, end)
            return Mention(first, end, NAME, text, organisation=True, start=outer.first)
        if (
            outer
            and outer.kind == NAME
            and not outer.organisation
            and mention.organisation
            and lowers[start - 1] in {"of", "at", "from"}
        ):
            # "Ivo Brandt of The Coastal Post wrote": the person; where they work is a role.
            return replace(outer, role=tokens.span_text(start - 1, end))
    return mention


_NUMBER = re.compile(r"\d+(?:[.:]\d+)*$")


def _numbered_name(tokens: Tokens, low: int, end: int) -> Mention | None:
    """ "Article 33 affirms", "Psalm 12:3 reads": a name and the number that goes with it."""
    if end - 1 < low or not _NUMBER.match(tokens.words[end]) or not is_name_word(tokens, end - 1):
        return None
    named = phrase_ending_at(tokens, low, end - 1)
    if named is None or named.kind != NAME or named.first != named.last:
        return None
    return replace(named, last=end, text=tokens.span_text(named.first, end))


def _day_of_month(tokens: Tokens, low: int, index: int) -> bool:
    """The "1" of "a Feb. 1 letter": a date inside a description, not a number ending it."""
    if not tokens.words[index].isdigit() or index - 1 < low:
        return False
    month = tokens.lowers[index - 1]
    if month == "." and index - 2 >= low:
        month = tokens.lowers[index - 2] + "."
    return month in MONTHS


def _document_reaching(tokens: Tokens, low: int, start: int, end: int) -> Mention | None:
    """ "a letter from the Fishers' Guild warns", "a story by the Ledger says": the text
    speaks, whoever wrote it, received it or is named after its preposition."""
    if start - 2 < low or tokens.lowers[start - 1] not in _REACHING_PREPOSITIONS:
        return None
    outer = phrase_ending_at(tokens, low, start - 2)
    if outer is None or outer.kind != NOMINAL or tokens.lowers[outer.last] not in document_nouns():
        return None
    return Mention(outer.first, end, NOMINAL, tokens.span_text(outer.first, end), start=outer.start)


def _organisation_run(tokens: Tokens, start: int, high: int) -> bool:
    """A run of name words from `start` that names an organisation ("Coastal Defence League")."""
    end = run_starting_at(tokens, start, high)
    return end is not None and is_organisation_name(tokens, start, end)


def phrase_starting_at(
    tokens: Tokens, start: int, high: int, loose: bool = False
) -> Mention | None:
    """The noun phrase that starts at `start`: "Harbour Master Rob Hale rejected ...".

    `loose`: after an inverted verb ("…," says a narrator) any noun ending the phrase is its head.
    """
    lowers, words = tokens.lowers, tokens.words
    index = start
    while index <= high and lowers[index] in _LEADING_WORDS:
        index += 1
    if index > high:
        return None
    first = index
    if lowers[first] in PRONOUNS:
        return Mention(first, first, PRONOUN, words[first], start=first)
    if lowers[first] in _APPROXIMATELY and first < high and _COUNT.match(lowers[first + 1]):
        index += 1  # "about 50 protesters": the count describes, "about" with it
    if lowers[first] in _QUANTIFIERS and (first == high or not words[first + 1][0].isalpha()):
        # "“Anybody but Hale,” read one."
        return Mention(first, first, NOMINAL, words[first], start=first)
    if lowers[first] in _QUANTIFIERS and first + 2 <= high and lowers[first + 1] == "of":
        # "one of two witnesses who …", "some of the protesters"
        group = phrase_starting_at(tokens, first + 2, high)
        if group is not None and group.kind == NOMINAL:
            text = tokens.span_text(first, group.last)
            return Mention(first, group.last, NOMINAL, text, start=first)
    end: int | None = None
    if lowers[index] in DETERMINERS:
        index += 1
    steps = 0
    while index <= high and steps < _MAX_PHRASE:
        steps += 1
        run_end = run_starting_at(tokens, index, high)
        if run_end is not None:
            end = run_end
            index = run_end + 1
            if index <= high and lowers[index] in _POSSESSIVE:
                # "Vale's harbour master", "Ruiz's spokeswoman Wen Tollan": the possessor
                # is not the head.
                index += 1
                end = None
                continue
            if (
                index <= high
                and lowers[index] in document_nouns()
                and not tokens.capitalised[index]
                and (index + 1 > high or lowers[index + 1] not in _POSSESSIVE)
                and not any(lowers[i] in _POSSESSIVE for i in range(first, index))
            ):
                end = index  # "the Harbour Review Board report", "its Amazon summary"
                break
            if (
                index <= high
                and (lowers[index] in org_words() or lowers[index] in _OUTLET_NOUNS)
                and not tokens.capitalised[index]
                and lowers[index] not in role_nouns()
                and (index + 1 > high or lowers[index + 1] not in _POSSESSIVE)
                and not _continues_to_head(tokens, index, high)
            ):
                end = index  # "the Ruiz campaign", "the Hale administration"
                break
            if (index > high or lowers[index] != "of") and _continues_to_head(tokens, index, high):
                # "Harbour Party mayoral candidate Ana Ruiz"; but "Teo Brack of
                # consulting firm Ardent" is Brack.
                end = None
                continue
            break
        lower = lowers[index]
        if not _descriptor(tokens, index) and not _is_head_noun(lower):
            break
        if end is not None and lower in NOUN_LIKE_VERBS and not _noun_before_noun(tokens, index):
            break  # "Legal observers note the …": the verb after the phrase
        if index + 1 <= high and lowers[index + 1] in _POSSESSIVE:
            index += 2  # "the British capital's new mayor": the possessor is not the head
            end = None
            continue
        closes_phrase = index == high or not words[index + 1][0].isalnum()
        if _is_head_noun(lower) or _AGE.match(lower) or (loose and closes_phrase):
            end = index
            if index + 1 <= high and lowers[index + 1] in _POSSESSIVE:
                index += 2  # "the ad's narrator"
                end = None
                continue
            if index + 1 <= high and (
                run_starting_at(tokens, index + 1, high) is not None
                or _continues_to_head(tokens, index + 1, high)
            ):
                index += 1  # "Harbour Party mayoral nominee Rob Hale"
                continue
            if (
                lower in org_words()
                and index + 2 <= high
                and lowers[index + 1] == "the"
                and _organisation_run(tokens, index + 2, high)
            ):
                # "the fishing association the Coastal Defence League"
                named = phrase_starting_at(tokens, index + 1, high)
                if named is not None and named.kind == NAME:
                    role = tokens.span_text(first, index)
                    return replace(named, role=role, start=first)
        elif (
            end is not None
            and lower not in role_nouns()
            and not _continues_to_head(tokens, index, high)
        ):
            break  # the verb after a description: "the group said" was handled, "the ad ran"
        index += 1
    if end is None:
        return None
    mention = mention_from(tokens, first, end)
    if mention is not None and mention.kind == NOMINAL and lowers[end] in role_nouns():
        # "a person close to the Vanes", "an aide to Wren": who they are tied to belongs
        # to the description (and is not the speaker).
        modified = _role_modifier_end(tokens, end + 1, high)
        if modified is not None:
            text = tokens.span_text(mention.first, modified)
            return replace(mention, last=modified, text=text)
    return mention

"""Descriptions: the head noun of a phrase, the descriptors before it, a role tied to someone
else ("an aide to Wren"), and the mention a span of tokens makes."""

from __future__ import annotations

import re

from store.extract.grammar import (
    ADJECTIVE_ENDINGS,
    DETERMINERS,
    FUNCTION_WORDS,
    MONTHS,
    PEOPLE_PREPOSITIONS,
    PRONOUNS,
    people_plural,
)
from store.extract.lexicon import (
    document_nouns,
    given_names,
    org_words,
    role_nouns,
    speech_verbs,
    word_class,
)
from store.extract.phrases.mention import NAME, NOMINAL, POSSESSIVE, PRONOUN, Mention
from store.extract.phrases.names import is_name_word, is_organisation_name, run_ending_at, title_end
from store.extract.tokens import Tokens

#: Speech verbs more often nouns than verbs (tagged "noun-like" in data/speech_verbs.txt).
_NOUN_LIKE = speech_verbs().tagged("noun-like")
#: Capitalised words that describe one person, not name them: "the Swede", "the Irishwoman".
_ONE_PERSON_WORDS = word_class("demonyms") | word_class("person-epithets")

GROUP_SHARES = word_class("group-shares")


def is_head_noun(lower: str) -> bool:
    return (
        lower in role_nouns()
        or lower in org_words()
        or lower in document_nouns()
        or lower in GROUP_SHARES
    )


AGE = re.compile(r"\d+-year-old$")


#: "a Wednesday editorial", "the March report": days and months describe like adjectives.
_CALENDAR = MONTHS | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


#: Endings of adjectives that may be listed with commas: "the weathered, 64-year-old".
LISTED_ADJECTIVE_ENDINGS = (*ADJECTIVE_ENDINGS, "ed", "y")


OUTLET_NOUNS = word_class("outlet-nouns")


PAIR_WORDS = word_class("pair-words")


#: "about 50 protesters", "1,200 workers": a count describes a group like an adjective.
COUNT = re.compile(r"\d{1,3}(?:,\d{3})*$")


APPROXIMATELY = word_class("approximately")


#: "a 2008 Hale veteran": a year describes like an adjective.
_YEAR = re.compile(r"(?:1[89]|20)\d\d$")


#: "1st Lt. Oskar Voss", "the 3rd District": an ordinal describes like an adjective.
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")


#: Words that may open a clause before its subject: "and", "even a top strategist said".
LEADING_WORDS = frozenset({"and", "but", "so", "then", "also", "yet", "even", "now", "—", "-"})


QUANTIFIERS = word_class("quantifiers")


#: How far past a name a description may go on to reach the head: "Band member Gus".
_DESCRIPTOR_REACH = 4


def descriptor(tokens: Tokens, index: int) -> bool:
    lower = tokens.lowers[index]
    return (
        (
            tokens.words[index][0].isalpha()
            # Capitalised only because it opens the sentence: "Harbour Party front-runner Hale".
            and (not tokens.capitalised[index] or index in tokens.not_names)
            and lower not in FUNCTION_WORDS
            and lower not in DETERMINERS
            and (speech_verbs().base(lower) is None or noun_before_noun(tokens, index))
        )
        or (
            lower in _CALENDAR
            or (
                lower[:1].isdigit()
                and bool(
                    AGE.match(lower)
                    or _ORDINAL.match(lower)
                    or _YEAR.match(lower)
                    or COUNT.match(lower)
                )
            )
        )
    )


def noun_before_noun(tokens: Tokens, index: int) -> bool:
    """The "state" of "state delegate": a noun that is also a speech verb, describing the
    noun after it (not "observers note the …")."""
    following = index + 1
    return (
        tokens.lowers[index] in _NOUN_LIKE
        and following < len(tokens.words)
        and tokens.words[following].isalpha()
        and tokens.lowers[following] not in FUNCTION_WORDS
        and tokens.lowers[following] not in DETERMINERS
    )


def continues_to_head(tokens: Tokens, index: int, high: int) -> bool:
    """After a name run, do descriptors lead on to a role or another name?

    "Harbour Party mayoral candidate Ana Ruiz" goes on; "Hale returned the" does not.
    """
    for position in range(index, min(high, index + _DESCRIPTOR_REACH) + 1):
        if is_name_word(tokens, position):
            return position > index
        if not descriptor(tokens, position) or verb_like(tokens.lowers[position]):
            return False
        if _role_word(tokens.lowers[position]):
            return True
        if position > index and tokens.lowers[position] in org_words():
            return True  # "the venerable coastal fishing association"
        if position + 1 <= high and tokens.lowers[position + 1] in POSSESSIVE:
            return True  # "the British capital's new mayor"
    return False


def verb_like(lower: str) -> bool:
    """ "endorsed" in "Ruiz endorsed Hale": a verb between two names, not a description."""
    return lower.endswith("ed") and not _role_word(lower)


def _role_word(lower: str) -> bool:
    return lower in role_nouns() or lower.rsplit("-", 1)[-1] in role_nouns()


ROLE_PREPOSITIONS = word_class("role-prepositions")


REACHING_PREPOSITIONS = word_class("reaching-prepositions")


SOURCE_ADJECTIVES = word_class("source-adjectives")


SOURCE_PREPOSITIONS = ROLE_PREPOSITIONS | {"in", "on", "about"}


#: How many words the phrase after such a preposition may have: "the mayor's re-election bid".
_OBJECT_REACH = 6


_OBJECT_STOPS = word_class("object-stops")


def _object_end(tokens: Tokens, start: int, high: int) -> int | None:
    """Last token of the short noun phrase that starts at `start` ("the Vanes", "the
    talks", "Wren's thinking"), or None when none starts there."""
    lowers, words = tokens.lowers, tokens.words
    end = None
    index = start
    while index <= high and index - start < _OBJECT_REACH:
        lower = lowers[index]
        if lower in POSSESSIVE and end is not None:
            index += 1
            continue
        if (
            not words[index][0].isalnum()
            or lower in _OBJECT_STOPS
            or speech_verbs().base(lower) is not None
            or (end is not None and verb_like(lower))  # "a spokesman for Wren declined"
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


def role_modifier_end(tokens: Tokens, start: int, high: int) -> int | None:
    """After a role noun, the end of what ties it to someone: "close to the Vanes", "to
    the mayor", "with knowledge of the talks"; None when nothing does."""
    lowers = tokens.lowers
    index = start
    if index <= high and lowers[index] in SOURCE_ADJECTIVES:
        index += 1
        if index > high or lowers[index] not in SOURCE_PREPOSITIONS:
            return None
    elif index > high or lowers[index] not in ROLE_PREPOSITIONS:
        return None
    return _object_end(tokens, index + 1, high)


def role_tied_within(tokens: Tokens, first: int, last: int, prepositions: frozenset[str]) -> bool:
    """Whether a role noun inside `first..last` is tied by one of `prepositions` to what
    follows it: "a spokesman for Kessel Ferries", "councillors with old ties"."""
    lowers = tokens.lowers
    return any(
        lowers[i] in role_nouns() and lowers[i + 1] in prepositions for i in range(first, last)
    )


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
    if not tokens.words[last][0].isalpha() and not AGE.match(lowers[last]):
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
    if _people_of(tokens, first, run_start):
        # "Supporters of mayor Ana Ruiz say": the supporters, not the mayor.
        return Mention(first, last, NOMINAL, tokens.span_text(first, last), start=first)
    if first < run_start and lowers[run_start - 1] in ROLE_PREPOSITIONS and not title:
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
    if determiner == "the" and run_start == last and lowers[last] in _ONE_PERSON_WORDS:
        # "the Swede fumed", "the former Irishwoman said": a person just spoken of, described.
        return Mention(first, last, NOMINAL, tokens.span_text(first, last), start=first)
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


def _people_of(tokens: Tokens, first: int, run_start: int) -> bool:
    """Whether the words before a name open with people of, for or around someone: a plural
    role noun and a preposition ("supporters of mayor", "residents near Senator")."""
    lowers = tokens.lowers
    return any(
        lowers[index] in PEOPLE_PREPOSITIONS and people_plural(lowers[index - 1])
        for index in range(first + 1, run_start)
    )


def trim_descriptors(tokens: Tokens, start: int, run_start: int) -> int:
    """Keep the words before a name only up to the nearest verb-like one.

    "Ruiz campaign manager Teo Brack" keeps "Ruiz campaign manager"; "Ruiz endorsed
    Hale" keeps nothing: "endorsed" is a verb, not a description.
    """
    lowers = tokens.lowers
    for index in range(run_start - 1, start - 1, -1):
        if verb_like(lowers[index]):
            return (
                index + 1
                if index + 1 < run_start and lowers[index + 1] in role_nouns()
                else (run_start)
            )
    return start


def joins_roles(tokens: Tokens, low: int, index: int, start: int) -> bool:
    """The "and" of "chairman and chief executive Ian Moss": two roles of one person."""
    lowers = tokens.lowers
    if lowers[index] not in {"and", "&"} or index - 1 < low:
        return False
    return lowers[index - 1] in role_nouns() and lowers[start] in role_nouns()

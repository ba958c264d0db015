"""The phrase that ends at a token: the subject right before a speech verb ("At the hearing, Ruiz
said")."""

from __future__ import annotations

import re
from dataclasses import replace

from store.extract.grammar import (
    DETERMINERS,
    FUNCTION_WORDS,
    MONTHS,
    PRONOUNS,
)
from store.extract.lexicon import (
    document_nouns,
    org_words,
    role_nouns,
    speech_verbs,
)
from store.extract.phrases.descriptions import (
    AGE,
    COUNT,
    GROUP_SHARES,
    LISTED_ADJECTIVE_ENDINGS,
    PAIR_WORDS,
    QUANTIFIERS,
    REACHING_PREPOSITIONS,
    ROLE_PREPOSITIONS,
    SOURCE_ADJECTIVES,
    SOURCE_PREPOSITIONS,
    is_head_noun,
    joins_roles,
    mention_from,
    role_modifier_end,
    role_tied_within,
    trim_descriptors,
    verb_like,
)
from store.extract.phrases.mention import MAX_PHRASE, NAME, NOMINAL, POSSESSIVE, PRONOUN, Mention
from store.extract.phrases.names import (
    is_name_word,
    is_organisation_name,
    run_ending_at,
    run_starting_at,
)
from store.extract.tokens import Tokens


def _modified_role(tokens: Tokens, low: int, start: int, end: int) -> Mention | None:
    """ "a person close to the Vanes", "an aide to Wren" ending at `end`, whose object
    starts at `start`: a description of someone else, not the Vanes or Wren."""
    lowers = tokens.lowers
    preposition = start - 1
    if preposition - 1 < low or lowers[preposition] not in SOURCE_PREPOSITIONS:
        return None
    outer_end = preposition - 1
    if lowers[outer_end] in SOURCE_ADJECTIVES:
        outer_end -= 1
    elif lowers[preposition] not in ROLE_PREPOSITIONS:
        return None
    outer = phrase_ending_at(tokens, low, outer_end)
    if outer is None or outer.kind != NOMINAL or outer.organisation:
        return None
    # "Several senior councillors with old ties to both Vanes": the role may itself be
    # tied to something ("… with old ties") before the name.
    role_head = lowers[outer.last] in role_nouns() or role_tied_within(
        tokens, outer.first, outer.last, ROLE_PREPOSITIONS
    )
    if not role_head or role_modifier_end(tokens, outer.last + 1, end) != end:
        return None
    return Mention(outer.first, end, NOMINAL, tokens.span_text(outer.first, end), start=outer.start)


def phrase_ending_at(tokens: Tokens, low: int, end: int) -> Mention | None:
    """The noun phrase that ends exactly at `end` (the word before a speech verb)."""
    if end < low:
        return None
    lowers, words = tokens.lowers, tokens.words
    if lowers[end] in PRONOUNS:
        return Mention(end, end, PRONOUN, words[end], start=end)
    if lowers[end] in QUANTIFIERS and (end == low or lowers[end - 1] not in DETERMINERS):
        return Mention(end, end, NOMINAL, words[end], start=end)  # "Some chanted …"
    if lowers[end] in PAIR_WORDS and end - 1 >= low and lowers[end - 1] == "the":
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
        (words[end][0].isalpha() and lowers[end] not in FUNCTION_WORDS) or AGE.match(lowers[end])
    ):
        return None
    # Walk left over descriptors ("Ruiz campaign manager"), stopping at a determiner.
    index = start - 1
    steps = 0
    while index >= low and steps < MAX_PHRASE:
        lower = lowers[index]
        if lower in DETERMINERS:
            start = index
            break
        if (
            lower in POSSESSIVE
            or is_name_word(tokens, index)
            or (
                words[index][0].isalpha()
                and lower not in FUNCTION_WORDS
                and speech_verbs().base(lower) is None
                and not words[index][0].isdigit()
            )
            or (COUNT.match(lower) and lowers[end] in GROUP_SHARES)  # "21 percent"
            or AGE.match(lower)  # "the weathered, 64-year-old skipper"
            or _day_of_month(tokens, low, index)
            or joins_roles(tokens, low, index, start)
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
            and lowers[index - 1].endswith(LISTED_ADJECTIVE_ENDINGS)
            and index + 1 < end
            and speech_verbs().base(lowers[index - 1]) is None
        ):
            start = index - 2  # "the weathered, 64-year-old skipper": two adjectives
        break
    if run_start is not None and start < run_start:
        start = trim_descriptors(tokens, start, run_start)
    modified = _modified_role(tokens, low, start, end)
    if modified is not None:
        return modified
    document = _document_reaching(tokens, low, start, end)
    if document is not None:
        return document
    if (
        run_start is None
        and not is_head_noun(lowers[end])
        and (lowers[start] not in DETERMINERS or verb_like(lowers[end]))
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
    if start - 2 < low or tokens.lowers[start - 1] not in REACHING_PREPOSITIONS:
        return None
    outer = phrase_ending_at(tokens, low, start - 2)
    if outer is None or outer.kind != NOMINAL or tokens.lowers[outer.last] not in document_nouns():
        return None
    return Mention(outer.first, end, NOMINAL, tokens.span_text(outer.first, end), start=outer.start)


def organisation_run(tokens: Tokens, start: int, high: int) -> bool:
    """A run of name words from `start` that names an organisation ("Coastal Defence League")."""
    end = run_starting_at(tokens, start, high)
    return end is not None and is_organisation_name(tokens, start, end)

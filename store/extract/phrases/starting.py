"""The phrase that starts at a token: the subject after an inverted verb ("said Tessa Quill, a
member of the council") or opening a clause."""

from __future__ import annotations

from dataclasses import replace

from store.extract.grammar import (
    DETERMINERS,
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
    APPROXIMATELY,
    COUNT,
    LEADING_WORDS,
    OUTLET_NOUNS,
    QUANTIFIERS,
    continues_to_head,
    descriptor,
    is_head_noun,
    mention_from,
    noun_before_noun,
    role_modifier_end,
)
from store.extract.phrases.ending import organisation_run
from store.extract.phrases.mention import MAX_PHRASE, NAME, NOMINAL, POSSESSIVE, PRONOUN, Mention
from store.extract.phrases.names import run_starting_at
from store.extract.tokens import Tokens

#: Speech verbs more often nouns than verbs (tagged "noun-like" in data/speech_verbs.txt).
_NOUN_LIKE = speech_verbs().tagged("noun-like")


def phrase_starting_at(
    tokens: Tokens, start: int, high: int, loose: bool = False
) -> Mention | None:
    """The noun phrase that starts at `start`: "Harbour Master Rob Hale rejected ...".

    `loose`: after an inverted verb ("…," says a narrator) any noun ending the phrase is its head.
    """
    lowers, words = tokens.lowers, tokens.words
    index = start
    while index <= high and lowers[index] in LEADING_WORDS:
        index += 1
    if index > high:
        return None
    first = index
    if lowers[first] in PRONOUNS:
        return Mention(first, first, PRONOUN, words[first], start=first)
    if lowers[first] in APPROXIMATELY and first < high and COUNT.match(lowers[first + 1]):
        index += 1  # "about 50 protesters": the count describes, "about" with it
    if lowers[first] in QUANTIFIERS and (first == high or not words[first + 1][0].isalpha()):
        # "“Anybody but Hale,” read one."
        return Mention(first, first, NOMINAL, words[first], start=first)
    if lowers[first] in QUANTIFIERS and first + 2 <= high and lowers[first + 1] == "of":
        # "one of two witnesses who …", "some of the protesters"
        group = phrase_starting_at(tokens, first + 2, high)
        if group is not None and group.kind == NOMINAL:
            text = tokens.span_text(first, group.last)
            return Mention(first, group.last, NOMINAL, text, start=first)
    end: int | None = None
    if lowers[index] in DETERMINERS:
        index += 1
    steps = 0
    while index <= high and steps < MAX_PHRASE:
        steps += 1
        run_end = run_starting_at(tokens, index, high)
        if run_end is not None:
            end = run_end
            index = run_end + 1
            if index <= high and lowers[index] in POSSESSIVE:
                # "Vale's harbour master", "Ruiz's spokeswoman Wen Tollan": the possessor
                # is not the head.
                index += 1
                end = None
                continue
            if (
                index <= high
                and lowers[index] in document_nouns()
                and not tokens.capitalised[index]
                and (index + 1 > high or lowers[index + 1] not in POSSESSIVE)
                and not any(lowers[i] in POSSESSIVE for i in range(first, index))
            ):
                end = index  # "the Harbour Review Board report", "its Amazon summary"
                break
            if (
                index <= high
                and (lowers[index] in org_words() or lowers[index] in OUTLET_NOUNS)
                and not tokens.capitalised[index]
                and lowers[index] not in role_nouns()
                and (index + 1 > high or lowers[index + 1] not in POSSESSIVE)
                and not continues_to_head(tokens, index, high)
            ):
                end = index  # "the Ruiz campaign", "the Hale administration"
                break
            if (index > high or lowers[index] != "of") and continues_to_head(tokens, index, high):
                # "Harbour Party mayoral candidate Ana Ruiz"; but "Teo Brack of
                # consulting firm Ardent" is Brack.
                end = None
                continue
            break
        lower = lowers[index]
        if not descriptor(tokens, index) and not is_head_noun(lower):
            break
        if end is not None and lower in _NOUN_LIKE and not noun_before_noun(tokens, index):
            break  # "Legal observers note the …": the verb after the phrase
        if index + 1 <= high and lowers[index + 1] in POSSESSIVE:
            index += 2  # "the British capital's new mayor": the possessor is not the head
            end = None
            continue
        closes_phrase = index == high or not words[index + 1][0].isalnum()
        if is_head_noun(lower) or AGE.match(lower) or (loose and closes_phrase):
            end = index
            if index + 1 <= high and lowers[index + 1] in POSSESSIVE:
                index += 2  # "the ad's narrator"
                end = None
                continue
            if index + 1 <= high and (
                run_starting_at(tokens, index + 1, high) is not None
                or continues_to_head(tokens, index + 1, high)
            ):
                index += 1  # "Harbour Party mayoral nominee Rob Hale"
                continue
            if (
                lower in org_words()
                and index + 2 <= high
                and lowers[index + 1] == "the"
                and organisation_run(tokens, index + 2, high)
            ):
                # "the fishing association the Coastal Defence League"
                named = phrase_starting_at(tokens, index + 1, high)
                if named is not None and named.kind == NAME:
                    role = tokens.span_text(first, index)
                    return replace(named, role=role, start=first)
        elif (
            end is not None
            and lower not in role_nouns()
            and not continues_to_head(tokens, index, high)
        ):
            break  # the verb after a description: "the group said" was handled, "the ad ran"
        index += 1
    if end is None:
        return None
    mention = mention_from(tokens, first, end)
    if mention is not None and mention.kind == NOMINAL and lowers[end] in role_nouns():
        # "a person close to the Vanes", "an aide to Wren": who they are tied to belongs
        # to the description (and is not the speaker).
        modified = role_modifier_end(tokens, end + 1, high)
        if modified is not None:
            text = tokens.span_text(mention.first, modified)
            return replace(mention, last=modified, text=text)
    return mention

"""Cues right after a quotation: `"…," she said`, `"…," said Tessa Quill, a member of the council`,
a signature line, two co-authors, a name after its titles."""

from __future__ import annotations

from dataclasses import replace

from store.extract.cues.cue import SUBJECT_REACH, Cue, participle
from store.extract.document import Document
from store.extract.grammar import (
    FUNCTION_WORDS,
    MONTHS,
    PRONOUNS,
)
from store.extract.lexicon import role_nouns, speech_verbs, word_class
from store.extract.phrases import (
    NAME,
    NOMINAL,
    PRONOUN,
    Mention,
    person_run,
    phrase_starting_at,
    run_ending_at,
)
from store.extract.subjects import (
    BODY_JOINS,
    PUNCTUATION,
    SUBORDINATORS,
    appositive_text,
    coordinated_roles,
    description_end,
    joined_title_name,
    named_in_appositive,
    subject_before,
    with_partner,
)
from store.extract.verbs import FIRST_WORDS, verb_at

LONG_DASHES = frozenset({"—", "–"})


#: Words after a speech verb that say how much was said: "said little", "said nothing".
_HOW_MUCH = word_class("how-much-said")
_WHEN_WORDS = word_class("when-words")


def cue_after(document: Document, low: int, high: int) -> Cue | None:
    """A cue in the tokens just after a quotation: `, she told the Meridian Wire.`"""
    words = document.tokens.words
    signed = _signature_after(document, low, high)
    if signed is not None:
        return signed
    while low <= high and words[low] in PUNCTUATION:
        low += 1
    if low > high:
        return None
    lowers = document.tokens.lowers
    if lowers[low] in {"and", "but", "yet"} and document.tokens.capitalised[low]:
        return None  # "…” And Cllr. Dov Arlen said he …": a new sentence, about someone else
    if lowers[low] == "according" and low + 1 <= high and lowers[low + 1] == "to":
        mention = phrase_starting_at(document.tokens, low + 2, high)  # "…," according to Wren.
        return Cue(mention, low, low + 1) if mention is not None else None
    verb_end = verb_at(document, low)
    if verb_end is not None and participle(lowers[low]):
        return None  # "…, saying Vale would stay": Vale is what was said, not who said it
    if verb_end is not None:
        mention = phrase_starting_at(document.tokens, verb_end + 1, high, loose=True)
        if mention is None or (mention.kind == PRONOUN and mention.text.lower() not in PRONOUNS):
            return None
        if mention.kind == NOMINAL and (
            lowers[mention.last].endswith("ly") or lowers[mention.last] in _WHEN_WORDS
        ):
            return None  # "…, said matter-of-factly", "…, spoke next": how or when, not who
        if mention.first == mention.last and lowers[mention.first] in _HOW_MUCH:
            return None  # "…, said little": how much was said, not who said it
        mention = _known_as(document, joined_title_name(document, mention, high), high)
        appositive = None
        end = mention.last
        after = mention.last + 1
        if after <= high and words[after] in {",", "("}:
            named = named_in_appositive(document, mention, after, high)
            if named is not None:
                # "…," urged Hale's warm-up act, singer Rhea Castell.
                return Cue(named[0], low, verb_end, named[1], named[0].last)
            appositive = appositive_text(document, after, high)
            end = high if appositive else end
        return Cue(mention, low, verb_end, appositive, end)
    limit = min(high, low + SUBJECT_REACH)
    for index in range(low + 1, limit + 1):
        if not document.outside(index) or words[index] in {";", "?", "!"}:
            break
        if lowers[index] not in FIRST_WORDS:
            continue  # no speech verb starts here (verb_at's first test, without the call)
        verb_end = verb_at(document, index)
        if verb_end is None:
            continue
        found = subject_before(document, low, index - 1)
        if found is None:
            continue
        mention, appositive = found
        if mention.start == low + 1 and document.tokens.lowers[low] == "as":
            return Cue(mention, index, verb_end, appositive)  # '"…," as Hale said on Monday'
        if mention.start != low and not (appositive and mention.first >= low):
            titled = (
                _titled_name(document, low, index - 1)
                or _described_name(document, low, index - 1)
                or _name_of_body(document, low, index - 1)
                or _first_of_two(document, low, index - 1)
                or coordinated_roles(document, low, index - 1)
            )
            if titled is not None and titled.start != low:
                titled = None
            if titled is None:
                continue
            mention, appositive = titled, None
        if verb_end + 1 <= high and lowers[verb_end + 1] in {"it", "that"}:
            # "…?” His rivals took it as proof", "….” Some friends hinted that …": a
            # new sentence, not the quotation's cue.
            return None
        return Cue(mention, index, verb_end, appositive)
    return None


#: What may follow the name that signs a quotation: "— Tom Vale (@tomvale) March 1, 2016".
_SIGNATURE_ENDS = frozenset({"(", ",", ".", "@", "|"}) | MONTHS


def _signature_after(document: Document, low: int, high: int) -> Cue | None:
    """`“…” — Tom Vale (@tomvale) March 1, 2016`: a post or a pull quote signed by a dash and
    a name right after its closing mark, the way embedded posts print."""
    words, lowers = document.tokens.words, document.tokens.lowers
    if low > high or words[low] not in LONG_DASHES:
        return None
    mention = phrase_starting_at(document.tokens, low + 1, high)
    if mention is None or mention.kind != NAME or mention.organisation:
        return None
    after = mention.last + 1
    if after <= high and lowers[after] not in _SIGNATURE_ENDS:
        return None  # "“…” — Vale denied it later": a sentence, not a signature
    return Cue(mention, low, low, None, mention.last)


def _known_as(document: Document, mention: Mention, high: int) -> Mention:
    """ "the depot foreman known as Gus": the name the description goes by, the description its
    role; `mention` itself otherwise."""
    tokens = document.tokens
    known = mention.last + 1
    if mention.kind != NOMINAL or known + 2 > high:
        return mention
    if tokens.lowers[known] == "known" and tokens.lowers[known + 1] == "as":
        name_start = known + 2
    elif tokens.lowers[known] in {"named", "called"}:
        name_start = known + 1
    else:
        return mention
    named = phrase_starting_at(tokens, name_start, high)
    if named is None or named.kind != NAME or named.organisation:
        return mention
    return replace(named, role=mention.text, start=mention.start)


def _first_of_two(document: Document, low: int, high: int) -> Mention | None:
    """ "Mara Kellan and Hugo Lind wrote": co-authors, who speak together."""
    tokens = document.tokens
    first = phrase_starting_at(tokens, low, high)
    if first is None:
        return None
    paired = with_partner(document, first, high, whole=True)
    return paired if paired.partner is not None else None


def _described_name(document: Document, low: int, high: int) -> Mention | None:
    """ "another neighbour, Wen Tollan" before a verb: the name, the description its role."""
    tokens = document.tokens
    description = phrase_starting_at(tokens, low, high)
    if description is None or description.kind != NOMINAL:
        return None
    comma = description_end(document, description, high)
    if comma is None or comma + 1 > high:
        return None
    named = phrase_starting_at(tokens, comma + 1, high)
    if named is None or named.kind != NAME or named.organisation or named.last != high:
        return None
    return replace(named, role=tokens.span_text(description.first, comma - 1), start=low)


def _name_of_body(document: Document, low: int, high: int) -> Mention | None:
    """ "Bram Kessel of the Harold Vane Institute for Coastal Studies": a person's
    name and the body they are from, every word of which is capitalised or joins the name."""
    tokens = document.tokens
    mention = phrase_starting_at(tokens, low, high)
    if mention is None or mention.kind != NAME or mention.organisation:
        return None
    after = mention.last + 1
    if after + 1 > high or tokens.lowers[after] not in {"of", "at", "from", "with"}:
        return None
    if not all(
        tokens.capitalised[i] or tokens.lowers[i] in BODY_JOINS for i in range(after + 1, high + 1)
    ):
        return None
    return replace(mention, role=tokens.span_text(after, high))


def _titled_name(document: Document, low: int, high: int) -> Mention | None:
    """ "Meridian Wire Tonight co-host Ivo Brandt", "Town Hall press secretary Dov
    Arlen": a person's name after a run of capitalised words and role words that describe
    them, from `low` to `high`, where the phrase rules stop at a word inside the run."""
    tokens = document.tokens
    run_start = run_ending_at(tokens, low, high)
    if run_start is None or run_start <= low or high - run_start > 3:
        return None
    if not person_run(tokens, run_start, high):
        return None
    for index in range(low, run_start):
        word, lower = tokens.words[index], tokens.lowers[index]
        if not document.outside(index) or lower in SUBORDINATORS or lower in PRONOUNS:
            return None
        describing = (
            tokens.capitalised[index]
            or lower in role_nouns()
            or lower.rsplit("-", 1)[-1] in role_nouns()
            or (word == "." and index > low)
            or lower[:1].isdigit()
            or (index + 1 < run_start and tokens.lowers[index + 1] in role_nouns())
            or (
                word.isalpha()
                and lower not in FUNCTION_WORDS
                and speech_verbs().base(lower) is None
                and not lower.endswith(("ed", "ing", "ly"))
            )
        )
        if not describing:
            return None
    role = document.tokens.span_text(low, run_start - 1)
    return Mention(run_start, high, NAME, tokens.name_text(run_start, high), role=role, start=low)

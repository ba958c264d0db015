"""The subject before a speech verb: the phrase that ends at it ("At the hearing, Ruiz said"),
over asides, parentheses, relative clauses and dashes ("the crews who wrote to him say")."""

from __future__ import annotations

from store.extract.document import Document
from store.extract.grammar import ARTICLES, DETERMINERS, PEOPLE_PREPOSITIONS, people_plural
from store.extract.lexicon import role_nouns, speech_verbs, word_class
from store.extract.phrases import (
    NAME,
    NOMINAL,
    Mention,
    phrase_ending_at,
    phrase_starting_at,
)
from store.extract.subjects.clause import clause_subject, subject_with_appositive
from store.extract.subjects.common import (
    DASHES,
    PARENTHESIS_REACH,
    PUNCTUATION,
    ROLE_REACH,
    SUBORDINATORS,
    adverbial_start,
    appositive_text,
    opening_dash,
    person_like,
    place_before,
    relative_pronoun,
    skip_back_modifiers,
)
from store.extract.subjects.partners import with_partner


def subject_before(document: Document, low: int, high: int) -> tuple[Mention, str | None] | None:
    """The subject of a verb that follows token `high`; `low` bounds the clause."""
    high = skip_back_modifiers(document, low, high)
    if high < low:
        return None
    words = document.tokens.words
    if words[high] in DASHES:
        return _subject_before_dashes(document, low, high)
    if words[high] == ")":
        party = _name_before_parenthesis(document, low, high)
        if party is not None:
            return party
    if words[high] in {",", ")"}:
        return subject_with_appositive(document, low, high)
    unclosed = _unclosed_appositive(document, low, high)
    if unclosed is not None:
        return unclosed
    if (
        high > low
        and document.tokens.lowers[high].endswith("ed")
        and (document.tokens.lowers[high] not in role_nouns())
        and not document.tokens.capitalised[high]  # "Reed said", "Ted said": names
    ):
        high -= 1  # "the order released Friday said": a participle after the subject
    if high > low and document.tokens.lowers[high] in {"that", "which", "who"}:
        outer = phrase_ending_at(document.tokens, low, high - 1)  # "a banner that read"
        if outer is not None and outer.kind in {NAME, NOMINAL}:
            return outer, None
    relative = relative_pronoun(document, low, high)
    if relative is not None and relative + 1 <= high:
        own = phrase_ending_at(document.tokens, relative + 1, high)
        if own is not None and own.start == relative + 1 and own.kind in {NAME, NOMINAL}:
            return own, None  # "one which archivist Lena Strand calls": the clause's subject
    if relative is not None:
        # "the crews who wrote to him on Friday say": the phrase before "who".
        outer = phrase_ending_at(document.tokens, low, relative - 1)
        if outer is not None and outer.kind in {NAME, NOMINAL}:
            return outer, None
    mention = phrase_ending_at(document.tokens, low, high)
    if mention is None:
        both = coordinated_roles(document, low, high)
        if both is not None:
            return both, None
    obtained = _participle_object(document, low, mention)
    if obtained is not None:
        return obtained, None
    adverbial = adverbial_start(document, low, high, mention)
    if adverbial is not None:
        # "Hale at the time said", "Ruiz on Tuesday said": the subject is before it.
        joined = adverbial - 1
        if joined > low and document.tokens.lowers[joined] in {"and", "but", "then"}:
            # "The porter first said …, but in a second talk said": the first verb's
            return clause_subject(document, low, joined - 1)
        return subject_before(document, low, adverbial - 1)
    if mention is None:
        return None
    place = place_before(document, low, mention.start)
    if place is not None:
        # "Ana Ruiz of Port Ardith, Vale says": the person before the place.
        outer = phrase_ending_at(document.tokens, low, place - 1)
        if outer is not None and person_like(document, outer):
            return outer, document.tokens.span_text(place, high)
    spoken_to = _speaking_to(document, low, mention)
    if spoken_to is not None:
        return spoken_to, None
    someone = _someone_in(document, low, mention)
    if someone is not None:
        return someone, None
    return _pair_ending_with(document, low, mention), None


_SOMEONE = word_class("someone-words")


def _someone_in(document: Document, low: int, place: Mention) -> Mention | None:
    """ "someone in the audience shouted": the someone, not the audience; "officials in
    Brussels said", "residents of the town say", "doctors across the country warn": the people,
    not where they are."""
    tokens = document.tokens
    preposition = place.start - 1
    if preposition - 1 < low:
        return None
    lower = tokens.lowers[preposition]
    if tokens.lowers[preposition - 1] in _SOMEONE and lower in {"in", "from", "at", "on"}:
        first = preposition - 1
        return Mention(first, place.last, NOMINAL, tokens.span_text(first, place.last), start=first)
    if lower not in PEOPLE_PREPOSITIONS:
        return None
    people = phrase_ending_at(tokens, low, preposition - 1)
    if people is None or people.kind != NOMINAL or not people_plural(tokens.lowers[people.last]):
        return None  # one person ("the mayor of …") is read where roles are
    first = people.start
    return Mention(first, place.last, NOMINAL, tokens.span_text(first, place.last), start=first)


def _speaking_to(document: Document, low: int, listener: Mention) -> Mention | None:
    """ "Another dock source talking to the Meridian Wire said": who spoke, not the listener."""
    lowers = document.tokens.lowers
    participle = listener.start - 2
    if participle - 1 < low or lowers[listener.start - 1] not in {"to", "with"}:
        return None
    if lowers[participle] not in {"speaking", "talking", "writing"}:
        return None
    speaker = phrase_ending_at(document.tokens, low, participle - 1)
    if speaker is None or speaker.kind not in {NAME, NOMINAL}:
        return None
    return speaker


def _pair_ending_with(document: Document, low: int, second: Mention) -> Mention:
    """ "Hale and Ruiz put out a note": two people opening the clause, who speak
    together; `second` alone when it is not the second of two."""
    tokens = document.tokens
    if second.text.lower() == "both" and second.start - 1 >= low:
        # "Ivo Brandt and Dr. Cora Vane both condemned": the pair before "both".
        named = phrase_ending_at(tokens, low, second.start - 1)
        paired = _pair_ending_with(document, low, named) if named is not None else second
        return paired if paired.partner is not None else second
    join = second.start - 1
    if second.kind != NAME or second.organisation or join - 1 < low or tokens.lowers[join] != "and":
        return second
    first = phrase_ending_at(tokens, low, join - 1)
    if first is None or first.kind != NAME:
        return second
    before = first.start - 1
    opens_clause = (
        first.start == low
        or before in document.sentence_first
        or not tokens.words[before][0].isalnum()
        or tokens.lowers[before] in SUBORDINATORS
    )
    if not opens_clause:
        return second  # "Ruiz thanked Hale and Vane said": Vane alone
    paired = with_partner(document, first, second.last, whole=True)
    return paired if paired.partner is not None else second


def coordinated_roles(document: Document, low: int, high: int) -> Mention | None:
    """ "The Harbour Party's leading candidate and former port commissioner said": two
    descriptions of one speaker joined by "and", ending at `high`."""
    lowers = document.tokens.lowers
    joins = [i for i in range(high - 1, max(low, high - ROLE_REACH) - 1, -1) if lowers[i] == "and"]
    for join in joins:
        second = join + 1
        if not any(lowers[i] in role_nouns() for i in range(second, high + 1)):
            continue
        if any(
            not document.outside(i) or not document.tokens.words[i][0].isalpha()
            for i in range(second, high + 1)
        ):
            continue
        start = join - 1
        while start > low and lowers[start] not in DETERMINERS and document.outside(start - 1):
            previous = document.tokens.words[start - 1]
            if not (previous[0].isalpha() or previous in {"'s", "’s"}):
                break
            start -= 1
        if lowers[start] not in DETERMINERS or lowers[join - 1] not in role_nouns():
            continue
        text = document.tokens.span_text(start, high)
        return Mention(start, high, NOMINAL, text, start=start)
    return None


def _subject_before_dashes(
    document: Document, low: int, high: int
) -> tuple[Mention, str | None] | None:
    """ "Brack — named by the Ledger as the likely pick — told …": the phrase before an
    aside between dashes; "A former candidate -- Jules Farrow, who lost in 2011 -- said": the
    name the aside opens with, described by the phrase before it."""
    words = document.tokens.words
    closing = high
    while closing > low and words[closing - 1] in DASHES:
        closing -= 1
    opening = opening_dash(document, low, closing, DASHES)
    if opening is None:
        return None
    inside = opening + 1
    while opening > low and words[opening - 1] in DASHES:
        opening -= 1
    if opening <= low or any(not document.outside(i) for i in range(opening, high + 1)):
        return None
    before = phrase_ending_at(document.tokens, low, opening - 1)
    if before is None or before.kind not in {NAME, NOMINAL}:
        return None
    if before.kind == NOMINAL:
        named = phrase_starting_at(document.tokens, inside, closing - 1)
        if named is not None and named.kind == NAME and not named.organisation:
            return named, before.text
    return before, appositive_text(document, inside, closing - 1)


def _participle_object(document: Document, low: int, mention: Mention | None) -> Mention | None:
    """ "a letter from the Guild obtained by the Meridian Wire warns": the phrase before
    "obtained by" is the subject; whoever obtained or released it is not."""
    if mention is None or mention.start - 3 < low:
        return None
    lowers = document.tokens.lowers
    if lowers[mention.start - 1] != "by" or not lowers[mention.start - 2].endswith("ed"):
        return None
    outer = phrase_ending_at(document.tokens, low, mention.start - 3)
    if outer is None or outer.kind not in {NAME, NOMINAL}:
        return None
    return outer


def _name_before_parenthesis(
    document: Document, low: int, high: int
) -> tuple[Mention, str | None] | None:
    """ "Sen. Maren Holt (D-Ore.) said": the name before a short parenthesis."""
    words = document.tokens.words
    opening = next(
        (i for i in range(high - 1, max(low, high - PARENTHESIS_REACH) - 1, -1) if words[i] == "("),
        None,
    )
    if opening is None or opening - 1 < low:
        return None
    mention = phrase_ending_at(document.tokens, low, opening - 1)
    if mention is None or mention.kind != NAME or mention.organisation:
        return None
    return mention, appositive_text(document, opening, high)


def _unclosed_appositive(
    document: Document, low: int, high: int
) -> tuple[Mention, str | None] | None:
    """ "Nell Okafor, the survey expert who set up the site wrote": an appositive the writer
    forgot to close still describes the name before it, which is the subject."""
    words, lowers = document.tokens.words, document.tokens.lowers
    comma = next((i for i in range(high, low, -1) if words[i] == ","), None)
    if comma is None or high - comma > ROLE_REACH or comma + 1 > high:
        return None
    tail = range(comma + 1, high + 1)
    if document.tokens.capitalised[comma + 1] and lowers[comma + 1] not in DETERMINERS:
        return None
    described = lowers[comma + 1] in ARTICLES
    if not (described or any(lowers[i] in role_nouns() for i in tail)) or any(
        words[i] in PUNCTUATION or not document.outside(i) for i in tail
    ):
        return None
    if any(speech_verbs().base(lowers[i]) is not None for i in tail):
        return None
    own = phrase_ending_at(document.tokens, comma + 1, high)
    if own is not None and own.kind == NAME and not own.organisation and own.start == comma + 1:
        # "Writing on X, formerly Vexnet, the party leader Ed Pry said": the whole clause after
        # the comma is Pry's name and role (not "an agent for President Vale" describing).
        return None
    named = phrase_ending_at(document.tokens, low, comma - 1)
    if named is None or named.kind != NAME or named.organisation:
        return None
    before = named.start - 1
    if (
        before >= low
        and words[before] not in {",", "—", "–"}
        and lowers[before] not in SUBORDINATORS
    ):
        return None
    return named, appositive_text(document, comma, high)

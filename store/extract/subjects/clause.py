"""The subject that opens a clause: the first phrase after its opening words ("But in a
statement, Hale …"), with its appositive, and what is not one (a dateline's month, a state)."""

from __future__ import annotations

from dataclasses import replace

from store.extract.document import Document
from store.extract.grammar import (
    DETERMINERS,
    MONTHS,
)
from store.extract.phrases import (
    NAME,
    NOMINAL,
    Mention,
    phrase_ending_at,
    phrase_starting_at,
)
from store.extract.subjects.common import (
    INTRO_WORDS,
    RELATIVE_REACH,
    RELATIVES,
    ROLE_REACH,
    SUBORDINATORS,
    appositive_text,
    clause_starts,
    describes_name_before,
    finite_verb_after,
    person_like,
    person_or_group,
    place_before,
    state_abbreviation,
)
from store.extract.subjects.partners import (
    description_end,
    joined_title_name,
    named_in_appositive,
    with_partner,
)


def _before_relative_clause(
    document: Document, low: int, high: int
) -> tuple[Mention, str | None] | None:
    """ "Bram Kessel, who's weighing a run for mayor, said": the name
    before a relative clause that ends at the comma before the verb."""
    words, lowers = document.tokens.words, document.tokens.lowers
    for comma in range(high - 1, max(low, high - RELATIVE_REACH) - 1, -1):
        if not document.outside(comma):
            return None
        if words[comma] != "," or lowers[comma + 1] not in RELATIVES:
            continue
        opening = phrase_starting_at(document.tokens, low, comma - 1)
        if (
            opening is not None
            and opening.kind == NAME
            and not opening.organisation
            and opening.last < comma - 1
            and words[opening.last + 1] == ","
        ):
            # "Hugo Lind, 41, of Port Ardith, Vale, who was among those asked, said"
            return opening, appositive_text(document, opening.last + 1, comma - 1)
        mention = phrase_ending_at(document.tokens, low, comma - 1)
        if mention is None or mention.kind not in {NAME, NOMINAL}:
            return None
        if mention.kind == NOMINAL and not person_or_group(document, mention):
            return None
        return mention, None
    return None


def subject_with_appositive(
    document: Document, low: int, high: int
) -> tuple[Mention, str | None] | None:
    """`Name, appositive, said` or `Name (D-N.Y.) said`: the phrase starting a clause chunk."""
    words = document.tokens.words
    related = _before_relative_clause(document, low, high)
    if related is not None:
        return related
    starts = clause_starts(words, low, high, {","})
    for start in starts:
        if start <= high and document.tokens.lowers[start] in SUBORDINATORS:
            start += 1  # "As Council Speaker Rob Hale (L-Vale) has noted, …", "where …"
        if start > high or document.tokens.lowers[start] in INTRO_WORDS:
            continue
        place = place_before(document, low, start)
        if place is not None:
            outer = phrase_ending_at(document.tokens, low, place - 1)
            if outer is not None and person_like(document, outer):
                continue  # ", Vale," after "a man in Port Ardith"
        mention = phrase_starting_at(document.tokens, start, high)
        if mention is None:
            continue
        mention = with_partner(document, mention, high)
        after = (mention.partner or mention).last + 1
        if (
            after + 1 <= high
            and words[after] == ","
            and document.tokens.lowers[after + 1]
            in {
                "and",
                "or",
            }
        ):
            continue  # "the Ledger, and widely shared in the port, Cora Vane, …": a list
        if mention.partner is not None and after <= high and words[after] in {",", "("}:
            return mention, None  # "Brack and Ivo Brandt, a fellow skipper, explained"
        if mention.kind == NOMINAL and after <= high and words[after] != ",":
            comma = description_end(document, mention, high)
            if comma is not None:
                # "Another member of the Hale list, Sol Adair, said"
                described = replace(mention, text=document.tokens.span_text(start, comma - 1))
                named = named_in_appositive(document, described, comma, high)
                if named is not None:
                    return named
        if after <= high and words[after] in {",", "("}:
            named = named_in_appositive(document, mention, after, high)
            if named is not None:
                return named  # "the county engineer, Tobias Wren, said"
            return mention, appositive_text(document, after, high)
    # "after a man in Port Ardith, Vale, told her": the person before the place.
    for comma in range(high - 1, max(low, high - ROLE_REACH) - 1, -1):
        if words[comma] != ",":
            continue
        place = place_before(document, low, comma + 1)
        if place is None:
            continue
        outer = phrase_ending_at(document.tokens, low, place - 1)
        if outer is not None and person_like(document, outer):
            return outer, appositive_text(document, place, high)
        break
    # "a man in Port Ardith, Vale, told her": the phrase that ends at the appositive.
    opening = next(
        (
            i
            for i in range(high - 1, low - 1, -1)
            if words[i] == "," and place_before(document, low, i + 1) is None
        ),
        None,
    )
    if opening is not None and opening > low:
        mention = phrase_ending_at(document.tokens, low, opening - 1)
        place = place_before(document, low, mention.start) if mention else None
        if mention is not None and place is not None:
            outer = phrase_ending_at(document.tokens, low, place - 1)
            if outer is not None and person_like(document, outer):
                return outer, appositive_text(document, place, high)
        if mention is not None and mention.kind == NOMINAL:
            return mention, appositive_text(document, opening, high)
    return None


def clause_subject(
    document: Document, low: int, high: int, nearest: bool = False
) -> tuple[Mention, str | None] | None:
    """The subject at the start of a clause: `But in a statement, Hale rejected ...`;
    `nearest`: of the clause nearest `high` first ("…, and the League denounced it and said")."""
    words, lowers = document.tokens.words, document.tokens.lowers
    starts = clause_starts(words, low, high, {",", "—", "–", "-"})
    if nearest:
        joined = [start for start in reversed(starts) if start > low and lowers[start] == "and"]
        starts = joined[:1] + starts
    for start in starts:
        index = start
        while index <= high and (
            lowers[index] in {"and", "but", "so", "then", "also", "yet"}
            or not words[index][0].isalnum()
        ):
            index += 1
        if index > high or lowers[index] in INTRO_WORDS:
            continue
        if not document.outside(index):
            continue
        mention = phrase_starting_at(document.tokens, index, high)
        if mention is None:
            continue
        mention = with_partner(document, joined_title_name(document, mention, high), high)
        if mention.kind == NOMINAL and not person_or_group(document, mention):
            continue
        if mention.kind == NOMINAL and describes_name_before(document, low, start, mention):
            continue  # "Preceded by Teo Brack, the Vale sheriff, Hale launched …"
        if state_abbreviation(document, mention):
            continue  # "At a meeting in Ardith, Colo., the captain closed her talk …"
        if mention.kind == NAME and lowers[mention.first] in MONTHS:
            continue  # "WASHINGTON, Dec. 8 (UPI) —": a dateline's date
        if (
            mention.kind == NOMINAL
            and not document.tokens.capitalised[mention.first]
            and (lowers[mention.first] not in DETERMINERS)
            and not finite_verb_after(document, mention.last, high)
        ):
            continue  # "founder of the Harbour Institute": an appositive, not a subject
        after = mention.last + 1
        appositive = None
        if after <= high and words[after] in {",", "("}:
            stop = next((i for i in range(after + 1, high + 1) if words[i] in {",", ")"}), None)
            if stop is None:
                continue
            appositive = appositive_text(document, after, stop)
            after = stop + 1
        if after <= high and words[after] in {"—", "–", "-", ":"}:
            continue  # a dateline ("WASHINGTON (AP) —") or a label, not a subject
        return mention, appositive
    return None

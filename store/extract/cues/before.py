"""Cues before a quotation in its sentence: `Hale said: "…"`, `called it "…"`, `Ruiz said her crew
"got it badly wrong"`, a clause joined after the verb, a question asked by someone."""

from __future__ import annotations

from store.extract.cues.after import LONG_DASHES
from store.extract.cues.cue import VERB_TRIES, WEAK_REACH, Cue
from store.extract.cues.headlines import headline_cue
from store.extract.cues.verb_subject import subject_of_verb
from store.extract.document import Document
from store.extract.lexicon import speech_verbs, word_class
from store.extract.phrases import (
    NAME,
    NOMINAL,
    PRONOUN,
    Mention,
    phrase_ending_at,
    phrase_starting_at,
)
from store.extract.subjects import (
    RELATIVE_REACH,
    RELATIVES,
    SUBORDINATORS,
    looks_finite,
    opening_dash,
    person_or_group,
    skip_back_modifiers,
)
from store.extract.verbs import verb_at

#: Speech verbs counting only right next to a quotation (tagged "weak" in data/speech_verbs.txt).
_WEAK = speech_verbs().tagged("weak")
#: Speech verbs that report what follows (tagged "reporting" in data/speech_verbs.txt).
_REPORTING = speech_verbs().tagged("reporting")
#: Speech verbs whose joined clause is still what was said (tagged "clause").
_REPORTS_CLAUSE = speech_verbs().tagged("clause")


def cue_before(document: Document, low: int, high: int) -> Cue | None:
    """A cue in the same sentence before a quotation: `Hale said, "…"`, `called it "…"`."""
    lowers = document.tokens.lowers
    index = high
    tries = 0
    if high >= low and document.tokens.words[high] == ":":
        # "Surveyors agree - Nell Okafor: '…'": the name just before the colon, not a verb
        # further back.
        labelled = headline_cue(document, low, high)
        if labelled is not None and labelled.mention.start > low:
            return labelled
    while index >= low and tries < VERB_TRIES:
        if not document.outside(index):
            index -= 1
            continue
        if document.tokens.words[index] in LONG_DASHES:
            opening = opening_dash(document, low, index, LONG_DASHES)
            if opening is not None and opening > low:
                # "abortion – what her business calls '…' – is 'central'": the aside between
                # dashes does not attribute what follows it.
                index = opening - 1
                continue
        if lowers[index] == "according" and index + 1 <= high and lowers[index + 1] == "to":
            mention = phrase_starting_at(document.tokens, index + 2, high)
            if mention is not None and mention.kind != PRONOUN:
                return Cue(mention, index, index + 1)
        verb_end = verb_at(document, index)
        if (
            verb_end is None
            or verb_end > high
            or (
                speech_verbs().base(lowers[index]) in _WEAK
                and _words_between(document, verb_end, high) > WEAK_REACH
                and not _that_clause(document, verb_end, high)
            )
        ):
            index -= 1
            continue
        if _ends_subordinate_clause(document, low, index, verb_end, high):
            index -= 1  # "As Kellan spoke, the union …", "after the interview concluded,"
            continue
        tries += 1
        later = _later_clause_subject(document, index, verb_end, high)
        if later is not None:
            # "Jeers rose when Hale named the mayor, and at one stage the hall took up
            # the chant '…'": the clause that holds the quotation has a subject of its own.
            return later
        asker = _asked_by(document, index, verb_end, high)
        if asker is not None:
            return Cue(asker, index, verb_end, None, asker.last)
        quoted = _quoted_as_saying(document, low, index)
        if quoted is not None:
            return quoted
        inverted = _inverted_subject(document, low, index, verb_end, high)
        if inverted is not None:
            return Cue(inverted, index, verb_end, None, inverted.last)
        found = subject_of_verb(document, low, index)
        if found is not None:
            mention, appositive = found
            cue = Cue(mention, index, verb_end, appositive)
            reporter = _reporter_of_clause(document, low, mention)
            if reporter is not None:
                return reporter
            if mention.kind == PRONOUN:
                # "Shoshani said it had urged residents to 'temporarily' ...": the named
                # speaker of the outer verb, not the pronoun inside what he said.
                outer = (
                    cue_before(document, low, mention.start - 1) if mention.start > low else None
                )
                if outer is not None and (
                    outer.mention.kind == NAME
                    or (
                        outer.mention.kind == NOMINAL
                        and person_or_group(document, outer.mention)
                        and speech_verbs().base(document.tokens.lowers[outer.verb]) in _REPORTING
                    )
                ):
                    return outer  # "rivals say he had planned to 'gut' the port fund"
            return cue
        index -= 1
    return headline_cue(document, low, high)


def _reporter_of_clause(document: Document, low: int, mention: Mention) -> Cue | None:
    """The one who reports the clause whose subject is `mention`, when a named person or a
    group opens the sentence with a reporting verb right before it: "Meeks said Clinton
    reassured them that Democrats 'were not …'" is Meeks's account, in his words or his choice
    of hers; the article has it from him. (A pronoun subject is handled by the caller.)"""
    if mention.kind not in {NAME, NOMINAL} or mention.start - 1 <= low:
        return None
    lowers = document.tokens.lowers
    verb_end = mention.start - 1
    if lowers[verb_end] == "that":
        verb_end -= 1
    outer = cue_before(document, low, verb_end)
    if (
        outer is None
        or outer.verb_end != verb_end
        or speech_verbs().base(lowers[outer.verb]) not in _REPORTING
    ):
        return None
    if outer.mention.kind == NAME or (
        outer.mention.kind == NOMINAL and person_or_group(document, outer.mention)
    ):
        return outer
    return None


#: Verbs whose object is what was said: a clause joined after them is still theirs.


def _later_clause_subject(document: Document, verb: int, verb_end: int, high: int) -> Cue | None:
    """The subject of a clause joined after the verb's ("…, and the hall took up", "… - but
    the Ruiz campaign dismissed the plan as"), when the quotation (after `high`) is in it.

    Not after a verb that reports what follows ("Arlen said the board must act, but instead
    Hale is giving them '…'"): that clause is still what was said."""
    words, lowers = document.tokens.words, document.tokens.lowers
    if speech_verbs().base(lowers[verb]) in _REPORTS_CLAUSE:
        return None
    start = None
    for index in range(verb_end + 1, high):
        if not document.outside(index) or lowers[index] == "that":
            return None
        if words[index] in {",", "-", "—", "–"} and lowers[index + 1] in {"and", "but"}:
            start = index + 2
    if start is None:
        return None
    for finite in range(start + 1, high + 1):
        lower = lowers[finite]
        if not words[finite][0].isalnum():
            return None
        if document.tokens.capitalised[finite] or not looks_finite(lower):
            continue
        end = skip_back_modifiers(document, start, finite - 1)
        subject = phrase_ending_at(document.tokens, start, end)
        if subject is None or subject.kind not in {NAME, NOMINAL}:
            return None
        if subject.kind == NOMINAL and not person_or_group(document, subject):
            return None
        return Cue(subject, finite, finite)
    return None


#: How far back from "as saying" the "quoted" of "quoted Brisk as saying" may be.
_QUOTED_REACH = 12


def _quoted_as_saying(document: Document, low: int, verb: int) -> Cue | None:
    """ "VNA quoted President Ana Brisk as saying '…'": who is quoted speaks, not the outlet
    that quotes (which the relay names as `via`); "Orr was quoted by the Times as saying '…'":
    the subject of the passive."""
    lowers = document.tokens.lowers
    if lowers[verb] not in {"saying", "telling"} or verb - 1 <= low or lowers[verb - 1] != "as":
        return None
    quoted = next(
        (
            i
            for i in range(verb - 2, max(low, verb - _QUOTED_REACH) - 1, -1)
            if lowers[i] == "quoted" and document.outside(i)
        ),
        None,
    )
    if quoted is None:
        return None
    if quoted > low and lowers[quoted - 1] in {"was", "were", "been", "is", "are", "being"}:
        found = subject_of_verb(document, low, quoted - 1)
        if found is None:
            return None
        mention, appositive = found
        return Cue(mention, verb, verb, appositive)
    if quoted + 1 == verb - 2 and lowers[quoted + 1] in {"him", "her", "them"}:
        # "VNA quoted her as saying": the pronoun as the object it is.
        at = quoted + 1
        pronoun = Mention(at, at, PRONOUN, document.tokens.words[at], start=at)
        return Cue(pronoun, verb, verb)
    mention = phrase_starting_at(document.tokens, quoted + 1, verb - 2)
    if mention is None or mention.last != verb - 2:
        return None
    return Cue(mention, verb, verb)


def _asked_by(document: Document, verb: int, verb_end: int, high: int) -> Mention | None:
    """ "Ruiz was asked by host Teo Brack, '…'", "Asked by Lind if Hale 'gets' the docks":
    the question is the asker's."""
    lowers = document.tokens.lowers
    if lowers[verb] != "asked" or verb_end + 2 > high or lowers[verb_end + 1] != "by":
        return None
    asker = phrase_starting_at(document.tokens, verb_end + 2, high)
    if asker is None or asker.kind not in {NAME, NOMINAL}:
        return None
    return asker


def _ends_subordinate_clause(
    document: Document, low: int, verb: int, verb_end: int, high: int
) -> bool:
    """A speech verb that ends a subordinate clause without saying anything ("As Kellan
    spoke, …", "after the interview concluded, …"): not the cue of what follows."""
    words, lowers = document.tokens.words, document.tokens.lowers
    if verb_end + 1 > high or words[verb_end + 1] != ",":
        return False
    if not any(words[i][0].isalnum() for i in range(verb_end + 2, high + 1)):
        return False  # "As the Ledger put it, '…'": the clause introduces the quotation
    for index in range(verb - 1, max(low, verb - _SUBORDINATE_REACH) - 1, -1):
        if not words[index][0].isalnum():
            return False
        if lowers[index] == "as":
            # "As the Coastal Post reported, …" introduces; "As Kellan spoke, …" does not.
            return speech_verbs().base(lowers[verb]) in {"speak", "talk"}
        if lowers[index] in _CLAUSE_OPENERS:
            return True
    return False


#: How long a subordinate clause before its verb may be: "after the Ruiz interview".
_SUBORDINATE_REACH = 8


_CLAUSE_OPENERS = SUBORDINATORS - {"and", "but"}


def _inverted_subject(
    document: Document, low: int, verb: int, verb_end: int, high: int
) -> Mention | None:
    """ "Put simply, explained Wire moderator Ines Marlow: '…'": the speaker right after
    a verb that opens its clause, right before the mark that introduces the quotation."""
    words = document.tokens.words
    if verb_end + 1 >= high or words[high] not in {",", ":"}:
        return None
    if verb > low and words[verb - 1] not in {",", "—", "–", ";"}:
        return None
    if speech_verbs().base(document.tokens.lowers[verb]) in {"tell", "ask"}:
        return None  # "…, told the Herald:" names who listened
    if document.tokens.lowers[verb_end + 1] in {"that", "to", "it", "this"}:
        return None
    mention = phrase_starting_at(document.tokens, verb_end + 1, high - 1)
    if mention is None or mention.kind not in {NAME, NOMINAL}:
        return None
    if mention.last != high - 1 and not _relative_clause_between(document, mention.last, high):
        return None
    if mention.kind == NOMINAL and not person_or_group(document, mention):
        return None
    return mention


def _relative_clause_between(document: Document, last: int, high: int) -> bool:
    """ "Said Elsa Dunmore, who sailed with Brack, '…'": after the name, only a relative
    clause between commas before the quotation."""
    words, lowers = document.tokens.words, document.tokens.lowers
    return (
        last + 2 < high
        and words[last + 1] == ","
        and lowers[last + 2] in RELATIVES
        and high - last <= RELATIVE_REACH
        and words[high] == ","
        and all(document.outside(i) and words[i] != ":" for i in range(last + 1, high))
    )


def _that_clause(document: Document, verb_end: int, high: int) -> bool:
    """ "wrote on his club's notice board that anglers should '…'": a weak verb whose "that"
    clause, a few words on, holds the quotation."""
    lowers = document.tokens.lowers
    if verb_end + 1 <= high and lowers[verb_end + 1] in _CLAUSE_PRONOUNS:
        return True  # "a cousin of the owner proposed they print a photo of '…'"
    for index in range(verb_end + 1, min(high, verb_end + _THAT_REACH) + 1):
        if lowers[index] == "that":
            return True
        if not document.tokens.words[index][0].isalnum():
            return False
    return False


_CLAUSE_PRONOUNS = word_class("clause-pronouns")


#: How far after a weak verb its "that" may come: "wrote on his club's notice board that".
_THAT_REACH = 8


def _words_between(document: Document, verb_end: int, high: int) -> int:
    """How many words stand between a verb and the quotation after `high`."""
    return sum(1 for i in range(verb_end + 1, high + 1) if document.tokens.words[i][0].isalnum())

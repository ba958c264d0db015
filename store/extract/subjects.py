"""Who the subject is: the phrase before a verb, or the one opening a clause.

Before a speech verb the subject is the phrase that ends at it ("At the hearing, Ruiz said"),
or, with an appositive or a relative clause in between, the phrase that opens the clause
("Tessa Quill, a senior surveyor …, said"; "the crews who wrote to him say"). A clause's
subject is the first phrase after its opening words ("But in a statement, Hale …"). Both
know two people who speak together ("Hale and Ruiz put out a note"), descriptions that
name someone ("the county engineer, Tobias Wren,"), and what is not a subject: an appositive,
a dateline's month, a state after a town.
"""

from __future__ import annotations

from dataclasses import replace

from store.extract.document import Document
from store.extract.grammar import (
    DETERMINERS,
    MONTHS,
    VERB_MODIFIERS,
)
from store.extract.lexicon import document_nouns, org_words, role_nouns, speech_verbs
from store.extract.phrases import (
    GROUP_SHARES,
    NAME,
    NOMINAL,
    PRONOUN,
    Mention,
    is_name_word,
    phrase_ending_at,
    phrase_starting_at,
    role_tied_within,
)

_INTRO_WORDS = frozenset(
    """in on at after before during since speaking asked earlier later meanwhile however
    still yet instead separately elsewhere last this next when while as if although though
    because despite unlike like for from with without under over by through according""".split()
)
#: Prepositions tying a role to whom it serves: "a spokesman for Kessel Ferries".
_SERVING = frozenset({"for", "to", "of", "at", "with"})
PUNCTUATION = frozenset({",", "—", "–", "-", ":", ";", "(", ")"})
SUBORDINATORS = frozenset(
    "as and but where when while after before because since although though if once until".split()
)
#: How long an appositive after a name may be: "…, president and chief executive of …".
ROLE_REACH = 16
_CLAUSE_STARTS = 8
#: Nouns that end like adverbs: "a member of the family said".
_LY_NOUNS = frozenset("family rally ally assembly supply reply monopoly anomaly".split())


def skip_back_modifiers(document: Document, low: int, high: int) -> int:
    """`high` moved back over adverbs before a verb: "Hale also said", "Wren angrily said"."""
    lowers = document.tokens.lowers
    capitalised = document.tokens.capitalised
    while high >= low and (
        (
            lowers[high] in VERB_MODIFIERS
            # "Will wrote", "May said": a capitalised word inside a sentence is a name
            and not (capitalised[high] and high not in document.sentence_first)
        )
        or (
            lowers[high].endswith("ly")
            and len(lowers[high]) > 4
            and lowers[high].isalpha()
            and not document.tokens.capitalised[high]
            and lowers[high] not in _LY_NOUNS
            and not (high > low and lowers[high - 1] in DETERMINERS)  # "the family"
        )
    ):
        high -= 1
    return high


def appositive_text(document: Document, first: int, last: int) -> str | None:
    """The text of an appositive or parenthesis between `first` and `last` (marks trimmed)."""
    words = document.tokens.words
    while first <= last and words[first] in PUNCTUATION:
        first += 1
    while last >= first and words[last] in PUNCTUATION:
        last -= 1
    if last < first:
        return None
    text = document.tokens.span_text(first, last)
    return text if len(text) <= 300 else None


def subject_before(document: Document, low: int, high: int) -> tuple[Mention, str | None] | None:
    """The subject of a verb that follows token `high`; `low` bounds the clause."""
    high = skip_back_modifiers(document, low, high)
    if high < low:
        return None
    words = document.tokens.words
    if words[high] in _DASHES:
        return _subject_before_dashes(document, low, high)
    if words[high] == ")":
        party = _name_before_parenthesis(document, low, high)
        if party is not None:
            return party
    if words[high] in {",", ")"}:
        return _subject_with_appositive(document, low, high)
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
    relative = _relative_pronoun(document, low, high)
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
    adverbial = _adverbial_start(document, low, high, mention)
    if adverbial is not None:
        # "Hale at the time said", "Ruiz on Tuesday said": the subject is before it.
        joined = adverbial - 1
        if joined > low and document.tokens.lowers[joined] in {"and", "but", "then"}:
            # "The porter first said …, but in a second talk said": the first verb's
            return clause_subject(document, low, joined - 1)
        return subject_before(document, low, adverbial - 1)
    if mention is None:
        return None
    place = _place_before(document, low, mention.start)
    if place is not None:
        # "Ana Ruiz of Port Ardith, Vale says": the person before the place.
        outer = phrase_ending_at(document.tokens, low, place - 1)
        if outer is not None and _person_like(document, outer):
            return outer, document.tokens.span_text(place, high)
    spoken_to = _speaking_to(document, low, mention)
    if spoken_to is not None:
        return spoken_to, None
    someone = _someone_in(document, low, mention)
    if someone is not None:
        return someone, None
    return _pair_ending_with(document, low, mention), None


_SOMEONE = frozenset({"someone", "somebody", "one", "many", "some", "several", "others"})


def _someone_in(document: Document, low: int, place: Mention) -> Mention | None:
    """ "someone in the audience shouted": the someone, not the audience."""
    tokens = document.tokens
    preposition = place.start - 1
    if preposition - 1 < low or tokens.lowers[preposition] not in {"in", "from", "at", "on"}:
        return None
    if tokens.lowers[preposition - 1] not in _SOMEONE:
        return None
    first = preposition - 1
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


_DASHES = frozenset({"—", "–", "-"})


def opening_dash(document: Document, low: int, closing: int, dashes: frozenset[str]) -> int | None:
    """The dash that opens the aside a dash at `closing` ends ("X — an aside — said")."""
    words = document.tokens.words
    reach = max(low, closing - ROLE_REACH * 2)
    return next((i for i in range(closing - 1, reach - 1, -1) if words[i] in dashes), None)


def _subject_before_dashes(
    document: Document, low: int, high: int
) -> tuple[Mention, str | None] | None:
    """ "Brack — named by the Ledger as the likely pick — told …": the phrase before an
    aside between dashes; "A former candidate -- Jules Farrow, who lost in 2011 -- said": the
    name the aside opens with, described by the phrase before it."""
    words = document.tokens.words
    closing = high
    while closing > low and words[closing - 1] in _DASHES:
        closing -= 1
    opening = opening_dash(document, low, closing, _DASHES)
    if opening is None:
        return None
    inside = opening + 1
    while opening > low and words[opening - 1] in _DASHES:
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


#: How many tokens a parenthesis after a name may hold: "(D-N.Y.)", "(R)".
PARENTHESIS_REACH = 8


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
    described = lowers[comma + 1] in {"the", "a", "an"}
    if not (described or any(lowers[i] in role_nouns() for i in tail)) or any(
        words[i] in PUNCTUATION or not document.outside(i) for i in tail
    ):
        return None
    if any(speech_verbs().base(lowers[i]) is not None for i in tail):
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


def _person_like(document: Document, mention: Mention) -> bool:
    """A name or a description of people ("a woman"), not "the Democratic debate"."""
    if mention.kind == NAME:
        before = mention.start - 1
        return before < 0 or document.tokens.lowers[before] not in _INTRO_WORDS
    return mention.kind == NOMINAL and document.tokens.lowers[mention.last] in role_nouns()


_ADVERBIAL_PREPOSITIONS = frozenset(
    "at on in during after before for with last this earlier later late early".split()
)
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night
    week weekend month year today yesterday time moment day days weeks months years""".split()
)


def _relative_pronoun(document: Document, low: int, high: int) -> int | None:
    """The "who" of "the crews who wrote to him say"; of two joined by "and" ("a man who
    worshiped there and who did not want to be named said"), the first."""
    lowers = document.tokens.lowers
    reach = 12
    index = high - 1
    while index >= max(low, high - reach):
        if document.tokens.words[index] in {",", ";", ":"} or not document.outside(index):
            return None
        if lowers[index] in {"who", "which"} and index > low:
            if lowers[index - 1] != "and" or reach >= 2 * 12:
                return index
            reach = 2 * 12  # look for the first relative pronoun of the pair
        index -= 1
    return None


def _adverbial_start(
    document: Document, low: int, high: int, mention: Mention | None
) -> int | None:
    """Where a time or place phrase right before the verb starts, when it is not the subject."""
    lowers = document.tokens.lowers
    if mention is not None and mention.kind in {NAME, PRONOUN}:
        return None
    if mention is not None and lowers[mention.last] in role_nouns():
        return None
    for index in range(high, max(low, high - 5) - 1, -1):
        lower = lowers[index]
        if lower in _ADVERBIAL_PREPOSITIONS and index > low:
            tail = lowers[index + 1 : high + 1]
            if lower in {"last", "this", "earlier", "later", "late", "early"} and not tail:
                continue
            if not tail or tail[-1] in _TIME_WORDS or lower in {"at", "on", "in", "during"}:
                return index
        if not document.tokens.words[index][0].isalnum():
            return None
    if lowers[high] in _TIME_WORDS and high > low:
        return high
    return None


def _place_before(document: Document, low: int, start: int) -> int | None:
    """If `, Name` at `start` continues a place ("in Port Ardith, Vale"), the "in"."""
    words, lowers = document.tokens.words, document.tokens.lowers
    comma = start - 1
    if comma - 2 < low or words[comma] != ",":
        return None
    index = comma - 1
    while index > low and is_name_word(document.tokens, index):
        index -= 1
    if index < comma - 1 and lowers[index] in {"in", "of", "from"}:
        return index
    return None


def named_in_appositive(
    document: Document, mention: Mention, comma: int, high: int
) -> tuple[Mention, str | None] | None:
    """A description followed by the name it describes: the name speaks, the description is
    the role."""
    if mention.kind != NOMINAL or document.tokens.words[comma] != ",":
        return None
    named = phrase_starting_at(document.tokens, comma + 1, high)
    if named is None or named.kind != NAME or named.organisation:
        return None
    named = with_partner(document, named, high)  # "its archivists, Piet and Cora Vane,"
    last = (named.partner or named).last
    if last + 1 <= high and document.tokens.words[last + 1] not in {",", "(", "."}:
        return None
    return named, mention.text


RELATIVES = frozenset({"who", "who's", "who’s", "whose", "whom"})
#: How long a relative clause between commas may be: "…, who is thinking about running, said".
RELATIVE_REACH = 24


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


def _clause_starts(words: list[str], low: int, high: int, marks: set[str]) -> list[int]:
    """`low` and the tokens after the last few separating marks before `high`."""
    after_marks = [i + 1 for i in range(low, high) if words[i] in marks]
    return [low, *after_marks[-_CLAUSE_STARTS:]]


def _subject_with_appositive(
    document: Document, low: int, high: int
) -> tuple[Mention, str | None] | None:
    """`Name, appositive, said` or `Name (D-N.Y.) said`: the phrase starting a clause chunk."""
    words = document.tokens.words
    related = _before_relative_clause(document, low, high)
    if related is not None:
        return related
    starts = _clause_starts(words, low, high, {","})
    for start in starts:
        if start <= high and document.tokens.lowers[start] in SUBORDINATORS:
            start += 1  # "As Council Speaker Rob Hale (L-Vale) has noted, …", "where …"
        if start > high or document.tokens.lowers[start] in _INTRO_WORDS:
            continue
        place = _place_before(document, low, start)
        if place is not None:
            outer = phrase_ending_at(document.tokens, low, place - 1)
            if outer is not None and _person_like(document, outer):
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
        place = _place_before(document, low, comma + 1)
        if place is None:
            continue
        outer = phrase_ending_at(document.tokens, low, place - 1)
        if outer is not None and _person_like(document, outer):
            return outer, appositive_text(document, place, high)
        break
    # "a man in Port Ardith, Vale, told her": the phrase that ends at the appositive.
    opening = next(
        (
            i
            for i in range(high - 1, low - 1, -1)
            if words[i] == "," and _place_before(document, low, i + 1) is None
        ),
        None,
    )
    if opening is not None and opening > low:
        mention = phrase_ending_at(document.tokens, low, opening - 1)
        place = _place_before(document, low, mention.start) if mention else None
        if mention is not None and place is not None:
            outer = phrase_ending_at(document.tokens, low, place - 1)
            if outer is not None and _person_like(document, outer):
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
    starts = _clause_starts(words, low, high, {",", "—", "–", "-"})
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
        if index > high or lowers[index] in _INTRO_WORDS:
            continue
        if not document.outside(index):
            continue
        mention = phrase_starting_at(document.tokens, index, high)
        if mention is None:
            continue
        mention = with_partner(document, joined_title_name(document, mention, high), high)
        if mention.kind == NOMINAL and not person_or_group(document, mention):
            continue
        if mention.kind == NOMINAL and _describes_name_before(document, low, start, mention):
            continue  # "Preceded by Teo Brack, the Vale sheriff, Hale launched …"
        if _state_abbreviation(document, mention):
            continue  # "At a meeting in Ardith, Colo., the captain closed her talk …"
        if mention.kind == NAME and lowers[mention.first] in MONTHS:
            continue  # "WASHINGTON, Dec. 8 (UPI) —": a dateline's date
        if (
            mention.kind == NOMINAL
            and not document.tokens.capitalised[mention.first]
            and (lowers[mention.first] not in DETERMINERS)
            and not _finite_verb_after(document, mention.last, high)
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


AUXILIARIES = frozenset("had has have was were is are will would could did".split())


def looks_finite(lower: str) -> bool:
    """A word that reads as the verb of a clause: "gathered", "had", "would"."""
    return lower in AUXILIARIES or lower.endswith("ed")


def _finite_verb_after(document: Document, last: int, high: int) -> bool:
    """A verb right after a bare plural makes it a subject: "protesters gathered", "about 50
    protesters had gathered" (not "founder of the institute")."""
    following = last + 1
    return following <= high and looks_finite(document.tokens.lowers[following])


def _state_abbreviation(document: Document, mention: Mention) -> bool:
    """ "Colo.," after a town: one abbreviated word between a full stop and a comma."""
    words = document.tokens.words
    after = mention.last + 1
    return (
        mention.kind == NAME
        and mention.first == mention.last
        and after + 1 < len(words)
        and words[after] == "."
        and words[after + 1] == ","
        and mention.first > 0
        and words[mention.first - 1] == ","
    )


def _describes_name_before(document: Document, low: int, start: int, mention: Mention) -> bool:
    """A description between commas right after a name is its appositive, not a subject."""
    tokens = document.tokens
    comma = start - 1
    if comma - 1 < low or tokens.words[comma] != "," or not is_name_word(tokens, comma - 1):
        return False
    # Up to the next comma: more of the description ("and anti-immigration hard-liner").
    for index in range(mention.last + 1, min(len(tokens.words), mention.last + ROLE_REACH)):
        word, lower = tokens.words[index], tokens.lowers[index]
        if word == ",":
            return True
        if not (word[0].isalnum() or word == "-") or looks_finite(lower):
            return False
        if speech_verbs().base(lower) is not None:
            return False
    return False


def person_or_group(document: Document, mention: Mention) -> bool:
    """A description of someone who can speak: a role, a group, a body or a document."""
    lowers = document.tokens.lowers
    head = lowers[mention.last]
    if (
        head in role_nouns()
        or head in org_words()
        or head in document_nouns()
        or head in GROUP_SHARES  # "21 percent said"
    ):
        return True
    # "a spokesman for Kessel Ferries": the role comes before whom it serves.
    return role_tied_within(document.tokens, mention.first, mention.last, _SERVING)


BODY_JOINS = frozenset({"the", "of", "for", "and", "&", "on", "’s", "'s"})


def joined_title_name(document: Document, mention: Mention, high: int) -> Mention:
    """A description joined by "and" to a title and a name is that person: "former
    Vale Gov. and Harbour Party Chairman Jules Farrow", "Former
    judge and Port Ardith Mayor Elsa Dunmore"."""
    tokens = document.tokens
    join = mention.last + 1
    if join <= high and tokens.words[join] == ".":
        join += 1  # "Gov. and …"
    if mention.kind != NOMINAL or join + 1 > high or tokens.lowers[join] != "and":
        return mention
    named = phrase_starting_at(tokens, join + 1, high)
    if named is None or named.kind != NAME or named.organisation:
        return mention
    role = tokens.span_text(mention.first, named.first - 1)
    return replace(named, role=role, start=mention.start)


def with_partner(document: Document, first: Mention, high: int, whole: bool = False) -> Mention:
    """`first` and the person joined to it by "and" ("Mara Kellan and Hugo Lind"), who
    speak together; `first` alone when no second person follows (`whole`: up to `high`)."""
    tokens = document.tokens
    if first.kind != NAME or first.organisation or first.partner is not None:
        return first
    join = first.last + 1
    if join + 1 > high or tokens.lowers[join] != "and":
        return first
    second = phrase_starting_at(tokens, join + 1, high)
    if (
        second is None
        or second.kind != NAME
        or second.organisation
        or (whole and second.last != high and not _body_after(document, second.last, high))
        or any(not document.outside(i) for i in range(join, second.last + 1))
    ):
        return first
    return replace(first, partner=second)


def _body_after(document: Document, last: int, high: int) -> bool:
    """ "… of Vale's Institute for Tides and Coastal Safety" up to `high`:
    where the people just named are from."""
    tokens = document.tokens
    if last + 2 > high or tokens.lowers[last + 1] not in {"of", "at", "from"}:
        return False
    return all(
        tokens.capitalised[i] or tokens.lowers[i] in BODY_JOINS for i in range(last + 2, high + 1)
    )


def description_end(document: Document, description: Mention, high: int) -> int | None:
    """The comma that ends a description of a person, over what places it: "Another member
    of the Hale list," -> the comma; None when it does not describe a person."""
    tokens = document.tokens
    if not (
        tokens.lowers[description.last] in role_nouns() or person_or_group(document, description)
    ):
        return None
    index = description.last + 1
    if index <= high and tokens.words[index] == ",":
        return index
    if index > high or tokens.lowers[index] not in _PLACING:
        return None
    for comma in range(index + 1, min(high, index + _PLACING_REACH) + 1):
        if tokens.words[comma] == ",":
            return comma
        if not tokens.words[comma][0].isalnum() or speech_verbs().base(tokens.lowers[comma]):
            return None
    return None


#: Prepositions that place a described person: "a delegate on the Hale list", "a nurse at …".
_PLACING = frozenset({"on", "in", "at", "of", "for", "from", "with", "to"})
_PLACING_REACH = 7

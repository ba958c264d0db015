"""What the subject finders share: the bounds, the words that open clauses, the appositive after a
name, and whether a phrase is a person or a group."""

from __future__ import annotations

from store.extract.document import Document
from store.extract.grammar import (
    DETERMINERS,
    VERB_MODIFIERS,
    ly_adverb,
)
from store.extract.lexicon import document_nouns, org_words, role_nouns, speech_verbs, word_class
from store.extract.phrases import (
    GROUP_SHARES,
    NAME,
    NOMINAL,
    PRONOUN,
    Mention,
    is_name_word,
    role_tied_within,
)
from store.extract.phrases.names import post_nominal

INTRO_WORDS = word_class("intro-words")


_SERVING = word_class("serving-prepositions")


PUNCTUATION = frozenset({",", "—", "–", "-", ":", ";", "(", ")"})


SUBORDINATORS = word_class("subordinators")


#: How long an appositive after a name may be: "…, president and chief executive of …".
ROLE_REACH = 16


_CLAUSE_STARTS = 8


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
            ly_adverb(lowers[high])
            and not document.tokens.capitalised[high]
            and not (high > low and lowers[high - 1] in DETERMINERS)  # "the family"
        )
        # "Gideon Lusk MP said", "Dora Finch OBE told": letters after the name.
        or (high > low and post_nominal(document.tokens, high) and capitalised[high - 1])
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


DASHES = frozenset({"—", "–", "-"})


def opening_dash(document: Document, low: int, closing: int, dashes: frozenset[str]) -> int | None:
    """The dash that opens the aside a dash at `closing` ends ("X — an aside — said")."""
    words = document.tokens.words
    reach = max(low, closing - ROLE_REACH * 2)
    return next((i for i in range(closing - 1, reach - 1, -1) if words[i] in dashes), None)


#: How many tokens a parenthesis after a name may hold: "(D-N.Y.)", "(R)".
PARENTHESIS_REACH = 8


def person_like(document: Document, mention: Mention) -> bool:
    """A name or a description of people ("a woman"), not "the Democratic debate"."""
    if mention.kind == NAME:
        before = mention.start - 1
        return before < 0 or document.tokens.lowers[before] not in INTRO_WORDS
    return mention.kind == NOMINAL and document.tokens.lowers[mention.last] in role_nouns()


_ADVERBIAL_PREPOSITIONS = word_class("adverbial-openers")


_TIME_WORDS = word_class("time-words")


def relative_pronoun(document: Document, low: int, high: int) -> int | None:
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


def adverbial_start(document: Document, low: int, high: int, mention: Mention | None) -> int | None:
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


def place_before(document: Document, low: int, start: int) -> int | None:
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


RELATIVES = word_class("relative-pronouns")


#: How long a relative clause between commas may be: "…, who is thinking about running, said".
RELATIVE_REACH = 24


def clause_starts(words: list[str], low: int, high: int, marks: set[str]) -> list[int]:
    """`low` and the tokens after the last few separating marks before `high`."""
    after_marks = [i + 1 for i in range(low, high) if words[i] in marks]
    return [low, *after_marks[-_CLAUSE_STARTS:]]


AUXILIARIES = word_class("auxiliaries")


def looks_finite(lower: str) -> bool:
    """A word that reads as the verb of a clause: "gathered", "had", "would"."""
    return lower in AUXILIARIES or lower.endswith("ed")


def finite_verb_after(document: Document, last: int, high: int) -> bool:
    """A verb right after a bare plural makes it a subject: "protesters gathered", "about 50
    protesters had gathered" (not "founder of the institute")."""
    following = last + 1
    return following <= high and looks_finite(document.tokens.lowers[following])


def state_abbreviation(document: Document, mention: Mention) -> bool:
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


def describes_name_before(document: Document, low: int, start: int, mention: Mention) -> bool:
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

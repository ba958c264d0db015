"""Is the word at a token a speech verb here, and where does it end?

"said" always is; "say" only after a subject that takes it ("experts say"); "reports" not
after an article ("the reports"); "warning" not after a possessive ("Wren's warning"); "read"
only where something is read out ('a banner that read "…"'). Phrasal verbs ("went on", "cut
in") end on their particle. Every attribution rule asks this first.
"""

from __future__ import annotations

from store.extract.document import Document
from store.extract.grammar import (
    ADJECTIVE_ENDINGS,
    ARTICLES,
    FUNCTION_WORDS,
    PEOPLE_PREPOSITIONS,
    PRONOUNS,
    VERB_MODIFIERS,
    people_plural,
)
from store.extract.lexicon import document_nouns, role_nouns, speech_verbs, word_class
from store.extract.phrases import is_name_word

#: Speech verbs more often nouns than verbs (tagged "noun-like" in data/speech_verbs.txt).
_NOUN_LIKE = speech_verbs().tagged("noun-like")

_PLURAL_SUBJECTS = word_class("plural-subjects")
#: Marks that close a quotation: '"…," read the statement'.
_CLOSING = frozenset({"”", '"', "’"})
#: What follows a verb that introduces words: a colon or an opening quotation mark.
_INTRODUCING = frozenset({":", "“", '"', "‘", "'", "«"})
#: How far back the infinitive of "to make a joke and call …" may open its clause.
_INFINITIVE_REACH = 12


#: Every speech verb's first word: most tokens are ruled out with this one lookup, and
#: verb_at is asked about nearly every token of an article, several times (the loops that ask
#: about every token of a stretch test it before calling verb_at).
FIRST_WORDS = speech_verbs().first_words


def verb_at(document: Document, index: int) -> int | None:
    """If a speech verb starts at token `index`, the index of its last token."""
    lowers = document.tokens.lowers
    if lowers[index] not in FIRST_WORDS:
        return None
    if index + 1 < len(lowers):
        pair = lowers[index] + " " + lowers[index + 1]
        phrasal = speech_verbs().base(pair)
        if phrasal is not None:
            after = document.tokens.words[index + 2] if index + 2 < len(lowers) else ""
            if phrasal == "go on" and after[:1].islower():
                return None  # "once the council goes on holiday": not '"…," he went on'
            return index + 1
    word = lowers[index]
    base = speech_verbs().base(word)
    if base is None or " " in base:
        return None
    tokens = document.tokens
    if (
        tokens.capitalised[index]
        and index > 0
        and is_name_word(tokens, index - 1)
        and (index not in document.sentence_first)
    ):
        return None  # "the Vale Islands", "Meridian Wire Reports": part of a name
    following = document.tokens.words[index + 1] if index + 1 < len(lowers) else ""
    if word == "read" and following in _INTRODUCING:
        return index  # "a banner that read 'Hands off'", "the notice read: …"
    if word == "read" and (
        (index > 0 and lowers[index - 1] in document_nouns())
        or _right_after_quotation(document, index)
    ):
        return index  # '"…," the email read.', '"…," read the statement.'
    if word == base:
        # A bare base form is a verb only after "they", "we", "officials"...: "experts say".
        if index + 1 < len(lowers) and lowers[index + 1] in role_nouns():
            return None  # "the Roads press secretary": a noun before a role
        before = lowers[index - 1] if index > 0 else ""
        if before == ",":
            before = _before_aside(document, index - 1)  # "The two lawmakers, however, argue"
        if before == "and" and _after_infinitive(document, index - 1):
            return index  # "led Ruiz to crack a joke and call Hale '…'"
        if (
            before == "to"
            and word in _NOUN_LIKE
            and index + 1 < len(lowers)
            and (document.tokens.capitalised[index + 1] or lowers[index + 1] in PRONOUNS)
        ):
            return index  # "going to the radio to call Brack '…'": an infinitive
        if (word in _NOUN_LIKE and not _subject_after_quotation(document, index)) or not (
            before in _PLURAL_SUBJECTS
            or (before.endswith("s") and before not in FUNCTION_WORDS and len(before) > 3)
            or before in VERB_MODIFIERS
            or before in {"to", "will", "would", "did", "could"}
            or _people_somewhere_before(document, index)
        ):
            return None
    if word.endswith("s") and word != base and _after_article(document, index):
        return None  # "his anti-Muslim remarks", "the reports": a plural noun
    if word.endswith("s") and word != base and _object_of_gerund(document, index):
        return None  # "accused him of making rude remarks": what the gerund makes
    if word.endswith("ing") and _owned_gerund(document, index):
        return None  # "Wren's blunt warning that …", "a stern warning": a noun
    if word != base and index > 0 and lowers[index - 1] in ARTICLES:
        return None  # "in a written statement", "the revised account": an adjective
    if base == "continue" and following == "to":
        return None  # "Ruiz will continue to be …": not '"…," he continued'
    return index


#: How many words the place may take: "doctors across the whole country say".
_PLACE_REACH = 5


def _people_somewhere_before(document: Document, index: int) -> bool:
    """ "Residents of the town say", "farmers in the north warn": a plural of people before
    where they are is the subject of the bare verb, though the word before it is singular."""
    lowers, words = document.tokens.lowers, document.tokens.words
    for preposition in range(index - 2, max(0, index - 2 - _PLACE_REACH), -1):
        if not words[preposition][0].isalnum():
            return False
        if lowers[preposition] in PEOPLE_PREPOSITIONS:
            return people_plural(lowers[preposition - 1])
    return False


def _subject_after_quotation(document: Document, index: int) -> bool:
    """'"…," the Valemen state': a short subject between a quotation and the word."""
    words = document.tokens.words
    for before in range(index - 1, max(-1, index - 5), -1):
        if words[before] in _CLOSING and not document.outside(before):
            return True
        if words[before] == ",":
            return before > 0 and words[before - 1] in _CLOSING
        if not words[before][0].isalpha():
            return False
    return False


def _after_infinitive(document: Document, join: int) -> bool:
    """An infinitive ("to make") opens the clause that `join` ("and") ends."""
    lowers, words = document.tokens.lowers, document.tokens.words
    for index in range(join - 1, max(-1, join - _INFINITIVE_REACH), -1):
        if not words[index][0].isalnum():
            return False
        if lowers[index] == "to" and index + 1 < join and words[index + 1].islower():
            return True
    return False


def _before_aside(document: Document, comma: int) -> str:
    """The word before a short aside that ends at `comma` (", however,"), or ""."""
    words = document.tokens.words
    for index in range(comma - 1, max(0, comma - 4) - 1, -1):
        if words[index] == ",":
            return document.tokens.lowers[index - 1] if index > 0 else ""
        if not words[index][0].isalpha():
            return ""
    return ""


def _right_after_quotation(document: Document, index: int) -> bool:
    """Token `index` follows a closing quotation mark, or one and a comma."""
    words = document.tokens.words
    before = index - 1
    if before >= 0 and words[before] == ",":
        before -= 1
    return before >= 0 and words[before] in _CLOSING


def _owned_gerund(document: Document, index: int) -> bool:
    """An -ing word after an article or a possessive and a few adjectives is a noun."""
    lowers, words = document.tokens.lowers, document.tokens.words
    if index > 0 and lowers[index - 1] in document_nouns():
        return False  # "the newspaper's editorial telling him …": a participle after its noun
    for before in range(index - 1, max(-1, index - 4), -1):
        if lowers[before] in _ARTICLES:
            return True
        if (
            not words[before].isalpha()
            or lowers[before] in FUNCTION_WORDS
            or document.tokens.capitalised[before]
        ):
            return False
    return False


_ARTICLES = word_class("articles-before-verbs")


def _object_of_gerund(document: Document, index: int) -> bool:
    """ "making racist remarks", "issuing harsh statements": an adjective between an -ing
    word and an -s word makes the -s word the gerund's object, a noun."""
    lowers = document.tokens.lowers
    if index < 2 or not lowers[index - 2].endswith("ing"):
        return False
    return lowers[index - 1].endswith((*ADJECTIVE_ENDINGS, "ist"))


def _after_article(document: Document, index: int) -> bool:
    """ "the reports", "his anti-Muslim remarks": an -s word after an article is a noun."""
    lowers = document.tokens.lowers
    before = lowers[index - 1] if index > 0 else ""
    if before in _ARTICLES:
        return True
    adjective = "-" in before or before.endswith(ADJECTIVE_ENDINGS)
    return adjective and index > 1 and lowers[index - 2] in _ARTICLES

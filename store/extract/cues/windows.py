"""What the own-cue rules look at: the stretches around a quotation, the clause it opens or
sits in, the short sentence after it."""

from __future__ import annotations

from store.extract.cues.after import cue_after
from store.extract.cues.cue import Cue
from store.extract.document import WINDOW, Document, QuoteTokens
from store.extract.lexicon import speech_verbs, word_class
from store.extract.phrases import NAME, NOMINAL
from store.extract.subjects import clause_subject
from store.extract.verbs import verb_at

#: How many words past its verb a cue's complement may run and still be light: "said, '…'".
LIGHT_COMPLEMENT = 12
#: A sentence that only attributes the quotation before it: "Smith said Tuesday in Denver."
_NEXT_SENTENCE_TAIL = 6


_GERUND_PREPOSITIONS = word_class("gerund-prepositions")


def opening_participle_subject(
    document: Document, quote: QuoteTokens, low: int, high: int
) -> Cue | None:
    """ "In calling the levy 'plain theft,' the bishop showed …",
    "Admitting that Hale 'gets a lot of things wrong,' though, Ruiz did suggest …": a
    quotation inside a participle phrase opening the sentence is said by the subject of the
    clause after it."""
    words, lowers = document.tokens.words, document.tokens.lowers
    participle = low + 1 if lowers[low] in _GERUND_PREPOSITIONS else low
    if participle >= quote.open or not lowers[participle].endswith("ing"):
        return None
    if speech_verbs().base(lowers[participle]) is None:
        return None
    if any(words[i] == "," and document.outside(i) for i in range(participle, quote.open)):
        return None  # the phrase ended before the quotation
    start = quote.close + 1
    if start <= high and words[start] == ",":
        start += 1
    if start > high:
        return None
    found = clause_subject(document, start, high)
    if found is None or found[0].kind not in {NAME, NOMINAL}:
        return None
    return Cue(found[0], found[0].last, found[0].last, found[1])


_OPENING_SUBORDINATORS = word_class("opening-subordinators")


def in_subordinate_clause_before(
    document: Document, quote: QuoteTokens, cue: Cue, low: int
) -> bool:
    """The quotation sits in a clause opening the sentence ("When X shouted, '…',", "After X
    said that … '…',") and the cue after it introduces the next quotation ("Voss quipped, '…'",
    "Hale said: '…'"): the cue is the main clause's, not the quotation's."""
    words, lowers = document.tokens.words, document.tokens.lowers
    just_before = quote.open - 1
    if just_before > low and words[just_before] in {",", ":"}:
        just_before -= 1
    named = just_before >= low and verb_at(document, just_before) is not None
    if lowers[low] not in _OPENING_SUBORDINATORS and not named:
        # "in a memo that Judge Arlen called 'careless,' Marlow voiced …" is the
        # other form: a speech verb right before the quotation.
        return False
    for index in range(cue.last + 1, min(len(words), cue.last + LIGHT_COMPLEMENT)):
        if document.inside[index] >= 0:
            return document.inside[index] != document.inside[quote.open]
        if words[index] in {".", "!", "?"}:
            return False
    return False


def quoted_earlier(document: Document, quote: QuoteTokens) -> bool:
    """Another quotation comes before this one in its paragraph."""
    number = document.inside[quote.open]
    return number > 0 and (
        document.paragraph_of[document.quotes[number - 1].open] == document.paragraph_of[quote.open]
    )


def quote_bounds(document: Document, quote: QuoteTokens) -> tuple[int, int]:
    """The quotation's sentence, within reach of the quotation."""
    low, high = document.sentence_bounds(quote.open)
    return max(low, quote.open - WINDOW), min(high, quote.close + WINDOW)


def has_words(document: Document, low: int, high: int) -> bool:
    return any(document.tokens.words[i][0].isalnum() for i in range(low, high + 1))


def cue_in_next_sentence(document: Document, quote: QuoteTokens, high: int) -> Cue | None:
    """`"Why not?" Smith asked.` — the writer's full stop after the mark hides the cue."""
    following = high + 1
    if (
        following >= len(document.tokens)
        or document.paragraph_of[following] != document.paragraph_of[quote.open]
        or not document.outside(following)
    ):
        return None
    low, next_high = document.sentence_bounds(following)
    next_high = min(next_high, low + WINDOW)
    quoted = next((i for i in range(low, next_high + 1) if document.inside[i] >= 0), None)
    cue = cue_after(document, low, next_high if quoted is None else quoted - 1)
    if cue is None or document.tokens.lowers[cue.verb - 1] == "to":
        return None  # '"Mr. Brack?" I had a few words ready to read out': not a cue
    opens_sentence = quote.open == document.sentence_bounds(quote.open)[0]
    if quoted is not None and not (
        opens_sentence and cue.mention.start == low and cue.verb == cue.mention.last + 1
    ):
        # A sentence with a quotation of its own has its own speaker, unless it opens with
        # the cue: '"Four? Five?" Ruiz asks as a porter comes in, saying he's "…"'.
        return None
    tail = [i for i in range(cue.last + 1, next_high + 1) if document.tokens.words[i][0].isalnum()]
    if _reports_a_clause(document, cue.last + 1, next_high):
        # '"Nobody is listening." Ed Pry said the crews would strike.': Pry says something
        # of his own; the quotation before is not what he said.
        return None
    exclaimed = document.text[quote.span.end - 1 : quote.span.end] in {"?", "!"}
    return cue if exclaimed or len(tail) <= _NEXT_SENTENCE_TAIL else None


_CLAUSE_WORDS = word_class("clause-words")


#: How far after its verb the clause a cue reports begins: "said (that) the crews would".
_CLAUSE_REACH = 4
#: What ends the words that belong to the cue itself: "told ITV when asked how it would".
_CLAUSE_STOPS = frozenset({",", ";", ":", "when", "as", "after", "before", "while", "if"})


def _reports_a_clause(document: Document, low: int, high: int) -> bool:
    """The words right after a cue are what it reports ("said the crews would strike"), not
    when or where it was said ("said on Tuesday", "told reporters after the vote")."""
    lowers = document.tokens.lowers
    for index in range(low, min(high, low + _CLAUSE_REACH) + 1):
        if lowers[index] in _CLAUSE_STOPS:
            return False
        if lowers[index] in _CLAUSE_WORDS:
            return True
    return False


def after_range(document: Document, quote: QuoteTokens, sentence_high: int) -> tuple[int, int]:
    low = quote.close + 1
    high = sentence_high
    for index in range(low, sentence_high + 1):
        if document.inside[index] >= 0:
            high = index - 1
            break
    return low, high


def before_range(document: Document, quote: QuoteTokens, sentence_low: int) -> tuple[int, int]:
    low = sentence_low
    for index in range(quote.open - 1, sentence_low - 1, -1):
        if document.inside[index] >= 0:
            low = index + 1
            break
    return low, quote.open - 1


def embedded(document: Document, quote: QuoteTokens, low: int, high: int) -> bool:
    """The quotation sits inside the writer's sentence: there are words on both sides or before."""
    words = document.tokens.words
    before = [i for i in range(low, quote.open) if words[i][0].isalnum()]
    return bool(before)

"""Who does a speech verb before a quotation: the subject of its clause, over participles
(`Hale rejected the offer, saying …`), "with" phrases, joined verbs and infinitives."""

from __future__ import annotations

from store.extract.cues.cue import EXPLETIVES
from store.extract.document import Document
from store.extract.grammar import PRONOUNS
from store.extract.lexicon import document_nouns, speech_verbs, word_class
from store.extract.phrases import (
    NAME,
    NOMINAL,
    PRONOUN,
    Mention,
    is_name_word,
    mention_from,
    phrase_ending_at,
    phrase_starting_at,
    run_ending_at,
)
from store.extract.subjects import (
    clause_subject,
    person_or_group,
    skip_back_modifiers,
    subject_before,
)
from store.extract.verbs import verb_at


def subject_of_verb(document: Document, low: int, verb: int) -> tuple[Mention, str | None] | None:
    """Who does the speech verb at `verb`: its subject, the subject of the clause a participle
    hangs on, or the controller of an infinitive."""
    words, lowers = document.tokens.words, document.tokens.lowers
    if lowers[verb].endswith("ing"):
        with_subject = _with_phrase(document, low, verb - 1)
        if with_subject is None and verb - 1 > low and lowers[verb - 1] == "and":
            # "with Rob Hale writing that it was a 'shambles' and asking, '…'"
            earlier = next(
                (
                    i
                    for i in range(verb - 2, max(low, verb - _AGENT_REACH * 2) - 1, -1)
                    if document.outside(i) and lowers[i].endswith("ing") and i > low
                ),
                None,
            )
            if earlier is not None:
                with_subject = _with_phrase(document, low, earlier - 1)
        if with_subject is not None:
            return with_subject, None  # "with Hale reportedly shouting: …"
        absolute = _absolute_subject(document, low, verb - 1)
        if absolute is not None:
            return absolute, None  # "a statement – Ruiz saying she was '…'"
        document_before = phrase_ending_at(document.tokens, low, verb - 1)
        if (
            document_before is not None
            and document_before.kind == NOMINAL
            and lowers[document_before.last] in document_nouns()
            and (
                document_before.start == low
                or lowers[document_before.start - 1] in _DOCUMENT_GOVERNORS
            )
        ):
            return document_before, None  # "the newspaper's editorial telling him to '…'"
        if lowers[verb - 1] in document_nouns():
            return None  # "called a report suggesting …": the report is someone's object
        # "Hale rejected the offer, saying ...", "posted a message reading ...": the
        # subject of the main clause, not the noun just before the participle.
        end = verb - 2 if verb - 1 >= low and words[verb - 1] in {",", "—", "–"} else verb - 1
        if end < verb - 1:
            said = _speaker_just_before(document, low, end)
            if said is not None:
                return said  # "Ruiz and Hale will meet, Brack said, adding, …"
            subordinate = _subordinate_subject(document, low, end)
            if subordinate is not None:
                return subordinate, None
        return clause_subject(document, low, end)
    if verb - 1 >= low and lowers[verb - 1] == "to":
        return _controller(document, low, verb - 2)
    before = skip_back_modifiers(document, low, verb - 1)
    if before >= low and lowers[before] in {"and", "but", "then", "or"}:
        # "Vane took the podium at the Pier Hall and called the levy …": the subject of
        # the first verb of the clause (of the nearest clause: "a group of fishers called for
        # a strike, and the Guild condemned him and said …").
        found = clause_subject(document, low, before - 1, nearest=True)
        if found is None or (found[0].kind == PRONOUN and found[0].text.lower() in EXPLETIVES):
            return _coordinated_agent(document, low, before - 1, verb) or found
        return found
    if (
        verb - 1 >= low
        and lowers[verb - 1] in {"as", "was", "were", "being"}
        and lowers[verb].endswith(("ed", "id", "ld", "ote"))
    ):
        return None  # "was quoted as saying", "as described": the passive hides the speaker
    found = subject_before(document, low, verb - 1)
    if found is not None:
        return found
    return None


_SUBORDINATE_OPENERS = word_class("subordinate-openers")


def _subordinate_subject(document: Document, low: int, end: int) -> Mention | None:
    """Who does a participle after a subordinate clause that ends at `end`, when that
    clause's subject does it rather than the sentence's: "the arena, where about 50
    protesters had gathered, chanting '…'", "'Who?' Ruiz asks as a porter comes in,
    saying he's '…'", "He wrote when Ruiz closed the hearing with a quip, remarking, '…'".

    Only when the sentence's own verb cannot be it: a "where" clause describes a place, and
    a main verb that is a speech verb (its words quoted before) has already spoken.
    """
    tokens = document.tokens
    words, lowers = tokens.words, tokens.lowers
    opener = None
    for index in range(end, max(low, end - _AGENT_REACH * 2) - 1, -1):
        if not document.outside(index):
            continue
        if words[index] in {",", ";", ":", "—", "–"}:
            if lowers[index + 1] == "where" and index + 1 <= end:
                opener = index + 1
            break
        if lowers[index] in _SUBORDINATE_OPENERS:
            opener = index
            break
    if opener is None or opener <= low:
        return None
    if lowers[opener] != "where":
        before = skip_back_modifiers(document, low, opener - 1)
        if before < low or verb_at(document, before) is None:
            return None  # "Hale rejected it when it came, saying …": Hale's
    mention = phrase_starting_at(tokens, opener + 1, end)
    if mention is None or mention.kind not in {NAME, NOMINAL}:
        return None
    if mention.kind == NOMINAL and not person_or_group(document, mention):
        return None
    following = mention.last + 1
    if following > end or not (
        lowers[following].endswith("ed")
        or lowers[following] in {"had", "has", "have", "was", "were", "is", "are"}
        or lowers[following].endswith("s")
    ):
        return None  # the subject of a verb
    return mention


def _speaker_just_before(
    document: Document, low: int, end: int
) -> tuple[Mention, str | None] | None:
    """The subject of a speech verb that ends a clause at `end` ("…, Brack said"), if any."""
    lowers = document.tokens.lowers
    for index in range(end, max(low, end - 2) - 1, -1):
        if lowers[index] in {"said", "says", "told", "wrote", "added", "explained", "argued"}:
            if index - 1 < low:
                return None
            found = subject_before(document, low, index - 1)
            if found is not None and found[0].kind in {NAME, NOMINAL}:
                return found
            return None
    return None


#: How far back the first of two joined verbs may be: "when Hale mocked Ruiz on tolls and
#: called her …".
_AGENT_REACH = 12


def _coordinated_agent(
    document: Document, low: int, high: int, verb: int
) -> tuple[Mention, str | None] | None:
    """Who does the first of two joined verbs when the clause opens with something else:
    "such as when Hale mocked Ruiz and called her …", "That led Ruiz to crack a joke
    and call Hale …" (the subject of the infinitive)."""
    tokens = document.tokens
    lowers = tokens.lowers
    if speech_verbs().base(lowers[verb]) == lowers[verb]:
        start = max(low, high - _AGENT_REACH)
        infinitive = next((i for i in range(high, start - 1, -1) if lowers[i] == "to"), None)
        if infinitive is None or infinitive - 1 < low:
            return None
        found = _controller(document, low, infinitive)
        return found if found is not None and found[0].kind in {NAME, PRONOUN} else None
    start = max(low, high - 2 * _AGENT_REACH)  # a quotation between the verbs takes room
    for index in range(high, start, -1):
        if not document.outside(index):
            continue  # "praised its crews “for their patience” and called …"
        if not tokens.words[index][0].isalnum():
            return None
        if not (lowers[index].endswith("ed") and not tokens.capitalised[index]):
            continue
        # The verb before "and"; its subject the nearest name before it, over a time or place
        # phrase ("Ruiz during a Friday praised its crews and called …").
        for name in range(index - 1, max(start, index - 6) - 1, -1):
            if not tokens.words[name][0].isalnum():
                return None
            if is_name_word(tokens, name) or lowers[name] in PRONOUNS:
                mention = phrase_ending_at(tokens, low, name)
                if mention is not None and mention.kind in {NAME, PRONOUN}:
                    return mention, None
                return None
        return None
    return None


_DOCUMENT_GOVERNORS = word_class("document-governors")


def _absolute_subject(document: Document, low: int, high: int) -> Mention | None:
    """A name right before a participle, opening its own phrase: "both women put out a note
    – Ruiz saying she was '…' and Vane calling it '…'"."""
    high = skip_back_modifiers(document, low, high)  # "Vane privately saying"
    if high < low or not document.tokens.capitalised[high]:
        return None
    run_start = run_ending_at(document.tokens, low, high)
    if run_start is None:
        return None
    mention = mention_from(document.tokens, run_start, high)
    if mention is None or mention.kind != NAME or mention.start - 1 < low:
        return None
    before = document.tokens.lowers[mention.start - 1]
    return mention if before in {"–", "—", "and", ";", "of"} else None


def _with_phrase(document: Document, low: int, high: int) -> Mention | None:
    """`with NP [adverb]` right before a participle: the participle's subject."""
    high = skip_back_modifiers(document, low, high)
    if high < low:
        return None
    mention = phrase_ending_at(document.tokens, low, high)
    if mention is None or mention.start - 1 < low:
        return None
    if document.tokens.lowers[mention.start - 1] != "with":
        return None
    return mention


#: How far back the person whose words an infinitive reports may be: "Brack going to
#: the radio to call Lind …".
_CONTROL_REACH = 10


def _controller(document: Document, low: int, high: int) -> tuple[Mention, str | None] | None:
    """The subject of `to VERB`: the nearest name or pronoun followed by a verb, to the left."""
    tokens = document.tokens
    for index in range(high, max(low, high - _CONTROL_REACH) - 1, -1):
        if tokens.words[index] in {",", ";", ":"}:
            break
        if not (is_name_word(tokens, index) or tokens.lowers[index] in PRONOUNS):
            continue
        following = index + 1
        if (
            following > high
            or tokens.capitalised[following]
            or not tokens.words[following][0].isalpha()
        ):
            continue
        mention = phrase_ending_at(tokens, low, index)
        if mention is not None and mention.kind in {NAME, PRONOUN}:
            return mention, None
    return clause_subject(document, low, high)

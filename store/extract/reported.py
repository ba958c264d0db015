"""Reported speech: what someone said, in the writer's words, without quotation marks.

Kept so that a paraphrase pasted as if it were a quote is recognised as one. Only the clear
shapes count, one statement a sentence:
- `X said (that) …`, `X told Y (that) …`, `X accused Y of …`: the clause after the verb;
- `…, X added.`, `…, AP reported Saturday.`: the clause before the attribution;
- `According to X, …` and `…, according to X.`, `…, per X.`.
A sentence holding quotation marks is left to its quotations, and a question is not a statement.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.extract.attribution import resolve_mention
from store.extract.cues import Cue, cue_after
from store.extract.document import Document
from store.extract.evidence import evidence_sentence
from store.extract.grammar import ARTICLES, DETERMINERS, MONTHS
from store.extract.lexicon import speech_verbs, word_class
from store.extract.outlets import Outlets, Relay
from store.extract.people import People
from store.extract.phrases import NOMINAL, PRONOUN, Mention, phrase_starting_at
from store.extract.subjects import subject_before
from store.extract.verbs import FIRST_WORDS, verb_at
from store.quotation import Kind, Quotation

#: Speech verbs whose complement is a statement (tagged "statement" in data/speech_verbs.txt).
_STATEMENT = speech_verbs().tagged("statement")
#: Speech verbs naming who was told first (tagged "object-first" in data/speech_verbs.txt).
_OBJECT_FIRST = speech_verbs().tagged("object-first")
#: Speech verbs whose object belongs to the statement (tagged "object-kept").
_OBJECT_KEPT = speech_verbs().tagged("object-kept")

#: The rule name of a reported statement's speaker (Quotation.speaker_rule).
REPORTED_RULE = "reported-statement"
_MIN_WORDS = 4
_THAT_REACH = 6
_SUBJECT_WINDOW = 25
_TAIL_WORDS = 8
_END_MARKS = frozenset({".", "!", "…", "...", ";"})
_DASHES = frozenset({"-", "—", "–"})
#: The most words a dateline has before its dash ("SAN JUAN, Puerto Rico, 4 March (AP) —"), and
#: the most inside its agency's brackets ("(Thomson Reuters Foundation)").
_DATELINE_WORDS = 14
_AGENCY_WORDS = 4


@dataclass(frozen=True)
class Statement:
    """A reported statement found in one sentence, before its speaker is resolved."""

    first: int
    last: int
    cue: Cue | None
    #: The sentence holding it.
    low: int
    high: int


def find_statements(document: Document, outlets: Outlets) -> list[Statement]:
    """Every reported statement of the article, in text order."""
    found: list[Statement] = []
    for start in document.sentence_starts:
        low, high = document.sentence_bounds(start)
        if high < low or max(document.inside[low : high + 1]) >= 0:
            continue
        while high > low and document.tokens.words[high] in _END_MARKS:
            high -= 1
        if document.tokens.words[high] == "?":
            continue
        # "BRUSSELS (Reuters) - Ingrid Haalen said …": the clause starts after the dateline,
        # which opens a paragraph.
        opening = low
        if document.paragraph_first[document.paragraph_of[low]] == low:
            opening = _after_dateline(document, low, high)
        statement = _statement(document, outlets, opening, high)
        if statement is None:
            continue
        first, last, cue = statement
        first = _after_dateline(document, first, last)
        while first < last and not document.tokens.words[first][0].isalnum():
            first += 1  # a bullet or a dash opening the sentence
        if sum(1 for i in range(first, last + 1) if document.tokens.words[i][0].isalnum()) < (
            _MIN_WORDS
        ):
            continue
        found.append(Statement(first, last, cue, low, high))
    return found


def _after_dateline(document: Document, first: int, last: int) -> int:
    """Past the dateline opening a story, as agencies and newspapers of several countries write
    it: "HALVORSEN - ", "WASHINGTON (AP) —", "NEW DELHI:", "PARIS, France -- ", "Brussels, 4
    March (AFP) – ". Its place in capitals, or any place before an agency in brackets; then a
    region or a date after commas; then a dash, or a colon straight after a place in capitals."""
    words = document.tokens.words
    index = first
    while index <= last and _capitals(words[index]):
        index += 1
    place_in_capitals = index > first
    if place_in_capitals and index <= last and words[index] == ":":
        return index + 1
    if not place_in_capitals:  # "Brussels, 4 March (AFP) –": only before an agency
        while index <= last and index - first < _DATELINE_WORDS and words[index][:1].isupper():
            index += 1
        if index == first:
            return first
    agency = False
    while index <= last and index - first < _DATELINE_WORDS:
        word = words[index]
        if word == "(":
            close = index + 1
            while close <= last and close - index <= _AGENCY_WORDS and words[close] != ")":
                close += 1
            if close > last or words[close] != ")":
                return first
            index, agency = close + 1, True
        elif (
            word == ","
            or word.isdigit()
            or word.lower() in MONTHS
            or (word[:1].isupper() and not agency)
        ):
            index += 1
        else:
            break
    if not (place_in_capitals or agency) or index > last:
        return first
    if words[index] in _DASHES:
        index += 1
        while index <= last and words[index] == "-":  # "--" is two tokens
            index += 1
        return index
    return first


def _capitals(word: str) -> bool:
    """A word of a dateline's place: "WASHINGTON", "NEW"."""
    return word.isupper() and word[0].isalpha()


def _statement(
    document: Document, outlets: Outlets, low: int, high: int
) -> tuple[int, int, Cue | None] | None:
    """(first token, last token, cue) of the statement in one sentence, if it reports one."""
    lowers = document.tokens.lowers
    if lowers[low] == "according" and low + 1 < high and lowers[low + 1] == "to":
        comma = _next_comma(document, low + 2, high)
        if comma is None:
            return None
        mention = phrase_starting_at(document.tokens, low + 2, comma - 1)
        cue = Cue(mention, low, low + 1) if mention is not None else None
        return comma + 1, high, cue
    closing = _closing_attribution(document, outlets, low, high)
    if closing is not None and closing[2] is None:
        # "Pike said the town would appeal, according to the Herald": the outlet relays what
        # Pike said; the statement is the clause after "said", up to the relay.
        opening = _opening_attribution(document, low, closing[1])
        if opening is not None:
            return opening
    if closing is not None:
        return closing
    return _opening_attribution(document, low, high)


def _opening_attribution(
    document: Document, low: int, high: int
) -> tuple[int, int, Cue | None] | None:
    """`[In a statement,] X said (that) …` with the subject starting the clause."""
    words, lowers = document.tokens.words, document.tokens.lowers
    clause_starts: set[int] | None = None  # read only when a subject is found (rarely)
    for index in range(low + 1, min(high, low + _SUBJECT_WINDOW) + 1):
        if lowers[index] not in FIRST_WORDS:
            continue  # no speech verb starts here (verb_at's first test, without the call)
        verb_end = verb_at(document, index)
        if verb_end is None or speech_verbs().base(lowers[index]) not in _STATEMENT:
            continue
        if lowers[index].endswith("ing") or lowers[index - 1] in {"to", "not", "n't", "never"}:
            continue
        if lowers[index - 1] in _PASSIVE_BE:
            continue  # "Residents were told to stay home": they were spoken to
        found = subject_before(document, low, index - 1)
        if found is None:
            continue
        mention, appositive = found
        if clause_starts is None:
            clause_starts = _clause_starts(document, low, high)
        if mention.start not in clause_starts and not (
            appositive and mention.first in clause_starts
        ):
            continue
        predicate = max(
            [mention.last + 1] + [i + 1 for i in range(mention.last + 1, index) if words[i] == ","]
        )
        if any(_denies(lowers[i]) for i in range(predicate, index)):
            return None  # "The council rejected claims that …": what it denies, not says
        first = _statement_start(document, index, verb_end, high)
        if first is None:
            return None
        if lowers[first] in _HOW_MUCH and (first == high or lowers[first + 1] != "of"):
            return None  # "Pike said nothing about the plan", not "said much of it was lost"
        return first, high, Cue(mention, index, verb_end, appositive)
    return None


def _clause_starts(document: Document, low: int, high: int) -> set[int]:
    """Where a clause of the sentence `low..high` may start: its start, after a comma, after
    ", and" or ", but"."""
    words, lowers = document.tokens.words, document.tokens.lowers
    return (
        {low}
        | {i + 1 for i in range(low, high) if words[i] == ","}
        | {
            i + 2
            for i in range(low, high - 1)
            if words[i] == "," and lowers[i + 1] in {"and", "but"}
        }
    )


#: Stems of the verbs that deny what follows them: "denied that it was behind the purchase",
#: "rejected claims that the money was spent", "dismissed suggestions that …".
_DENIALS = (
    "deny", "denie", "reject", "dismiss", "disput", "refut", "rebut", "contest", "repudiat",
    "disavow", "disown",
)  # fmt: skip


def _denies(lower: str) -> bool:
    return lower.startswith(_DENIALS)


def _statement_start(document: Document, verb: int, verb_end: int, high: int) -> int | None:
    lowers, words = document.tokens.lowers, document.tokens.words
    base = speech_verbs().base(lowers[verb])
    first = verb_end + 1
    if base in _OBJECT_KEPT:
        return first if first <= high else None
    if (
        first < high
        and lowers[first] == "to"
        and base in _ADDRESSED
        and (
            lowers[first + 1] in DETERMINERS
            or lowers[first + 1] in _SPOKEN_TO
            or document.tokens.capitalised[first + 1]
        )
    ):
        # "wrote to the minister that …", "said to reporters …": whom it was said to.
        addressee = phrase_starting_at(document.tokens, first + 1, high)
        if addressee is None:
            return None
        first = addressee.last + 1
        while first <= high and words[first] == ",":
            first += 1
        if first <= high and lowers[first] == "that":
            return first + 1 if first + 1 <= high else None
        if first > high or lowers[first].endswith("ing"):
            return None  # "wrote to the minister seeking more funds": no statement

    # "said that …" or "told reporters on Tuesday that …"; not the "that" of a clause inside
    # the statement ("said the figures showed that …").
    that = next(
        (i for i in range(first, min(high, first + _THAT_REACH) + 1) if lowers[i] == "that"), None
    )
    if (
        that is not None
        and that > first
        and base not in _OBJECT_FIRST
        and (lowers[first] not in _ADVERBIAL_WORDS)
    ):
        that = None  # "said the figures showed that …": that "that" is inside the statement
    if that is not None and not any(words[i] in {",", ";"} for i in range(first, that)):
        return that + 1 if that + 1 <= high else None
    if base in _OBJECT_FIRST and first <= high:
        # "told the Meridian Wire the talks …", "told reporters the talks …": skip who was told.
        mention = phrase_starting_at(document.tokens, first, high)
        if mention is not None:
            first = mention.last + 1
        elif lowers[first] in _SPOKEN_TO:
            first += 1
    while first <= high and words[first] in {",", ":"}:
        first += 1
    # "said on Wednesday it would …", "said yesterday the talks …": when, not what.
    if first + 1 <= high and lowers[first] == "on" and lowers[first + 1] in _WEEKDAYS:
        first += 2
    elif first <= high and lowers[first] in {"yesterday", "today"}:
        first += 1
    return first if first <= high else None


_ADVERBIAL_WORDS = word_class("reported-adverbials")
#: Whom a statement is said to, without a name: "told them …", "said to reporters …".
_SPOKEN_TO = frozenset({"him", "her", "them", "us", "me", "reporters"})
#: Verbs whose "to" names whom it was said to ("wrote to the minister that …"), not a plan
#: ("promised to cut taxes").
_ADDRESSED = frozenset(
    {"say", "write", "explain", "complain", "announce", "admit", "confess", "mention", "declare"}
)
_WEEKDAYS = word_class("weekdays")
_HOW_MUCH = word_class("how-much-said")


def _closing_attribution(
    document: Document, outlets: Outlets, low: int, high: int
) -> tuple[int, int, Cue | None] | None:
    """`…, X added.`, `…, according to X.`, `…, per X.`: the clause before the attribution."""
    words, lowers = document.tokens.words, document.tokens.lowers
    for index in range(low + 1, high + 1):
        if words[index] != ",":
            continue
        following = index + 1
        if following > high:
            break
        if _inside_relative_clause(document, low, index):
            continue
        if lowers[following] == "per" or (
            lowers[following] == "according"
            and following + 1 <= high
            and lowers[following + 1] == "to"
        ):
            target = following + 1 if lowers[following] == "per" else following + 2
            mention = phrase_starting_at(document.tokens, target, high)
            if mention is None and lowers[following] == "according":
                continue
            cue = Cue(mention, following, following) if mention is not None else None
            if cue is not None and outlets.is_outlet(mention.text):
                cue = None  # an outlet relays; the relay finds it
            if lowers[following] == "per" and not _relayed(document, outlets, following, high):
                continue
            return low, index - 1, cue
        cue = cue_after(document, following, high)
        if cue is None:
            continue
        tail = [i for i in range(cue.last + 1, high + 1) if words[i][0].isalnum()]
        if len(tail) > _TAIL_WORDS or any(lowers[i] in _CLAUSE_WORDS for i in tail):
            continue  # "The chief of Vexco, Ian Moss, said that sales were up": no closing
        if _role_before_name(document, low, index, cue):
            continue
        return low, index - 1, cue
    return None


#: Forms of "be" that make the speech verb after them passive: its subject is who was told.
_PASSIVE_BE = word_class("passive-auxiliaries")
#: Words of a clause after a speech verb: the statement follows the verb ("…, Moss, said that
#: sales were up"), and what came before the comma is no statement.
_CLAUSE_WORDS = frozenset({"that"}) | word_class("auxiliaries")


def _role_before_name(document: Document, low: int, comma: int, cue: Cue) -> bool:
    """ "The Chief Minister of Vale, K. Ramesh Rao, spoke later.": what comes before the
    comma is the role of the name set off after it, a noun phrase with no verb, not a
    statement."""
    words, lowers = document.tokens.words, document.tokens.lowers
    after = cue.mention.last + 1
    return (
        cue.mention.first == comma + 1
        and after < len(words)
        and words[after] == ","
        and lowers[low] in ARTICLES
        and not any(
            lowers[i] in _CLAUSE_WORDS or lowers[i].endswith("ed") for i in range(low, comma)
        )
    )


#: Words opening a relative clause after a comma: "Anholt, who served in Peru, …".
_RELATIVE = word_class("relative-pronouns") | {"which"}


def _inside_relative_clause(document: Document, low: int, comma: int) -> bool:
    """Whether `comma` falls inside a relative clause the sentence opened and has not closed:
    in "Anholt, who served in Peru, Chile and Kenya, said …" the comma after "Peru" ends no
    statement, and "Chile and Kenya" are not its speakers."""
    words, lowers = document.tokens.words, document.tokens.lowers
    opened = next(
        (i for i in range(low, comma) if words[i] == "," and lowers[i + 1] in _RELATIVE), None
    )
    return opened is not None and "," not in words[opened + 1 : comma]


def _relayed(document: Document, outlets: Outlets, low: int, high: int) -> bool:
    low, high = document.near(low, high, low)
    return outlets.relay(low, high, document.quoted).via is not None


def _next_comma(document: Document, low: int, high: int) -> int | None:
    return next((i for i in range(low, high + 1) if document.tokens.words[i] == ","), None)


def statement_quotation(
    document: Document, people: People, outlets: Outlets, statement: Statement
) -> Quotation:
    """The statement as a `reported` quotation, its speaker resolved now (in text order, so
    that a later "he said" can mean this speaker)."""
    first, last, cue = statement.first, statement.last, statement.cue
    low, high = statement.low, statement.high
    tokens = document.tokens
    start, end = tokens.starts[first], tokens.ends[last]
    context_start, context_end = document.context(
        document.paragraph_of[first], tokens.starts[first], tokens.ends[last]
    )
    relay = outlets.relay(*document.near(low, high, first), document.quoted)
    entity, as_written, role = (None, None, None)
    mention: Mention | None = cue.mention if cue is not None else None
    if mention is not None and outlets.is_outlet(mention.text):
        relay = Relay(relay.reported_to, relay.via or outlets.canonical(mention.text))
        mention = None
    if cue is not None and mention is not None:
        entity, as_written, role = resolve_mention(document, people, cue)
    found_by = None
    if as_written is not None and mention is not None:
        found_by = "pronoun" if mention.kind == PRONOUN else "cue"
        if entity is not None and mention.kind == NOMINAL:
            found_by = "description"
    return Quotation(
        text=document.text[start:end],
        start=start,
        end=end,
        kind=Kind.REPORTED,
        speaker=entity.name if entity is not None else None,
        speaker_as_written=as_written,
        speaker_role=role,
        reported_to=relay.reported_to,
        via=relay.via,
        context_start=context_start,
        context_end=context_end,
        article_text=document.text,
        speaker_found_by=found_by,
        speaker_evidence=evidence_sentence(document, first) if found_by else None,
        speaker_rule=REPORTED_RULE if found_by else None,
    )

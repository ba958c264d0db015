"""Who said each quotation: its own cue, else the cue of a neighbouring quotation.

Pass one finds each quotation's own cue (`cues`). Pass two walks the article in order,
resolving mentions to people as it goes (so "he" can mean the last speaker) and lending a
speaker to quotations without a cue of their own: another quotation of the same sentence, the
previous quotation of the paragraph, the previous piece of a quotation that runs over several
paragraphs, or the last quotation or `X said:` of the paragraph just before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from store.extract.cues import (
    Cue,
    cue_after,
    cue_at_sentence_end,
    cue_before,
    inverted_aside,
    possessed_speech,
    sentence_subject,
)
from store.extract.document import WINDOW, Document, QuoteTokens
from store.extract.grammar import without_honorifics
from store.extract.lexicon import document_nouns, given_names, role_nouns, speech_verbs
from store.extract.outlets import Outlets, Relay
from store.extract.people import Entity, People
from store.extract.phrases import NAME, NOMINAL, PRONOUN, Mention, mention_from, phrase_starting_at
from store.extract.subjects import clause_subject
from store.extract.verbs import verb_at

_LIGHT_COMPLEMENT = 12
#: How many quotations away a quotation without a cue may borrow a speaker from.
_DONOR_REACH = 30
#: A sentence that only attributes the quotation before it: "Smith said Tuesday in Denver."
_NEXT_SENTENCE_TAIL = 6
_RELAY_STARTS = frozenset({"per", "according", "via", "citing", "reported", "in", "on", "at"})
#: Verbs that name rather than quote: what follows them is a label, not the whole statement.
_NAMING_VERBS = frozenset(
    "call describe dub label brand term characterize characterise refer".split()
)
_PARTY = re.compile(r"[A-Z](?:-[A-Za-z.]+)?")
_PLACE_WORDS = frozenset(
    "outside inside near at in on during before after across over under beside behind".split()
)
#: Words the writer sets off by commas that describe nobody: "…, however, said".
_ASIDES = frozenset(
    "however though meanwhile too also instead nonetheless nevertheless still then "
    "moreover indeed".split()
)
_NOT_ROLES = (
    "who ",
    "which ",
    "whose ",
    "where ",
    "when ",
    "speaking",
    "according",
    "titled ",
    "entitled ",
    "reports ",
    "reported ",
)


@dataclass
class Attribution:
    """The answer for one quotation."""

    quote: QuoteTokens
    cue: Cue | None = None
    #: Where the cue came from: "after", "before", "subject", "inherited" or None.
    source: str | None = None
    entity: Entity | None = None
    speaker_as_written: str | None = None
    role: str | None = None
    relay: Relay = field(default_factory=Relay)
    direct: bool = False
    #: Made up for a cue outside any quotation (`X said:` closing the paragraph before).
    borrowed: bool = False
    #: How the speaker was found ("cue", "pronoun", "description", "continuation", "nearby"),
    #: the sentence that shows it, and the attribution model's confidence (credit.py).
    found_by: str | None = None
    evidence: str | None = None
    confidence: float | None = None


def attribute(
    document: Document,
    people: People,
    outlets: Outlets,
    before_quote: Callable[[int], None] | None = None,
) -> list[Attribution]:
    """Attribute every quotation; `before_quote(token)` lets the caller resolve what comes
    before each quotation in the text first (reported statements), keeping text order."""
    results = [_own_cue(document, quote, outlets) for quote in document.quotes]
    for number, result in enumerate(results):
        if before_quote is not None:
            before_quote(result.quote.open)
        if _resumes(document, results, number):
            result.cue, result.source = None, None
        if result.cue is not None:
            _resolve(document, people, result)
        else:
            _inherit(document, people, results, number)
        result.relay = _relay(document, outlets, result, results, number)
        result.direct = _is_direct(document, result)
    _fill_back(results)
    _headline_from_body(document, results)
    return results


def _resumes(document: Document, results: list[Attribution], number: int) -> bool:
    """Whether the quotation resumes the one before it across its cue: '"The danger," said
    Ivo Brandt, a geologist at …, "is that …"' is Brandt's, not the geologist's (case
    resume-across-cue-1)."""
    if number == 0:
        return False
    result = results[number]
    before = results[number - 1]
    quote = result.quote
    if result.source == "before" and result.cue is not None:
        # '"…," said Varga, speaking of ferries, "and …"': the participle belongs to the
        # attribution of the quotation before (case resume-across-cue-2).
        verb = document.tokens.lowers[result.cue.verb]
        split = quote.open > 0 and document.tokens.words[quote.open - 1] == ","
        if not (split and verb.endswith("ing") and before.quote.close < result.cue.verb):
            return False
    elif result.source != "subject":
        return False
    return (
        before.source == "after"
        and before.cue is not None
        and document.sentence_of[before.quote.open] == document.sentence_of[quote.open]
        and before.cue.last < quote.open
    )


def _headline_from_body(document: Document, results: list[Attribution]) -> None:
    """A headline quoting words the article quotes again takes the body's attribution: the
    headline's "union says" is the body's "the Saltmarsh branch of the … Union said"."""
    body: dict[str, Attribution] = {}
    for result in results:
        if result.quote.span.paragraph > 0 and result.cue is not None and result.entity is not None:
            body.setdefault(_words_of(document, result), result)
    for result in results:
        if result.quote.span.paragraph != 0:
            continue
        source = body.get(_words_of(document, result))
        if source is not None:
            result.entity = source.entity
            result.speaker_as_written = source.speaker_as_written
            result.role = source.role


def _words_of(document: Document, result: Attribution) -> str:
    span = result.quote.span
    return " ".join(document.text[span.start : span.end].lower().split()).strip(".,!?")


def _own_cue(document: Document, quote: QuoteTokens, outlets: Outlets) -> Attribution:
    low, high = _bounds(document, quote)
    after_low, after_high = _after_range(document, quote, high)
    before_low, before_high = _before_range(document, quote, low)
    result = Attribution(quote)
    opening = _opening_participle_subject(document, quote, low, high)
    if opening is not None:
        result.cue, result.source = opening, "subject"
        return result
    # "…, said Nell Okafor, a surveyor." closing the sentence speaks for all of it.
    aside = inverted_aside(document, quote.close + 1, high, closing=True)
    if aside is not None:
        result.cue, result.source = aside, "after"
        return result
    cue = cue_after(document, after_low, after_high) if after_low <= after_high else None
    if cue is None and not _has_words(document, after_low, after_high):
        cue = _cue_in_next_sentence(document, quote, high)
    according = None
    if cue is not None and document.tokens.lowers[cue.verb] == "according":
        # "Pike called it 'a disgrace,' according to the Herald": the Herald relays, Pike
        # spoke; "…, according to Wren" names the speaker only when nothing before does.
        according, cue = (None if outlets.is_outlet(cue.mention.text) else cue), None
    if cue is not None and _in_subordinate_clause_before(document, quote, cue, low):
        # "When a heckler at the back yelled, 'Louder,' Voss quipped, 'Gladly'": Voss's cue
        # introduces his own words; the yell is the subordinate clause's (case
        # subordinate-shout-1).
        before = (
            cue_before(document, before_low, before_high) if before_low <= before_high else None
        )
        if before is not None:
            result.cue, result.source = before, "before"
            return result
    if cue is not None:
        result.cue, result.source = cue, "after"
        return result
    # "The irony, says Lena Strand, an archivist, is that the dam was '…'"
    cue = inverted_aside(document, low, before_high, closing=False)
    if cue is None and before_low <= before_high:
        cue = cue_before(document, before_low, before_high)
    if cue is None and low < before_low:
        cue = cue_before(document, low, quote.open - 1)
    if cue is None and according is not None:
        cue = according
    if cue is not None:
        result.cue, result.source = cue, "before"
        return result
    if after_low <= after_high:
        cue = cue_at_sentence_end(document, after_low, after_high)
        if cue is not None:
            result.cue, result.source = cue, "after"
            return result
    cue = possessed_speech(document, low, quote, high)
    if cue is not None:
        result.cue, result.source = cue, "before"
        return result
    if _embedded(document, quote, low, high):
        cue = sentence_subject(document, low, quote.open - 1)
        if (
            cue is not None
            and cue.mention.last == quote.open - 1
            and _quoted_earlier(document, quote)
        ):
            # '"…," said Okafor. Hale "rather overstated it."': Hale is what Okafor talks about
            # (case subject-talked-about-1).
            cue = None
        if cue is not None:
            result.cue, result.source = cue, "subject"
    return result


_GERUND_PREPOSITIONS = frozenset({"in", "by", "after", "while", "before", "when", "on"})


def _opening_participle_subject(
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


_OPENING_SUBORDINATORS = frozenset({"when", "after", "as", "while", "before", "once"})


def _in_subordinate_clause_before(
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
    for index in range(cue.last + 1, min(len(words), cue.last + _LIGHT_COMPLEMENT)):
        if document.inside[index] >= 0:
            return document.inside[index] != document.inside[quote.open]
        if words[index] in {".", "!", "?"}:
            return False
    return False


def _quoted_earlier(document: Document, quote: QuoteTokens) -> bool:
    """Another quotation comes before this one in its paragraph."""
    number = document.inside[quote.open]
    return number > 0 and (
        document.paragraph_of[document.quotes[number - 1].open] == document.paragraph_of[quote.open]
    )


def _bounds(document: Document, quote: QuoteTokens) -> tuple[int, int]:
    """The quotation's sentence, within reach of the quotation."""
    low, high = document.sentence_bounds(quote.open)
    return max(low, quote.open - WINDOW), min(high, quote.close + WINDOW)


def _has_words(document: Document, low: int, high: int) -> bool:
    return any(document.tokens.words[i][0].isalnum() for i in range(low, high + 1))


def _cue_in_next_sentence(document: Document, quote: QuoteTokens, high: int) -> Cue | None:
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


#: Words that make what follows a speech verb a clause of its own: "said (that) he would".
_CLAUSE_WORDS = frozenset(
    "that will would could can may might must should shall is are was were has have had "
    "do does did".split()
)


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


def _after_range(document: Document, quote: QuoteTokens, sentence_high: int) -> tuple[int, int]:
    low = quote.close + 1
    high = sentence_high
    for index in range(low, sentence_high + 1):
        if document.inside[index] >= 0:
            high = index - 1
            break
    return low, high


def _before_range(document: Document, quote: QuoteTokens, sentence_low: int) -> tuple[int, int]:
    low = sentence_low
    for index in range(quote.open - 1, sentence_low - 1, -1):
        if document.inside[index] >= 0:
            low = index + 1
            break
    return low, quote.open - 1


def _embedded(document: Document, quote: QuoteTokens, low: int, high: int) -> bool:
    """The quotation sits inside the writer's sentence: there are words on both sides or before."""
    words = document.tokens.words
    before = [i for i in range(low, quote.open) if words[i][0].isalnum()]
    return bool(before)


def _resolve(document: Document, people: People, result: Attribution) -> None:
    assert result.cue is not None
    result.entity, result.speaker_as_written, result.role = resolve_mention(
        document, people, result.cue
    )


def resolve_mention(
    document: Document, people: People, cue: Cue
) -> tuple[Entity | None, str | None, str | None]:
    """Who a cue's mention is (entity), as written, and the role the text gives them."""
    mention = cue.mention
    if mention.partner is not None:
        return _resolve_pair(document, people, mention, mention.partner)
    owner = _document_owner(document, mention)
    if owner is not None:
        # "Vale's statement read", "the council's email notes": the statement's author speaks.
        entity = people.resolve(owner, owner.first)
        if entity is not None:
            return entity, mention.text, None
    entity = people.resolve(mention, mention.first)
    if entity is not None and mention.kind == NOMINAL and _indefinite(mention.text):
        # "an economist" may be the article's only economist; "one engineer", "another
        # engineer" say there are others.
        article = mention.text.split()[0].lower()
        unique = article in {"a", "an"} and _unique_role_holder(people, entity)
        entity = entity if unique else None
    role = without_honorifics(_role_text(mention.role, cue.appositive))
    if entity is not None:
        people.note_speaker(entity, mention.first)
        if role is None:
            role = entity.role()
    if mention.organisation or (entity is not None and entity.organisation):
        role = None  # an organisation is who it is; its appositive describes it
    return entity, mention.text, _clean_role(role)


def _document_owner(document: Document, mention: Mention) -> Mention | None:
    """The author of a possessed document that "says": "Vale" of "Vale's statement", "the
    council" of "the council's fundraising email to its members"."""
    if mention.kind != NOMINAL:
        return None
    tokens = document.tokens
    start = mention.start if mention.start >= 0 else mention.first
    for index in range(start + 1, mention.last):
        if tokens.words[index] not in {"’s", "'s"}:
            continue
        # The document noun: the first noun after the possessive ("fundraising email").
        after = range(index + 1, min(mention.last, index + _DOCUMENT_REACH) + 1)
        if not any(tokens.lowers[i] in document_nouns() for i in after):
            return None
        owner = mention_from(tokens, start, index - 1)
        return owner if owner is not None and owner.kind in {NAME, NOMINAL} else None
    return None


#: Words between a possessive and the document it owns: "Vexco's quarterly letter".
_DOCUMENT_REACH = 3


def _resolve_pair(
    document: Document, people: People, first: Mention, second: Mention
) -> tuple[Entity | None, str | None, str | None]:
    """Two people who speak together ("Kellan and Lind wrote"): both by their full names.

    The pair is credited as one speaker, "Mara Kellan and Hugo Lind", whom a paste
    crediting either of them claims; what the text says of one of them is no role of both.
    """
    second_words = second.text.split()
    if (
        len(first.text.split()) == 1
        and len(second_words) > 1
        and first.text.lower() in given_names()
    ):
        # "Piet and Cora Vane": a first name alone shares the second one's surname.
        first = replace(first, text=f"{first.text} {second_words[-1]}")
    both = [people.resolve(first, first.first), people.resolve(second, second.first)]
    written = document.tokens.span_text(first.first, second.last)
    if both[0] is None or both[1] is None:
        return None, written, None
    for entity, mention in zip(both, (first, second), strict=True):
        people.note_speaker(entity, mention.first)
    return Entity(f"{both[0].name} and {both[1].name}", organisation=False), written, None


def _indefinite(text: str) -> bool:
    first = text.split()[0].lower() if text.split() else ""
    return first in {"a", "an", "one", "another", "some"}


def _unique_role_holder(people: People, entity: Entity) -> bool:
    return all(people.role_holders(role) == [entity] for role in entity.roles)


def _role_text(prefix: str | None, appositive: str | None) -> str | None:
    """The role the text gives: a title before the name and an appositive after it.

    Ages ("52") and relative clauses ("who started as a lasher") describe, they are not roles.
    """
    parts = [prefix.strip()] if prefix and prefix.strip() else []
    for part in (appositive or "").split(","):
        part = part.strip()
        if _PARTY.fullmatch(part):
            continue  # "(D-N.Y.)": a party and a state, not a role
        if part.lower() in _ASIDES:
            continue  # "The two lawmakers, however, argue": the writer's aside
        if part.lower().startswith(_NOT_ROLES):
            break  # "which represents crane operators, lashers and clerks …" describes
        if part and not part[:1].isdigit():
            parts.append(part)
    return ", ".join(parts) or None


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    words = role.split()
    if words and words[0].lower() in {"a", "an", "the", "another"}:
        words = words[1:]
    cleaned = " ".join(words).strip(" ,;:.")
    return cleaned[:300] or None


def _inherit(document: Document, people: People, results: list[Attribution], number: int) -> None:
    result = results[number]
    quote = result.quote
    donor = _donor(document, results, number)
    if donor is None:
        return
    if (
        donor.entity is None
        and donor.cue is not None
        and (donor.borrowed or donor.speaker_as_written is None)
    ):
        # The cue of a paragraph without quotations, or of a later quotation of the sentence
        # ('"A" and "B," Jules Farrow declared') not resolved yet.
        _resolve(document, people, donor)
    result.entity = donor.entity
    result.speaker_as_written = donor.speaker_as_written
    result.role = donor.role
    result.source = "inherited"
    if (
        donor.relay != Relay()
        and document.paragraph_of[donor.quote.open] == document.paragraph_of[quote.open]
    ):
        result.relay = donor.relay


def _donor(document: Document, results: list[Attribution], number: int) -> Attribution | None:
    quote = results[number].quote
    sentence = document.sentence_of[quote.open]
    paragraph = document.paragraph_of[quote.open]
    following = range(number + 1, min(len(results), number + _DONOR_REACH))
    preceding = range(number - 1, max(-1, number - _DONOR_REACH), -1)
    # The same sentence: "A" and "B," he said.
    for index in following:
        other = results[index]
        if document.sentence_of[other.quote.open] != sentence:
            break
        if other.cue is not None and other.source in {"after", "before"}:
            return other
    for index in preceding:
        other = results[index]
        if document.paragraph_of[other.quote.open] != paragraph:
            break
        if other.speaker_as_written is not None:
            return other
    sentence_low, _ = document.sentence_bounds(quote.open)
    if quote.open == sentence_low > document.paragraph_first[paragraph]:
        # "The clerk looked up at me. 'Mr. Brack?' … 'Present,' I said": the person
        # of the sentence just before, not the speaker of a later quotation (case
        # actor-just-before-1).
        previous_low, _ = document.sentence_bounds(sentence_low - 1)
        previous_low = max(previous_low, sentence_low - WINDOW)
        actor = _actor_just_before(document, previous_low, sentence_low - 1)
        if actor is not None and (number == 0 or results[number - 1].quote.close < previous_low):
            return Attribution(
                quote,
                cue=actor,
                source="before",
                speaker_as_written=actor.mention.text,
                borrowed=True,
            )
    for index in following:
        other = results[index]
        if document.paragraph_of[other.quote.open] != paragraph:
            break
        if other.cue is not None and other.source == "after":
            return other
    if quote.span.continued and number > 0 and results[number - 1].speaker_as_written:
        return results[number - 1]
    first_in_paragraph = (
        number == 0 or document.paragraph_of[results[number - 1].quote.open] != paragraph
    )
    if sentence_low > document.paragraph_first[paragraph] and first_in_paragraph:
        # "Farrow kept his distance ..., saying he would vote. “I'm going to back the plan.”"
        # (case previous-sentence-cue-1)
        previous_low, _ = document.sentence_bounds(sentence_low - 1)
        previous_low = max(previous_low, sentence_low - WINDOW)
        cue = cue_before(document, previous_low, sentence_low - 1)
        if cue is not None:
            return Attribution(
                quote, cue=cue, source="before", speaker_as_written=cue.mention.text, borrowed=True
            )
    if quote.open == document.paragraph_first[paragraph]:
        signed = _signed_below(document, results[number], paragraph)
        if signed is not None:
            return signed
    if quote.open == document.paragraph_first[paragraph] and paragraph > 0:
        return _previous_paragraph_speaker(document, results, number, paragraph - 1)
    return None


#: How many words a signature line under a pull quote may name: "- Wen Tollan, Port Ardith."
_SIGNATURE_WORDS = 12


#: How long a sentence of action before a quotation may be: "The clerk looked up at me."
_ACTION_WORDS = 10


def _actor_just_before(document: Document, low: int, high: int) -> Cue | None:
    """ "The clerk looked up at me. 'Mr. Brack?'": a short sentence of what a person did,
    right before a quotation that opens the next sentence, names who speaks."""
    words = [i for i in range(low, high + 1) if document.tokens.words[i][0].isalnum()]
    if not words or len(words) > _ACTION_WORDS:
        return None
    if any(not document.outside(i) for i in range(low, high + 1)):
        return None
    found = clause_subject(document, low, high)
    if found is None or found[0].kind not in {NAME, NOMINAL} or found[0].start != words[0]:
        return None
    mention = found[0]
    if mention.organisation or (
        mention.kind == NOMINAL and document.tokens.lowers[mention.last] not in role_nouns()
    ):
        return None
    return Cue(mention, mention.last, mention.last)


def _signed_below(document: Document, result: Attribution, paragraph: int) -> Attribution | None:
    """A quote-only paragraph signed by the next one: '"We will fix the road."' then
    '- Elsa Dunmore.', as fact-checks and pull quotes print them."""
    if paragraph + 1 >= len(document.paragraph_first):
        return None
    if document.paragraph_last[paragraph] > result.quote.close + 1:
        return None  # words of the writer's after the quotation
    first = document.paragraph_first[paragraph + 1]
    last = document.paragraph_last[paragraph + 1]
    if first > last:
        return None
    words = document.tokens.words
    if words[first] in {"-", "—", "–"}:
        first += 1
    elif not _signature_in_marks(document, result.quote, first, last):
        return None
    mention = phrase_starting_at(document.tokens, first, min(last, first + _SIGNATURE_WORDS))
    if mention is None or mention.kind not in {NAME, NOMINAL}:
        return None
    if mention.last + 1 <= last and words[mention.last + 1] not in {",", "."}:
        return None
    cue = Cue(mention, first, first)
    return Attribution(
        result.quote, cue=cue, source="after", speaker_as_written=mention.text, borrowed=True
    )


def _signature_in_marks(document: Document, quote: QuoteTokens, first: int, last: int) -> bool:
    """'"I fear that …' then 'Bram Kessel, Institute for Coastal Studies."': an
    unclosed quotation whose closing mark ends a short signature line below it."""
    words = document.tokens.words
    return (
        not quote.span.closed
        and words[last] in {'"', "”"}
        and last - first <= _SIGNATURE_WORDS
        and all(document.outside(i) for i in range(first, last))
    )


def _previous_paragraph_speaker(
    document: Document, results: list[Attribution], number: int, paragraph: int
) -> Attribution | None:
    """A quote-only paragraph continues the last speaker of the paragraph before it."""
    last_token = document.paragraph_last[paragraph]
    previous = []
    for index in range(number - 1, max(-1, number - _DONOR_REACH), -1):
        if document.paragraph_of[results[index].quote.open] != paragraph:
            break
        previous.insert(0, results[index])
    if previous and previous[-1].speaker_as_written is not None:
        last = previous[-1]
        # From the closing mark: a quotation of several sentences ends in the last one.
        close = min(last.quote.close, last_token)
        low, high = document.sentence_bounds(close)
        if last.cue is not None and last.source == "after":
            high = max(high, last.cue.last)  # "…is it a small boat?” Hale said."
        if high >= document.sentence_bounds(last_token)[0] or high == last_token:
            return last
    if previous and previous[-1].speaker_as_written is not None:
        return None
    # No attributed quotation there: an introduction ("Sol Adair said:") or a paraphrase of
    # the same person ("Castell praised Hale's budget ...") leads into the paragraph.
    low, _ = document.sentence_bounds(last_token)
    low = max(low, last_token - WINDOW)
    high = last_token - 1 if document.tokens.words[last_token] in {":", "."} else last_token
    cue = cue_before(document, low, high)
    if cue is None and document.tokens.words[last_token] == ":":
        # "Mayor Dunmore issued the following statement:"
        found = clause_subject(document, low, high)
        cue = Cue(found[0], found[0].last, found[0].last, found[1]) if found else None
    elif cue is None:
        # "Castell praised Hale's budget …" opening the paragraph before.
        first = document.paragraph_first[paragraph]
        first_low, first_high = document.sentence_bounds(first)
        first_high = min(first_high, first_low + WINDOW)
        cue = cue_before(document, first_low, first_high)
        if cue is None:
            # "Morrow is hopeful about Vane's odds …" after Morrow's own quotation.
            found = clause_subject(document, first_low, first_high)
            if (
                found is not None
                and found[0].kind == NAME
                and found[0].start == first_low
                and _quoted_before(results, number, found[0].text)
            ):
                cue = Cue(found[0], found[0].last, found[0].last)
    if cue is None or cue.mention.kind not in {NAME, NOMINAL, PRONOUN}:
        return None
    return Attribution(
        results[number].quote,
        cue=cue,
        source="before",
        speaker_as_written=cue.mention.text,
        borrowed=True,
    )


def _quoted_before(results: list[Attribution], number: int, name: str) -> bool:
    """Whether one of the last few quotations before `number` was credited to `name`."""
    for index in range(number - 1, max(-1, number - _DONOR_REACH), -1):
        written = results[index].speaker_as_written
        entity = results[index].entity
        if written == name or (entity is not None and entity.surname == name.split()[-1].lower()):
            return True
    return False


def _fill_back(results: list[Attribution]) -> None:
    """A quotation over several paragraphs may carry its cue in a later piece."""
    for number in range(len(results) - 2, -1, -1):
        result, following = results[number], results[number + 1]
        if (
            result.speaker_as_written is None
            and result.quote.span.continues
            and (following.speaker_as_written is not None)
        ):
            result.entity = following.entity
            result.speaker_as_written = following.speaker_as_written
            result.role = following.role
            result.source = "inherited"


def _relay(
    document: Document,
    outlets: Outlets,
    result: Attribution,
    results: list[Attribution],
    number: int,
) -> Relay:
    low, high = _bounds(document, result.quote)
    relay = outlets.relay(low, high, document.quoted)
    if relay == Relay() and result.source == "inherited":
        return result.relay
    return relay


def _is_direct(document: Document, result: Attribution) -> bool:
    """A full quotation: nothing of the writer's own around it but the attribution."""
    quote = result.quote
    words, lowers = document.tokens.words, document.tokens.lowers
    low, high = _bounds(document, quote)
    before_low, before_high = _before_range(document, quote, low)
    after_low, after_high = _after_range(document, quote, high)
    before = [i for i in range(before_low, before_high + 1) if words[i][0].isalnum()]
    after = [i for i in range(after_low, after_high + 1) if words[i][0].isalnum()]
    cue = result.cue
    if before:
        if result.source != "before" or cue is None:
            return False
        complement = [i for i in before if i > cue.verb_end]
        if len(complement) > _LIGHT_COMPLEMENT:
            return False
        mark = words[quote.open - 1] if quote.open > 0 else ""
        introduced = mark in {":", ",", "—"} or (complement and lowers[complement[-1]] == "that")
        naming = speech_verbs().base(lowers[cue.verb]) in _NAMING_VERBS
        if not introduced and (complement or naming):
            return False  # "called the ruling 'a disgrace'"; but "a banner that read '…'"
        if introduced and after and lowers[after[0]] in {"and", "but", "then", "before"}:
            return True  # "He told me, 'Sign it or leave,' and walked out"
    if after and not (result.source == "after" and cue is not None):
        # "…" per the Meridian Wire; "…" outside the town hall: where, not more of the
        # writer's words.
        return lowers[after[0]] in _RELAY_STARTS or lowers[after[0]] in _PLACE_WORDS
    return True


__all__ = ["Attribution", "attribute", "resolve_mention"]

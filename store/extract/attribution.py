"""Who said each quotation: its own cue, else the cue of a neighbouring quotation.

Pass one finds each quotation's own cue by the named rules of `cues.rules.OWN_CUE_RULES`.
Pass two walks the article in order, resolving mentions to people as it goes (so "he" can mean
the last speaker) and lending a speaker to quotations without a cue of their own by the named
rules of `neighbours.NEIGHBOUR_RULES`. Each attribution records the rule that answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from store.extract.answer import Attribution
from store.extract.cues import Cue
from store.extract.cues.rules import (
    LIGHT_COMPLEMENT,
    after_range,
    before_range,
    own_cue,
    quote_bounds,
)
from store.extract.document import Document, QuoteTokens
from store.extract.grammar import without_honorifics
from store.extract.lexicon import document_nouns, given_names, speech_verbs, word_class
from store.extract.neighbours import donor as find_donor
from store.extract.outlets import Outlets, Relay
from store.extract.people import Entity, People
from store.extract.phrases import NAME, NOMINAL, Mention, mention_from

#: Speech verbs that name rather than quote (tagged "naming" in data/speech_verbs.txt).
_NAMING = speech_verbs().tagged("naming")

_RELAY_STARTS = word_class("relay-starts")
_PARTY = re.compile(r"[A-Z](?:-[A-Za-z.]+)?")
_PLACE_WORDS = word_class("place-prepositions")
_ASIDES = word_class("writer-asides")
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
            result.cue, result.source, result.rule = None, None, None
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
            result.rule = "headline-from-body"


def _words_of(document: Document, result: Attribution) -> str:
    span = result.quote.span
    return " ".join(document.text[span.start : span.end].lower().split()).strip(".,!?")


def _own_cue(document: Document, quote: QuoteTokens, outlets: Outlets) -> Attribution:
    """The quotation with its own cue, if one of the rules finds it."""
    result = Attribution(quote)
    found = own_cue(document, quote, outlets)
    if found is not None:
        rule, result.cue = found
        result.source, result.rule = rule.source, rule.name
    return result


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
    if entity is not None and role is not None and _is_name_of(role, entity):
        # "Labour's transport spokeswoman, Ana Ruiz, said": the appositive is the name, the
        # description the role.
        role = mention.text if mention.kind == NOMINAL else None
    if entity is not None:
        people.note_speaker(entity, mention.first)
        if role is None:
            role = entity.role()
    if mention.organisation or (entity is not None and entity.organisation):
        role = None  # an organisation is who it is; its appositive describes it
    return entity, mention.text, _clean_role(role)


def _is_name_of(role: str, entity: Entity) -> bool:
    lowered = role.lower()
    return lowered == entity.name.lower() or lowered == entity.surname


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
    found = find_donor(document, results, number)
    if found is None:
        return
    rule, donor = found
    result.rule = rule.name
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
            result.rule = "later-piece"


def _relay(
    document: Document,
    outlets: Outlets,
    result: Attribution,
    results: list[Attribution],
    number: int,
) -> Relay:
    low, high = quote_bounds(document, result.quote)
    relay = outlets.relay(low, high, document.quoted)
    if relay == Relay() and result.source == "inherited":
        return result.relay
    return relay


#: How many words may introduce a quotation after a colon and leave it whole: "Ek, the deputy
#: mayor, was blunt: '…'".
_COLON_INTRODUCTION = 12


def _is_direct(document: Document, result: Attribution) -> bool:
    """A full quotation: nothing of the writer's own around it but the attribution."""
    quote = result.quote
    words, lowers = document.tokens.words, document.tokens.lowers
    low, high = quote_bounds(document, quote)
    before_low, before_high = before_range(document, quote, low)
    after_low, after_high = after_range(document, quote, high)
    before = [i for i in range(before_low, before_high + 1) if words[i][0].isalnum()]
    after = [i for i in range(after_low, after_high + 1) if words[i][0].isalnum()]
    cue = result.cue
    if before and not after and words[quote.open - 1] == ":" and len(before) <= _COLON_INTRODUCTION:
        return True  # "Ruiz's deputy, Tomas Ek, disagreed: '…'": what he said, whole
    if before:
        if result.source != "before" or cue is None:
            return False
        complement = [i for i in before if i > cue.verb_end]
        if len(complement) > LIGHT_COMPLEMENT:
            return False
        mark = words[quote.open - 1] if quote.open > 0 else ""
        introduced = mark in {":", ",", "—"} or (complement and lowers[complement[-1]] == "that")
        naming = speech_verbs().base(lowers[cue.verb]) in _NAMING
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

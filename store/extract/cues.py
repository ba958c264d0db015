"""Attribution cues: the speech verb near a quotation and the phrase naming who spoke.

Three places hold the cue, tried in this order:
- right after the quotation: `"…," she said` / `"…," said Tessa Quill, a member of the council`;
- before it in the same sentence: `Hale said: "…"`, `Ruiz said her crew "got it badly wrong"`,
  `Hale rejected the offer, saying it was meant to "sink" …`, `According to X, "…"`;
- (in `attribution`) a neighbouring quotation of the same sentence, paragraph or the paragraph
  before, for quotations that carry no cue of their own.

Whether a word is a speech verb there is `verbs.verb_at`; who the subject before a verb or at
the start of a clause is, `subjects`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from store.extract.document import Document, QuoteTokens
from store.extract.grammar import (
    CAPITALISED_NON_NAMES,
    DETERMINERS,
    FUNCTION_WORDS,
    MONTHS,
    PARTICIPLE_SUFFIX,
    PRONOUNS,
    WEAK_SPEECH_VERBS,
)
from store.extract.lexicon import document_nouns, role_nouns, speech_verbs
from store.extract.phrases import (
    NAME,
    NOMINAL,
    PRONOUN,
    Mention,
    is_name_word,
    mention_from,
    person_run,
    phrase_ending_at,
    phrase_starting_at,
    run_ending_at,
)
from store.extract.subjects import (
    BODY_JOINS,
    PARENTHESIS_REACH,
    PUNCTUATION,
    RELATIVE_REACH,
    RELATIVES,
    ROLE_REACH,
    SUBORDINATORS,
    appositive_text,
    clause_subject,
    coordinated_roles,
    description_end,
    joined_title_name,
    looks_finite,
    named_in_appositive,
    opening_dash,
    person_or_group,
    skip_back_modifiers,
    subject_before,
    with_partner,
)
from store.extract.verbs import verb_at

#: How far after a quotation its subject-first cue may end ("…," Tessa Quill, an associate
#: fellow at the Harbour Institute's Coastal Trade and Shipping Programme, said).
_SUBJECT_REACH = 32
#: Pronouns that open a sentence without naming anyone: "It was three years ago that …".
_EXPLETIVES = frozenset({"it", "this", "that", "there"})
#: Words an attribution may carry after its verb: "said Tuesday in a statement".
_TAIL_WORDS = 8
#: How many words a weak speech verb may stand from its quotation ("continued:", "read,").
_WEAK_REACH = 3
#: Speech verbs weighed per cue, and clause starts per subject: bounds for pathological text.
_VERB_TRIES = 6
_REPORTING = frozenset({"say", "tell", "add", "write", "explain", "argue", "insist", "claim"})


@dataclass(frozen=True)
class Cue:
    """A speech verb and the mention of its subject."""

    mention: Mention
    verb: int
    verb_end: int
    #: Role given by an appositive around the mention ("Tessa Quill, a senior surveyor ...").
    appositive: str | None = None
    #: Last token of the whole cue: the verb, or the subject and its appositive after an
    #: inverted verb ("says Lena Strand, a historian at …").
    end: int = -1

    @property
    def last(self) -> int:
        return max(self.end, self.verb_end)


_LONG_DASHES = frozenset({"—", "–"})
#: Words after an inverted speech verb that say when, not who: "…, spoke next."
_WHEN_WORDS = frozenset(
    "next later first last again afterwards afterward then now today tonight yesterday "
    "tomorrow twice once briefly too also".split()
)


def cue_after(document: Document, low: int, high: int) -> Cue | None:
    """A cue in the tokens just after a quotation: `, she told the Meridian Wire.`"""
    words = document.tokens.words
    signed = _signature_after(document, low, high)
    if signed is not None:
        return signed
    while low <= high and words[low] in PUNCTUATION:
        low += 1
    if low > high:
        return None
    lowers = document.tokens.lowers
    if lowers[low] in {"and", "but", "yet"} and document.tokens.capitalised[low]:
        return None  # "…” And Cllr. Dov Arlen said he …": a new sentence, about someone else
    if lowers[low] == "according" and low + 1 <= high and lowers[low + 1] == "to":
        mention = phrase_starting_at(document.tokens, low + 2, high)  # "…," according to Wren.
        return Cue(mention, low, low + 1) if mention is not None else None
    verb_end = verb_at(document, low)
    if verb_end is not None and _participle(lowers[low]):
        return None  # "…, saying Vale would stay": Vale is what was said, not who said it
    if verb_end is not None:
        mention = phrase_starting_at(document.tokens, verb_end + 1, high, loose=True)
        if mention is None or (mention.kind == PRONOUN and mention.text.lower() not in PRONOUNS):
            return None
        if mention.kind == NOMINAL and (
            lowers[mention.last].endswith("ly") or lowers[mention.last] in _WHEN_WORDS
        ):
            return None  # "…, said matter-of-factly", "…, spoke next": how or when, not who
        mention = _known_as(document, joined_title_name(document, mention, high), high)
        appositive = None
        end = mention.last
        after = mention.last + 1
        if after <= high and words[after] in {",", "("}:
            named = named_in_appositive(document, mention, after, high)
            if named is not None:
                # "…," urged Hale's warm-up act, singer Rhea Castell.
                return Cue(named[0], low, verb_end, named[1], named[0].last)
            appositive = appositive_text(document, after, high)
            end = high if appositive else end
        return Cue(mention, low, verb_end, appositive, end)
    limit = min(high, low + _SUBJECT_REACH)
    for index in range(low + 1, limit + 1):
        if not document.outside(index) or words[index] in {";", "?", "!"}:
            break
        verb_end = verb_at(document, index)
        if verb_end is None:
            continue
        found = subject_before(document, low, index - 1)
        if found is None:
            continue
        mention, appositive = found
        if mention.start == low + 1 and document.tokens.lowers[low] == "as":
            return Cue(mention, index, verb_end, appositive)  # '"…," as Hale said on Monday'
        if mention.start != low and not (appositive and mention.first >= low):
            titled = (
                _titled_name(document, low, index - 1)
                or _described_name(document, low, index - 1)
                or _name_of_body(document, low, index - 1)
                or _first_of_two(document, low, index - 1)
                or coordinated_roles(document, low, index - 1)
            )
            if titled is not None and titled.start != low:
                titled = None
            if titled is None:
                continue
            mention, appositive = titled, None
        if verb_end + 1 <= high and lowers[verb_end + 1] in {"it", "that"}:
            # "…?” His rivals took it as proof", "….” Some friends hinted that …": a
            # new sentence, not the quotation's cue.
            return None
        return Cue(mention, index, verb_end, appositive)
    return None


#: What may follow the name that signs a quotation: "— Tom Vale (@tomvale) March 1, 2016".
_SIGNATURE_ENDS = frozenset({"(", ",", ".", "@", "|"}) | MONTHS


def _signature_after(document: Document, low: int, high: int) -> Cue | None:
    """`“…” — Tom Vale (@tomvale) March 1, 2016`: a post or a pull quote signed by a dash and
    a name right after its closing mark, the way embedded posts print."""
    words, lowers = document.tokens.words, document.tokens.lowers
    if low > high or words[low] not in _LONG_DASHES:
        return None
    mention = phrase_starting_at(document.tokens, low + 1, high)
    if mention is None or mention.kind != NAME or mention.organisation:
        return None
    after = mention.last + 1
    if after <= high and lowers[after] not in _SIGNATURE_ENDS:
        return None  # "“…” — Vale denied it later": a sentence, not a signature
    return Cue(mention, low, low, None, mention.last)


def _known_as(document: Document, mention: Mention, high: int) -> Mention:
    """ "the depot foreman known as Gus": the name the description goes by, the description its
    role; `mention` itself otherwise."""
    tokens = document.tokens
    known = mention.last + 1
    if mention.kind != NOMINAL or known + 2 > high:
        return mention
    if tokens.lowers[known] == "known" and tokens.lowers[known + 1] == "as":
        name_start = known + 2
    elif tokens.lowers[known] in {"named", "called"}:
        name_start = known + 1
    else:
        return mention
    named = phrase_starting_at(tokens, name_start, high)
    if named is None or named.kind != NAME or named.organisation:
        return mention
    return replace(named, role=mention.text, start=mention.start)


def _first_of_two(document: Document, low: int, high: int) -> Mention | None:
    """ "Mara Kellan and Hugo Lind wrote": co-authors, who speak together."""
    tokens = document.tokens
    first = phrase_starting_at(tokens, low, high)
    if first is None:
        return None
    paired = with_partner(document, first, high, whole=True)
    return paired if paired.partner is not None else None


def _described_name(document: Document, low: int, high: int) -> Mention | None:
    """ "another neighbour, Wen Tollan" before a verb: the name, the description its role."""
    tokens = document.tokens
    description = phrase_starting_at(tokens, low, high)
    if description is None or description.kind != NOMINAL:
        return None
    comma = description_end(document, description, high)
    if comma is None or comma + 1 > high:
        return None
    named = phrase_starting_at(tokens, comma + 1, high)
    if named is None or named.kind != NAME or named.organisation or named.last != high:
        return None
    return replace(named, role=tokens.span_text(description.first, comma - 1), start=low)


def _name_of_body(document: Document, low: int, high: int) -> Mention | None:
    """ "Bram Kessel of the Harold Vane Institute for Coastal Studies": a person's
    name and the body they are from, every word of which is capitalised or joins the name."""
    tokens = document.tokens
    mention = phrase_starting_at(tokens, low, high)
    if mention is None or mention.kind != NAME or mention.organisation:
        return None
    after = mention.last + 1
    if after + 1 > high or tokens.lowers[after] not in {"of", "at", "from", "with"}:
        return None
    if not all(
        tokens.capitalised[i] or tokens.lowers[i] in BODY_JOINS for i in range(after + 1, high + 1)
    ):
        return None
    return replace(mention, role=tokens.span_text(after, high))


def _titled_name(document: Document, low: int, high: int) -> Mention | None:
    """ "Meridian Wire Tonight co-host Ivo Brandt", "Town Hall press secretary Dov
    Arlen": a person's name after a run of capitalised words and role words that describe
    them, from `low` to `high`, where the phrase rules stop at a word inside the run."""
    tokens = document.tokens
    run_start = run_ending_at(tokens, low, high)
    if run_start is None or run_start <= low or high - run_start > 3:
        return None
    if not person_run(tokens, run_start, high):
        return None
    for index in range(low, run_start):
        word, lower = tokens.words[index], tokens.lowers[index]
        if not document.outside(index) or lower in SUBORDINATORS or lower in PRONOUNS:
            return None
        describing = (
            tokens.capitalised[index]
            or lower in role_nouns()
            or lower.rsplit("-", 1)[-1] in role_nouns()
            or (word == "." and index > low)
            or lower[:1].isdigit()
            or (index + 1 < run_start and tokens.lowers[index + 1] in role_nouns())
            or (
                word.isalpha()
                and lower not in FUNCTION_WORDS
                and speech_verbs().base(lower) is None
                and not lower.endswith(("ed", "ing", "ly"))
            )
        )
        if not describing:
            return None
    role = document.tokens.span_text(low, run_start - 1)
    return Mention(run_start, high, NAME, tokens.name_text(run_start, high), role=role, start=low)


def _participle(word: str) -> bool:
    """ "saying", "adding": an -ing form of a speech verb."""
    return word.endswith(PARTICIPLE_SUFFIX) and speech_verbs().base(word) != word


def cue_before(document: Document, low: int, high: int) -> Cue | None:
    """A cue in the same sentence before a quotation: `Hale said, "…"`, `called it "…"`."""
    lowers = document.tokens.lowers
    index = high
    tries = 0
    if high >= low and document.tokens.words[high] == ":":
        # "Surveyors agree - Nell Okafor: '…'": the name just before the colon, not a verb
        # further back.
        labelled = _headline_cue(document, low, high)
        if labelled is not None and labelled.mention.start > low:
            return labelled
    while index >= low and tries < _VERB_TRIES:
        if not document.outside(index):
            index -= 1
            continue
        if document.tokens.words[index] in _LONG_DASHES:
            opening = opening_dash(document, low, index, _LONG_DASHES)
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
                speech_verbs().base(lowers[index]) in WEAK_SPEECH_VERBS
                and _words_between(document, verb_end, high) > _WEAK_REACH
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
        inverted = _inverted_subject(document, low, index, verb_end, high)
        if inverted is not None:
            return Cue(inverted, index, verb_end, None, inverted.last)
        found = _subject_of_verb(document, low, index)
        if found is not None:
            mention, appositive = found
            cue = Cue(mention, index, verb_end, appositive)
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
    return _headline_cue(document, low, high)


#: Verbs whose object is what was said: a clause joined after them is still theirs.
_REPORTING_WHAT_FOLLOWS = _REPORTING | {"warn", "note", "suggest"}


def _later_clause_subject(document: Document, verb: int, verb_end: int, high: int) -> Cue | None:
    """The subject of a clause joined after the verb's ("…, and the hall took up", "… - but
    the Ruiz campaign dismissed the plan as"), when the quotation (after `high`) is in it.

    Not after a verb that reports what follows ("Arlen said the board must act, but instead
    Hale is giving them '…'"): that clause is still what was said."""
    words, lowers = document.tokens.words, document.tokens.lowers
    if speech_verbs().base(lowers[verb]) in _REPORTING_WHAT_FOLLOWS:
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


#: Subjects that open a reported clause without "that": "suggested they tweet …".
_CLAUSE_PRONOUNS = frozenset({"they", "he", "she", "we", "i"})
#: How far after a weak verb its "that" may come: "wrote on his club's notice board that".
_THAT_REACH = 8


def _words_between(document: Document, verb_end: int, high: int) -> int:
    """How many words stand between a verb and the quotation after `high`."""
    return sum(1 for i in range(verb_end + 1, high + 1) if document.tokens.words[i][0].isalnum())


def _subject_of_verb(document: Document, low: int, verb: int) -> tuple[Mention, str | None] | None:
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
        if found is None or (found[0].kind == PRONOUN and found[0].text.lower() in _EXPLETIVES):
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


#: Words opening a clause whose subject may be the one a participle after it belongs to.
_SUBORDINATE_OPENERS = frozenset({"as", "when", "while", "where"})


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


#: Words before a document that is not some speaker's object: "after the editorial telling".
_DOCUMENT_GOVERNORS = frozenset({"after", "before", "until", "since", "in", "by", "with", "of"})


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


#: Words that introduce a quoted source before a colon: "More from Jones:", "From the report:",
#: "Here's Hale in March 1998:".
_LABEL_STARTS = (
    ("more", "from"),
    ("from",),
    ("here's",),
    ("here’s",),
    ("here", "'s"),
    ("here", "’s"),
    ("here", "is"),
)


def _labelled_source(document: Document, low: int, high: int) -> Cue | None:
    """`More from Jones: "…"`, `Here's Hale in March 1998: "…"`: the source a label
    names, in a clause of its own before the colon."""
    lowers, words = document.tokens.lowers, document.tokens.words
    start = max(
        (i + 1 for i in range(low, high) if words[i] in {".", "-", "—", "–", ";", "?", "!"}),
        default=low,
    )
    for label in _LABEL_STARTS:
        if tuple(lowers[start : start + len(label)]) != label:
            continue
        mention = phrase_starting_at(document.tokens, start + len(label), high - 1)
        if mention is None or mention.kind not in {NAME, NOMINAL}:
            return None
        rest = range(mention.last + 1, high)
        joined = (
            rest
            and lowers[mention.last + 1] == "and"
            and all(document.tokens.capitalised[i] for i in range(mention.last + 2, high))
        )
        if any(not document.outside(i) for i in rest) or (
            rest and not joined and lowers[mention.last + 1] not in {"in", "on", "at", "during"}
        ):
            # "Here's Hale in March 1998:", "More from Kellan and Lind:", not
            # "From the report he wrote:"
            return None
        return Cue(with_partner(document, mention, high - 1, whole=True), high, high)
    return None


def _headline_cue(document: Document, low: int, high: int) -> Cue | None:
    """`Hale: "…"` — a name and a colon right before the quotation."""
    words = document.tokens.words
    if high < low or words[high] != ":":
        return None
    labelled = _labelled_source(document, low, high)
    if labelled is not None:
        return labelled
    end = high - 1
    if end > low and words[end] == ")":
        # "Rep. Maren Holt (D-Ore.): …" in a transcript
        opening = next(
            (
                i
                for i in range(end - 1, max(low, end - PARENTHESIS_REACH) - 1, -1)
                if words[i] == "("
            ),
            None,
        )
        end = opening - 1 if opening is not None else end
    end = _before_aside(document, low, end)
    mention = phrase_ending_at(document.tokens, low, end)
    if mention is None or mention.kind != NAME:
        return None
    words = document.tokens.words
    if mention.start - 2 >= low and document.tokens.lowers[mention.start - 1] == "and":
        # "- Mara Kellan and Hugo Lind: '…'": two names, who speak together
        first = phrase_ending_at(document.tokens, low, mention.start - 2)
        if first is not None and first.kind == NAME:
            mention = with_partner(document, first, end, whole=True)
    if mention.start != low and words[mention.start - 1] not in {"—", "–", "-"}:
        return None
    return Cue(mention, high, high)


#: First words of an aside between a name and its colon: "Vale, in a post on Facebook: …".
_ASIDE_OPENERS = frozenset(
    "in on at via during after before through from speaking writing posting responding "
    "asked replying".split()
)
_ASIDE_WORDS = 10


def _before_aside(document: Document, low: int, end: int) -> int:
    """`end`, or the word before a comma opening a short aside that leads to the colon: the
    name of "Vale, in a post on Facebook: '…'" ends before the comma."""
    words, lowers = document.tokens.words, document.tokens.lowers
    for comma in range(end - 1, max(low, end - _ASIDE_WORDS) - 1, -1):
        if words[comma] == ",":
            opens_aside = lowers[comma + 1] in _ASIDE_OPENERS
            plain = all(words[i] not in {",", ";"} for i in range(comma + 1, end + 1))
            return comma - 1 if opens_aside and plain and comma > low else end
    return end


def sentence_subject(document: Document, low: int, high: int) -> Cue | None:
    """The subject of a sentence with no speech verb, for a few quoted words inside it."""
    found = clause_subject(document, low, high)
    if found is None:
        return None
    mention, appositive = found
    if mention.kind == NOMINAL and not person_or_group(document, mention):
        return None
    if mention.kind == NAME and document.tokens.lowers[mention.first] in CAPITALISED_NON_NAMES:
        return None
    if mention.kind == PRONOUN and mention.text.lower() in _EXPLETIVES:
        return None  # "It was three years ago that …", "It's the pull of …": nobody speaks
    return Cue(mention, mention.last, mention.last, appositive)


def cue_at_sentence_end(document: Document, low: int, high: int) -> Cue | None:
    """`…, the rights group says.` — an attribution clause after a comma closing the sentence.

    The clause may carry an appositive of its own (", Jules Farrow, the former mayor of
    Port Ardith, declared ..."), so each comma after the quotation is tried from the left.
    """
    words = document.tokens.words
    for index in range(low, high + 1):
        if not document.outside(index):
            return None
        if words[index] != ",":
            continue
        cue = cue_after(document, index + 1, high)
        if cue is None:
            continue
        tail = [i for i in range(cue.last + 1, high + 1) if words[i][0].isalnum()]
        if len(tail) <= _TAIL_WORDS:
            return cue
    return None


_NOT_SPEAKER_STARTS = (
    frozenset("of about to in on at for with by from that it this so".split()) | FUNCTION_WORDS
)


#: How far before the end of its sentence an aside that closes it may start.
_ASIDE_REACH = 2 * ROLE_REACH


def _aside_commas(document: Document) -> list[int]:
    """Commas outside quotations followed by a speech verb (not a participle): where an
    inverted aside may start, found once per article."""
    found = document.indexes.get("aside_commas")
    if found is None:
        words, lowers = document.tokens.words, document.tokens.lowers
        found = [
            i
            for i in range(len(words) - 1)
            if words[i] == ","
            and document.outside(i)
            and verb_at(document, i + 1) is not None
            and not _participle(lowers[i + 1])
        ]
        document.indexes["aside_commas"] = found
    return found


def inverted_aside(document: Document, low: int, high: int, closing: bool) -> Cue | None:
    """An inverted attribution set off by a comma: `…, said Nell Okafor, a surveyor.` closing
    the sentence (`closing`), or `The irony, says Lena Strand, an archivist, is that …`
    inside it. It speaks for the whole sentence, whatever stands between it and a quotation."""
    words, lowers = document.tokens.words, document.tokens.lowers
    if closing:
        if (
            words[high] not in {".", "!", "?"}
            and high != document.paragraph_last[document.paragraph_of[high]]
        ):
            return None  # the window ends before the sentence does
        low = max(low, high - _ASIDE_REACH)  # the aside closes the sentence
    asides = _aside_commas(document)
    first = bisect.bisect_left(asides, low)
    for comma in asides[first : first + _VERB_TRIES]:
        if comma >= high:
            return None
        verb_end = verb_at(document, comma + 1)
        assert verb_end is not None
        if speech_verbs().base(lowers[comma + 1]) in {"tell", "ask", "report"}:
            continue  # "…, told Reuters": who listened; "…, reported the Ledger": a relay
        following = lowers[verb_end + 1] if verb_end + 1 <= high else ""
        if following in _NOT_SPEAKER_STARTS or following.endswith("ly"):
            continue  # "…, said of Hale's campaign", "…, said that it …"
        if not closing and not document.tokens.capitalised[verb_end + 1]:
            continue  # inside the sentence only a name: "The irony, says Lena Strand, is"
        mention = phrase_starting_at(document.tokens, verb_end + 1, high, loose=True)
        if mention is None or mention.kind not in {NAME, NOMINAL}:
            continue
        if mention.kind == NOMINAL and not person_or_group(document, mention):
            continue
        after = mention.last + 1
        if closing:
            ends = after > high or words[after] in {".", "!", "?"}
            if not ends and not (
                words[after] == "," and all(document.outside(i) for i in range(after, high + 1))
            ):
                continue
            if not ends:
                named = named_in_appositive(document, mention, after, high)
                if named is not None:
                    # "…, said the board's director, Oskar T. Voss."
                    return Cue(named[0], comma + 1, verb_end, named[1], high)
            appositive = None if ends else appositive_text(document, after, high)
            return Cue(mention, comma + 1, verb_end, appositive, high)
        if mention.kind != NAME or after > high or words[after] != ",":
            continue
        stop = next((i for i in range(after + 1, high + 1) if words[i] == ","), after)
        if stop == after or not all(document.outside(i) for i in range(after, stop)):
            appositive = None
        else:
            appositive = appositive_text(document, after, stop)
        return Cue(mention, comma + 1, verb_end, appositive, stop)
    return None


#: Nouns for something said: "Hale's pledge to stay 'neutral'", "Ruiz's 'nine ferries' remark".
SPEECH_NOUNS = frozenset(
    """pledge pledges promise promises vow claim claims assertion assertions accusation
    accusations comment comments remark remarks statement statements words call calls
    warning warnings suggestion suggestions description slogan slogans phrase catchphrase
    response reply answer argument insistence contention conclusion charge charges
    characterization characterisation quip joke tweet tweets post message mantra refrain
    line dictum boast threat demand""".split()
)
#: How far before a quotation the noun may stand: "Castell's boldest charge is that
#: the Harbour Review Board is a 'show trial'".
_SPEECH_NOUN_REACH = 14
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def possessed_speech(document: Document, low: int, quote: QuoteTokens, high: int) -> Cue | None:
    """A quotation named as someone's words by a possessive: "Hale's disputed pledge to
    stay 'neutral'", "Ana Ruiz's 'nine ferries' remark", "Vane's club newsletter: '…'"."""
    tokens = document.tokens
    lowers = tokens.lowers
    # "Ruiz's 'nine ferries' remark": the possessive right before, the noun right after.
    after = quote.close + 1
    if (
        quote.open - 1 >= low
        and lowers[quote.open - 1] in _POSSESSIVES
        and after <= high
        and lowers[after] in SPEECH_NOUNS
    ):
        owner = phrase_ending_at(tokens, low, quote.open - 2)
        if owner is not None and owner.kind in {NAME, NOMINAL}:
            return Cue(owner, after, after)
    start = max(low, quote.open - _SPEECH_NOUN_REACH)
    for noun in range(quote.open - 1, start - 1, -1):
        if not document.outside(noun):
            return None
        if lowers[noun] not in SPEECH_NOUNS:
            continue
        for mark in range(noun - 1, max(low, noun - 5) - 1, -1):
            if lowers[mark] in _POSSESSIVES and mark - 1 >= low:
                owner = phrase_ending_at(tokens, low, mark - 1)
                if owner is not None and owner.kind == NAME:
                    return Cue(owner, noun, noun)
                break
            if not tokens.words[mark][0].isalpha() or lowers[mark] in DETERMINERS:
                break
        return None
    return None

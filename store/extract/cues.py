"""Attribution cues: the speech verb near a quotation and the phrase naming who spoke.

Three places hold the cue, tried in this order:
- right after the quotation: `"…," she said` / `"…," said Issawi Frej, a member of parliament`;
- before it in the same sentence: `Cruz said: "…"`, `Sanders said his staff "did the wrong thing"`,
  `Netanyahu rejected the proposal, saying it was designed to "torpedo" …`, `According to X, "…"`;
- (in `attribution`) a neighbouring quotation of the same sentence, paragraph or the paragraph
  before, for quotations that carry no cue of their own.
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
    NOUN_LIKE_VERBS,
    PARTICIPLE_SUFFIX,
    PRONOUNS,
    VERB_MODIFIERS,
    WEAK_SPEECH_VERBS,
)
from store.extract.lexicon import document_nouns, org_words, role_nouns, speech_verbs
from store.extract.phrases import (
    GROUP_SHARES,
    NAME,
    NOMINAL,
    PRONOUN,
    Mention,
    is_name_word,
    mention_from,
    person_run,
    phrase_ending_at,
    phrase_starting_at,
    role_tied_within,
    run_ending_at,
)

#: How far after a quotation its subject-first cue may end ("…," Yossi Mekelberg, an associate
#: fellow at Chatham House's Middle East and North Africa Program, said).
_SUBJECT_REACH = 32
_PLURAL_SUBJECTS = frozenset(
    {"they", "we", "i", "you", "people", "officials", "experts", "critics", "two", "three"}
)
_INTRO_WORDS = frozenset(
    """in on at after before during since speaking asked earlier later meanwhile however
    still yet instead separately elsewhere last this next when while as if although though
    because despite unlike like for from with without under over by through according""".split()
)
#: Prepositions tying a role to whom it serves: "a spokesman for Platte River".
_SERVING = frozenset({"for", "to", "of", "at", "with"})
#: Pronouns that open a sentence without naming anyone: "It was three years ago that …".
_EXPLETIVES = frozenset({"it", "this", "that", "there"})
_PUNCTUATION = frozenset({",", "—", "–", "-", ":", ";", "(", ")"})
_SUBORDINATORS = frozenset(
    "as and but where when while after before because since although though if once until".split()
)
#: Marks that close a quotation: '"…," read the statement'.
_CLOSING = frozenset({"”", '"', "’"})
#: What follows a verb that introduces words: a colon or an opening quotation mark.
_INTRODUCING = frozenset({":", "“", '"', "‘", "'", "«"})
#: Words an attribution may carry after its verb: "said Tuesday in a statement".
_TAIL_WORDS = 8
#: How long an appositive after a name may be: "…, president and chief executive of …".
_ROLE_REACH = 16
#: How many words a weak speech verb may stand from its quotation ("continued:", "read,").
_WEAK_REACH = 3
#: Speech verbs weighed per cue, and clause starts per subject: bounds for pathological text.
_VERB_TRIES = 6
_CLAUSE_STARTS = 8
_REPORTING = frozenset({"say", "tell", "add", "write", "explain", "argue", "insist", "claim"})


@dataclass(frozen=True)
class Cue:
    """A speech verb and the mention of its subject."""

    mention: Mention
    verb: int
    verb_end: int
    #: Role given by an appositive around the mention ("Mairav Zonszein, a senior analyst ...").
    appositive: str | None = None
    #: Last token of the whole cue: the verb, or the subject and its appositive after an
    #: inverted verb ("says Dante Scala, a political scientist at …").
    end: int = -1

    @property
    def last(self) -> int:
        return max(self.end, self.verb_end)


def verb_at(document: Document, index: int) -> int | None:
    """If a speech verb starts at token `index`, the index of its last token."""
    lowers = document.tokens.lowers
    if lowers[index] not in speech_verbs().first_words:
        return None
    if index + 1 < len(lowers):
        pair = lowers[index] + " " + lowers[index + 1]
        phrasal = speech_verbs().base(pair)
        if phrasal is not None:
            after = document.tokens.words[index + 2] if index + 2 < len(lowers) else ""
            if phrasal == "go on" and after[:1].islower():
                return None  # "once the Senate goes on recess": not '"…," he went on'
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
        return None  # "the United States", "Fox News Reports": part of a name
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
            return index  # "prompted Rubio to make a joke and call Trump '…'"
        if (
            before == "to"
            and word in NOUN_LIKE_VERBS
            and index + 1 < len(lowers)
            and (document.tokens.capitalised[index + 1] or lowers[index + 1] in PRONOUNS)
        ):
            return index  # "taking to Twitter to call Fields '…'": an infinitive
        if (word in NOUN_LIKE_VERBS and not _subject_after_quotation(document, index)) or not (
            before in _PLURAL_SUBJECTS
            or (before.endswith("s") and before not in FUNCTION_WORDS and len(before) > 3)
            or before in VERB_MODIFIERS
            or before in {"to", "will", "would", "did", "could"}
        ):
            return None
    if word.endswith("s") and word != base and _after_article(document, index):
        return None  # "his anti-Muslim remarks", "the reports": a plural noun
    if word.endswith("s") and word != base and _object_of_gerund(document, index):
        return None  # "accused her of making racist remarks": what the gerund makes
    if word.endswith("ing") and _owned_gerund(document, index):
        return None  # "Wren's blunt warning that …", "a stern warning": a noun
    if word != base and index > 0 and lowers[index - 1] in {"a", "an", "the"}:
        return None  # "in a written statement", "the revised account": an adjective
    if base == "continue" and following == "to":
        return None  # "Rubio will continue to be …": not '"…," he continued'
    return index


def _subject_after_quotation(document: Document, index: int) -> bool:
    """'"…," the Saudis state': a short subject between a quotation and the word."""
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
    for index in range(join - 1, max(-1, join - _AGENT_REACH), -1):
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


_ARTICLES = frozenset(
    {"the", "a", "an", "of", "his", "her", "their", "its", "our", "my", "'s", "’s"}
)
_ADJECTIVE_ENDINGS = ("-", "al", "ic", "ive", "ous", "ful", "less", "ish", "ary", "ing")


def _object_of_gerund(document: Document, index: int) -> bool:
    """ "making racist remarks", "issuing harsh statements": an adjective between an -ing
    word and an -s word makes the -s word the gerund's object, a noun."""
    lowers = document.tokens.lowers
    if index < 2 or not lowers[index - 2].endswith("ing"):
        return False
    return lowers[index - 1].endswith((*_ADJECTIVE_ENDINGS[1:], "ist"))


def _after_article(document: Document, index: int) -> bool:
    """ "the reports", "his anti-Muslim remarks": an -s word after an article is a noun."""
    lowers = document.tokens.lowers
    before = lowers[index - 1] if index > 0 else ""
    if before in _ARTICLES:
        return True
    adjective = "-" in before or before.endswith(_ADJECTIVE_ENDINGS[1:])
    return adjective and index > 1 and lowers[index - 2] in _ARTICLES


#: Nouns that end like adverbs: "a member of the family said".
_LY_NOUNS = frozenset("family rally ally assembly supply reply monopoly anomaly".split())


def _skip_back_modifiers(document: Document, low: int, high: int) -> int:
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


def _appositive_text(document: Document, first: int, last: int) -> str | None:
    """The text of an appositive or parenthesis between `first` and `last` (marks trimmed)."""
    words = document.tokens.words
    while first <= last and words[first] in _PUNCTUATION:
        first += 1
    while last >= first and words[last] in _PUNCTUATION:
        last -= 1
    if last < first:
        return None
    text = document.tokens.span_text(first, last)
    return text if len(text) <= 300 else None


def subject_before(document: Document, low: int, high: int) -> tuple[Mention, str | None] | None:
    """The subject of a verb that follows token `high`; `low` bounds the clause."""
    high = _skip_back_modifiers(document, low, high)
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
            return own, None  # "one which historian John Baick calls": the clause's subject
    if relative is not None:
        # "the groups who wrote to her on Thursday say": the phrase before "who".
        outer = phrase_ending_at(document.tokens, low, relative - 1)
        if outer is not None and outer.kind in {NAME, NOMINAL}:
            return outer, None
    mention = phrase_ending_at(document.tokens, low, high)
    if mention is None:
        both = _coordinated_roles(document, low, high)
        if both is not None:
            return both, None
    obtained = _participle_object(document, low, mention)
    if obtained is not None:
        return obtained, None
    adverbial = _adverbial_start(document, low, high, mention)
    if adverbial is not None:
        # "Trump at the time said", "Clinton on Tuesday said": the subject is before it.
        joined = adverbial - 1
        if joined > low and document.tokens.lowers[joined] in {"and", "but", "then"}:
            # "The employee first said …, but in a later interview said": the first verb's
            return clause_subject(document, low, joined - 1)
        return subject_before(document, low, adverbial - 1)
    if mention is None:
        return None
    place = _place_before(document, low, mention.start)
    if place is not None:
        # "Stacy Baker of Columbia, South Carolina says": the person before the place.
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
    """ "Another intelligence source speaking to Fox News said": who spoke, not the listener."""
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
    """ "Trump and Ryan issued a statement": two people opening the clause, who speak
    together; `second` alone when it is not the second of two."""
    tokens = document.tokens
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
        or tokens.lowers[before] in _SUBORDINATORS
    )
    if not opens_clause:
        return second  # "Clinton thanked Obama and Biden said": Biden alone
    paired = with_partner(document, first, second.last, whole=True)
    return paired if paired.partner is not None else second


def _coordinated_roles(document: Document, low: int, high: int) -> Mention | None:
    """ "The Democratic presidential front-runner and former secretary of state said": two
    descriptions of one speaker joined by "and", ending at `high`."""
    lowers = document.tokens.lowers
    joins = [i for i in range(high - 1, max(low, high - _ROLE_REACH) - 1, -1) if lowers[i] == "and"]
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
_LONG_DASHES = frozenset({"—", "–"})


def _opening_dash(document: Document, low: int, closing: int, dashes: frozenset[str]) -> int | None:
    """The dash that opens the aside a dash at `closing` ends ("X — an aside — said")."""
    words = document.tokens.words
    reach = max(low, closing - _ROLE_REACH * 2)
    return next((i for i in range(closing - 1, reach - 1, -1) if words[i] in dashes), None)


def _subject_before_dashes(
    document: Document, low: int, high: int
) -> tuple[Mention, str | None] | None:
    """ "Gingrich — mentioned by Newsmax as the leading choice — told …": the phrase before an
    aside between dashes; "A former candidate -- John McCain, who lost in 2008 -- said": the
    name the aside opens with, described by the phrase before it."""
    words = document.tokens.words
    closing = high
    while closing > low and words[closing - 1] in _DASHES:
        closing -= 1
    opening = _opening_dash(document, low, closing, _DASHES)
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
    return before, _appositive_text(document, inside, closing - 1)


def _participle_object(document: Document, low: int, mention: Mention | None) -> Mention | None:
    """ "a letter from the Legion obtained by The Associated Press warns": the phrase before
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
_PARENTHESIS_REACH = 8


def _name_before_parenthesis(
    document: Document, low: int, high: int
) -> tuple[Mention, str | None] | None:
    """ "Sen. Maren Holt (D-Ore.) said": the name before a short parenthesis."""
    words = document.tokens.words
    opening = next(
        (
            i
            for i in range(high - 1, max(low, high - _PARENTHESIS_REACH) - 1, -1)
            if words[i] == "("
        ),
        None,
    )
    if opening is None or opening - 1 < low:
        return None
    mention = phrase_ending_at(document.tokens, low, opening - 1)
    if mention is None or mention.kind != NAME or mention.organisation:
        return None
    return mention, _appositive_text(document, opening, high)


def _unclosed_appositive(
    document: Document, low: int, high: int
) -> tuple[Mention, str | None] | None:
    """ "Nate Pryor, the polling guru who founded the site tweeted": an appositive the writer
    forgot to close still describes the name before it, which is the subject."""
    words, lowers = document.tokens.words, document.tokens.lowers
    comma = next((i for i in range(high, low, -1) if words[i] == ","), None)
    if comma is None or high - comma > _ROLE_REACH or comma + 1 > high:
        return None
    tail = range(comma + 1, high + 1)
    if document.tokens.capitalised[comma + 1] and lowers[comma + 1] not in DETERMINERS:
        return None
    described = lowers[comma + 1] in {"the", "a", "an"}
    if not (described or any(lowers[i] in role_nouns() for i in tail)) or any(
        words[i] in _PUNCTUATION or not document.outside(i) for i in tail
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
        and lowers[before] not in _SUBORDINATORS
    ):
        return None
    return named, _appositive_text(document, comma, high)


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
    """The "who" of "the groups who wrote to her say"; of two joined by "and" ("a man who
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
    """If `, Name` at `start` continues a place ("in Worcester, Massachusetts"), the "in"."""
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


def _named_in_appositive(
    document: Document, mention: Mention, comma: int, high: int
) -> tuple[Mention, str | None] | None:
    """A description followed by the name it describes: the name speaks, the description is
    the role."""
    if mention.kind != NOMINAL or document.tokens.words[comma] != ",":
        return None
    named = phrase_starting_at(document.tokens, comma + 1, high)
    if named is None or named.kind != NAME or named.organisation:
        return None
    if named.last + 1 <= high and document.tokens.words[named.last + 1] not in {",", "(", "."}:
        return None
    return named, mention.text


_RELATIVES = frozenset({"who", "who's", "who’s", "whose", "whom"})
#: How long a relative clause between commas may be: "…, who is thinking about running, said".
_RELATIVE_REACH = 24


def _before_relative_clause(
    document: Document, low: int, high: int
) -> tuple[Mention, str | None] | None:
    """ "Michael Bloomberg, who's thinking about running for president, said": the name
    before a relative clause that ends at the comma before the verb."""
    words, lowers = document.tokens.words, document.tokens.lowers
    for comma in range(high - 1, max(low, high - _RELATIVE_REACH) - 1, -1):
        if not document.outside(comma):
            return None
        if words[comma] != "," or lowers[comma + 1] not in _RELATIVES:
            continue
        opening = phrase_starting_at(document.tokens, low, comma - 1)
        if (
            opening is not None
            and opening.kind == NAME
            and not opening.organisation
            and opening.last < comma - 1
            and words[opening.last + 1] == ","
        ):
            # "Harry Bond, 30, of Raleigh, N.C., who was among those polled, said"
            return opening, _appositive_text(document, opening.last + 1, comma - 1)
        mention = phrase_ending_at(document.tokens, low, comma - 1)
        if mention is None or mention.kind not in {NAME, NOMINAL}:
            return None
        if mention.kind == NOMINAL and not _person_or_group(document, mention):
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
        if start <= high and document.tokens.lowers[start] in _SUBORDINATORS:
            start += 1  # "As House Speaker Paul Ryan (R-Wis.) has pointed out, …", "where …"
        if start > high or document.tokens.lowers[start] in _INTRO_WORDS:
            continue
        place = _place_before(document, low, start)
        if place is not None:
            outer = phrase_ending_at(document.tokens, low, place - 1)
            if outer is not None and _person_like(document, outer):
                continue  # ", Massachusetts," after "a woman in Worcester"
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
            continue  # "the Paper, and widely circulated online, Shen Xincheng, …": a list
        if mention.partner is not None and after <= high and words[after] in {",", "("}:
            return mention, None  # "Zeliff and Tom Giancola, a fellow veteran, explained"
        if mention.kind == NOMINAL and after <= high and words[after] != ",":
            comma = _description_end(document, mention, high)
            if comma is not None:
                # "Another delegate on the Cruz slate, Jim Poolman, said"
                described = replace(mention, text=document.tokens.span_text(start, comma - 1))
                named = _named_in_appositive(document, described, comma, high)
                if named is not None:
                    return named
        if after <= high and words[after] in {",", "("}:
            named = _named_in_appositive(document, mention, after, high)
            if named is not None:
                return named  # "the county engineer, Tobias Wren, said"
            return mention, _appositive_text(document, after, high)
    # "after a woman in Worcester, Massachusetts, told him": the person before the place.
    for comma in range(high - 1, max(low, high - _ROLE_REACH) - 1, -1):
        if words[comma] != ",":
            continue
        place = _place_before(document, low, comma + 1)
        if place is None:
            continue
        outer = phrase_ending_at(document.tokens, low, place - 1)
        if outer is not None and _person_like(document, outer):
            return outer, _appositive_text(document, place, high)
        break
    # "a woman in Worcester, Massachusetts, told him": the phrase that ends at the appositive.
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
                return outer, _appositive_text(document, place, high)
        if mention is not None and mention.kind == NOMINAL:
            return mention, _appositive_text(document, opening, high)
    return None


def clause_subject(
    document: Document, low: int, high: int, nearest: bool = False
) -> tuple[Mention, str | None] | None:
    """The subject at the start of a clause: `But in a statement, Netanyahu rejected ...`;
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
        if mention.kind == NOMINAL and not _person_or_group(document, mention):
            continue
        if mention.kind == NOMINAL and _describes_name_before(document, low, start, mention):
            continue  # "Preceded by Joe Arpaio, the Arizona sheriff, Trump launched …"
        if _state_abbreviation(document, mention):
            continue  # "At a conference in Aspen, Colo., the graduate ended her speech …"
        if mention.kind == NAME and lowers[mention.first] in MONTHS:
            continue  # "WASHINGTON, Dec. 8 (UPI) —": a dateline's date
        if (
            mention.kind == NOMINAL
            and not document.tokens.capitalised[mention.first]
            and (lowers[mention.first] not in DETERMINERS)
            and not _finite_verb_after(document, mention.last, high)
        ):
            continue  # "founder of the Leadership Institute": an appositive, not a subject
        after = mention.last + 1
        appositive = None
        if after <= high and words[after] in {",", "("}:
            stop = next((i for i in range(after + 1, high + 1) if words[i] in {",", ")"}), None)
            if stop is None:
                continue
            appositive = _appositive_text(document, after, stop)
            after = stop + 1
        if after <= high and words[after] in {"—", "–", "-", ":"}:
            continue  # a dateline ("WASHINGTON (AP) —") or a label, not a subject
        return mention, appositive
    return None


_AUXILIARIES = frozenset("had has have was were is are will would could did".split())


def _finite_verb_after(document: Document, last: int, high: int) -> bool:
    """A verb right after a bare plural makes it a subject: "protesters gathered", "about 50
    protesters had gathered" (not "founder of the institute")."""
    following = last + 1
    if following > high:
        return False
    lower = document.tokens.lowers[following]
    return lower in _AUXILIARIES or lower.endswith("ed")


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
    for index in range(mention.last + 1, min(len(tokens.words), mention.last + _ROLE_REACH)):
        word, lower = tokens.words[index], tokens.lowers[index]
        if word == ",":
            return True
        if not (word[0].isalnum() or word == "-") or lower.endswith("ed") or lower in _AUXILIARIES:
            return False
        if speech_verbs().base(lower) is not None:
            return False
    return False


def _person_or_group(document: Document, mention: Mention) -> bool:
    lowers = document.tokens.lowers
    head = lowers[mention.last]
    if head in role_nouns() or head in org_words() or head in document_nouns():
        return True
    if head in GROUP_SHARES:
        return True  # "21 percent said"
    # "a spokesman for Platte River": the role comes before whom it serves.
    return role_tied_within(document.tokens, mention.first, mention.last, _SERVING)


def cue_after(document: Document, low: int, high: int) -> Cue | None:
    """A cue in the tokens just after a quotation: `, she told Al Jazeera.`"""
    words = document.tokens.words
    while low <= high and words[low] in _PUNCTUATION:
        low += 1
    if low > high:
        return None
    lowers = document.tokens.lowers
    if lowers[low] in {"and", "but", "yet"} and document.tokens.capitalised[low]:
        return None  # "…” And Sen. Rob Portman said he …": a new sentence, about someone else
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
        if mention.kind == NOMINAL and lowers[mention.last].endswith("ly"):
            return None  # "…, said matter-of-factly": how, not who
        mention = _known_as(document, joined_title_name(document, mention, high), high)
        appositive = None
        end = mention.last
        after = mention.last + 1
        if after <= high and words[after] in {",", "("}:
            named = _named_in_appositive(document, mention, after, high)
            if named is not None:
                # "…," exhorted Clinton's introducer, actress Jamie Lee Curtis.
                return Cue(named[0], low, verb_end, named[1], named[0].last)
            appositive = _appositive_text(document, after, high)
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
            return Cue(mention, index, verb_end, appositive)  # '"…," as Cruz said on Monday'
        if mention.start != low and not (appositive and mention.first >= low):
            titled = (
                _titled_name(document, low, index - 1)
                or _described_name(document, low, index - 1)
                or _name_of_body(document, low, index - 1)
                or _first_of_two(document, low, index - 1)
                or _coordinated_roles(document, low, index - 1)
            )
            if titled is not None and titled.start != low:
                titled = None
            if titled is None:
                continue
            mention, appositive = titled, None
        if verb_end + 1 <= high and lowers[verb_end + 1] in {"it", "that"}:
            # "…?” Her critics cited it as evidence", "….” Some allies suggested that …": a
            # new sentence, not the quotation's cue.
            return None
        return Cue(mention, index, verb_end, appositive)
    return None


def _known_as(document: Document, mention: Mention, high: int) -> Mention:
    """ "the base chief known as Bob": the name the description goes by, the description its
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


_BODY_JOINS = frozenset({"the", "of", "for", "and", "&", "on", "’s", "'s"})


def joined_title_name(document: Document, mention: Mention, high: int) -> Mention:
    """A description joined by "and" to a title and a name is that person: "former
    Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell", "Former
    prosecutor and New York City Mayor Rudy Giuliani"."""
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


def _first_of_two(document: Document, low: int, high: int) -> Mention | None:
    """ "Edward-Isaac Dovere and Gabriel Debenedetti wrote": co-authors, who speak together."""
    tokens = document.tokens
    first = phrase_starting_at(tokens, low, high)
    if first is None:
        return None
    paired = with_partner(document, first, high, whole=True)
    return paired if paired.partner is not None else None


def with_partner(document: Document, first: Mention, high: int, whole: bool = False) -> Mention:
    """`first` and the person joined to it by "and" ("Mark Blumenthal and Jon Cohen"), who
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
    """ "… of Washington's Institute for Science and International Security" up to `high`:
    where the people just named are from."""
    tokens = document.tokens
    if last + 2 > high or tokens.lowers[last + 1] not in {"of", "at", "from"}:
        return False
    return all(
        tokens.capitalised[i] or tokens.lowers[i] in _BODY_JOINS for i in range(last + 2, high + 1)
    )


def _described_name(document: Document, low: int, high: int) -> Mention | None:
    """ "another friend, Mariam Emara" before a verb: the name, the description its role."""
    tokens = document.tokens
    description = phrase_starting_at(tokens, low, high)
    if description is None or description.kind != NOMINAL:
        return None
    comma = _description_end(document, description, high)
    if comma is None or comma + 1 > high:
        return None
    named = phrase_starting_at(tokens, comma + 1, high)
    if named is None or named.kind != NAME or named.organisation or named.last != high:
        return None
    return replace(named, role=tokens.span_text(description.first, comma - 1), start=low)


def _description_end(document: Document, description: Mention, high: int) -> int | None:
    """The comma that ends a description of a person, over what places it: "Another delegate
    on the Cruz slate," -> the comma; None when it does not describe a person."""
    tokens = document.tokens
    if not (
        tokens.lowers[description.last] in role_nouns() or _person_or_group(document, description)
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


#: Prepositions that place a described person: "a delegate on the Cruz slate", "a nurse at …".
_PLACING = frozenset({"on", "in", "at", "of", "for", "from", "with", "to"})
_PLACING_REACH = 7


def _name_of_body(document: Document, low: int, high: int) -> Mention | None:
    """ "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies": a person's
    name and the body they are from, every word of which is capitalised or joins the name."""
    tokens = document.tokens
    mention = phrase_starting_at(tokens, low, high)
    if mention is None or mention.kind != NAME or mention.organisation:
        return None
    after = mention.last + 1
    if after + 1 > high or tokens.lowers[after] not in {"of", "at", "from", "with"}:
        return None
    if not all(
        tokens.capitalised[i] or tokens.lowers[i] in _BODY_JOINS for i in range(after + 1, high + 1)
    ):
        return None
    return replace(mention, role=tokens.span_text(after, high))


def _titled_name(document: Document, low: int, high: int) -> Mention | None:
    """ "CBS This Morning co-anchor DeMarco Morgan", "White House press secretary Josh
    Earnest": a person's name after a run of capitalised words and role words that describe
    them, from `low` to `high`, where the phrase rules stop at a word inside the run."""
    tokens = document.tokens
    run_start = run_ending_at(tokens, low, high)
    if run_start is None or run_start <= low or high - run_start > 3:
        return None
    if not person_run(tokens, run_start, high):
        return None
    for index in range(low, run_start):
        word, lower = tokens.words[index], tokens.lowers[index]
        if not document.outside(index) or lower in _SUBORDINATORS or lower in PRONOUNS:
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
    return word.endswith(PARTICIPLE_SUFFIX) and speech_verbs().base(word) != word


def cue_before(document: Document, low: int, high: int) -> Cue | None:
    """A cue in the same sentence before a quotation: `Cruz said, "…"`, `called it "…"`."""
    lowers = document.tokens.lowers
    index = high
    tries = 0
    if high >= low and document.tokens.words[high] == ":":
        # "Pollsters agree - Carl Bialik: '…'": the name just before the colon, not a verb
        # further back.
        labelled = _headline_cue(document, low, high)
        if labelled is not None and labelled.mention.start > low:
            return labelled
    while index >= low and tries < _VERB_TRIES:
        if not document.outside(index):
            index -= 1
            continue
        if document.tokens.words[index] in _LONG_DASHES:
            opening = _opening_dash(document, low, index, _LONG_DASHES)
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
            index -= 1  # "As Blumenthal spoke, the NRA …", "after the interview concluded,"
            continue
        tries += 1
        later = _later_clause_subject(document, index, verb_end, high)
        if later is not None:
            # "Boos rained down when Trump mentioned her, and at one point the crowd reprised
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
                        and _person_or_group(document, outer.mention)
                        and speech_verbs().base(document.tokens.lowers[outer.verb]) in _REPORTING
                    )
                ):
                    return outer  # "critics say he had proposed to 'dismantle' the ACA"
            return cue
        index -= 1
    return _headline_cue(document, low, high)


def _later_clause_subject(document: Document, verb: int, verb_end: int, high: int) -> Cue | None:
    """The subject of a clause joined after the verb's ("…, and the crowd reprised", "… - but
    the Sanders campaign rejected the idea as"), when the quotation (after `high`) is in it.

    Not after a verb that reports what follows ("McConnell said the US must act, but instead
    Obama is giving them '…'"): that clause is still what was said."""
    words, lowers = document.tokens.words, document.tokens.lowers
    if speech_verbs().base(lowers[verb]) in _REPORTING | {"warn", "note", "suggest"}:
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
        if document.tokens.capitalised[finite] or not (
            lower.endswith("ed") or lower in _AUXILIARIES
        ):
            continue
        end = _skip_back_modifiers(document, start, finite - 1)
        subject = phrase_ending_at(document.tokens, start, end)
        if subject is None or subject.kind not in {NAME, NOMINAL}:
            return None
        if subject.kind == NOMINAL and not _person_or_group(document, subject):
            return None
        return Cue(subject, finite, finite)
    return None


def _asked_by(document: Document, verb: int, verb_end: int, high: int) -> Mention | None:
    """ "Sanders was asked by host Bill Maher, '…'", "Asked by Thrush if Clinton 'gets' race":
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
    """A speech verb that ends a subordinate clause without saying anything ("As Blumenthal
    spoke, …", "after the interview concluded, …"): not the cue of what follows."""
    words, lowers = document.tokens.words, document.tokens.lowers
    if verb_end + 1 > high or words[verb_end + 1] != ",":
        return False
    if not any(words[i][0].isalnum() for i in range(verb_end + 2, high + 1)):
        return False  # "As Vulture put it, '…'": the clause introduces the quotation
    for index in range(verb - 1, max(low, verb - _SUBORDINATE_REACH) - 1, -1):
        if not words[index][0].isalnum():
            return False
        if lowers[index] == "as":
            # "As The Daily Caller reported, …" introduces; "As Blumenthal spoke, …" does not.
            return speech_verbs().base(lowers[verb]) in {"speak", "talk"}
        if lowers[index] in _SUBORDINATORS - {"and", "but"}:
            return True
    return False


#: How long a subordinate clause before its verb may be: "after the Sanders interview".
_SUBORDINATE_REACH = 8


def _inverted_subject(
    document: Document, low: int, verb: int, verb_end: int, high: int
) -> Mention | None:
    """ "In other words, explained CBS moderator Nancy Cordes: '…'": the speaker right after
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
    if mention.kind == NOMINAL and not _person_or_group(document, mention):
        return None
    return mention


def _relative_clause_between(document: Document, last: int, high: int) -> bool:
    """ "Said Dorothy Poynter, who grew up with Ali, '…'": after the name, only a relative
    clause between commas before the quotation."""
    words, lowers = document.tokens.words, document.tokens.lowers
    return (
        last + 2 < high
        and words[last + 1] == ","
        and lowers[last + 2] in _RELATIVES
        and high - last <= _RELATIVE_REACH
        and words[high] == ","
        and all(document.outside(i) and words[i] != ":" for i in range(last + 1, high))
    )


def _that_clause(document: Document, verb_end: int, high: int) -> bool:
    """ "posted on his Facebook page that refugees should '…'": a weak verb whose "that"
    clause, a few words on, holds the quotation."""
    lowers = document.tokens.lowers
    if verb_end + 1 <= high and lowers[verb_end + 1] in _CLAUSE_PRONOUNS:
        return True  # "a member of the family suggested they tweet a picture of '…'"
    for index in range(verb_end + 1, min(high, verb_end + _THAT_REACH) + 1):
        if lowers[index] == "that":
            return True
        if not document.tokens.words[index][0].isalnum():
            return False
    return False


#: Subjects that open a reported clause without "that": "suggested they tweet …".
_CLAUSE_PRONOUNS = frozenset({"they", "he", "she", "we", "i"})
#: How far after a weak verb its "that" may come: "posted on his Facebook page that".
_THAT_REACH = 8


def _words_between(document: Document, verb_end: int, high: int) -> int:
    return sum(1 for i in range(verb_end + 1, high + 1) if document.tokens.words[i][0].isalnum())


def _subject_of_verb(document: Document, low: int, verb: int) -> tuple[Mention, str | None] | None:
    words, lowers = document.tokens.words, document.tokens.lowers
    if lowers[verb].endswith("ing"):
        with_subject = _with_phrase(document, low, verb - 1)
        if with_subject is None and verb - 1 > low and lowers[verb - 1] == "and":
            # "with Donald Trump tweeting that it was a 'disaster' and asking, '…'"
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
            return with_subject, None  # "with Trump reportedly yelling: …"
        absolute = _absolute_subject(document, low, verb - 1)
        if absolute is not None:
            return absolute, None  # "a statement – Ryan saying he was '…'"
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
        # "Netanyahu rejected the proposal, saying ...", "posted a message reading ...": the
        # subject of the main clause, not the noun just before the participle.
        end = verb - 2 if verb - 1 >= low and words[verb - 1] in {",", "—", "–"} else verb - 1
        if end < verb - 1:
            said = _speaker_just_before(document, low, end)
            if said is not None:
                return said  # "Ryan and Trump will meet, Spicer said, adding, …"
            subordinate = _subordinate_subject(document, low, end)
            if subordinate is not None:
                return subordinate, None
        return clause_subject(document, low, end)
    if verb - 1 >= low and lowers[verb - 1] == "to":
        return _controller(document, low, verb - 2)
    before = _skip_back_modifiers(document, low, verb - 1)
    if before >= low and lowers[before] in {"and", "but", "then", "or"}:
        # "Carson took the stage at the Grand Hotel and called the system …": the subject of
        # the first verb of the clause (of the nearest clause: "a group of rabbis called for
        # a boycott, and the League denounced him and said …").
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
    clause's subject does it rather than the sentence's: "about 200 protesters gathered
    outside, where the police had gathered, …" no; "the arena, where about 50 protesters had
    gathered, chanting '…'", "'Who?' Clinton asks as a janitor walks in, saying he's '…'",
    "He tweeted when Clinton ended the debate with a joke, remarking, '…'".

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
        before = _skip_back_modifiers(document, low, opener - 1)
        if before < low or verb_at(document, before) is None:
            return None  # "Netanyahu rejected it when it came, saying …": Netanyahu's
    mention = phrase_starting_at(tokens, opener + 1, end)
    if mention is None or mention.kind not in {NAME, NOMINAL}:
        return None
    if mention.kind == NOMINAL and not _person_or_group(document, mention):
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
    """The subject of a speech verb that ends a clause at `end` ("…, Spicer said"), if any."""
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


#: How far back the first of two joined verbs may be: "when Cruz knocked Rubio on trade and
#: called him …".
_AGENT_REACH = 12


def _coordinated_agent(
    document: Document, low: int, high: int, verb: int
) -> tuple[Mention, str | None] | None:
    """Who does the first of two joined verbs when the clause opens with something else:
    "such as when Cruz knocked Rubio and called him …", "That prompted Rubio to make a joke
    and call Trump …" (the subject of the infinitive)."""
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
            continue  # "thanked its members “for their support” and called …"
        if not tokens.words[index][0].isalnum():
            return None
        if not (lowers[index].endswith("ed") and not tokens.capitalised[index]):
            continue
        # The verb before "and"; its subject the nearest name before it, over a time or place
        # phrase ("Sanders during a Sunday thanked its members and called …").
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
    """A name right before a participle, opening its own phrase: "both men issued a statement
    – Ryan saying he was '…' and Trump calling it '…'"."""
    high = _skip_back_modifiers(document, low, high)  # "Carson privately saying"
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
    high = _skip_back_modifiers(document, low, high)
    if high < low:
        return None
    mention = phrase_ending_at(document.tokens, low, high)
    if mention is None or mention.start - 1 < low:
        return None
    if document.tokens.lowers[mention.start - 1] != "with":
        return None
    return mention


#: How far back the person whose words an infinitive reports may be: "Lewandowski taking to
#: Twitter to call Fields …".
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
#: "Here's Clinton in December 1992:".
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
    """`More from Jones: "…"`, `Here's Clinton in December 1992: "…"`: the source a label
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
            # "Here's Clinton in December 1992:", "More from Blumenthal and Cohen:", not
            # "From the report he wrote:"
            return None
        return Cue(with_partner(document, mention, high - 1, whole=True), high, high)
    return None


def _headline_cue(document: Document, low: int, high: int) -> Cue | None:
    """`Cruz: "…"` — a name and a colon right before the quotation."""
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
                for i in range(end - 1, max(low, end - _PARENTHESIS_REACH) - 1, -1)
                if words[i] == "("
            ),
            None,
        )
        end = opening - 1 if opening is not None else end
    mention = phrase_ending_at(document.tokens, low, end)
    if mention is None or mention.kind != NAME:
        return None
    words = document.tokens.words
    if mention.start - 2 >= low and document.tokens.lowers[mention.start - 1] == "and":
        # "- Frank Newport and Jim Harter: '…'": two names, who speak together
        first = phrase_ending_at(document.tokens, low, mention.start - 2)
        if first is not None and first.kind == NAME:
            mention = with_partner(document, first, end, whole=True)
    if mention.start != low and words[mention.start - 1] not in {"—", "–", "-"}:
        return None
    return Cue(mention, high, high)


def sentence_subject(document: Document, low: int, high: int) -> Cue | None:
    """The subject of a sentence with no speech verb, for a few quoted words inside it."""
    found = clause_subject(document, low, high)
    if found is None:
        return None
    mention, appositive = found
    if mention.kind == NOMINAL and not _person_or_group(document, mention):
        return None
    if mention.kind == NAME and document.tokens.lowers[mention.first] in CAPITALISED_NON_NAMES:
        return None
    if mention.kind == PRONOUN and mention.text.lower() in _EXPLETIVES:
        return None  # "It was three years ago that …", "It's the pull of …": nobody speaks
    return Cue(mention, mention.last, mention.last, appositive)


def cue_at_sentence_end(document: Document, low: int, high: int) -> Cue | None:
    """`…, the rights group says.` — an attribution clause after a comma closing the sentence.

    The clause may carry an appositive of its own (", Howard Dean, the former governor of
    Vermont, proclaimed ..."), so each comma after the quotation is tried from the left.
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
_ASIDE_REACH = 2 * _ROLE_REACH


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
    """An inverted attribution set off by a comma: `…, said Brad Bannon, a pollster.` closing
    the sentence (`closing`), or `The paradox, says Carl Anthony, a historian, is that …`
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
            continue  # "…, told Reuters": who listened; "…, reported the Examiner": a relay
        following = lowers[verb_end + 1] if verb_end + 1 <= high else ""
        if following in _NOT_SPEAKER_STARTS or following.endswith("ly"):
            continue  # "…, said of Trump's campaign", "…, said that it …"
        if not closing and not document.tokens.capitalised[verb_end + 1]:
            continue  # inside the sentence only a name: "The paradox, says Carl Anthony, is"
        mention = phrase_starting_at(document.tokens, verb_end + 1, high, loose=True)
        if mention is None or mention.kind not in {NAME, NOMINAL}:
            continue
        if mention.kind == NOMINAL and not _person_or_group(document, mention):
            continue
        after = mention.last + 1
        if closing:
            ends = after > high or words[after] in {".", "!", "?"}
            if not ends and not (
                words[after] == "," and all(document.outside(i) for i in range(after, high + 1))
            ):
                continue
            if not ends:
                named = _named_in_appositive(document, mention, after, high)
                if named is not None:
                    # "…, said the bureau's director, James B. Comey."
                    return Cue(named[0], comma + 1, verb_end, named[1], high)
            appositive = None if ends else _appositive_text(document, after, high)
            return Cue(mention, comma + 1, verb_end, appositive, high)
        if mention.kind != NAME or after > high or words[after] != ",":
            continue
        stop = next((i for i in range(after + 1, high + 1) if words[i] == ","), after)
        if stop == after or not all(document.outside(i) for i in range(after, stop)):
            appositive = None
        else:
            appositive = _appositive_text(document, after, stop)
        return Cue(mention, comma + 1, verb_end, appositive, stop)
    return None


#: Nouns for something said: "Trump's pledge to be 'neutral'", "Romney's '47 percent' comment".
SPEECH_NOUNS = frozenset(
    """pledge pledges promise promises vow claim claims assertion assertions accusation
    accusations comment comments remark remarks statement statements words call calls
    warning warnings suggestion suggestions description slogan slogans phrase catchphrase
    response reply answer argument insistence contention conclusion charge charges
    characterization characterisation quip joke tweet tweets post message mantra refrain
    line dictum boast threat demand""".split()
)
#: How far before a quotation the noun may stand: "Podliska's most explosive claim is that
#: the House Select Committee on Benghazi is a 'witch hunt'".
_SPEECH_NOUN_REACH = 14
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def possessed_speech(document: Document, low: int, quote: QuoteTokens, high: int) -> Cue | None:
    """A quotation named as someone's words by a possessive: "Trump's controversial pledge to
    be 'neutral'", "Mitt Romney's '47 percent' comment", "Bush's Facebook post: '…'"."""
    tokens = document.tokens
    lowers = tokens.lowers
    # "Romney's '47 percent' comment": the possessive right before, the noun right after.
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

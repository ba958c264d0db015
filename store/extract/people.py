"""Who is who in one article: full names, surnames, titles, genders and pronouns.

News introduces a person once in full ("Tessa Quill, an associate fellow at the Harbour Institute")
and then says "Quill", "he" or "the fellow". `People` is built from every name outside the
quotations, then answers: which full name does this surname, title or pronoun stand for here?
When the article does not tell, it answers None: a wrong speaker is worse than none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from store.extract.grammar import (
    DETERMINERS,
    FEMININE_WORDS,
    MASCULINE_WORDS,
    without_honorifics,
)
from store.extract.kinds import NOT_SPEAKERS, Kind, name_kind
from store.extract.lexicon import (
    first_name_genders,
    pronoun_genders,
    role_nouns,
    speech_verbs,
    titles,
)
from store.extract.phrases import (
    NAME,
    NOMINAL,
    PRONOUN,
    Mention,
    is_name_word,
    is_organisation_name,
    run_starting_at,
    title_end,
)
from store.extract.tokens import Tokens

#: How many paragraphs back a pronoun may reach for its person.
_PRONOUN_REACH = 4
#: A middle initial inside a name: "J." of "Rob J. Hale".
_INITIAL = re.compile(r"^[A-Z]\.$")
#: How many different entities a pronoun weighs at most (the nearest ones).
_RECENT_LIMIT = 40
#: How many mentions back a pronoun looks at most (one endless paragraph must stay cheap).
_RECENT_MENTIONS = 200
_SHORT_TITLES = {
    "senator": "sen",
    "governor": "gov",
    "representative": "rep",
    "president": "pres",
    "general": "gen",
    "professor": "prof",
    "secretary": "sec",
}
_HEADLINE_WORDS = 4
_HEADLINE_SHARE = 0.7
_ROLE_REACH = 16
#: "Ines Calloway, the harbourmaster,": a short "the …" appositive is a role.
_SHORT_APPOSITIVE = 4
_ROLE_BEFORE = 4
_NOT_DESCRIPTIONS = frozenset("by with and of from to for said says in on at as".split())
#: Words that open a sentence before its subject: "On Friday, Vale said".
_OPENER_WORDS = frozenset(
    """on in at after before during since earlier later meanwhile however still yet instead
    separately last this next but and so asked speaking""".split()
)
#: How many words a sentence may open with before its subject ("In an interview on Friday,").
_OPENER_REACH = 8
#: Pronouns opening a sentence that speak of the previous sentence's subject.
_OPENING_GENDER = {"he": "m", "his": "m", "she": "f", "her": "f"}
#: Pronouns in a sentence that names one person only that speak of that person ("him" and
#: "her" are left out: "Vale thanked her" speaks of someone else).
_SENTENCE_GENDER = {"he": "m", "his": "m", "himself": "m", "she": "f", "herself": "f"}
#: How far into a sentence its pronouns are read (an endless sentence must stay cheap).
_GENDER_REACH = 80
#: How many times the votes for one gender must outnumber the other's to count.
_GENDER_MAJORITY = 2
_HONORIFIC_GENDER = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "sir": "m",
    "dame": "f",
    "lady": "f",
    "lord": "m",
}


@dataclass
class Entity:
    """A person or organisation the article names."""

    name: str
    organisation: bool
    #: What the text says ("Ms.", "spokeswoman", a pronoun already resolved to them): binding.
    gender: str | None = None
    #: What the first name suggests ("Margaret"): rules out the other pronoun, ranks nothing.
    name_gender: str | None = None
    #: What the text suggests ("Tefe counts otters. Her survey …"): a preference among those
    #: a pronoun may mean.
    text_gender: str | None = None
    roles: list[str] = field(default_factory=list)
    #: Token positions where the article names it outside quotations; subject-like ones apart.
    mentions: list[int] = field(default_factory=list)
    salient: list[int] = field(default_factory=list)
    #: What the words of the name tell: a place or a date never speaks as "he" or "they".
    kind: Kind = Kind.UNKNOWN

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower()

    @property
    def given(self) -> str | None:
        parts = self.name.split()
        return parts[0].lower() if len(parts) > 1 else None

    def last_before(self, positions: list[int], at: int) -> int:
        """The last of the sorted `positions` before `at`, or -1."""
        index = bisect.bisect_left(positions, at)
        return positions[index - 1] if index else -1

    def last_named(self, at: int) -> int:
        """Where the article last named or credited it before `at`, or -1."""
        return max(self.last_before(self.mentions, at), self.last_before(self.salient, at))

    def role(self) -> str | None:
        """The first role the article gives."""
        return self.roles[0] if self.roles else None


class People:
    """The entities of one article and the rules that resolve mentions to them."""

    def __init__(
        self,
        tokens: Tokens,
        outside: list[bool],
        paragraph_of: list[int],
        sentence_starts: set[int],
        known: frozenset[str] = frozenset(),
    ) -> None:
        self.tokens = tokens
        self.paragraph_of = paragraph_of
        #: Surnames known from the article around this text (a quotation read on its own).
        self.known = known
        self.entities: list[Entity] = []
        # Indexes, so that no lookup walks every entity (an article may name thousands).
        self._by_name: dict[str, Entity] = {}
        self._by_surname: dict[str, list[Entity]] = {}
        self._by_given: dict[str, list[Entity]] = {}
        self._by_role_word: dict[str, list[Entity]] = {}
        #: Every mention in text order (positions, and the entity at each): names found up
        #: front, and speakers credited as attribution walks the text (so nearly in order).
        self._timeline: list[int] = []
        self._timeline_entities: list[Entity] = []
        self._credited: list[int] = []
        self._credited_entities: list[Entity] = []
        #: Organisations by each word of their names: "the department" is the Department of
        #: Transport named before.
        self._by_org_word: dict[str, list[Entity]] = {}
        self._outside = outside
        self._collect(outside, sentence_starts)
        self._starts = sorted(sentence_starts)
        self._learn_genders(self._starts, outside)

    # -- building -------------------------------------------------------------------------

    def _collect(self, outside: list[bool], sentence_starts: set[int]) -> None:
        tokens = self.tokens
        count = len(tokens)
        headline = self._title_case_paragraphs()
        index = 0
        while index < count:
            if not outside[index] or not is_name_word(tokens, index):
                index += 1
                continue
            end = run_starting_at(tokens, index, count - 1)
            assert end is not None
            while end > index and not outside[end]:
                end -= 1
            if (
                self.paragraph_of[index] not in headline
                and not self._describes(end)
                and not self._dateline(index, end)
            ):
                self._add_run(index, end, sentence_starts)
            index = end + 1

    def _learn_genders(self, starts: list[int], outside: list[bool]) -> None:
        """What the article's own pronouns say of each person's gender, weighed as votes.

        "Oyelaran Tefe, a marine biologist, counts otters. Her survey …": a sentence opening
        with he, she, his or her most likely speaks of the one person who was the subject of
        the sentence before it; "Tefe said she would stay": a sentence naming one person only
        and saying "she" speaks of her. One stray vote ("Tefe said she, the mayor, …") must not
        outweigh the rest, and a first name the lists know is not overruled.
        """
        votes: dict[int, list[int]] = {}
        people: dict[int, Entity] = {}
        lowers = self.tokens.lowers
        count = len(self.tokens)
        previous: dict[int, Entity] = {}
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else count
            named, subjects, first_named = self._people_between(start, end)
            opening = _OPENING_GENDER.get(lowers[start]) if start < count else None
            if opening is not None and len(previous) == 1:
                self._vote(votes, people, next(iter(previous.values())), opening)
            # Only pronouns after the name: in "her adviser, Ed Pry, said" "her" is someone else.
            genders = {
                _SENTENCE_GENDER[lowers[i]]
                for i in range(first_named + 1, min(end, first_named + _GENDER_REACH))
                if outside[i] and lowers[i] in _SENTENCE_GENDER
            }
            if len(named) == 1 and len(genders) == 1:
                self._vote(votes, people, next(iter(named.values())), genders.pop())
            previous = subjects
        for key, (masculine, feminine) in votes.items():
            entity = people[key]
            gender = "m" if masculine > feminine else "f"
            if max(masculine, feminine) < _GENDER_MAJORITY * min(masculine, feminine):
                continue
            if entity.name_gender not in {None, gender} or entity.gender not in {None, gender}:
                continue
            # Only a preference: the text may mislead.
            entity.text_gender = entity.text_gender or gender

    def _people_between(
        self, start: int, end: int
    ) -> tuple[dict[int, Entity], dict[int, Entity], int]:
        """The people named from `start` to before `end`, those of them named as subjects, and
        where the first of them is named (`end` when nobody is)."""
        first = bisect.bisect_left(self._timeline, start)
        last = bisect.bisect_left(self._timeline, end)
        named: dict[int, Entity] = {}
        subjects: dict[int, Entity] = {}
        first_named = end
        for position, entity in zip(
            self._timeline[first:last], self._timeline_entities[first:last], strict=True
        ):
            if entity.organisation:
                continue
            named[id(entity)] = entity
            first_named = min(first_named, position)
            if _holds(entity.salient, position):
                subjects[id(entity)] = entity
        return named, subjects, first_named

    @staticmethod
    def _vote(
        votes: dict[int, list[int]], people: dict[int, Entity], entity: Entity, gender: str
    ) -> None:
        people[id(entity)] = entity
        votes.setdefault(id(entity), [0, 0])[0 if gender == "m" else 1] += 1

    def _title_case_paragraphs(self) -> set[int]:
        """Headlines in Title Case ("Ledger Quietly Confuses Rob Hale With …") name nobody
        reliably: every word is capitalised."""
        tokens = self.tokens
        paragraphs = (self.paragraph_of[-1] + 1) if self.paragraph_of else 0
        words = [0] * paragraphs
        capitals = [0] * paragraphs
        for word, capital, paragraph in zip(
            tokens.words, tokens.capitalised, self.paragraph_of, strict=False
        ):
            if word[0].isalpha():
                words[paragraph] += 1
                capitals[paragraph] += capital
        return {
            paragraph
            for paragraph in range(paragraphs)
            if words[paragraph] >= _HEADLINE_WORDS
            and capitals[paragraph] / words[paragraph] >= _HEADLINE_SHARE
        }

    def _dateline(self, first: int, last: int) -> bool:
        """ "PORT ARDITH, Vale —" opening a paragraph names the place of the story, not a person
        (and "Port Ardith" later is that place)."""
        tokens = self.tokens
        following = last + 1
        return (
            (first == 0 or self.paragraph_of[first - 1] != self.paragraph_of[first])
            and all(tokens.words[i].isupper() for i in range(first, following))
            and following < len(tokens)
            and tokens.words[following] in {",", "(", "—", "–", "-"}
        )

    def _describes(self, end: int) -> bool:
        """ "Harbour Party candidate Rob Hale": capitalised words before a role noun."""
        following = end + 1
        return following < len(self.tokens) and (
            not self.tokens.capitalised[following] and self.tokens.lowers[following] in role_nouns()
        )

    def _add_run(self, first: int, last: int, sentence_starts: set[int]) -> None:
        tokens = self.tokens
        name_start = title_end(tokens, first, last)
        if name_start > last:
            return
        title = tokens.span_text(first, name_start - 1) if name_start > first else None
        words = tokens.name_text(name_start, last).split()
        organisation = is_organisation_name(tokens, name_start, last) or (
            first > 0 and tokens.lowers[first - 1] == "the" and not title
        )
        honorific = tokens.lowers[first - 1] if first > 0 else ""
        gender = _HONORIFIC_GENDER.get(honorific) or _HONORIFIC_GENDER.get((title or "").lower())
        subject = self._is_subject(first, sentence_starts)
        opened = not subject and self._after_opener(first, sentence_starts)
        if len(words) == 1 and not title:
            # A lone capitalised word is a person only once the article has named them in full
            # ("Quill" after "Tessa Quill") or credited them with words (see resolve).
            entity = self._existing_single(words[0], first)
            if entity is None and words[0].lower() in self.known:
                entity = self.entity_for_name(words[0], organisation, name_start)
            if entity is not None:
                self._mention(entity, name_start, subject or (opened and _person_like(entity)))
            return
        existing = self._existing_single(words[0], first) if len(words) == 1 else None
        entity = existing or self.entity_for_name(" ".join(words), organisation, name_start)
        opened = opened and bool(
            title or gender or self._role_before(first) or _person_like(entity)
        )
        self._mention(entity, name_start, subject or opened)
        if title:
            self._add_role(entity, title)
        described = self._role_before(first)
        if described:
            self._add_role(entity, described)
        if gender and not entity.gender:
            entity.gender = gender
        appositive = self._appositive_role(last) or self._role_after_as(last)
        if appositive:
            self._add_role(entity, appositive)

    def _is_subject(self, first: int, sentence_starts: set[int]) -> bool:
        """Whether the name at `first` opens its clause, where "he" most likely finds it later:
        "Lorna Vale said", "But Vale said", "Union spokesman Ed Pry declined"."""
        opening = self._role_before_start(first)
        if opening is not None and (opening in sentence_starts or opening - 1 in sentence_starts):
            return True
        return first in sentence_starts or first - 1 in sentence_starts

    def _after_opener(self, first: int, sentence_starts: set[int]) -> bool:
        """ "On Friday, Vale said", "On Monday, union spokesman Ed Pry said": a name after a
        short opening phrase, likely the subject (though "In that sense, Kessel Point was …"
        names a place: the caller asks for more)."""
        lowers = self.tokens.lowers
        first = self._role_before_start(first) or first
        if first == 0 or lowers[first - 1] != ",":
            return False
        start = next(
            (
                i
                for i in range(first - 2, max(-1, first - _OPENER_REACH - 2), -1)
                if i in sentence_starts
            ),
            None,
        )
        return start is not None and lowers[start] in _OPENER_WORDS

    def _role_before(self, first: int) -> str | None:
        """ "singer-songwriter Marcus Fenwick", "the VCG international spokesperson Ivo
        Brandt": a role written right before the name."""
        start = self._role_before_start(first)
        return None if start is None else self.tokens.span_text(start, first - 1)

    def _role_before_start(self, first: int) -> int | None:
        tokens = self.tokens
        if first == 0 or tokens.capitalised[first - 1] or not _role_word(tokens.lowers[first - 1]):
            return None
        start = first - 1
        while (
            start > 0
            and first - start < _ROLE_BEFORE
            and tokens.words[start - 1][0].isalpha()
            and tokens.lowers[start - 1] not in DETERMINERS
            and tokens.lowers[start - 1] not in _NOT_DESCRIPTIONS
        ):
            start -= 1
        return start

    def _appositive_role(self, last: int) -> str | None:
        """ "Hale, Vale's longest-serving harbour master, ..." gives a role."""
        tokens = self.tokens
        start = last + 1
        if start >= len(tokens) or tokens.words[start] != ",":
            return None
        stop = start + 1
        while (
            stop < len(tokens)
            and stop - start <= _ROLE_REACH
            and tokens.words[stop] not in {",", ".", ";", ":", "(", "“", '"', "—"}
        ):
            stop += 1
        if stop - start > _ROLE_REACH or stop == start + 1 or stop >= len(tokens):
            return None
        if tokens.words[stop] == "," and stop == start + 2 and tokens.words[start + 1].isdigit():
            return self._appositive_role(stop - 1)  # "Oskar Brennholt, 63, the owner of …"
        if tokens.words[stop] not in {",", ".", ";"}:
            return None  # not closed like an appositive: "…, the candidate stated that “…”"
        lowers = tokens.lowers[start + 1 : stop]
        if any(speech_verbs().base(word) is not None for word in lowers):
            return None
        first = lowers[0]
        possessive = tokens.words[start + 2 : start + 3] in (["’s"], ["'s"])
        short_title = first == "the" and len(lowers) <= _SHORT_APPOSITIVE
        has_role = any(_role_word(word) for word in lowers)
        bare = not tokens.capitalised[start + 1] and first not in {"who", "which", "whose"}
        # "a senior economist at …", "Vale's harbour master", "chief executive of …"
        if ((first in DETERMINERS or possessive) and (short_title or has_role)) or (
            bare and has_role
        ):
            return tokens.span_text(start + 1, stop - 1)
        return None

    def _role_after_as(self, last: int) -> str | None:
        """ "signed Tomas Brink as its new goalkeeper", "named Ana Ruiz as the harbour
        master": the role a verb gives the person it names."""
        tokens = self.tokens
        start = last + 1
        if start + 2 >= len(tokens) or tokens.lowers[start] != "as":
            return None
        if tokens.lowers[start + 1] not in _AS_DETERMINERS:
            return None
        for index in range(start + 2, min(len(tokens), start + 2 + _AS_ROLE_WORDS)):
            word = tokens.words[index]
            if word in {"’s", "'s"}:
                continue  # "as the club's new goalkeeper"
            if not word[0].isalpha() or not self._outside[index]:
                return None
            if _role_word(tokens.lowers[index]) and (
                index + 1 >= len(tokens)
                or not tokens.words[index + 1][0].isalpha()
                or tokens.lowers[index + 1] in {"of", "for", "at", "and", "on", "in"}
            ):
                return tokens.span_text(start + 2, index)
        return None

    def _mention(self, entity: Entity, at: int, salient: bool = False) -> None:
        """Record that the article names `entity` at token `at` (lists kept sorted)."""
        if not _holds(entity.mentions, at):
            bisect.insort(entity.mentions, at)
            index = bisect.bisect_right(self._timeline, at)
            self._timeline.insert(index, at)
            self._timeline_entities.insert(index, entity)
        if salient and not _holds(entity.salient, at):
            bisect.insort(entity.salient, at)

    def _add_role(self, entity: Entity, role: str) -> None:
        _gender_from_words(entity, role)
        role = without_honorifics(role.strip()) or ""
        if role and role not in entity.roles:
            entity.roles.append(role)
            for word in {w.strip(".,").lower() for w in role.split()}:
                self._by_role_word.setdefault(word, []).append(entity)

    def entity_for_name(self, name: str, organisation: bool, at: int) -> Entity:
        key = name.lower()
        entity = self._by_name.get(key)
        if entity is not None:
            return entity
        parts = name.split()
        # "Tobias A. Wren" is the "Tobias Wren" of the paragraph before, and the other way round.
        plain = " ".join(part for part in parts if not _INITIAL.match(part)).lower()
        if plain != key and len(plain.split()) > 1:
            entity = self._by_name.get(plain)
            if entity is not None:
                self._by_name[key] = entity
                return entity
        guess = (
            None if organisation or len(parts) < 2 else first_name_genders().get(parts[0].lower())
        )
        if len(parts) > 1:
            # "Quill" met before "Tessa Quill": the full name takes the single one over.
            single = self._by_name.get(parts[-1].lower())
            if single is not None and not single.organisation:
                del self._by_name[single.name.lower()]
                single.name = name
                single.kind = name_kind(name, single.organisation)
                single.name_gender = single.name_gender or guess
                self._by_name[key] = single
                self._by_given.setdefault(parts[0].lower(), []).append(single)
                return single
        entity = Entity(name, organisation, name_gender=guess, kind=name_kind(name, organisation))
        self.entities.append(entity)
        self._by_name[key] = entity
        if plain != key and len(plain.split()) > 1:
            self._by_name.setdefault(plain, entity)
        self._by_surname.setdefault(entity.surname, []).append(entity)
        if organisation:
            for word in {w.lower() for w in parts}:
                self._by_org_word.setdefault(word, []).append(entity)
        if entity.given:
            self._by_given.setdefault(entity.given, []).append(entity)
        return entity

    def _people_named(self, surname: str) -> list[Entity]:
        return [e for e in self._by_surname.get(surname, ()) if not e.organisation]

    def _existing_single(self, word: str, at: int) -> Entity | None:
        lower = word.lower()
        matches = self._people_named(lower)
        if not matches:
            return self._by_name.get(lower)
        return self._nearest(matches, at)

    def _nearest(self, entities: list[Entity], at: int) -> Entity:
        """For a surname: the one the article quotes or makes the subject most, then the one
        named last before `at`, else the first named after it ("Vane said" after "Cora
        Vane and her husband, Piet Vane, …" is still Cora Vane)."""
        if len({id(e) for e in entities}) > 1:
            most = max(len(e.salient) for e in entities)
            leaders = [e for e in entities if len(e.salient) == most]
            entities = leaders if most > 0 else entities
        before = [(e.last_named(at), e) for e in entities]
        best = max(before, key=lambda pair: pair[0])
        if best[0] >= 0:
            return best[1]
        return min(entities, key=lambda e: e.mentions[0] if e.mentions else 1 << 30)

    # -- resolving ------------------------------------------------------------------------

    def resolve(self, mention: Mention, at: int) -> Entity | None:
        if mention.kind == PRONOUN:
            return self.resolve_pronoun(mention.text.lower(), at)
        if mention.kind == NAME:
            return self._resolve_name(mention, at)
        if mention.kind == NOMINAL:
            return self._resolve_description(mention, at)
        return None

    def _resolve_name(self, mention: Mention, at: int) -> Entity:
        words = mention.text.split()
        if len(words) == 1 and not mention.organisation:
            lower = words[0].lower()
            matches = self._people_named(lower)
            if not matches:
                matches = [
                    e
                    for e in self._by_given.get(lower, ())
                    if e.given == lower and not e.organisation
                ]
                if len({e.name for e in matches}) > 1:
                    matches = []
            if matches:
                entity = self._nearest(matches, at)
                self._learn(entity, mention)
                return entity
        entity = self.entity_for_name(mention.text, mention.organisation, at)
        self._mention(entity, at)
        self._learn(entity, mention)
        return entity

    def _learn(self, entity: Entity, mention: Mention) -> None:
        if mention.role:
            self._add_role(entity, mention.role)

    def _resolve_description(self, mention: Mention, at: int) -> Entity | None:
        """ "the prime minister", "the Vale senator", "the union", "an analyst"."""
        tokens = self.tokens
        words = [w.lower().strip(".") for w in mention.text.split()]
        while words and (words[0] in DETERMINERS or words[0] in {"’s", "'s"}):
            words = words[1:]
        if not words:
            return None
        head = words[-1]
        head_phrase = " ".join(words[-2:]) if len(words) > 1 else head
        if mention.organisation:
            candidates = [e for e in self._by_surname.get(head, ()) if e.organisation]
            if not candidates:
                # "the department" for the Department of Transport named before it.
                candidates = [
                    e for e in self._by_org_word.get(head, ()) if self._named_lately(e, at)
                ]
        else:
            holders = {
                id(e): e
                for word in (head, _SHORT_TITLES.get(head, head))
                for e in _around(self._by_role_word.get(word, []), at)
            }
            candidates = [
                e
                for e in holders.values()
                if not e.organisation
                and any(_role_has(role, head_phrase, head) for role in e.roles)
            ]
            modifiers = [w for w in words[:-1] if w not in titles() and w not in role_nouns()]
            if modifiers and len(candidates) > 1:
                narrowed = [
                    e for e in candidates if any(m in " ".join(e.roles).lower() for m in modifiers)
                ]
                candidates = narrowed or candidates
        if not candidates:
            return None
        if len(candidates) > 1 and len({e.name for e in candidates}) > 1:
            before = [e for e in candidates if e.last_named(at) >= 0]
            if not before:
                return None  # several holders introduced later: do not guess
            candidates = before
        del tokens
        return self._nearest(candidates, at)

    def _named_lately(self, entity: Entity, at: int) -> bool:
        """Named before `at`, within a pronoun's reach of paragraphs."""
        last = entity.last_named(at)
        return last >= 0 and self.paragraph_of[at] - self.paragraph_of[last] <= _PRONOUN_REACH

    def resolve_pronoun(self, pronoun: str, at: int) -> Entity | None:
        gender = pronoun_genders().get(pronoun)
        if gender in {None, "s"}:
            return None  # "I", "we": the writer or a group, not a person we can name
        paragraph = self.paragraph_of[at] if at < len(self.paragraph_of) else 0
        wants_organisation = gender in {"n", "p"}
        best: tuple[tuple[int, int, int, int], Entity] | None = None
        for entity in self._recent(at, paragraph):
            if entity.organisation != wants_organisation and not (
                gender == "p" and entity.organisation
            ):
                continue
            if entity.kind in NOT_SPEAKERS and not (entity.gender or entity.roles):
                continue  # "Thanksgiving Day", "Nova Scotia Province", "Baker Street"
            if gender in {"m", "f"} and entity.gender and entity.gender != gender:
                continue
            last = entity.last_named(at)
            salient = entity.last_before(entity.salient, at)
            if salient >= 0 and paragraph - self.paragraph_of[salient] > _PRONOUN_REACH - 1:
                salient = -1
            if (
                gender in {"m", "f"}
                and not entity.gender
                and (entity.text_gender or entity.name_gender) not in {None, gender}
            ):
                continue  # "Margaret" is not "he"; nor is the one the text calls "she"
            # The last speaker or subject first, then the nearest; what the text says of their
            # gender only breaks ties.
            fits = 2 * (entity.gender == gender) + (entity.text_gender == gender)
            here = 1 if self.paragraph_of[max(salient, last)] == paragraph else 0
            rank = (1 if salient >= 0 else 0, here, salient if salient >= 0 else last, fits)
            if best is None or rank > best[0]:
                best = (rank, entity)
        if best is None:
            return None
        entity = best[1]
        if gender in {"m", "f"}:
            entity = self._just_introduced(at, gender, entity) or entity
        if gender in {"m", "f"} and not entity.text_gender:
            entity.text_gender = gender  # a preference only: this answer may be wrong
        return entity

    def _just_introduced(self, at: int, gender: str, chosen: Entity) -> Entity | None:
        """The one person of `gender` the sentence before names, when the chosen one was
        last a subject before it: "…, said Ed Pry. Ana Soto, a diver, found the cracks. “…,”
        she said." is Soto even when an earlier woman spoke last."""
        number = bisect.bisect_right(self._starts, at) - 1
        if number < 1:
            return None
        low, high = self._starts[number - 1], self._starts[number]
        if chosen.last_before(chosen.salient, at) >= low:
            return None
        pronoun = "he" if gender == "m" else "she"
        if any(
            self.tokens.lowers[i] == pronoun and self._outside[i]
            for i in range(low, min(high, low + _GENDER_REACH))
        ):
            return None  # "He nodded to Brack.": the one spoken of before is still the subject
        first = bisect.bisect_left(self._timeline, low)
        last = bisect.bisect_left(self._timeline, high)
        matching = {
            id(entity): entity
            for entity in self._timeline_entities[first:last]
            if not entity.organisation
            and gender in {entity.gender, entity.text_gender, entity.name_gender}
            and entity.gender in {None, gender}
        }
        return next(iter(matching.values())) if len(matching) == 1 else None

    def role_holders(self, role: str) -> list[Entity]:
        """The entities the article gives exactly this role."""
        words = [w.strip(".,").lower() for w in role.split()]
        if not words:
            return []
        wanted = role.lower()
        return [
            e
            for e in self._by_role_word.get(words[-1], ())
            if any(r.lower() == wanted for r in e.roles)
        ]

    def _recent(self, at: int, paragraph: int) -> list[Entity]:
        """Entities named or credited before `at` within reach of a pronoun, nearest first."""
        seen: dict[int, Entity] = {}
        for positions, entities in (
            (self._credited, self._credited_entities),
            (self._timeline, self._timeline_entities),
        ):
            index = bisect.bisect_left(positions, at) - 1
            stop = max(-1, index - _RECENT_MENTIONS)
            while index > stop and len(seen) < _RECENT_LIMIT:
                if paragraph - self.paragraph_of[positions[index]] > _PRONOUN_REACH:
                    break
                entity = entities[index]
                seen.setdefault(id(entity), entity)
                index -= 1
        return list(seen.values())

    def mentions_between(self, low: int, high: int) -> Iterator[tuple[int, Entity, bool]]:
        """Every mention from token `low` to `high`: (position, entity, credited), where a
        credited one is a speaker attribution found (a pronoun or description resolved)."""
        for positions, entities, credited in (
            (self._timeline, self._timeline_entities, False),
            (self._credited, self._credited_entities, True),
        ):
            index = bisect.bisect_left(positions, low)
            while index < len(positions) and positions[index] <= high:
                yield positions[index], entities[index], credited
                index += 1

    def note_speaker(self, entity: Entity, at: int) -> None:
        """A speaker is what a following "he said" most likely means."""
        if _holds(entity.salient, at):
            return
        bisect.insort(entity.salient, at)
        # Attribution walks the text in order, so these inserts land at or near the end.
        index = bisect.bisect_right(self._credited, at)
        self._credited.insert(index, at)
        self._credited_entities.insert(index, entity)


#: What may stand between "as" and a role: "as its new goalkeeper", "as the harbour master".
_AS_DETERMINERS = frozenset({"its", "their", "the", "his", "her", "our", "a", "an"})
_AS_ROLE_WORDS = 4

#: Holders of a role weighed for "the mayor": the ones introduced last before it, and a few after
#: (an article with a hundred mayors must not cost a hundred comparisons per mention).
_HOLDERS_BEFORE = 20
_HOLDERS_AFTER = 5


def _gender_from_words(entity: Entity, role: str) -> None:
    """ "spokeswoman", "Mrs", "Sir": what the words the text gives a person say of them."""
    if entity.gender:
        return
    words = {word.strip(".,").lower() for word in role.split()}
    if words & FEMININE_WORDS:
        entity.gender = "f"
    elif words & MASCULINE_WORDS:
        entity.gender = "m"


def _around(holders: list[Entity], at: int) -> list[Entity]:
    """The holders introduced nearest before `at` and just after it (the list is in the order
    the article introduces them)."""
    firsts = [entity.mentions[0] if entity.mentions else -1 for entity in holders]
    if len(holders) <= _HOLDERS_BEFORE + _HOLDERS_AFTER:
        return holders
    index = bisect.bisect_left(firsts, at)
    return holders[max(0, index - _HOLDERS_BEFORE) : index + _HOLDERS_AFTER]


def _role_word(word: str) -> bool:
    """A role noun, also as the last part of a compound ("singer-songwriter")."""
    return word in role_nouns() or word.rsplit("-", 1)[-1] in role_nouns()


def _person_like(entity: Entity) -> bool:
    """Whether the article has shown `entity` to be a person so far: a first name the lists
    know, a gender, a role, or an earlier place as a subject."""
    return not entity.organisation and bool(
        entity.name_gender or entity.gender or entity.roles or entity.salient
    )


def _holds(positions: list[int], at: int) -> bool:
    index = bisect.bisect_left(positions, at)
    return index < len(positions) and positions[index] == at


def _role_has(role: str, phrase: str, head: str) -> bool:
    words = [w.strip(".,").lower() for w in role.split()]
    text = " ".join(words)
    if " " in phrase and phrase in text:
        return True
    if head in words:
        return True
    # "Sen." for "senator", "Gov." for "governor", "Rep." for "representative".
    return _SHORT_TITLES.get(head, "\0") in words


__all__ = ["NAME", "NOMINAL", "PRONOUN", "Entity", "People"]

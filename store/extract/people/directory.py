"""`People`: the entities of one article, indexed, and how a mention resolves to one of them."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator
from itertools import compress

from store.extract.grammar import (
    DETERMINERS,
    FEMININE_WORDS,
    MASCULINE_WORDS,
    PEOPLE_PREPOSITIONS,
    people_plural,
    without_article,
    without_honorifics,
)
from store.extract.kinds import Kind, name_kind
from store.extract.lexicon import (
    first_name_genders,
    given_names,
    role_abbreviations,
    role_nouns,
    titles,
    word_class,
)
from store.extract.people.entity import (
    SHORT_TITLES,
    Entity,
    around,
    gender_from_words,
    holds,
    person_like,
    role_has,
    role_word,
)
from store.extract.people.pronouns import PronounResolution
from store.extract.people.reading import TextReading
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
from store.extract.phrases.names import body_appositive, relative_after
from store.extract.tokens import Tokens

#: A middle initial inside a name: "J." of "Rob J. Hale".
INITIAL = re.compile(r"^[A-Z]\.$")
HONORIFIC_GENDER = {
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
    "shri": "m",
    "smt": "f",
    "smt.": "f",
    "shrimati": "f",
}


#: "the teenager", "the Swede": descriptions that can only be someone just spoken of.
_PERSON_EPITHETS = word_class("person-epithets") | word_class("demonyms")
#: "52-year-old": the age a description or a name's modifier gives.
_AGE_WORD = re.compile(r"^(\d{1,3})-year-old$")
#: Ages a person plausibly has; a larger number after a name is no age ("Pike, 2014,").
_OLDEST = 120


def _plausible_age(digits: str) -> int | None:
    age = int(digits)
    return age if 0 < age <= _OLDEST else None


#: Words of a role before a lone name that make it a person's: "His eldest daughter, Lotte,".
_SHORT_ROLE = 4
#: "the mother-of-two": a description of one person by their family.
_FAMILY_EPITHET = re.compile(r"^(?:grand)?(?:mother|father)-of-[a-z]+$")


def _epithet(text: str, head: str) -> bool:
    """ "the former Vale international", "the teenager", "the mother-of-two": a definite
    description that can only be someone the article just spoke of (data/closed_classes.txt,
    person-epithets and demonyms: "the Swede"); "the spokesman" or "the bar" may be anyone or
    anything."""
    return text.split()[0].lower() == "the" and (
        head in _PERSON_EPITHETS or _FAMILY_EPITHET.match(head) is not None
    )


def _people_somewhere(words: list[str]) -> bool:
    """ "residents of the town", "supporters of mayor Ana Ruiz": people (a plural role noun)
    placed by a preposition, whose last word is the place or the person they follow."""
    return any(
        word in PEOPLE_PREPOSITIONS and people_plural(words[index])
        for index, word in enumerate(words[1:])
    )


def _gender_of_words(words: list[str]) -> str | None:
    """ "the 61-year-old grandmother" is a woman; "the 61-year-old" says nothing."""
    found = set(words)
    if found & FEMININE_WORDS:
        return "f"
    if found & MASCULINE_WORDS:
        return "m"
    return None


#: A possessive inside a name ran two names together ("Reuters’ Luciana Lopez"): it is not a
#: longer form of the second one.
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s?(?:\s|$)")
#: "chief executive" -> "ceo": the abbreviation a role may be written as.
_ABBREVIATIONS_OF = {role: short for short, role in role_abbreviations().items()}


class People(TextReading, PronounResolution):
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
        self._quoting: set[int] | None = None
        #: The name runs read from each start to the end of the text (Outlets.learn reads them
        #: again).
        self.runs: dict[int, int] = {}
        self._collect(outside, sentence_starts)
        self._starts = sorted(sentence_starts)
        self._learn_genders(self._starts, outside)

    # -- building -------------------------------------------------------------------------

    def _collect(self, outside: list[bool], sentence_starts: set[int]) -> None:
        tokens = self.tokens
        count = len(tokens)
        headline = self._title_case_paragraphs()
        following = 0  # where the next run may start
        # A name word is capitalised: only those tokens are visited (found by a scan in C).
        for index in compress(range(count), tokens.capitalised):
            if index < following or not outside[index] or not is_name_word(tokens, index):
                continue
            end = run_starting_at(tokens, index, count - 1)
            assert end is not None
            # A name ends with its paragraph: a headline's last word is not the first line's
            # name ("Budget is fair, says Minister" / "Kavita Rao defended it").
            while end > index and self.paragraph_of[end] != self.paragraph_of[index]:
                end -= 1
            self.runs[index] = end
            while end > index and not outside[end]:
                end -= 1
            if (
                self.paragraph_of[index] not in headline
                and not self._describes(end)
                and not self._dateline(index, end)
            ):
                self._add_run(index, end, sentence_starts)
            following = end + 1

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
        gender = HONORIFIC_GENDER.get(honorific) or HONORIFIC_GENDER.get((title or "").lower())
        subject = self._is_subject(first, sentence_starts)
        opened = not subject and self._after_opener(first, sentence_starts)
        if len(words) == 1 and not title:
            # A lone capitalised word is a person only once the article has named them in full
            # ("Quill" after "Tessa Quill") or credited them with words (see resolve).
            entity = self._existing_single(words[0], first)
            body = body_appositive(self.tokens, last)
            relative = relative_after(self.tokens, last)
            # "Vexco, which runs the ferry," names a body, unless its words make it a place.
            which = body is not None or (
                relative == "which" and name_kind(words[0], False) is Kind.UNKNOWN
            )
            described = None
            if entity is None and not (organisation or which):
                # "His daughter, Lotte, worries": a person the short role before the name,
                # ending in a role noun, describes.
                described = self._role_before_comma(first, last, sentence_starts)
                if described is not None and not (
                    len(described.split()) <= _SHORT_ROLE
                    and role_word(described.split()[-1].lower())
                    and name_kind(words[0], False) is Kind.UNKNOWN
                ):
                    described = None
            if entity is None and (
                words[0].lower() in self.known or relative == "who" or which or described
            ):
                entity = self.entity_for_name(words[0], organisation or which, name_start)
            if entity is not None and described:
                self._add_role(entity, described)
            if entity is not None and body is not None:
                self._known_as(entity, body)
            if entity is not None:
                self._mention(entity, name_start, subject or (opened and person_like(entity)))
            return
        existing = self._existing_single(words[0], first) if len(words) == 1 else None
        entity = existing or self.entity_for_name(" ".join(words), organisation, name_start)
        opened = opened and bool(title or gender or self._role_before(first) or person_like(entity))
        self._mention(entity, name_start, subject or opened)
        if title:
            self._add_role(entity, title)
        described = self._role_before(first) or self._role_before_comma(
            first, last, sentence_starts
        )
        if described:
            self._add_role(entity, described)
        if gender and not entity.gender:
            entity.gender = gender
        appositive = self._appositive_role(last) or self._role_after_as(last)
        if appositive:
            self._add_role(entity, appositive)
        body = body_appositive(self.tokens, last)
        if body is not None and (entity.organisation or not person_like(entity)):
            self._known_as(entity, body)
        age = self._age_around(first, last)
        if age is not None:
            entity.ages.add(age)

    def _age_around(self, first: int, last: int) -> int | None:
        """The age written with a name: "Thorne, 52," or "52-year-old Amira Thorne"."""
        words = self.tokens.words
        after = last + 1
        if (
            after + 2 < len(words)
            and words[after] == ","
            and words[after + 1].isdigit()
            and words[after + 2] in {",", ".", ";"}
        ):
            return _plausible_age(words[after + 1])
        if first > 0 and (match := _AGE_WORD.match(self.tokens.lowers[first - 1])):
            return _plausible_age(match.group(1))
        return None

    def _known_as(self, entity: Entity, word: str) -> None:
        """The body is "the group" or "the charity" the appositive called it."""
        if not entity.organisation:
            entity.organisation = True
            entity.kind = Kind.ORGANISATION
        found = self._by_org_word.setdefault(word, [])
        if entity not in found:
            found.append(entity)

    def _mention(self, entity: Entity, at: int, salient: bool = False) -> None:
        """Record that the article names `entity` at token `at` (lists kept sorted)."""
        if not holds(entity.mentions, at):
            bisect.insort(entity.mentions, at)
            index = bisect.bisect_right(self._timeline, at)
            self._timeline.insert(index, at)
            self._timeline_entities.insert(index, entity)
        if salient and not holds(entity.salient, at):
            bisect.insort(entity.salient, at)

    def _add_role(self, entity: Entity, role: str) -> None:
        gender_from_words(entity, role)
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
        plain = " ".join(part for part in parts if not INITIAL.match(part)).lower()
        if plain != key and len(plain.split()) > 1:
            entity = self._by_name.get(plain)
            if entity is not None:
                self._by_name[key] = entity
                return entity
        longer = None if organisation else self._longer_name(key, at)
        if longer is not None:
            self._by_name[key] = longer
            return longer
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
        bare = without_article(entity.surname)
        if bare != entity.surname and not organisation:
            # "Karim al-Tamimi" is the "Tamimi" of the next paragraph too.
            self._by_surname.setdefault(bare, []).append(entity)
        if organisation:
            for word in {w.lower() for w in parts}:
                self._by_org_word.setdefault(word, []).append(entity)
        if entity.given:
            self._by_given.setdefault(entity.given, []).append(entity)
        return entity

    def _longer_name(self, key: str, at: int) -> Entity | None:
        """The person already named in full whose name ends with these two or more words:
        "Ruiz Obrera" after "Andrés Manuel Ruiz Obrera" (a double surname, as Spanish and
        Portuguese names have), "von der Haalen" after "Ingrid von der Haalen"."""
        words = key.split()
        if len(words) < 2 or words[0] in given_names():
            return None  # "Bernie Sanders" is a full name already, not the tail of another
        tail = " " + key
        found = [
            e
            for e in self._people_named(words[-1])
            if e.name.lower().endswith(tail)
            and len(e.name) > len(key)
            and not _POSSESSIVE_INSIDE.search(e.name[: -len(tail)])
        ]
        return self._nearest(found, at) if found else None

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
        if _people_somewhere(words):
            return None  # "doctors across the county": a group, not "the county engineer"
        head = words[-1]
        head_phrase = " ".join(words[-2:]) if len(words) > 1 else head
        ages = [int(m.group(1)) for w in words if (m := _AGE_WORD.match(w))]
        if ages and not mention.organisation:
            return self._of_age(ages[0], words, at)
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
                for word in (head, SHORT_TITLES.get(head, head))
                for e in around(self._by_role_word.get(word, []), at)
            }
            # "the PM" is the prime minister, "the chief executive" a "Vexco CEO".
            spelled = role_abbreviations().get(head)
            short = _ABBREVIATIONS_OF.get(head_phrase)
            if spelled is not None:
                holders.update(
                    (id(e), e) for e in around(self._by_role_word.get(spelled.split()[-1], []), at)
                )
            if short is not None:
                holders.update((id(e), e) for e in around(self._by_role_word.get(short, []), at))
            candidates = [
                e
                for e in holders.values()
                if not e.organisation
                and any(
                    role_has(role, head_phrase, head)
                    or (spelled is not None and role_has(role, spelled, spelled))
                    or (short is not None and role_has(role, short, short))
                    for role in e.roles
                )
            ]
            modifiers = [w for w in words[:-1] if w not in titles() and w not in role_nouns()]
            if modifiers and len(candidates) > 1:
                narrowed = [
                    e for e in candidates if any(m in " ".join(e.roles).lower() for m in modifiers)
                ]
                candidates = narrowed or candidates
        if not candidates:
            if mention.organisation or not _epithet(mention.text, head):
                return None
            return self._spoken_of(at, _gender_of_words(words))
        if len(candidates) > 1 and len({e.name for e in candidates}) > 1:
            before = [e for e in candidates if e.last_named(at) >= 0]
            if not before:
                return None  # several holders introduced later: do not guess
            candidates = before
        del tokens
        return self._nearest(candidates, at)

    def _of_age(self, age: int, words: list[str], at: int) -> Entity | None:
        """ "the 61-year-old", "the 61-year-old grandmother": the person the article gave that
        age; else the person the same paragraph spoke of last (as "he" or "she" would be
        read), of the gender its words say. A paragraph later, an age the article never gave
        could be anyone's."""
        aged = [e for e in self.entities if age in e.ages and e.last_named(at) >= 0]
        if aged:
            return self._nearest(aged, at)
        entity = self._spoken_of(at, _gender_of_words(words))
        if entity is None or (entity.ages and age not in entity.ages):
            return None  # the last one spoken of is of another age
        entity.ages.add(age)
        return entity

    def _spoken_of(self, at: int, gender: str | None) -> Entity | None:
        """The person a description with nothing of its own to match ("the 23-year-old", "the
        former Vale international") stands for: the one the same paragraph spoke of last, as
        "he" or "she" would be read, or the one quoted last in the paragraph before. Further
        back it could be anyone."""
        entity = self.nearest_person(at, gender)
        if entity is None:
            return None
        paragraph = self.paragraph_of[at]
        last = entity.last_named(at)
        if last >= 0 and self.paragraph_of[last] == paragraph:
            return entity
        salient = entity.last_before(entity.salient, at)
        if (
            salient >= 0
            and self.paragraph_of[salient] == paragraph - 1
            and paragraph - 1 in self._quoting_paragraphs()
        ):
            return entity
        return None

    def _quoting_paragraphs(self) -> set[int]:
        """The paragraphs that hold a quotation (found once)."""
        if self._quoting is None:
            self._quoting = {
                self.paragraph_of[i]
                for i in compress(range(len(self._outside)), map(operator.not_, self._outside))
            }
        return self._quoting

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
        if holds(entity.salient, at):
            return
        bisect.insort(entity.salient, at)
        # Attribution walks the text in order, so these inserts land at or near the end.
        index = bisect.bisect_right(self._credited, at)
        self._credited.insert(index, at)
        self._credited_entities.insert(index, entity)

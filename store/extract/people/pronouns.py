"""Genders and pronouns: what the article's own pronouns say of each person, and whom a "he",
"she" or "they" stands for."""

from __future__ import annotations

import bisect

from store.extract.kinds import NOT_SPEAKERS, Kind
from store.extract.lexicon import pronoun_genders
from store.extract.people.entity import (
    WHOSE,
    Entity,
    holds,
)
from store.extract.people.state import PeopleState

#: How many paragraphs back a pronoun may reach for its person.
PRONOUN_REACH = 4
#: How many different entities a pronoun weighs at most (the nearest ones).
RECENT_LIMIT = 40
#: How many mentions back a pronoun looks at most (one endless paragraph must stay cheap).
RECENT_MENTIONS = 200
#: Pronouns opening a sentence that speak of the previous sentence's subject.
OPENING_GENDER = {"he": "m", "his": "m", "she": "f", "her": "f"}
#: Pronouns in a sentence that names one person only that speak of that person ("him" and
#: "her" are left out: "Vale thanked her" speaks of someone else).
SENTENCE_GENDER = {"he": "m", "his": "m", "himself": "m", "she": "f", "herself": "f"}
#: How many sentences back a chain of "he … He … he" is followed to its person.
PRONOUN_CHAIN = 3
#: How far into a sentence its pronouns are read (an endless sentence must stay cheap).
GENDER_REACH = 80
#: How many times the votes for one gender must outnumber the other's to count.
GENDER_MAJORITY = 2


def _maybe_body(entity: Entity) -> bool:
    """ "Vexco said it would study the report. They added …": a lone name nothing shows to be
    a person's (no given name, title, role or gender) may be a body's, as "it" or "they"."""
    return (
        " " not in entity.name
        and entity.kind is Kind.UNKNOWN
        and not (entity.name_gender or entity.gender or entity.text_gender or entity.roles)
    )


class PronounResolution(PeopleState):
    """Whom a pronoun stands for, and the genders the text gives (a part of `People`)."""

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
            opening = OPENING_GENDER.get(lowers[start]) if start < count else None
            if opening is not None and len(previous) == 1:
                self._vote(votes, people, next(iter(previous.values())), opening)
            # Only pronouns after the name: in "her adviser, Ed Pry, said" "her" is someone else.
            genders = {
                SENTENCE_GENDER[lowers[i]]
                for i in range(first_named + 1, min(end, first_named + GENDER_REACH))
                if outside[i] and lowers[i] in SENTENCE_GENDER
            }
            if (
                len(named) == 1
                and len(genders) == 1
                # Not "With her husband, Milton Berg, she gave …": he is hers, not "she".
                and not any(lowers[i] in WHOSE for i in range(start, first_named))
            ):
                self._vote(votes, people, next(iter(named.values())), genders.pop())
            previous = subjects
        for key, (masculine, feminine) in votes.items():
            entity = people[key]
            gender = "m" if masculine > feminine else "f"
            if max(masculine, feminine) < GENDER_MAJORITY * min(masculine, feminine):
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
            if holds(entity.salient, position):
                subjects[id(entity)] = entity
        return named, subjects, first_named

    @staticmethod
    def _vote(
        votes: dict[int, list[int]], people: dict[int, Entity], entity: Entity, gender: str
    ) -> None:
        people[id(entity)] = entity
        votes.setdefault(id(entity), [0, 0])[0 if gender == "m" else 1] += 1

    def _named_lately(self, entity: Entity, at: int) -> bool:
        """Named before `at`, within a pronoun's reach of paragraphs."""
        last = entity.last_named(at)
        return last >= 0 and self.paragraph_of[at] - self.paragraph_of[last] <= PRONOUN_REACH

    def nearest_person(self, at: int, gender: str | None) -> Entity | None:
        """The person a "he" or "she" at `at` would stand for, of `gender` or of either."""
        return self._resolve(gender, at)

    def resolve_pronoun(self, pronoun: str, at: int) -> Entity | None:
        gender = pronoun_genders().get(pronoun)
        if gender in {None, "s"}:
            return None  # "I", "we": the writer or a group, not a person we can name
        return self._resolve(gender, at)

    def _resolve(self, gender: str | None, at: int, depth: int = 0) -> Entity | None:
        """Whom a pronoun of `gender` ("m", "f", "n", "p"; None: a person of either) stands
        for; `depth`: how many sentences back a chain of pronouns has been followed."""
        paragraph = self.paragraph_of[at] if at < len(self.paragraph_of) else 0
        wants_organisation = gender in {"n", "p"}
        best: tuple[tuple[int, int, int, int], Entity] | None = None
        for entity in self._recent(at, paragraph):
            if (
                entity.organisation != wants_organisation
                and not (gender == "p" and entity.organisation)
                and not (gender in {"n", "p"} and _maybe_body(entity))
            ):
                continue
            if entity.kind in NOT_SPEAKERS and not (entity.gender or entity.roles):
                continue  # "Thanksgiving Day", "Nova Scotia Province", "Baker Street"
            if gender in {"m", "f"} and entity.gender and entity.gender != gender:
                continue
            last = entity.last_named(at)
            salient = entity.last_before(entity.salient, at)
            if salient >= 0 and paragraph - self.paragraph_of[salient] > PRONOUN_REACH - 1:
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
            entity = self._just_introduced(at, gender, entity, depth) or entity
        if gender in {"m", "f"} and not entity.text_gender:
            entity.text_gender = gender  # a preference only: this answer may be wrong
        return entity

    def _just_introduced(
        self, at: int, gender: str, chosen: Entity, depth: int = 0
    ) -> Entity | None:
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
        earlier = next(
            (
                i
                for i in range(low, min(high, low + GENDER_REACH))
                if self.tokens.lowers[i] == pronoun and self._outside[i]
            ),
            None,
        )
        first = bisect.bisect_left(self._timeline, low)
        last = bisect.bisect_left(self._timeline, high if earlier is None else earlier)
        lowers = self.tokens.lowers
        matching = {
            id(entity): entity
            for position, entity in zip(
                self._timeline[first:last], self._timeline_entities[first:last], strict=True
            )
            if not entity.organisation
            and entity.gender in {None, gender}
            and (
                gender in {entity.gender, entity.text_gender, entity.name_gender}
                # "a terse Miller agreed that she …": who stands before the sentence's own
                # "she" need only not be a man, unless someone's ("with her husband, Milton
                # Berg, she …").
                or (
                    earlier is not None
                    and entity.kind not in NOT_SPEAKERS
                    and (entity.text_gender or entity.name_gender) in {None, gender}
                    and not any(lowers[i] in WHOSE for i in range(low, position))
                )
            )
        }
        if len(matching) == 1:
            return next(iter(matching.values()))
        if earlier is None or depth >= PRONOUN_CHAIN:
            return None
        # "He nodded to Brack.": the sentence before speaks of the same one as its own "he",
        # whoever that is ("Mendoza replaced Schilling. He was reassigned. Last month, he …").
        return self._resolve(gender, earlier, depth + 1)

    def _recent(self, at: int, paragraph: int) -> list[Entity]:
        """Entities named or credited before `at` within reach of a pronoun, nearest first."""
        seen: dict[int, Entity] = {}
        for positions, entities in (
            (self._credited, self._credited_entities),
            (self._timeline, self._timeline_entities),
        ):
            index = bisect.bisect_left(positions, at) - 1
            stop = max(-1, index - RECENT_MENTIONS)
            while index > stop and len(seen) < RECENT_LIMIT:
                if paragraph - self.paragraph_of[positions[index]] > PRONOUN_REACH:
                    break
                entity = entities[index]
                seen.setdefault(id(entity), entity)
                index -= 1
        return list(seen.values())

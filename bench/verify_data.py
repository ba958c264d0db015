"""An invented newsroom archive for the verifier benchmark: articles full of attributed quotations.

The verifier's hard cases in real news are shared vocabulary, stock phrases every politician
uses ("at the end of the day", "we will not back down"), the same quotation reprinted by several
outlets, and near-duplicates (a reprint trimmed, a word changed). The generator makes all of
them: quotations are sentences from templates over real English words drawn with Zipf-like
weights, a share of sentences are stock phrases, and a share of quotations reprint a recent one
exactly or nearly. Articles carry 5-20 quotations (direct, partial and reported speech) with
speakers, roles, outlets and dates, laid out as extraction would find them.

Everything is a function of the seed: the same seed and size give the same archive, byte for
byte, on any machine.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

import verify_words as words

from store.article import Article
from store.quotation import Kind, Quotation

T = TypeVar("T")

MIN_WORDS = 5
MAX_WORDS = 60
QUOTATIONS_PER_ARTICLE = (5, 20)
#: Shares of quotation kinds among an article's quotations (the rest are direct).
PARTIAL_SHARE = 0.05
REPORTED_SHARE = 0.07
#: Shares of direct quotations that reprint a recent one word for word, or nearly.
REPRINT_SHARE = 0.04
NEAR_REPRINT_SHARE = 0.02
#: Reprints come from this many most recent direct quotations (a news cycle, not all time).
REPRINT_WINDOW = 4000
FIRST_DATE = dt.date(2016, 1, 1)
DAYS = 10 * 365

_A_BEFORE_VOWEL = re.compile(r"\b([Aa]) (?=[aeiouAEIOU])")
_SLUG = re.compile(r"[^a-z0-9]+")


class Zipf:
    """Draws items with weight 1/(rank + offset), after shuffling them with the caller's rng."""

    def __init__(self, items: Sequence[T], rng: random.Random, *, offset: float = 2.5) -> None:
        self.items = list(items)
        rng.shuffle(self.items)
        weights = [1.0 / (rank + offset) for rank in range(len(self.items))]
        self._cumulative = list(itertools.accumulate(weights))

    def __call__(self, rng: random.Random) -> T:
        index = bisect.bisect(self._cumulative, rng.random() * self._cumulative[-1])
        return self.items[min(index, len(self.items) - 1)]


def plural(noun: str) -> str:
    if noun in words.IRREGULAR_PLURALS:
        return words.IRREGULAR_PLURALS[noun]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def verb_forms(entry: str) -> tuple[str, str, str]:
    """(base, past, -ing) of a VERBS entry: "stop/stopped/stopping", "take/took" or "walk"."""
    base, *given = entry.split("/")
    past = given[0] if given else _regular_past(base)
    ing = given[1] if len(given) > 1 else _regular_ing(base)
    return base, past, ing


def _regular_past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


def _regular_ing(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "oe", "ye")) and base != "be":
        return base[:-1] + "ing"
    return base + "ing"


def _weighted(pairs: tuple[tuple[str, int], ...]) -> Callable[[random.Random], str]:
    items = [item for item, _ in pairs]
    cumulative = list(itertools.accumulate(weight for _, weight in pairs))
    return lambda rng: items[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


_DETERMINERS = _weighted(
    (
        *(("the", 12), ("our", 4), ("this", 3), ("their", 3), ("every", 1), ("a", 4)),
        *(("that", 1), ("your", 1), ("no", 1), ("any", 1)),
    )
)
_MODALS = _weighted(
    tuple(
        (modal, 1)
        for modal in (
            *("will", "would", "can", "cannot", "must", "should", "could", "will not", "won't"),
            *("can't", "need to", "have to", "want to", "may"),
        )
    )
)


@dataclass(frozen=True)
class Person:
    name: str
    surname: str
    pronoun: str
    role: str


class Speech:
    """Sentences people say in the news, and the writer's own sentences around them."""

    def __init__(self, rng: random.Random) -> None:
        countable = [n for n in words.NOUNS if n not in words.MASS_NOUNS]
        self.noun = Zipf(words.NOUNS, rng)
        self.countable = Zipf(countable, rng)
        forms = [verb_forms(entry) for entry in words.VERBS]
        self._verb = Zipf(forms, rng)
        self._intransitive = Zipf([verb_forms(e) for e in words.INTRANSITIVE_VERBS], rng)
        self.adjective = Zipf(words.ADJECTIVES, rng)
        self.adverb = Zipf(words.ADVERBS, rng)
        self.preposition = Zipf(words.PREPOSITIONS, rng, offset=1.5)
        self.institution = Zipf(words.INSTITUTIONS, rng)
        self.place = Zipf(words.PLACES, rng)
        self.when = Zipf(words.WHEN, rng)
        self.number = Zipf(words.NUMBERS, rng)
        self.stock = Zipf(words.STOCK_SENTENCES, rng, offset=4)
        self.opener = Zipf(words.STOCK_OPENERS, rng, offset=2)
        self.conjunction = Zipf(words.CONJUNCTIONS, rng, offset=1.5)
        self.topic_nouns = {
            topic: Zipf(sorted(set(nouns)), rng, offset=1.5)
            for topic, nouns in words.TOPICS.items()
        }
        self.topic = "strike"
        self.surnames: Callable[[random.Random], str] = Zipf(words.SURNAMES, rng)
        self._slots: dict[str, Callable[[random.Random], str]] = {
            "we": _weighted((("we", 5), ("I", 3), ("they", 2), ("you", 1))),
            "we_are": _weighted((("we are", 5), ("I am", 3), ("they are", 2), ("you are", 1))),
            "modal": _MODALS,
            "modal_q": _weighted(tuple((m, 1) for m in ("should", "would", "can't", "did", "do"))),
            "think": Zipf(words.THINKING_VERBS, rng),
            "verb": lambda r: self._verb(r)[0],
            "past": lambda r: self._verb(r)[1],
            "ing": lambda r: self._verb(r)[2],
            "verb_i": lambda r: self._intransitive(r)[0],
            "past_i": lambda r: self._intransitive(r)[1],
            "adj": self.adjective,
            "adv": self.adverb,
            "noun": self.topical_noun,
            "plural": lambda r: plural(self.topical_countable(r)),
            "np": self.noun_phrase,
            "np_sing": self.singular_phrase,
            "pp": lambda r: f"{self.preposition(r)} {self.noun_phrase(r, tail=False)}",
            "num": self.number,
            "unit": Zipf(words.TIME_UNITS, rng),
            "when": self.when,
            "inst": self.institution,
            "place": self.place,
            "person": self.surnames,
            "weekday": Zipf(words.WEEKDAYS, rng),
            "count": _count,
            "money": _money,
            "percent": lambda r: f"{r.randint(2, 95)} per cent",
        }
        self._clauses = [_compile(t) for t in _CLAUSES]
        self._questions = [_compile(t) for t in _QUESTIONS]
        self._reported = [_compile(t) for t in _REPORTED]
        self._narration = [_compile(t) for t in _NARRATION]

    # -- words and phrases ---------------------------------------------------------------------

    def topical_noun(self, rng: random.Random) -> str:
        if rng.random() < 0.35:
            return self.topic_nouns[self.topic](rng)
        return self.noun(rng)

    def topical_countable(self, rng: random.Random) -> str:
        noun = self.topical_noun(rng)
        return self.countable(rng) if noun in words.MASS_NOUNS else noun

    def noun_phrase(self, rng: random.Random, *, tail: bool = True) -> str:
        roll = rng.random()
        if roll < 0.18:
            head = f"the {plural(self.topical_countable(rng))}"
        elif roll < 0.26:
            head = f"{self.number(rng)} {plural(self.topical_countable(rng))}"
        else:
            head = self.singular_phrase(rng)
        if tail and rng.random() < 0.2:
            head += f" {self.preposition(rng)} {self.noun_phrase(rng, tail=False)}"
        return head

    def singular_phrase(self, rng: random.Random) -> str:
        determiner = _DETERMINERS(rng)
        adjective = f"{self.adjective(rng)} " if rng.random() < 0.4 else ""
        noun = self.topical_noun(rng)
        if determiner in ("a", "every") and noun in words.MASS_NOUNS:
            determiner = "the"
        return f"{determiner} {adjective}{noun}"

    # -- what people say -----------------------------------------------------------------------

    def sentence(self, rng: random.Random) -> str:
        roll = rng.random()
        if roll < 0.12:
            return self.stock(rng) + ("!" if rng.random() < 0.1 else ".")
        if roll < 0.2:
            return _capitalise(self._render(rng.choice(self._questions), rng)) + "?"
        body = self._render(rng.choice(self._clauses), rng)
        if rng.random() < 0.3:
            second = self._render(rng.choice(self._clauses), rng)
            body += f"{_spaced(self.conjunction(rng))}{second}"
        if rng.random() < 0.1:
            opener = self.opener(rng)
            mark = ":" if opener.startswith("Let me") else ","
            body = f"{opener}{mark} {body}"
        return _capitalise(body) + "."

    def quotation(self, rng: random.Random) -> str:
        """A direct quotation of 5-60 words: one sentence or several."""
        target = min(MAX_WORDS, max(MIN_WORDS, round(rng.lognormvariate(3.0, 0.55))))
        sentences: list[str] = []
        count = 0
        while count < target:
            sentence = self.sentence(rng)
            size = len(sentence.split())
            if count + size > MAX_WORDS:
                if count >= MIN_WORDS:
                    break
                continue
            sentences.append(sentence)
            count += size
        return " ".join(sentences)

    def partial(self, rng: random.Random) -> str:
        """A few words quoted inside the writer's sentence: "a betrayal of every family"."""
        while True:
            phrase = f"{self.noun_phrase(rng, tail=False)} {self.preposition(rng)} "
            phrase += self.noun_phrase(rng)
            if MIN_WORDS <= len(phrase.split()) <= 12:
                return phrase

    def reported(self, rng: random.Random) -> str:
        """What someone said, in the writer's words: "the council would review the plan"."""
        return self._render(rng.choice(self._reported), rng)

    def narration(self, rng: random.Random) -> str:
        return _capitalise(self._render(rng.choice(self._narration), rng)) + "."

    def _render(self, template: list[tuple[bool, str]], rng: random.Random) -> str:
        text = "".join(self._slots[part](rng) if slot else part for slot, part in template)
        return _A_BEFORE_VOWEL.sub(r"\1n ", text)


_CLAUSES = (
    "{we} {modal} {verb} {np}",
    "{we} {modal} {verb} {np} {pp}",
    "{we} {modal} {adv} {verb} {np}",
    "{we} {past} {np} {when}",
    "{we} {past} {np} {pp}",
    "{we} have been {ing} {np} for {num} {unit}",
    "{we_are} {adv} {adj} about {np}",
    "{we_are} going to {verb} {np} {when}",
    "{we_are} not going to {verb} {np}",
    "this is a {adj} {noun}",
    "this is about {np}",
    "this is not about {np}, it is about {np}",
    "there is no {noun} for {np}",
    "there are {num} {plural} {pp}",
    "{np_sing} is {adv} {adj}",
    "the {plural} are {adj}",
    "it is {adj} to {verb} {np}",
    "nobody wants to {verb} {np}",
    "{we} need to {verb} {np} {when}",
    "if {we} {verb} {np}, {we} {modal} {verb} {np}",
    "{we} {verb} {np} every day",
    "{we} did not {verb} {np}",
    "{we} {past} {np} because {inst} {past} {np}",
    "what {we} {verb} is {np}",
    "{person} {past} {np}",
    "the people of {place} {modal} {verb} {np}",
    "{we} cannot {verb} {np} without {np}",
    "{inst} {modal} {verb} {np}",
    "{inst} {past} {np} {when}",
    "{we} {think} {inst} {modal} {verb} {np}",
    "{we} {think} {np_sing} is {adj}",
    "{we} have {num} {plural} and no {noun}",
    "{we} {modal} {verb} {np} and {verb} {np}",
    "{we} were {adv} {adj} when {inst} {past} {np}",
    "nobody in {place} {modal} {verb} {np}",
    "{we} {modal} {verb_i} {when}",
    "{we} will not {verb_i} until {inst} {past} {np}",
    "{inst} {past_i} {when}",
    "{we} {past_i} because {np_sing} was {adj}",
    "{we} have lost {count} {plural} {when}",
    "{count} {plural} {modal} {verb} {np}",
    "it will cost {money} to {verb} {np}",
    "{inst} {past} {money} from {np}",
    "{np_sing} has risen by {percent}",
    "{we} need {money} {when}",
)
_QUESTIONS = (
    "why {modal_q} {we} {verb} {np}",
    "who {past} {np}",
    "how {modal_q} {we} {verb} {np} {when}",
    "what happens to {np}",
    "where is {np_sing}",
)
_REPORTED = (
    "{inst} {modal} {verb} {np}",
    "{inst} {past} {np} {when}",
    "{np_sing} was {adv} {adj}",
    "the {plural} were {adj} {pp}",
    "{inst} had {past} {np}",
    "{inst} would {verb_i} {when}",
)
_NARRATION = (
    "{inst} {past} {np} on {weekday}",
    "the {noun} {past} {np} {pp}",
    "{num} {plural} {past} {np} in {place}",
    "{inst} said it would {verb} {np} {when}",
    "the decision {past} {np} across {place}",
    "critics say {np_sing} is {adj}",
    "{inst} said {count} {plural} had been {past} {when}",
    "the plan would cost {money}, according to {inst}",
)


def _count(rng: random.Random) -> str:
    """A number as news prints it: 3 to 50,000, rarer the larger."""
    return f"{int(10 ** rng.uniform(0.5, 4.7)):,}"


def _money(rng: random.Random) -> str:
    return f"£{round(10 ** rng.uniform(-0.5, 2.5), 1):g} million"


def _compile(template: str) -> list[tuple[bool, str]]:
    """ "{we} will {verb}" -> [(True, "we"), (False, " will "), (True, "verb")]."""
    parts = re.split(r"\{(\w+)\}", template)
    return [(index % 2 == 1, part) for index, part in enumerate(parts) if part]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _spaced(conjunction: str) -> str:
    return conjunction + " " if conjunction.startswith(",") else f" {conjunction} "


class Newsroom:
    """The archive of `size` quotations that `seed` makes, article by article."""

    def __init__(self, seed: int, size: int) -> None:
        self.seed = seed
        self.size = size
        setup = random.Random(f"vocabulary-{seed}")
        self.speech = Speech(setup)
        self.outlet = Zipf(_outlets(setup), setup, offset=3)
        people = [_person(setup, self.speech) for _ in range(min(30_000, max(300, size // 40)))]
        self.person = Zipf(people, setup, offset=10)
        self.topics = Zipf(sorted(words.TOPICS), setup, offset=2)
        self._recent: deque[tuple[str, Person]] = deque(maxlen=REPRINT_WINDOW)

    def articles(self) -> Iterator[tuple[Article, list[Quotation]]]:
        """Articles with their quotations until exactly `size` quotations have been written."""
        rng = random.Random(f"articles-{self.seed}")
        written = 0
        for number in itertools.count(1):
            if written >= self.size:
                return
            wanted = min(rng.randint(*QUOTATIONS_PER_ARTICLE), self.size - written)
            article, quotations = self._article(rng, number, wanted)
            written += len(quotations)
            yield article, quotations

    def _article(
        self, rng: random.Random, number: int, wanted: int
    ) -> tuple[Article, list[Quotation]]:
        self.speech.topic = self.topics(rng)
        outlet = self.outlet(rng)
        cast = [self.person(rng) for _ in range(rng.randint(1, 5))]
        page = _Page()
        page.paragraph(self.speech.narration(rng) + " " + self.speech.narration(rng))
        introduced: set[str] = set()
        quotations: list[Quotation] = []
        while len(quotations) < wanted:
            if rng.random() < 0.3:
                page.paragraph(self.speech.narration(rng))
            person = rng.choice(cast)
            quotations.append(self._quote(rng, page, person, introduced, outlet))
            introduced.add(person.name)
        published = FIRST_DATE + dt.timedelta(days=rng.randrange(DAYS))
        title = f"{self.speech.place(rng)}: {self.speech.reported(rng)}"
        article = Article(
            text=page.text,
            title=title,
            outlet=outlet,
            url=f"https://{_slug(outlet)}.example/{published:%Y/%m}/{_slug(title)[:60]}-{number}",
            published=published,
            byline=f"By {rng.choice(words.FEMALE_FIRST_NAMES + words.MALE_FIRST_NAMES)} "
            f"{self.speech.surnames(rng)}",
            source=f"newsroom-{self.seed}:{number}",
        )
        # The page is whole only now: each quotation's context is a view of its text.
        return article, [replace(q, article_text=article.text) for q in quotations]

    def _quote(
        self,
        rng: random.Random,
        page: _Page,
        person: Person,
        introduced: set[str],
        outlet: str,
    ) -> Quotation:
        first = person.name not in introduced
        named = person.name if first else (person.surname if rng.random() < 0.6 else None)
        as_written = named or person.pronoun
        roll = rng.random()
        if roll < PARTIAL_SHARE:
            lead = f"{_capitalise(as_written)} said {self.speech.singular_phrase(rng)} was "
            return page.quote(lead, self.speech.partial(rng), ".", Kind.PARTIAL, person, as_written)
        if roll < PARTIAL_SHARE + REPORTED_SHARE:
            lead = f"{_capitalise(as_written)} said "
            words_ = self.speech.reported(rng)
            return page.quote(lead, words_, ".", Kind.REPORTED, person, as_written)
        text, person = self._direct_words(rng, person)
        return self._direct(rng, page, text, person, first, as_written, outlet)

    def _direct_words(self, rng: random.Random, person: Person) -> tuple[str, Person]:
        """New words, or a recent quotation reprinted (by a careless outlet, misattributed)."""
        roll = rng.random()
        if self._recent and roll < REPRINT_SHARE + NEAR_REPRINT_SHARE:
            text, speaker = rng.choice(self._recent)
            if rng.random() < 0.9:
                person = speaker
            if roll >= REPRINT_SHARE:
                text = _nearly(rng, text, self.speech)
            return text, person
        text = self.speech.quotation(rng)
        self._recent.append((text, person))
        return text, person

    def _direct(
        self,
        rng: random.Random,
        page: _Page,
        text: str,
        person: Person,
        first: bool,
        as_written: str,
        outlet: str,
    ) -> Quotation:
        open_, close = ("“", "”") if rng.random() < 0.6 else ('"', '"')
        said = text[:-1] + "," if text.endswith(".") else text
        if first:
            lead = f"{person.name}, {person.role}, said: {open_}"
            return page.quote(lead, text, close, Kind.DIRECT, person, person.name, role=True)
        form = rng.random()
        if form < 0.45:
            tail = f"{close} {as_written} said."
            return page.quote(open_, said, tail, Kind.DIRECT, person, as_written)
        if form < 0.6:
            other = self.outlet(rng)
            tail = f"{close} {person.surname} told {other}."
            return page.quote(
                open_, said, tail, Kind.DIRECT, person, person.surname, reported_to=other
            )
        if form < 0.7:
            other = self.outlet(rng) if rng.random() < 0.8 else outlet
            tail = f"{close} {person.surname} said, according to {other}."
            return page.quote(open_, said, tail, Kind.DIRECT, person, person.surname, via=other)
        if form < 0.85:
            topic = self.speech.noun_phrase(rng, tail=False)
            lead = f"Asked about {topic}, {as_written} said: {open_}"
            return page.quote(lead, text, close, Kind.DIRECT, person, as_written)
        lead = f"{_capitalise(as_written)} added: {open_}"
        return page.quote(lead, text, close, Kind.DIRECT, person, as_written)


def _nearly(rng: random.Random, text: str, speech: Speech) -> str:
    """A reprint that is not word for word: trimmed, a word dropped or changed, an opener added."""
    tokens = text.split()
    sentences = re.split(r"(?<=[.?!])\s+", text)
    roll = rng.random()
    if roll < 0.3 and len(sentences) > 1 and len(sentences[0].split()) >= MIN_WORDS:
        return sentences[0]
    if roll < 0.55 and len(tokens) > MIN_WORDS + 1:
        del tokens[rng.randrange(1, len(tokens) - 1)]
        return " ".join(tokens)
    if roll < 0.8 and len(tokens) > 2:
        index = rng.randrange(1, len(tokens) - 1)
        tail = tokens[index][len(tokens[index].rstrip(",.;:?!")) :]
        tokens[index] = speech.topical_noun(rng) + tail
        return " ".join(tokens)
    first = tokens[0].lower()
    if len(tokens) + 4 > MAX_WORDS or first not in _LOWER_CASE_OPENINGS:
        return text
    return f"{speech.opener(rng)}, {first} {' '.join(tokens[1:])}"


#: First words that stay correct in lower case after an added opener ("Frankly, we will").
_LOWER_CASE_OPENINGS = frozenset(
    "we they you this it there the nobody what if why who how where our their a".split()
)


class _Page:
    """An article's text as it is written, paragraph by paragraph, with quotations located."""

    def __init__(self) -> None:
        self._paragraphs: list[str] = []
        self._length = 0

    @property
    def text(self) -> str:
        return "\n\n".join(self._paragraphs)

    def paragraph(self, text: str) -> int:
        """Add a paragraph; return where it starts in the article."""
        start = self._length + (2 if self._paragraphs else 0)
        self._paragraphs.append(text)
        self._length = start + len(text)
        return start

    def quote(
        self,
        lead: str,
        text: str,
        tail: str,
        kind: Kind,
        person: Person,
        as_written: str,
        *,
        role: bool = False,
        reported_to: str | None = None,
        via: str | None = None,
    ) -> Quotation:
        paragraph = lead + text + tail
        start = self.paragraph(paragraph)
        return Quotation(
            text=text,
            start=start + len(lead),
            end=start + len(lead) + len(text),
            kind=kind,
            speaker=person.name,
            speaker_as_written=as_written,
            speaker_role=person.role if role else None,
            reported_to=reported_to,
            via=via,
            context_start=start,
            context_end=start + len(paragraph),
        )


def _person(rng: random.Random, speech: Speech) -> Person:
    female = rng.random() < 0.5
    first = rng.choice(words.FEMALE_FIRST_NAMES if female else words.MALE_FIRST_NAMES)
    surname = speech.surnames(rng)
    role = rng.choice(words.ROLES)
    if role.endswith(("mayor", "council leader", "councillor")):
        role = f"{role} of {speech.place(rng)}"
    return Person(f"{first} {surname}", surname, "she" if female else "he", role)


def _outlets(rng: random.Random) -> list[str]:
    names = {
        f"The {place} {word}" if rng.random() < 0.5 else f"{place} {word}"
        for place in words.PLACES
        for word in rng.sample(words.OUTLET_WORDS, 2)
    }
    return sorted(names)


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")

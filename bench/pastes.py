"""Pastes as fact-checkers write them: each archived quotation pasted in ten shapes.

Usage:
    python bench/pastes.py [--articles 150] [--seed 1] [--db URL] [--errors N]

An archive of invented articles is stored as `quotebot ingest` stores it (extraction and all):
each article quotes five people by name, and its quotations hold what real quotes hold and
pastes change: contractions, numbers written as words or as digits, asides ("as everyone here
knows") and hedges ("it seems likely that"), short remarks of five or six words. Then every
direct quotation the archive credits to a named speaker is pasted, through the verifier as
`quotebot check --json` runs it, in each shape that applies to it:

- link: `"…," said Ana Ruiz <https://news.example/7|Meridian Wire>` (a Slack link after the name)
- bold or italic: `"…," said *Ana Ruiz*`, `"…," said _Ana Ruiz_` in turn
- honorific: `"…," said Dr Ana Ruiz`, `"…" — Dame Ana Ruiz` (Sir, Dr, Dame, Mr, Lord, Ms, Prof in
  turn)
- em-dash credit: `"…" — Ana Ruiz`
- possessive credit: `"…" — Vexco's Ana Ruiz`
- dropped apostrophes: `dont`, `cant`, `wont` for the printed contractions (quotations with one)
- numbers as words: `3 to 4 days` for `three to four days` and back (quotations with a number)
- dropped aside: the aside or hedge the quotation holds left out (quotations with one)
- splice: its last five or six words joined to the last five or six of another person's
  quotation, credited to the first speaker
- curly quotes and Slack entities: `&gt; “…” said Ana Ruiz <@U024BE7LH>`, with `’`, `&amp;`

The clean paste, `"…," Ana Ruiz said.`, is the baseline in the same run: a shape is as good as
the verifier gets when it does as well as the clean paste of the same quotations.

Columns: pastes made in that shape; speaker read %, the claimed speaker as the verifier read it
is exactly the name (no link label, markup, organisation or honorific); verdict right %, the
verdict each shape should draw: `verified` for the credit shapes, dropped apostrophes and numbers
(whose respellings are listed as notes, `respelled`), `wording_differs` listing the left-out
words for a dropped aside, `spliced` naming both speakers for a splice; attribution right %,
`matches` (for a splice, any answer but `matches`); p95 ms per paste.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import verify_words as vocabulary

from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import Article
from store.ingest import ingest, quotations_of
from store.quotation import Kind
from store.stored import StoredQuotation

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
#: The shortest quotation pasted: "very far" identifies nothing, pasted in any shape.
MIN_WORDS = 5
BASELINE = "clean (baseline)"
ALL_SHAPES = "all shapes"
SPEAKERS_PER_ARTICLE = 5
TARGET_SPEAKER_READ = 98.0
TARGET_VERDICT_RIGHT = 97.0
#: Words of each piece of a splice.
SPLICE_WORDS = (5, 6)

ASIDES = (
    "as everyone here knows",
    "I want to be clear about this",
    "to be perfectly honest",
    "as we said last week",
)
HEDGES = ("it seems likely that", "I think", "in all probability")
CONTRACTIONS = ("don't", "can't", "won't", "doesn't", "isn't", "aren't", "wasn't", "didn't")
NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve twenty thirty".split()
_VALUES = (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 30)
NUMBER_DIGITS = {word: str(n) for n, word in zip(_VALUES, NUMBER_WORDS, strict=True)}
UNITS = ("days", "weeks", "hours", "months", "ships", "crews", "berths")
HONORIFICS = ("Sir", "Dr", "Dame", "Mr", "Lord", "Ms", "Prof")
ORG_ENDINGS = ("Freight", "Ports", "Logistics", "Shipping", "Haulage", "Docks")


# -- the invented archive ---------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    organisation: str
    role: str


class Newsroom:
    """Articles quoting invented people, each quotation built to hold what pastes change."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.nouns = [n for n in vocabulary.NOUNS if n.isalpha()]
        self.verbs = [v.split("/")[0] for v in vocabulary.VERBS if v.split("/")[0].isalpha()]
        self.adjectives = [a for a in vocabulary.ADJECTIVES if a.isalpha()]
        self.used: set[str] = set()

    def person(self) -> Person:
        while True:
            first = self.rng.choice(
                vocabulary.FEMALE_FIRST_NAMES + vocabulary.MALE_FIRST_NAMES  # type: ignore[operator]
            )
            name = f"{first} {self.rng.choice(vocabulary.SURNAMES)}"
            if name not in self.used:
                self.used.add(name)
                break
        organisation = f"{self.rng.choice(vocabulary.PLACES)} {self.rng.choice(ORG_ENDINGS)}"
        role = self.rng.choice(("a manager", "a spokesperson", "a director", "an engineer"))
        return Person(name, organisation, f"{role} at {organisation}")

    def _np(self) -> str:
        return f"the {self.rng.choice(self.adjectives)} {self.rng.choice(self.nouns)}"

    def _clause(self) -> str:
        verb, noun = self.rng.choice(self.verbs), self.rng.choice(self.nouns)
        return self.rng.choice(
            (
                f"we will {verb} {self._np()} before the {noun} arrives",
                f"{self._np()} has to {verb} the {noun} this year",
                f"nobody on the {noun} crew will {verb} {self._np()}",
                f"the board wants to {verb} {self._np()} in the spring",
            )
        )

    def _featured(self, feature: str) -> str:
        rng, verb, noun = self.rng, self.rng.choice(self.verbs), self.rng.choice(self.nouns)
        if feature == "contraction":
            return f"we {rng.choice(CONTRACTIONS)} {verb} {self._np()} while the {noun} waits"
        if feature == "number":
            low = rng.choice(NUMBER_WORDS[:8])
            count = f"{low} to {NUMBER_WORDS[NUMBER_WORDS.index(low) + 1]}"
            if rng.random() < 0.4:
                count = " ".join(NUMBER_DIGITS.get(word, word) for word in count.split())
            return f"it will take {count} {rng.choice(UNITS)} to {verb} {self._np()}"
        if feature == "aside":
            aside = rng.choice(ASIDES)
            return f"{self._clause()}, and {aside}, {self._clause()}"
        if feature == "hedge":
            return f"{self._clause()}, and {rng.choice(HEDGES)} {self._clause()}"
        if feature == "short":
            return f"we {rng.choice(('must', 'will', 'should'))} {verb} {self._np()}"
        return self._clause()

    def articles(self, count: int) -> Iterator[Article]:
        features = ("contraction", "number", "aside", "hedge", "short", "plain")
        start = dt.date(2025, 1, 6)
        for number in range(count):
            place = self.rng.choice(vocabulary.PLACES)
            outlet = f"{place} {self.rng.choice(vocabulary.OUTLET_WORDS)}"
            paragraphs = [f"Harbour dispute, day {number + 1}"]
            for index in range(SPEAKERS_PER_ARTICLE):
                person = self.person()
                feature = features[(number * SPEAKERS_PER_ARTICLE + index) % len(features)]
                quote = self._featured(feature)
                quote = quote[0].upper() + quote[1:]
                style = (number + index) % 3
                if style == 0:
                    paragraphs.append(f'"{quote}," said {person.name}, {person.role}.')
                elif style == 1:
                    paragraphs.append(f'"{quote}," {person.name} said.')
                else:
                    paragraphs.append(f'{person.name}, {person.role}, said: "{quote}."')
            yield Article(
                text="\n\n".join(paragraphs),
                title=paragraphs[0],
                outlet=outlet,
                url=f"https://bench.invalid/pastes/{number}",
                published=start + dt.timedelta(days=number),
            )


# -- the shapes --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paste:
    shape: str
    text: str
    speaker: str
    #: What the verdict must be, and a further test of the document (None: none).
    verdict: str
    check: Callable[[dict], bool] | None = None
    attribution: str = "matches"


#: A person's name as credits write it: the shapes are about people (an organisation has no
#: honorific), so "the Saltmarsh branch of the union" is not pasted.
_PERSON = re.compile(r"[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3}")
_CONTRACTION = re.compile(r"\b(\w+)['’](t|s|re|ve|ll|m|d)\b")
_NUMBER = re.compile(r"\b(" + "|".join(NUMBER_WORDS + sorted(NUMBER_DIGITS.values())) + r")\b")
_DIGIT_WORDS = {digits: word for word, digits in NUMBER_DIGITS.items()}


def shapes(
    quotation: StoredQuotation, other: StoredQuotation, number: int, rng: random.Random
) -> list[Paste]:
    """Every shape that applies to this quotation (`other`: another person's, for a splice)."""
    q, name = quotation.text.rstrip(".,"), quotation.speaker or ""
    organisation = f"{rng.choice(vocabulary.PLACES)} {rng.choice(ORG_ENDINGS)}"
    honorific = HONORIFICS[number % len(HONORIFICS)]
    mark = "*_"[number % 2]
    credit = (", said ", " — ")[(number // 2) % 2]
    pastes = [
        Paste(BASELINE, f'"{q}," {name} said.', name, "verified"),
        Paste(
            "link",
            f'"{q}," said {name} <https://news.example/{number}|{quotation.outlet}>',
            name,
            "verified",
        ),
        Paste("bold or italic", f'"{q}," said {mark}{name}{mark}', name, "verified"),
        Paste("honorific", f'"{q}"{credit}{honorific} {name}', name, "verified"),
        Paste("em-dash credit", f'"{q}" — {name}', name, "verified"),
        Paste("possessive credit", f'"{q}" — {organisation}\'s {name}', name, "verified"),
    ]
    if _CONTRACTION.search(q):
        dropped = _CONTRACTION.sub(lambda m: m.group(1) + m.group(2), q)
        pastes.append(
            Paste("dropped apostrophes", f'"{dropped}," {name} said.', name, "verified", _respelled)
        )
    if _NUMBER.search(q):
        swapped = _NUMBER.sub(
            lambda m: NUMBER_DIGITS.get(m.group(1)) or _DIGIT_WORDS[m.group(1)], q
        )
        pastes.append(
            Paste("numbers as words", f'"{swapped}," said {name}', name, "verified", _respelled)
        )
    for aside in (*ASIDES, *HEDGES):
        if f" {aside} " in q or f" {aside}," in q:
            dropped = q.replace(f" {aside},", "").replace(f" {aside} ", " ")
            pastes.append(
                Paste(
                    "dropped aside",
                    f'"{dropped}," said {name}',
                    name,
                    "wording_differs",
                    _left_out(aside),
                )
            )
            break
    first = " ".join(q.split()[-SPLICE_WORDS[number % 2] :]).strip(",.")
    second = " ".join(other.text.split()[-SPLICE_WORDS[(number + 1) % 2] :]).strip(",.")
    pastes.append(
        Paste(
            "splice of short pieces",
            f'"{first[0].upper()}{first[1:]}. {second[0].upper()}{second[1:]}," said {name}',
            name,
            "spliced",
            _names(name, other.speaker or ""),
            attribution="not matches",
        )
    )
    curly = q.replace("'", "’").replace("&", "&amp;")
    pastes.append(
        Paste(
            "curly quotes, Slack entities",
            f"&gt; “{curly},” said {name} <@U024BE7LH>",
            name,
            "verified",
        )
    )
    return pastes


def _another(direct: list[StoredQuotation], number: int) -> StoredQuotation:
    """Another person's quotation, from the other half of the archive."""
    mine = direct[number]
    for step in range(len(direct) // 2, len(direct) + len(direct) // 2):
        other = direct[(number + step) % len(direct)]
        if other.speaker != mine.speaker:
            return other
    return direct[(number + 1) % len(direct)]


def _respelled(document: dict) -> bool:
    return bool(document["matches"] and document["matches"][0].get("respelled"))


def _left_out(aside: str) -> Callable[[dict], bool]:
    def check(document: dict) -> bool:
        diff = document["matches"][0]["diff"] if document["matches"] else []
        return any(change["op"] == "delete" and aside in change["archive"] for change in diff)

    return check


def _names(first: str, second: str) -> Callable[[dict], bool]:
    def check(document: dict) -> bool:
        return {match["speaker"] for match in document["matches"]} == {first, second}

    return check


# -- the run -------------------------------------------------------------------------------------


@dataclass
class Tally:
    pastes: int = 0
    speaker: int = 0
    verdict: int = 0
    attribution: int = 0

    def __post_init__(self) -> None:
        self.times: list[float] = []


def run(verifier: Verifier, pastes: list[Paste], errors: int) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    shown = 0
    for paste in pastes:
        began = time.perf_counter()
        results = verifier.check(paste.text)
        took = time.perf_counter() - began
        document = results[0].to_json()  # what `quotebot check --json` prints first
        speaker = document["claimed_speaker"] == paste.speaker
        verdict = document["verdict"] == paste.verdict and (
            paste.check is None or paste.check(document)
        )
        attribution = (
            document["attribution"] != "matches"
            if paste.attribution == "not matches"
            else document["attribution"] == paste.attribution
        )
        counted = [tallies[paste.shape]]
        if paste.shape != BASELINE:
            counted.append(tallies[ALL_SHAPES])
        for tally in counted:
            tally.pastes += 1
            tally.speaker += speaker
            tally.verdict += verdict
            tally.attribution += attribution
            tally.times.append(took)
        if not (speaker and verdict) and shown < errors:
            shown += 1
            print(f"- {paste.shape}: {paste.text}", file=sys.stderr)
            print(
                f"  read {document['claimed_speaker']!r}, {document['verdict']}, "
                f"{document['attribution']}, diff "
                f"{document['matches'][0]['diff'] if document['matches'] else None}",
                file=sys.stderr,
            )
    return tallies


def table(tallies: dict[str, Tally]) -> str:
    rows = [["shape", "pastes", "speaker read %", "verdict right %", "attribution right %"]]
    rows[0].append("p95 ms")
    ordered = sorted(tallies.items(), key=lambda item: item[0] == ALL_SHAPES)
    for shape, tally in ordered:
        times = sorted(tally.times)
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))] * 1000 if times else 0.0
        rows.append(
            [
                shape,
                f"{tally.pastes:,}",
                _share(tally.speaker, tally.pastes),
                _share(tally.verdict, tally.pastes),
                _share(tally.attribution, tally.pastes),
                f"{p95:.1f}",
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _share(count: int, total: int) -> str:
    return f"{100 * count / total:.1f}" if total else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=150, help="(default: 150)")
    parser.add_argument("--seed", type=int, default=1, help="(default: 1)")
    parser.add_argument("--db", help="archive URL (default: an SQLite file in a temp folder)")
    parser.add_argument(
        "--no-samples",
        dest="samples",
        action="store_false",
        help="leave out the articles of samples/ (stored and pasted too by default)",
    )
    parser.add_argument("--errors", type=int, default=0, help="print N wrong answers on stderr")
    options = parser.parse_args(argv)
    newsroom = Newsroom(options.seed)
    with tempfile.TemporaryDirectory() as folder:
        url = options.db or f"sqlite:///{folder}/pastes.sqlite3"
        with Archive.open(url) as archive:
            stored: list[StoredQuotation] = []
            for article in newsroom.articles(options.articles):
                added = archive.add(article, quotations_of(article))
                stored.extend(archive.article_quotations(added.article_id))
            if options.samples:
                ingest(
                    [str(path) for path in sorted(SAMPLES.iterdir()) if path.name != "README.md"],
                    archive,
                    on_stored=lambda _, added: stored.extend(
                        [] if added.duplicate else archive.article_quotations(added.article_id)
                    ),
                )
            direct = [
                q
                for q in stored
                if q.kind is Kind.DIRECT
                and _PERSON.fullmatch(q.speaker or "")
                and len(q.text.split()) >= MIN_WORDS
            ]
            rng = random.Random(options.seed)
            pastes = []
            for number, quotation in enumerate(direct):
                other = _another(direct, number)
                pastes.extend(shapes(quotation, other, number, rng))
            tallies = run(Verifier(archive), pastes, options.errors)
    print(
        f"{options.articles} invented articles{' and samples/' if options.samples else ''}, "
        f"{len(stored):,} quotations stored, "
        f"{len(direct):,} direct with a named speaker, {len(pastes):,} pastes "
        f"(bench/pastes.py --articles {options.articles} --seed {options.seed})"
    )
    print(table(tallies))
    overall = tallies[ALL_SHAPES]
    speaker = 100 * overall.speaker / max(1, overall.pastes)
    verdict = 100 * overall.verdict / max(1, overall.pastes)
    ok = speaker >= TARGET_SPEAKER_READ and verdict >= TARGET_VERDICT_RIGHT
    print(
        f"Targets over all shapes: speaker read {speaker:.1f} % (≥ {TARGET_SPEAKER_READ:.0f}) "
        f"{'✓' if speaker >= TARGET_SPEAKER_READ else '✗'}; verdict right {verdict:.1f} % "
        f"(≥ {TARGET_VERDICT_RIGHT:.0f}) {'✓' if verdict >= TARGET_VERDICT_RIGHT else '✗'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

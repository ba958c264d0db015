"""Extraction quality and speed on annotated news, against a regular-expression baseline.

Usage:
    python bench/extraction.py TRAIN.jsonl [VALIDATION.jsonl ...] [--limit N] [--errors N]
                               [--repeat N]

Each file is scored on its own and the rows are printed side by side: the training split, which
rules and the attribution model are tuned and trained on, and the validation split, which is
only ever scored. `--errors` prints misses of the first file only, so that nobody reads the
validation split's errors by accident.

Each file holds one annotated article a line (`text`, `outlet`, `quotes` with `start`, `end`,
`speaker`, `speaker_resolved_by`, and `unannotated_quoted_spans`), the format of the PolNeAR
export described in the shared data README. Scoring, for quotebot and the baseline alike:
- a gold quotation is *found* when an extracted one overlaps at least half of its characters;
  recall = found / gold;
- precision = extracted quotations overlapping a gold or an unannotated quoted stretch /
  extracted (reported speech is not a quotation and is left out of both). A stretch between
  doubled marks (''so'' in the New York Times archive's articles, ``so'' in TeX's) is a quoted
  stretch too: the corpus's list of unannotated stretches knows only the usual marks;
- speaker accuracy = found gold quotations with a `gold` speaker whose extracted speaker is the
  same person: same surname, and the same full name where both give one. quotebot's resolved
  name and its speaker as written both count ("the Vale senator" is the senator);
- pronoun accuracy: the same for quotations whose gold speaker the annotators' tool resolved
  from a pronoun (`corenlp_coref`): a rougher check of pronoun resolution;
- speed = articles per second on one core, extraction only.

A second table gives, per rule that credited the speaker (`Quotation.speaker_rule`, "-" for
none), how many quotations it attributed, their precision, how many of them have a gold speaker
and the rule's speaker accuracy on those: where a rule helps and where it misleads.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store.article import Article
from store.extract import extract_quotations
from store.extract.lexicon import titles
from store.extract.rules import RULE_WORDS
from store.quotation import Kind


@dataclass(frozen=True)
class Extracted:
    start: int
    end: int
    speakers: tuple[str, ...]
    #: How the text describes the speaker ("Ruiz's campaign manager" for Teo Brack): the
    #: same person when the annotators chose the description over the name.
    descriptions: tuple[str, ...] = ()
    #: The rule that credited the speaker (Quotation.speaker_rule), "-" for none.
    rule: str = "-"


Extractor = Callable[[dict], list[Extracted]]


def quotebot(article: dict) -> list[Extracted]:
    found = extract_quotations(Article(text=article["text"], outlet=article.get("outlet")))
    return [
        Extracted(
            q.start,
            q.end,
            tuple(s for s in (q.speaker, q.speaker_as_written) if s),
            (q.speaker_role,) if q.speaker_role else (),
            q.speaker_rule or "-",
        )
        for q in found
        if q.kind is not Kind.REPORTED
    ]


_BASELINE_QUOTE = re.compile(r"[\"“]([^\"“”\n]{1,2000})[\"”]")
_BASELINE_SAID = re.compile(
    r"((?:[A-Z][\w'’.-]*\s){1,3})said\b|\bsaid,?\s+((?:[A-Z][\w'’.-]*\s?){1,3})"
)


def baseline(article: dict) -> list[Extracted]:
    """The README's orientation point: every quoted stretch, the capitalised words after "said"."""
    text = article["text"]
    found = []
    for match in _BASELINE_QUOTE.finditer(text):
        tail = text[match.end() : match.end() + 120]
        said = _BASELINE_SAID.search(tail)
        speaker = ((said.group(1) or said.group(2)).strip(),) if said else ()
        found.append(Extracted(match.start(1), match.end(1), speaker))
    return found


# -- who is the same person --------------------------------------------------------------------

_DETERMINERS = {"the", "a", "an", "another", "one", "his", "her", "their", "its"}
_REFLEXIVES = {"himself", "herself", "themselves", "itself"}
_QUALIFIERS = {"in", "at", "on", "for", "with", "who", "that", "which", "of", "from", "by", "to"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")


def _title_cut(words: list[str]) -> int:
    """Index after the last title in a run, multi-word titles included (Secretary of State)."""
    known = titles()
    lowered = [w.lower() for w in words]
    cut = 0
    for index in range(len(words)):
        for size in (3, 2, 1):
            phrase = " ".join(lowered[index : index + size])
            if len(lowered[index : index + size]) == size and (
                phrase in known or phrase.rstrip(".") in known
            ):
                cut = max(cut, index + size)
                break
    return cut


def _name_tokens(text: str) -> tuple[list[str], bool]:
    """The name in a speaker string, and whether it is a name at all (not "the group").

    A name ends its phrase: "Former Vale Gov. Rob Hale" -> rob hale, "the Ledger's Ivo
    Brandt" -> ivo brandt, "Ana Ruiz of Port Ardith" -> ana ruiz. A phrase ending in a
    lowercase word is a description, compared by its head: "the Florida senator" -> senator.
    """
    text = re.sub(r"\([^)]*\)", " ", _fold(text))
    text = re.split(r",| who | that | which ", text)[0]
    text = re.sub(r"(\w)'s?\b", r"\1 | ", text)  # a possessive ends a name: the Ledger's Ivo
    words = [w for w in re.findall(r"[\w][\w'.-]*|\|", text) if w.lower() not in _REFLEXIVES]
    if len(words) > 1:
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
    for index, word in enumerate(words):
        if word.lower() in _QUALIFIERS and index > 0:
            before = words[:index]
            only_titles = all(w[:1].isupper() for w in before) and _title_cut(before) == len(before)
            if not (only_titles and index + 1 < len(words) and words[index + 1][:1].isupper()):
                words = words[:index]
                break
    if not words or words[-1] == "|":
        return [w.lower() for w in words if w != "|"][-1:], False
    if not words[-1][:1].isupper():
        return [words[-1].lower()], False
    run: list[str] = []
    for word in reversed(words):
        if word == "|" or (not word[:1].isupper() and word.lower() != "of"):
            break
        run.insert(0, word)
    name = [w.lower().strip(".") for w in run[_title_cut(run) :] if w.lower() != "of"]
    if not name:
        return [run[-1].lower().strip(".")], False  # only a title: "the Senator"
    return name, True


def same_person(gold: str, extracted: str) -> bool:
    gold_name, gold_is_name = _name_tokens(gold)
    ours, ours_is_name = _name_tokens(extracted)
    if not gold_name or not ours:
        return False
    if gold_name[-1] != ours[-1]:
        return False
    if gold_is_name and ours_is_name and len(gold_name) > 1 and len(ours) > 1:
        # "Harbour Party councillor Rob Hale" and "Rob Hale" are one person; "Nell Hale"
        # and "Rob Hale" are not.
        return set(ours) <= set(gold_name) or set(gold_name) <= set(ours)
    return True


# -- scoring -----------------------------------------------------------------------------------


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    extracted: int = 0
    precise: int = 0
    speakers: int = 0
    speakers_right: int = 0
    #: Quotations whose speaker the annotators resolved from a pronoun by machine (less reliable).
    coref: int = 0
    coref_right: int = 0
    by_kind: Counter = field(default_factory=Counter)
    #: Per rule name: [extracted, precise, found with a gold speaker, speaker right].
    by_rule: dict[str, list[int]] = field(default_factory=dict)
    seconds: float = 0.0
    articles: int = 0
    words: int = 0
    errors: list[str] = field(default_factory=list)

    def row(self, name: str) -> list[str]:
        recall = self.found / self.gold if self.gold else 0.0
        precision = self.precise / self.extracted if self.extracted else 0.0
        accuracy = self.speakers_right / self.speakers if self.speakers else 0.0
        pronouns = self.coref_right / self.coref if self.coref else 0.0
        rate = self.articles / self.seconds if self.seconds else 0.0
        per_800 = rate * (self.words / self.articles) / 800 if self.articles else 0.0
        return [
            name,
            f"{recall:.3f}",
            f"{precision:.3f}",
            f"{accuracy:.3f}",
            f"{pronouns:.3f}",
            f"{rate:,.0f}",
            f"{per_800:,.0f}",
        ]


#: A stretch between doubled marks, within a paragraph: ''so'' or ``so''.
_DOUBLED_MARKS = re.compile(r"(?:''|``)((?:[^'\n]|'(?!'))+?)''")


def _span(stretch: dict | list) -> tuple[int, int]:
    """Unannotated stretches come as {"start", "end"} objects or as [start, end] pairs."""
    if isinstance(stretch, dict):
        return stretch["start"], stretch["end"]
    return stretch[0], stretch[1]


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def score(
    articles: Iterable[dict], extractor: Extractor, name: str, keep_errors: int, repeat: int = 1
) -> Score:
    result = Score()
    for article in articles:
        started = time.perf_counter()
        for _ in range(repeat):
            extracted = extractor(article)
        result.seconds += (time.perf_counter() - started) / repeat
        result.articles += 1
        result.words += len(article["text"].split())
        text = article["text"]
        quoted = (
            [(q["start"], q["end"]) for q in article["quotes"]]
            + [_span(s) for s in article.get("unannotated_quoted_spans", [])]
            + [m.span(1) for m in _DOUBLED_MARKS.finditer(text)]
        )
        result.extracted += len(extracted)
        for e in extracted:
            precise = any(_overlap(e.start, e.end, s, t) > 0 for s, t in quoted)
            result.precise += precise
            counts = result.by_rule.setdefault(e.rule, [0, 0, 0, 0])
            counts[0] += 1
            counts[1] += precise
        for gold in article["quotes"]:
            result.gold += 1
            length = gold["end"] - gold["start"]
            match = next(
                (
                    e
                    for e in extracted
                    if _overlap(e.start, e.end, gold["start"], gold["end"]) * 2 >= length
                ),
                None,
            )
            if match is None:
                if len(result.errors) < keep_errors:
                    result.errors.append(f"MISSED {text[gold['start'] : gold['end']][:90]!r}")
                continue
            result.found += 1
            if gold["speaker_resolved_by"] == "corenlp_coref" and gold["speaker"]:
                result.coref += 1
                result.coref_right += any(same_person(gold["speaker"], s) for s in match.speakers)
            if gold["speaker_resolved_by"] != "gold" or not gold["speaker"]:
                continue
            result.speakers += 1
            right = any(same_person(gold["speaker"], s) for s in match.speakers) or (
                not _name_tokens(gold["speaker"])[1]
                and any(same_person(gold["speaker"], d) for d in match.descriptions)
            )
            result.speakers_right += right
            counts = result.by_rule.setdefault(match.rule, [0, 0, 0, 0])
            counts[2] += 1
            counts[3] += right
            if not right and len(result.errors) < keep_errors:
                window = text[max(0, gold["start"] - 150) : gold["end"] + 120].replace("\n", " / ")
                result.errors.append(
                    f"SPEAKER gold={gold['speaker']!r} ours={match.speakers!r}\n    {window}"
                )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "data", type=Path, nargs="+", help="annotated articles, JSON Lines: training first"
    )
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument(
        "--errors", type=int, default=0, help="print N misses of quotebot on the first file"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per article for the timing")
    options = parser.parse_args()
    header = [
        "split",
        "extractor",
        "recall",
        "precision",
        "speaker acc.",
        "pronoun acc.",
        "articles/s",
        "800-word/s",
    ]
    rows = [header]
    errors: list[str] = []
    per_rule: list[tuple[str, Score]] = []
    for number, path in enumerate(options.data):
        articles = _articles(path, options.limit)
        keep = options.errors if number == 0 else 0
        ours = score(articles, quotebot, "quotebot", keep, options.repeat)
        theirs = score(articles, baseline, "regex baseline", 0, options.repeat)
        print(
            f"{path.name}: {len(articles)} articles, {ours.gold} gold quotations, "
            f"{ours.speakers} with a gold speaker"
        )
        split = _split_name(path)
        rows += [[split, *ours.row("quotebot")], [split, *theirs.row("regex baseline")]]
        per_rule.append((split, ours))
        errors += ours.errors
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))
    print()
    _print_rules(per_rule)
    for error in errors:
        print(error)


def _print_rules(per_rule: list[tuple[str, Score]]) -> None:
    """Precision and speaker accuracy per rule (Quotation.speaker_rule), split by split."""
    names = [*RULE_WORDS, "-"]
    for _, scored in per_rule:
        names += [name for name in scored.by_rule if name not in names]
    header = ["rule"]
    for split, _ in per_rule:
        header += [f"{split} quotations", f"{split} precision", f"{split} gold", f"{split} acc."]
    rows = [header]
    for name in names:
        row = [name]
        for _, scored in per_rule:
            extracted, precise, speakers, right = scored.by_rule.get(name, [0, 0, 0, 0])
            row += [
                str(extracted),
                f"{precise / extracted:.3f}" if extracted else "-",
                str(speakers),
                f"{right / speakers:.3f}" if speakers else "-",
            ]
        if any(cell not in {"0", "-"} for cell in row[1:]):
            rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))


def _articles(path: Path, limit: int) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]
    return articles[:limit] if limit else articles


def _split_name(path: Path) -> str:
    """ "train" for polnear-train.jsonl, "dev" for polnear-dev.jsonl, else the file's stem."""
    return path.stem.rsplit("-", 1)[-1]


if __name__ == "__main__":
    main()

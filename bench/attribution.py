"""Does `quotebot check` get the speaker right? Real quotations pasted with the right speaker and
with a wrong one, against an archive of the same annotated articles.

Usage:
    python bench/attribution.py DATA.jsonl [--min-words 8] [--db URL] [--limit N]

Every article of DATA.jsonl (the annotated format bench/extraction.py reads) is stored in a
fresh archive, as `quotebot ingest` stores it. Then each annotated direct quotation of at least
`--min-words` words whose speaker the annotators named is checked twice, as
`quotebot check TEXT --speaker NAME` checks it:
- with its annotated speaker: the answer should confirm it (`matches`). `differs` is a false
  alarm, the worst answer a fact-checker can get; `uncertain` (the archive credits someone
  else, or only describes the speaker, and is not sure: the card shows its evidence) and
  `unknown` (the archive has no speaker) confirm nothing;
- with the speaker of a quotation of another article (another surname): the answer should
  catch it (`differs`, said only when the archive is sure of its own speaker). `uncertain`
  flags it without calling it misattributed; `matches` lets it through.

The baseline row, in the same run, is the archive's speaker compared with the claimed one
without regard to how sure the archive is, or whether it only describes the speaker: what
quotebot answered before attributions carried a confidence. Rows are percentages of the
quotations checked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.verifier.claims import claims_speaker
from bot.verifier.verdict import CheckResult, Verdict
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import Article
from store.ingest import quotations_of
from store.stored import read_quotations

CONFIRMED, DIFFERS, UNCERTAIN, UNKNOWN = "matches", "differs", "uncertain", "unknown"
NOT_FOUND = "not found"


@dataclass(frozen=True)
class Pasted:
    text: str
    speaker: str
    #: The speaker of a quotation of another article, with another surname.
    wrong_speaker: str


def load(path: Path, limit: int) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]
    return articles[:limit] if limit else articles


def store(archive: Archive, articles: list[dict]) -> None:
    for number, item in enumerate(articles):
        article = Article(
            text=item["text"],
            title=item.get("title"),
            outlet=item.get("outlet"),
            url=f"https://bench.invalid/{number}",
            published=_date(item.get("date")),
            source=str(item.get("id", number)),
        )
        archive.add(article, quotations_of(article))


def pastes(articles: list[dict], min_words: int) -> list[Pasted]:
    """The annotated direct quotations to paste, each with a wrong speaker from the next
    article that quotes someone of another surname."""
    chosen: list[tuple[int, dict]] = []
    speakers: list[list[str]] = [[] for _ in articles]
    for number, article in enumerate(articles):
        for quote in article["quotes"]:
            if quote["speaker_resolved_by"] != "gold" or not quote["speaker"]:
                continue
            speakers[number].append(quote["speaker"])
            if quote["kind"] == "direct" and len(quote["text"].split()) >= min_words:
                chosen.append((number, quote))
    result = []
    for number, quote in chosen:
        wrong = _wrong_speaker(speakers, number, quote["speaker"])
        if wrong is not None:
            result.append(Pasted(quote["text"], quote["speaker"], wrong))
    return result


def _wrong_speaker(speakers: list[list[str]], number: int, right: str) -> str | None:
    surname = _surname(right)
    for step in range(1, len(speakers)):
        for other in speakers[(number + step) % len(speakers)]:
            if _surname(other) != surname:
                return other
    return None


def _surname(name: str) -> str:
    words = name.replace("’", "'").split()
    return words[-1].lower().strip(".,") if words else ""


def outcome(verifier: Verifier, result: CheckResult, claimed: str) -> tuple[str, str]:
    """quotebot's attribution, and the baseline's: the speaker compared however unsure."""
    if result.verdict is Verdict.NOT_FOUND or not result.matches:
        return NOT_FOUND, NOT_FOUND
    best = result.matches[0]
    baseline = UNKNOWN
    if best.speaker is not None:
        with verifier.archive.engine.connect() as connection:
            stored = read_quotations(connection, [best.quotation_id])
        aliases: set[str] = set()
        if stored and stored[0].speaker_id is not None:
            speaker_id = stored[0].speaker_id
            aliases = verifier.archive.aliases([speaker_id]).get(speaker_id, set())
        baseline = CONFIRMED if claims_speaker(claimed, best.speaker, aliases) else DIFFERS
    return str(result.attribution), baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="annotated articles, JSON Lines")
    parser.add_argument("--min-words", type=int, default=8, help="shortest quotation pasted")
    parser.add_argument("--db", help="archive URL (default: an SQLite file in a temp folder)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    options = parser.parse_args()
    articles = load(options.data, options.limit)
    with tempfile.TemporaryDirectory() as folder:
        url = options.db or f"sqlite:///{folder}/attribution.sqlite3"
        with Archive.open(url) as archive:
            store(archive, articles)
            verifier = Verifier(archive)
            counts: dict[str, Counter[str]] = {"quotebot": Counter(), "baseline": Counter()}
            checked = pastes(articles, options.min_words)
            for pasted in checked:
                for claimed, kind in ((pasted.speaker, "right"), (pasted.wrong_speaker, "wrong")):
                    ours, theirs = outcome(
                        verifier, verifier.check_quote(pasted.text, claimed), claimed
                    )
                    counts["quotebot"][(kind, ours)] += 1
                    counts["baseline"][(kind, theirs)] += 1
    print(
        f"{options.data.name}: {len(articles)} articles, {len(checked)} direct quotations of "
        f"{options.min_words}+ words with a named speaker, each pasted with its speaker and "
        "with another article's"
    )
    print(_table(counts, len(checked)))


def _table(counts: dict[str, Counter[str]], total: int) -> str:
    columns = [
        ("right: confirmed %", "right", (CONFIRMED,)),
        ("right: misattributed %", "right", (DIFFERS,)),
        ("right: uncertain %", "right", (UNCERTAIN,)),
        ("right: unknown %", "right", (UNKNOWN, NOT_FOUND)),
        ("wrong: caught %", "wrong", (DIFFERS,)),
        ("wrong: flagged uncertain %", "wrong", (UNCERTAIN,)),
        ("wrong: confirmed %", "wrong", (CONFIRMED,)),
        ("wrong: unknown %", "wrong", (UNKNOWN, NOT_FOUND)),
    ]
    rows = [["answer", *(title for title, _, _ in columns)]]
    for name, seen in counts.items():
        cells = [name]
        for _, kind, answers in columns:
            value = sum(seen[(kind, answer)] for answer in answers)
            cells.append(f"{100 * value / total:.1f}" if total else "-")
        rows.append(cells)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)) for row in rows)


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


if __name__ == "__main__":
    main()

"""How fast quotebot stores large sources: bulk import, and ingest with extraction on every core.

Usage:
    python bench/bulk.py [--quotations 200000] [--sample 2000] [--articles 600] [--repeats 2]
                         [--db postgresql+psycopg://user@host/db] [--jobs 2]
                         [--against OTHER/.venv/bin/quotebot [--differing TABLE]...]

Two measurements, each against a baseline measured in the same run:

1. Bulk import of a Quotebank-format dump (`.json.bz2`, one quotation a line, made from the
   invented quotations of bench/verify_data.py) with `quotebot ingest DUMP`, into a fresh SQLite
   file and, with `--db`, a fresh PostgreSQL database; index included (the rate counts from the
   command's start to its end, ANALYZE and the index check included). Baseline: the per-article
   path (`Archive.add`, one transaction an article, as ingest stored until the bulk path) on the
   first `--sample` lines; or, with `--against`, another version of quotebot (a checkout of
   main) importing the same dump, run in turn with this one, the two archives' contents
   compared by bench/archive_hash.py.
2. Ingest with extraction of 800-word articles (invented news with about a dozen quotations
   each, a JSON Lines export of `--articles` lines) into a fresh SQLite file: `--jobs N` against
   `--jobs 1`, both end to end (`quotebot ingest EXPORT`, process start to exit).

Each figure is the best of `--repeats` runs (the machine is shared; the best is the least
disturbed); all runs are printed.
"""

from __future__ import annotations

import argparse
import bz2
import compileall
import hashlib
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import verify_postgres
from verify_data import Newsroom

from store.archive import Archive
from store.ingest import quotations_of
from store.readers import ReadFailure, read_sources

QUOTEBOT = Path(sys.executable).with_name("quotebot")
TARGET_IMPORT_PER_S = 20_000
TARGET_ARTICLES_PER_S = 200
ARTICLE_WORDS = 800


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _compiled()
    with tempfile.TemporaryDirectory(prefix="quotebot-bench-bulk-") as folder_name:
        folder = Path(folder_name)
        dump = folder / "quotebank.json.bz2"
        _say(f"writing a Quotebank-format dump of {args.quotations:,} quotations")
        _write_dump(dump, args.quotations)
        sample = folder / "sample.json.bz2"
        _write_dump(sample, args.sample)
        rows = []
        targets = [("sqlite", lambda name: f"sqlite:///{folder / name}.sqlite3")]
        if args.db:
            server = args.db
            targets.append(("postgresql", lambda name: _fresh_postgres(server, name)))
        for system, make_url in targets:
            if args.against:
                bulk, before = _interleaved(args, make_url, dump)
                rows.append(
                    (
                        f"bulk import, {system}",
                        f"{args.quotations:,} quotations",
                        bulk,
                        args.quotations,
                        before,
                        args.quotations,
                        TARGET_IMPORT_PER_S,
                    )
                )
                continue
            bulk = _best(
                args.repeats,
                lambda make=make_url: _timed_ingest(make(_unique("bulk")), dump, args.jobs),
            )
            per_article = _best(
                args.repeats, lambda make=make_url: _per_article(make(_unique("one")), sample)
            )
            rows.append(
                (
                    f"bulk import, {system}",
                    f"{args.quotations:,} quotations",
                    bulk,
                    args.quotations,
                    per_article,
                    args.sample,
                    TARGET_IMPORT_PER_S,
                )
            )
        if args.articles == 0:
            _drop_created(args.db)
            _print(rows)
            return 0
        export = folder / "articles.jsonl"
        _say(f"writing {args.articles:,} articles of about {ARTICLE_WORDS} words")
        _write_articles(export, args.articles)
        jobs = _best(
            args.repeats,
            lambda: _timed_ingest(f"sqlite:///{folder / _unique('j')}.sqlite3", export, args.jobs),
        )
        alone = _best(
            args.repeats,
            lambda: _timed_ingest(f"sqlite:///{folder / _unique('s')}.sqlite3", export, 1),
        )
        rows.append(
            (
                f"ingest with extraction, --jobs {args.jobs} vs --jobs 1",
                f"{args.articles:,} articles",
                jobs,
                args.articles,
                alone,
                args.articles,
                TARGET_ARTICLES_PER_S,
            )
        )
        _drop_created(args.db)
    _print(rows)
    return 0


def _interleaved(
    args: argparse.Namespace, make_url: Callable[[str], str], dump: Path
) -> tuple[list[float], list[float]]:
    """This quotebot's import and `--against`'s, in turn, each into a fresh archive; after each
    pair, the two archives' contents hashed (bench/archive_hash.py) must agree."""
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(args.repeats):
        pair = []
        for times, executable in ((theirs, Path(args.against)), (mine, QUOTEBOT)):
            url = make_url(_unique("bulk"))
            times.append(_timed_ingest(url, dump, args.jobs, executable))
            pair.append(url)
        theirs_hashed, mine_hashed = (_archive_hash(url, args.differing) for url in pair)
        _say(
            f"archive hashes: {theirs_hashed['archive']} (--against), "
            f"{mine_hashed['archive']} (this quotebot)"
            + (f", {', '.join(args.differing)} left out" if args.differing else "")
        )
        if theirs_hashed != mine_hashed:
            differ = sorted(k for k in mine_hashed if theirs_hashed.get(k) != mine_hashed[k])
            raise RuntimeError(f"the two imports stored different contents: {differ}")
    _say(
        "runs: "
        + ", ".join(f"{a:.1f} s against {b:.1f} s" for a, b in zip(mine, theirs, strict=True))
    )
    return mine, theirs


def _archive_hash(url: str, differing: Sequence[str] = ()) -> dict[str, str]:
    """Each table's hash (bench/archive_hash.py) by name, and the whole archive's ("archive"),
    the `differing` tables left out of both."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("archive_hash.py")), url],
        capture_output=True,
        text=True,
        check=True,
    )
    tables = {}
    for line in done.stdout.splitlines():
        words = line.split()
        if words and words[0] != "archive" and words[0] not in differing:
            tables[" ".join(words[:-3])] = words[-1]
    whole = hashlib.sha256(repr(sorted(tables.items())).encode()).hexdigest()[:16]
    return {**tables, "archive": whole if differing else done.stdout.split()[-1]}


def _compiled() -> None:
    """quotebot's modules compiled to bytecode once, as an installed quotebot has them (pip
    compiles a package it installs): an editable checkout run with PYTHONDONTWRITEBYTECODE=1
    compiles every module at every start, about 0.4 s of CPU a run of `quotebot ingest` and of
    each of its workers, which no user's ingest pays."""
    root = Path(__file__).resolve().parent.parent
    for package in ("bot", "store"):
        compileall.compile_dir(root / package, quiet=1)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotations", type=int, default=200_000)
    parser.add_argument("--sample", type=int, default=2_000, help="lines the baseline stores")
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--db", metavar="URL", help="a PostgreSQL server to measure on too")
    parser.add_argument(
        "--against",
        metavar="QUOTEBOT",
        help="another version's quotebot executable: the bulk import's baseline (run in turn, "
        "contents compared) instead of the per-article path; --articles 0 skips the ingest "
        "with extraction",
    )
    parser.add_argument(
        "--differing",
        metavar="TABLE",
        action="append",
        default=[],
        help="a table this version stores differently from --against's by design (a deliberate "
        "change, such as paragraphs no longer indexed): the contents compared are the other "
        "tables'; repeat for several",
    )
    return parser


def _write_dump(path: Path, size: int) -> None:
    """Quotebank's line format, the invented newsroom's direct quotations."""
    written = 0
    with bz2.open(path, "wt", encoding="utf-8") as dump:
        for article, quotations in Newsroom(7, size).articles():
            for quotation in quotations:
                written += 1
                line = {
                    "quoteID": f"{article.published:%Y-%m-%d}-{written:09d}",
                    "quotation": quotation.text,
                    "speaker": quotation.speaker or "None",
                    "qids": [],
                    "date": f"{article.published:%Y-%m-%d} 00:00:00",
                    "numOccurrences": 1,
                    "probas": [[quotation.speaker or "None", "0.9"]],
                    "urls": [f"{article.url}/{written}"],
                    "phase": "E",
                }
                dump.write(json.dumps(line) + "\n")


def _write_articles(path: Path, count: int) -> None:
    """Articles of about ARTICLE_WORDS words: one of the newsroom's articles (5-20 quotations),
    with paragraphs of the newsroom's narration added until it is long enough."""
    newsroom = Newsroom(11, count * 20)
    made = newsroom.articles()
    rng = random.Random(11)
    with path.open("w", encoding="utf-8") as export:
        for number in range(count):
            article, _ = next(made)
            paragraphs = article.text.split("\n\n")
            while len(" ".join(paragraphs).split()) < ARTICLE_WORDS:
                narration = " ".join(newsroom.speech.narration(rng) for _ in range(3))
                paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), narration)
            line = {
                "id": number,
                "title": article.title,
                "outlet": article.outlet,
                "url": f"{article.url}/{number}",
                "published": article.published.isoformat() if article.published else None,
                "text": "\n\n".join(paragraphs),
            }
            export.write(json.dumps(line) + "\n")


def _timed_ingest(url: str, source: Path, jobs: int, executable: Path = QUOTEBOT) -> float:
    """Seconds from the command's start to its end; its CPU time (with its worker processes',
    not the database server's) is printed, as the shared machine's load sways the wall time."""
    return timed_ingest(url, source, jobs, executable)[0]


def timed_ingest(
    url: str, source: Path, jobs: int, executable: Path = QUOTEBOT
) -> tuple[float, float]:
    """(wall seconds, CPU seconds of quotebot and its workers) of `quotebot ingest SOURCE`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [str(executable), "--db", url, "ingest", str(source), "--json", "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"quotebot ingest failed: {done.stderr.strip()[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    _say(f"{executable}: {seconds:.1f} s, {cpu:.1f} s of CPU ({source.name}, --jobs {jobs})")
    return seconds, cpu


def _per_article(url: str, source: Path) -> float:
    """The per-article path: extraction's result stored by Archive.add, one transaction each."""
    items = [item for item in read_sources([str(source)]) if not isinstance(item, ReadFailure)]
    started = time.perf_counter()
    with Archive.open(url) as archive:
        for article in items:
            archive.add(article, quotations_of(article))
    return time.perf_counter() - started


_created: list[str] = []


def _unique(prefix: str) -> str:
    return f"{prefix}{time.monotonic_ns()}"


def _fresh_postgres(server: str, name: str) -> str:
    name = f"quotebot_bench_bulk_{name}"
    _created.append(name)
    return verify_postgres.create(server, name)


def _drop_created(server: str | None) -> None:
    if server:
        for name in list(_created):
            verify_postgres.drop(server, name)


def _best(repeats: int, run: Callable[[], float]) -> list[float]:
    times = [run() for _ in range(repeats)]
    _say("runs: " + ", ".join(f"{seconds:.1f} s" for seconds in times))
    return times


def _print(rows: list[tuple]) -> None:
    print()
    print("| measurement | size | quotebot /s (best; all runs) | baseline /s | speed-up | target |")
    print("|---|--:|--:|--:|--:|--:|")
    for name, size, times, count, baseline_times, baseline_count, target in rows:
        rate = count / min(times)
        runs = ", ".join(f"{count / t:,.0f}" for t in times)
        base = baseline_count / min(baseline_times)
        met = "met" if rate >= target else "NOT met"
        print(
            f"| {name} | {size} | {rate:,.0f} ({runs}) | {base:,.0f} | {rate / base:.1f}× "
            f"| ≥ {target:,} {met} |"
        )


def _say(message: str) -> None:
    print(f"bench/bulk: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())

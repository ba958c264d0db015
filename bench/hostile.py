"""Time and peak memory of `quotebot` on hostile inputs, each against its bound.

Usage:
    python bench/hostile.py [--postgres SERVER_URL] [--keep DIR]

Each input is written small on disk (a gzip of kilobytes, or a file under the 20 MB cap) and
read by the real command in a process of its own: `quotebot ingest` into a new SQLite archive
(and, with `--postgres`, into a database created on that server for the run and dropped after
it), or `quotebot extract --json`. For each it prints the wall time, the peak resident memory
of the process and of any process it started (os.wait4's ru_maxrss, which covers the HTML
extractor's child), what the command reported, the bound and whether the row is within it.

The first rows are the baseline of the same run: an ordinary article through the same commands,
the floor every row starts from (starting Python, importing quotebot, opening the archive).

The inputs, as issue 11 found them: 2 MB of one-word quotations (`“a” said Bob.`, 142,857 of
them, gzipped to 5 KB; it once took 2.8 GB to ingest and 8.7 GB to extract), 1 GiB of blank
lines between two articles of a gzipped JSON Lines export (1 MB; it ran past 300 s), a 17 MB
HTML page of short paragraphs (the markup trafilatura's time grows fastest on; one ran past
300 s with 1.5 GB) and a 17 MB page whose scripts hide 0.9 MB of `x<br>` (the markup that costs
it the most memory), 100,000 quotation marks that never close, and `'said ' * 200000`. Bounds:
30 s and 500 MB each, 300 MB for the quotations.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

QUOTEBOT = Path(sys.executable).with_name("quotebot")
ROOT = Path(__file__).resolve().parent.parent
ORDINARY = ROOT / "samples" / "meridian-wire-harbour-strike.txt"
#: A row still running after this is stopped and shown as over its bound.
KILL_AFTER_S = 120.0
MB = 1_000_000


@dataclass(frozen=True)
class Case:
    name: str
    #: Writes the input into the folder; returns its path.
    make: Callable[[Path], Path]
    #: `ingest` or `extract`.
    command: str
    seconds: float = 30.0
    megabytes: float = 500.0


@dataclass(frozen=True)
class Row:
    case: Case
    database: str
    seconds: float
    megabytes: float
    outcome: str

    @property
    def within(self) -> bool:
        return self.seconds <= self.case.seconds and self.megabytes <= self.case.megabytes


def ordinary(folder: Path) -> Path:
    return Path(shutil.copy(ORDINARY, folder / "ordinary.txt"))


def one_word_quotations(folder: Path) -> Path:
    unit = "“a” said Bob. "
    text = "A hostile article\n\n" + unit * (2_000_000 // len(unit))
    path = folder / "one-word-quotations.txt.gz"
    path.write_bytes(gzip.compress(text.encode(), compresslevel=9))
    return path


def blank_lines(folder: Path) -> Path:
    path = folder / "blank-lines.jsonl.gz"
    first = {"id": "first", "text": "The harbour reopened on Monday, the port said."}
    last = {"id": "last", "text": "The ferry runs again, the operator said on Tuesday."}
    block = b"\n" * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(json.dumps(first).encode() + b"\n")
        for _ in range(1024):
            out.write(block)
        out.write(json.dumps(last).encode() + b"\n")
    return path


def html_page(folder: Path) -> Path:
    """17.6 MB of short paragraphs in an article: the markup trafilatura's time grows fastest
    on."""
    return _page(folder / "html-page.html", "", 17_600_000, lambda n: f"<p>Notice {n}.</p>")


def html_page_in_scripts(folder: Path) -> Path:
    """16.7 MB of scripts and 0.9 MB of `x<br>`, the markup that costs trafilatura the most
    memory, under the 1 MB markup limit."""
    script = "<script>var state = '" + "x" * 1_043_000 + "';</script>\n"
    return _page(folder / "html-page-in-scripts.html", script * 16, 900_000, lambda _: "x<br>")


def _page(path: Path, head: str, markup: int, unit: Callable[[int], str]) -> Path:
    parts = [f"<html><head><title>A hostile page</title>{head}</head><body><article>"]
    written, number = 0, 0
    while written < markup:
        parts.append(unit(number))
        written += len(parts[-1])
        number += 1
    parts.append("</article></body></html>")
    path.write_text("".join(parts), encoding="ascii")
    return path


def unbalanced_marks(folder: Path) -> Path:
    path = folder / "unbalanced-marks.txt"
    path.write_text("Unbalanced\n\n" + "he said “we will " * 100_000, encoding="utf-8")
    return path


def said(folder: Path) -> Path:
    path = folder / "said.txt"
    path.write_text("Said\n\n" + "said " * 200_000, encoding="utf-8")
    return path


CASES = (
    Case("baseline: an ordinary article (samples/)", ordinary, "ingest"),
    Case("baseline: an ordinary article (samples/)", ordinary, "extract"),
    Case("2 MB of one-word quotations, gzipped", one_word_quotations, "ingest", megabytes=300),
    Case("2 MB of one-word quotations, gzipped", one_word_quotations, "extract", megabytes=300),
    Case("1 GiB of blank lines in a gzipped export", blank_lines, "ingest"),
    Case("17.6 MB HTML page of short paragraphs", html_page, "ingest"),
    Case("17.6 MB HTML page: scripts, 0.9 MB of <br>", html_page_in_scripts, "ingest"),
    Case("100,000 quotation marks that never close", unbalanced_marks, "ingest"),
    Case("'said ' * 200000", said, "ingest"),
)


def run(case: Case, source: Path, database: str | None, folder: Path) -> Row:
    """The case's command in a process of its own: wall time and peak memory (with children)."""
    if case.command == "ingest":
        assert database is not None
        args = ["--db", database, "ingest", str(source), "--json"]
    else:
        args = ["extract", str(source), "--json"]
    _forget_peak_memory()
    started = time.perf_counter()
    with (folder / "stdout").open("wb") as stdout, (folder / "stderr").open("wb") as stderr:
        command = [str(QUOTEBOT), *args]
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=folder)
        usage = _wait(process)
        seconds = time.perf_counter() - started
    # Read in a process of its own too: `extract --json` prints 50 MB, which would raise this
    # process's memory, and every later row would start from it.
    outcome = subprocess.run(
        [sys.executable, __file__, "--outcome", case.command, str(folder), str(process.returncode)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    label = "-" if database is None else database.split(":", 1)[0].split("+", 1)[0]
    return Row(case, label, seconds, usage.ru_maxrss * 1024 / MB, outcome)


def _forget_peak_memory() -> None:
    """Reset this process's peak memory to what it holds now (Linux: clear_refs 5): a child
    started from it begins its own peak there, so rows must not inherit an earlier high."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _wait(process: subprocess.Popen[bytes]) -> resource.struct_rusage:
    deadline = time.monotonic() + KILL_AFTER_S
    while time.monotonic() < deadline:
        pid, _status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(_status)
            return usage
        time.sleep(0.02)
    process.kill()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage


def _outcome(command: str, folder: Path, code: int) -> str:
    """What the command said, in a few words: what it stored or printed, and any refusal."""
    try:
        document = json.loads((folder / "stdout").read_bytes())
    except ValueError:
        stderr = (folder / "stderr").read_text("utf-8", "replace")
        last = stderr.strip().splitlines()[-1:] or ["no output"]
        return f"exit {code}: {last[0][-70:]}"
    if command == "ingest":
        said = f"{document['articles']} stored, {document['quotes']:,} quotations"
    else:
        said = f"{len(document['quotes']):,} quotations printed"
    notes = [e["error"] for e in document.get("errors", [])]
    notes += [w["warning"] for w in document.get("warnings", [])]
    return said + "".join(f"; {note.split(':')[0]}" for note in notes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", metavar="SERVER_URL", help="also ingest into PostgreSQL")
    parser.add_argument("--keep", metavar="DIR", type=Path, help="write the inputs here")
    parser.add_argument("--make", metavar="DIR", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--outcome", nargs=3, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.make:
        _make_inputs(options.make)
        return
    if options.outcome:
        command, folder, code = options.outcome
        print(_outcome(command, Path(folder), int(code)))
        return
    folder = options.keep or Path(tempfile.mkdtemp(prefix="quotebot-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    # Made in a process of its own: a child's peak memory starts at its parent's, so the
    # parent stays lean and each row's figure is the command's own.
    subprocess.run([sys.executable, __file__, "--make", str(folder)], check=True)
    inputs = {path.stem.split(".")[0]: path for path in folder.iterdir()}
    sizes = {name: path.stat().st_size for name, path in inputs.items()}
    rows: list[Row] = []
    postgres = None
    if options.postgres:
        import verify_postgres

        name = f"quotebot_hostile_{secrets.token_hex(4)}"
        postgres = verify_postgres.create(options.postgres, name)
    try:
        for case in CASES:
            databases: list[str | None] = [None]
            if case.command == "ingest":
                databases = [_new_sqlite(folder), *([postgres] if postgres else [])]
            for database in databases:
                if postgres is not None and database == postgres:
                    _empty(postgres)
                rows.append(run(case, inputs[_input_name(case)], database, folder))
                print(_line(rows[-1]), file=sys.stderr, flush=True)
    finally:
        if postgres:
            verify_postgres.drop(options.postgres, name)
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(_table(rows, sizes))


def _make_inputs(folder: Path) -> None:
    for make in dict.fromkeys(case.make for case in CASES):
        made = make(folder)
        assert made.stem.split(".")[0] == make.__name__.replace("_", "-"), made


def _input_name(case: Case) -> str:
    return case.make.__name__.replace("_", "-")


def _new_sqlite(folder: Path) -> str:
    path = folder / f"archive-{secrets.token_hex(4)}.sqlite3"
    return f"sqlite:///{path}"


def _empty(url: str) -> None:
    """A fresh schema for each row: the archive starts empty, as the SQLite rows' do."""
    from sqlalchemy import create_engine

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()


def _line(row: Row) -> str:
    where = f"{row.case.command} {row.database}"
    return f"{row.case.name} [{where}]: {row.seconds:.1f} s, {row.megabytes:.0f} MB"


def _table(rows: list[Row], sizes: dict[str, int]) -> str:
    header = "| input | on disk | command | db | time s | peak MB | bound | within | what it said |"
    lines = [header, "|---|--:|---|---|--:|--:|---|---|---|"]
    for row in rows:
        size = sizes[_input_name(row.case)]
        lines.append(
            f"| {row.case.name} | {_size(size)} | {row.case.command} | {row.database} "
            f"| {row.seconds:.1f} | {row.megabytes:.0f} "
            f"| ≤ {row.case.seconds:.0f} s, ≤ {row.case.megabytes:.0f} MB "
            f"| {'yes' if row.within else 'NO'} | {row.outcome} |"
        )
    over = [row for row in rows if not row.within]
    lines.append("")
    lines.append("every row within its bound" if not over else f"{len(over)} rows over their bound")
    return "\n".join(lines)


def _size(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{size / 1000:.0f} KB"


if __name__ == "__main__":
    main()

"""Output for people at a terminal: quotations, archive statistics, ingest summaries, progress.

Rich decides per stream whether it is a terminal: colour and the progress bar appear only
there, so the same commands write plain text into files, pipes and cron mail. Every piece of
article or user text is printed as plain text, never as markup, and stripped of control
characters, so an article cannot restyle or clear the reader's terminal.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from store.archive import ArchiveStats
from store.article import Article
from store.ingest import IngestReport
from store.quotation import Quotation

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_SHOWN_SOURCE_CHARS = 60
#: How often the progress bar is told what was read: as often as it redraws.
_REDRAW_SECONDS = 0.1


def one_line(text: str) -> str:
    """The text on one line, without control characters (escape sequences, newlines)."""
    return _CONTROL.sub(" ", text).strip()


def stdout() -> Console:
    # Made per call: the stream is looked up when printing (click's test runner swaps it).
    return Console(soft_wrap=True, highlight=False)


@contextmanager
def ingest_progress(console: Console | None = None) -> Iterator[Callable[[str], None] | None]:
    """A progress callback drawing a bar on stderr (or `console`) when it is a terminal, else
    None.

    The bar is told what was read at most every _REDRAW_SECONDS: a Quotebank import reads
    ten thousand lines a second, and telling the bar of each one took 8 % of the import's time
    at a terminal, for a bar that redraws ten times a second."""
    console = Console(stderr=True) if console is None else console
    if not console.is_terminal:
        yield None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed} read"),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=None)
        untold = 0
        told_at = 0.0
        latest = ""

        def tell() -> None:
            nonlocal untold, told_at
            shown = one_line(latest)[-_SHOWN_SOURCE_CHARS:]
            progress.update(task, advance=untold, description=escape(shown))
            untold, told_at = 0, time.monotonic()

        def advance(source: str) -> None:
            nonlocal untold, latest
            untold += 1
            latest = source
            if time.monotonic() - told_at >= _REDRAW_SECONDS:
                tell()

        try:
            yield advance
        finally:
            tell()  # the bar's last frame counts everything read


def print_ingest_summary(report: IngestReport) -> None:
    parts = [
        f"Stored {_count(report.articles, 'article')} with {_count(report.quotes, 'quotation')}"
    ]
    if report.duplicates:
        parts.append(f"{_count(report.duplicates, 'duplicate')} already in the archive")
    if report.errors:
        parts.append(f"{_count(len(report.errors), 'source')} failed")
    stdout().print("; ".join(parts) + ".")


def print_reindexed(quotations: int, paragraphs: int) -> None:
    stdout().print(
        f"Reindexed {_count(quotations, 'quotation')} and {_count(paragraphs, 'paragraph')}."
    )


def print_quotations(article: Article, quotations: Sequence[Quotation]) -> None:
    """The article's heading, then each quotation: speaker (role) — “words” [kind] told/via."""
    console = stdout()
    heading = Text(one_line(article.title or article.source), style="bold")
    published = article.published.isoformat() if article.published else None
    details = [detail for detail in (article.outlet, published) if detail]
    if details:
        heading.append(" — " + one_line(", ".join(details)))
    console.print(heading)
    if not quotations:
        console.print(Text("  no quotations found", style="dim"))
    for quotation in quotations:
        console.print(quotation_line(quotation))


def quotation_line(quotation: Quotation) -> Text:
    line = Text("  ")
    line.append(one_line(quotation.speaker or "unknown speaker"), style="bold")
    if quotation.speaker_role:
        line.append(f" ({one_line(quotation.speaker_role)})")
    line.append(f" — “{one_line(quotation.text)}” ")
    line.append(f"[{quotation.kind}]", style="dim")
    if quotation.reported_to:
        line.append(f" told {one_line(quotation.reported_to)}")
    if quotation.via:
        line.append(f" via {one_line(quotation.via)}")
    return line


def print_stats(stats: ArchiveStats) -> None:
    console = stdout()
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_column()
    by_kind = ", ".join(f"{count} {kind}" for kind, count in stats.quotations_by_kind.items())
    table.add_row("Articles", str(stats.articles), "")
    table.add_row("Quotations", str(stats.quotations), by_kind)
    table.add_row("Speakers", str(stats.speakers), "")
    table.add_row("Outlets", str(stats.outlets), "")
    if stats.earliest_published is not None:
        span = f"{stats.earliest_published.isoformat()} to {stats.latest_published.isoformat()}"
        table.add_row("Published", "", span)
    if stats.lookups or stats.feedback:
        flagged = f"{stats.feedback} flagged as the wrong match"
        table.add_row("Lookups", str(stats.lookups), flagged)
    if stats.adds:
        table.add_row("Adds", str(stats.adds), "asked for through the bot (/quote add)")
    console.print(table)
    if stats.top_speakers:
        top = Table(title="Most quoted", title_justify="left", box=None, pad_edge=False)
        top.add_column("Speaker")
        top.add_column("Quotations", justify="right")
        for speaker in stats.top_speakers:
            top.add_row(Text(one_line(speaker.name)), str(speaker.quotations))
        console.print()
        console.print(top)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

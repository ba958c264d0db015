"""The `quotebot` command: thin click commands over the library in `store/`.

The CLI is how scripts, tests and benchmarks drive quotebot, so its contract is strict: with
`--json` stdout carries one JSON document (JSON Lines where noted) and nothing else; every
failure goes to stderr as one line, `quotebot: <source>: <error>`; the exit code is 1 when
anything failed and 2 for a usage error. Without `--json`, output is for people (terminal.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click

from bot import terminal
from bot.terminal import one_line
from store.archive import Archive
from store.article import Article
from store.db import schema
from store.db.engine import create_archive_engine
from store.errors import ArchiveError
from store.ingest import ExtractionFailed, quotations_of
from store.ingest import ingest as ingest_sources
from store.quotation import Quotation
from store.readers import FORMATS, ReadFailure, read_sources
from store.settings import database_url

Command = TypeVar("Command", bound=Callable[..., Any])


class CommandFailed(click.ClickException):
    """A failure explained in one line on stderr, exit code 1, no traceback."""

    def show(self, file: Any = None) -> None:
        click.echo(f"quotebot: {one_line(self.message)}", err=True)


class QuotebotGroup(click.Group):
    """Commands whose ArchiveErrors become one line on stderr instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArchiveError as error:
            raise CommandFailed(str(error)) from None


# Options shared by several commands, defined once.


def format_option(command: Command) -> Command:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="auto",
        show_default=True,
        help="How to read the sources; auto decides each one by its content.",
    )(command)


def json_option(command: Command) -> Command:
    return click.option(
        "--json", "as_json", is_flag=True, help="Print one JSON document on stdout, and only that."
    )(command)


@click.group(cls=QuotebotGroup)
@click.option(
    "--db",
    metavar="URL",
    help="Archive database URL. Default: DATABASE_URL from the environment or .env, "
    "else an SQLite file in $QUOTEBOT_HOME.",
)
@click.version_option(package_name="quotebot")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Verify quotations against an archive of attributed quotes from news articles.

    \b
    Example:
        quotebot ingest articles/
        quotebot --db postgresql://archive.example/newsroom stats
    """
    ctx.obj = db


def main() -> None:
    """The console script `quotebot`."""
    cli(prog_name="quotebot")


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH|URL|- ...")
@format_option
@click.option("--outlet", metavar="NAME", help="Outlet for articles whose source names none.")
@click.option("--url", metavar="URL", help="URL for articles whose source gives none.")
@click.option(
    "--published",
    metavar="DATE",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD) for articles whose source gives none.",
)
@json_option
@click.pass_context
def ingest(
    ctx: click.Context,
    sources: tuple[str, ...],
    fmt: str,
    outlet: str | None,
    url: str | None,
    published: dt.datetime | None,
    as_json: bool,
) -> None:
    """Read articles, extract their quotations, store them.

    \b
    Example:
        quotebot ingest articles/ exports/2024-05.jsonl
        quotebot ingest story.html --outlet "Northfold Courier" --published 2024-05-02
        curl -s https://news.example/feed.xml | quotebot ingest - --format feed --json
    """
    archive = _open_archive(ctx)
    with terminal.ingest_progress() as on_progress:
        report = ingest_sources(
            sources,
            archive,
            fmt=fmt,
            outlet=outlet,
            url=url,
            published=published.date() if published else None,
            on_progress=on_progress,
        )
    for error in report.errors:
        _report_failure(error.source, error.error)
    if as_json:
        _print_json(report.to_json())
    else:
        terminal.print_ingest_summary(report)
    ctx.exit(1 if report.errors else 0)


@cli.command()
@click.argument("source", metavar="PATH|-")
@format_option
@click.option(
    "--jsonl",
    is_flag=True,
    help='Read JSON Lines of articles ({"id", "text", ...}); print one {"id", "quotes"} per line.',
)
@json_option
@click.pass_context
def extract(ctx: click.Context, source: str, fmt: str, jsonl: bool, as_json: bool) -> None:
    """Print an article's quotations without storing them.

    \b
    Example:
        quotebot extract story.txt
        quotebot extract story.html --json
        quotebot extract batch.jsonl --jsonl > quotes.jsonl
    """
    if jsonl and fmt not in ("auto", "jsonl"):
        raise click.UsageError(f"--jsonl reads JSON Lines; it cannot be used with --format {fmt}")
    items = read_sources([source], "jsonl" if jsonl else fmt)
    if jsonl:
        failed = _extract_lines(items)
    elif as_json:
        failed = _extract_one_document(items, source)
    else:
        failed = _extract_for_people(items)
    ctx.exit(1 if failed else 0)


@cli.command()
@json_option
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Count the archive's articles, quotations and speakers.

    \b
    Example:
        quotebot stats
        quotebot --db sqlite:///var/demo.sqlite3 stats --json
    """
    summary = _open_archive(ctx).stats()
    if as_json:
        _print_json(summary.to_json())
    else:
        terminal.print_stats(summary)


@cli.group()
def db() -> None:
    """Inspect and upgrade the archive's database schema.

    \b
    Example:
        quotebot db current
        quotebot --db postgresql://archive.example/newsroom db upgrade
    """


@db.command()
@click.pass_context
def upgrade(ctx: click.Context) -> None:
    """Bring the archive's schema to the revision this quotebot needs.

    \b
    Example:
        quotebot db upgrade
    """
    engine = create_archive_engine(database_url(ctx.find_root().obj))
    try:
        before = schema.current_revision(engine)
        after = schema.upgrade(engine)
    finally:
        engine.dispose()
    if before == after:
        click.echo(f"The archive's schema is already at revision {after}.")
    else:
        click.echo(f"Upgraded the archive's schema from revision {before or 'none'} to {after}.")


@db.command()
@click.pass_context
def current(ctx: click.Context) -> None:
    """Print the archive's schema revision.

    \b
    Example:
        quotebot db current
    """
    engine = create_archive_engine(database_url(ctx.find_root().obj))
    try:
        revision = schema.current_revision(engine)
    finally:
        engine.dispose()
    head = schema.head_revision()
    if revision == head:
        click.echo(f"{revision} (current)")
    elif revision is None:
        click.echo(f"none: an empty database, set up at {head} on first use")
    else:
        click.echo(f"{revision} (this quotebot needs {head}: run `quotebot db upgrade`)")


def _open_archive(ctx: click.Context) -> Archive:
    archive = Archive.open(database_url(ctx.find_root().obj))
    return ctx.with_resource(archive)


def _extract_lines(items: Iterable[Article | ReadFailure]) -> bool:
    """`extract --jsonl`: one line per article, in input order; True when any line failed."""
    failed = False
    for extracted in _extracted(items):
        if extracted is None:
            failed = True
        else:
            article, quotations = extracted
            _print_json({"id": article.external_id, "quotes": [q.to_json() for q in quotations]})
    return failed


def _extract_one_document(items: Iterable[Article | ReadFailure], source: str) -> bool:
    """`extract --json`: the source's one article as one document; True when anything failed."""
    failed = False
    found: tuple[Article, list[Quotation]] | None = None
    for extracted in _extracted(items):
        if extracted is None:
            failed = True
        elif found is not None:
            raise CommandFailed(
                f"{one_line(source)}: holds several articles and extract --json prints one: "
                "use --jsonl for a JSON Lines export, or ingest"
            )
        else:
            found = extracted
    if found is None:
        if not failed:
            _report_failure(source, "no article found")
        return True
    article, quotations = found
    _print_json(
        {
            "title": article.title,
            "outlet": article.outlet,
            "published": article.published.isoformat() if article.published else None,
            "quotes": [q.to_json() for q in quotations],
        }
    )
    return failed


def _extract_for_people(items: Iterable[Article | ReadFailure]) -> bool:
    failed = False
    for extracted in _extracted(items):
        if extracted is None:
            failed = True
        else:
            terminal.print_quotations(*extracted)
    return failed


def _extracted(
    items: Iterable[Article | ReadFailure],
) -> Iterator[tuple[Article, list[Quotation]] | None]:
    """Each article with its quotations, or None for a source reported as failed on stderr."""
    for item in items:
        if isinstance(item, ReadFailure):
            _report_failure(item.source, item.error)
            yield None
            continue
        try:
            yield item, quotations_of(item)
        except ExtractionFailed as failure:
            _report_failure(item.source, str(failure))
            yield None


def _report_failure(source: str, error: str) -> None:
    click.echo(f"quotebot: {one_line(source)}: {one_line(error)}", err=True)


def _print_json(document: dict[str, Any]) -> None:
    click.echo(json.dumps(document, ensure_ascii=False))

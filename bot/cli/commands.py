"""The `quotebot` command: thin click commands over the library in `store/`.

The CLI is how scripts, tests and benchmarks drive quotebot, so its contract is strict: with
`--json` stdout carries one JSON document (JSON Lines where noted) and nothing else; every
failure goes to stderr as one line, `quotebot: <source>: <error>`; the exit code is 1 when
anything failed and 2 for a usage error. Without `--json`, output is for people (terminal.py,
card.py for the verifier's answers).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import click

from bot.cli import card, review_table, terminal
from bot.cli.terminal import one_line
from bot.resurfacing import Alert, article_alerts, draft_alerts
from bot.review_words import draft_speaker
from bot.verifier.pastes import Paste, paste_argument, pastes_in_jsonl, pastes_in_lines
from bot.verifier.trust import TrustSettingError, trust_from_environment
from bot.verifier.verdict import CheckResult
from bot.verifier.verify import Verifier
from store.archive import Archive
from store.article import Article
from store.db import schema
from store.db.engine import archive_errors, create_archive_engine, for_writing
from store.errors import ArchiveError
from store.extract.capped import CappedQuotations
from store.ingest import (
    ExtractionFailed,
    IngestWarning,
    cap_warning,
    capped_quotations_of,
    warning_json,
)
from store.ingest import ingest as ingest_sources
from store.limits import Limits, limits_from_environment
from store.pipeline import default_jobs
from store.quotation import Quotation
from store.readers import FORMATS, ReadFailure, read_sources
from store.readers.failure import ReadError
from store.search.rebuild import reindex as rebuild_index
from store.search.version import OLDER_INDEX_ADVICE
from store.settings import database_read_urls, database_url

Command = TypeVar("Command", bound=Callable[..., Any])
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    help="Archive database URL, read and written alone (no DATABASE_READ_URL replicas). "
    "Default: DATABASE_URL from the environment or .env, else an SQLite file in $QUOTEBOT_HOME.",
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
    if ctx.invoked_subcommand != "serve":  # the bot logs them in its own format
        _show_library_warnings(ctx)


class _WarningLines(logging.Handler):
    """What the library logs for a user to know (an article indexed in part), as one
    `quotebot: …` line on stderr like every other message."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"quotebot: {one_line(record.getMessage())}", err=True)


def _show_library_warnings(ctx: click.Context) -> None:
    library = logging.getLogger("store")
    handler = _WarningLines(logging.WARNING)
    library.addHandler(handler)
    ctx.call_on_close(lambda: library.removeHandler(handler))


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
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes extracting quotations while one process stores them. "
    "Default: the number of cores.",
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
    jobs: int | None,
    as_json: bool,
) -> None:
    """Read articles, extract their quotations, store them.

    \b
    Example:
        quotebot ingest articles/ exports/2024-05.jsonl
        quotebot ingest quotebank-2020.json.bz2 --jobs 4
        quotebot ingest story.html --outlet "Northfold Courier" --published 2024-05-02
        curl -s https://news.example/feed.xml | quotebot ingest - --format feed --json
    """
    limits = limits_from_environment()
    archive = _open_archive(ctx)
    alerts: list[Alert] = []

    def on_quoted(article: Article, quoted: list[str]) -> None:
        alerts.extend(article_alerts(archive, article, quoted))

    with terminal.ingest_progress() as on_progress:
        report = ingest_sources(
            sources,
            archive,
            fmt=fmt,
            outlet=outlet,
            url=url,
            published=published.date() if published else None,
            on_progress=on_progress,
            limits=limits,
            jobs=jobs or default_jobs(),
            on_quoted=on_quoted,
        )
    for error in report.errors:
        _report_failure(error.source, error.error)
    _report_alerts(alerts)
    if as_json:
        _print_json({**report.to_json(), "alerts": [alert.to_json() for alert in alerts]})
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
    limits = limits_from_environment()
    items = _extracted(_read_with(limits, [source], "jsonl" if jsonl else fmt), limits)
    if jsonl:
        failed = _extract_lines(items)
    elif as_json:
        failed = _extract_one_document(items, source)
    else:
        failed = _extract_for_people(items)
    ctx.exit(1 if failed else 0)


@cli.command()
@click.argument("paste", metavar="TEXT|-")
@click.option(
    "--speaker",
    metavar="NAME",
    help="Who the quote is credited to, instead of any name written in the paste.",
)
@json_option
@click.option(
    "--jsonl",
    is_flag=True,
    help='Read JSON Lines of pastes ({"id", "text", "speaker"?}) from the file TEXT names '
    "(or -); print one document per line, with its id.",
)
@click.option(
    "--each",
    is_flag=True,
    help="Check each line of the file TEXT names (or -) as a paste; lines starting with # "
    "are headings.",
)
@click.pass_context
def check(
    ctx: click.Context,
    paste: str,
    speaker: str | None,
    as_json: bool,
    jsonl: bool,
    each: bool,
) -> None:
    """Verify a pasted quote: who said it, where it was printed, and whether the words match.

    \b
    Example:
        quotebot check '"Nobody crosses, and nothing moves," Dez Hartigan said.'
        pbpaste | quotebot check - --speaker "Dez Hartigan" --json
        quotebot check pastes.jsonl --jsonl > verdicts.jsonl
        quotebot check --each pastes.txt
    """
    if as_json and jsonl:
        raise click.UsageError("--jsonl already prints JSON; use --json or --jsonl, not both")
    if each and (as_json or jsonl):
        raise click.UsageError("--each prints cards; for a batch as JSON, use --jsonl")
    if jsonl:
        failed = _check_lines(_verifier(ctx), pastes_in_jsonl(paste, speaker))
    elif each:
        failed = _check_each(_verifier(ctx), pastes_in_lines(paste, speaker))
    else:
        try:
            text = paste_argument(paste)
        except ReadError as error:
            raise CommandFailed(str(error)) from None
        failed = _check_one(_verifier(ctx), Paste(text, speaker, "<argument>"), as_json)
    ctx.exit(1 if failed else 0)


@cli.command()
@click.argument("draft", metavar="DRAFT")
@json_option
@click.pass_context
def review(ctx: click.Context, draft: str, as_json: bool) -> None:
    """Verify every quotation of a draft article against the archive.

    DRAFT is a text or HTML file (or - for standard input) holding one article. The exit code
    is 0 even when quotations fail to verify: the table is the answer.

    \b
    Example:
        quotebot review draft.txt
        quotebot review draft.html --json > review.json
    """
    article = _read_draft(draft)
    verifier = _verifier(ctx)
    reviewed, kept = verifier.review(article, limit=limits_from_environment().max_quotations)
    for warning in _cap_warnings(article, kept):
        _report_warning(warning)
    alerts = draft_alerts(verifier.archive, article, reviewed)
    _report_alerts(alerts)
    if as_json:
        _print_json(
            {
                "quotes": [_review_document(q, result) for q, result in reviewed],
                "alerts": [alert.to_json() for alert in alerts],
            }
        )
    else:
        review_table.print_review(article, reviewed)


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


@cli.command()
@click.option(
    "--socket",
    "mode",
    flag_value="socket",
    default=True,
    help="Connect to Slack over a WebSocket (Socket Mode; the default): no public URL needed. "
    "Needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN.",
)
@click.option(
    "--http",
    "mode",
    flag_value="http",
    help="Serve Slack's HTTP requests at /slack/events, e.g. behind a load balancer. Needs "
    "SLACK_SIGNING_SECRET, and SLACK_BOT_TOKEN or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=3000,
    show_default=True,
    help="Port for --http (0: any free port, printed at start).",
)
@click.option(
    "--host", default="0.0.0.0", show_default=True, help="Address to listen on for --http."
)
@click.pass_context
def serve(ctx: click.Context, mode: str, port: int, host: str) -> None:
    """Run the Slack bot until stopped (Ctrl-C or SIGTERM).

    Settings come from the environment or .env; see .env.example and "Install in Slack" in
    the README.

    \b
    Example:
        quotebot serve
        quotebot serve --http --port 3000
    """
    from bot.slack.server import ServeError, serve_from_environment

    try:
        explicit = ctx.find_root().obj
        serve_from_environment(
            mode,
            database_url(explicit),
            read_urls=database_read_urls(explicit),
            host=host,
            port=port,
            announce=_announce,
        )
    except ServeError as error:
        raise CommandFailed(str(error)) from None


def _announce(line: str) -> None:
    click.echo(f"quotebot: {line}", err=True)


@cli.group()
def db() -> None:
    """Inspect and upgrade the archive's schema, and its search index.

    \b
    Example:
        quotebot db current
        quotebot --db postgresql://archive.example/newsroom db upgrade
        quotebot db reindex
        quotebot db refresh
    """


@db.command()
@click.pass_context
def upgrade(ctx: click.Context) -> None:
    """Bring the archive's schema to the revision this quotebot needs.

    An archive stored before the search index existed is indexed at the end. When the index
    was built by an older quotebot, the upgrade says so: run `quotebot db reindex` next.

    \b
    Example:
        quotebot db upgrade
    """
    engine = create_archive_engine(database_url(ctx.find_root().obj))
    try:
        before = schema.current_revision(engine)
        if before is not None and before != schema.head_revision():
            # Revisions that re-index stored quotations take minutes on a large archive.
            click.echo(
                f"Upgrading the archive's schema from revision {before}; on a large archive "
                "this can take several minutes…",
                err=True,
            )
        after = schema.upgrade(engine)
        older_index = schema.index_needs_rebuilding(engine)
    finally:
        engine.dispose()
    if before == after:
        click.echo(f"The archive's schema is already at revision {after}.")
    else:
        click.echo(f"Upgraded the archive's schema from revision {before or 'none'} to {after}.")
    if older_index:
        click.echo(f"Note: {OLDER_INDEX_ADVICE}.")


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


@db.command()
@click.pass_context
def reindex(ctx: click.Context) -> None:
    """Read every stored quotation and paragraph again into the archive's search index.

    Needed when `quotebot db upgrade` or `quotebot check` says the index was built by an older
    quotebot: until then, articles stored before are found by their other words only. Checks
    go on meanwhile, with the old index; ingests wait for the end.

    \b
    Example:
        quotebot db reindex
    """
    engine = create_archive_engine(database_url(ctx.find_root().obj))
    try:
        schema.ensure_current(engine)
        click.echo("Reindexing the archive; on a large archive this takes minutes…", err=True)
        with archive_errors(engine), for_writing(engine).begin() as connection:
            quotations, paragraphs = rebuild_index(connection)
    finally:
        engine.dispose()
    terminal.print_reindexed(quotations, paragraphs)


@db.command()
@click.pass_context
def refresh(ctx: click.Context) -> None:
    """Refresh what the search index knows of itself: its common terms, and (SQLite) its layout.

    An ingest does this itself once it has stored a tenth of the archive or more; an archive
    that grows by many smaller ingests (a newsroom's daily one) can have it done on a schedule
    instead, a nightly job for instance. It reads the whole index: seconds at a million
    quotations. Checks go on meanwhile.

    \b
    Example:
        quotebot db refresh
    """
    archive = _open_archive(ctx)
    click.echo("Refreshing the search index's statistics…", err=True)
    archive.refresh_statistics()
    click.echo("Refreshed the search index's statistics.")


def _open_archive(ctx: click.Context) -> Archive:
    """The archive of `--db` or DATABASE_URL; checks, reviews and stats read from its replicas
    (DATABASE_READ_URL) when there are any, the Archive picks (store.archive)."""
    explicit = ctx.find_root().obj
    archive = Archive.open(database_url(explicit), database_read_urls(explicit))
    return ctx.with_resource(archive)


Extracted = tuple[Article, CappedQuotations]


def _extract_lines(items: Iterable[Extracted | None]) -> bool:
    """`extract --jsonl`: one line per article, in input order; True when any line failed."""

    def line(article: Article, kept: CappedQuotations) -> None:
        _print_json(
            {
                "id": article.external_id,
                "quotes": (q.to_json() for q in kept.quotations),
                "warnings": _warnings_json(article, kept),
            }
        )

    return _each_extracted(items, line)


def _extract_one_document(items: Iterable[Extracted | None], source: str) -> bool:
    """`extract --json`: the source's one article as one document; True when anything failed."""
    failed = False
    found: Extracted | None = None
    for extracted in items:
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
    article, kept = found
    _print_json(
        {
            "title": article.title,
            "outlet": article.outlet,
            "published": article.published.isoformat() if article.published else None,
            "quotes": (q.to_json() for q in kept.quotations),
            "warnings": _warnings_json(article, kept),
        }
    )
    return failed


def _extract_for_people(items: Iterable[Extracted | None]) -> bool:
    return _each_extracted(
        items, lambda article, kept: terminal.print_quotations(article, kept.quotations)
    )


def _each_extracted(
    items: Iterable[Extracted | None], show: Callable[[Article, CappedQuotations], None]
) -> bool:
    """Show each article extracted, in input order; True when any failed (None: its failure
    is already reported)."""
    failed = False
    for extracted in items:
        if extracted is None:
            failed = True
        else:
            show(*extracted)
    return failed


def _read_with(
    limits: Limits, sources: Sequence[str], fmt: str = "auto"
) -> Iterator[Article | ReadFailure]:
    """The articles of `sources`, read under the limits set for this run."""
    return read_sources(
        sources,
        fmt,
        max_decompressed_bytes=limits.max_decompressed_bytes,
        max_html_bytes=limits.max_html_bytes,
    )


def _extracted(
    items: Iterable[Article | ReadFailure], limits: Limits
) -> Iterator[Extracted | None]:
    """Each article with its (capped) quotations, or None for a source reported as failed on
    stderr; a cap that left quotations out is reported on stderr as a warning."""
    for item in items:
        if isinstance(item, ReadFailure):
            _report_failure(item.source, item.error)
            yield None
            continue
        try:
            kept = capped_quotations_of(item, limits.max_quotations)
        except ExtractionFailed as failure:
            _report_failure(item.source, str(failure))
            yield None
            continue
        for warning in _cap_warnings(item, kept):
            _report_warning(warning)
        yield item, kept


def _cap_warnings(article: Article, kept: CappedQuotations) -> list[IngestWarning]:
    """The warning that the quotation cap left some of the article's quotations out, if it
    did: on stderr for people, under "warnings" in --json."""
    return [IngestWarning(article.source, cap_warning(kept))] if kept.capped else []


def _warnings_json(article: Article, kept: CappedQuotations) -> list[dict[str, str]]:
    return [warning_json(warning) for warning in _cap_warnings(article, kept)]


def _verifier(ctx: click.Context) -> Verifier:
    """The verifier of the archive, trusting what QUOTEBOT_TRUSTED_* name (bot.verifier.trust),
    with a warning (once) when the archive's index is older than this quotebot's reading."""
    try:
        trust = trust_from_environment()
    except TrustSettingError as error:
        raise CommandFailed(str(error)) from None
    archive = _open_archive(ctx)
    if schema.index_needs_rebuilding(archive.engine):
        click.echo(f"quotebot: warning: {OLDER_INDEX_ADVICE}", err=True)
    return Verifier(archive, trust)


def _check_one(verifier: Verifier, paste: Paste, as_json: bool) -> bool:
    """`check TEXT`: the paste's document or cards; True when it could not be checked."""
    results = _checked(verifier, paste)
    problems = _report_problems(results, source=None)
    if as_json:
        _print_json(_check_document(results))
    else:
        _print_cards([result for result in results if result.problem is None])
    return problems


def _check_lines(verifier: Verifier, pastes: Iterable[Paste | ReadFailure]) -> bool:
    """`check --jsonl`: a document per readable line, in input order; True when any failed."""

    def line(paste: Paste, results: list[CheckResult]) -> None:
        _print_json({"id": paste.id, **_check_document(results)})

    return _each_checked(verifier, pastes, line)


def _check_each(verifier: Verifier, pastes: Iterable[Paste | ReadFailure]) -> bool:
    """`check --each`: under each paste's heading, its cards; True when any failed."""
    console = terminal.stdout()

    def cards(paste: Paste, results: list[CheckResult]) -> None:
        if paste.heading:
            console.print(card.heading(paste.heading))
        _print_cards([result for result in results if result.problem is None])
        console.print()

    return _each_checked(verifier, pastes, cards)


def _each_checked(
    verifier: Verifier,
    pastes: Iterable[Paste | ReadFailure],
    show: Callable[[Paste, list[CheckResult]], None],
) -> bool:
    """Check each line of a batch and show it, in input order; True when any line could not be
    read or checked, or its check found a problem (each reported on stderr, the batch going
    on with the next line)."""
    failed = False
    for paste in pastes:
        results = _checked_line(verifier, paste)
        if results is None:
            failed = True
            continue
        assert isinstance(paste, Paste)  # a ReadFailure has no results
        failed = _report_problems(results, source=paste.source) or failed
        show(paste, results)
    return failed


def _checked_line(verifier: Verifier, paste: Paste | ReadFailure) -> list[CheckResult] | None:
    """One line of a batch checked, or None when it could not be read or checked: reported on
    stderr, and the batch goes on with the next line."""
    if isinstance(paste, ReadFailure):
        _report_failure(paste.source, paste.error)
        return None
    try:
        return _checked(verifier, paste)
    except ArchiveError as error:
        _report_failure(paste.source, str(error))
        return None


def _checked(verifier: Verifier, paste: Paste) -> list[CheckResult]:
    results = verifier.check(paste.text, paste.speaker)
    if not results:
        raise CommandFailed(f"{paste.source}: the verifier returned no answer for the paste")
    return results


def _check_document(results: Sequence[CheckResult]) -> dict[str, Any]:
    """The first quoted stretch's document; the others, when the paste has several, under
    "others", so that a paste of one quote always reads the same."""
    first, *others = results
    document = first.to_json()
    if others:
        document["others"] = [result.to_json() for result in others]
    return document


def _report_problems(results: Iterable[CheckResult], source: str | None) -> bool:
    """Each paste that could not be checked, on stderr; True when there was one."""
    problems = [result.problem for result in results if result.problem is not None]
    for problem in problems:
        if source is None:
            click.echo(f"quotebot: {one_line(problem)}", err=True)
        else:
            _report_failure(source, problem)
    return bool(problems)


def _print_cards(results: Sequence[CheckResult]) -> None:
    console = terminal.stdout()
    for number, result in enumerate(results):
        if number:
            console.print()
        card.print_card(result, console)


def _read_draft(draft: str) -> Article:
    """The one article of `draft`; a clear error when it holds none, several, or is unreadable."""
    found: Article | None = None
    for item in itertools.islice(read_sources([draft]), 2):
        if isinstance(item, ReadFailure):
            raise CommandFailed(f"{one_line(item.source)}: {item.error}")
        if found is not None:
            raise CommandFailed(
                f"{one_line(draft)}: holds several articles and review reads one draft"
            )
        found = item
    if found is None:
        raise CommandFailed(f"{one_line(draft)}: no article found")
    return found


def _review_document(quotation: Quotation, result: CheckResult) -> dict[str, Any]:
    return {
        "text": quotation.text,
        "speaker": draft_speaker(quotation),
        "result": result.to_json(),
    }


def _report_failure(source: str, error: str) -> None:
    click.echo(f"quotebot: {one_line(source)}: {one_line(error)}", err=True)


def _report_alerts(alerts: Iterable[Alert]) -> None:
    """Each ruled quote seen at a new place, on stderr: `quotebot: alert: A quote ruled …`."""
    for alert in alerts:
        click.echo(f"quotebot: alert: {one_line(alert.sentence)}", err=True)


def _report_warning(warning: IngestWarning) -> None:
    _report_failure(warning.source, f"warning: {warning.warning}")


def _print_json(document: dict[str, Any]) -> None:
    """One JSON document on one line of stdout. A value that is an iterator is written as a
    list an item at a time, so that thousands of quotations (with their paragraphs) are never
    held as one document, nor as one string."""
    click.echo("{", nl=False)
    for number, (key, value) in enumerate(document.items()):
        click.echo(f"{', ' if number else ''}{_json_text(key)}: ", nl=False)
        if isinstance(value, Iterator):
            click.echo("[", nl=False)
            for position, item in enumerate(value):
                click.echo(f"{', ' if position else ''}{_json_text(item)}", nl=False)
            click.echo("]", nl=False)
        else:
            click.echo(_json_text(value), nl=False)
    click.echo("}")


def _json_text(value: object) -> str:
    """JSON as people read it (UTF-8, not \\u escapes), unless it holds what UTF-8 cannot
    encode (a lone surrogate from a file name): then escaped, rather than a crash mid-line."""
    text = json.dumps(value, ensure_ascii=False)
    return json.dumps(value) if _SURROGATE.search(text) else text

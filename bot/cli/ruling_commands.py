"""The desk's rulings at the command line: `quotebot rule`, `quotebot rulings` and
`quotebot export claimreview`.

A ruling is the fact-checkers' own word, so every input is checked before anything is stored:
an unknown ruling, a link that is not http(s), a note over 2,000 characters each stop the
command with one line and exit code 2, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import replace

import click
from rich.text import Text

from bot.claimreview import ExportSettingError, claim_reviews, publisher_from_environment
from bot.cli import card, terminal
from bot.cli.commands import (
    Command,
    CommandFailed,
    _json_text,
    _open_archive,
    _print_json,
    _verifier,
    cli,
    json_option,
)
from bot.cli.terminal import one_line
from bot.verifier.pastes import paste_argument
from bot.verifier.query import parse_query
from bot.verifier.rulings import ruled_quotation
from store.readers.failure import ReadError
from store.rulings import RULING_KINDS, Ruling, RulingError, ruling_input

#: Rulings the register prints at most.
REGISTER_LIMIT = 1_000


def since_option(command: Command) -> Command:
    return click.option(
        "--since",
        metavar="DATE",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        help="Only rulings made or revised on this day (YYYY-MM-DD) or later.",
    )(command)


class RulingRefused(CommandFailed):
    """A ruling that cannot be recorded as given: one line on stderr, exit code 2."""

    exit_code = 2


@cli.command()
@click.argument("paste", metavar="TEXT|-")
@click.option(
    "--ruling",
    "kind",
    required=True,
    metavar="RULING",
    help=f"What the desk found: {', '.join(RULING_KINDS)}.",
)
@click.option("--speaker", metavar="NAME", help="Who really said it (misattributed, confirmed).")
@click.option("--printed", metavar="TEXT", help="The words as really printed (misquoted).")
@click.option("--note", metavar="TEXT", help="A short note (2,000 characters at most).")
@click.option("--link", "links", multiple=True, metavar="URL", help="An evidence link (http/s).")
@click.option(
    "--credited",
    metavar="NAME",
    help="Whom the quote is credited to, instead of any name written in the paste.",
)
@click.option("--by", metavar="NAME", help="Who rules. Default: the login name.")
@json_option
@click.pass_context
def rule(
    ctx: click.Context,
    paste: str,
    kind: str,
    speaker: str | None,
    printed: str | None,
    note: str | None,
    links: tuple[str, ...],
    credited: str | None,
    by: str | None,
    as_json: bool,
) -> None:
    """Record the desk's ruling on a quote; ruling the same words again revises it.

    TEXT is the quote as it was pasted ("…" and who it is credited to). The ruling is kept
    with who made it and when, and every check whose paste matches the words leads with it.
    A revision is kept beside the rulings before it (`quotebot rulings --json`).

    \b
    Example:
        quotebot rule '"The pier will be sold by June," Rob Hale said' --ruling fabricated \\
            --note "No record of it anywhere" --link https://news.example/pier
        quotebot rule '"We won the vote" — Jo Reed' --ruling misattributed --speaker "Tom Vale"
    """
    try:
        text = paste_argument(paste)
    except ReadError as error:
        raise RulingRefused(str(error)) from None
    parsed = parse_query(text, credited)
    if parsed.problem is not None or not parsed.quotes:
        raise RulingRefused(parsed.problem or "there is no quotation to rule on in the paste")
    if len(parsed.quotes) > 1:
        raise RulingRefused(
            f"the paste holds {len(parsed.quotes)} quotations: rule on one at a time"
        )
    quote = parsed.quotes[0]
    try:
        given = ruling_input(
            quote,
            kind,
            by or _login(),
            credited=parsed.claimed_speaker,
            speaker=speaker,
            printed=printed,
            note=note,
            links=links,
        )
    except RulingError as error:
        raise RulingRefused(str(error)) from None
    verifier = _verifier(ctx)
    checked = verifier.check_quote(quote, parsed.claimed_speaker)
    best = checked.matches[0].quotation_id if checked.matches else None
    linked = ruled_quotation(checked.verdict, best)
    if linked is not None:
        given = replace(given, quotation_id=linked)
    ruling = verifier.archive.record_ruling(given)
    if as_json:
        _print_json(ruling.to_json())
        return
    console = terminal.stdout()
    verb = "Recorded" if ruling.revision == 1 else f"Revised (revision {ruling.revision})"
    console.print(Text(f"{verb}: ruling {ruling.id} on “{one_line(ruling.text)}”"))
    for line in card.ruling_lines(ruling):
        console.print(line)


@cli.command()
@since_option
@json_option
@click.pass_context
def rulings(ctx: click.Context, since: dt.datetime | None, as_json: bool) -> None:
    """List the desk's rulings, the latest first.

    \b
    Example:
        quotebot rulings
        quotebot rulings --since 2026-12-01 --json
    """
    found = _open_archive(ctx).latest_rulings(
        limit=REGISTER_LIMIT, since=since.date() if since else None
    )
    if as_json:
        _print_json({"rulings": [ruling.to_json() for ruling in found]})
        return
    console = terminal.stdout()
    if not found:
        console.print("No rulings yet: `quotebot rule TEXT --ruling …` records one.")
        return
    for number, ruling in enumerate(found):
        if number:
            console.print()
        console.print(_register_heading(ruling))
        for line in card.ruling_lines(ruling):
            console.print(line)


@cli.group()
def export() -> None:
    """Export what the desk has published.

    \b
    Example:
        quotebot export claimreview > claimreview.json
    """


@export.command()
@since_option
@click.pass_context
def claimreview(ctx: click.Context, since: dt.datetime | None) -> None:
    """Print the rulings as schema.org ClaimReview JSON-LD: a JSON list, one per ruling.

    The newsroom named in QUOTEBOT_NEWSROOM_NAME is every review's author; see .env.example.
    Only rulings are exported, never the verifier's automatic verdicts.

    \b
    Example:
        quotebot export claimreview --since 2026-12-01 > claimreview.json
    """
    try:
        publisher = publisher_from_environment()
    except ExportSettingError as error:
        raise CommandFailed(str(error)) from None
    archive = _open_archive(ctx)
    found = archive.latest_rulings(since=since.date() if since else None)
    reviews = claim_reviews(archive, publisher, found)
    click.echo("[" + ", ".join(_json_text(review) for review in reviews) + "]")


def _register_heading(ruling: Ruling) -> Text:
    line = Text(f"{ruling.id}. ", style="bold")
    line.append(f"“{card.shortened(one_line(ruling.text), card.QUOTATION_CHARS)}”")
    if ruling.credited:
        line.append(f" — credited to {one_line(ruling.credited)}")
    return line


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"

"""`quotebot ingest`: stores every readable article once and reports the rest, one line each."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rich.console import Console

from bot.cli import cli
from bot.cli.terminal import ingest_progress
from store.archive import Archive
from store.extract import extract_quotations
from store.readers import read_sources

HARBOUR_STORY = (
    "PORT ELLERY — The harbour will reopen to ferries in March, the port authority said.\n\n"
    '"We will reopen the terminal before the spring tides," said Harriet Vale, the harbour '
    "master.\n"
)
LIBRARY_STORY = (
    "The Northfold library will close on Sundays from June.\n\n"
    '"Nobody wanted this, but the budget leaves us no choice," said Osric Penhallow, '
    "a councillor.\n"
)


def quotebank_line(quote_id: str, quotation: str, speaker: str, **extra: object) -> str:
    record = {"quoteID": quote_id, "quotation": quotation, "speaker": speaker, **extra}
    return json.dumps(record) + "\n"


@pytest.fixture
def quotebank_dump(tmp_path: Path) -> Path:
    """Two already-attributed quotations in a Quotebank dump."""
    path = tmp_path / "quotebank.jsonl"
    path.write_text(
        quotebank_line(
            "2024-05-02-000001",
            "The pier will not survive another winter without repairs.",
            "Harriet Vale",
            date="2024-05-02 08:15:00",
            urls=["https://www.tidewater-post.example/pier"],
        )
        + quotebank_line("2024-05-03-000002", "Every penny went into the pier.", "None"),
        encoding="utf-8",
    )
    return path


def run(archive_url: str, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", archive_url, *args], input=input)


def test_json_report_counts_articles_duplicates_and_quotes(
    archive_url: str, quotebank_dump: Path
) -> None:
    first = run(archive_url, "ingest", str(quotebank_dump), "--json")
    again = run(archive_url, "ingest", str(quotebank_dump), "--json")

    assert first.exit_code == 0, first.stderr
    assert json.loads(first.stdout) == {
        "articles": 2,
        "duplicates": 0,
        "quotes": 2,
        "errors": [],
        "warnings": [],
        "alerts": [],
    }
    assert json.loads(again.stdout) == {
        "articles": 0,
        "duplicates": 2,
        "quotes": 0,
        "errors": [],
        "warnings": [],
        "alerts": [],
    }
    assert first.stderr == again.stderr == ""


def test_quotations_quoted_by_the_same_article_are_each_stored(
    archive_url: str, tmp_path: Path
) -> None:
    # Quotebank lists, for each quotation, the articles that printed it: one council report
    # prints several quotations, so several lines share its address. Each line is its own
    # quotation, not a reprint of the first.
    report = "https://www.northfold-courier.example/council-budget"
    dump = tmp_path / "quotebank.jsonl"
    dump.write_text(
        quotebank_line(
            "2024-06-01-000001", "The library stays open.", "Osric Penhallow", urls=[report]
        )
        + quotebank_line(
            "2024-06-01-000002", "Sunday hours are gone for good.", "Mair Tolland", urls=[report]
        ),
        encoding="utf-8",
    )

    first = run(archive_url, "ingest", str(dump), "--json")
    again = run(archive_url, "ingest", str(dump), "--json")

    assert first.exit_code == 0, first.stderr
    assert json.loads(first.stdout)["articles"] == json.loads(first.stdout)["quotes"] == 2
    assert json.loads(again.stdout)["duplicates"] == 2
    checked = run(archive_url, "check", "Sunday hours are gone for good", "--json")
    assert checked.exit_code == 0, checked.stderr
    answer = json.loads(checked.stdout)
    assert answer["verdict"] == "verified"


def test_articles_from_text_files_are_stored_with_their_extracted_quotations(
    archive_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "harbour.txt").write_text(HARBOUR_STORY, encoding="utf-8")
    (folder / "library.txt").write_text(LIBRARY_STORY, encoding="utf-8")
    extracted = [extract_quotations(a) for a in read_sources([str(folder)])]

    result = run(archive_url, "ingest", str(folder), "--outlet", "Northfold Courier", "--json")

    assert result.exit_code == 0, result.stderr
    quotes = sum(len(quotations) for quotations in extracted)
    assert quotes > 0
    assert json.loads(result.stdout) == {
        "articles": 2,
        "duplicates": 0,
        "quotes": quotes,
        "errors": [],
        "warnings": [],
        "alerts": [],
    }
    with Archive.open(archive_url) as archive:
        stats = archive.stats()
    assert (stats.articles, stats.quotations, stats.outlets) == (2, quotes, 1)


def test_bad_sources_among_good_ones_are_reported_and_the_good_ones_stored(
    archive_url: str, tmp_path: Path, quotebank_dump: Path
) -> None:
    with quotebank_dump.open("a", encoding="utf-8") as dump:
        dump.write('{"quoteID": "2024-05-04-000003", "quotation": \n')  # truncated line 3
    missing = tmp_path / "no-such-article.txt"

    result = run(archive_url, "ingest", str(missing), str(quotebank_dump), "--json")

    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["articles"], report["duplicates"], report["quotes"]) == (2, 0, 2)
    assert [error["source"] for error in report["errors"]] == [
        str(missing),
        f"{quotebank_dump}:3",
    ]
    assert all(error["error"] for error in report["errors"])
    assert result.stderr.splitlines() == [
        f"quotebot: {error['source']}: {error['error']}" for error in report["errors"]
    ]


def test_an_export_line_with_a_broken_url_is_stored_and_the_batch_goes_on(
    archive_url: str, tmp_path: Path
) -> None:
    export = tmp_path / "export.jsonl"
    lines = [
        {"text": '"The pier opens on Monday," said Ada Quill.', "url": "http://[pier-news/a"},
        {"text": '"The ferry runs again," said Tom Vale.', "url": "https://ferry.example/b"},
    ]
    export.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")

    result = run(archive_url, "ingest", str(export), "--json")

    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["articles"], report["quotes"], report["errors"]) == (2, 2, [])


def test_outlet_url_and_date_options_fill_only_what_the_source_lacks(
    archive_url: str, quotebank_dump: Path
) -> None:
    result = run(
        archive_url,
        "ingest",
        str(quotebank_dump),
        "--outlet",
        "Kestrel Gazette",
        "--published",
        "2024-01-15",
    )

    assert result.exit_code == 0, result.stderr
    with Archive.open(archive_url) as archive:
        stats = archive.stats()
    # The first line names its own site and date; only the second takes the options.
    assert stats.outlets == 2
    assert (stats.earliest_published.isoformat(), stats.latest_published.isoformat()) == (
        "2024-01-15",
        "2024-05-02",
    )


def test_standard_input_is_read_with_dash(archive_url: str) -> None:
    line = quotebank_line("2024-05-05-000004", "The tide waits for nobody.", "Mina Castellane")

    result = run(archive_url, "ingest", "-", "--format", "quotebank", "--json", input=line)

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["quotes"] == 1


def test_without_json_a_one_line_summary_is_printed(archive_url: str, quotebank_dump: Path) -> None:
    run(archive_url, "ingest", str(quotebank_dump))
    result = run(archive_url, "ingest", str(quotebank_dump))

    assert result.exit_code == 0
    assert (
        result.stdout
        == "Stored 0 articles with 0 quotations; 2 duplicates already in the archive.\n"
    )


def test_unusable_database_is_one_line_on_stderr_and_exit_code_1(
    tmp_path: Path, quotebank_dump: Path
) -> None:
    missing_folder = tmp_path / "gone"

    result = run(f"sqlite:///{missing_folder}/archive.sqlite3", "ingest", str(quotebank_dump))

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"quotebot: the folder of the SQLite archive does not exist: {missing_folder}\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],
        ["ingest", "story.txt", "--published", "May 2nd"],
        ["ingest", "story.txt", "--format", "docx"],
    ],
)
def test_usage_errors_exit_with_code_2(args: list[str]) -> None:
    assert CliRunner().invoke(cli, args).exit_code == 2


def test_the_progress_bar_at_a_terminal_counts_every_source_read() -> None:
    # The bar is told what was read a few times a second, not at every line: its last frame
    # still counts them all.
    screen = io.StringIO()
    with ingest_progress(Console(file=screen, force_terminal=True, width=100)) as advance:
        assert advance is not None
        for number in range(1, 2501):
            advance(f"dump.json:{number}")
    assert "2500 read" in screen.getvalue()
    assert "dump.json:2500" in screen.getvalue()


def test_no_progress_bar_where_output_is_no_terminal() -> None:
    with ingest_progress(Console(file=io.StringIO())) as advance:
        assert advance is None

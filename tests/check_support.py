"""A small archive to verify pastes against, built the way a newsroom builds one: by ingesting.

Two invented outlets print the same harbour story on different days. The Kestrel Gazette credits
the terminal quote to the harbour master, Harriet Vale; the Northfold Courier, two days later,
credits the same words to a councillor, Osric Penhallow: one quotation, two occurrences, two
speakers. Penhallow's remark about the town's money is only reported speech. Each paste in
PASTES is written to draw one verdict from this archive.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from bot.cli import cli

KESTREL_STORY = """\
Ferry terminal at Port Ellery to reopen in March

PORT ELLERY — The ferry terminal at Port Ellery will reopen in March, officials said on Tuesday.

"We will reopen the terminal before the spring tides, whatever the weather does to the old \
pier," said Harriet Vale, the harbour master.

Osric Penhallow, a councillor, said the repairs would cost the town more than it could afford.

"Every penny we had went into the pier," Penhallow said. "The lighthouse will have to wait \
another year."

Read the original article on Kestrel Gazette
"""
NORTHFOLD_STORY = """\
Port Ellery council divided over pier repairs

The council of Port Ellery met on Thursday to argue over the cost of the pier.

"We will reopen the terminal before the spring tides, whatever the weather does to the old \
pier," said Osric Penhallow, a councillor.

"Nobody comes down to the water when the boats stop," said Maud Treloar, who runs the \
harbour café.

Read the original article on Northfold Courier
"""
KESTREL_URL = "https://kestrel-gazette.example/news/ferry-terminal"
TERMINAL_QUOTE = (
    "We will reopen the terminal before the spring tides, whatever the weather does to the old pier"
)
PENNY_QUOTE = "Every penny we had went into the pier"
LIGHTHOUSE_QUOTE = "The lighthouse will have to wait another year."
TRELOAR_QUOTE = "Nobody comes down to the water when the boats stop"

#: A paste for each verdict: (what it shows, paste, verdict, excerpt, attribution).
PASTES = [
    ("verified", f'"{PENNY_QUOTE}," Osric Penhallow said.', "verified", False, "matches"),
    (
        "excerpt",
        'Harriet Vale said "reopen the terminal before the spring tides".',
        "verified",
        True,
        "matches",
    ),
    (
        "wording_differs",
        '"We will open the terminal before the spring tides, whatever the weather does to the '
        'old harbour," Harriet Vale said.',
        "wording_differs",
        False,
        "matches",
    ),
    (
        "spliced",
        f'"{PENNY_QUOTE}. {TRELOAR_QUOTE}," Osric Penhallow said.',
        "spliced",
        False,
        "differs",
    ),
    (
        "spliced_in_one_article",
        '"We will reopen the terminal before the spring tides. The lighthouse will have to wait '
        'another year," Harriet Vale said.',
        "spliced",
        False,
        "differs",
    ),
    (
        "not_a_direct_quote",
        '"The repairs will cost the town more than it can afford," Osric Penhallow said.',
        "not_a_direct_quote",
        False,
        "matches",
    ),
    (
        "not_found",
        '"We are closing the ferry for good and selling the boats," Harriet Vale said.',
        "not_found",
        False,
        "unknown",
    ),
    ("wrong_speaker", f'"{PENNY_QUOTE}," Harriet Vale said.', "verified", False, "differs"),
]


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def harbour_archive(archive_url: str, folder: Path) -> str:
    """`archive_url` with both stories ingested; returns the URL."""
    stories = [
        ("kestrel.txt", KESTREL_STORY, ["--published", "2024-03-05", "--url", KESTREL_URL]),
        ("northfold.txt", NORTHFOLD_STORY, ["--published", "2024-03-07"]),
    ]
    for name, text, options in stories:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        result = run("--db", archive_url, "ingest", str(path), *options, "--json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["articles"] == 1
    return archive_url

"""`quotebot extract`: an article's attributed quotations, printed and never stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import cli
from store.article import Article
from store.extract import extract_quotations

STORY = (
    "Kestrel Gazette\n\n"
    "PORT ELLERY — The harbour will reopen to ferries in March, the port authority said.\n\n"
    '"We will reopen the terminal before the spring tides," said Harriet Vale, the harbour '
    "master.\n"
)
QUOTED = "We will reopen the terminal before the spring tides,"
Q_KEYS = {
    "text",
    "speaker",
    "speaker_role",
    "reported_to",
    "via",
    "kind",
    "start",
    "end",
    "context",
}


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_json_document_has_the_article_and_its_quotations(story: Path) -> None:
    result = run("extract", str(story), "--json")

    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == {"title", "outlet", "published", "quotes", "warnings"}
    assert document["warnings"] == []
    assert document["published"] is None
    quotes = [quote for quote in document["quotes"] if QUOTED.strip(",") in quote["text"]]
    assert len(quotes) == 1
    assert set(quotes[0]) >= Q_KEYS
    assert quotes[0]["kind"] == "direct"
    assert quotes[0]["text"] in quotes[0]["context"]


def test_jsonl_batch_prints_each_articles_quotations_and_reports_bad_lines(
    tmp_path: Path,
) -> None:
    batch = tmp_path / "batch.jsonl"
    first = {"id": "a1", "text": STORY, "outlet": "Kestrel Gazette"}
    lines = [json.dumps(first), "this line is not JSON", json.dumps({"id": "a3", "text": "Hi."})]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    article = Article(text=STORY, outlet="Kestrel Gazette", source=f"{batch}:1", external_id="a1")

    result = run("extract", str(batch), "--jsonl")

    assert result.exit_code == 1
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"id": "a1", "quotes": [q.to_json() for q in extract_quotations(article)], "warnings": []},
        {"id": "a3", "quotes": [], "warnings": []},
    ]
    [error] = result.stderr.splitlines()
    assert error.startswith(f"quotebot: {batch}:2: ")


def test_jsonl_batch_is_read_from_standard_input() -> None:
    line = json.dumps({"id": "from-stdin", "text": STORY}) + "\n"

    result = run("extract", "-", "--jsonl", input=line)

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "from-stdin"


def test_text_output_shows_speaker_role_words_and_kind(story: Path) -> None:
    quotes = json.loads(run("extract", str(story), "--json").stdout)["quotes"]
    [quote] = [q for q in quotes if q["kind"] == "direct"]

    result = run("extract", str(story))

    assert result.exit_code == 0, result.stderr
    speaker = quote["speaker"] or "unknown speaker"
    role = f" ({quote['speaker_role']})" if quote["speaker_role"] else ""
    expected = f"{speaker}{role} — “{quote['text']}” [{quote['kind']}]"
    assert expected in result.stdout


def test_extract_stores_nothing(story: Path, archive_url: str) -> None:
    run("--db", archive_url, "extract", str(story), "--json")

    stats = run("--db", archive_url, "stats", "--json")
    assert json.loads(stats.stdout)["articles"] == 0


def test_unreadable_source_is_one_line_on_stderr_and_nothing_on_stdout(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02 not an article \x00" * 20)

    result = run("extract", str(binary), "--json")

    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"quotebot: {binary}: ")


def test_jsonl_with_another_format_is_a_usage_error(story: Path) -> None:
    assert run("extract", str(story), "--jsonl", "--format", "html").exit_code == 2

"""`quotebot export claimreview`: each ruling as a schema.org ClaimReview, valid JSON-LD (expanded
by pyld, a JSON-LD processor, with a local stand-in for the schema.org context: no network),
holding the fields fact-check readers look for; only rulings, never automatic verdicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from check_support import KESTREL_URL, PENNY_QUOTE, harbour_archive, run
from pyld import jsonld
from ruling_support import FERRY_QUOTE

SCHEMA = "http://schema.org/"
#: What https://schema.org serves as its JSON-LD context, as far as these documents use it:
#: every term in schema.org's vocabulary, and `url` an address.
SCHEMA_CONTEXT = {"@context": {"@vocab": SCHEMA, "url": {"@type": "@id"}}}


def schema_org_only(url: str, options: dict[str, Any]) -> dict[str, Any]:
    """pyld's document loader: the schema.org context from here, anything else refused."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise ValueError(f"no network in tests: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


def expanded(document: dict[str, Any]) -> dict[str, Any]:
    """The document expanded; every one of its terms must survive (a term the context does
    not define would be dropped silently)."""
    [node] = jsonld.expand(document, {"documentLoader": schema_org_only})
    terms = {key for key in document if not key.startswith("@")}
    assert {key.removeprefix(SCHEMA) for key in node if key.startswith(SCHEMA)} == terms
    return node


def value(node: dict[str, Any], term: str) -> Any:
    return node[SCHEMA + term][0].get("@value", node[SCHEMA + term][0].get("@id"))


@pytest.fixture
def url(archive_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("QUOTEBOT_NEWSROOM_NAME", "Gulls Gazette Fact Desk")
    monkeypatch.setenv("QUOTEBOT_NEWSROOM_URL", "https://gulls-gazette.example/")
    monkeypatch.setenv("QUOTEBOT_RULING_URL", "https://gulls-gazette.example/rulings/{id}")
    return harbour_archive(archive_url, tmp_path)


def test_every_ruling_exports_as_a_valid_claim_review(url: str) -> None:
    run("--db", url, "rule", f'"{FERRY_QUOTE}" — Ada Quill', "--ruling", "fabricated",
        "--note", "No council paper says so.", "--link", "https://gulls-gazette.example/c",
        "--by", "ana")  # fmt: skip
    run("--db", url, "rule", f'"{PENNY_QUOTE}," Harriet Vale said.', "--ruling",
        "misattributed", "--speaker", "Osric Penhallow", "--by", "bo")  # fmt: skip
    run("--db", url, "check", '"We are closing the ferry for good," Harriet Vale said.')
    exported = run("--db", url, "export", "claimreview")
    assert exported.exit_code == 0, exported.stderr
    documents = json.loads(exported.stdout)
    assert len(documents) == 2  # the rulings alone: the check's verdict is not exported
    nodes = {value(expanded(d), "claimReviewed"): expanded(d) for d in documents}
    for node in nodes.values():
        assert node["@type"] == [SCHEMA + "ClaimReview"]
        [author] = node[SCHEMA + "author"]
        assert author["@type"] == [SCHEMA + "Organization"]
        assert value(author, "name") == "Gulls Gazette Fact Desk"
        assert value(node, "url").startswith("https://gulls-gazette.example/rulings/")
        assert len(value(node, "datePublished")) == 10
    ferry, penny = nodes[FERRY_QUOTE], nodes[PENNY_QUOTE]
    [rating] = ferry[SCHEMA + "reviewRating"]
    assert value(rating, "alternateName") == "Fabricated"
    [claim] = ferry[SCHEMA + "itemReviewed"]
    assert claim["@type"] == [SCHEMA + "Claim"]
    assert value(claim[SCHEMA + "author"][0], "name") == "Ada Quill"
    assert SCHEMA + "appearance" not in claim  # no printing of a fabricated quote
    assert value(ferry, "reviewBody") == "No council paper says so."
    [claim] = penny[SCHEMA + "itemReviewed"]
    assert value(claim[SCHEMA + "author"][0], "name") == "Harriet Vale"
    assert value(penny[SCHEMA + "reviewRating"][0], "alternateName") == "Misattributed"
    [first] = claim[SCHEMA + "firstAppearance"]
    assert value(first, "url") == KESTREL_URL
    assert value(first, "datePublished") == "2024-03-05"
    assert len(claim[SCHEMA + "appearance"]) == 1


def test_an_empty_register_exports_an_empty_list(url: str) -> None:
    exported = run("--db", url, "export", "claimreview")
    assert (exported.exit_code, exported.stdout) == (0, "[]\n")


def test_since_leaves_out_older_rulings(url: str) -> None:
    run("--db", url, "rule", f'"{FERRY_QUOTE}"', "--ruling", "fabricated", "--by", "ana")
    assert (
        json.loads(run("--db", url, "export", "claimreview", "--since", "2999-01-01").stdout) == []
    )
    assert (
        len(json.loads(run("--db", url, "export", "claimreview", "--since", "2000-01-01").stdout))
        == 1
    )


def test_without_a_newsroom_named_the_export_says_which_setting(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUOTEBOT_NEWSROOM_NAME")
    refused = run("--db", url, "export", "claimreview")
    assert refused.exit_code == 1 and refused.stdout == ""
    assert refused.stderr.startswith("quotebot: QUOTEBOT_NEWSROOM_NAME is not set: ")


@pytest.mark.parametrize("address", ["mailto:desk@gulls-gazette.example", "http://[gulls"])
def test_a_newsroom_url_that_is_not_an_http_address_is_refused_in_one_line(
    url: str, monkeypatch: pytest.MonkeyPatch, address: str
) -> None:
    monkeypatch.setenv("QUOTEBOT_NEWSROOM_URL", address)
    refused = run("--db", url, "export", "claimreview")
    assert refused.exit_code == 1 and refused.stdout == ""
    assert refused.stderr.startswith("quotebot: QUOTEBOT_NEWSROOM_URL must be an http(s) address")

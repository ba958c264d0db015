"""Checks: who the archive credits, how it knows, and when it may say "misattributed".

Every stored quotation keeps how its speaker was found (a speech verb, a pronoun or description
resolved, the quotation before going on, or a name near it with no attribution), the sentence
that shows it and the attribution model's confidence. A check shows them under the speaker,
and calls a paste crediting someone else `differs` only when the archive is sure of its own
speaker and no article credits the claimed one; otherwise `uncertain`, unless the article that
printed the words never mentions the claimed person at all. The people and outlets are
invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_support import PENNY_QUOTE, TERMINAL_QUOTE, harbour_archive, run

from bot.verifier.claims import claims_speaker, mentioned_in
from bot.verifier.verdict import CONFIDENT
from bot.verifier.verify import sure_of_speaker
from store.quotation import Kind
from store.stored import StoredQuotation

BUDGET_STORY = """\
Budget row in Port Ellery

The finance minister defended the town's budget on Tuesday. Lorna Pike, who leads the \
opposition, called it timid.

"We have made the hard choices so that our children do not have to," the minister told the \
council.

Read the original article on Kestrel Gazette
"""
HARD_CHOICES = "We have made the hard choices so that our children do not have to"
GUESS_STORY = """\
Ferry fares to rise

Passengers have written to the harbour master, Harriet Vale.

For Tobias Wren, the ferry's owner, the answer is simple: "The fares go up in May or the \
ferry stops running."

Read the original article on Northfold Courier
"""
FARES = "The fares go up in May or the ferry stops running."


@pytest.fixture
def db(archive_url: str, tmp_path: Path) -> str:
    harbour_archive(archive_url, tmp_path)
    for name, text in (("budget.txt", BUDGET_STORY), ("fares.txt", GUESS_STORY)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert run("--db", archive_url, "ingest", str(path)).exit_code == 0
    return archive_url


def check_json(db: str, paste: str) -> dict:
    result = run("--db", db, "check", paste, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_sure_attribution_to_someone_else_is_misattributed_with_its_evidence(db: str) -> None:
    document = check_json(db, f'"{PENNY_QUOTE}," Harriet Vale said.')

    assert document["attribution"] == "differs"
    match = document["matches"][0]
    assert match["speaker"] == "Osric Penhallow"
    assert match["speaker_found_by"] == "cue"
    assert match["speaker_confidence"] >= CONFIDENT
    assert match["speaker_evidence"] == f'"{PENNY_QUOTE}," Penhallow said.'


def test_a_name_near_a_quotation_without_an_attribution_is_only_a_guess(db: str) -> None:
    document = check_json(db, f'"{FARES}" Harriet Vale said.')

    match = document["matches"][0]
    assert (match["speaker"], match["speaker_found_by"]) == ("Tobias Wren", "nearby")
    assert document["attribution"] == "uncertain"
    card = run("--db", db, "check", f'"{FARES}" Harriet Vale said.').stdout
    assert card.splitlines()[0].endswith("· ? speaker uncertain")
    assert "named near the quotation, with no attribution: a guess" in card


def test_a_speaker_the_article_only_describes_is_shown_and_left_uncertain(db: str) -> None:
    document = check_json(db, f'"{HARD_CHOICES}," Lorna Pike said.')

    match = document["matches"][0]
    assert (match["speaker"], match["speaker_as_written"]) == (None, "the minister")
    assert document["attribution"] == "uncertain"
    card = run("--db", db, "check", f'"{HARD_CHOICES}," Lorna Pike said.').stdout
    assert "  — the minister (not named)" in card.splitlines()
    assert "the article describes the speaker only as the minister" in card


def test_the_description_itself_is_confirmed(db: str) -> None:
    document = check_json(db, f'"{HARD_CHOICES}," the minister said.')

    assert document["attribution"] == "matches"


def test_a_person_the_printing_never_mentions_is_misattributed_however_vague_the_archive(
    db: str,
) -> None:
    for story_quote in (FARES, HARD_CHOICES):  # a guess; a speaker only described
        document = check_json(db, f'"{story_quote}," Ada Quill said.')

        assert document["attribution"] == "differs"
        card = run("--db", db, "check", f'"{story_quote}," Ada Quill said.').stdout
        assert card.splitlines()[0].startswith("✘ Misattributed")
        assert "The article that printed these words never mentions Ada Quill." in card


def test_a_claim_that_names_nobody_is_never_called_absent(db: str) -> None:
    document = check_json(db, f'"{FARES}," a spokesman said.')

    assert document["attribution"] == "uncertain"


def test_a_speaker_another_article_credits_is_not_called_misattributed(db: str) -> None:
    # The Kestrel Gazette credits the harbour master, the Northfold Courier a councillor.
    document = check_json(db, f'"{TERMINAL_QUOTE}," Osric Penhallow said.')

    assert document["matches"][0]["speaker"] == "Harriet Vale"
    assert document["matches"][0]["conflicting_speakers"] == ["Osric Penhallow"]
    assert document["attribution"] == "uncertain"


def test_a_misattributed_card_never_leads_with_a_green_tick(db: str) -> None:
    card = run("--db", db, "check", f'"{PENNY_QUOTE}," Harriet Vale said.').stdout

    first = card.splitlines()[0]
    assert first.startswith("✘ Misattributed — the words are verified")
    assert "✔" not in first


def _stored(found_by: str | None, confidence: float | None) -> StoredQuotation:
    return StoredQuotation(
        id=1, text="words", kind=Kind.DIRECT, speaker="Osric Penhallow", speaker_id=1,
        speaker_as_written="Penhallow", speaker_role=None, reported_to=None, via=None,
        fingerprint="f", context="", context_offset=0, start=0, end=5, article_id=1,
        title=None, url=None, published=None, outlet=None,
        speaker_found_by=found_by, speaker_confidence=confidence,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("found_by", "confidence", "sure"),
    [
        ("cue", 0.97, True),
        ("pronoun", CONFIDENT, True),
        ("cue", CONFIDENT - 0.01, False),
        ("nearby", 0.99, False),
        (None, None, True),  # stored before attributions carried a confidence: as before
    ],
)
def test_the_archive_is_sure_only_of_a_confident_attribution_by_a_cue(
    found_by: str | None, confidence: float | None, sure: bool
) -> None:
    assert sure_of_speaker(_stored(found_by, confidence)) is sure


@pytest.mark.parametrize(
    ("claimed", "text", "mentioned"),
    [
        ("Rob Hale", "Mr Hale's office declined to comment.", True),
        ("Dr Inés Calvo", "CALVO, the surgeon, spoke first.", True),
        ("Inés Calvo", "Ines Calvo spoke first.", True),  # accents aside
        ("Rob Hale", "The harbour master spoke first. Haleigh Docks was shut.", False),
        ("the minister", "The minister spoke first.", None),  # names nobody
        ("he", "He spoke first.", None),
    ],
)
def test_a_claimed_person_is_mentioned_by_any_word_of_their_name(
    claimed: str, text: str, mentioned: bool | None
) -> None:
    assert mentioned_in(claimed, text) is mentioned


def test_the_evidence_names_the_rule_that_found_the_speaker_in_plain_words(db: str) -> None:
    document = check_json(db, f'"{PENNY_QUOTE}," Harriet Vale said.')

    assert document["matches"][0]["speaker_rule"] == "after"
    card = run("--db", db, "check", f'"{PENNY_QUOTE}," Harriet Vale said.').stdout
    assert "named by the attribution (the speech verb after the quotation)" in card


@pytest.mark.parametrize(
    ("claimed", "claims"),
    [
        ("al-Tamimi", True),
        ("Tamimi", True),
        ("Prime Minister Karim al-Tamimi", True),
        ("Karim Tamimi", True),
        ("Al-Tamimi", True),
        ("Omar al-Tamimi", False),  # another given name: another person
    ],
)
def test_a_surname_after_the_arabic_article_is_claimed_with_it_or_without(
    claimed: str, claims: bool
) -> None:
    """Outlets write "al-Tamimi" or "Tamimi" for Karim al-Tamimi: a paste crediting either
    claims him, and a description's name is read up to the surname's lower-case article."""
    assert claims_speaker(claimed, "Karim al-Tamimi", set()) is claims
    assert mentioned_in(claimed, "Karim al-Tamimi said") is True


@pytest.mark.parametrize(
    ("claimed", "claims"),
    [
        ("Ruiz Obrera", True),
        ("Manuel Ruiz Obrera", True),
        ("Andrés Manuel Ruiz Obrera", True),
        ("Carla Ruiz Obrera", False),  # another given name: another person
    ],
)
def test_the_last_words_of_the_archives_full_name_claim_that_person(
    claimed: str, claims: bool
) -> None:
    """A paste credits "Ruiz Obrera" (a double surname, as outlets shorten it) for the
    archive's Andrés Manuel Ruiz Obrera."""
    assert claims_speaker(claimed, "Andrés Manuel Ruiz Obrera", set()) is claims

"""Extraction: the role the article gives the speaker, kept with the quotation.

The people, places and outlets are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import STATEMENT, extract, find, same_role

# --- roles -------------------------------------------------------------------------------------

ROLES: dict[str, tuple[str, str, str | None]] = {
    "appositive-after-said": (
        f'"{STATEMENT}," said Greta Solberg, a senior analyst for river management at the '
        "Halden Institute.",
        "Greta Solberg",
        "a senior analyst for river management at the Halden Institute",
    ),
    "appositive-before-said": (
        f'"{STATEMENT}," Greta Solberg, a senior analyst at the Halden Institute, said.',
        "Greta Solberg",
        "a senior analyst at the Halden Institute",
    ),
    "appositive-with-age": (
        f'"{STATEMENT}," said Hollis Marrow, 70, a retired trawlerman.',
        "Hollis Marrow",
        "a retired trawlerman",
    ),
    "appositive-then-relative-clause": (
        f'"{STATEMENT}," said Felix Amadi, the owner of Amadi Hardware, who has run the shop '
        "since 1998.",
        "Felix Amadi",
        "the owner of Amadi Hardware",
    ),
    "title-before-name": (
        f'"{STATEMENT}," Harbourmaster Ines Calloway said.',
        "Ines Calloway",
        "Harbourmaster",
    ),
    "role-before-name-in-commas": (
        f'"{STATEMENT}," the county engineer, Tobias Wren, said.',
        "Tobias Wren",
        "the county engineer",
    ),
    "description-comma-name-told": (
        f'"{STATEMENT}," another friend, Tobias Wren told the Gazette.',
        "Tobias Wren",
        "friend",
    ),
    "description-placed-comma-name-said": (
        f'Another engineer on the inspection team, Tobias Wren, said: "{STATEMENT}" and left.',
        "Tobias Wren",
        "engineer on the inspection team",
    ),
    "inverted-verb-description-then-name": (
        f'"{STATEMENT}," exhorted the council\'s host, harbourmaster Ines Calloway.',
        "Ines Calloway",
        "harbourmaster, the council's host",
    ),
    "age-alone-is-no-role": (f'"{STATEMENT}," said Hollis Marrow, 70.', "Hollis Marrow", None),
    "relative-clause-is-no-role": (
        f'"{STATEMENT}," said Nessa Quill, who has sold fish on the quay for 30 years.',
        "Nessa Quill",
        None,
    ),
    "no-role": (f'"{STATEMENT}," said Nessa Quill.', "Nessa Quill", None),
}


@pytest.mark.parametrize(("paragraph", "speaker", "role"), ROLES.values(), ids=ROLES.keys())
def test_role_is_what_the_article_calls_the_speaker(
    paragraph: str, speaker: str, role: str | None
) -> None:
    quotes = extract("The Mill Lane bridge was closed on Monday.", paragraph)

    quote = find(quotes, STATEMENT)
    assert quote.speaker == speaker
    assert same_role(role, quote.speaker_role), f"role {quote.speaker_role!r}, expected {role!r}"


def test_role_given_at_introduction_is_repeated_on_later_quotations() -> None:
    quotes = extract(
        "Greta Solberg, a senior analyst at the Halden Institute, said the county had ignored "
        "warnings about the bridge for a decade.",
        '"The cracks were in the 2015 report," Solberg said.',
        '"Nobody read it," she added.',
    )

    for words in ("The cracks were in the 2015 report", "Nobody read it"):
        quote = find(quotes, words)
        assert quote.speaker == "Greta Solberg"
        assert same_role("a senior analyst at the Halden Institute", quote.speaker_role), quote


def test_a_name_in_apposition_to_a_description_is_no_role() -> None:
    """ "Labour's transport spokeswoman, Ana Ruiz, said …, adding: '…'": the description is
    the role and the name the speaker, for the quotation after "adding" too (it took the
    name as its role)."""
    quotations = extract(
        "Minister under pressure",
        "Labour's transport spokeswoman, Ana Ruiz, said the position was “untenable”, adding: "
        f"“{STATEMENT}”",
    )
    for text in ("untenable", STATEMENT):
        found = find(quotations, text)
        assert found.speaker == "Ana Ruiz"
        assert same_role("Labour's transport spokeswoman", found.speaker_role)


@pytest.mark.parametrize("opening", ["Writing on Vexnet, formerly Chirper,", "Writing on Vexnet,"])
def test_a_name_and_role_after_an_opening_phrase_with_commas_speak(opening: str) -> None:
    """ "Writing on Vexnet, formerly Chirper, the Liberal leader Ed Pry said": not the
    platform with the leader as its appositive."""
    quotations = extract(
        "Minister under pressure", f"{opening} the Liberal leader Ed Pry said: “{STATEMENT}”"
    )
    found = find(quotations, STATEMENT)
    assert found.speaker == "Ed Pry"
    assert same_role("Liberal leader", found.speaker_role)


@pytest.mark.parametrize("profession", ["an ecologist", "a seismologist", "a paediatrician"])
def test_a_scientists_or_doctors_appositive_is_the_role_on_later_quotations(
    profession: str,
) -> None:
    """ "Lin Zhou, an ecologist at the University of Tarrawong, was cautious.": professions
    of science and medicine are roles (data/roles.txt), so "Zhou said" later carries it."""
    quotations = extract(
        "Koalas return",
        f"Lin Zhou, {profession} at the University of Tarrawong, was cautious.",
        f"“{STATEMENT},” Zhou said.",
    )
    found = find(quotations, STATEMENT)
    assert found.speaker == "Lin Zhou"
    assert same_role(f"{profession} at the University of Tarrawong", found.speaker_role)

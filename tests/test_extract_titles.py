"""Extraction: titles, honorifics and descriptions written into a name.

News from different countries names people with different furniture around the name: "Sir",
"Dame", "Mr" without a full stop, "chairman and chief executive", a party ("Tory"), an
abbreviated office ("MP", "DJ"). The speaker is the person's name; a title or description is
their role, and a form of address (Mr, Ms, Dr, Sir) is nobody's role. The people and outlets
are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import extract, find, listing, same_role

from store.quotation import Kind, Quotation

PORT = "We will not let this port die on our watch"


def _port(quotations: list[Quotation]) -> Quotation:
    """The quotation about the port, however its sentence ends."""
    found = [q for q in quotations if q.text.startswith(PORT)]
    assert len(found) == 1, listing(quotations)
    return found[0]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role"),
    [
        (f'"{PORT}," said Sir Tom Vale.', "Tom Vale", None),
        (f'"{PORT}," Dame Ada Crane said.', "Ada Crane", None),
        (f'"{PORT}," chairman and chief executive Ian Moss said.', "Ian Moss", None),
        (f'Founder and chief executive Ann Lee said: "{PORT}."', "Ann Lee", None),
        (f'Tory Dan Pike said: "{PORT}."', "Dan Pike", "Tory"),
        (f'"{PORT}," Ex-Labour MP Rob Hale said.', "Rob Hale", "Ex-Labour MP"),
        (f'"{PORT}," Radio DJ Pat Moon said.', "Pat Moon", "Radio DJ"),
        (f'"{PORT}," Green Party MSP Ross Kerr said.', "Ross Kerr", "Green Party MSP"),
        # Police ranks as British news abbreviates them, and ranks of the forces.
        (
            f'Det Insp Carl Brody, of Vale Police, said: "{PORT}."',
            "Carl Brody",
            "Det Insp, of Vale Police",
        ),
        (f'"{PORT}," Ch Supt Ola Brandt said.', "Ola Brandt", "Ch Supt"),
        (f'"{PORT}," said Wing Commander Ivo Marsh.', "Ivo Marsh", "Wing Commander"),
        # Forms of address of East and West African and Caribbean English, and abbreviated
        # ranks whose full stop ends no sentence.
        (f'"{PORT}," opposition MP Hon. Fatuma Abdi said.', "Fatuma Abdi", None),
        (f'"{PORT}," Governor H.E. Joseph Lekuton said.', "Joseph Lekuton", "Governor"),
        (f'"{PORT}," Det. Insp. Carl Brody said.', "Carl Brody", "Det. Insp"),
        (f'"{PORT}," Cllr. Ana Ruiz said.', "Ana Ruiz", "Cllr"),
        # A title of a place or an office: the name is after it, not "of Kessel P. Vijay".
        (
            f'"{PORT}," Chief Minister of Kessel P. Vijay said.',
            "P. Vijay",
            "Chief Minister of Kessel",
        ),
        (f'"{PORT}," Mayor of Port Ardith Ana Ruiz said.', "Ana Ruiz", "Mayor of Port Ardith"),
        (f'"{PORT}," Governor of Vale State Babatunde Oke said.', "Babatunde Oke", None),
        (f'"{PORT}," White House Chief of Staff Dana Kell said.', "Dana Kell", None),
    ],
)
def test_titles_and_descriptions_before_a_name_leave_the_name_as_the_speaker(
    paragraph: str, speaker: str, role: str | None
) -> None:
    quotations = extract("Harbour plan approved", paragraph)
    quotation = _port(quotations)
    assert quotation.speaker == speaker, listing(quotations)
    assert quotation.kind is Kind.DIRECT, listing(quotations)
    if role is not None:
        assert same_role(role, quotation.speaker_role), listing(quotations)


@pytest.mark.parametrize(
    "paragraph",
    [
        '"No deal," said Colleen Deacon.',
        '"No deal," said Rand Julian.',
        '"No deal," Clarence Henry wrote.',
        '"No deal," said JD Warren.',
    ],
)
def test_a_surname_that_is_also_a_first_name_stays_in_the_name(paragraph: str) -> None:
    quotations = extract("Deal collapses", paragraph)
    quotation = find(quotations, "No deal")
    expected = paragraph.split(" said ")[-1].rstrip(".") if " said " in paragraph else None
    assert quotation.speaker == (expected or "Clarence Henry"), listing(quotations)


@pytest.mark.parametrize("honorific", ["Mr", "Ms", "Dr", "Dr.", "Mrs"])
def test_a_form_of_address_is_not_stored_as_a_role(honorific: str) -> None:
    quotations = extract(
        "Harbour plan approved",
        "Tessa Lowry, a harbour pilot, spoke after the vote.",
        f'"{PORT}," {honorific} Lowry said.',
    )
    quotation = find(quotations, PORT)
    assert quotation.speaker == "Tessa Lowry", listing(quotations)
    assert same_role("harbour pilot", quotation.speaker_role), listing(quotations)


def test_an_honorific_alone_gives_no_role() -> None:
    quotations = extract("Harbour plan approved", f'"{PORT}," said Mr Tom Vale.')
    quotation = find(quotations, PORT)
    assert (quotation.speaker, quotation.speaker_role) == ("Tom Vale", None), listing(quotations)


def test_sir_as_a_word_of_address_is_no_name() -> None:
    quotations = extract(
        "Harbour plan approved",
        'The clerk looked up. "Yes, sir," the clerk said. "It is done, Sir."',
    )
    for text in ("Yes, sir", "It is done, Sir."):
        assert find(quotations, text).speaker_as_written == "the clerk", listing(quotations)


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role"),
    [
        (f'"{PORT}," Finance Minister Mr. Omar Qadri said.', "Omar Qadri", "Finance Minister"),
        (f'Opposition leader Mr Harish Menon said: "{PORT}."', "Harish Menon", "Opposition leader"),
        (f'"{PORT}," Deputy leader Dr. Ines Faro said.', "Ines Faro", "Deputy leader"),
        (f'"{PORT}," First Sea Lord Tom Vale said.', "Tom Vale", "First Sea Lord"),
    ],
)
def test_the_names_form_of_address_is_not_the_end_of_the_role_before_it(
    paragraph: str, speaker: str, role: str
) -> None:
    quotations = extract("Harbour plan approved", paragraph)
    quotation = _port(quotations)
    assert quotation.speaker == speaker, listing(quotations)
    assert same_role(role, quotation.speaker_role), listing(quotations)


@pytest.mark.parametrize(
    "paragraph",
    [
        f'"The vote was rigged," said Nia Holt, a former adviser to Mr. Tom Vale. "{PORT}," Mr. '
        "Vale said.",
        f'Nia Holt said the vote was rigged. "{PORT}," Mr. Tom Vale said.',
    ],
)
def test_words_before_the_form_of_address_are_not_the_role_of_the_name_after_it(
    paragraph: str,
) -> None:
    quotations = extract("Harbour plan approved", paragraph)
    quotation = _port(quotations)
    assert quotation.speaker == "Tom Vale", listing(quotations)
    assert quotation.speaker_role is None, listing(quotations)


def test_indian_forms_of_address_and_a_councillors_title_are_not_names() -> None:
    quotations = extract(
        "Dam inquiry opens",
        "Smt. Lata Rao, the district magistrate, opened the inquiry on Monday.",
        '"Nobody will be spared," she said.',
        '"Work will resume on Monday," Shri Vinod Pillai said.',
        '"It is a scandal," Cllr Rob Hale said.',
    )
    assert find(quotations, "Nobody will be spared").speaker == "Lata Rao", listing(quotations)
    assert find(quotations, "Work will resume on Monday").speaker == "Vinod Pillai", listing(
        quotations
    )
    hale = find(quotations, "It is a scandal")
    assert hale.speaker == "Rob Hale", listing(quotations)
    assert same_role("Cllr", hale.speaker_role), listing(quotations)


def test_a_title_of_a_place_alone_is_no_name() -> None:
    """ "Chief Minister of Kessel said": a title and its place, nobody's name ("of Kessel")."""
    quotations = extract("Harbour plan approved", f'"{PORT}," the Chief Minister of Kessel said.')
    quotation = _port(quotations)
    assert quotation.speaker is None, listing(quotations)
    assert "Chief Minister of Kessel" in (quotation.speaker_as_written or ""), listing(quotations)


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role"),
    [
        ('"No deal," said Representative Peter T. King.', "Peter T. King", "Representative"),
        ('"No deal," said Senator Ana Bishop.', "Ana Bishop", "Senator"),
        ('"No deal," said Senator Ana Ruiz of Vale.', "Ana Ruiz", "Senator"),
        ('"No deal," said Representative Paul Prince of Port Ardith.', "Paul Prince", None),
    ],
)
def test_a_surname_that_is_also_a_title_after_a_first_name_stays_the_name(
    paragraph: str, speaker: str, role: str | None
) -> None:
    """ "Representative Peter T. King": after a title and a first name, "King" is his surname,
    not a second title that leaves no name; "Senator Ana Ruiz of Vale" is Ana Ruiz, from Vale
    (the place is not part of her name, as it is not for "Ana Ruiz of Vale" without a title)."""
    quotations = extract("Deal collapses", paragraph)
    quotation = find(quotations, "No deal")
    assert quotation.speaker == speaker, listing(quotations)
    if role is not None:
        assert same_role(role, quotation.speaker_role), listing(quotations)

"""Invented rulings for the tests of the desk's memory (store.rulings, bot.verifier.rulings).

A fabricated quote credited to an invented harbour official, the pastes it comes back as (each
one way people change a quote), and quotes that only share its words.
"""

from __future__ import annotations

from store.archive import Archive
from store.rulings import Ruling, ruling_input

FERRY_QUOTE = "The new ferry will carry four hundred cars a day across the sound by next summer"
FERRY_CREDITED = "Ada Quill"
#: Ten shapes of the ruled quote as people paste it: (what changed, paste).
FERRY_PASTES = [
    ("another speaker", f'"{FERRY_QUOTE}," said Tom Vale.'),
    ("typos", '"The new ferry will cary four hundred cars a day acros the sound by next summer"'),
    ("a fragment", '"carry four hundred cars a day across the sound"'),
    (
        "a changed word",
        '"The new ferry will carry five hundred cars a day across the sound by next summer"',
    ),
    (
        "Slack formatting",
        f"*“{FERRY_QUOTE}”* — _Ada Quill_ <https://gulls-gazette.example/a|Gazette>",
    ),
    (
        "a word left out",
        '"The ferry will carry four hundred cars a day across the sound by next summer"',
    ),
    (
        "a word added",
        '"The new ferry will easily carry four hundred cars a day across the sound by next summer"',
    ),
    (
        "an ellipsis",
        '"The new ferry will carry four hundred cars a day … by next summer," Quill said',
    ),
    ("a label credit", f'Councillor Bram Oakes: "{FERRY_QUOTE.lower()}!"'),
    (
        "digits",
        "“The new ferry will carry 400 cars a day across the sound by next summer” — Sir Ada Quill",
    ),
]
#: Quotes that share some of its words and are about something else: never its ruling.
UNRELATED = [
    '"The old ferry carried cars across the river every day," said Tom Vale.',
    '"We will carry on next summer, whatever happens," said Ada Quill.',
    '"Four hundred people came down to the sound check," said Bram Oakes.',
    '"The council will vote on the new library by next spring."',
    '"A day across the water is all anybody needs," said Maud Treloar.',
    '"We have no such plan and never had one."',
]
#: Other rulings in the register, so that a paste must find the right one.
DECOYS = [
    ("The harbour wall will be rebuilt in stone before the storms come back", "misquoted"),
    ("Nobody on this council has ever taken a penny from the ferry company", "misattributed"),
    ("Our cars will cross the bridge for free from the first of May", "fabricated"),
]


def ferry_ruling(archive: Archive, by: str = "ana") -> Ruling:
    """The ruled fabricated quote, with the decoys beside it."""
    for text, kind in DECOYS:
        archive.record_ruling(ruling_input(text, kind, "bo"))
    return archive.record_ruling(
        ruling_input(
            FERRY_QUOTE,
            "fabricated",
            by,
            credited=FERRY_CREDITED,
            note="No record of it in any council paper.",
            links=["https://gulls-gazette.example/ferry-check"],
        )
    )

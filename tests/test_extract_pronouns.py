"""Extraction: who "he said", "she told" and "they said" stand for.

A pronoun stands for someone the article has named before it: most often the one who spoke or
was the subject last, unless someone else has been named since, or the one who spoke last
cannot be "he" or "she". A newsroom would rather have no speaker than a wrong one, so the
article must show the person; nothing is guessed from outside it. The people and places are
invented.
"""

from __future__ import annotations

from extraction_support import extract, find, listing

WINTER = "We cannot wait another winter"


def test_a_name_never_runs_on_from_the_line_before() -> None:
    """ "… a Plan B." ending a paragraph and "Wren said" opening the next are two names."""
    quotations = extract(
        "Dredging delayed again",
        "Harbour master Tobias Wren wants the channel dredged this year, or else the council "
        "needs a Plan B.",
        f"Wren said the channel would silt up within months. “{WINTER},” he said.",
    )
    assert find(quotations, WINTER).speaker == "Tobias Wren", listing(quotations)

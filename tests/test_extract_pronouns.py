"""Extraction: who "he said", "she told" and "they said" stand for.

A pronoun stands for someone the article has named before it: most often the one who spoke or
was the subject last, unless someone else has been named since, or the one who spoke last
cannot be "he" or "she". A newsroom would rather have no speaker than a wrong one, so the
article must show the person; nothing is guessed from outside it. The people and places are
invented.
"""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize(
    "introduction",
    ["He said:", "He told the council, to loud applause:", "He then listed what must be done:"],
)
def test_a_pronoun_introducing_the_next_paragraph_speaks_it(introduction: str) -> None:
    quotations = extract(
        "Bridge stays shut",
        "Tobias Wren, the county engineer, closed the Mill Lane bridge on Monday after divers "
        "found cracks in two of its piers.",
        introduction,
        "“The bridge is not safe for anyone to cross.”",
    )
    found = find(quotations, "The bridge is not safe for anyone to cross.")
    assert found.speaker == "Tobias Wren", listing(quotations)

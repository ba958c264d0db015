"""Does the speaker a paste claims name the person the archive credits?

"Netanyahu", "Benjamin Netanyahu", "Bibi Netanyahu", "the prime minister" and "Prime Minister
Netanyahu" all name the archive's Benjamin Netanyahu when the archive knows him by that full
name, surname, a form an article wrote, or that role. Only names are compared: "he" or "a
spokesman" claim nobody in particular.
"""

from __future__ import annotations

from store.extract.lexicon import titles
from store.normalise import name_key

_DETERMINERS = frozenset({"the", "a", "an"})


def claims_speaker(claimed: str, speaker: str, aliases: set[str]) -> bool:
    """True when `claimed` names `speaker` (whose known names and roles are `aliases`).

    Two people who spoke together ("Mark Blumenthal and Jon Cohen" wrote it) are each claimed
    by their own name: a paste crediting Cohen credits one of the authors.
    """
    if _names_one_of_a_pair(claimed, speaker):
        return True
    claim = name_key(claimed)
    if not claim:
        return False
    known = {name_key(speaker), *aliases}
    if claim in known:
        return True
    words = [word for word in claim.split() if word not in _DETERMINERS]
    bare = " ".join(w for w in words if w not in titles() and w.rstrip(".") not in titles())
    if bare and bare in known:
        return True  # "Prime Minister Netanyahu", "Sen. Cruz"
    full = name_key(speaker).split()
    if bare and len(full) > 1 and bare.split()[-1] == full[-1]:
        # Same surname: "Bibi Netanyahu" for Benjamin Netanyahu, but not "Ivanka Trump" for
        # Donald Trump when both first names are given and differ.
        first = bare.split()[0]
        initial = first[0] == full[0][0] and len(first) <= 2  # "B. Netanyahu"
        return len(bare.split()) == 1 or first == full[0] or initial
    # A role: "the prime minister" for someone the archive calls "Prime Minister".
    role = " ".join(words)
    return bool(role) and any(role == alias or alias.endswith(" " + role) for alias in aliases)


def _names_one_of_a_pair(claimed: str, speaker: str) -> bool:
    people = speaker.split(" and ")
    if len(people) != 2 or name_key(claimed) == name_key(speaker):
        return False
    return any(claims_speaker(claimed, person, set()) for person in people)

"""Does the speaker a paste claims name the person the archive credits?

"Okonjo", "Adaeze Okonjo", "A. Okonjo", "the prime minister" and "Prime Minister Okonjo"
all name the archive's Adaeze Okonjo when the archive knows her by that full
name, surname, a form an article wrote, or that role. A claim may describe the person as an
article would ("Former Secretary of State Ann Lee", "the Ledger's Tom Vale",
"Rob Hale of the harbour board"): the name in it is what is compared, accents
and all ("Inés" is "Ines"). Only names are compared: "he" or "a spokesman" claim nobody
in particular.
"""

from __future__ import annotations

import re
import unicodedata

from bot.verifier.credits import without_address
from store.extract.grammar import ARTICLE_BEFORE_SURNAME, NAME_PARTICLES, without_article
from store.extract.lexicon import given_names, org_words, party_words, role_nouns, titles
from store.normalise import name_key

_DETERMINERS = frozenset({"the", "a", "an"})
#: What ends the name inside a described claim: "Rob Hale of the harbour board".
_QUALIFIER = re.compile(r",|\s(?:of|from|at|with|who|for)\s", re.IGNORECASE)
#: Where the head noun of a description ends: "a spokesman | for the union".
_HEAD_END = re.compile(r"\s(?:of|for|at|with|from|in|on|who|that|which)\s|,", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^.*['’]s?\s+(?=\S)")
#: Lowercase words inside a name: "Ludwig van Beethoven", "Charles de Gaulle" (not "of", which
#: ends the name of "Tom Vale of the harbour board").
_PARTICLES = NAME_PARTICLES - {"of"}
_NAME_WORDS = re.compile(r"[^\W\d_]+")
#: "al-Tamimi": a surname after the Arabic article, capitalised after the hyphen.
_ARTICLE_SURNAME = re.compile(rf"{ARTICLE_BEFORE_SURNAME}[A-Z]")


def claims_speaker(claimed: str, speaker: str, aliases: set[str]) -> bool:
    """True when `claimed` names `speaker` (whose known names and roles are `aliases`).

    Two people who spoke together ("Ana Ruiz and Tom Vale" wrote it) are each claimed
    by their own name: a paste crediting Vale credits one of the authors.
    """
    if _names_one_of_a_pair(claimed, speaker):
        return True
    if _claims(claimed, speaker, aliases):
        return True
    named = name_in(claimed)
    return named is not None and named != claimed and _claims(named, speaker, aliases)


def name_in(claimed: str) -> str | None:
    """The person's name inside a described claim: "Former Secretary of State Ann
    Lee" -> "Ann Lee", "Rob Hale of the harbour board" ->
    "Rob Hale"; None when it holds no capitalised name."""
    text = _POSSESSIVE.sub("", claimed.strip())
    name = _trailing_name(text)
    if name is None:
        name = _trailing_name(_QUALIFIER.split(text, maxsplit=1)[0])
    return name


def _trailing_name(text: str) -> str | None:
    """The capitalised words ending `text`, from a given name among them or past the last
    title or role word ("Rear Admiral Mei Lan Zhou" -> "Mei Lan Zhou")."""
    run: list[str] = []
    for word in reversed(text.split()):
        if (
            word[:1].isupper()
            or _ARTICLE_SURNAME.match(word)
            or (run and word.lower() in _PARTICLES)
        ):
            run.insert(0, word)
        else:
            break
    while run and run[0].lower() in _PARTICLES:
        run = run[1:]
    if not run:
        return None
    lowered = [word.lower().strip(".,") for word in run]
    given = next((i for i, word in enumerate(lowered[:-1]) if word in given_names()), None)
    if given is not None:
        return " ".join(run[given:])
    describing = titles() | role_nouns() | party_words()
    last = max(
        (i for i, word in enumerate(lowered[:-1]) if word in describing or run[i].endswith(".")),
        default=-1,
    )
    return " ".join(run[last + 1 :])


def mentioned_in(claimed: str, text: str) -> bool | None:
    """Whether an article's text mentions the person a claim names, by any word of the name
    ("Rob Hale" is mentioned by "Hale said", "HALE" or "Mr Hale's"), accents aside; None when
    the claim names nobody ("the minister", "he"), so that there is nothing to look for.

    Any word of the name is enough: a mention is the archive's doubt, not its evidence."""
    name = name_in(claimed)
    if name is None:
        return None
    words = {
        _folded(word.lower())
        for word in _NAME_WORDS.findall(name)
        if len(word) > 1 and word.lower() not in _PARTICLES and word.lower() not in titles()
    }
    if not words:
        return None
    pattern = r"\b(?:" + "|".join(re.escape(word) for word in sorted(words)) + r")\b"
    return re.search(pattern, _folded(text.lower())) is not None


def described_speaker(written: str | None) -> str | None:
    """How an article describes a speaker it does not name ("the minister", "a spokesman
    for the union", "the council"): the description when it names a person or a body by
    role; None for a pronoun or a thing ("a sign on the barrier").

    The head is the noun before any prepositional phrase: "a spokesman for the union" is a
    spokesman, "a sign on the barrier" a sign."""
    text = (written or "").strip()
    words = [word.strip(".,").lower() for word in _HEAD_END.split(text, maxsplit=1)[0].split()]
    if not words:
        return None
    head = words[-1].removesuffix("'s").removesuffix("’s")
    if head in role_nouns() or head in org_words() or head in titles():
        return text
    return None


def _claims(claimed: str, speaker: str, aliases: set[str]) -> bool:
    # "al-Tamimi" and "Tamimi" are one surname, as outlets write it with the article or not.
    claimed, speaker = _without_articles(claimed), _without_articles(speaker)
    aliases = {_without_articles(alias) for alias in aliases}
    claim = _folded(name_key(without_address(claimed)))
    if not claim:
        return False
    # Names compare without their forms of address: "Sir Tom Vale" is "Tom Vale".
    known = {
        _folded(name_key(name))
        for written in (speaker, *aliases)
        for name in (written, without_address(written))
    }
    if claim in known:
        return True
    words = [word for word in claim.split() if word not in _DETERMINERS]
    bare = " ".join(w for w in words if w not in titles() and w.rstrip(".") not in titles())
    if bare and bare in known:
        return True  # "Prime Minister Okonjo", "Sen. Vale"
    full = _folded(name_key(without_address(speaker))).split()
    claimed_words = bare.split()
    if 1 < len(claimed_words) < len(full) and full[-len(claimed_words) :] == claimed_words:
        # "Ruiz Obrera", "Suu Kyi", "Manuel Ruiz Obrera": the last words of a longer name.
        return True
    if bare and len(full) > 1 and bare.split()[-1] == full[-1]:
        # Same surname: "Okonjo" or "A. Okonjo" for Adaeze Okonjo, but not "Ifeoma Okonjo"
        # for her when both first names are given and differ.
        first = bare.split()[0]
        initial = first[0] == full[0][0] and len(first) <= 2  # "A. Okonjo"
        return len(bare.split()) == 1 or first == full[0] or initial
    # A role: "the prime minister" for someone the archive calls "Prime Minister".
    role = " ".join(words)
    return bool(role) and any(role == alias or alias.endswith(" " + role) for alias in known)


def _without_articles(name: str) -> str:
    return " ".join(map(without_article, name.split()))


def _folded(key: str) -> str:
    """A name key without accents: "calderón" and "calderon" are one name."""
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _names_one_of_a_pair(claimed: str, speaker: str) -> bool:
    people = speaker.split(" and ")
    if len(people) != 2 or name_key(claimed) == name_key(speaker):
        return False
    return any(claims_speaker(claimed, person, set()) for person in people)

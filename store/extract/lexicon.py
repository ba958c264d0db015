"""Word lists extraction relies on: speech verbs, titles, pronouns, organisation and outlet words.

The lists live in `data/*.txt` so that a newsroom can read and extend them without touching code
(data/README.md says why each is there): what the rules know of a speech verb is a tag on its
line (`speech_verbs().tagged("weak")`), and the closed word classes several rules share are
named in closed_classes.txt (`word_class("determiners")`). This module loads each file once from
the installed package and generates the inflections of regular verbs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources


def lines(name: str) -> list[str]:
    text = resources.files("store.extract").joinpath("data").joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _inflect(base: str) -> list[str]:
    """Past, third person and -ing forms of a regular verb (the irregular ones are listed)."""
    if base.endswith("ee"):
        return [base + "d", base + "s", base + "ing"]
    if base.endswith("e"):
        return [base + "d", base + "s", base[:-1] + "ing"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base[:-1] + "ied", base[:-1] + "ies", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base + "ed", base + "es", base + "ing"]
    return [base + "ed", base + "s", base + "ing"]


#: The properties a speech verb may be tagged with in speech_verbs.txt (data/README.md).
VERB_TAGS = frozenset(
    "statement object-first object-kept reporting clause naming weak noun-like".split()
)


@dataclass(frozen=True)
class SpeechVerbs:
    """Every form of every speech verb, mapped to its base form, and the bases by tag."""

    forms: dict[str, str]
    #: The first word of every form, to rule most tokens out with one set lookup.
    first_words: frozenset[str] = frozenset()
    #: Base forms by tag ("weak", "statement", ...): what the rules know of each verb.
    tags: dict[str, frozenset[str]] = field(default_factory=dict)

    def base(self, form: str) -> str | None:
        return self.forms.get(form.lower())

    def tagged(self, tag: str) -> frozenset[str]:
        """The base forms tagged `tag`; a tag the data does not define is an error."""
        if tag not in VERB_TAGS:
            raise KeyError(f"no speech verb tag {tag!r} (data/speech_verbs.txt)")
        return self.tags.get(tag, frozenset())


def verb_line(line: str) -> tuple[str, list[str], list[str]]:
    """`base (irregular, forms): tag tag` -> the base, its listed forms and its tags."""
    head, _, tags = line.partition(":")
    base, _, listed = head.partition("(")
    forms = [form.strip() for form in listed.rstrip(" )").split(",") if form.strip()]
    return base.strip(), forms, tags.split()


@cache
def speech_verbs() -> SpeechVerbs:
    forms: dict[str, str] = {}
    tagged: dict[str, set[str]] = {}
    for line in lines("speech_verbs.txt"):
        base, listed, tags = verb_line(line)
        words = base.split(" ", 1)
        if listed:
            inflected = listed
        else:
            rest = " " + words[1] if len(words) > 1 else ""
            inflected = [form + rest for form in _inflect(words[0])]
        for form in [base, *inflected]:
            forms.setdefault(form, base)
        for tag in tags:
            tagged.setdefault(tag, set()).add(base)
    return SpeechVerbs(
        forms,
        frozenset(form.split(" ", 1)[0] for form in forms),
        {tag: frozenset(bases) for tag, bases in tagged.items()},
    )


@cache
def titles() -> frozenset[str]:
    """Lowercase titles, with and without a trailing period."""
    found = set()
    for title in lines("titles.txt"):
        found.add(title)
        found.add(title.rstrip("."))
    return frozenset(found)


@cache
def party_words() -> frozenset[str]:
    """Parties and their members ("Tory", "Labour", "GOP"): descriptions before a first name."""
    return frozenset(lines("party_words.txt"))


@cache
def role_nouns() -> frozenset[str]:
    """Heads of noun phrases that name a person by role: titles and the nouns of roles.txt."""
    roles = frozenset(lines("roles.txt"))
    # "Aides say", "Legal observers note": a group of role holders speaks too. Not the plurals
    # that read as verbs: "Oyelowo heads the trust".
    plurals = frozenset(_plural(noun) for noun in roles if noun.isalpha()) - word_class(
        "verb-like-plurals"
    )
    return roles | plurals | frozenset(t.rstrip(".") for t in titles() if " " not in t)


def _plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


@cache
def document_nouns() -> frozenset[str]:
    """Heads of phrases for texts that speak: "the statement said", "a sign read"."""
    return frozenset(lines("document_nouns.txt"))


@cache
def speech_nouns() -> frozenset[str]:
    """Nouns for something said: "Hale's pledge", "Ruiz's remark"."""
    return frozenset(lines("speech_nouns.txt"))


@cache
def org_words() -> frozenset[str]:
    return frozenset(lines("org_words.txt"))


@cache
def outlet_words() -> frozenset[str]:
    return frozenset(lines("outlet_words.txt"))


@cache
def known_outlets() -> frozenset[str]:
    return frozenset(name.lower() for name in lines("outlets.txt"))


@cache
def first_name_genders() -> dict[str, str]:
    genders = {name: "f" for name in lines("first_names_female.txt")}
    for name in lines("first_names_male.txt"):
        # A name on both lists (e.g. "jean") tells us nothing.
        genders[name] = "" if genders.get(name) == "f" else "m"
    return {name: gender for name, gender in genders.items() if gender}


@cache
def given_names() -> frozenset[str]:
    """Every given name the lists know, whether or not it tells a gender: "Pat", "Jean"."""
    both = frozenset(lines("first_names_female.txt")) | frozenset(lines("first_names_male.txt"))
    return both | frozenset(lines("first_names_unisex.txt"))


@cache
def role_abbreviations() -> dict[str, str]:
    """ "pm" -> "prime minister": what an abbreviated role stands for."""
    pairs = (line.split(":", 1) for line in lines("role_abbreviations.txt"))
    return {short.strip(): role.strip() for short, role in pairs}


@cache
def pronoun_genders() -> dict[str, str]:
    pairs = (line.split(":") for line in lines("pronouns.txt"))
    return {word.strip(): gender.strip() for word, gender in pairs}


@cache
def word_classes() -> dict[str, frozenset[str]]:
    """The closed word classes of closed_classes.txt, by name."""
    classes: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in lines("closed_classes.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = classes.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.split())
    return {name: frozenset(words) for name, words in classes.items()}


def word_class(name: str) -> frozenset[str]:
    """One closed word class by name; a name closed_classes.txt does not define is an error."""
    try:
        return word_classes()[name]
    except KeyError:
        raise KeyError(f"no word class {name!r} (data/closed_classes.txt)") from None

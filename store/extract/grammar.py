"""Closed word classes the phrase and cue rules need, apart from the open lists in data/."""

from __future__ import annotations

#: Capitalised at the start of a sentence, never part of a name.
CAPITALISED_NON_NAMES = frozenset(
    """the a an in on at but and as if when after before while since for with this that these
    those it he she they we i you his her their our its my your according meanwhile however yet
    so still also then there here what who whom whose why how where now today yesterday
    tomorrow tonight monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december no yes not all both
    each every some many most more few other another such one two three four five six seven
    eight nine ten first second third last next over under despite although though because
    unless until instead rather perhaps maybe indeed thus hence therefore sir
    madam dear read said says asked by from to of into about against during through without
    within upon per among amid via let please thanks thank oh well like just only even
    alongside besides beyond inside outside throughout toward towards unlike regarding following
    including asked speaking meanwhile""".split()
)

#: Forms of address before a name ("Mr Vale", "Dr. Ruiz", "Sir Tom Vale"): they cut the name and
#: may tell a gender, but they are no one's role.
HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof sir dame lord lady rev revd fr messrs mme mlle".split()
)


def without_honorifics(role: str | None) -> str | None:
    """`role` without the forms of address it opens with ("Mr", "Dr.", "Sir"); None when
    nothing else is left: "Mr" is no role, "Dr., a marine biologist" is "a marine biologist"."""
    if not role:
        return None
    words = role.split()
    while words and words[0].lower().strip(".,") in HONORIFICS:
        words = words[1:]
    cleaned = " ".join(words).strip(" ,;:")
    return cleaned or None


#: Lowercase words that join the parts of a name: Ludwig van Beethoven, Bank of England.
NAME_PARTICLES = frozenset(
    "de da di del della der den van von bin ibn al el la le du dos das ter ten y of".split()
)

#: Months as written before a day ("a Feb. 1 letter", "the March 3 ruling").
MONTHS = frozenset(
    """jan jan. january feb feb. february mar mar. march apr apr. april may jun jun. june jul
    jul. july aug aug. august sep sep. sept sept. september oct oct. october nov nov. november
    dec dec. december""".split()
)

DETERMINERS = frozenset(
    """the a an another one some two three four several many his her their its our this
    these those each every any no either neither""".split()
)

PRONOUNS = frozenset("he she they it we i".split())

#: Words that can never be inside the subject noun phrase of a speech verb.
FUNCTION_WORDS = frozenset(
    """in on at by for with from to into about over after before during since against among
    through under without within upon per toward towards across behind beyond near amid
    inside outside and or but nor yet so because although though while whereas if unless
    until once when whenever where as than who whom whose which that what whether is are was
    were be been being has have had do does did will would shall should can could may might
    must not never also then later now still just only even already again too very there
    here it he she they we i you me him them us""".split()
)

#: Words between a subject and its speech verb that do not change who spoke.
VERB_MODIFIERS = frozenset(
    """also later then previously repeatedly once recently again further finally similarly
    earlier later has have had would will could may might did does do was were is are been
    not never had already still even often frequently publicly privately separately
    subsequently reportedly apparently allegedly bluntly flatly simply be can heard seen
    overheard caught recorded filmed only""".split()
)

#: Gerunds after a comma whose subject is the subject of the main clause:
#: "Hale rejected the offer, saying ...".
PARTICIPLE_SUFFIX = "ing"
#: Endings that make a word read as an adjective: "anti-Muslim", "racist", "scathing".
ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "less", "ish", "ary", "ing")

#: Role words that tell a person's gender.
FEMININE_WORDS = frozenset(
    """she her woman spokeswoman chairwoman congresswoman businesswoman councilwoman
    actress mother wife daughter sister grandmother queen princess ms mrs miss madam lady
    girl aunt niece widow stepmother dame mme mlle""".split()
)
MASCULINE_WORDS = frozenset(
    """he him man spokesman chairman congressman businessman councilman actor father husband
    son brother grandfather king prince mr sir gentleman boy uncle nephew widower lord""".split()
)

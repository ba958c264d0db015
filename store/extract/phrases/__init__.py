"""Noun phrases that name who spoke: a name, a pronoun, or a description ("the Vale senator").

Two readings are needed. Before a speech verb the subject is the phrase that *ends* at the verb
("At the hearing, Ruiz said"), or, when an appositive sits between them, the phrase that
*starts* the clause ("Tessa Quill, a senior surveyor ..., said"). After an inverted verb
("said Tessa Quill, a member of the council") it is the phrase that starts there. Each reading
returns a `Mention`: the head as written, its kind, and the role the text gives around it.

Modules: `mention` (what a phrase names), `names` (runs of name words and titles),
`descriptions` (heads, descriptors, roles tied to someone else), `ending` (the phrase ending at a
token), `starting` (the phrase starting at one).
"""

from store.extract.phrases.descriptions import GROUP_SHARES, mention_from, role_tied_within
from store.extract.phrases.ending import phrase_ending_at
from store.extract.phrases.mention import NAME, NOMINAL, PRONOUN, Mention
from store.extract.phrases.names import (
    is_name_word,
    is_organisation_name,
    person_run,
    run_ending_at,
    run_starting_at,
    title_end,
)
from store.extract.phrases.starting import phrase_starting_at

__all__ = [
    "GROUP_SHARES",
    "NAME",
    "NOMINAL",
    "PRONOUN",
    "Mention",
    "is_name_word",
    "is_organisation_name",
    "mention_from",
    "person_run",
    "phrase_ending_at",
    "phrase_starting_at",
    "role_tied_within",
    "run_ending_at",
    "run_starting_at",
    "title_end",
]

"""Who the subject is: the phrase before a verb, or the one opening a clause.

Before a speech verb the subject is the phrase that ends at it ("At the hearing, Ruiz said"),
or, with an appositive or a relative clause in between, the phrase that opens the clause
("Tessa Quill, a senior surveyor …, said"; "the crews who wrote to him say"). A clause's
subject is the first phrase after its opening words ("But in a statement, Hale …"). Both
know two people who speak together ("Hale and Ruiz put out a note"), descriptions that
name someone ("the county engineer, Tobias Wren,"), and what is not a subject: an appositive,
a dateline's month, a state after a town.

Modules: `common` (shared bounds and tests), `before_verb` (the subject ending at a speech verb),
`clause` (the subject opening a clause), `partners` (two people, joined titles, places).
"""

from store.extract.subjects.before_verb import coordinated_roles, subject_before
from store.extract.subjects.clause import clause_subject
from store.extract.subjects.common import (
    AUXILIARIES,
    PARENTHESIS_REACH,
    PUNCTUATION,
    RELATIVE_REACH,
    RELATIVES,
    ROLE_REACH,
    SUBORDINATORS,
    appositive_text,
    looks_finite,
    opening_dash,
    person_or_group,
    skip_back_modifiers,
)
from store.extract.subjects.partners import (
    BODY_JOINS,
    description_end,
    joined_title_name,
    named_in_appositive,
    with_partner,
)

__all__ = [
    "AUXILIARIES",
    "BODY_JOINS",
    "PARENTHESIS_REACH",
    "PUNCTUATION",
    "RELATIVES",
    "RELATIVE_REACH",
    "ROLE_REACH",
    "SUBORDINATORS",
    "appositive_text",
    "clause_subject",
    "coordinated_roles",
    "description_end",
    "joined_title_name",
    "looks_finite",
    "named_in_appositive",
    "opening_dash",
    "person_or_group",
    "skip_back_modifiers",
    "subject_before",
    "with_partner",
]

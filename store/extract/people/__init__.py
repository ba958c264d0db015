"""Who is who in one article: full names, surnames, titles, genders and pronouns.

News introduces a person once in full ("Tessa Quill, an associate fellow at the Harbour Institute")
and then says "Quill", "he" or "the fellow". `People` is built from every name outside the
quotations, then answers: which full name does this surname, title or pronoun stand for here?
When the article does not tell, it answers None: a wrong speaker is worse than none.

Modules: `entity` (a person or organisation), `directory` (`People`), `reading` (roles,
headlines and datelines), `pronouns` (genders and pronouns).
"""

from store.extract.people.directory import People
from store.extract.people.entity import Entity
from store.extract.phrases import NAME, NOMINAL, PRONOUN

__all__ = ["NAME", "NOMINAL", "PRONOUN", "Entity", "People"]

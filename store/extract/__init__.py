"""Extraction of attributed quotations from article text.

`extract_quotations(article)` is the whole interface; the modules behind it each hold one step:
`quotemarks` (which marks quote), `tokens`, `sentences`, `phrases` (who a phrase names), `cues`
(speech verbs and their subjects), `people` (surnames, titles and pronouns resolved), `outlets`
(reported_to and via), `attribution` (each quotation's speaker) and `reported` (reported speech).
"""

from store.extract.extractor import extract_quotations

__all__ = ["extract_quotations"]

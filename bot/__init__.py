"""Answering, on top of `store`: the verifier, and the two ways people reach it.

`verifier/` turns a paste into a verdict; `cli/` is the `quotebot` command and its terminal
output; `slack/` is the Slack bot. `wording.py` holds the words both draw an answer with.
"""

"""The verifier: from a paste to a verdict, with no knowledge of how the answer is shown.

`query.py` and `pastes.py` read what was pasted; `matching.py` aligns its words with the
archive's; `claims.py` compares the claimed speaker with the archive's; `verify.py` finds the
printings and decides; `verdict.py` holds the answer's shape; `deadline.py` the time a check may
take. The command line (`bot/cli/`) and the Slack bot (`bot/slack/`) draw its answers.
"""

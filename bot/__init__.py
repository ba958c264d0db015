"""Answering: the command line, and later the verifier and the Slack bot, on top of `store`."""

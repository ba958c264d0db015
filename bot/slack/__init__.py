"""The Slack bot: a Bolt app over the verifier, served in Socket Mode or over HTTP.

`app.py` builds the app from the settings and registers the listeners (`listeners/`, one module
per kind); `server.py` runs it; `card.py` draws an answer in Block Kit and `text.py` reads and
escapes Slack's markup.
"""

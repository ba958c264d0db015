"""The app's listeners, one module per kind of Slack request, each with `register(app)`."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, review, rulings, shortcuts


def register_listeners(app: App) -> None:
    commands.register(app)
    shortcuts.register(app)
    review.register(app)  # before events: its message listener must be tried first
    events.register(app)
    actions.register(app)
    rulings.register(app)

"""manifest.yml creates the app the code expects: its scopes, command, shortcut and events."""

from __future__ import annotations

import re
from pathlib import Path

from bot.slack.app import BOT_SCOPES
from bot.slack.listeners.commands import COMMAND
from bot.slack.listeners.shortcuts import CALLBACK_ID

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = (ROOT / "manifest.yml").read_text(encoding="utf-8")
ENV_EXAMPLE = (ROOT / ".env.example").read_text(encoding="utf-8")


def listed_under(key: str) -> list[str]:
    """The `- item` lines right under `key:` in the manifest."""
    block = re.search(rf"^(\s*){key}:\n((?:\1\s+- .*\n)+)", MANIFEST, re.M)
    assert block, f"manifest.yml has no list under {key}"
    return [line.strip()[2:] for line in block.group(2).splitlines()]


def test_manifest_asks_for_exactly_the_scopes_the_oauth_flow_asks_for() -> None:
    assert sorted(listed_under("bot")) == sorted(BOT_SCOPES)


def test_manifest_subscribes_to_the_events_the_listeners_handle() -> None:
    assert sorted(listed_under("bot_events")) == [
        "app_home_opened",
        "app_mention",
        "message.channels",
        "message.groups",
        "message.im",
    ]


def test_manifest_declares_the_command_the_shortcut_and_socket_mode() -> None:
    assert f"- command: {COMMAND}\n" in MANIFEST
    assert f"callback_id: {CALLBACK_ID}\n" in MANIFEST
    assert "type: message\n" in MANIFEST
    assert "socket_mode_enabled: true" in MANIFEST
    assert "home_tab_enabled: true" in MANIFEST
    # Drafts are shared with the bot in a direct message.
    assert "messages_tab_enabled: true" in MANIFEST


def test_every_setting_the_bot_reads_is_documented_in_env_example() -> None:
    source = "".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "bot" / "slack").rglob("*.py")
    )
    read = set(re.findall(r'"(SLACK_[A-Z_]+)"', source))

    assert read
    for name in read:
        assert re.search(rf"^{name}=", ENV_EXAMPLE, re.M), f"{name} is not in .env.example"

"""The form behind **Record a ruling**: a Slack modal for the desk's ruling on an answer's quote.

The form asks what the desk found (one of the six rulings, by bot.wording's labels), the real
speaker, the printed words, a note and evidence links, one per line. The words ruled on, whom
the paste credited, the archived quotation they match, the ruling in force (which the Submit
revises) and where to confirm travel in the modal's `private_metadata`, so that the Submit
needs nothing else; Slack keeps at most 3,000 characters there, and a quote too long to fit is
ruled on with `quotebot rule` instead. The words are shown, escaped, at the top of the form.

Every field is checked by store.rulings.ruling_input, the check `quotebot rule` makes too; what
it refuses comes back under its field (`response_action: errors`) and nothing is stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.slack.card import ruling_headline
from bot.slack.mrkdwn import context_block, fit, plain_text, section_block
from bot.slack.notices import notice
from bot.wording import RULING_LABELS, ruling_finding
from store.db.models import MAX_NAME_CHARS
from store.rulings import (
    MAX_NOTE_CHARS,
    Ruling,
    RulingError,
    RulingInput,
    RulingKind,
    ruling_input,
)

RULING_CALLBACK = "record_ruling_form"
#: Block ids, named as store.rulings.RulingError names the field each holds.
KIND_BLOCK = "ruling"
SPEAKER_BLOCK = "speaker"
PRINTED_BLOCK = "printed"
NOTE_BLOCK = "note"
LINKS_BLOCK = "links"
#: The one input element of each block.
VALUE_ACTION = "value"
#: Slack's limits: private_metadata, a text box, a modal's title.
METADATA_CHARS = 3000
TEXT_BOX_CHARS = 3000
#: How much of the words the form shows.
WORDS_SHOWN_CHARS = 2500

Message = dict[str, Any]


@dataclass(frozen=True)
class Ruled:
    """What a ruling form is about, as its private_metadata carries it."""

    #: The words ruled on: the paste's quoted words, or those of the ruling in force.
    text: str
    credited: str | None
    #: The archived quotation the answer matched, if any.
    quotation_id: int | None
    #: The ruling in force on these words, which the Submit revises; None: a new ruling.
    ruling_id: int | None
    #: The answer's response_url, where the Submit is confirmed.
    response_url: str | None

    def metadata(self) -> str | None:
        """As JSON for private_metadata; None when it would not fit there."""
        document = json.dumps(
            {
                "text": self.text,
                "credited": self.credited,
                "quotation": self.quotation_id,
                "ruling": self.ruling_id,
                "response_url": self.response_url,
            },
            ensure_ascii=False,
        )
        return document if len(document) <= METADATA_CHARS else None

    @classmethod
    def from_metadata(cls, raw: object) -> Ruled | None:
        """The form's subject back from private_metadata; None when it is not one of ours."""
        try:
            found = json.loads(raw) if isinstance(raw, str) and raw else None
        except ValueError:
            return None
        if not isinstance(found, dict) or not isinstance(found.get("text"), str):
            return None
        return cls(
            text=found["text"],
            credited=_text_or_none(found.get("credited")),
            quotation_id=_id_or_none(found.get("quotation")),
            ruling_id=_id_or_none(found.get("ruling")),
            response_url=_text_or_none(found.get("response_url")),
        )


def ruling_form(ruled: Ruled, metadata: str, current: Ruling | None) -> dict[str, Any]:
    """The modal, prefilled with the ruling in force when there is one."""
    words = f"*The words*\n>“{fit(ruled.text, WORDS_SHOWN_CHARS)}”"
    if ruled.credited:
        words += f"\ncredited to {fit(ruled.credited, 200)}"
    top: list[dict] = [section_block(words)]
    if current is not None:
        said = f"{ruling_headline(current)}: {fit(ruling_finding(current), 1000)}"
        top.append(context_block(f"In force: {said}. Submitting records a revision."))
    return {
        "type": "modal",
        "callback_id": RULING_CALLBACK,
        "private_metadata": metadata,
        "title": plain_text("Revise the ruling" if current else "Record a ruling"),
        "submit": plain_text("Record"),
        "close": plain_text("Cancel"),
        "blocks": [
            *top,
            _kind_input(current.kind if current else None),
            _text_input(
                SPEAKER_BLOCK,
                "Real speaker",
                current.speaker if current else None,
                max_length=MAX_NAME_CHARS,
                hint="For a misattribution: who said the words, where known.",
            ),
            _text_input(
                PRINTED_BLOCK,
                "Printed words",
                current.printed if current else None,
                max_length=TEXT_BOX_CHARS,
                multiline=True,
                hint="For a misquotation: the words as they were printed.",
            ),
            _text_input(
                NOTE_BLOCK,
                "Note",
                current.note if current else None,
                max_length=MAX_NOTE_CHARS,
                multiline=True,
            ),
            _text_input(
                LINKS_BLOCK,
                "Evidence links",
                "\n".join(current.links) if current else None,
                max_length=TEXT_BOX_CHARS,
                multiline=True,
                hint="One http(s) address per line.",
            ),
        ],
    }


def checked(ruled: Ruled, view: dict[str, Any], by: str) -> RulingInput:
    """The Submit's ruling, checked; RulingError naming the field that is wrong."""
    values = (view.get("state") or {}).get("values") or {}
    kind = _submitted(values, KIND_BLOCK)
    links = (_submitted(values, LINKS_BLOCK) or "").splitlines()
    try:
        return ruling_input(
            ruled.text,
            kind or "",
            by,
            credited=ruled.credited,
            speaker=_submitted(values, SPEAKER_BLOCK),
            printed=_submitted(values, PRINTED_BLOCK),
            note=_submitted(values, NOTE_BLOCK),
            links=links,
            quotation_id=ruled.quotation_id,
        )
    except RulingError:
        raise
    except ValueError:  # an address urlsplit cannot read ("http://[oops")
        raise RulingError("a link must be an http(s) address", "links") from None


def form_errors(error: RulingError) -> dict[str, str]:
    """`errors` for the modal: the message under the field it is about (under the ruling for
    what has no field of its own: the words, who ruled)."""
    blocks = (SPEAKER_BLOCK, PRINTED_BLOCK, NOTE_BLOCK, LINKS_BLOCK)
    block = error.field if error.field in blocks else KIND_BLOCK
    message = str(error)
    return {block: message[:1].upper() + message[1:]}


def recorded(ruling: Ruling) -> Message:
    """The confirmation, for the person who submitted the form."""
    done = "Revised" if ruling.revision > 1 else "Recorded"
    text = (
        f":triangular_flag_on_post: {done}: *{ruling_headline(ruling)}*: "
        f"{fit(ruling_finding(ruling), 1000)}. Every answer on these words now leads with it."
    )
    return notice(text, escaped=True)


# -- the polite refusals ------------------------------------------------------------------------


def not_configured() -> Message:
    return notice(
        ":lock: Recording rulings is not switched on here yet: whoever runs quotebot names the "
        "people who may rule in SLACK_RULE_ALLOWED_USERS, or a user group in "
        "SLACK_RULE_ALLOWED_GROUPS."
    )


def not_allowed() -> Message:
    return notice(
        ":lock: Sorry, only the fact-checkers the newsroom has named may record rulings. Ask "
        "whoever runs quotebot to add you (SLACK_RULE_ALLOWED_USERS or a user group in "
        "SLACK_RULE_ALLOWED_GROUPS)."
    )


def access_unknown() -> Message:
    return notice(
        ":warning: I could not check whether you may record rulings: Slack would not tell me "
        "who is in the allowed user groups. Please try again in a few minutes."
    )


def too_long() -> Message:
    return notice(
        "These words are too long to rule on from Slack; rule on them with the command line "
        "(`quotebot rule`)."
    )


def form_not_opened() -> Message:
    return notice("I could not open the ruling form in time; please click the button again.")


def ruling_gone() -> Message:
    return notice("That ruling is no longer in the archive; click the button again.")


# -- the form's parts ---------------------------------------------------------------------------


def _kind_input(kind: RulingKind | None) -> dict[str, Any]:
    options = [
        {"text": plain_text(RULING_LABELS[each]), "value": each.value} for each in RulingKind
    ]
    element: dict[str, Any] = {
        "type": "static_select",
        "action_id": VALUE_ACTION,
        "placeholder": plain_text("What the desk found"),
        "options": options,
    }
    if kind is not None:
        element["initial_option"] = options[list(RulingKind).index(kind)]
    return {
        "type": "input",
        "block_id": KIND_BLOCK,
        "label": plain_text("Ruling"),
        "element": element,
    }


def _text_input(
    block_id: str,
    label: str,
    value: str | None,
    *,
    max_length: int,
    multiline: bool = False,
    hint: str | None = None,
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": VALUE_ACTION,
        "multiline": multiline,
        "max_length": max_length,
    }
    if value:
        element["initial_value"] = value[:max_length]
    block: dict[str, Any] = {
        "type": "input",
        "block_id": block_id,
        "optional": True,
        "label": plain_text(label),
        "element": element,
    }
    if hint:
        block["hint"] = plain_text(hint)
    return block


def _submitted(values: dict[str, Any], block_id: str) -> str | None:
    state = (values.get(block_id) or {}).get(VALUE_ACTION) or {}
    selected = state.get("selected_option")
    value = selected.get("value") if isinstance(selected, dict) else state.get("value")
    return value if isinstance(value, str) else None


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _id_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None

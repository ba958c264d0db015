"""From a Slack message to answers: verify the quoted stretches, log each lookup, lay it out.

Shared by every entry point (slash command, shortcut, mention, watched channel, buttons), so
that each answers, logs and escapes the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.slack import card
from bot.slack.services import Services
from bot.verifier.deadline import Deadline
from bot.verifier.verdict import CheckResult, Verdict
from store.lookup import Lookup

#: Quoted stretches answered from one message; a response_url takes five posts at most.
MAX_ANSWERS = 3


@dataclass(frozen=True)
class Asked:
    """Who asked, where, and through which entry point ("command", "shortcut", ...)."""

    workspace: str
    channel: str | None
    user: str | None
    source: str


@dataclass(frozen=True)
class Answer:
    result: CheckResult
    #: The audit log's id for this answer, which its buttons carry; None for a problem.
    lookup_id: int | None


def answers(
    services: Services, text: str, asked: Asked, *, only_known: bool = False
) -> list[Answer]:
    """The answers to the quoted stretches of `text` (at most MAX_ANSWERS), each logged.

    `only_known`: only the answers where the archive, or a ruling, knows something (for
    watched channels, where nobody asked and silence is the answer to the rest, which is not
    logged). A check
    past the time limit (SLACK_CHECK_SECONDS) raises bot.verifier.deadline.CheckTimedOut.
    """
    results = services.verifier.check(text, deadline=_deadline(services))
    if only_known:
        results = [r for r in results if r.problem is None and _known(r)]
    return [Answer(result, _logged(services, result, asked)) for result in results[:MAX_ANSWERS]]


def recheck(services: Services, lookup: Lookup) -> CheckResult:
    """A logged lookup answered again, for a button pressed on its answer."""
    return services.verifier.check_quote(
        lookup.query, lookup.claimed_speaker, deadline=_deadline(services)
    )


def message(
    answer: Answer,
    *,
    ephemeral: bool = False,
    shared_by: str | None = None,
    show_context: bool = False,
) -> dict[str, Any]:
    """The Slack message for an answer: Block Kit, and the escaped plain-text fallback."""
    return {
        "blocks": card.answer_blocks(
            answer.result,
            lookup_id=answer.lookup_id,
            shared_by=shared_by,
            show_context=show_context,
            ephemeral=ephemeral,
        ),
        "text": card.answer_text(answer.result),
    }


def _known(result: CheckResult) -> bool:
    """Whether the archive knows the words, or the desk has ruled on them."""
    return result.verdict is not Verdict.NOT_FOUND or result.ruling is not None


def _deadline(services: Services) -> Deadline:
    return Deadline.after(services.settings.limits.check_seconds)


def _logged(services: Services, result: CheckResult, asked: Asked) -> int | None:
    if result.problem is not None:
        return None
    best = result.matches[0] if result.matches else None
    stored = services.archive.record_lookup(
        Lookup(
            workspace=asked.workspace,
            channel=asked.channel,
            user=asked.user,
            source=asked.source,
            query=result.query,
            claimed_speaker=result.claimed_speaker,
            verdict=str(result.verdict),
            attribution=str(result.attribution),
            quotation_id=best.quotation_id if best else None,
        )
    )
    return stored.id

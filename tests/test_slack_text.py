"""Slack's message encoding: undone for what a fact-checker pastes, applied to what we post.

A quote copied out of Slack arrives with `&amp;`, wrapped links and mentions; the words a
fact-checker reads are what must be checked, and mentions are never part of a quote. Anything
posted back is escaped so that no quote can ping `@channel` or a user.
"""

from __future__ import annotations

import pytest

from bot.slack.text import decode, escape


@pytest.mark.parametrize(
    ("encoded", "decoded"),
    [
        pytest.param("Bread &amp; circuses", "Bread & circuses", id="ampersand"),
        pytest.param("a &lt; b &gt; c", "a < b > c", id="angle-brackets"),
        pytest.param("&amp;lt; stays typed", "&lt; stays typed", id="entity-decoded-once"),
        pytest.param(
            "read <https://courier.example/a|the article> first",
            "read the article first",
            id="link-with-label",
        ),
        pytest.param(
            "read <https://courier.example/a> first",
            "read https://courier.example/a first",
            id="link-without-label",
        ),
        pytest.param(
            "write to <mailto:desk@courier.example|desk@courier.example>",
            "write to desk@courier.example",
            id="mailto-with-label",
        ),
        pytest.param(
            "write to <mailto:desk@courier.example>",
            "write to desk@courier.example",
            id="mailto-without-label",
        ),
        pytest.param("<@U0123ABC> is this right?", "is this right?", id="user-mention"),
        pytest.param("<@U0123ABC|odile> is this right?", "is this right?", id="named-user"),
        pytest.param("seen in <#C0456DEF|desk> today", "seen in today", id="channel"),
        pytest.param("seen in <#C0456DEF> today", "seen in today", id="bare-channel"),
        pytest.param("<!channel> check this", "check this", id="at-channel"),
        pytest.param("<!here> check this", "check this", id="at-here"),
        pytest.param("<!everyone> check this", "check this", id="at-everyone"),
        pytest.param("<!subteam^S0789|@factcheck> check this", "check this", id="user-group"),
        pytest.param(
            "posted <!date^1392734382^{date_short}|Feb 18, 2014> at noon",
            "posted Feb 18, 2014 at noon",
            id="date-keeps-fallback",
        ),
        pytest.param(
            "<https://courier.example/?a=1&amp;b=2|Tom &amp; Jerry>",
            "Tom & Jerry",
            id="entities-in-label",
        ),
    ],
)
def test_decode_gives_the_text_a_reader_sees(encoded: str, decoded: str) -> None:
    assert decode(encoded) == decoded


@pytest.mark.parametrize(
    ("encoded", "decoded"),
    [
        pytest.param("  too   many\tspaces  ", "too many spaces", id="runs-of-spaces"),
        pytest.param("line one  \n   line two", "line one\nline two", id="line-edges"),
        pytest.param("para one\n\n\n\n\npara two", "para one\n\npara two", id="blank-lines"),
        pytest.param("windows\r\nline", "windows\nline", id="crlf"),
        pytest.param(
            "non\u00a0breaking and zero\u200bwidth",
            "non breaking and zerowidth",
            id="invisible-spaces",
        ),
    ],
)
def test_decode_tidies_whitespace(encoded: str, decoded: str) -> None:
    assert decode(encoded) == decoded


def test_angle_brackets_that_are_not_slack_markup_are_left_alone() -> None:
    assert decode("if x < y and y > z") == "if x < y and y > z"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        pytest.param("Bread & circuses", "Bread &amp; circuses", id="ampersand"),
        pytest.param("<!channel> now", "&lt;!channel&gt; now", id="broadcast-cannot-ping"),
        pytest.param("<@U0123ABC>", "&lt;@U0123ABC&gt;", id="mention-cannot-ping"),
        pytest.param("&amp; typed", "&amp;amp; typed", id="typed-entity-survives"),
        pytest.param(
            "“Quotes” *stay* _as_ `typed`",
            "“Quotes” *stay* _as_ `typed`",
            id="nothing-else-changes",
        ),
    ],
)
def test_escape_changes_only_ampersand_and_angle_brackets(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_escaped_text_decodes_to_itself() -> None:
    posted = 'She said "<!channel> & <@U0123ABC> are a < b"'
    assert decode(escape(posted)) == posted

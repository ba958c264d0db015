"""The Slack answer: what a fact-checker reads in the channel after pasting a quote.

Most answers are built by hand (the people and outlets are invented), so each test pins what a
reader sees for one kind of answer; a few come from the real verifier over a small archive.
Every message is also checked against Slack's structural rules, because Slack rejects a whole
message for one bad block, and against its size limits, because archive text can be any length.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterator

import pytest
from answers_support import GAZETTE, QUOTE, match, result
from slack_sdk.models.blocks import Block, BlockElement

from bot.slack.card import (
    CONTEXT_ACTION,
    RULE_ACTION,
    SHARE_ACTION,
    WRONG_MATCH_ACTION,
    answer_blocks,
    answer_text,
    context_blocks,
    help_blocks,
    help_text,
    home_view,
    problem_blocks,
    stats_blocks,
)
from bot.verifier.verdict import ArticleRef, Attribution, CheckResult, Verdict, WordChange
from bot.verifier.verify import Verifier
from store.archive import Archive, ArchiveStats, SpeakerCount
from store.article import Article
from store.extract import extract_quotations

HOSTILE = "<!channel> <@U123> <https://evil.example|click> Bread & circuses"


# -- reading a message as Slack would ------------------------------------------------------------


def texts(blocks: list[dict]) -> list[str]:
    """Every text a reader sees: sections, their fields, context elements and headers."""
    found = []
    for block in blocks:
        if "text" in block:
            found.append(block["text"]["text"])
        found.extend(field["text"] for field in block.get("fields", ()))
        if block["type"] == "context":
            found.extend(element["text"] for element in block["elements"] if "text" in element)
    return found


def shown(blocks: list[dict]) -> str:
    return "\n".join(texts(blocks))


def buttons(blocks: list[dict]) -> dict[str, dict]:
    return {
        element["action_id"]: element
        for block in blocks
        if block["type"] == "actions"
        for element in block["elements"]
    }


def text_objects(value: object) -> Iterator[dict]:
    if isinstance(value, dict):
        if value.get("type") in ("mrkdwn", "plain_text"):
            yield value
        for inner in value.values():
            yield from text_objects(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from text_objects(inner)


_TEXT_LIMITS = {"section": 3000, "context": 3000, "header": 150}
_BLOCK_KEYS = {
    "section": {"type", "text", "fields", "accessory", "block_id"},
    "context": {"type", "elements", "block_id"},
    "actions": {"type", "elements", "block_id"},
    "header": {"type", "text", "block_id"},
    "divider": {"type", "block_id"},
}


def assert_valid_message(blocks: list[dict], max_blocks: int = 50) -> None:
    """Slack's structural rules for the blocks we use, and slack_sdk's own models as a second
    reader (a block that does not survive their round trip has a field Slack would reject)."""
    assert 0 < len(blocks) <= max_blocks
    action_ids: list[str] = []
    block_ids = [block["block_id"] for block in blocks if "block_id" in block]
    assert len(block_ids) == len(set(block_ids))
    for block in blocks:
        assert set(block) <= _BLOCK_KEYS[block["type"]], block
        parsed = Block.parse(block)
        parsed.validate_json()
        assert parsed.to_dict() == block
        if block["type"] == "section":
            assert "text" in block or "fields" in block
            assert len(block.get("fields", ())) <= 10
        if block["type"] == "header":
            assert block["text"]["type"] == "plain_text"
        if block["type"] in ("context", "actions"):
            assert 1 <= len(block["elements"]) <= (10 if block["type"] == "context" else 25)
        for element in block.get("elements", ()):
            if element["type"] == "button":
                BlockElement.parse(element).validate_json()
                assert element["text"]["type"] == "plain_text"
                assert 0 < len(element["text"]["text"]) <= 75
                assert 0 < len(element["action_id"]) <= 255
                assert 0 < len(element["value"]) <= 2000
                assert element.get("style") in (None, "primary", "danger")
                action_ids.append(element["action_id"])
        limit = _TEXT_LIMITS.get(block["type"], 3000)
        for text in text_objects(block):
            assert 0 < len(text["text"]) <= limit
    assert len(action_ids) == len(set(action_ids)), action_ids


def assert_nothing_pings_or_links(text: str, allowed_links: tuple[str, ...] = ()) -> None:
    """No mention, broadcast or link Slack would act on, and no bare `&`: every `<` is one of
    the links we built on purpose."""
    assert "<!" not in text and "<@" not in text and "<#" not in text
    assert not re.search(r"&(?!amp;|lt;|gt;)", text), text
    for target in re.findall(r"<([^|>]*)", text):
        assert target in allowed_links, target


# -- the verdict line ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (result(Verdict.VERIFIED), ":white_check_mark: *Verified* — a direct quotation"),
        (result(Verdict.VERIFIED, excerpt=True), ":white_check_mark: *Verified excerpt* — part"),
        (result(Verdict.WORDING_DIFFERS), ":large_yellow_circle: *Wording differs* — close to"),
        (result(Verdict.SPLICED), ":scissors: *Spliced* — joins words from separate"),
        (result(Verdict.NOT_A_DIRECT_QUOTE), ":warning: *Not a direct quote* — the archive has"),
        (result(Verdict.NOT_FOUND, matches=()), ":x: *Not found* — nothing in the archive"),
        (result(Verdict.NOT_FOUND, matches=(), problem="The paste is empty."), ":grey_question:"),
    ],
    ids=["verified", "excerpt", "wording", "spliced", "not-direct", "not-found", "problem"],
)
def test_first_block_is_the_verdict_in_one_line_with_its_icon(
    answer: CheckResult, expected: str
) -> None:
    first = answer_blocks(answer)[0]

    assert first["type"] == "section"
    assert first["text"]["text"].startswith(expected)
    assert "\n" not in first["text"]["text"]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (result(Verdict.VERIFIED), "✅ Verified: “We will reopen"),
        (result(Verdict.WORDING_DIFFERS), "🟡 Wording differs: “We will reopen"),
        (result(Verdict.NOT_FOUND, matches=()), "❌ Not found: “We will reopen"),
    ],
    ids=["verified", "wording", "not-found"],
)
def test_fallback_text_leads_with_the_verdict_and_names_the_source(
    answer: CheckResult, expected: str
) -> None:
    text = answer_text(answer)

    assert text.startswith(expected)
    if answer.matches:
        assert "Harriet Vale (the harbour master), Kestrel Gazette, 2024-03-05" in text


# -- the evidence --------------------------------------------------------------------------------


def test_quotation_shows_the_pasted_words_in_bold() -> None:
    answer = result(
        query="before the spring tides",
        excerpt=True,
        matches=(match(matched="before the spring tides"),),
    )

    text = shown(answer_blocks(answer))

    assert "We will reopen the terminal *before the spring tides*\u200b, whatever" in text


def test_formatting_characters_in_a_quotation_cannot_break_the_bold() -> None:
    quirky = "Call it *the* plan_b, ~maybe~, or `final`"
    answer = result(query="plan_b, ~maybe~", matches=(match(quirky, matched="plan_b, ~maybe~"),))

    [quotation] = [t for t in texts(answer_blocks(answer)) if t.startswith(">“")]
    line = quotation.splitlines()[0]

    assert line.count("*") == 2
    assert not set("_~`") & set(line)
    assert "*planˍb, ∼maybe∼*" in line
    assert "∗the∗" in line and "ˋfinalˋ" in line


def test_answer_names_speaker_role_outlet_date_link_and_relay() -> None:
    answer = result(matches=(match(reported_to="Northfold Courier", via="Tidewater Radio"),))

    text = shown(answer_blocks(answer))

    assert "— *Harriet Vale* (the harbour master)" in text
    assert (
        "Kestrel Gazette · 2024-03-05 · "
        "<https://kestrel-gazette.example/ferry|Ferry terminal to reopen in March>"
    ) in text
    assert "told Northfold Courier · via Tidewater Radio" in text


def test_wording_differs_shows_each_changed_word() -> None:
    changes = (
        WordChange("replace", "open", "reopen"),
        WordChange("insert", "surely", ""),
        WordChange("delete", "", "whatever the council decides"),
    )
    answer = result(Verdict.WORDING_DIFFERS, matches=(match(diff=changes, score=88.0),))

    text = shown(answer_blocks(answer))

    assert "*Wording* (your paste → the archive):" in text
    assert "• ~open~ → *reopen*" in text
    assert "• added ~surely~ (not in the archive)" in text
    assert "• left out *whatever the council decides* (in the archive, not in your paste)" in text


def test_verified_answer_shows_no_wording_section() -> None:
    answer = result(matches=(match(diff=(WordChange("replace", "a", "b"),)),))

    assert "*Wording*" not in shown(answer_blocks(answer))


def test_excerpt_shows_the_full_quotation_labelled_as_such() -> None:
    answer = result(
        query="the spring tides", excerpt=True, matches=(match(matched="the spring tides"),)
    )

    text = shown(answer_blocks(answer))

    assert "*The full quotation* (your words in bold):" in text
    assert "We will reopen the terminal before " in text
    assert ", whatever the council decides”" in text


def test_spliced_answer_shows_each_piece_with_its_speaker_and_source() -> None:
    other = ArticleRef(
        "Budget row at the pier",
        "https://courier.example/pier",
        dt.date(2024, 4, 1),
        "Northfold Courier",
    )
    pieces = (
        match(matched="We will reopen the terminal", piece="We will reopen the terminal"),
        match(
            "Every penny went into the pier",
            piece="every penny went into the pier",
            speaker="Osric Penhallow",
            speaker_role="a councillor",
            outlet="Northfold Courier",
            article=other,
        ),
    )
    answer = result(
        Verdict.SPLICED,
        matches=pieces,
        query="We will reopen the terminal, every penny went into the pier",
    )

    text = shown(answer_blocks(answer))

    assert ":scissors: *Piece 1 of 2:* “We will reopen the terminal”" in text
    assert ":scissors: *Piece 2 of 2:* “every penny went into the pier”" in text
    assert "— *Harriet Vale* (the harbour master)" in text
    assert "— *Osric Penhallow* (a councillor)" in text
    assert "Northfold Courier · 2024-04-01 · <https://courier.example/pier|Budget row" in text
    assert "joins words of Harriet Vale and Osric Penhallow" in answer_text(answer)


def test_reported_speech_is_shown_as_the_writers_words_without_quote_marks() -> None:
    sentence = "Vale said the terminal would reopen before the spring tides"
    answer = result(
        Verdict.NOT_A_DIRECT_QUOTE,
        query="the terminal would reopen",
        matches=(match(sentence, matched="the terminal would reopen", kind="reported"),),
    )

    text = shown(answer_blocks(answer))

    assert ">Vale said *the terminal would reopen* before the spring tides\n" in text
    assert "_reported speech_" in text


def test_speaker_differs_shows_the_claimed_and_the_archives_speaker() -> None:
    answer = result(claimed_speaker="Osric Penhallow", attribution=Attribution.DIFFERS)

    text = shown(answer_blocks(answer))

    assert (
        ":no_entry: *Speaker differs:* the paste credits *Osric Penhallow*; "
        "the archive credits *Harriet Vale*"
    ) in text
    assert "speaker differs: the paste credits Osric Penhallow" in answer_text(answer)


def test_speaker_matches_and_unknown_speaker_are_said_plainly() -> None:
    matching = result(claimed_speaker="Vale", attribution=Attribution.MATCHES)
    unknown = result(
        claimed_speaker="Vale",
        attribution=Attribution.UNKNOWN,
        matches=(match(speaker=None, speaker_role=None),),
    )

    assert "*Speaker matches:* the archive also credits *Harriet Vale*" in shown(
        answer_blocks(matching)
    )
    unknown_text = shown(answer_blocks(unknown))
    assert "*Speaker unknown:* the paste credits *Vale*; the archive does not say" in unknown_text
    assert "— speaker unknown" in unknown_text


def test_answer_counts_occurrences_and_gives_the_earliest_date() -> None:
    answer = result(matches=(match(occurrences=4, first_seen=dt.date(2023, 11, 2)),))

    assert ":newspaper: Printed in 4 articles; earliest 2023-11-02." in shown(answer_blocks(answer))


def test_answer_warns_when_outlets_credit_other_speakers() -> None:
    answer = result(matches=(match(conflicting_speakers=("Osric Penhallow", "Mira Castellane")),))

    assert (
        ":warning: *Outlets disagree on who said it:* also credited to Osric Penhallow, "
        "Mira Castellane."
    ) in shown(answer_blocks(answer))


def test_other_matches_are_listed_one_line_each() -> None:
    second = match("We will reopen the terminal in March", speaker="Osric Penhallow")
    answer = result(matches=(match(), second))

    assert "• “We will reopen the terminal in March” — *Osric Penhallow* · Kestrel Gazette" in (
        shown(answer_blocks(answer))
    )


def test_not_found_says_so_and_marks_the_closest_quotation_as_not_a_match() -> None:
    answer = result(
        Verdict.NOT_FOUND,
        matches=(),
        query="We will build a second terminal",
        closest=match(score=61.0, matched="We will reopen the terminal"),
    )

    blocks = answer_blocks(answer, lookup_id=9)

    text = shown(blocks)
    assert "*Closest in the archive — NOT a match* (similarity 61/100):" in text
    assert WRONG_MATCH_ACTION not in buttons(blocks)
    assert "Harriet Vale" not in answer_text(answer)


def test_problem_gets_one_polite_line_and_no_buttons() -> None:
    answer = result(Verdict.NOT_FOUND, matches=(), query="", problem="The paste is empty.")

    blocks = answer_blocks(answer, lookup_id=3, ephemeral=True)

    assert texts(blocks) == [":grey_question: I could not check that: the paste is empty."]
    assert answer_text(answer) == "❔ I could not check that: the paste is empty."
    assert problem_blocks("The archive is busy.")[0]["text"]["text"] == (
        ":grey_question: I could not check that: the archive is busy."
    )


def test_notes_are_shown_under_the_evidence() -> None:
    answer = result(notes=("Only the first 3 quotations of the paste were checked.",))

    assert (
        "Only the first 3 quotations of the paste were checked." in texts(answer_blocks(answer))[-1]
    )


def test_shared_answer_credits_who_shared_it() -> None:
    text = shown(answer_blocks(result(), shared_by="U024BE7LH"))

    assert "Shared by <@U024BE7LH>" in text


# -- buttons -------------------------------------------------------------------------------------


def test_private_answer_has_share_context_wrong_match_and_ruling_buttons() -> None:
    found = buttons(answer_blocks(result(), lookup_id=42, ephemeral=True))

    assert list(found) == [SHARE_ACTION, CONTEXT_ACTION, WRONG_MATCH_ACTION, RULE_ACTION]
    assert [button["value"] for button in found.values()] == ["42", "42", "42", "42"]
    assert found[SHARE_ACTION]["text"]["text"] == "Share in channel"
    assert found[WRONG_MATCH_ACTION]["text"]["text"] == "Not the right match"
    assert found[RULE_ACTION]["text"]["text"] == "Record a ruling"


def test_answer_in_a_channel_has_no_share_button() -> None:
    found = buttons(answer_blocks(result(), lookup_id=42))

    assert SHARE_ACTION not in found
    assert WRONG_MATCH_ACTION in found


def test_answer_without_a_lookup_id_has_no_buttons() -> None:
    assert buttons(answer_blocks(result(), ephemeral=True)) == {}


def test_not_found_private_answer_can_still_be_shared() -> None:
    found = buttons(
        answer_blocks(result(Verdict.NOT_FOUND, matches=()), lookup_id=5, ephemeral=True)
    )

    assert list(found) == [SHARE_ACTION, RULE_ACTION]  # a quote nobody printed can be ruled on


def test_show_context_puts_the_paragraph_in_the_answer_and_drops_its_button() -> None:
    blocks = answer_blocks(result(), lookup_id=42, show_context=True)

    assert "said Harriet Vale, the harbour master, on Tuesday." in shown(blocks)
    assert CONTEXT_ACTION not in buttons(blocks)


def test_context_blocks_show_the_paragraph_with_the_pasted_words_in_bold() -> None:
    answer = result(query="the spring tides", matches=(match(matched="the spring tides"),))

    text = shown(context_blocks(answer))

    assert text.startswith(
        "*The paragraph in <https://kestrel-gazette.example/ferry|Ferry terminal to reopen"
    )
    assert "reopen the terminal before *the spring tides*\u200b, whatever" in text
    assert "on Tuesday." in text


def test_context_for_a_match_no_longer_in_the_answer_is_a_polite_line() -> None:
    assert texts(context_blocks(result(), match_index=5)) == [
        ":grey_question: I could not check that: that match is no longer part of the answer."
    ]


# -- nothing in a quote can ping, link or restyle ------------------------------------------------


def hostile_answer(verdict: Verdict = Verdict.VERIFIED) -> CheckResult:
    """An answer with the hostile string in every piece of archive and user text."""
    text = f"Quote {HOSTILE} end"
    article = ArticleRef(
        f"Title {HOSTILE}", "https://kestrel-gazette.example/ferry", dt.date(2024, 3, 5), HOSTILE
    )
    bad = match(
        text,
        matched=HOSTILE,
        speaker=HOSTILE,
        speaker_role=HOSTILE,
        outlet=HOSTILE,
        reported_to=HOSTILE,
        via=HOSTILE,
        context=f"Before {text} after",
        article=article,
        conflicting_speakers=(HOSTILE,),
        piece=HOSTILE,
        diff=(WordChange("replace", HOSTILE, HOSTILE),),
    )
    return result(
        verdict,
        query=HOSTILE,
        claimed_speaker=HOSTILE,
        attribution=Attribution.DIFFERS,
        matches=(bad, bad),
        notes=(HOSTILE,),
        closest=bad if verdict is Verdict.NOT_FOUND else None,
    )


@pytest.mark.parametrize("verdict", list(Verdict), ids=str)
def test_mentions_links_and_ampersands_in_archive_and_user_text_are_escaped(
    verdict: Verdict,
) -> None:
    answer = hostile_answer(verdict)
    if verdict is Verdict.NOT_FOUND:
        answer = dataclasses.replace(answer, matches=())

    blocks = answer_blocks(answer, lookup_id=1, shared_by=HOSTILE, show_context=True)

    text = shown(blocks) + shown(context_blocks(answer))
    assert_nothing_pings_or_links(text, allowed_links=("https://kestrel-gazette.example/ferry",))
    assert "&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; Bread &amp;" in text
    assert_nothing_pings_or_links(answer_text(answer))
    assert "&lt;!channel&gt;" in answer_text(answer)


def test_problem_message_is_escaped() -> None:
    answer = result(Verdict.NOT_FOUND, matches=(), query=HOSTILE, problem=HOSTILE)

    assert_nothing_pings_or_links(shown(answer_blocks(answer)))
    assert_nothing_pings_or_links(answer_text(answer))
    assert_nothing_pings_or_links(shown(problem_blocks(HOSTILE)))


def test_every_mrkdwn_text_is_verbatim_so_slack_adds_no_links_of_its_own() -> None:
    blocks = answer_blocks(hostile_answer(), lookup_id=1, show_context=True)

    mrkdwn = [text for text in text_objects(blocks) if text["type"] == "mrkdwn"]
    assert mrkdwn and all(text.get("verbatim") is True for text in mrkdwn)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "mailto:desk@kestrel-gazette.example",
        "https://",
        "<!channel>",
        "https://kestrel-gazette.example/a b",
        "ftp://kestrel-gazette.example/ferry",
    ],
)
def test_article_address_that_is_not_plain_http_is_not_linked(url: str) -> None:
    article = dataclasses.replace(GAZETTE, url=url)
    answer = result(matches=(match(article=article),))

    text = shown(answer_blocks(answer))

    assert "<" not in text
    assert "Ferry terminal to reopen in March" in text


def test_address_too_long_to_link_whole_is_not_linked() -> None:
    article = dataclasses.replace(GAZETTE, url="https://gazette.example/" + "é" * 300)

    text = shown(answer_blocks(result(matches=(match(article=article),))))

    assert "<" not in text
    assert "Ferry terminal to reopen in March" in text


def test_characters_that_could_end_a_link_are_percent_encoded_in_its_address() -> None:
    article = dataclasses.replace(GAZETTE, url="https://gazette.example/a|b>c?x=1&y=<2>")
    answer = result(matches=(match(article=article),))

    text = shown(answer_blocks(answer))

    assert "<https://gazette.example/a%7Cb%3Ec?x=1&amp;y=%3C2%3E|Ferry terminal" in text


# -- Slack's limits ------------------------------------------------------------------------------


def long_text(words: int) -> str:
    return " ".join(f"word{i}" for i in range(words))


def oversized_answers() -> Iterator[tuple[str, CheckResult, bool]]:
    huge = long_text(3000)  # about 20,000 characters
    assert len(huge) >= 20_000
    big = match(
        huge,
        matched=huge[9000:9400],
        context=huge + " " + huge,
        speaker=long_text(200),
        speaker_role=long_text(200),
        outlet=long_text(200),
        reported_to=long_text(200),
        via=long_text(200),
        article=ArticleRef(
            long_text(400),
            "https://gazette.example/" + "a" * 770,
            dt.date(2024, 3, 5),
            long_text(100),
        ),
        conflicting_speakers=tuple(long_text(50) for _ in range(30)),
        diff=tuple(WordChange("replace", long_text(100), long_text(100)) for _ in range(300)),
        piece=huge,
    )
    ampersands = match("&" * 20_000, matched="&" * 5000, context="<" * 20_000)
    for verdict in Verdict:
        yield (
            f"20k-{verdict}",
            result(
                verdict,
                query=huge,
                claimed_speaker=long_text(100),
                attribution=Attribution.DIFFERS,
                excerpt=True,
                matches=(big,) * 30,
                notes=(huge,) * 10,
                closest=big,
            ),
            True,
        )
    yield (
        "ampersands",
        result(Verdict.WORDING_DIFFERS, query="&" * 20_000, matches=(ampersands,) * 30),
        True,
    )
    small = tuple(match(f"{QUOTE} number {n}", speaker=f"Speaker {n}") for n in range(30))
    yield "30-matches", result(matches=small), False
    yield "30-pieces", result(Verdict.SPLICED, matches=small), False


@pytest.mark.parametrize(
    ("answer", "show_context"),
    [pytest.param(answer, context, id=name) for name, answer, context in oversized_answers()],
)
def test_huge_answers_stay_within_slacks_limits(answer: CheckResult, show_context: bool) -> None:
    blocks = answer_blocks(
        answer, lookup_id=2**62, shared_by="U024BE7LH", show_context=show_context, ephemeral=True
    )

    assert_valid_message(blocks)
    assert len(json.dumps(blocks, ensure_ascii=False)) <= 12_000
    for text in texts(blocks):  # every link whole, none cut in half
        whole = re.findall(r"<https://[^<>|]+\|[^<>]+>|<@U024BE7LH>", text)
        assert len(whole) == text.count("<")
    assert len(buttons(blocks)) >= 2  # the buttons are never what gets cut
    assert len(answer_text(answer)) <= 3000
    assert_valid_message(context_blocks(answer))


def test_long_quotation_is_cut_with_an_ellipsis_around_the_bold_words() -> None:
    huge = long_text(3000)
    answer = result(matches=(match(huge, matched=huge[9000:9100]),))

    [quotation] = [t for t in texts(answer_blocks(answer)) if t.startswith(">“")]
    line = quotation.splitlines()[0]

    assert line.startswith(">“…") and line.endswith("…”")
    assert f"*{huge[9000:9100].strip()}*" in line


def test_long_lists_say_how_many_more_there_are() -> None:
    many = tuple(match(f"{QUOTE} {n}", speaker=f"Speaker {n}") for n in range(30))
    conflicts = tuple(f"Speaker {n}" for n in range(12))
    answer = result(
        matches=(dataclasses.replace(many[0], conflicting_speakers=conflicts), *many[1:])
    )

    text = shown(answer_blocks(answer))

    assert "• and 26 more" in text
    assert "and 7 more." in text
    assert "and 25 more pieces" in shown(answer_blocks(result(Verdict.SPLICED, matches=many)))


# -- every message is one Slack accepts ----------------------------------------------------------


def every_answer() -> Iterator[CheckResult]:
    yield result()
    yield result(excerpt=True, matches=(match(matched="the spring tides"),))
    yield result(Verdict.WORDING_DIFFERS, matches=(match(diff=(WordChange("insert", "a", ""),)),))
    yield result(Verdict.SPLICED, matches=(match(piece="We will"), match(piece="the council")))
    yield result(Verdict.NOT_A_DIRECT_QUOTE, matches=(match(kind="paraphrase"),))
    yield result(Verdict.NOT_FOUND, matches=())
    yield result(Verdict.NOT_FOUND, matches=(), closest=match(score=50.0))
    yield result(Verdict.NOT_FOUND, matches=(), query="", problem="The paste is empty.")
    yield hostile_answer()
    yield result(
        matches=(
            match(
                speaker=None,
                speaker_role=None,
                outlet=None,
                context="",
                article=ArticleRef(None, None, None, None),
                first_seen=None,
            ),
        )
    )


@pytest.mark.parametrize("answer", list(every_answer()), ids=lambda a: str(a.verdict))
@pytest.mark.parametrize("ephemeral", [True, False], ids=["private", "in-channel"])
def test_every_answer_is_a_message_slack_accepts(answer: CheckResult, ephemeral: bool) -> None:
    for show_context in (False, True):
        assert_valid_message(
            answer_blocks(
                answer, lookup_id=7, shared_by="U1", show_context=show_context, ephemeral=ephemeral
            )
        )
    assert_valid_message(context_blocks(answer))
    assert answer_text(answer).strip()


def test_help_explains_the_bot_its_entry_points_and_gives_examples() -> None:
    blocks = help_blocks()

    assert_valid_message(blocks)
    text = shown(blocks)
    for expected in ("/quote", "*Verify quote*", "@quotebot", "Harriet Vale said", "*Verified*"):
        assert expected in text
    assert_nothing_pings_or_links(text)
    assert "/quote" in help_text()
    assert_nothing_pings_or_links(help_text())


STATS = ArchiveStats(
    articles=1204,
    quotations_by_kind={"direct": 5000, "partial": 800, "reported": 1200},
    speakers=930,
    outlets=41,
    earliest_published=dt.date(2019, 1, 4),
    latest_published=dt.date(2025, 5, 9),
    top_speakers=(SpeakerCount("Harriet Vale", 120), SpeakerCount(HOSTILE, 90)),
)


def test_stats_give_the_archives_size_span_top_speakers_and_usage() -> None:
    blocks = stats_blocks(STATS, lookups=3012, feedback=17)

    assert_valid_message(blocks)
    text = shown(blocks)
    assert "1,204 articles · 7,000 quotations (5,000 direct quotation, 800 partial quotation, " in (
        text
    )
    assert "930 speakers · 41 outlets · published 2019-01-04 to 2025-05-09" in text
    assert "*Most quoted:* Harriet Vale (120), &lt;!channel&gt;" in text
    assert "3,012 lookups answered · 17 answers reported as not the right match" in text
    assert_nothing_pings_or_links(text)


def test_home_tab_shows_the_bot_the_archive_and_the_users_last_lookups() -> None:
    recent = [("We will reopen the terminal", "verified"), (HOSTILE, "not_found")]

    view = home_view(STATS, recent)

    assert view["type"] == "home"
    assert_valid_message(view["blocks"], max_blocks=100)
    text = shown(view["blocks"])
    assert "/quote" in text and "1,204 articles" in text
    assert "• :white_check_mark: Verified: “We will reopen the terminal”" in text
    assert "• :x: Not found: “&lt;!channel&gt;" in text
    assert_nothing_pings_or_links(text)


def test_home_tab_for_a_new_user_and_an_unreachable_archive() -> None:
    view = home_view(None, [])

    assert_valid_message(view["blocks"], max_blocks=100)
    text = shown(view["blocks"])
    assert "You have not checked a quote yet." in text
    assert "The archive cannot be reached right now." in text


# -- answers from the real verifier --------------------------------------------------------------

HARBOUR = Article(
    title="Port Ellery ferry terminal to reopen",
    outlet="Kestrel Gazette",
    url="https://kestrel-gazette.example/ferry",
    published=dt.date(2024, 3, 5),
    text=(
        "Port Ellery ferry terminal to reopen\n\n"
        '"We will reopen the terminal before the spring tides, whatever the council decides," '
        "said Harriet Vale, the harbour master.\n\n"
        'Osric Penhallow, a councillor, said: "Every penny of the budget went into the pier '
        'and nobody asked the ferry crews what they needed."'
    ),
)


@pytest.fixture
def verifier(archive: Archive) -> Verifier:
    archive.add(HARBOUR, extract_quotations(HARBOUR))
    return Verifier(archive)


def test_real_spliced_answer_names_both_speakers_and_links_the_article(
    verifier: Verifier,
) -> None:
    [answer] = verifier.check(
        "We will reopen the terminal before the spring tides and nobody asked the ferry crews"
    )

    blocks = answer_blocks(answer, lookup_id=1, ephemeral=True)

    assert_valid_message(blocks)
    text = shown(blocks)
    assert text.startswith(":scissors: *Spliced*")
    assert "— *Harriet Vale* (harbour master)" in text
    assert "— *Osric Penhallow* (councillor)" in text
    assert "<https://kestrel-gazette.example/ferry|Port Ellery ferry terminal to reopen>" in text


def test_real_misattributed_quote_with_changed_words_shows_both_problems(
    verifier: Verifier,
) -> None:
    [answer] = verifier.check(
        '"We will open the terminal before the spring tides," Osric Penhallow said'
    )

    text = shown(answer_blocks(answer, lookup_id=1))

    assert text.startswith(
        ":no_entry: *Misattributed* — the wording differs, but the archive credits *Harriet Vale*"
    )
    assert "• ~open~ → *reopen*" in text
    assert "the paste credits *Osric Penhallow*; the archive credits *Harriet Vale*" in text


# -- the speaker's evidence and an uncertain speaker ---------------------------------------------


def test_the_evidence_for_the_speaker_is_shown_under_the_name_escaped() -> None:
    evidence = f'"{QUOTE}," said Harriet Vale <!channel>.'
    answer = result(
        matches=(
            match(
                speaker_found_by="pronoun",
                speaker_as_written="she",
                speaker_evidence=evidence,
                speaker_confidence=0.93,
            ),
        )
    )

    text = shown(answer_blocks(answer, lookup_id=1))

    assert "_how the archive knows: resolved from “she”, 93 % sure_" in text
    assert "&lt;!channel&gt;" in text and "<!channel>" not in text


def test_an_uncertain_speaker_is_said_in_the_headline_and_flagged_in_the_evidence() -> None:
    answer = result(
        claimed_speaker="Osric Penhallow",
        attribution=Attribution.UNCERTAIN,
        matches=(match(speaker_found_by="nearby", speaker_confidence=0.9),),
    )

    text = shown(answer_blocks(answer, lookup_id=1))

    assert text.startswith(":white_check_mark: *Verified*")
    assert text.splitlines()[0].endswith(":grey_question: *speaker uncertain*")
    assert "*Speaker uncertain:* the paste credits *Osric Penhallow*" in text
    assert ":grey_question: _how the archive knows: named near the quotation" in text


def test_a_misattributed_answer_leads_with_it_in_the_notification_text_too() -> None:
    answer = result(claimed_speaker="Osric Penhallow", attribution=Attribution.DIFFERS)

    fallback = answer_text(answer)

    assert fallback.startswith("⛔ Misattributed (the words are verified)")
    assert "✅" not in fallback

"""The verifier, as a fact-checker meets it: paste a quote, get a verdict and the evidence.

Every test runs on SQLite and on PostgreSQL, against an archive built by extracting invented
articles exactly as `quotebot ingest` would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from bot.verifier.verdict import Attribution, CheckResult, Verdict
from bot.verifier.verify import STOCK_QUOTATIONS, Verifier
from store.archive import Archive
from store.article import Article
from store.extract import extract_quotations

LANTERN = Article(
    title="Brackwater council votes to close the Mill Lane bridge",
    outlet="Lantern News Service",
    url="https://lantern.example/brackwater-bridge",
    published=dt.date(2025, 5, 6),
    text=(
        "Brackwater council votes to close the Mill Lane bridge\n\n"
        "Tobias Wren, the county engineer, said the bridge would stay closed until the spring "
        "after divers found cracks in two of its piers.\n\n"
        '"The bridge is not safe for anyone to cross, and I will not put a single family on it '
        'until the piers are rebuilt," Wren told the Tidewater Herald.\n\n'
        "Mayor Lorna Pike said the town would appeal the ruling and called the closure "
        '"a slow-motion disaster for the east side."\n\n'
        '"We were never shown the report. Nobody on this council read it before the vote," '
        'she said. "If you close a bridge, then you will [eventually] need a ferry."\n\n'
        'A sign on the barrier read "BRIDGE CLOSED. USE FERRY."'
    ),
)
HERALD = Article(
    title="Bridge closure: town to appeal",
    outlet="Tidewater Herald",
    url="https://tidewater-herald.example/bridge-appeal",
    published=dt.date(2025, 5, 9),
    text=(
        "Bridge closure: town to appeal\n\n"
        "The town of Brackwater will appeal the closure of its only bridge, officials said.\n\n"
        '"We were never shown the report," said Osric Penhallow, a councillor who voted for '
        "the closure.\n\n"
        "Penhallow said the ferry would run every twenty minutes from Monday."
    ),
)


@pytest.fixture
def verifier(archive: Archive) -> Iterator[Verifier]:
    for article in (LANTERN, HERALD):
        archive.add(article, extract_quotations(article))
    yield Verifier(archive)


def check(verifier: Verifier, paste: str, speaker: str | None = None) -> CheckResult:
    [result] = verifier.check(paste, speaker)
    return result


# -- verified --------------------------------------------------------------------------------


def test_exact_quote_is_verified_with_speaker_outlet_and_paragraph(verifier: Verifier) -> None:
    result = check(verifier, '"Nobody on this council read it before the vote," Pike said')

    assert result.verdict is Verdict.VERIFIED
    assert result.attribution is Attribution.MATCHES
    [match] = result.matches
    assert match.speaker == "Lorna Pike"
    assert match.outlet == "Lantern News Service"
    assert match.article.published == dt.date(2025, 5, 6)
    assert "Nobody on this council read it before the vote" in match.context


@pytest.mark.parametrize(
    "paste",
    [
        "the bridge is not safe for anyone to cross and i will not put a single family on it",
        "“The bridge is not safe for anyone to cross — and I will not put a single family on it”",
        "THE BRIDGE IS NOT SAFE FOR ANYONE TO CROSS, AND I WILL NOT PUT A SINGLE FAMILY ON IT!",
    ],
    ids=["lowercase-no-punctuation", "curly-marks-and-dash", "capitals"],
)
def test_case_punctuation_and_mark_styles_do_not_matter(verifier: Verifier, paste: str) -> None:
    result = check(verifier, paste)

    assert result.verdict is Verdict.VERIFIED
    assert result.matches[0].speaker == "Tobias Wren"


def test_part_of_a_longer_quotation_is_a_verified_excerpt_with_the_full_quotation(
    verifier: Verifier,
) -> None:
    result = check(verifier, "not safe for anyone to cross")

    assert result.verdict is Verdict.VERIFIED
    assert result.excerpt is True
    match = result.matches[0]
    assert match.text.startswith("The bridge is not safe")
    assert match.matched == "not safe for anyone to cross"


def test_ellipsis_stands_for_omitted_words(verifier: Verifier) -> None:
    result = check(
        verifier, '"The bridge is not safe for anyone to cross … until the piers are rebuilt"'
    )

    assert result.verdict is Verdict.VERIFIED
    assert result.excerpt is True


def test_ellipsis_is_matched_to_the_printing_that_has_every_piece_word_for_word(
    archive: Archive,
) -> None:
    # A printing of Wren's words as he stumbled over them, stored first: it holds every word
    # pair of the paste, so the index ranks it level with the printing that matches.
    retold = Article(
        title="Bridge shut",
        outlet="Brackwater Courier",
        url="https://courier.example/bridge-shut",
        published=dt.date(2025, 5, 5),
        text=(
            "Bridge shut\n\n"
            '"The bridge is not, is not safe for anyone to cross, and I will not put a single '
            'family on it until the piers are rebuilt," Tobias Wren said.'
        ),
    )
    for article in (retold, LANTERN):
        archive.add(article, extract_quotations(article))

    paste = '"The bridge is not safe for anyone … until the piers are rebuilt"'
    result = check(Verifier(archive), paste)

    assert result.verdict is Verdict.VERIFIED
    assert result.matches[0].outlet == "Lantern News Service"


@pytest.mark.parametrize(
    "paste",
    [
        "If you close a bridge, then you will need a ferry",
        "If you close a bridge, then you will eventually need a ferry",
    ],
    ids=["insertion-left-out", "insertion-kept"],
)
def test_bracketed_insertion_may_be_kept_or_left_out(verifier: Verifier, paste: str) -> None:
    assert check(verifier, paste).verdict is Verdict.VERIFIED


def test_one_distinctive_word_finds_its_quotation(verifier: Verifier) -> None:
    result = check(verifier, '"slow-motion disaster"')

    assert result.verdict is Verdict.VERIFIED
    assert result.matches[0].speaker == "Lorna Pike"


# -- wording differs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paste", "change"),
    [
        ("The bridge is not safe for anybody to cross", ("replace", "anybody", "anyone")),
        ("The bridge is not safe for anyone to crosss", ("replace", "crosss", "cross")),
        (
            "The bridge is not safe for to cross and I will not put a family on it",
            ("delete", "", "anyone"),
        ),
    ],
    ids=["changed-word", "typo", "missing-word"],
)
def test_close_quote_differs_and_shows_the_word_difference(
    verifier: Verifier, paste: str, change: tuple[str, str, str]
) -> None:
    result = check(verifier, paste)

    assert result.verdict is Verdict.WORDING_DIFFERS
    op, query, archive = change
    assert any(
        c.op == op and c.query == query and c.archive == archive for c in result.matches[0].diff
    ), result.matches[0].diff


def test_whole_quote_with_its_last_word_changed_is_not_called_an_excerpt(
    verifier: Verifier,
) -> None:
    result = check(
        verifier,
        "The bridge is not safe for anyone to cross, and I will not put a single family on it "
        "until the piers are repaired",
    )

    assert result.verdict is Verdict.WORDING_DIFFERS
    assert not result.excerpt
    assert [(c.op, c.query, c.archive) for c in result.matches[0].diff] == [
        ("replace", "repaired", "rebuilt")
    ]


# -- spliced, paraphrase, not found ----------------------------------------------------------


def test_words_joined_from_two_quotations_are_spliced_with_both_sources(verifier: Verifier) -> None:
    result = check(
        verifier,
        "The bridge is not safe for anyone to cross and nobody on this council read it "
        "before the vote",
    )

    assert result.verdict is Verdict.SPLICED
    speakers = [match.speaker for match in result.matches]
    assert speakers == ["Tobias Wren", "Lorna Pike"]
    assert all(match.piece for match in result.matches)


def test_ellipsis_between_two_quotations_is_a_splice(verifier: Verifier) -> None:
    result = check(
        verifier, "The bridge is not safe for anyone to cross … nobody on this council read it"
    )

    assert result.verdict is Verdict.SPLICED


def test_reported_speech_pasted_as_a_quote_is_not_a_direct_quote(verifier: Verifier) -> None:
    result = check(verifier, '"The town would appeal the ruling," Pike said')

    assert result.verdict is Verdict.NOT_A_DIRECT_QUOTE
    assert result.matches[0].speaker == "Lorna Pike"


def test_words_found_only_in_the_writers_sentence_are_not_a_direct_quote(
    verifier: Verifier,
) -> None:
    result = check(verifier, "divers found cracks in two of its piers")

    assert result.verdict is Verdict.NOT_A_DIRECT_QUOTE


def test_quote_absent_from_the_archive_is_not_found_and_nothing_is_presented_as_a_match(
    verifier: Verifier,
) -> None:
    result = check(verifier, '"We will build a second bridge by the summer," Pike said')

    assert result.verdict is Verdict.NOT_FOUND
    assert result.matches == ()
    assert result.attribution is Attribution.UNKNOWN


def test_the_same_phrasing_about_something_else_is_not_a_match(verifier: Verifier) -> None:
    # Shares "we were never shown the … nobody on this … it before the" with Pike's words, but
    # none of what they are about.
    paste = '"We were never shown the invoice. Nobody on this committee paid it before the audit"'

    result = check(verifier, paste)

    assert result.verdict is Verdict.NOT_FOUND
    assert result.matches == ()


def test_a_sentence_rewritten_in_more_than_a_few_words_is_only_the_closest(
    verifier: Verifier,
) -> None:
    # Wren's words cut and rewritten: seven words edited of fourteen. Not a misquote to verify
    # word by word; his quotation is offered as the closest, not presented as a match.
    paste = '"It is not safe for anyone, and I will not put a family on the piers," Wren said'

    result = check(verifier, paste)

    assert result.verdict is Verdict.NOT_FOUND
    assert result.matches == ()
    assert result.closest is not None
    assert result.closest.speaker == "Tobias Wren"


def test_a_stock_phrase_is_not_one_of_the_sources_of_a_splice(archive: Archive) -> None:
    # "Put simply, we are" opens quotations all over the archive: it says nothing about where
    # a paste's opening came from, so it cannot make the paste a splice.
    stock = [
        Article(
            title=f"Harbour board meeting {number}",
            outlet="Lantern News Service",
            url=f"https://lantern.example/harbour-board-{number}",
            text=(
                f"Harbour board meeting {number}\n\n"
                f'"Put simply, we are {adjective} about the harbour," said Ines Varga.'
            ),
        )
        for number, adjective in enumerate(
            "worried hopeful certain uneasy confident anxious glad sorry proud tired "
            "careful angry eager ready late early calm firm clear open".split()
        )
    ]
    piers = Article(
        title="Piers",
        outlet="Tidewater Herald",
        url="https://tidewater-herald.example/piers",
        text=(
            "Piers\n\n"
            '"Nobody is going to rebuild the piers by the spring, whatever the council says," '
            "said Tobias Wren."
        ),
    )
    for article in [piers, *stock]:
        archive.add(article, extract_quotations(article))
    assert archive.quotations_holding("put_simply simply_we we_are") >= STOCK_QUOTATIONS

    result = check(Verifier(archive), "Put simply, we are going to rebuild the piers by the spring")

    assert result.verdict is not Verdict.SPLICED
    assert result.matches == ()


def test_one_common_word_is_not_found(verifier: Verifier) -> None:
    assert check(verifier, "the").verdict is Verdict.NOT_FOUND


# -- attribution and occurrences ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("claimed", "expected"),
    [
        ("Wren", Attribution.MATCHES),
        ("Tobias Wren", Attribution.MATCHES),
        ("the county engineer", Attribution.MATCHES),
        ("Lorna Pike", Attribution.DIFFERS),
        (None, Attribution.NOT_CLAIMED),
    ],
)
def test_claimed_speaker_is_compared_with_the_archives(
    verifier: Verifier, claimed: str | None, expected: Attribution
) -> None:
    result = check(verifier, "not safe for anyone to cross", speaker=claimed)

    assert result.attribution is expected


@pytest.mark.parametrize(
    ("claimed", "expected"),
    [
        ("Wren", {Attribution.MATCHES}),
        ("Ines Varga", {Attribution.MATCHES}),
        ("Tobias Wren and Ines Varga", {Attribution.MATCHES}),
        # Someone else: misattributed, or uncertain when the model is not sure of the pair.
        ("Lorna Pike", {Attribution.DIFFERS, Attribution.UNCERTAIN}),
    ],
)
def test_either_of_two_people_who_spoke_together_is_claimed(
    archive: Archive, claimed: str, expected: set[Attribution]
) -> None:
    report = Article(
        title="Report",
        outlet="Tidewater Herald",
        url="https://tidewater-herald.example/report",
        text='Report\n\n"The piers will not last the winter," Tobias Wren and Ines Varga wrote.',
    )
    archive.add(report, extract_quotations(report))

    result = check(Verifier(archive), "The piers will not last the winter", speaker=claimed)

    assert result.matches[0].speaker == "Tobias Wren and Ines Varga"
    assert result.attribution in expected


def test_quote_without_a_known_speaker_has_unknown_attribution(verifier: Verifier) -> None:
    result = check(verifier, '"BRIDGE CLOSED. USE FERRY." said Pike')

    assert result.verdict is Verdict.VERIFIED
    assert result.matches[0].speaker is None
    assert result.attribution is Attribution.UNKNOWN


def test_quote_printed_twice_lists_both_earliest_first_and_the_conflicting_speaker(
    verifier: Verifier,
) -> None:
    result = check(verifier, '"We were never shown the report," Pike said')

    assert result.verdict is Verdict.VERIFIED
    match = result.matches[0]
    assert match.occurrences == 2
    assert match.first_seen == dt.date(2025, 5, 6)
    assert match.outlet == "Lantern News Service"
    assert match.conflicting_speakers == ("Osric Penhallow",)


# -- what a paste may hold ----------------------------------------------------------------------


def test_slack_encoded_paste_is_decoded(verifier: Verifier) -> None:
    result = check(
        verifier, "<@U024BE7LH> &quot;not safe for anyone to cross&quot; &amp; <!channel>"
    )

    assert result.verdict in {Verdict.VERIFIED, Verdict.WORDING_DIFFERS}


@pytest.mark.parametrize(
    "paste", ["", "   ", "?!…", "x" * 100_000], ids=["empty", "blank", "punctuation", "100kb"]
)
def test_paste_with_nothing_to_check_gets_a_problem_not_a_traceback(
    verifier: Verifier, paste: str
) -> None:
    result = check(verifier, paste)

    assert result.verdict is Verdict.NOT_FOUND
    assert result.problem


def test_several_quotes_in_one_paste_are_checked_one_by_one(verifier: Verifier) -> None:
    results = verifier.check(
        'Pike said "a slow-motion disaster for the east side" and "nobody on this council read it"'
    )

    assert [r.verdict for r in results] == [Verdict.VERIFIED, Verdict.VERIFIED]
    assert {r.attribution for r in results} == {Attribution.MATCHES}


def test_review_checks_every_quotation_of_a_draft(verifier: Verifier) -> None:
    draft = Article(
        text=(
            "Draft: bridge\n\n"
            '"The bridge is not safe for anyone to cross," said Lorna Pike.\n\n'
            '"We will build a second bridge," Tobias Wren said.'
        )
    )

    reviewed, kept = verifier.review(draft)

    assert not kept.capped
    verdicts = [
        (quotation.text, result.verdict, result.attribution) for quotation, result in reviewed
    ]
    assert verdicts == [
        ("The bridge is not safe for anyone to cross", Verdict.VERIFIED, Attribution.DIFFERS),
        ("We will build a second bridge", Verdict.NOT_FOUND, Attribution.UNKNOWN),
    ]

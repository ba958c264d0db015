"""The query parser: what a fact-checker pastes in, the quoted words and claimed speaker out.

Fact-checkers paste in every shape: a sentence from an article, a quote signed with a dash,
bare words without marks, text copied out of Slack. Each shape below is one specification.
The people are invented.
"""

from __future__ import annotations

import pytest

import bot.verifier.query
from bot.verifier.query import MAX_QUERY_CHARS, ParsedQuery, parse_query

DEAL = "If you sign a truce, you will need a truce"
EFFORTS = "sabotaging the efforts made through the mediators"

# --- where the claimed speaker sits -----------------------------------------------------------


@pytest.mark.parametrize(
    ("paste", "quote", "speaker"),
    [
        pytest.param(f'"{DEAL}," Halvik said', DEAL, "Halvik", id="quote-name-said"),
        pytest.param(f'"{DEAL}," said Halvik', DEAL, "Halvik", id="quote-said-name"),
        pytest.param(f'Halvik said "{DEAL}"', DEAL, "Halvik", id="name-said-quote"),
        pytest.param(f'Halvik said: "{DEAL}"', DEAL, "Halvik", id="name-said-colon-quote"),
        pytest.param(f'Halvik: "{DEAL}"', DEAL, "Halvik", id="name-colon-quote"),
        pytest.param(f'Gunnar Halvik: "{DEAL}"', DEAL, "Gunnar Halvik", id="full-name-colon"),
        pytest.param(f'"{DEAL}" — Halvik', DEAL, "Halvik", id="em-dash-signature"),
        pytest.param(f'"{DEAL}" - Halvik', DEAL, "Halvik", id="hyphen-signature"),
        pytest.param(f'"{DEAL}" –Halvik', DEAL, "Halvik", id="en-dash-signature-unspaced"),
        pytest.param(f'"{DEAL}" (Halvik)', DEAL, "Halvik", id="parenthesised-name"),
        pytest.param(f'"{DEAL}" Halvik', DEAL, "Halvik", id="name-after-closing-mark"),
        pytest.param(
            f'"{DEAL}." — Gunnar Halvik, Stavmark defence minister',
            f"{DEAL}.",
            "Gunnar Halvik",
            id="signature-with-role",
        ),
        pytest.param(
            f'"{DEAL}" — Odile Farrant-Lys.', DEAL, "Odile Farrant-Lys", id="hyphenated-name"
        ),
        pytest.param(f'"{DEAL}" — Tomas Reyl Jr.', DEAL, "Tomas Reyl Jr.", id="name-with-suffix"),
        pytest.param(f'"{DEAL}" — al-Qasimi', DEAL, "al-Qasimi", id="name-with-particle"),
        pytest.param(f'Halvik said Voss was "{EFFORTS}"', EFFORTS, "Halvik", id="partial-quote"),
    ],
)
def test_quote_and_claimed_speaker_in_every_shape(paste: str, quote: str, speaker: str) -> None:
    parsed = parse_query(paste)
    assert parsed == ParsedQuery(text=paste, quotes=(quote,), claimed_speaker=speaker)


@pytest.mark.parametrize(
    ("paste", "speaker"),
    [
        pytest.param(f'"{DEAL}," she said', None, id="pronoun-names-nobody"),
        pytest.param(f'"{DEAL}," they told reporters', None, id="plural-pronoun"),
        pytest.param(
            f'"{DEAL}," the prime minister said', "the prime minister", id="description-kept"
        ),
        pytest.param(
            f'"{DEAL}" — the defence minister', "the defence minister", id="signed-description"
        ),
        pytest.param(f'"{DEAL}"', None, id="no-attribution"),
        pytest.param(f'"{DEAL}" (eventually)', None, id="parenthesised-word-is-no-name"),
        pytest.param(
            f'"{DEAL}," she said — Marta Quellen', "Marta Quellen", id="signature-names-pronoun"
        ),
        pytest.param(
            f'Marta Quellen said "{DEAL}". "It holds," she added.',
            "Marta Quellen",
            id="pronoun-resolved-in-paste",
        ),
        pytest.param(
            f'"{DEAL}," Halvik said. "It holds," Quellen said.', None, id="two-speakers-no-claim"
        ),
        pytest.param(f'Ruvik: "{DEAL}," Halvik said', "Halvik", id="sentence-beats-label"),
        pytest.param(f'Halvik: "{DEAL}," she said', "Halvik", id="label-names-pronoun"),
    ],
)
def test_claimed_speaker(paste: str, speaker: str | None) -> None:
    parsed = parse_query(paste)
    assert parsed.quotes[0] == DEAL
    assert parsed.claimed_speaker == speaker


# --- marks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paste",
    [
        pytest.param(f'"{DEAL}," Halvik said', id="straight-double"),
        pytest.param(f"“{DEAL},” Halvik said", id="curly-double"),
        pytest.param(f"«{DEAL}», Halvik said", id="guillemets"),
        pytest.param(f"« {DEAL} », Halvik said", id="spaced-guillemets"),
        pytest.param(f"‘{DEAL},’ Halvik said", id="curly-single"),
        pytest.param(f"'{DEAL},' Halvik said", id="straight-single"),
    ],
)
def test_every_quotation_mark_style_quotes(paste: str) -> None:
    assert parse_query(paste).quotes == (DEAL,)
    assert parse_query(paste).claimed_speaker == "Halvik"


def test_apostrophes_inside_a_single_quoted_quote_belong_to_it() -> None:
    paste = "'It's over, it's Voss' fault,' Halvik said"
    assert parse_query(paste).quotes == ("It's over, it's Voss' fault",)


def test_apostrophes_are_not_quotation_marks() -> None:
    paste = "Halvik said it's Voss' fault"
    parsed = parse_query(paste)
    assert parsed.quotes == (paste,)
    assert parsed.claimed_speaker is None


@pytest.mark.parametrize(
    ("paste", "quotes"),
    [
        pytest.param(
            'Halvik said "the truce holds" and "the talks go on"',
            ("the truce holds", "the talks go on"),
            id="two-partial-quotes",
        ),
        pytest.param(
            '"The truce holds," Halvik said, "and the talks go on."',
            ("The truce holds", "and the talks go on."),
            id="quote-interrupted-by-attribution",
        ),
    ],
)
def test_several_quotes_in_one_paste_keep_their_order_and_speaker(
    paste: str, quotes: tuple[str, ...]
) -> None:
    parsed = parse_query(paste)
    assert parsed.quotes == quotes
    assert parsed.claimed_speaker == "Halvik"


def test_a_quote_inside_a_quote_is_part_of_the_outer_one() -> None:
    paste = "\"He told me, 'Sign it or leave,' and walked out,\" Quellen said"
    parsed = parse_query(paste)
    assert parsed.quotes == ("He told me, 'Sign it or leave,' and walked out",)
    assert parsed.claimed_speaker == "Quellen"


# --- bare quotes without marks ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("paste", "speaker"),
    [
        pytest.param(EFFORTS, None, id="words-only"),
        pytest.param(f"{EFFORTS} — Ilse Marrow", "Ilse Marrow", id="em-dash-signature"),
        pytest.param(f"{EFFORTS} - Ilse Marrow", "Ilse Marrow", id="hyphen-signature"),
        pytest.param(f"{EFFORTS} (Ilse Marrow)", "Ilse Marrow", id="parenthesised-name"),
        pytest.param(f"Marrow: {EFFORTS}", "Marrow", id="leading-label"),
        pytest.param(f"Ilse Marrow said: {EFFORTS}", "Ilse Marrow", id="leading-name-said"),
        pytest.param(f"Quote: {EFFORTS}", None, id="generic-label-dropped"),
        pytest.param(f"{EFFORTS},", None, id="trailing-comma-dropped"),
    ],
)
def test_a_paste_without_marks_is_one_bare_quote(paste: str, speaker: str | None) -> None:
    parsed = parse_query(paste)
    assert parsed.quotes == (EFFORTS,)
    assert parsed.claimed_speaker == speaker


@pytest.mark.parametrize(
    "paste",
    [
        pytest.param("we will hold the line - no matter what", id="dash-before-lowercase-words"),
        pytest.param("we will hold the line—whatever it costs", id="unspaced-em-dash"),
        pytest.param("the cease-fire deal was signed", id="hyphenated-word"),
        pytest.param("the talks (eventually) failed", id="parenthesis-inside"),
        pytest.param("it was Voss’ Plan", id="capital-after-apostrophe"),
        pytest.param("the blame is Voss' - Ilse's too", id="dash-after-apostrophe"),
    ],
)
def test_dashes_and_parentheses_inside_bare_words_are_not_signatures(paste: str) -> None:
    parsed = parse_query(paste)
    assert parsed.quotes == (paste,)
    assert parsed.claimed_speaker is None


# --- what stays inside the quote as typed -----------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        pytest.param("It was … a mistake", id="ellipsis-character"),
        pytest.param("It was ... a mistake", id="three-dots"),
        pytest.param("It was . . . a mistake", id="spaced-dots"),
        pytest.param("It was [eventually] a mistake", id="bracketed-insertion"),
        pytest.param("It was a cease-fire, not a ceasefire", id="hyphen"),
    ],
)
def test_ellipses_and_brackets_stay_inside_the_quote_as_typed(quote: str) -> None:
    assert parse_query(f'"{quote}," Quellen said.').quotes == (quote,)
    assert parse_query(quote).quotes == (quote,)


# --- text copied out of Slack, and untidy pastes ----------------------------------------------


@pytest.mark.parametrize(
    ("paste", "text"),
    [
        pytest.param(
            '<@U0123ABC> is this right? "Bread &amp; water," Halvik said',
            'is this right? "Bread & water," Halvik said',
            id="mention-and-entity",
        ),
        pytest.param(
            '<!channel> "Bread &amp; water," Halvik said, per <https://x.example/a|the article>',
            '"Bread & water," Halvik said, per the article',
            id="broadcast-and-link",
        ),
        pytest.param(
            '  "Bread &amp;\n   water,"\n\n   Halvik   said  \n',
            '"Bread & water," Halvik said',
            id="line-breaks-and-spaces",
        ),
    ],
)
def test_slack_encoding_and_stray_whitespace_are_undone(paste: str, text: str) -> None:
    parsed = parse_query(paste)
    assert parsed.text == text
    assert parsed.quotes == ("Bread & water",)
    assert parsed.claimed_speaker == "Halvik"


def test_a_signature_on_its_own_line_still_signs() -> None:
    parsed = parse_query(f'"{DEAL}"\n— Gunnar Halvik\n')
    assert (parsed.quotes, parsed.claimed_speaker) == ((DEAL,), "Gunnar Halvik")


# --- the speaker given on the command line ----------------------------------------------------


def test_speaker_given_overrides_the_paste() -> None:
    parsed = parse_query(f'"{DEAL}," Halvik said', speaker="Marta Quellen")
    assert parsed.claimed_speaker == "Marta Quellen"


def test_speaker_given_claims_a_bare_quote() -> None:
    assert parse_query(EFFORTS, speaker="  Ilse   Marrow ").claimed_speaker == "Ilse Marrow"


def test_a_blank_speaker_given_claims_nothing() -> None:
    assert parse_query(f'"{DEAL}," Halvik said', speaker="  ").claimed_speaker == "Halvik"


# --- short and bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paste", "quote"),
    [
        pytest.param('"torpedo"', "torpedo", id="one-quoted-word"),
        pytest.param("torpedo", "torpedo", id="one-bare-word"),
        pytest.param("torpedo diplomacy", "torpedo diplomacy", id="two-words"),
        pytest.param("the", "the", id="one-common-word-is-still-a-query"),
    ],
)
def test_one_or_two_words_are_a_query(paste: str, quote: str) -> None:
    parsed = parse_query(paste)
    assert parsed.quotes == (quote,)
    assert parsed.problem is None


@pytest.mark.parametrize(
    ("paste", "says"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param(" \n\t ", "empty", id="whitespace"),
        pytest.param('... "" — !?', "no words", id="only-punctuation"),
        pytest.param("<@U0123ABC> <!here>", "only mentions", id="only-mentions"),
        pytest.param("a\x00b\x00c", "not text", id="nul-bytes"),
        pytest.param("quote \udcff\udcfe", "not text", id="undecodable-bytes"),
        pytest.param("\x01\x02\x03\x04 hi \x05\x06\x07", "not text", id="control-characters"),
    ],
)
def test_a_paste_with_nothing_to_check_says_why(paste: str, says: str) -> None:
    parsed = parse_query(paste)
    assert parsed.quotes == ()
    assert parsed.problem is not None
    assert says in parsed.problem
    assert "\n" not in parsed.problem


def test_a_stray_control_character_is_dropped_not_refused() -> None:
    parsed = parse_query(f'"{DEAL},"\x0b Halvik said')
    assert (parsed.quotes, parsed.claimed_speaker, parsed.problem) == ((DEAL,), "Halvik", None)


def test_a_paste_over_the_limit_is_refused_with_its_length_and_the_limit() -> None:
    parsed = parse_query("a" * 100_000)
    assert parsed.quotes == ()
    assert parsed.problem is not None
    assert "100,000" in parsed.problem
    assert f"{MAX_QUERY_CHARS:,}" in parsed.problem


def test_a_paste_over_the_limit_is_refused_before_any_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def must_not_run(*args: object) -> None:
        raise AssertionError("a paste over the limit was parsed")

    monkeypatch.setattr(bot.verifier.query, "decode", must_not_run)
    monkeypatch.setattr(bot.verifier.query, "extract_quotations", must_not_run)
    paste = '"' + "tear it all down, " * 6_000 + '," Halvik said'
    assert parse_query(paste).problem is not None


def test_a_paste_at_the_limit_is_read() -> None:
    quote = ("word " * MAX_QUERY_CHARS)[: MAX_QUERY_CHARS - 2].strip()
    parsed = parse_query(f'"{quote}"')
    assert parsed.problem is None
    assert parsed.quotes == (quote,)

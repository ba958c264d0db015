"""Extraction: clauses, asides and punctuation around a quotation that decide whose cue is whose.

The people, places and outlets are invented.
"""

from __future__ import annotations

import unicodedata

import pytest
from extraction_support import UNSAFE, VARGA_INTRO, WREN_INTRO, extract, find, listing

# --- names as the bytes left them --------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        unicodedata.normalize("NFD", "Inés Núñez"),  # accents as combining marks
        "InÃ©s NÃºÃ±ez",  # UTF-8 read as Latin-1: the article's own mojibake
    ],
    ids=["decomposed-accents", "double-encoded"],
)
def test_name_with_accents_however_encoded_is_one_name(name: str) -> None:
    quotes = extract(f'"{UNSAFE}," said {name}, the harbour master.', f'"Close it," {name} added.')

    assert find(quotes, UNSAFE).speaker == name
    assert find(quotes, "Close it").speaker == name


def test_name_before_a_participle_after_a_dash_is_its_speaker() -> None:
    quotes = extract(
        WREN_INTRO,
        VARGA_INTRO,
        'Afterwards both officials issued a statement – Wren saying he was "very encouraged" '
        'and Varga calling it a "great meeting."',
    )

    assert find(quotes, "very encouraged").speaker == "Tobias Wren"
    assert find(quotes, "great meeting.").speaker == "Ines Varga"


@pytest.mark.parametrize(
    ("sentence", "quotation", "written"),
    [
        (
            "Later, after the council meeting concluded, Wren stated of the piers that they were "
            '"unsafe."',
            "unsafe.",
            "Wren",
        ),
        (
            "As Wren spoke, the harbour union was going into overdrive, lobbying members "
            'against "any closure."',
            "any closure.",
            "the harbour union",
        ),
        (
            'As the Gazette reported, the county engineer "had warned the council."',
            "had warned the council.",
            "Gazette",
        ),
    ],
    ids=["after-clause-concluded", "as-clause-spoke", "as-clause-reported-introduces"],
)
def test_speech_verb_ending_a_subordinate_clause_attributes_only_what_it_introduces(
    sentence: str, quotation: str, written: str
) -> None:
    quotes = extract(WREN_INTRO, sentence)

    assert find(quotes, quotation).speaker_as_written == written


def test_group_before_a_verb_that_is_also_a_noun_after_a_quotation_speaks() -> None:
    quotes = extract(
        "The county engineers published a white paper.",
        f'"{UNSAFE}," the engineers state in the white paper.',
    )

    assert find(quotes, UNSAFE).speaker_as_written == "the engineers"


@pytest.mark.parametrize(
    ("sentence", "quotation", "written"),
    [
        (
            'When someone in the audience shouted, "Close it," Wren joked, "Then swim."',
            "Close it",
            "someone in the audience",
        ),
        (
            'After Lorna Pike said that the ferry was "too slow," Wren said: "Then swim."',
            "too slow",
            "Lorna Pike",
        ),
    ],
    ids=["when-clause-shout", "after-clause-said-that"],
)
def test_quotation_in_an_opening_clause_is_not_the_next_quotations_speakers(
    sentence: str, quotation: str, written: str
) -> None:
    quotes = extract(WREN_INTRO, sentence)

    assert find(quotes, quotation).speaker_as_written == written
    assert find(quotes, "Then swim.").speaker == "Tobias Wren"


def test_weak_speech_verb_with_a_that_clause_attributes_the_quotation_in_it() -> None:
    quotes = extract(
        "A judge fined a man on Monday after the man had written on his own blog that the "
        'bridge should "burn down" soon.'
    )

    assert find(quotes, "burn down").speaker_as_written == "the man"


def test_possessive_with_an_adjective_before_a_plural_is_a_noun_not_a_verb() -> None:
    quotes = extract(
        WREN_INTRO,
        'Wren said it was "not safe."',
        "Wren continued his scathing remarks.",
        '"Nobody listens to engineers."',
    )

    assert find(quotes, "Nobody listens to engineers.").speaker == "Tobias Wren"


def test_list_after_a_name_is_not_its_appositive() -> None:
    quotes = extract(
        "In a column published by the council website, the Beacon, and shared widely, Tobias "
        'Wren, a county engineer, urged residents not to panic, even if the bridge looks "unsafe."'
    )

    assert find(quotes, "unsafe.").speaker == "Tobias Wren"


def test_name_with_its_number_speaks() -> None:
    quotes = extract(
        "Ferries are covered by Article 12 of the county charter.",
        'The charter is clear. Article 12 affirms: "No ferry shall run at night."',
    )

    assert find(quotes, "No ferry shall run at night.").speaker == "Article 12"


def test_quotation_a_speech_verb_names_is_not_the_next_speakers() -> None:
    quotes = extract(
        WREN_INTRO,
        "Lorna Pike runs the ferry.",
        'In a letter that Pike called "absurd," Wren expressed a wish to "close the quay."',
    )

    assert find(quotes, "absurd").speaker == "Lorna Pike"
    assert find(quotes, "close the quay.").speaker == "Tobias Wren"


def test_relative_clause_with_its_own_subject_is_that_subjects() -> None:
    quotes = extract(
        WREN_INTRO,
        'The bridge is part of the county, one which engineer Tobias Wren calls "a relic."',
    )

    assert find(quotes, "a relic.").speaker == "Tobias Wren"


def test_clause_joined_after_a_speech_verb_has_its_own_subject() -> None:
    quotes = extract(
        WREN_INTRO,
        "Jeers rose when Wren mentioned the ferry, and then the crowd loudly "
        'reprised the chant "Close it now!" for a minute.',
    )

    assert find(quotes, "Close it now!").speaker_as_written == "the crowd"


def test_clause_joined_inside_what_a_reporting_verb_says_is_still_the_speakers() -> None:
    quotes = extract(
        WREN_INTRO,
        "Lorna Pike runs the ferry.",
        'Pike said the county must act, but instead Wren is giving them "excuses."',
    )

    assert find(quotes, "excuses.").speaker == "Lorna Pike"


def test_description_then_the_organisations_name_is_the_organisation() -> None:
    quotes = extract(
        WREN_INTRO,
        "Wren spoke, and the harbour's oldest trade organisation the Tessel Sound Dockworkers' "
        "Union strongly denounced his plan and said it would "
        '"fight the closure."',
    )

    quote = find(quotes, "fight the closure.")
    assert quote.speaker == "Tessel Sound Dockworkers' Union"


def test_state_abbreviation_after_a_town_is_not_a_subject() -> None:
    quotes = extract(
        "At a meeting that month in Harlow, Mass., the county engineer closed by quoting a "
        'motto: "Safety first, always."'
    )

    assert find(quotes, "Safety first, always.").speaker_as_written == "the county engineer"


def test_plural_after_a_gerund_and_an_adjective_is_a_noun() -> None:
    quotes = extract(
        WREN_INTRO,
        "Wren has painted Lorna Pike as careless and accused her of making rude remarks by "
        'calling the divers "river rats" in the 1990s.',
    )

    assert find(quotes, "river rats").speaker == "Tobias Wren"


def test_the_two_after_a_quotation_speak_as_written_and_asides_are_no_role() -> None:
    quotes = extract(
        "Two county engineers wrote to the council.",
        'The two engineers, however, argue that the bridge is "unsafe."',
        '"Nobody listened to us," the two write.',
    )

    assert find(quotes, "unsafe.").speaker_role is None
    assert find(quotes, "Nobody listened to us").speaker_as_written == "the two"


def test_pull_quote_signed_inside_its_marks_on_the_line_below() -> None:
    quotes = extract(
        "The council will vote on the bridge on Monday.",
        '"I worry that we will lose the bridge and the ferry in one winter.\nDean Marlowe, '
        'Harlow Bridge Trust."',
        "The trust has campaigned for repairs since 2019.",
    )

    quote = find(quotes, "I worry that we will lose the bridge and the ferry in one winter.")
    assert quote.speaker == "Dean Marlowe"


def test_short_sentence_of_what_a_person_did_names_the_next_quotations_speaker() -> None:
    quotes = extract(
        "Lorna Pike sat through the hearing.",
        'The clerk looked up at her. "Ms. Pike?" She had a few words ready. "Present," '
        'Pike said, "the ferry is safe."',
    )

    assert find(quotes, "Ms. Pike?").speaker_as_written == "The clerk"


def test_dateline_date_is_not_the_subject_of_a_participle() -> None:
    quotes = extract(
        "HARLOW, Dec. 8 (Senn Wire) — After the vote, the county's chief engineer rallied "
        'her staff, saying: "We must stay on watch."'
    )

    assert (
        find(quotes, "We must stay on watch.").speaker_as_written == "the county's chief engineer"
    )


def test_question_then_name_asks_in_a_sentence_with_its_own_quotation() -> None:
    quotes = extract(
        WREN_INTRO,
        '"Who pays for it? The county? The ferry?" Wren asks as a clerk walks in, saying he is '
        '"here to fix the lights."',
    )

    assert find(quotes, "Who pays for it? The county? The ferry?").speaker == "Tobias Wren"
    assert find(quotes, "here to fix the lights.").speaker_as_written == "a clerk"


def test_quotation_after_its_cue_keeps_it_when_the_next_sentence_opens_with_another() -> None:
    quotes = extract(
        WREN_INTRO,
        "Lorna Pike runs the ferry.",
        'Wren said the ferry "caused delays." Pike said the bridge was "a relic."',
    )

    assert find(quotes, "caused delays.").speaker == "Tobias Wren"
    assert find(quotes, "a relic.").speaker == "Lorna Pike"


def test_quotation_alone_after_a_paragraph_about_the_last_speaker_is_theirs() -> None:
    quotes = extract(
        WREN_INTRO,
        '"It cannot carry a bus," Wren said.',
        "Wren is gloomy about the bridge's chances, in part because the repairs keep slipping.",
        '"Nobody will fund it before the winter."',
    )

    assert find(quotes, "Nobody will fund it before the winter.").speaker == "Tobias Wren"


def test_quotation_alone_after_a_paragraph_about_someone_never_quoted_is_not_theirs() -> None:
    quotes = extract(
        WREN_INTRO,
        '"It cannot carry a bus," Wren said.',
        "Lorna Pike is gloomy about the ferry's chances, in part because repairs keep slipping.",
        '"Nobody will fund it before the winter."',
    )

    assert find(quotes, "Nobody will fund it before the winter.").speaker != "Lorna Pike"


def test_name_before_an_adverb_and_a_participle_after_of_speaks() -> None:
    quotes = extract(
        WREN_INTRO,
        'What do you make of Wren privately saying "close it now" to the council?',
    )

    assert find(quotes, "close it now").speaker == "Tobias Wren"


def test_name_right_before_a_quotation_after_anothers_quotation_is_the_subject() -> None:
    quotes = extract(
        WREN_INTRO,
        "Lorna Pike runs the ferry.",
        '"We thought the county would listen," said Pike, who has run the ferry for years. '
        'Wren "got it wrong. He has no business saying that."',
    )

    assert find(quotes, "got it wrong. He has no business saying that.").speaker == ("Lorna Pike")


def test_title_ending_in_a_question_mark_does_not_end_the_sentence() -> None:
    quotes = extract(
        WREN_INTRO,
        'The leaflet, titled "Safe?", concludes that the bridge is "a relic" and must close.',
    )

    quote = find(quotes, "a relic")
    assert quote.speaker_as_written == "The leaflet"
    assert quote.speaker_role is None  # its title is no role


def test_family_is_a_noun_not_an_adverb_and_a_pronoun_opens_a_reported_clause() -> None:
    quotes = extract(
        WREN_INTRO,
        "Wren was at his desk with other engineers when a member of his family proposed they "
        'print a photo of the bridge with a "closed" sign.',
    )

    assert find(quotes, "closed").speaker_as_written == "a member of his family"


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        (
            '"We close at dusk," the bearded, 71-year-old engineer said.',
            "the bearded, 71-year-old engineer",
        ),
        ('For his part, local engineers said: "We close at dusk."', "local engineers"),
    ],
    ids=["adjectives-listed-with-a-comma", "aside-before-the-subject"],
)
def test_description_with_adjectives_listed_by_commas(sentence: str, written: str) -> None:
    quotes = extract("The Mill Lane bridge was closed on Monday.", sentence)

    quote = next(q for q in quotes if q.text.startswith("We close at dusk"))
    assert quote.speaker_as_written == written


def test_first_name_alone_in_a_pair_shares_the_second_ones_surname() -> None:
    quotes = extract(
        "Anna Pike wrote a history of the county.",
        'Its engineers, Anna and Tobias Wren, wrote that the bridge was "unsafe."',
    )

    quote = find(quotes, "unsafe.")
    assert quote.speaker == "Anna Wren and Tobias Wren"
    assert quote.speaker_as_written == "Anna and Tobias Wren"


@pytest.mark.parametrize(
    "sentence",
    [
        "Councillor Mara Quist said Dalby reassured them that the trust “would not sell a "
        "single berth.”",
        "Councillor Mara Quist said that Dalby told members the trust “would not sell a single "
        "berth.”",
        "The dockers' union says Dalby promised the trust “would not sell a single berth.”",
    ],
)
def test_words_in_a_clause_someone_reports_are_the_reporters(sentence: str) -> None:
    """ "Quist said Dalby reassured them that …": the article has the account from Quist, in
    her words or her choice of Dalby's, so the quotation is credited to her (the annotated
    news we measure on credits the reporter, as it does for "Quist said he …")."""
    quotations = extract(
        "Harbour sale",
        "Harbour trust chair Ivo Dalby met the council on Tuesday.",
        sentence,
    )
    found = find(quotations, "would not sell a single berth.")
    assert found.speaker != "Ivo Dalby", listing(quotations)
    reporter = "union" if "union" in sentence else "Quist"
    assert reporter in (found.speaker_as_written or ""), listing(quotations)


@pytest.mark.parametrize(
    "sentence",
    [
        "When asked by Dalby about the sale, Quist said: “We will not sell a single berth.”",
        "After Dalby criticised the sale, Quist shot back: “We will not sell a single berth.”",
    ],
)
def test_a_clause_before_the_subject_reports_nothing(sentence: str) -> None:
    """A question or an act before the speaker ("When asked by Dalby, Quist said") is no
    reporter: the speaker is the main clause's subject."""
    quotations = extract(
        "Harbour sale",
        "Harbour trust chair Ivo Dalby met councillor Mara Quist on Tuesday.",
        sentence,
    )
    found = find(quotations, "We will not sell a single berth.")
    assert found.speaker == "Mara Quist", listing(quotations)

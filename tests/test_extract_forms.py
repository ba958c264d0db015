"""Extraction: each form of attribution names its speaker (a cue after the quotation, before it,
an aside, a label, a signature, a neighbouring quotation).

The people, places and outlets are invented.
"""

from __future__ import annotations

import pytest
from extraction_support import UNSAFE, WREN_INTRO, extract, find, listing

# --- each form of attribution --------------------------------------------------------------

#: Each form: the paragraphs, the quotation, and the speaker when it is not Tobias Wren.
ATTRIBUTION_FORMS: dict[
    str, tuple[tuple[str, ...], str] | tuple[tuple[str, ...], str, str | None]
] = {
    "quote-name-said": ((WREN_INTRO, f'"{UNSAFE}," Wren said.'), UNSAFE),
    "quote-said-name": ((WREN_INTRO, f'"{UNSAFE}," said Wren.'), UNSAFE),
    "name-said-colon": ((WREN_INTRO, f'Wren said: "{UNSAFE}."'), f"{UNSAFE}."),
    "name-told-outlet-colon": (
        (WREN_INTRO, f'Wren told the Tidewater Herald: "{UNSAFE}."'),
        f"{UNSAFE}.",
    ),
    "quote-name-told-reporters": ((WREN_INTRO, f'"{UNSAFE}," Wren told reporters.'), UNSAFE),
    "quote-said-full-name-and-age": (
        ("The Mill Lane bridge was closed on Monday.", f'"{UNSAFE}," said Tobias Wren, 58.'),
        UNSAFE,
    ),
    "quote-full-name-role-said": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'"{UNSAFE}," Tobias Wren, the county engineer, said.',
        ),
        UNSAFE,
    ),
    "quote-role-full-name-said": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'"{UNSAFE}," the county engineer, Tobias Wren, said.',
        ),
        UNSAFE,
    ),
    "quote-name-said-on-day": ((WREN_INTRO, f'"{UNSAFE}," Wren said on Tuesday.'), UNSAFE),
    "quote-name-said-in-statement": (
        (WREN_INTRO, f'"{UNSAFE}," Wren said in a statement.'),
        UNSAFE,
    ),
    "quote-name-said-with-adverbials": (
        (WREN_INTRO, f'"{UNSAFE}," Wren said after the inspection, standing on the riverbank.'),
        UNSAFE,
    ),
    "quote-pronoun-said": ((WREN_INTRO, f'"{UNSAFE}," he said.'), UNSAFE),
    "pronoun-said-colon": ((WREN_INTRO, f'He said: "{UNSAFE}."'), f"{UNSAFE}."),
    "asked-whether-name-said-colon": (
        (WREN_INTRO, 'Asked whether the bridge could reopen this year, Wren said: "Not a chance."'),
        "Not a chance.",
    ),
    "name-wrote-on-social-media": (
        (WREN_INTRO, f'Wren wrote on social media: "{UNSAFE}."'),
        f"{UNSAFE}.",
    ),
    "in-an-interview-name-said": (
        (WREN_INTRO, f'In an interview on Tuesday, Wren said: "{UNSAFE}."'),
        f"{UNSAFE}.",
    ),
    "question-name-asked": (
        (WREN_INTRO, '"Who is going to pay for a new one?" Wren asked.'),
        "Who is going to pay for a new one?",
    ),
    "according-to-name": (
        (WREN_INTRO, 'The bridge is "beyond repair," according to Wren.'),
        "beyond repair",
    ),
    "name-says-present-tense": ((WREN_INTRO, f'"{UNSAFE}," Wren says.'), UNSAFE),
    "name-party-in-parentheses-said": (
        (
            "Tobias Wren, a Democrat, sits on the county council.",
            f'"{UNSAFE}," Councillor Tobias Wren (D) said at the meeting.',
        ),
        UNSAFE,
    ),
    "name-said-of-place": (
        ("The Mill Lane bridge was closed on Monday.", f'"{UNSAFE}," said Tobias Wren of Harlow.'),
        UNSAFE,
    ),
    "name-of-firm-said": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'"{UNSAFE}," said Tobias Wren of engineering consultancy Fallowmere.',
        ),
        UNSAFE,
    ),
    "name-with-unclosed-appositive-said": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f"Tobias Wren, the county engineer who found the cracks said: “{UNSAFE}.”",
        ),
        f"{UNSAFE}.",
    ),
    "quote-said-name-ending-the-text": ((WREN_INTRO, f'"{UNSAFE}," said Wren'), UNSAFE),
    "transcript-line-name-party-colon": (
        (WREN_INTRO, f'Councillor Tobias Wren (D-Harlow):"{UNSAFE}."'),
        f"{UNSAFE}.",
    ),
    "quote-long-title-and-name-said": (
        (WREN_INTRO, f'"{UNSAFE}," Harlow County Roads press secretary Tobias Wren said.'),
        UNSAFE,
    ),
    "quote-outlet-show-co-host-and-name-said": (
        (
            "Mayor Lorna Pike spoke first.",
            f'"{UNSAFE}," Senn Valley This Week co-Host Tobias Wren said on air.',
        ),
        UNSAFE,
    ),
    "quote-name-with-middle-initial-wrote": (
        (WREN_INTRO, f'"{UNSAFE}," county counsel Tobias A. Wren wrote in a letter.'),
        UNSAFE,
    ),
    "quote-said-rank-with-ordinal-and-name": (
        (WREN_INTRO, f'"{UNSAFE}," said Army 1st Lt. Tobias Wren.'),
        UNSAFE,
    ),
    "inverted-verb-and-name-before-colon": (
        (WREN_INTRO, f'In other words, explained county engineer Tobias Wren: "{UNSAFE}."'),
        f"{UNSAFE}.",
    ),
    "inverted-verb-and-surname-before-comma": (
        (WREN_INTRO, f'Because of the cracks, explained Wren, "{UNSAFE}."'),
        f"{UNSAFE}.",
    ),
    "aside-between-dashes-before-the-verb": (
        (
            WREN_INTRO,
            f"On Friday, Wren — named engineer of the year in 2019 — told the Tidewater Herald "
            f"that “{UNSAFE}.”",
        ),
        f"{UNSAFE}.",
    ),
    "description-then-name-between-dashes": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'The county engineer -- Tobias Wren, who found the cracks -- said that "{UNSAFE}."',
        ),
        f"{UNSAFE}.",
    ),
    "sentence-opening-adjective-before-role-and-name": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f"Independent engineer Tobias Wren, also speaking in Harlow, said the council was "
            f'wrong and accused it of "{UNSAFE}."',
        ),
        f"{UNSAFE}.",
    ),
    "participle-opening-then-name-ending-in-ed-said": (
        (
            "Tobias Reed, the county engineer, closed the Mill Lane bridge on Monday.",
            f'Watching the divers come up on Tuesday, Reed said: "{UNSAFE}."',
        ),
        f"{UNSAFE}.",
        "Tobias Reed",
    ),
    "name-relative-clause-said": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f"It was three years ago that Tobias Wren, who is now retired, said the bridge "
            f'was "{UNSAFE}."',
        ),
        f"{UNSAFE}.",
    ),
    "said-then-adding": (
        (
            WREN_INTRO,
            f'The divers will go down again next week, Wren said, adding, "{UNSAFE}."',
        ),
        f"{UNSAFE}.",
    ),
    "aside-between-subject-and-bare-verb": (
        (WREN_INTRO, f'The two engineers, however, argue that "{UNSAFE}," and Wren agrees.'),
        UNSAFE,
        None,
    ),
    "name-of-a-long-body-wrote": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'"{UNSAFE}," Tobias Wren of the Harlow Institute for River Studies wrote in March.',
        ),
        UNSAFE,
    ),
    "quotation-then-a-new-sentence-about-it": (
        (
            WREN_INTRO,
            'Wren, exasperated, famously replied: "Would you drive over it?" Her critics cited '
            "it as evidence that he had given up.",
        ),
        "Would you drive over it?",
    ),
    "surname-that-is-also-a-word-said": (
        (
            "In a call on Monday, county engineer Tobias Read said the bridge would close.",
            f'"{UNSAFE}," Read said.',
        ),
        UNSAFE,
        "Tobias Read",
    ),
    "quote-only-paragraph-signed-below-with-a-dash": (
        ("The Mill Lane bridge was closed on Monday.", f'"{UNSAFE}."', "- Tobias Wren."),
        f"{UNSAFE}.",
    ),
    "label-more-from-name-colon": (
        (WREN_INTRO, f"What the divers found - More from Wren: “{UNSAFE}.”"),
        f"{UNSAFE}.",
    ),
    "label-heres-name-in-a-month-colon": (
        (WREN_INTRO, f"Here’s Wren in March 2024: “{UNSAFE}.”"),
        f"{UNSAFE}.",
    ),
    "inverted-said-name-relative-clause": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f"Said Tobias Wren, who inspected it for the county, “{UNSAFE}.”",
        ),
        f"{UNSAFE}.",
    ),
    "clause-after-quotation-then-said-name-appositive": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'Closing it would mean "{UNSAFE}" traffic on the quay, forcing the ferry to run '
            "all night, said Tobias Wren, the county engineer.",
        ),
        UNSAFE,
    ),
    "two-quotations-then-said-description-and-name": (
        (
            "The Mill Lane bridge was closed on Monday.",
            'Divers did not find "cracks of any kind," aside from the piers being "worn," said '
            "the county's engineer, Tobias Wren.",
        ),
        "cracks of any kind",
    ),
    "says-name-appositive-inside-the-sentence": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'The trouble, says Tobias Wren, the county engineer, is that it is "{UNSAFE}."',
        ),
        f"{UNSAFE}.",
    ),
    "quote-name-appositive-said-of": (
        (WREN_INTRO, f'"{UNSAFE}," Wren, the county engineer, said of the bridge.'),
        UNSAFE,
    ),
    "partial-then-as-name-said": (
        (WREN_INTRO, f'The fact that the bridge "{UNSAFE}," as Wren said on Monday, matters.'),
        UNSAFE,
    ),
    "quote-said-description-known-as-name": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'"{UNSAFE}," said the engineer known as Wren.',
        ),
        UNSAFE,
        "Wren",
    ),
    "description-speaking-to-outlet-said": (
        (WREN_INTRO, f'A county engineer speaking to the Gazette said, "{UNSAFE}."'),
        f"{UNSAFE}.",
    ),
    "name-was-asked-by-name-question": (
        (WREN_INTRO, 'Lorna Pike was asked by Wren, "Will the ferry run at night?"'),
        "Will the ferry run at night?",
    ),
    "asked-by-name-opening-the-sentence": (
        (WREN_INTRO, 'Asked by Wren if the ferry "runs at night," Lorna Pike shrugged.'),
        "runs at night",
    ),
    "gerund-opening-the-sentence-then-the-subject": (
        (WREN_INTRO, f'In declaring the bridge "{UNSAFE}," Wren again showed his temper.'),
        UNSAFE,
    ),
    "participle-opening-the-sentence-then-an-aside-and-the-subject": (
        (WREN_INTRO, f'Acknowledging that it was "{UNSAFE}," though, Wren did keep it open.'),
        UNSAFE,
    ),
    "with-name-taking-to-outlet-to-call": (
        (
            WREN_INTRO,
            "The county denied it, with Wren taking to Twitter to call Lorna Pike "
            f'"{UNSAFE}" for her report.',
        ),
        UNSAFE,
    ),
    "quote-two-authors-wrote": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'"{UNSAFE}," Tobias Wren and Ines Varga wrote in their report.',
        ),
        UNSAFE,
        "Tobias Wren and Ines Varga",
    ),
    "possessive-and-a-speech-noun-before": (
        (WREN_INTRO, 'The council went beyond Wren\'s blunt warning that the bridge was "unsafe."'),
        "unsafe.",
    ),
    "possessive-before-and-speech-noun-after": (
        (WREN_INTRO, 'Wren’s "not this year" remark angered the rowing club.'),
        "not this year",
    ),
    "quote-name-age-place-relative-clause-said": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'"{UNSAFE}," Tobias Wren, 58, of Harlow, Senn Valley, who was among those asked, '
            "said on Tuesday.",
        ),
        UNSAFE,
    ),
    "place-opening-a-role-before-the-name-and-an-aside": (
        (
            "The Mill Lane bridge was closed on Monday.",
            "Harlow state engineer Tobias Wren, clad in a yellow coat that bore the county "
            'crest, said the bridge was "unsafe" for anyone.',
        ),
        "unsafe",
    ),
    "name-told-outlet-in-a-written-statement": (
        (WREN_INTRO, f"Wren told the Tidewater Herald in a written statement, “{UNSAFE}.”"),
        f"{UNSAFE}.",
    ),
    "quote-reacted-name": (
        (WREN_INTRO, f"“The council said it is fine. {UNSAFE}.” reacted Wren."),
        f"The council said it is fine. {UNSAFE}.",
    ),
    "verb-then-dash-and-name-colon": (
        (WREN_INTRO, f"Engineers agree - Tobias Wren: “{UNSAFE}.”"),
        f"{UNSAFE}.",
    ),
    "said-someone-will-continue-to-be": (
        (
            WREN_INTRO,
            "Ines Varga, the mayor, left office on Friday. Wren said he is sure Varga will "
            'continue to be "a friend of the bridge."',
        ),
        "a friend of the bridge.",
    ),
    "as-name-put-it": (
        (WREN_INTRO, f'But at the time, as county engineer Tobias Wren put it, "{UNSAFE}."'),
        f"{UNSAFE}.",
    ),
    "second-verb-after-but-and-a-time-phrase": (
        (
            WREN_INTRO,
            "Ines Varga, the mayor, visited the bridge on Tuesday.",
            "The engineer first said Varga did not see the cracks, but in a later interview "
            f'said "{UNSAFE}," and left.',
        ),
        UNSAFE,
    ),
    "quote-said-campaign-role-and-name": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'"{UNSAFE}," said Varga campaign manager Tobias Wren.',
        ),
        UNSAFE,
    ),
    "said-that-once-something-goes-on": (
        (
            WREN_INTRO,
            f'Wren said that once the council goes on holiday, "{UNSAFE}."',
        ),
        f"{UNSAFE}.",
    ),
    "quote-said-name-participle-then-the-rest": (
        (
            WREN_INTRO,
            "Ines Varga, the mayor, spoke first.",
            f'"{UNSAFE}," said Wren, speaking of politicians, "and it will not be for years."',
        ),
        "and it will not be for years.",
    ),
    "when-name-did-something-and-called": (
        (
            WREN_INTRO,
            "There were sharper words, such as when Wren attacked Varga on Tuesday and called her "
            'plan "reckless," a rare rebuke.',
        ),
        "reckless",
    ),
    "prompted-name-to-do-something-and-call": (
        (
            WREN_INTRO,
            'That prompted Wren to make a joke about ferries and call the plan "very '
            'flexible," a nod to the mayor.',
        ),
        "very flexible",
    ),
    "surname-that-is-a-modal-wrote": (
        (
            "Tobias Will, a columnist, has followed the bridge for years.",
            '"The ferry is fine," Ines Varga, the mayor, said on Monday.',
            f'"{UNSAFE}," Will wrote.',
        ),
        UNSAFE,
        "Tobias Will",
    ),
    "two-quotations-then-name-whose-surname-is-a-title": (
        (
            "The Mill Lane bridge was closed on Monday.",
            f'The bridge is "{UNSAFE}" and "beyond repair," Jules Dean, the county engineer, '
            "said on Tuesday.",
        ),
        UNSAFE,
        "Jules Dean",
    ),
    "label-more-from-two-names-colon": (
        (WREN_INTRO, f"What the divers found - More from Wren and Varga: “{UNSAFE}.”"),
        f"{UNSAFE}.",
        "Tobias Wren and Varga",
    ),
    "quote-said-title-and-title-then-name": (
        (
            "Oskar Voss, the former county engineer, spoke first.",
            f'"{UNSAFE}," said former Harlow Gov. and County Roads Chairman Tobias Wren.',
        ),
        UNSAFE,
    ),
    "description-and-title-then-name-before-participle": (
        (
            "The Mill Lane bridge was closed on Monday.",
            "Former engineer and Harlow Mayor Tobias Wren, who inspected it, told the "
            f'council on Tuesday, calling the bridge "{UNSAFE}."',
        ),
        f"{UNSAFE}.",
    ),
    "headline-dash-two-names-colon": (
        (
            WREN_INTRO,
            f"BRIDGE TO STAY SHUT - Tobias Wren and Ines Varga: “{UNSAFE}.”",
        ),
        f"{UNSAFE}.",
        "Tobias Wren and Ines Varga",
    ),
    "expletive-it-then-name-thanked-and-called": (
        (
            WREN_INTRO,
            "It has become such a row that Wren on Sunday thanked the divers “for their care” "
            f'and called the bridge "{UNSAFE}."',
        ),
        f"{UNSAFE}.",
    ),
    "phrase-after-an-aside-between-dashes": (
        (
            WREN_INTRO,
            "Ines Varga noted that the ferry – what her office calls “a lifeline” – is "
            '"temporary" at best.',
        ),
        "temporary",
        "Ines Varga",
    ),
    "with-name-doing-one-thing-and-asking": (
        (
            "Councillors were quick to chime in.",
            'Engineers agreed, with Tobias Wren writing that it was a "disgrace" and asking, '
            '"Who is going to pay for it?"',
        ),
        "Who is going to pay for it?",
    ),
    "question-name-asked-then-a-sentence-ending-in-no": (
        (WREN_INTRO, '"Who will pay for it?" Wren asked, shaking his head no. "Not the county."'),
        "Who will pay for it?",
    ),
}


@pytest.mark.parametrize(
    ("paragraphs", "quotation", "speaker"),
    [(*form, "Tobias Wren")[:3] for form in ATTRIBUTION_FORMS.values()],
    ids=ATTRIBUTION_FORMS.keys(),
)
def test_attribution_form_names_the_speaker(
    paragraphs: tuple[str, ...], quotation: str, speaker: str | None
) -> None:
    quotes = extract(*paragraphs)

    assert find(quotes, quotation).speaker == speaker


def test_quotation_split_by_its_attribution_has_one_speaker_for_both_parts() -> None:
    quotes = extract(
        WREN_INTRO,
        "Dr. Helen Marsh, a diver, found the cracks.",
        f'"{UNSAFE}," Wren said, "and it will stay closed until the spring."',
    )

    assert find(quotes, UNSAFE).speaker == "Tobias Wren"
    assert find(quotes, "and it will stay closed until the spring.").speaker == "Tobias Wren"


@pytest.mark.parametrize(
    "attributed",
    [
        f'"{UNSAFE}," Wren said.',
        # The sentence that ends the quotation is not the one its cue stands in.
        "“The piers are cracked. The deck is sagging. Would you drive over that?” Wren said.",
    ],
    ids=["one-sentence", "several-sentences"],
)
def test_paragraph_that_only_continues_a_quotation_keeps_its_speaker(attributed: str) -> None:
    quotes = extract(
        WREN_INTRO,
        attributed,
        '"We will close it tonight and keep it closed until the divers have been down again."',
    )

    continued = find(
        quotes, "We will close it tonight and keep it closed until the divers have been down again."
    )
    assert continued.speaker == "Tobias Wren"


def test_quotation_resumed_after_a_cue_with_a_role_keeps_the_named_speaker() -> None:
    # "an economist" after the cue must not make the second part another economist's words.
    quotes = extract(
        "Ines Varga, an economist at the Harlow Institute, disagreed.",
        '"The worry," said Tobias Wren, an economist who heads the Harlow Forecast, '
        '"is that the piers give way in the spring."',
    )

    assert find(quotes, "The worry").speaker == "Tobias Wren"
    assert find(quotes, "is that the piers give way in the spring.").speaker == "Tobias Wren"


def test_speech_in_a_dialogue_goes_to_each_speaker_in_turn() -> None:
    quotes = extract(
        WREN_INTRO,
        "Mayor Lorna Pike met Wren on the riverbank on Tuesday.",
        '"Will it be open for the regatta?" Pike asked.',
        '"Not this year," Wren replied.',
    )

    assert find(quotes, "Will it be open for the regatta?").speaker == "Lorna Pike"
    assert find(quotes, "Not this year").speaker == "Tobias Wren"


#: Cases the extraction code cites by id (`# case resume-across-cue-1`): the paragraphs, the
#: quotation, and its speaker (a name, or the speaker as written when no name is meant).
CITED_CASES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "resume-across-cue-1": (
        (
            '"The danger," said Ivo Brandt, a geologist at the Harlow Institute, "is that the '
            'piers give way in the spring."',
        ),
        "is that the piers give way in the spring.",
        "Ivo Brandt",
    ),
    "resume-across-cue-2": (
        (
            "Piet Varga runs the ferry.",
            '"The river is too high," said Varga, speaking of ferries, "and the quay is flooded."',
        ),
        "and the quay is flooded.",
        "Piet Varga",
    ),
    "according-relays-1": (
        (
            "Mayor Lorna Pike toured the closed Mill Lane bridge on Tuesday.",
            'Pike called the ruling "a disgrace," according to the Tidewater Herald.',
        ),
        "a disgrace",
        "Lorna Pike",
    ),
    "subordinate-shout-1": (
        (
            "Oskar Voss, the mayor, opened the meeting.",
            'When a heckler at the back yelled, "Louder," Voss quipped, "Gladly."',
        ),
        "Louder",
        "a heckler",
    ),
    "subject-talked-about-1": (
        (
            "Rob Hale, the harbour master, and Nell Okafor, a surveyor, inspected the quay.",
            '"We measured twice," said Okafor. Hale "rather overstated it."',
        ),
        "rather overstated it.",
        "Nell Okafor",
    ),
    "actor-just-before-1": (
        (
            "Teo Brack sat through the hearing.",
            'The clerk looked up at him. "Mr. Brack?" He had a few words ready. "Present," '
            'Brack said, "and ready."',
        ),
        "Mr. Brack?",
        "The clerk",
    ),
    "previous-sentence-cue-1": (
        (
            "Jules Farrow, a councillor, spoke on Monday.",
            "Farrow kept his distance from the plan, saying he would vote for it anyway. "
            "“I'm going to back the plan.”",
        ),
        "I'm going to back the plan.",
        "Jules Farrow",
    ),
}


@pytest.mark.parametrize(
    ("paragraphs", "quotation", "speaker"), CITED_CASES.values(), ids=CITED_CASES.keys()
)
def test_case_cited_in_the_code_keeps_its_speaker(
    paragraphs: tuple[str, ...], quotation: str, speaker: str
) -> None:
    quote = find(extract(*paragraphs), quotation)

    assert speaker in {quote.speaker, quote.speaker_as_written}, listing([quote])


@pytest.mark.parametrize(
    "name", ["Joost van der Weerd", "Piet van Alst", "Marisol de la Fuente", "Anouk ten Brink"]
)
def test_a_surname_with_particles_is_one_name_whatever_the_given_name(name: str) -> None:
    """ "Joost van der Weerd, the negotiator, said": the given name opens the sentence and no
    list knows it, but the particles and the surname after it make it a name, not a capital
    at a sentence's start."""
    quotations = extract(
        "Talks resume", f'{name}, the negotiator, said: "{UNSAFE}". Nobody else spoke.'
    )
    assert find(quotations, UNSAFE).speaker == name, listing(quotations)


@pytest.mark.parametrize(
    "name", ["Karim al-Tamimi", "Fathi el-Masri", "Nadia ash-Shami", "Yusuf bin Sadiq"]
)
def test_a_surname_after_the_arabic_article_is_part_of_the_name(name: str) -> None:
    """ "Prime Minister Karim al-Tamimi said": the article before the surname is written in
    lower case, yet the name does not end before it; later "al-Tamimi said" and "Tamimi said"
    (outlets that drop the article) are the same person, not the one quoted between."""
    surname = name.split()[-1]
    bare = surname.split("-")[-1]
    quotations = extract(
        "Elections called",
        f'Prime Minister {name} said on Monday: "We will hold elections in spring."',
        'Foreign Minister Ola Brandt told reporters: "We want calm."',
        f'"This is the end of an era," {surname} said.',
        f'{bare} added: "Nobody will be left behind."',
    )
    assert find(quotations, "We will hold elections in spring.").speaker == name
    assert find(quotations, "This is the end of an era").speaker == name, listing(quotations)
    assert find(quotations, "Nobody will be left behind.").speaker == name, listing(quotations)


@pytest.mark.parametrize(
    ("name", "later"),
    [
        ("Andrés Manuel Ruiz Obrera", "Ruiz Obrera"),  # a double surname
        ("Ingrid von der Haalen", "von der Haalen"),  # particles, in lower case mid-sentence
        ("Mya Thet Khine", "Thet Khine"),  # a name with no surname to speak of
    ],
)
def test_the_last_words_of_a_full_name_are_that_person_later(name: str, later: str) -> None:
    """ "Ruiz Obrera said" after "Mexican President Andrés Manuel Ruiz Obrera": the last two
    words of a name the article gave in full are that person, who keeps the full name and
    the role; the particles of "von der Haalen told" are no role."""
    quotations = extract(
        "Summit ends without a deal",
        f"{name}, the president, struck a defiant tone on Friday.",
        'Trade minister Ola Brandt said: "We want calm."',
        f'"We will not pay," {later} told reporters.',
    )
    found = find(quotations, "We will not pay")
    assert found.speaker == name, listing(quotations)
    assert found.speaker_role == "president", listing(quotations)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (f'The Harbour Herald quoted Tobias Wren as saying: "{UNSAFE}".', "Tobias Wren"),
        (f'The Harbour Herald quoted him as saying: "{UNSAFE}".', "Tobias Wren"),
        (
            f'Wren\'s deputy, Mara Quell, was quoted by the Harbour Herald as saying: "{UNSAFE}".',
            "Mara Quell",
        ),
    ],
)
def test_who_is_quoted_as_saying_speaks_not_who_quotes(sentence: str, speaker: str) -> None:
    """Wire copy: "the Herald quoted Wren as saying '…'" credits Wren, the paper relays."""
    quotations = extract("Bridge closed", WREN_INTRO, sentence)
    assert find(quotations, UNSAFE).speaker == speaker, listing(quotations)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (f'Council leader Gideon Lusk MP said: "{UNSAFE}".', "Gideon Lusk"),
        (f'Former mayor Dora Finch OBE told the Gazette: "{UNSAFE}".', "Dora Finch"),
        (f'"{UNSAFE}," said Keir Vale KC MP.', "Keir Vale"),
        # Before a name the same letters are a title, and the name runs on.
        (f'Labour MP Rob Hale said: "{UNSAFE}".', "Rob Hale"),
    ],
)
def test_letters_after_a_name_are_no_part_of_it(sentence: str, speaker: str) -> None:
    """British news writes honours and offices after the name: "Gideon Lusk MP", "Dora Finch
    OBE" (data/closed_classes.txt, post-nominals)."""
    quotations = extract("Budget row", sentence)
    assert find(quotations, UNSAFE).speaker == speaker, listing(quotations)

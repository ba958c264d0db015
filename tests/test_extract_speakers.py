"""Extraction: who said each quotation, by full name, with the role the article gives them.

A newsroom would rather have no speaker than a wrong one, so a quotation without a credible
speaker (a sign, a slogan, an anonymous source, a quotation with no cue and nobody before it)
has `speaker` None. Surnames, pronouns and titles are resolved to the full name of the person
the article introduced, minding gender and distance. The people, places and outlets are
invented.
"""

from __future__ import annotations

import unicodedata

import pytest
from extraction_support import bare, extract, find, listing, same_role

WREN_INTRO = (
    "Tobias Wren, the county engineer, closed the Mill Lane bridge on Monday after divers "
    "found cracks in two of its piers."
)
UNSAFE = "The bridge is not safe for anyone to cross"

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
            f'The bridge is "{UNSAFE}" and "beyond repair," Howard Dean, the county engineer, '
            "said on Tuesday.",
        ),
        UNSAFE,
        "Howard Dean",
    ),
    "label-more-from-two-names-colon": (
        (WREN_INTRO, f"What the divers found - More from Wren and Varga: “{UNSAFE}.”"),
        f"{UNSAFE}.",
        "Tobias Wren and Varga",
    ),
    "quote-said-title-and-title-then-name": (
        (
            "Jim Doyle, the former county engineer, spoke first.",
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
        '"The risk," said Tobias Wren, an economist who is the director of the Harlow Forecast, '
        '"is that the piers give way in the spring."',
    )

    assert find(quotes, "The risk").speaker == "Tobias Wren"
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


# --- speech verbs ----------------------------------------------------------------------------

STATEMENT = "We will not reopen the bridge before May"
QUESTION = "Who is going to pay for a new bridge?"
#: Verbs that take a question rather than a statement.
QUESTION_VERBS = ("asked", "wondered", "demanded")
#: More than the sixty verbs the issue asks for, past and present tense.
SPEECH_VERBS = (
    "said", "says", "added", "adds", "told reporters", "tells reporters", "wrote",
    "explained", "argued", "insisted", "warned", "noted", "recalled", "declared",
    "announced", "admitted", "acknowledged", "conceded", "claimed", "stated", "remarked",
    "observed", "commented", "continued", "replied", "responded", "answered", "countered",
    "retorted", "asked", "wondered", "demanded", "complained", "protested", "lamented",
    "joked", "quipped", "shouted", "yelled", "whispered", "muttered", "exclaimed",
    "pleaded", "cautioned", "predicted", "promised", "vowed", "pledged", "boasted",
    "confirmed", "suggested", "recounted", "emphasised", "emphasized", "stressed",
    "maintained", "contended", "asserted", "affirmed", "alleged", "agreed", "mused",
    "snapped", "grumbled", "reiterated", "testified", "tweeted", "posted", "texted",
    "murmured", "concluded", "interjected", "reasoned", "objected", "confided",
    "remembered", "pressed", "surmised", "demurred", "reacted", "sang",
)  # fmt: skip


@pytest.mark.parametrize("verb", SPEECH_VERBS)
def test_speech_verb_after_the_quotation_attributes_it(verb: str) -> None:
    quotation = QUESTION if verb in QUESTION_VERBS else STATEMENT
    comma = "" if quotation.endswith("?") else ","
    quotes = extract(WREN_INTRO, f'"{quotation}{comma}" Wren {verb}.')

    assert find(quotes, quotation).speaker == "Tobias Wren"


@pytest.mark.parametrize("verb", ["said", "added", "asked", "wrote", "continued", "replied"])
def test_speech_verb_before_the_name_attributes_it(verb: str) -> None:
    quotes = extract(WREN_INTRO, f'"{QUESTION}" {verb} Wren.')

    assert find(quotes, QUESTION).speaker == "Tobias Wren"


@pytest.mark.parametrize("verb", ["said", "added", "warned", "wrote", "told the committee"])
def test_speech_verb_with_a_colon_before_the_quotation_attributes_it(verb: str) -> None:
    quotes = extract(WREN_INTRO, f'Wren {verb}: "{STATEMENT}."')

    assert find(quotes, f"{STATEMENT}.").speaker == "Tobias Wren"


# --- roles -------------------------------------------------------------------------------------

ROLES: dict[str, tuple[str, str, str | None]] = {
    "appositive-after-said": (
        f'"{STATEMENT}," said Greta Solberg, a senior analyst for river management at the '
        "Halden Institute.",
        "Greta Solberg",
        "a senior analyst for river management at the Halden Institute",
    ),
    "appositive-before-said": (
        f'"{STATEMENT}," Greta Solberg, a senior analyst at the Halden Institute, said.',
        "Greta Solberg",
        "a senior analyst at the Halden Institute",
    ),
    "appositive-with-age": (
        f'"{STATEMENT}," said Hollis Marrow, 70, a retired trawlerman.',
        "Hollis Marrow",
        "a retired trawlerman",
    ),
    "appositive-then-relative-clause": (
        f'"{STATEMENT}," said Felix Amadi, the owner of Amadi Hardware, who has run the shop '
        "since 1998.",
        "Felix Amadi",
        "the owner of Amadi Hardware",
    ),
    "title-before-name": (
        f'"{STATEMENT}," Harbourmaster Ines Calloway said.',
        "Ines Calloway",
        "Harbourmaster",
    ),
    "role-before-name-in-commas": (
        f'"{STATEMENT}," the county engineer, Tobias Wren, said.',
        "Tobias Wren",
        "the county engineer",
    ),
    "description-comma-name-told": (
        f'"{STATEMENT}," another friend, Tobias Wren told the Gazette.',
        "Tobias Wren",
        "friend",
    ),
    "description-placed-comma-name-said": (
        f'Another engineer on the inspection team, Tobias Wren, said: "{STATEMENT}" and left.',
        "Tobias Wren",
        "engineer on the inspection team",
    ),
    "inverted-verb-description-then-name": (
        f'"{STATEMENT}," exhorted the council\'s host, harbourmaster Ines Calloway.',
        "Ines Calloway",
        "harbourmaster, the council's host",
    ),
    "age-alone-is-no-role": (f'"{STATEMENT}," said Hollis Marrow, 70.', "Hollis Marrow", None),
    "relative-clause-is-no-role": (
        f'"{STATEMENT}," said Nessa Quill, who has sold fish on the quay for 30 years.',
        "Nessa Quill",
        None,
    ),
    "no-role": (f'"{STATEMENT}," said Nessa Quill.', "Nessa Quill", None),
}


@pytest.mark.parametrize(("paragraph", "speaker", "role"), ROLES.values(), ids=ROLES.keys())
def test_role_is_what_the_article_calls_the_speaker(
    paragraph: str, speaker: str, role: str | None
) -> None:
    quotes = extract("The Mill Lane bridge was closed on Monday.", paragraph)

    quote = find(quotes, STATEMENT)
    assert quote.speaker == speaker
    assert same_role(role, quote.speaker_role), f"role {quote.speaker_role!r}, expected {role!r}"


def test_role_given_at_introduction_is_repeated_on_later_quotations() -> None:
    quotes = extract(
        "Greta Solberg, a senior analyst at the Halden Institute, said the county had ignored "
        "warnings about the bridge for a decade.",
        '"The cracks were in the 2015 report," Solberg said.',
        '"Nobody read it," she added.',
    )

    for words in ("The cracks were in the 2015 report", "Nobody read it"):
        quote = find(quotes, words)
        assert quote.speaker == "Greta Solberg"
        assert same_role("a senior analyst at the Halden Institute", quote.speaker_role), quote


# --- surnames, honorifics, pronouns and titles resolved to the person ------------------------


def test_surname_resolves_to_the_full_name_introduced_earlier() -> None:
    quotes = extract(WREN_INTRO, "Divers will go down again on Friday.", f'"{UNSAFE}," Wren said.')

    quote = find(quotes, UNSAFE)
    assert quote.speaker == "Tobias Wren"
    assert quote.speaker_as_written == "Wren"


def test_honorific_and_surname_resolve_to_the_full_name() -> None:
    quotes = extract(WREN_INTRO, f'"{UNSAFE}," Mr. Wren said.')

    assert find(quotes, UNSAFE).speaker == "Tobias Wren"


def test_nickname_is_left_out_of_the_full_name() -> None:
    quotes = extract(
        'Fenella "Flash" Okoro has won the Senn regatta three years running.',
        '"I have unfinished business on this river," Okoro said.',
    )

    assert find(quotes, "I have unfinished business on this river").speaker == "Fenella Okoro"


WOMAN_THEN_MAN = (
    "Helen Marsh, a diver with the county, found the cracks on Sunday.",
    "Thomas Brack, who runs the ferry, said he had seen them in the autumn.",
)


def test_pronoun_skips_the_nearest_person_of_the_other_gender() -> None:
    quotes = extract(*WOMAN_THEN_MAN, '"They were the width of my thumb," she said.')

    assert find(quotes, "They were the width of my thumb").speaker == "Helen Marsh"


def test_pronoun_of_the_other_gender_resolves_to_the_man() -> None:
    quotes = extract(*WOMAN_THEN_MAN, '"Nobody listened to me," he said.')

    assert find(quotes, "Nobody listened to me").speaker == "Thomas Brack"


def test_pronoun_resolves_to_the_nearest_person_of_its_gender() -> None:
    quotes = extract(
        "Helen Marsh, a diver with the county, found the cracks on Sunday.",
        "Margaret Oyelowo, who chairs the bridge trust, called an emergency meeting.",
        '"We should have closed it last year," she said.',
    )

    assert find(quotes, "We should have closed it last year").speaker == "Margaret Oyelowo"


def test_pronoun_takes_the_speaker_just_quoted_over_a_person_only_mentioned() -> None:
    quotes = extract(
        "Margaret Oyelowo chairs the bridge trust.",
        '"We raised the money for the last repair," Oyelowo said, thanking Helen Marsh, a '
        "diver who volunteered for the inspection.",
        '"We will raise it again," she said.',
    )

    assert find(quotes, "We will raise it again").speaker == "Margaret Oyelowo"


def test_pronoun_takes_gender_from_how_the_article_speaks_of_the_person() -> None:
    quotes = extract(
        "Oyelaran Tefe, a marine biologist, has counted otters under the bridge since 2019. "
        "Her survey is the longest on the river.",
        "Piet Hollander, a builder, has quoted for the repairs.",
        '"The otters were here first," she said.',
    )

    assert find(quotes, "The otters were here first").speaker == "Oyelaran Tefe"


def test_pronoun_takes_the_only_person_of_its_gender_the_sentence_before_names() -> None:
    quotes = extract(
        "Helen Marsh, a diver with the county, found the cracks on Sunday.",
        '"They were the width of my thumb," Marsh said.',
        "The trust has since hired an engineer, Margaret Oyelowo, to check the other piers.",
        '"Two of them will need new footings," she said.',
    )

    assert find(quotes, "Two of them will need new footings").speaker == "Margaret Oyelowo"


def test_pronoun_keeps_the_subject_a_pronoun_of_the_sentence_before_still_means() -> None:
    quotes = extract(
        "Helen Marsh, a diver with the county, found the cracks on Sunday.",
        '"They were the width of my thumb," Marsh said.',
        "She showed them to an engineer, Margaret Oyelowo, on Monday.",
        '"I had never seen anything like it," she said.',
    )

    assert find(quotes, "I had never seen anything like it").speaker == "Helen Marsh"


def test_pronoun_with_nobody_of_its_gender_has_no_speaker() -> None:
    quotes = extract(
        "Helen Marsh, a diver with the county, found the cracks on Sunday.",
        "Margaret Oyelowo, who chairs the bridge trust, called an emergency meeting.",
        '"Someone will get hurt," he said.',
    )

    assert find(quotes, "Someone will get hurt").speaker is None


@pytest.mark.parametrize(
    "introduction",
    [
        "Harbour board spokesman Owen Tulley would not say when the bridge reopens.",
        "On Friday, Owen Tulley, who sits on the harbour board, would not say when it reopens.",
        "On Friday, harbour board spokesman Owen Tulley would not say when the bridge reopens.",
    ],
    ids=["role-before-name", "after-opening-phrase", "role-after-opening-phrase"],
)
def test_pronoun_resolves_to_the_subject_of_the_sentence_before(introduction: str) -> None:
    quotes = extract(
        "Tobias Wren, the county engineer, closed the Mill Lane bridge on Monday.",
        '"The piers need a month of work," Wren said.',
        "The ferry company wants the bridge open by spring. " + introduction,
        '"I have nothing to announce yet," he said.',
    )

    assert find(quotes, "I have nothing to announce yet").speaker == "Owen Tulley"


def test_pronoun_skips_a_person_the_article_speaks_of_as_the_other_gender() -> None:
    quotes = extract(
        "Robin Achterberg, the county engineer, closed the bridge on Monday after he found "
        "cracks in the piers. Achterberg said his team would start work in March.",
        '"We will not cut corners," Achterberg said.',
        "Achterberg's caution seemed wise to Sunniva Pell, a lecturer in civil engineering.",
        '"He is doing exactly what the code asks of him," she said.',
    )

    assert find(quotes, "He is doing exactly what the code asks of him").speaker == "Sunniva Pell"


def test_person_named_after_saying_is_not_the_speaker_of_the_next_pronoun() -> None:
    quotes = extract(
        "Amrit Dhillon, who chairs the bridge trust, spoke to the council on Tuesday.",
        "Dhillon repeated the trust's offer in an interview, saying Mayor Idris Kaan was "
        "committed to a spring opening.",
        '"We will pay for the divers ourselves," he said.',
    )

    assert find(quotes, "We will pay for the divers ourselves").speaker == "Amrit Dhillon"


def test_dateline_place_is_not_the_speaker_of_a_pronoun() -> None:
    quotes = extract(
        "ASHFORD FALLS, Vt. — Crews began repairs on the Mill Lane bridge on Monday after a week "
        "of rain.",
        '"It will take a month," he said.',
    )

    assert find(quotes, "It will take a month").speaker is None


@pytest.mark.parametrize(
    ("introduction", "cue", "holder", "role"),
    [
        ("Mayor Lorna Pike toured the bridge on Tuesday.", "the mayor said", "Lorna Pike", "Mayor"),
        (
            "Ines Calloway, the harbourmaster, moved the ferry mooring downstream.",
            "the harbourmaster said",
            "Ines Calloway",
            "the harbourmaster",
        ),
        (WREN_INTRO, "the county engineer said", "Tobias Wren", "the county engineer"),
    ],
    ids=["title-before-name", "appositive", "two-word-title"],
)
def test_title_resolves_to_the_holder_the_article_names(
    introduction: str, cue: str, holder: str, role: str
) -> None:
    quotes = extract(
        introduction,
        "Dr. Helen Marsh, a diver, found the cracks.",
        f'"Nobody crosses until it is fixed," {cue}.',
    )

    quote = find(quotes, "Nobody crosses until it is fixed")
    assert quote.speaker == holder
    assert same_role(role, quote.speaker_role), quote


def test_title_nobody_in_the_article_holds_has_no_speaker() -> None:
    quotes = extract(
        "Mayor Lorna Pike toured the bridge on Tuesday.",
        '"The county will pay for a temporary crossing," the minister said.',
    )

    assert find(quotes, "The county will pay for a temporary crossing").speaker is None


# --- organisations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "quotation", "organisation"),
    [
        (
            (
                '"Supplies will be back by Thursday," the Brackwater Water Board said in a '
                "statement.",
            ),
            "Supplies will be back by Thursday",
            "Brackwater Water Board",
        ),
        (
            (
                "The Brackwater Water Board replaced the main under Quay Street overnight.",
                '"Supplies will be back by Thursday," the board said.',
            ),
            "Supplies will be back by Thursday",
            "Brackwater Water Board",
        ),
        (
            ('The Fenmoor Growers\' Association said: "Our members will not sell below cost."',),
            "Our members will not sell below cost.",
            "Fenmoor Growers' Association",
        ),
        (
            ('"We have diverted every lorry we can," Marrowgate Logistics said on Monday.',),
            "We have diverted every lorry we can",
            "Marrowgate Logistics",
        ),
    ],
    ids=["named-in-the-attribution", "the-board-said", "apostrophe-in-the-name", "company"],
)
def test_organisation_is_the_speaker_without_a_role(
    paragraphs: tuple[str, ...], quotation: str, organisation: str
) -> None:
    quotes = extract("Quay Street was without water for two days.", *paragraphs)

    quote = find(quotes, quotation)
    assert bare(quote.speaker) == organisation
    assert quote.speaker_role is None


# --- no credible speaker ---------------------------------------------------------------------

NO_SPEAKER: dict[str, tuple[tuple[str, ...], str]] = {
    "sign": (
        (
            WREN_INTRO,
            'A sign on the barrier read "BRIDGE CLOSED. USE FERRY." Wren said the ferry would '
            "run every half hour.",
        ),
        "BRIDGE CLOSED. USE FERRY.",
    ),
    "slogan-on-banners": (
        (WREN_INTRO, 'Banners along the quay read "Hands off our bridge" on Saturday morning.'),
        "Hands off our bridge",
    ),
    "slogan-chanted-by-a-crowd": (
        (WREN_INTRO, 'About 200 people marched to the town hall chanting "Fix it now!"'),
        "Fix it now!",
    ),
    "anonymous-source": (
        (
            WREN_INTRO,
            '"We were told to keep quiet about the cracks," said one county worker, who asked '
            "not to be named.",
        ),
        "We were told to keep quiet about the cracks",
    ),
    "no-cue-and-nobody-before": (
        (
            "The Mill Lane bridge was closed on Monday, and the ferry has taken its traffic.",
            '"The water came up to the second step."',
            "The river has risen by a metre since Friday.",
        ),
        "The water came up to the second step.",
    ),
    "subordinate-clause-after-the-quotation": (
        (
            "Ines Varga, a ferry pilot, spoke on Monday.",
            'Pilots say he was "kind of riding the fence" until Varga said she was leaving.',
        ),
        "kind of riding the fence",
    ),
    "group-saying-what-someone-else-did": (
        (
            WREN_INTRO,
            'That is why critics say he had proposed to "abandon" the bridge all along.',
        ),
        "abandon",
    ),
    "new-sentence-opening-with-and-after-the-quotation": (
        (
            "The Mill Lane bridge was closed on Monday.",
            'The engineers would not say when it reopens, answering only that it is "in hand." '
            "And Tobias Wren, the county engineer, said he had not been asked.",
        ),
        "in hand.",
    ),
    "new-sentence-with-a-that-clause-after-the-quotation": (
        (
            "The Mill Lane bridge was closed on Monday.",
            'The council went further, accusing the divers of "scaremongering." Tobias Wren '
            "suggested that the piers were sound.",
        ),
        "scaremongering.",
    ),
    "sentence-opening-it-is-nobody": (
        (
            "The Harlow Rowing Club said on Monday it would move the regatta.",
            'It was only last spring that the bridge was called "the safest in the county."',
        ),
        "the safest in the county.",
    ),
}


@pytest.mark.parametrize(("paragraphs", "quotation"), NO_SPEAKER.values(), ids=NO_SPEAKER.keys())
def test_quotation_without_a_credible_speaker_has_none(
    paragraphs: tuple[str, ...], quotation: str
) -> None:
    quotes = extract(*paragraphs)

    quote = find(quotes, quotation)
    assert quote.speaker is None, listing([quote])
    assert quote.speaker_role is None


# --- groups ----------------------------------------------------------------------------------


@pytest.mark.parametrize("group", ["County engineers", "Legal observers", "Aides to the mayor"])
def test_group_of_role_holders_is_the_speaker_as_written(group: str) -> None:
    quotes = extract(WREN_INTRO, f'{group} say the bridge is "beyond repair."')

    quote = find(quotes, "beyond repair.")
    assert quote.speaker is None  # a group, not one person to name
    assert quote.speaker_as_written == group


# --- descriptions tied to someone else -------------------------------------------------------

TIED_DESCRIPTIONS = {
    "person-close-to-before-verb": (
        '"We are not worried," a person close to Wren said.',
        "a person close to Wren",
    ),
    "person-close-to-after-verb": (
        '"We are not worried," said a person close to Wren.',
        "a person close to Wren",
    ),
    "adviser-to": (
        '"We are not worried," a senior adviser to Wren said.',
        "a senior adviser to Wren",
    ),
    "source-familiar-with": (
        "A source familiar with Wren’s thinking said: “We are not worried,” and left it there.",
        "A source familiar with Wren’s thinking",
    ),
    "involved-in": (
        '"We are not worried," said one engineer involved in the inspection, who asked not to be '
        "named.",
        "one engineer involved in the inspection",
    ),
    "long-description": (
        '"We are not worried," said a former senior county road safety official.',
        "a former senior county road safety official",
    ),
    "role-of-an-organisation-before-the-verb": (
        'The chairman of Fallowmere Holdings said "We are not worried" and left.',
        "The chairman of Fallowmere Holdings",
    ),
    "spokesman-who-declined-but-said": (
        "A spokesman for Wren declined to comment on the divers but said in a statement that "
        '"We are not worried," and no more.',
        "A spokesman for Wren",
    ),
    "spokesman-could-only-quip": (
        'The timing was so odd that a spokesman for Wren could only quip: "We are not worried,"'
        " and left.",
        "a spokesman for Wren",
    ),
    "age-as-the-description": (
        '"We are not worried," the 58-year-old said on Tuesday.',
        "the 58-year-old",
    ),
    "description-with-a-year": (
        '"We are not worried," said a 2019 Wren adviser.',
        "a 2019 Wren adviser",
    ),
    "group-with-ties-to-a-person": (
        'Several engineers with longtime ties to Wren said "We are not worried," and left.',
        "Several engineers with longtime ties to Wren",
    ),
    "one-confidant-of-a-person": (
        '"We are not worried," said one Wren confidant.',
        "one Wren confidant",
    ),
    "one-of-a-group-after-the-verb": (
        '"We are not worried," said one of two engineers who inspected the piers.',
        "one of two engineers",
    ),
    "one-inside-a-place-saying": (
        "One engineer inside the county office played the cracks down, saying "
        '"We are not worried," and left.',
        "One engineer",
    ),
    "spokesman-for-a-person-before-the-verb": (
        'A spokesman for Wren said "We are not worried" when asked on Tuesday.',
        "A spokesman for Wren",
    ),
}


@pytest.mark.parametrize(
    ("paragraph", "described"), TIED_DESCRIPTIONS.values(), ids=TIED_DESCRIPTIONS.keys()
)
def test_description_tied_to_a_named_person_is_not_that_person(
    paragraph: str, described: str
) -> None:
    quotes = extract(WREN_INTRO, paragraph)

    quote = find(quotes, "We are not worried")
    assert quote.speaker is None, listing([quote])
    assert quote.speaker_as_written == described


SUBJECT_DESCRIPTIONS = {
    "two-descriptions-joined-by-and": (
        "The county's chief engineer and former secretary of state said the ferry was an "
        '"exception" to the rule.',
        "The county's chief engineer and former secretary of state",
    ),
    "a-candidates-campaign": (
        'The Varga campaign projects that the ferry will be an "exception" to the rule.',
        "The Varga campaign",
    ),
    "group-then-a-noun-like-verb": (
        'Harbour observers note the ferry would not truly be an "exception" to the rule.',
        "Harbour observers",
    ),
    "two-descriptions-after-the-quotation": (
        'The ferry is an "exception," the county engineer and former secretary of state said '
        "on Tuesday.",
        "the county engineer and former secretary of state",
    ),
    "nearest-clause-before-and-said": (
        "A group of rowers called for a boycott, and the county's old engineering society "
        'denounced the plan and said the ferry was an "exception" to the rule.',
        "the county's old engineering society",
    ),
    "news-outlets-reported": (
        'Multiple outlets reported on Wednesday that the ferry was an "exception" to the rule.',
        "Multiple outlets",
    ),
    "place-possessive-role": (
        "The Harlow council's new engineer on Tuesday rejected the mayor's offer to make an "
        '"exception" for the regatta.',
        "The Harlow council's new engineer",
    ),
    "subject-after-a-participle-phrase-and-a-name-with-its-appositive": (
        "Preceded at the lectern by Tobias Wren, the county engineer and bridge inspector, the "
        'mayor launched into a lament for the ferry, an "exception" to the rule.',
        "the mayor",
    ),
    "share-of-people-said": (
        'Asked about the ferry, 21 percent said it was an "exception" to the rule.',
        "21 percent",
    ),
    "counted-group-of-a-where-clause-then-participle": (
        "Wren spoke at the quay, where about 50 fishermen had gathered on Monday, chanting "
        '"exception" over and over.',
        "about 50 fishermen",
    ),
    "counted-group-then-two-participles": (
        "Outside the hall, about 200 fishermen gathered in clusters, holding signs and "
        'chanting "exception" over and over.',
        "about 200 fishermen",
    ),
    "subject-of-as-clause-after-a-speech-verb-then-participle": (
        '"Who pays?" Wren asks as a harbour official walks in, saying the ferry is an '
        '"exception" to the rule.',
        "a harbour official",
    ),
}


def test_participle_after_a_subordinate_clause_belongs_to_the_sentence_otherwise() -> None:
    quotes = extract(WREN_INTRO, 'Wren shut the bridge when it cracked, saying it was "unsafe."')

    assert find(quotes, "unsafe.").speaker == "Tobias Wren"


def test_participle_after_when_clause_following_a_speech_verb_is_that_clauses() -> None:
    quotes = extract(
        WREN_INTRO,
        "Ines Varga runs the harbour.",
        '"Too late?" Wren wrote when Varga closed the quay with a notice, remarking, '
        '"Safety first."',
    )

    assert find(quotes, "Safety first.").speaker == "Ines Varga"


@pytest.mark.parametrize(
    ("paragraph", "described"),
    SUBJECT_DESCRIPTIONS.values(),
    ids=SUBJECT_DESCRIPTIONS.keys(),
)
def test_description_as_the_subject_is_the_speaker_as_written(
    paragraph: str, described: str
) -> None:
    quotes = extract("The Mill Lane bridge was closed on Monday.", paragraph)

    assert find(quotes, "exception").speaker_as_written == described


DOCUMENT_SUBJECTS = {
    "quote-then-the-document-read": (
        "“The regatta cannot go ahead,” the letter read. It was signed by the rowing club.",
        "the letter",
    ),
    "quote-then-read-the-document": (
        "“The regatta cannot go ahead,” read the statement, which the club sent on Monday.",
        "the statement",
    ),
    "inverted-verb-and-a-dated-editorial": (
        "“The regatta cannot go ahead,” reads a Wednesday editorial in the Tidewater Herald.",
        "a Wednesday editorial",
    ),
    "letter-from-obtained-by": (
        "A March 3 letter from the Harlow Rowing Club obtained by the Tidewater Herald warns "
        "that “the regatta cannot go ahead.”",
        "A March 3 letter from the Harlow Rowing Club",
    ),
    "letter-to": (
        "A letter to county councillors warns that “the regatta cannot go ahead.”",
        "A letter to county councillors",
    ),
    "report-by": (
        "A report by the Tidewater Herald says “the regatta cannot go ahead.”",
        "A report by the Tidewater Herald",
    ),
    "named-body-then-its-document": (
        "A 2024 Harlow Rowing Club report found that “the regatta cannot go ahead.”",
        "A 2024 Harlow Rowing Club report",
    ),
    "according-to-a-named-summary": (
        "The club's plan, according to its Harbourside summary, “the regatta cannot go ahead.”",
        "its Harbourside summary",
    ),
    "document-then-two-verbs": (
        "The club's new leaflet attacks the council for taking “too long” and claims that "
        "“the regatta cannot go ahead.”",
        "The club's new leaflet",
    ),
}


@pytest.mark.parametrize(
    ("paragraph", "described"), DOCUMENT_SUBJECTS.values(), ids=DOCUMENT_SUBJECTS.keys()
)
def test_document_from_someone_is_the_speaker_not_whoever_it_names(
    paragraph: str, described: str
) -> None:
    quotes = extract(WREN_INTRO, paragraph)

    [quote] = [q for q in quotes if q.text.lower().startswith("the regatta cannot go ahead")]
    assert quote.speaker is None, listing([quote])
    assert quote.speaker_as_written == described


def test_a_person_who_read_a_statement_is_not_reported_speech_of_the_sentence_before() -> None:
    # "read" after a comma is the person reading, not a document reading out what came before.
    quotes = extract(
        "At a meeting on Monday night, Ines Varga, chair of the Harlow Rowing Club, read a "
        "statement to about 90 members:",
        '"The regatta cannot go ahead this year."',
    )

    assert find(quotes, "The regatta cannot go ahead this year.").speaker == "Ines Varga"
    assert not [q for q in quotes if q.text.startswith("At a meeting")], listing(quotes)


@pytest.mark.parametrize(
    ("sentence", "described"),
    [
        (
            "Another Methodist who worshipped at the chapel and who did not want to be named "
            'said the council was "not worried" at all.',
            "Another Methodist",
        ),
        (
            "Wren says the bridge will close after a woman in Harlow, Massachusetts, told him "
            'she was "not worried" about the piers.',
            "a woman",
        ),
    ],
    ids=["two-relative-clauses", "person-of-a-place-after-a-subordinator"],
)
def test_subject_of_a_partial_quotation_is_the_speaker_as_written(
    sentence: str, described: str
) -> None:
    quotes = extract(WREN_INTRO, sentence)

    quote = find(quotes, "not worried")
    assert quote.speaker_as_written == described, listing([quote])
    assert quote.speaker is None


# --- two people who speak together -----------------------------------------------------------

VARGA_INTRO = "Ines Varga, the harbour master, inspected the piers with Tobias Wren."


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        (f'"{UNSAFE}," Tobias Wren and Ines Varga wrote.', "Tobias Wren and Ines Varga"),
        (
            f'CLOSED FOR GOOD - Tobias Wren and Ines Varga: "{UNSAFE}."',
            "Tobias Wren and Ines Varga",
        ),
        (f'More from Wren and Varga: "{UNSAFE}."', "Wren and Varga"),
        (
            f'Wren and Varga issued a statement calling it "{UNSAFE}" and the piers "rotten."',
            "Wren and Varga",
        ),
        (
            f'"{UNSAFE}," county engineers Tobias Wren and Ines Varga of Harlow\'s Institute '
            "for Bridge Safety wrote in May.",
            "Tobias Wren and Ines Varga",
        ),
        (
            f'Wren and Ines Varga, the harbour master, explained how it was: "{UNSAFE}."',
            "Wren and Ines Varga",
        ),
        (
            f'Wren and Varga both denounced the bridge as "{UNSAFE}" on Monday.',
            "Wren and Varga",
        ),
    ],
    ids=[
        "quote-pair-wrote",
        "label-pair-colon",
        "more-from-pair",
        "pair-subject",
        "quote-role-pair-of-body-wrote",
        "pair-appositive",
        "pair-both-then-verb",
    ],
)
def test_two_people_speaking_together_are_both_the_speaker(sentence: str, written: str) -> None:
    quotes = extract(WREN_INTRO, VARGA_INTRO, sentence)

    quote = next(q for q in quotes if q.text.startswith(UNSAFE))
    assert quote.speaker == "Tobias Wren and Ines Varga", listing([quote])
    assert quote.speaker_as_written == written
    assert quote.speaker_role is None  # what the text says of one is no role of both


def test_second_of_two_names_after_a_verb_speaks_alone() -> None:
    quotes = extract(
        WREN_INTRO, VARGA_INTRO, f'Pike thanked Wren and Varga said it was "{UNSAFE}."'
    )

    assert find(quotes, f"{UNSAFE}.").speaker == "Ines Varga"


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
        "A judge fined a man on Monday after the man had posted on his own website that the "
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
        "Boos rang out when Wren mentioned the ferry, and at one point the crowd loudly "
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
        "Trump spoke, and the harbour's oldest trade organisation the Tessel Sound Dockworkers' "
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
        "Wren has cast Lorna Pike as unqualified and accused her of making racist remarks by "
        'using the term "superpredator" in the 1990s.',
    )

    assert find(quotes, "superpredator").speaker == "Tobias Wren"


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
        'The judge then turned to her. "Ms. Pike?" She had a statement ready. "Your Honor," '
        'Pike said, "the ferry is safe."',
    )

    assert find(quotes, "Ms. Pike?").speaker_as_written == "The judge"


def test_dateline_date_is_not_the_subject_of_a_participle() -> None:
    quotes = extract(
        "HARLOW, Dec. 8 (Senn Wire) — After the vote, the county's chief engineer rallied "
        'her staff, saying: "We have to be ready."'
    )

    assert find(quotes, "We have to be ready.").speaker_as_written == "the county's chief engineer"


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
        'Wren "got it wrong. This is not something he should say."',
    )

    assert find(quotes, "got it wrong. This is not something he should say.").speaker == (
        "Lorna Pike"
    )


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
        "Wren was at his desk with other engineers when a member of the family suggested they "
        'post a picture of the bridge with a "closed" sign.',
    )

    assert find(quotes, "closed").speaker_as_written == "a member of the family"


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

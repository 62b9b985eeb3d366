"""Attribution patterns a news reader meets, one short real-looking case each.

Each case checks what a user of the speaker facet and of `quote:` would see: who is tagged,
and which words are recorded as said, in their own words or reported.
"""

from __future__ import annotations

import pytest

from searchapp.extract.quotes import Quote, curl_quotes
from searchapp.extract.speakers import extract_quotes, extract_speakers


def quotes(*paragraphs: str) -> list[list[Quote]]:
    return extract_quotes(list(paragraphs), ["body"] * len(paragraphs))


def speakers(*paragraphs: str) -> list[list[str]]:
    return extract_speakers(list(paragraphs), ["body"] * len(paragraphs))


LEAD = "Roscosmos chief Dmitry Rogozin announced the decision on Saturday."


# --- direct quotations: order, verb position, quotation marks -----------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "“The sanctions will not be lifted,” Rogozin wrote.",
        "“The sanctions will not be lifted,” wrote Rogozin.",
        "“The sanctions will not be lifted,” said Rogozin on Twitter.",
        "Rogozin wrote: “The sanctions will not be lifted.”",
        "Rogozin said, “The sanctions will not be lifted.”",
        '"The sanctions will not be lifted," Rogozin wrote.',
        '"The sanctions will not be lifted,” Rogozin wrote.',  # mixed marks, as pasted
        "''The sanctions will not be lifted,'' Mr. Rogozin wrote.",  # NYT's two apostrophes
    ],
)
def test_direct_quote_in_any_order_and_any_marks(paragraph: str) -> None:
    (_, found) = quotes(LEAD, paragraph)
    assert found == [Quote("Dmitry Rogozin", "The sanctions will not be lifted.", True)] or (
        found == [Quote("Dmitry Rogozin", "The sanctions will not be lifted", True)]
    )


def test_unclosed_quotation_continues_over_four_paragraphs() -> None:
    found = quotes(
        "Rogozin wrote on Telegram: “The position of our partners is clear.",
        "“The purpose of the sanctions is to kill the Russian economy.",
        "“It is clear that they will not be able to do this.",
        "“The restoration of normal relations is possible only after the lifting.”",
        "The statement came a day after NASA spoke.",
    )
    assert [[q.speaker for q in para] for para in found] == [["Rogozin"]] * 4 + [[]]
    assert all(q.direct for para in found[:4] for q in para)


def test_a_second_sentence_of_the_same_quotation_keeps_its_speaker() -> None:
    (found,) = quotes(
        "“We will not give up,” said Senator Jane Moss. “The votes are there. We will win.”"
    )
    assert [(q.speaker, q.direct) for q in found] == [("Jane Moss", True), ("Jane Moss", True)]


# --- reported speech and documents -------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("Rogozin said that the station could fall on Europe.", "Dmitry Rogozin"),
        ("Rogozin alleged the sanctions were meant to destroy Russian industry.", "Dmitry Rogozin"),
        ("Rogozin suggested the station could not survive without Russia.", "Dmitry Rogozin"),
        ("Roscosmos announced it would end cooperation once the deadline passed.", "Roscosmos"),
        (
            "Terry Virts, a former commander of the ISS, told Fox News that Putin is to blame.",
            "Terry Virts",
        ),
        ("The station could fall on Europe, according to Rogozin.", "Dmitry Rogozin"),
        ("Nelson's letter states that cooperation will continue.", "Bill Nelson"),
        ("A series of tweets from Rogozin suggested the decision was final.", "Dmitry Rogozin"),
    ],
)
def test_reported_speech_names_its_source(paragraph: str, speaker: str) -> None:
    found = quotes(LEAD + " NASA Administrator Bill Nelson wrote back.", paragraph)[1]
    assert [q.speaker for q in found] == [speaker]
    assert not found[0].direct
    assert "according to" not in found[0].text and " said " not in f" {found[0].text} "


# --- pronouns and descriptions -----------------------------------------------------------


def test_he_said_and_a_description_resolve_to_the_introduced_person() -> None:
    found = speakers(
        LEAD,
        "“The ISS will die by its own death,” he said.",
        "The Roscosmos chief added that no date had been set.",
    )
    assert found[1:] == [["Dmitry Rogozin"], ["Dmitry Rogozin"]]


def test_she_said_goes_to_the_woman_when_a_man_was_named_last() -> None:
    found = speakers(
        "Senator Maria Lopez questioned the plan at a hearing with Tom Reed, the budget chief.",
        "“This does not add up,” she said.",
    )
    assert found[1] == ["Maria Lopez"]


def test_he_said_after_a_new_speaker_goes_to_that_speaker() -> None:
    found = speakers(
        "“We will vote no,” said Mark Hale, the mayor.",
        "Neil Hart, who managed Joan Park's 2012 campaign, said the fear was real.",
        "“I'm amazed that people are surprised,” he said.",
    )
    assert found[2] == ["Neil Hart"]


# --- organisations -------------------------------------------------------------------------


def test_organisations_speak_and_acronyms_join_their_long_name() -> None:
    found = speakers(
        "The Canadian Space Agency did not reply on Friday.",
        "NASA said the station was operating normally.",
        "CSA said later that its support for the program was unchanged.",
        "The Washington Post reported that the letters were sent in March.",
    )
    assert found[1:] == [["NASA"], ["Canadian Space Agency"], ["Washington Post"]]


# --- one name per entity --------------------------------------------------------------------


def test_short_forms_titles_and_a_misspelling_join_the_full_name() -> None:
    found = speakers(
        "Former astronaut Terry Virts spoke to reporters.",
        "Virt said Putin was destroying the space industry.",
        "“It is over,” said Roscosmos chief Dmitry Rogozin.",
        "“Let them fly on broomsticks,” Mr. Rogozin wrote.",
    )
    assert found[1:] == [["Terry Virts"], ["Dmitry Rogozin"], ["Dmitry Rogozin"]]


def test_cyrillic_display_name_is_transliterated_to_the_latin_name() -> None:
    found = speakers(
        LEAD,
        "Позиция наших партнеров ясна. — Дмитрий РОГОЗИН (@DRogozin_ru) April 2, 2022",
    )
    assert found[1] == ["Dmitry Rogozin"]


# --- not speakers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "Newsweek has reached out to NASA for comment.",
        "The Hamden Journal asked Roscosmos for a response.",
        "NASA astronaut Mark Vande Hei returned to Earth on Wednesday.",
        "The ISS is operated through a “co-operative program” involving the U.S. and Russia.",
        "At a rally in Portsmouth, N.H., voters waited for hours.",
        "A reporter for the Associated Press called the vote “pure theatre.”",
    ],
)
def test_no_speaker(paragraph: str) -> None:
    assert speakers(paragraph) == [[]]


def test_a_photo_credit_in_a_caption_is_not_a_speaker() -> None:
    kinds = ["caption", "body"]
    paragraphs = ["Photo: Bill Ingalls/NASA said to be taken on Friday.", LEAD]
    assert extract_speakers(paragraphs, kinds)[0] == []


def test_a_scare_quote_is_not_a_quotation_but_a_full_one_is() -> None:
    found = quotes(
        "The “co-operative program” is ending.",
        "Rogozin wrote: “We are ending the co-operative program with NASA now.”",
    )
    assert found[0] == []
    assert [q.direct for q in found[1]] == [True]


def test_transcript_labels_name_the_speaker() -> None:
    found = speakers(
        "Radio host Joan Miles interviewed Gov. Carl Reyes on Sunday.",
        "MILES: Will the budget pass?",
        "REYES: It will pass next week, with votes to spare.",
    )
    assert found[1:] == [["Joan Miles"], ["Carl Reyes"]]


def test_a_label_written_as_a_name_names_the_speaker_when_it_recurs() -> None:
    """ "Moriarty: Not this year." is an interview's answer when the article names Declan
    Moriarty and the label opens several answers; a run-in or a place written the same
    way ("Background:", "Kilkenny:") is no speaker."""
    found = speakers(
        "Minister Declan Moriarty sat down with the Examiner last week.",
        "Q: Why are so few grants paid out?",
        "Moriarty: Because the inspections take time.",
        "Q: Will the grant be extended?",
        "Moriarty: Not this year.",
    )
    assert found[2::2] == [["Declan Moriarty"], ["Declan Moriarty"]]
    assert speakers(
        "Minister Declan Moriarty visited Kilkenny on Monday.",
        "Kilkenny: The county has 1,200 vacant homes.",
        "Background: The scheme opened in 2022.",
        "Moriarty: Not this year.",
    ) == [[], [], [], []]


def test_a_dateline_in_capitals_is_no_transcript_label() -> None:
    """ "CHENNAI: Tamil novelist ..." opens a story; a label names someone of the article,
    starts with a first name or opens other paragraphs too, and opening the article only
    the last will do ("MIRZAGARH:" with a Mirzagarh Water in the story is a dateline)."""
    assert speakers(
        "CHENNAI: Tamil novelist Kalaiselvi Ramanathan has won the Thenmozhi Prize.",
        "LAHORE: A new electric bus route began operations on Saturday.",
    ) == [[], []]
    assert speakers(
        "MIRZAGARH: The provincial assembly witnessed uproar on Wednesday.",
        "Mirzagarh Water said the supply would resume.",
    ) == [[], ["Mirzagarh Water"]]
    assert speakers(
        "The candidates met on CNN.",
        "JAKE TAPPER: Why not debate?",
        "OKAFOR: We will.",
        "OKAFOR: Never.",
    ) == [[], ["Jake Tapper"], ["Okafor"], ["Okafor"]]


@pytest.mark.parametrize(
    "paragraph",
    [
        "'It's pushed the fire straight towards Mount Carrock,' he said.",
        "‘It’s pushed the fire straight towards Mount Carrock,’ he said.",
        "‘The players’ union pushed the fire towards Mount Carrock,’ he said.",
    ],
)
def test_single_quotation_marks_quote_as_british_papers_write_them(paragraph: str) -> None:
    lead = "Incident controller Mick Dorrington said crews were stretched."
    (_, found) = quotes(lead, paragraph)
    assert [(q.speaker, q.direct) for q in found] == [("Mick Dorrington", True)]
    assert "Mount Carrock" in found[0].text


def test_a_bare_single_quoted_paragraph_goes_on_with_the_speaker_before() -> None:
    found = speakers(
        "'The wind change came through an hour early,' incident controller Mick Dorrington said.",
        "'If you haven't left, you need to enact your fire plan now. Do not get in your car.'",
    )
    assert found == [["Mick Dorrington"], ["Mick Dorrington"]]


@pytest.mark.parametrize(
    "text",
    [
        "In the '90s, the party's leaders' views changed.",  # apostrophes only
        "Rock 'n' roll is fine, she's sure.",
        "'A change warrior.'",  # a quoted subhead, as US papers write them
        "He said “it’s ‘fine’” today.",  # single marks inside double ones stay inner
    ],
)
def test_apostrophes_and_subheads_are_not_single_quoted_speech(text: str) -> None:
    assert "“" not in curl_quotes(text).replace("“it’s ‘fine’”", "")


def test_curled_quotes_keep_offsets() -> None:
    text = 'He said "yes" and "no".'
    assert curl_quotes(text) == "He said “yes” and “no”."
    assert len(curl_quotes(text)) == len(text)


def test_coordinated_sources_each_speak_but_an_introductory_phrase_does_not() -> None:
    found = speakers(
        "Governors Ann Cole and Mark Hale say Senator Tim Ford has not been tested.",
        "Of Ford, Senator Lisa Park said voters would find it hard to look past the label.",
    )
    assert found == [["Ann Cole", "Mark Hale"], ["Lisa Park"]]


def test_the_agent_of_a_passive_cue_is_the_source() -> None:
    assert speakers("The meeting was first reported by Politico on Tuesday.") == [["Politico"]]


def test_the_antecedent_of_who_said_is_the_source_even_as_an_object() -> None:
    found = speakers(
        "The mayor has had a frosty relationship with council leader Dana Webb, who in 2019 "
        "said the goal was to make him a “one-term mayor.”"
    )
    assert found == [["Dana Webb"]]


def test_a_quoted_nickname_is_part_of_the_name_not_a_quotation() -> None:
    (found,) = quotes('Rep. Robert C. "Bobby" Lane said the plan would fail.')
    assert [(q.speaker, q.direct) for q in found] == [("Robert C. Lane", False)]
    # After a full given name too, and a nickname of several words.
    (found,) = quotes("Marcia “Queen Bee” Yearwood said the young man deserved it.")
    assert [(q.speaker, q.direct) for q in found] == [("Marcia Yearwood", False)]
    (found,) = quotes('Trevor "The Professor" Boxill said the crowd was kind.')
    assert [(q.speaker, q.direct) for q in found] == [("Trevor Boxill", False)]
    # A quoted title after a lowercase word stays a quotation.
    (found,) = quotes('Boxill said it was "Big Fun" Tuesday, Boxill said.')
    assert [q.direct for q in found] == [True]


def test_an_organisation_named_with_on_or_for_is_one_speaker() -> None:
    found = speakers(
        "The nonpartisan Commission on Presidential Debates says the microphones were checked.",
        "“It is a tax on work,” the Center for American Progress said.",
    )
    assert found == [["Commission on Presidential Debates"], ["Center for American Progress"]]


def test_a_description_finds_its_person_by_affiliation_when_two_are_in_play() -> None:
    found = speakers(
        LEAD,
        "ESA Director General Josef Aschbacher wrote that he would forward the letter.",
        "The Roscosmos director criticized having to wait for responses from Europe.",
    )
    assert found[1:] == [["Josef Aschbacher"], ["Dmitry Rogozin"]]


def test_a_possessive_statement_is_its_owners_only_when_no_one_else_is_speaking() -> None:
    found = speakers(
        "FactWatch checked Mayor Tom Reed’s claim that there were “thousands of new jobs” in town.",
        "Campaign spokesman Eli Stone responded, calling Reed’s charge “pathetic” and “false.”",
    )
    assert found == [["Tom Reed"], ["Eli Stone"]]


def test_the_one_asked_is_not_the_speaker_but_the_one_asking_is() -> None:
    found = speakers(
        "Senator Ann Lowe spoke in Ohio. Lowe was asked to name a vote she regretted.",
        "Lowe was asked by CNBC moderator Paul Grant whether her plan would work.",
        "Lowe is saying that the count was fair.",
    )
    assert found == [[], ["Paul Grant"], ["Ann Lowe"]]


def test_german_and_french_quotation_marks_are_quotations() -> None:
    from searchapp.extract.speakers import extract_speakers

    assert extract_speakers(
        [
            "Economy Minister Annika Strehle rebuked him.",
            "„Bridges are not interested in the debt brake,“ Strehle told reporters.",
            "« We will not give in », said Marie Dupont.",
        ],
        ["body"] * 3,
    )[1:] == [["Annika Strehle"], ["Marie Dupont"]]

"""Attribution shapes, on invented paragraphs: who a cue, a colon or a clause points at."""

from __future__ import annotations

import pytest

from searchapp.extract.attribution_model import RulesAlone
from searchapp.extract.name_spans import iter_spans
from searchapp.extract.name_words import looks_like_org
from searchapp.extract.speakers import extract_quotes, extract_speakers


def said(*paragraphs: str) -> list[list[str]]:
    return extract_speakers(list(paragraphs), ["body"] * len(paragraphs))


def test_a_colon_before_a_quotation_gives_it_to_the_clause_subject() -> None:
    """Any verb, or none, says "said" when a colon opens the quotation."""
    assert said(
        "Mayor Helen Okoro visited the flooded district on Monday.",
        "Okoro stood on the bridge, then turned to the crowd and thundered: “We will rebuild.”",
    )[1] == ["Helen Okoro"]
    assert said(
        "The Lagos Port Authority was blunt in its annual report: “Congestion costs us dearly.”"
    ) == [["Lagos Port Authority"]]


def test_a_name_right_before_the_colon_is_the_speaker() -> None:
    assert said('Sen. Maria Lund (D-Minn.):"Nobody on this committee has seen the report."') == [
        ["Maria Lund"]
    ]


def test_a_colon_quotation_is_not_given_to_a_possessive_or_a_preposition() -> None:
    """ "Lund's critics were blunt:" is the critics speaking, "a headline from X:" is X's
    only as a document, and a verb of saying in the clause decides by its own rule."""
    assert (
        said(
            "Maria Lund spoke in Duluth.",
            "Lund’s critics were blunt: “The plan would bankrupt the county within a decade.”",
        )[1]
        == []
    )
    assert said(
        "Maria Lund spoke in Duluth. Omar Vance was there.",
        "Vance told reporters: “Lund is wrong about the budget and the schools.”",
    )[1] == ["Omar Vance"]


def test_a_verb_joined_by_but_belongs_to_the_clause_subject() -> None:
    assert said(
        "Councillor Ruth Abara used to back the stadium plan, but now says it is “a waste of "
        "public money that the city cannot afford.”"
    ) == [["Ruth Abara"]]


def test_an_unknown_word_in_the_opening_phrase_is_not_the_subject() -> None:
    assert said(
        "Coach Ines Moreau praised the squad.",
        "Hours later, Moreau thanked the fans, telling reporters, “This city carried us today.”",
    )[1] == ["Ines Moreau"]


def test_a_verb_before_a_role_makes_the_first_name_a_subject() -> None:
    """ "Okoro told host Sam Reyes" is Okoro telling, not an affiliation "Okoro host"."""
    assert said(
        "Mayor Helen Okoro was a guest on the morning show.",
        "Okoro told host Sam Reyes the bridge is “safe for every car and truck in the city.”",
    )[1] == ["Helen Okoro"]


def test_an_absolute_participle_has_its_own_subject() -> None:
    """ "with Vance warning" is Vance speaking, not the clause's subject."""
    assert said(
        "Omar Vance and Maria Lund debated the levy.",
        "Residents packed the hall, with Vance warning that the levy was “the last chance the "
        "schools will get for years.”",
    )[1] == ["Omar Vance"]


def test_a_role_word_between_two_names_leaves_the_person() -> None:
    assert said(
        "Maria Lund spoke in Duluth.",
        "“She will win this county,” said Lund ally Peter Haug, a farmer from Cloquet.",
    )[1] == ["Peter Haug"]


def test_an_ing_form_after_an_article_is_a_noun_not_a_cue() -> None:
    assert (
        said(
            "The Riverside Action Group was formed last year.",
            "The group fought the quarry for a year, the blasting having cracked “dozens of homes "
            "along the river road.”",
        )[1]
        == []
    )


def test_an_unnamed_spokesperson_speaks_for_the_organisation() -> None:
    assert said("A spokesperson for Harlow Borough Council said the road would reopen.") == [
        ["Harlow Borough Council"]
    ]
    assert said(
        "Police arrested a woman at the scene.",
        "She was later released on bail, a West Yorkshire Police spokesman said.",
    )[1] == ["West Yorkshire Police"]


def test_a_member_of_an_organisation_does_not_speak_for_it() -> None:
    """ "said a Republican National Committee member" is someone unnamed, not the
    committee; "said a council spokesperson" is the council, as "a spokesperson for" is."""
    assert said("“We want answers,” said a prominent Harlow Borough Council member.") == [[]]
    assert said("“We were ignored,” said one longtime Kenya Red Cross Society volunteer.") == [[]]
    assert said("“We are ready,” said a Harlow Borough Council spokesperson.") == [
        ["Harlow Borough Council"]
    ]


def test_an_organisations_description_never_resolves_to_a_person() -> None:
    """ "The union said" with no union named is nobody, not the coach named before."""
    assert (
        said(
            "Gonzaga answered with a 12-0 run. “We just kept attacking,” Few said.",
            "The union said in its release that members voted 94 per cent in favour.",
        )[1]
        == []
    )


def test_an_organisations_first_word_alone_is_that_organisation() -> None:
    assert said(
        "Pilots at Skyreach Airlines voted to strike on Monday.",
        "Skyreach said in a statement that it was disappointed by the vote.",
    )[1] == ["Skyreach Airlines"]
    # A place is not the newspaper named after it.
    assert (
        said("The Washington Post reported the vote.", "Washington said the talks would resume.")[1]
        == []
    )


def test_a_capitalised_word_opening_a_sentence_keeps_the_storys_organisation() -> None:
    assert said(
        "Halvard Foods said profit fell.",
        "Shares of Halvard have fallen 22 percent this year.",
        "The company said it would give more details in December.",
    )[2] == ["Halvard Foods"]


def test_a_stray_comma_after_a_party_label_keeps_the_subject() -> None:
    assert said("Gov. Ana Ruiz (R-Ohio), said, “We are ready to govern this state again.”") == [
        ["Ana Ruiz"]
    ]


def test_police_without_the_is_the_force_the_story_named_or_nobody() -> None:
    assert said(
        "Officers from West Yorkshire Police were called to the house on Monday.",
        "Police said she would appear in court on Tuesday.",
        "A man was arrested, police said.",
    )[1:] == [["West Yorkshire Police"], ["West Yorkshire Police"]]
    # No force named: "police" is nobody, not the organisation the story is about.
    assert (
        said(
            "The White House condemned the shooting on Friday.",
            "Police said a gunman opened fire inside the building.",
        )[1]
        == []
    )


def test_a_name_leading_a_clause_after_but_is_who_she_stands_for() -> None:
    """ "X broke early, but Y replied": Y leads her own clause, so the next "she" is Y."""
    found = said(
        "Ana Ruiz beat Maria Holt in three sets on Thursday.",
        "Holt broke in the opening game of the decider, but Ruiz replied at once.",
        "“I knew I could come back,” she said.",
    )
    assert found[2] == ["Ana Ruiz"]


def test_the_company_is_the_organisation_introduced_as_a_company() -> None:
    """Not the organisation named last: the one written "independent company X". The
    rules' own first choice, before the model (which weighs how sure such a "the company"
    is)."""
    found = extract_quotes(
        [
            "The play is staged by independent company Lorong Theatre at the Victoria Hall.",
            "The National Arts Council, which funded it, said it backed new Hokkien works.",
            "A second run is being planned for next year, the company said.",
        ],
        ["body"] * 3,
        RulesAlone(),
    )
    assert [q.speaker for q in found[2]] == ["Lorong Theatre"]


def test_a_description_written_before_its_name_is_that_names_role() -> None:
    """ "The research firm Mardell Insight" is Mardell Insight, not a reference back to the
    organisation the story is about. The rules' own first choice, before the model."""
    found = extract_quotes(
        [
            "The Retail Workers Union said the closures were a hammer blow.",
            "According to figures from the research firm Mardell Insight, sales fell 2%.",
        ],
        ["body", "body"],
        RulesAlone(),
    )
    assert "Retail Workers Union" not in [q.speaker for q in found[1]]


def test_the_post_is_the_one_organisation_of_the_article_ending_in_post() -> None:
    """ "The Post" after "The Washington Post", in the article itself: the facet cannot
    count on the corpus to make it salient."""
    found = said(
        "The Washington Post reported on Monday that the deal was off.",
        "The Post said the talks had collapsed.",
    )
    assert found[1] == ["Washington Post"]
    # A person of that name keeps it: "Post" is not her newspaper.
    assert (
        "Washington Post"
        not in said("Lena Post visited the Washington Post.", "Post said she had left.")[1]
    )


def test_a_dateline_is_not_the_subject_of_the_sentence_after_it() -> None:
    """Wire and newspaper datelines outside the US ("New Delhi:", "Pretoria –", "LAGOS,
    March 3 (Reuters) -"): the sentence, and its subject, start after them."""
    assert said(
        "New Delhi: The Supreme Court on Monday pulled up the state government over its "
        "night shelters, observing that the homeless cannot be left to the weather."
    ) == [["Supreme Court"]]
    assert said(
        "Pretoria – The City of Tshwane on Tuesday apologised to residents, saying supply "
        "would be restored by Sunday."
    ) == [["City of Tshwane"]]
    assert said(
        "HYDERABAD: The Telangana High Court on Monday stayed the felling of the trees, "
        "observing that the State cannot treat a canopy as an inconvenience."
    ) == [["Telangana High Court"]]


def test_forecasts_and_submissions_are_statements() -> None:
    """Business and court English: a company "forecast" its earnings, counsel "submitted
    that"; "submitted her resignation" reports no words."""
    assert said(
        "Nordhavn Line on Thursday forecast a sharp fall in 2025 earnings.",
        "Appearing for the city, counsel Pranav Khurana submitted that funds had been released.",
        "Asha Menon submitted her resignation on Monday.",
    ) == [["Nordhavn Line"], ["Pranav Khurana"], []]


def test_an_organisation_after_a_preposition_is_not_what_the_group_refers_to() -> None:
    """ "Published on the JSE's news service, the group said": the group is the company
    the story is about, not the exchange named in passing."""
    found = extract_quotes(
        [
            "Kestrel Group said trading had been strong.",
            "In a statement published on the Exchange News Service on Wednesday, the group "
            "said sales grew 9.4%.",
        ],
        ["body", "body"],
        RulesAlone(),
    )
    assert [q.speaker for q in found[1]] == ["Kestrel Group"]


def test_a_role_stands_for_the_person_given_that_role() -> None:
    """ "The minister", "said the skipper", "the coroner": the person the article wrote with
    that role, even in a lede that names her only in the next paragraph, and nobody else:
    "the judge" of a story that names no judge is not the lawyer named before."""
    assert said(
        "The Minister for Housing has told the Dáil that rents will be capped for two years.",
        "Housing Minister Aoife Brennan said the measure would be reviewed in 2027.",
        "“We will not stand by while families are priced out,” the minister said.",
    ) == [["Aoife Brennan"], ["Aoife Brennan"], ["Aoife Brennan"]]
    assert said(
        "Rana Haddad, the coroner, opened the inquest on Monday.",
        "Lawyer Tom Ward stood for the family. The coroner said the death was accidental.",
    )[1] == ["Rana Haddad"]
    assert (
        said(
            "Lawyer Tom Ward argued for bail on Monday.",
            "The judge said the risk of flight was too great.",
        )[1]
        == []
    )


def test_a_role_written_after_a_name_is_that_names() -> None:
    """ "Roberta Lange, the state party chairwoman, said": Lange speaks, and the appositive
    is not a second source standing for someone named before."""
    assert said(
        "Ines Moreau lost the vote on Saturday.",
        "Roberta Lange, the state party chairwoman, said she had received threats.",
    )[1] == ["Roberta Lange"]


def test_a_name_written_as_an_appositive_with_its_role_is_the_subject() -> None:
    """ "One of the victims, teacher Faith Jeptoo, said", "The District Director, Dr Abena
    Owusu-Ansah, said"; but not an object inside a phrase ("founder of the Media Research
    Center, tells") nor a participle's ("Nieto, contradicting Trump, said")."""
    assert said(
        "One of the victims, teacher Faith Jeptoo, said she lost her savings.",
        "The District Director of Health Services, Dr Abena Owusu-Ansah, said most were.",
        "Brent Osei, founder of the Harbour Research Center, tells the paper he agrees.",
        "Ana Pena Nieto, contradicting Tom Trask, said the talks had failed.",
    ) == [["Faith Jeptoo"], ["Abena Owusu-Ansah"], ["Brent Osei"], ["Ana Pena Nieto"]]


def test_a_post_on_a_platform_that_says_something_is_speech() -> None:
    """ "Posted on X that ..." reports words; "posted a video on his channel" does not."""
    assert said(
        "Opposition lawmaker Arshad Bhatti posted on X that the route had been rushed.",
        "Tom Ode posted a video on his channel.",
    ) == [["Arshad Bhatti"], []]


def test_a_place_before_a_residents_name_is_where_she_lives() -> None:
    """ "Saltbush Rise resident Dianne Loxley ... but thought": the suburb is no speaker."""
    assert said(
        "Saltbush Rise resident Dianne Loxley said she heard a car but thought it was hoons."
    ) == [["Dianne Loxley"]]


def test_analysts_at_an_organisation_speak_for_it_at_a_sentence_start() -> None:
    assert said(
        "Analysts at Kilimani Capital Partners described the results as “solid” in a note."
    ) == [["Kilimani Capital Partners"]]


def test_a_persons_name_ends_before_of_and_her_organisation() -> None:
    """ "Sergeant Lisa Crawshaw of Eastmoor Police's roads policing unit said": Crawshaw,
    not an organisation named after her; "Bank of America" stays whole."""
    assert said(
        "Outside court, Sergeant Lisa Crawshaw of Eastmoor Police's roads policing unit "
        "said: “Your phone should be out of reach.”",
        "Tom Ward of Harlow Borough Council said the road would reopen.",
        "A spokesman for Bank of America said it would not comment.",
    ) == [["Lisa Crawshaw"], ["Tom Ward"], ["Bank of America"]]


def test_an_organisations_name_keeps_its_and() -> None:
    """After an office "of" something, or after "The" when it ends in an organisation's
    word; two names joined by "and" stay two."""
    assert said(
        "Nobody was available, the Department of Health and Wellness said.",
        "The Drumcaillín and District Landowners' Group, which represents 34 farmers, said "
        "it would seek a review.",
    ) == [["Department of Health and Wellness"], ["Drumcaillín and District Landowners' Group"]]
    assert said("A week later Ana Ruiz and Fox News said the report was wrong.") == [["Fox News"]]


def test_a_name_modifying_a_noun_is_not_the_clause_subject() -> None:
    """ "Entered the Redgum Fuels outlet ... and demanded": the outlet did not demand."""
    assert said(
        "The men entered the Redgum Fuels outlet on Carnaby Road and demanded the attendant "
        "open the till."
    ) == [[]]


def test_the_judge_is_the_justice_the_article_named() -> None:
    """News writes one role two ways: "Justice K. Rao ... the judge asked"."""
    assert said(
        "Justice K. Lakshmi Rao, hearing the petition, said no tree should be cut.",
        "Senior counsel Vasudha Krishnan submitted that the road could be widened.",
        "“Who will answer to the people walking on that road in May?” the judge asked.",
    ) == [["K. Lakshmi Rao"], ["Vasudha Krishnan"], ["K. Lakshmi Rao"]]


def test_a_union_of_a_country_keeps_its_place_and_its_acronym_is_no_subject() -> None:
    assert said(
        "But the Progressive Teachers' Union of South Africa (Protusa) said in a statement "
        "that the improvement masked a high drop-out rate."
    ) == [["Progressive Teachers' Union of South Africa"]]


def test_an_acronym_the_article_defines_is_its_long_form() -> None:
    """ "Directorate of Criminal Investigations (DCI) officers ..., the DCI said": one
    speaker, though "Directorate" is no word organisations are known by."""
    assert (
        said(
            "Directorate of Criminal Investigations (DCI) officers recovered 214 SIM cards, the "
            "DCI said in a statement on Thursday.",
            "According to the DCI, the gang posed as customer care agents.",
        )
        == [["Directorate of Criminal Investigations"]] * 2
    )


def test_a_name_introduced_as_a_business_is_an_organisation() -> None:
    """ "British housebuilder Carraway Homes" is a company however its name looks, so it
    opens its clause and "the company" is it, a place named after it notwithstanding;
    "Florida developer Tom Sembler" stays a man."""
    assert said(
        "LONDON, Sept 18 (Reuters) - British housebuilder Carraway Homes cut its profit "
        "forecast on Wednesday, blaming weak demand in southern England.",
        "The company said it now expects pretax profit of 140 million pounds.",
    ) == [["Carraway Homes"], ["Carraway Homes"]]
    assert said(
        "Florida developer Tom Sembler met the candidate.",
        "“I kept telling myself that won't happen,” he said.",
    )[1] == ["Tom Sembler"]


def test_a_day_after_on_is_no_part_of_an_organisations_name() -> None:
    """ "The Commission on Presidential Debates", but not "the Security Council on Friday";
    and an organisation after "the" opens its clause ("the Supreme Court blocked ...,
    citing")."""
    assert said(
        "The United Nations Security Council on Friday issued a statement calling it a violation.",
        "In 1986, the Supreme Court blocked the company from leaving, citing a threat to "
        "public health.",
    ) == [["United Nations Security Council"], ["Supreme Court"]]


def test_irish_council_titles_and_surname_particles() -> None:
    """ "Cathaoirleach Cllr Pádraig Ó Flaithearta", "Cllr Bríd Nic Giolla Easpaig": titles
    go, and "Nic" starts her surname, not a given name, so her "she said" is hers."""
    assert said(
        "Cathaoirleach Cllr Pádraig Ó Flaithearta (FF) said the greenway would transform "
        "the county.",
        "Cllr Bríd Nic Giolla Easpaig (Ind), who voted against, said she backed the idea.",
        "“They were offered a leaflet and a meeting in the middle of calving season,” she said.",
    ) == [["Pádraig Ó Flaithearta"], ["Bríd Nic Giolla Easpaig"], ["Bríd Nic Giolla Easpaig"]]


def test_sport_and_weather_verbs_that_are_not_speech() -> None:
    """ "Claimed seven for 54" and "claimed the title" are won; "Typhoon Mayumi slammed
    into the coast" is no one speaking. "Claimed that" still is."""
    assert said(
        "Left-arm spinner Hasnain Qureshi claimed seven for 54 as the Panthers won.",
        "Ana Ruiz claimed the title in Doha on Sunday.",
        "Typhoon Mayumi slammed into the coast of Luzon early on Wednesday.",
        "Ana Ruiz claimed that the race had been unfair.",
    ) == [[], [], [], ["Ana Ruiz"]]


def test_a_warning_issued_is_a_statement() -> None:
    """And a name with a capital inside ("MetService") is a name at a sentence start."""
    assert said(
        "The Meteorological Agency has issued a red heavy rain warning for the district.",
        "The Harbour Board issued a permit for the jetty.",
        "MetService has issued a red heavy rain warning for the district until 6pm.",
    ) == [["Meteorological Agency"], [], ["MetService"]]


def test_an_organisation_speaks_through_its_branch_and_as_the_lender() -> None:
    """ "The Lagos branch of the union said", "the lender said" (Reuters's word for the bank
    the story is about), and "with Harbour Airlines, the airline said", a clause of its own."""
    assert said(
        "The Ogbere branch of the Association of Market Men and Women said in a communiqué "
        "that it had instructed its lawyers.",
        "LAGOS, March 3 (Reuters) - Meridian Atlantic Bank posted a 74% jump in profit.",
        "The lender said in a statement that profit before tax rose.",
    ) == [
        ["Association of Market Men and Women"],
        ["Meridian Atlantic Bank"],
        ["Meridian Atlantic Bank"],
    ]
    assert said("The co-pilot logged 2,766 hours with Harbour Airlines, the airline said.") == [
        ["Harbour Airlines"]
    ]


def test_an_abbreviated_title_opens_an_appositive_name() -> None:
    assert said(
        "The chairman of the Local Government Area, Hon. Rasheed Akanbi-Oyelowo, said the "
        "market had become a fire hazard."
    ) == [["Rasheed Akanbi-Oyelowo"]]


def test_an_appositive_needs_its_closing_comma_before_the_verb() -> None:
    """ "Near Barretts Pen, the Jamaica Constabulary Force said": the force speaks, not the
    place before the comma; "Mark Holden, chairman of Freedom Partners, said" is Holden."""
    assert said(
        "The farmer was swept away near Barretts Pen, the Jamaica Constabulary Force said.",
        "Mark Holden, chairman of the board of Freedom Partners, said it was over.",
    ) == [["Jamaica Constabulary Force"], ["Mark Holden"]]


def test_a_possessive_is_not_the_subject_of_a_joined_verb() -> None:
    """ "The union's general secretary, Maeve de Róiste, said ... and called for": the
    secretary, not whatever "the union" would stand for."""
    assert said(
        "Carrigmoyle University Hospital was full on Tuesday.",
        "The union's general secretary, Maeve de Róiste, said staff were at breaking point "
        "and called for admissions to be paused.",
    )[1] == ["Maeve de Róiste"]


def test_letters_after_a_name_and_roles_written_in_capitals() -> None:
    """ "Judge Alistair Penrose KC", "Community Safety MEC Busisiwe Ngwenya-Mahlangu ... The
    MEC said", "Vice-Chancellor ... the VC said", "the Taoiseach said"."""
    assert said(
        "Judge Alistair Penrose KC jailed her, telling her: “You treated their savings as "
        "your own.”",
        "Community Safety MEC Busisiwe Ngwenya-Mahlangu visited the scene. The MEC said a "
        "task team had been assembled.",
        "Vice-Chancellor Funmi Adegbite defended the rise. “We did not take this lightly,” "
        "the VC said.",
        "Taoiseach Colm Mac Suibhne spoke in the Dáil. “Nobody here pretends it is "
        "acceptable,” the Taoiseach said.",
    ) == [
        ["Alistair Penrose"],
        ["Busisiwe Ngwenya-Mahlangu"],
        ["Funmi Adegbite"],
        ["Colm Mac Suibhne"],
    ]


def test_according_to_figures_released_by_an_organisation() -> None:
    assert said(
        "According to the latest quarterly crime statistics released by the South African "
        "Police Service, robberies rose by 22%."
    ) == [["South African Police Service"]]


def test_according_to_a_document_filed_or_signed_by_someone_is_theirs() -> None:
    """The document's author, after the role the story gives them; not someone the
    document's authors are aides "to"."""
    assert said(
        "“The evidence cannot prove all legally required elements,” according to a court "
        "document filed by state attorney Dana Whitcombe.",
        "The plant will close in June, according to a letter signed by union president "
        "Maria Lopes.",
        "The plant will close, according to a letter written by aides to Governor Tom Ruiz.",
    ) == [["Dana Whitcombe"], ["Maria Lopes"], []]


def test_a_document_with_its_publisher_in_apposition_is_the_publishers() -> None:
    """ "The report, published by X on Tuesday, found": X's finding, when it came out
    written between the publisher and the verb."""
    assert said(
        "The report, published by the Harwick Institute on Tuesday, found that rents rose "
        "12 per cent.",
        "The review, written by Dr Amal Haddad of Cairo University, said the dam was unsafe.",
    ) == [["Harwick Institute"], ["Amal Haddad"]]


def test_an_office_named_for_its_holder_is_an_organisation() -> None:
    """ "The Manhattan District Attorney's Office said": the office, not a role written
    "the ... District Attorney" nor a lone "Office"."""
    assert said(
        "The suspect was arrested on Friday, the Harlan County Sheriff's Department said.",
        "The Manhattan District Attorney's Office said the case would be dropped.",
        "Police seized the drugs at the port, the Valparaíso Regional Prosecutor's Office said.",
    ) == [
        ["Harlan County Sheriff's Department"],
        ["Manhattan District Attorney's Office"],
        ["Valparaíso Regional Prosecutor's Office"],
    ]


def test_an_associations_name_keeps_and_and_where_it_is() -> None:
    assert said(
        "The Association of Towns and Municipalities of Lower Saxony said in a letter that "
        "any change must come with revenue."
    ) == [["Association of Towns and Municipalities of Lower Saxony"]]


def test_a_bulletin_or_an_assessment_is_its_issuers() -> None:
    """Weather services issue bulletins, institutes assessments: "the bulletin said" is the
    directorate's, "The institute's annual assessment found" the institute's."""
    assert said(
        "The Coastal Weather Directorate said in its latest bulletin that the cyclone would "
        "make landfall on Sunday.",
        "“Ports must hoist danger signal number 10,” the bulletin said.",
    ) == [["Coastal Weather Directorate"], ["Coastal Weather Directorate"]]
    assert said(
        "The Baltic Marine Monitoring Institute published its annual report on Monday.",
        "The institute's annual assessment found that dead zones now cover 74,000 square "
        "kilometres.",
    ) == [[], ["Baltic Marine Monitoring Institute"]]


def test_a_communique_signed_by_two_officers_is_their_bodys() -> None:
    """ "The X Forum, in a communiqué signed by its chairman, Dr A, and secretary, Dr B,
    called on": the forum speaks, not the last signer."""
    assert said(
        "The Benue Nurses' Forum, in a communiqué signed by its chairman, Dr Yusuf Adamu, "
        "and secretary, Dr Grace Ochai, called on the government to pay allowances."
    ) == [["Benue Nurses' Forum"]]


def test_what_the_held_out_us_batch_taught() -> None:
    """A party's name in its own language is no person "he" could be; "refused to rule
    out" is an answer; the outlet that obtained a memo did not write it; "Indigenous
    advocates" are not a speaker named Indigenous."""
    assert said(
        "The sovereigntist Parti Québécois was reduced to three seats, though leader Mathieu "
        "St-Laurent won his own riding. “The flame is still alive,” he told supporters.",
        "Greenland is not for sale, the premier said, after President-elect Gordon Asher "
        "refused to rule out using military pressure.",
        "The agency began reviewing its plans, according to a memo obtained by The Beltway "
        "Dispatch.",
        "Ms. Carrow also met privately with civil society leaders, including Indigenous "
        "advocates and journalists.",
    ) == [["Mathieu St-Laurent"], ["Gordon Asher"], [], []]


def test_an_appositive_of_two_names_is_both_speakers() -> None:
    """ "Two members of the caucus, Reps. A of Texas and B of Florida, said": both; not the
    words of a ministry's name listed with commas and "and"."""
    assert said(
        "Two members of the House Freedom Caucus, Reps. Brandon Tull of Texas and Marisol "
        "Ocampo of Florida, said in a joint statement that they would oppose the bill.",
        "Joyce Akello, the commissioner at the Ministry of Agriculture, Animal Industry and "
        "Fisheries, welcomed the findings, saying they showed the crackdown was working.",
    ) == [["Brandon Tull", "Marisol Ocampo"], ["Joyce Akello"]]


def test_a_source_reported_inside_anothers_words_is_not_the_paragraphs() -> None:
    """ "The Valley Times reports Beck will endorse Cruz": the paper's report, not Beck's
    words; but a quotation the inner source speaks is theirs, a relative "which said" has
    its own clause, and "..., the ministry said" is the outer source."""
    assert said(
        "The Valley Times reports Glenn Barker will endorse Ted Cruz at a rally on Saturday.",
        "Ms McCreadie told the hearing that Gary Rennison replied: ‘We’re not a charity.’",
        "Danjuma said the company was cooperating with the Consumer Protection Commission, "
        "which said in February that it had opened an investigation.",
        "Spain and Morocco have agreed to reopen customs posts, the Spanish Ministry of "
        "Foreign Affairs said on Friday.",
    ) == [
        ["Valley Times"],
        ["Gary Rennison", "McCreadie"],
        ["Danjuma", "Consumer Protection Commission"],
        ["Spanish Ministry of Foreign Affairs"],
    ]


def test_a_press_secretary_is_no_pressing() -> None:
    assert said(
        "“Nothing has changed,” White House press secretary Josh Earnest told reporters."
    ) == [["Josh Earnest"]]


def test_a_website_named_with_its_domain_is_one_name() -> None:
    """ "GunBroker.com said": the company, which "the company" and "it" then stand for."""
    assert said(
        "GunBroker.com said the listing broke its rules.",
        "“We want no part in the listing,” the company said.",
        "It added, “We will cooperate with the police.”",
    ) == [["GunBroker.com"], ["GunBroker.com"], ["GunBroker.com"]]


def test_a_dash_parenthetical_between_subject_and_verb_leaves_the_subject() -> None:
    """ "Byrne — who was posted at the door for three years — states": Byrne's, with em
    dashes or with the double hyphens of wire copy."""
    assert said(
        "The mayor, Ana Ruiz — who was elected in March — said the budget was balanced.",
        "Council leader Tom Ward -- a former teacher -- told reporters it was not.",
    ) == [["Ana Ruiz"], ["Tom Ward"]]


def test_a_head_knock_is_no_criticism() -> None:
    assert said(
        "The Rams lost lock Harrison Oyelaran-Smith to a head knock in the 50th minute.",
        "Ana Ruiz knocked the plan as a waste of money.",
    ) == [[], ["Ana Ruiz"]]


def test_results_posted_and_appeals_made_are_statements_and_pleas_are_not() -> None:
    """Business and court English: a bank "posted a 9% rise in profit", a chairman
    "appealed to the government to intervene"; "appealed the ruling" is a court's matter,
    and "pleaded not guilty", "admitted fraud" are pleas, not words reported."""
    assert said(
        "SINGAPORE, Feb 13 (Reuters) - Kallang Pacific Bank posted a 9% rise in net profit.",
        "Parents' leader Samuel Okoh appealed to the Federal Government to intervene.",
        "Ana Ruiz appealed the ruling on Monday.",
        "Tom Ode pleaded not guilty to all the counts.",
        "Lorraine Cutteridge, 54, of Sallowfield Rise, admitted fraud by abuse of position.",
        "Donald Trump admitted that he had been wrong.",
    ) == [["Kallang Pacific Bank"], ["Samuel Okoh"], [], [], [], ["Donald Trump"]]


def test_a_contracted_pronoun_is_still_the_subject() -> None:
    """ "He's claiming that ..." is "he is", not a possessive."""
    assert said(
        "Donald Trump spoke in Michigan.",
        "He’s claiming that voting fraud is “a big, big problem in this country.”",
    )[1] == ["Donald Trump"]


def test_irish_and_malay_names_keep_their_particles() -> None:
    """ "Liam Ó hAodha", "Baile na Móna boss Séamus Mac Giolla Bhríde", "Datuk Dr Hamidah
    Abdul Rauf": whole names, not the place before them nor "Abdul Rauf"."""
    assert said(
        "“There were lads in that dressing room crying,” said Cnoc an Iúir manager Liam Ó "
        "hAodha, who lined out in the 1998 final.",
        "Baile na Móna boss Séamus Mac Giolla Bhríde said he would not be going crying to "
        "anyone about it.",
        "BANDAR SERI KENANGA: Hand, foot and mouth disease cases have risen by 60 per cent "
        "this year, said state health director Datuk Dr Hamidah Abdul Rauf.",
    ) == [["Liam Ó hAodha"], ["Séamus Mac Giolla Bhríde"], ["Hamidah Abdul Rauf"]]


def test_dutch_and_german_names_keep_ten_and_zu() -> None:
    """ "Erik ten Hag", "Karl-Theodor zu Guttenberg": one person, not "Erik" or the club
    before the role."""
    assert said(
        "“We were robbed,” said Ajax coach Pieter ten Brink.",
        "“I will not resign,” said Karl-Theodor zu Falkenau.",
    ) == [["Pieter ten Brink"], ["Karl-Theodor zu Falkenau"]]


def test_analysts_at_a_firm_with_a_mans_name_and_claims_of_members() -> None:
    """ "Analysts at Tsavo Capital said" is the firm's; "once claimed more than 12,000
    members" is a boast of size, not words reported."""
    assert said(
        "Analysts at Tsavo Capital said the ruling would put pressure on other retailers.",
        "PulseCore, founded in 2015, once claimed more than 12,000 members.",
    ) == [["Tsavo Capital"], []]


def test_a_declaration_and_a_novel_written_are_no_statements() -> None:
    """ "Declared with eight down" ends an innings; "wrote the novel" makes a book;
    "claim the vacant Welsh super-lightweight title" wins one."""
    assert said(
        "Captain Ollie Ferraby declared with eight down once the lead passed 200.",
        "Thandeka Mahlangu-Smit works as a clerk and wrote the novel over four years.",
        "Rhys Bevan-Thomas stopped his man in the sixth to claim the vacant Welsh "
        "super-lightweight title.",
        "Ollie Ferraby declared that the pitch was unfit.",
    ) == [[], [], [], ["Ollie Ferraby"]]


def test_names_with_apostrophes_hyphens_and_a_first_name_in_ing() -> None:
    """ "Trish O'Dwyer-Kent", "Mrs Blessing Okonkwo-Ibe" (a given name, not "Following"),
    "its President-General, Chief Festus Akindele-Ojo" (a title, "Chief", then the statement's
    signer, who speaks with the union)."""
    assert said(
        "Mayor Trish O'Dwyer-Kent said in a post on Facebook that crews were sandbagging.",
        "The Odo-Ora Development Union, in a statement by its President-General, Chief "
        "Festus Akindele-Ojo, called on the state to establish a security post.",
        "The notice was signed by its secretary, Mrs Blessing Okonkwo-Ibe, who said the "
        "members were patient.",
    ) == [
        ["Trish O'Dwyer-Kent"],
        ["Odo-Ora Development Union", "Festus Akindele-Ojo"],
        ["Blessing Okonkwo-Ibe"],
    ]


def test_a_possessive_role_in_a_lede_is_the_minister_named_after() -> None:
    assert said(
        "The province's health minister says ambulance response times are “not acceptable”.",
        "Health Minister Danielle Arsenault-Pike made the admission on Tuesday.",
    )[0] == ["Danielle Arsenault-Pike"]


def test_a_lede_role_nobody_was_given_is_the_next_paragraphs_person() -> None:
    """ "The Taoiseach has rejected claims ..." then "Colm Mac Suibhne said": the lede's
    role is the person the next paragraph names first, and so is "the Taoiseach" later.
    The rules propose him for the lede; whether a guessed role is kept there is the
    model's call (since stop 33's model, at threshold 0.3, it is not)."""
    paragraphs = [
        "The Taoiseach has rejected claims that overcrowding in hospitals is out of control.",
        "Speaking in the Dáil, Colm Mac Suibhne said 1,100 beds had been opened since 2020.",
        "Trolley numbers have exceeded 600 on 14 days so far this year.",
        "“Nobody in this House is pretending the situation is acceptable,” the Taoiseach said.",
    ]
    proposed = extract_quotes(paragraphs, ["body"] * 4, RulesAlone())
    assert [[q.speaker for q in found] for found in proposed][0] == ["Colm Mac Suibhne"]
    assert said(*paragraphs)[1:] == [["Colm Mac Suibhne"], [], ["Colm Mac Suibhne"]]


def test_an_age_stands_for_the_person_written_with_it() -> None:
    """ "Muhammad Harith, 22, ... Kenta Morishige, 31, ... said the 22-year-old": Harith,
    though Morishige was named last; an age nobody has is nobody's; "the 22-year-old from
    Kampung Seri" is no age of the place."""
    assert said(
        "Muhammad Harith, 22, won the race ahead of Kenta Morishige, 31, on Sunday.",
        "Morishige led for most of the race before sliding out on lap 20.",
        "“This is the win I have been waiting for,” said the 22-year-old from Kampung Seri.",
        "“It was a great day,” said the 40-year-old.",
    ) == [[], [], ["Muhammad Harith"], []]


def test_a_persons_gender_is_the_pronoun_that_follows_her_name_most_surely() -> None:
    """ "Trained by his aunt Delyth Owain-Rees and ..., he" and a quotation's "He drops his
    elbow" are the boxer's; "Owain-Rees, who runs the club, said she" is hers, so her
    later "she said" is too."""
    assert said(
        "The 26-year-old, who is trained by his aunt Delyth Owain-Rees, dropped his man "
        "in the sixth, and he celebrated with the crowd.",
        "“Delyth kept telling me, ‘He drops his elbow,’ and there it was,” Rhys Bevan said.",
        "Owain-Rees, who runs the Cwmderwen Amateur Boxing Club from an old chapel vestry, "
        "said she had barely slept all week.",
        "“I've had him since he was nine years old,” she said.",
    )[3] == ["Delyth Owain-Rees"]


def test_a_pronoun_opening_the_next_sentence_is_the_subjects_gender() -> None:
    """ "Walz approaches it diplomatically. She said": Marty Walz is a woman, though her
    first name is mostly a man's, and her later "she said" is hers."""
    assert said(
        "“We talk a lot,” said Marty Walz, chair of the Newbury Schools Council.",
        "Walz approaches it more diplomatically. She said the money should go elsewhere.",
        "“They are trying to defeat opportunity for kids,” she said.",
    ) == [["Marty Walz"], ["Marty Walz"], ["Marty Walz"]]


def test_an_age_opening_a_sentence_is_no_part_of_the_name() -> None:
    assert said(
        "KAPTAGARET – Seventeen-year-old Mercyline Chepkorir said she had not expected to win."
    ) == [["Mercyline Chepkorir"]]


def test_a_name_a_description_follows_is_the_subject_not_a_place_inside_it() -> None:
    """ "Dean Johnson, a salesman from Sumter, South Carolina, says": the appositive's head
    speaks, whatever shape its name has, not the place that ends the description."""
    assert said(
        "Halvard, a haulage firm from Ashby, South Carolina, says the mill will "
        "“leave here with nothing.”"
    ) == [["Halvard"]]


def test_a_person_surnamed_like_a_country_or_a_compass_point_is_no_place() -> None:
    assert said(
        "Marty West, an education professor at the Ashby Institute, said the bill was "
        "“an incredibly significant development.”"
    ) == [["Marty West"]]
    assert said("Tanya Jordan told reporters the plant would reopen in May.") == [["Tanya Jordan"]]


def test_names_coordinated_with_their_titles_all_speak() -> None:
    """ "Donald Trump and House Speaker Paul Ryan pledged": the titles of the second name do
    not break the coordination, nor does "as well as"."""
    assert said(
        "Premier Ruth Achterberg and Opposition Leader Samuel Kwan said they would meet again."
    ) == [["Ruth Achterberg", "Samuel Kwan"]]
    assert said(
        "Mayor Lina Ortiz as well as former Councillor Dev Rana said the bridge must close."
    ) == [["Lina Ortiz", "Dev Rana"]]


def test_a_titled_name_after_a_preposition_is_an_object_not_the_subject() -> None:
    """ "who worked for Sen. Lamar Alexander (R-Tenn.), ..., called it": the title does not
    hide the preposition; the sentence's subject speaks. A sentence ending in a short word
    ("for the lead.") is no title."""
    assert said(
        "Marty West, a professor at Ashby who once worked for Sen. Lamar Alexander (R-Tenn.), "
        "one of the bill’s architects, called it “an incredibly significant development.”"
    ) == [["Marty West"]]
    assert said(
        "Farah Ostadi won the festival's acting award for the lead. Ostadi said she had spent "
        "two months learning to drive a truck."
    ) == [["Farah Ostadi"]]


def test_the_company_is_a_lead_name_no_title_or_pronoun_made_a_person() -> None:
    """ "Harbourline Logistics posted ..., the company said": with no organisation the story
    knows as one, "the company" goes to the name that led it, not to nobody. The rules'
    own choice, before the model."""
    found = extract_quotes(
        [
            "SINGAPORE – Harbourline Logistics, the mainboard-listed freight forwarder, "
            "posted an 18 per cent fall in first-half net profit on Tuesday.",
            "Net profit fell to S$42.7 million from S$52.1 million, the company said.",
        ],
        ["body", "body"],
        RulesAlone(),
    )
    assert [q.speaker for q in found[1]] == ["Harbourline Logistics"]


def test_an_organisation_the_description_names_speaks_whatever_the_model_learned() -> None:
    """ "The association said" after "the Tamale Market Traders Association": PolNeAR's
    annotators often left such sources unnamed, so the model doubts them; when the
    description's noun is in the organisation's name the rules decide."""
    assert said(
        "The Tamale Market Traders Association has threatened a boycott of the new stalls.",
        "The association said it would hold a general meeting on March 28.",
    )[1] == ["Tamale Market Traders Association"]


def test_adding_a_thing_is_not_speech_but_adding_a_clause_is() -> None:
    assert said("Dorothy Owuor said the utility would add 15 standpipes by December.") == [
        ["Dorothy Owuor"]
    ]
    assert said("Ruth Mehta hopes the council will add a night-time threshold next year.") == [[]]
    assert said("Ruth Mehta added a deal was close.") == [["Ruth Mehta"]]


def test_a_pronoun_opening_a_sentence_is_the_paragraphs_subject_before_it() -> None:
    """ "Lagos Marine coach Olumide Bankole was less happy. He told reporters ...": the "he"
    is the subject of the sentence before, not whoever the story quoted most."""
    found = extract_quotes(
        [
            "“We don't lose at home,” said Highlanders coach Garba Abdullahi.",
            "Tochukwu Anyanwu, who scored twice, was named man of the match.",
            "Marine coach Olumide Bankole was less happy. He told reporters the goal should "
            "have been disallowed.",
        ],
        ["body"] * 3,
        RulesAlone(),
    )
    assert [q.speaker for q in found[2]] == ["Olumide Bankole"]


def test_a_role_nobody_was_given_is_the_paragraphs_subject() -> None:
    """ "Anyanwu dedicated the goals to his father. “...,” the striker said." The article
    never called anyone the striker; the paragraph's subject is the one it describes."""
    assert said(
        "Tochukwu Anyanwu scored twice as Jos Highlanders beat Lagos Marine 2-1.",
        "Anyanwu dedicated the goals to his late father. “This one is for him,” the striker said.",
    )[1] == ["Tochukwu Anyanwu"]


def test_a_finding_is_attributed_to_the_documents_author() -> None:
    """ "A 2019 audit report prepared by state auditor Noel Bacaltos found that": the
    author of a study, audit or survey reports its finding; a finding that is no report
    ("police found a body") is not speech."""
    assert said(
        "A 2019 audit report prepared by state auditor Noel Bacaltos found that 212 units "
        "could not be located."
    ) == [["Noel Bacaltos"]]
    assert said(
        "Hot nights are sending people to hospital, a study led by Dr Ananya Trivedi of the "
        "Gandhinagar Institute of Public Health has found."
    ) == [["Ananya Trivedi"]]
    assert said("Police found a body near the river on Sunday.") == [[]]


def test_they_after_an_organisation_leading_the_sentence_before_is_that_organisation() -> None:
    found = extract_quotes(
        [
            "The Maligaya Norte Tricycle Operators Association, whose members park around the "
            "plaza, initially opposed the market. They said it would block their terminal."
        ],
        ["body"],
    )
    assert [q.speaker for q in found[0]] == ["Maligaya Norte Tricycle Operators Association"]


def test_an_and_inside_a_title_joins_no_second_speaker() -> None:
    """ "Natural Resources and Environmental Sustainability Minister Datuk Rosli Abdul Ghani
    said": before a titled name, only someone with a first name is a second speaker."""
    assert said(
        "Natural Resources and Environmental Sustainability Minister Datuk Rosli Abdul Ghani "
        "said satellite images showed 412 hotspots."
    ) == [["Rosli Abdul Ghani"]]


def test_a_finding_without_that_is_still_reported() -> None:
    assert said(
        "A report by the municipality's director of facilities, Jennifer Comeau, found the "
        'roof trusses had "reached the end of their service life".'
    ) == [["Jennifer Comeau"]]
    assert said("Detectives found the car, which was burnt out, in a field.") == [[]]


def test_a_possessive_opening_the_sentence_leaves_the_lead_to_the_name_after_it() -> None:
    """ "Penhaligon's predecessor, Colin Ferris, ... abstained. ‘...’ he said": Ferris leads
    the sentence, so the "he" of the next one is his."""
    found = extract_quotes(
        [
            "Housing Minister Gareth Penhaligon won the vote by 41 to 12.",
            "Penhaligon's predecessor, Colin Ferris, who resigned in the summer, abstained. "
            "‘I could not in good conscience vote for it,’ he said afterwards.",
        ],
        ["body", "body"],
        RulesAlone(),
    )
    assert [q.speaker for q in found[1]] == ["Colin Ferris"]


def test_a_title_opening_an_appositive_name_keeps_the_name_the_speaker() -> None:
    """ "Leader of Government Business in the Senate, Senator Marcia Blackwood-Henry, said":
    a title word written out, or one without its full stop ("Cllr"), opens the name."""
    assert said(
        "Leader of Government Business in the Senate, Senator Marcia Blackwood-Henry, said "
        "the changes would give police “the tools they have been begging for”."
    ) == [["Marcia Blackwood-Henry"]]
    assert said(
        "The council's portfolio holder for environment, Cllr Sajid Hussain, said the change "
        "would save £2.1 million a year."
    ) == [["Sajid Hussain"]]


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        ("Karratha Minerals", True),
        ("Siyakhula Waste Solutions", True),
        ("Jinja Lakers", True),
        ("Tunde Williams", False),  # a plural-looking common surname
        ("Ama Edwards", False),
        ("Kostas Papadopoulos", False),  # a first name begins it
        ("Tochukwu Anyanwu", False),
    ],
)
def test_a_name_ending_in_a_plural_names_an_organisation(name: str, organisation: bool) -> None:
    assert looks_like_org(name) is organisation


def test_the_company_is_an_organisation_that_led_a_sentence_not_one_named_in_passing() -> None:
    """ "An analyst at Kestrel Securities" names no company "the company" then means; the one
    the story led with is. The rules' own choice, before the model."""
    found = extract_quotes(
        [
            "Halvard Foods said Tuesday that its quarterly profit fell 18 percent.",
            "“The price increases are a gamble,” said Priya Natarajan, an analyst at Kestrel "
            "Securities who covers packaged food companies.",
            "The company said it would give more details at an investor meeting in December.",
        ],
        ["body"] * 3,
        RulesAlone(),
    )
    assert [q.speaker for q in found[2]] == ["Halvard Foods"]


def test_institutions_of_the_arts_and_markets_are_organisations_their_noun_stands_for() -> None:
    """ "The festival said", "the railway operator said", "the gallery said": the
    organisation the story named. The rules' own choice, before the model."""
    found = extract_quotes(
        [
            "The Leith Book Festival has lost its main sponsor after an author withdrew.",
            "The festival said in a statement that it was saddened by the decision.",
        ],
        ["body", "body"],
        RulesAlone(),
    )
    assert [q.speaker for q in found[1]] == ["Leith Book Festival"]


def test_the_statement_is_whoever_issued_the_last_one() -> None:
    """ "‘...,’ the statement said": whoever the story said issued a statement, person or
    organisation; nobody when no one did, not merely the last to speak."""
    found = extract_quotes(
        [
            "The Leith Book Festival has lost its main sponsor.",
            "The festival said in a statement that it was saddened by the decision.",
            "‘Sponsorship allows us to keep ticket prices low,’ the statement said.",
        ],
        ["body"] * 3,
        RulesAlone(),
    )
    assert [q.speaker for q in found[2]] == ["Leith Book Festival"]
    assert said("‘Prices will rise,’ the statement said.") == [[]]
    assert (
        said(
            "Mayor Lina Ortiz said the bridge would close.",
            "‘Traffic will be diverted,’ the statement said.",
        )[1]
        == []
    )


def test_according_to_a_study_is_its_leaders_with_an_affiliation_after_the_name() -> None:
    """ "according to a study led by Dr Esther Nabukenya of the ... Centre": the name's "of"
    is where she works; "according to a POLITICO analysis" still names no source."""
    assert said(
        "Catches are falling sharply, according to a study led by Dr Esther Nabukenya of the "
        "Lake Victoria Fisheries Research Centre."
    ) == [["Esther Nabukenya"]]
    assert said("Support fell, according to a POLITICO analysis of the polls.") == [[]]


def test_according_to_a_persons_figures_is_not_also_their_institutes() -> None:
    """ "according to calculations by X of the Y": Y is where X works, one source."""
    assert said(
        "A living wage in Cork is about €14 an hour, according to calculations by Aoife "
        "Brennan of the Economic and Social Research Institute."
    ) == [["Aoife Brennan"]]
    assert said(
        "Turnout reached 61 per cent, according to the Economic and Social Research Institute."
    ) == [["Economic and Social Research Institute"]]


def test_a_name_given_an_acronym_or_an_organisations_appositive_is_no_person() -> None:
    """ "Parti Solidariti Rakyat Sabah (PSRS)" and "Karoo Airways, the regional carrier"
    look like people's names; "he" and "she" do not stand for them."""
    assert said(
        "KOTA KINABALU: Parti Pembangunan Rakyat Tenom (PPRT) demanded 12 seats on Monday.",
        "PPRT president Jeffrey Lingam Anak Gunsalam said the party would not accept less.",
        "“We won in Keningau,” he told reporters.",
    )[1:] == [["Jeffrey Lingam Anak Gunsalam"], ["Jeffrey Lingam Anak Gunsalam"]]
    assert said(
        "Analyst Priya Menon covers aviation.",
        "Zahra Airways, the low-cost carrier based in Fujairah, ordered 30 jets on Tuesday.",
        "“The risk is delivery slots, not demand,” she said.",
    )[2] == ["Priya Menon"]


def test_an_organisation_modified_by_its_place_is_the_subject_not_the_place() -> None:
    assert said(
        "The Office of Disaster Response (ODR) in Western Mindanao said nine people had died."
    ) == [["Office of Disaster Response"]]


def test_yesterday_or_a_weekday_between_subject_and_verb_keeps_the_subject() -> None:
    assert said(
        "HARARE – Mines Minister Tendai Mukanya yesterday told Parliament that cuts would go on.",
        "Opposition leader Ruth Chikore Tuesday said the minister had misled the House.",
    ) == [["Tendai Mukanya"], ["Ruth Chikore"]]


def test_a_given_name_and_a_surname_that_is_an_outlets_word_is_a_person() -> None:
    """ "Fox" and "Post" name outlets, but "Daniel Fox" is a coach."""
    assert not looks_like_org("Daniel Fox") and looks_like_org("Fox News")
    assert said(
        "Thunder coach Daniel Fox was unhappy with the penalty, saying the lock had been "
        "“cleaned out legally”."
    ) == [["Daniel Fox"]]


def test_claiming_a_thing_is_taken_not_said_but_claiming_a_clause_is_said() -> None:
    """The object decides, as it does for "added": a noun phrase with no verb after it
    ("claiming the winner in extra time") is something won or taken."""
    assert said(
        "Hexford Rovers went through, with striker Connor Hebbden claiming the winner in "
        "extra time.",
        "Ana Ruiz claimed a share of the lead after the third round.",
        "Ana Ruiz claimed the course had been set up unfairly.",
    ) == [[], [], ["Ana Ruiz"]]


def test_a_name_after_an_offices_title_is_the_person_not_the_office() -> None:
    """ "Minister in the Ministry of Finance Nadira Persad-Ali" runs the office into her
    name; a firm's name ending in a partner's stays whole."""
    assert said(
        "Opposition Leader Marcia Baptiste-Joseph called the budget reckless.",
        "Responding, Minister in the Ministry of Trade Nadira Persad-Ali accused the "
        "Opposition of “selective amnesia”.",
        "She said the previous administration had left a mountain of arrears.",
    )[1:] == [["Nadira Persad-Ali"], ["Nadira Persad-Ali"]]
    assert said("Bank of America Merrill Lynch said the rally would fade.") == [
        ["Bank of America Merrill Lynch"]
    ]


def test_a_compound_adjective_is_no_part_of_a_name_and_an_org_noun_heads_one() -> None:
    """ "Mainboard-listed Harbourline Logistics" is Harbourline Logistics; "the Singapore
    Exchange" is an exchange, no person, so "the company" is still the logistics firm."""
    assert looks_like_org("Singapore Exchange")
    assert said(
        "SINGAPORE — Mainboard-listed Kestrel Freight Lines reported a fall in profit.",
        "In a filing to the Singapore Exchange, the company said freight rates had doubled.",
    )[1] == ["Kestrel Freight Lines"]


def test_a_public_body_named_by_its_place_speaks_but_not_a_persons_or_a_nations() -> None:
    assert said(
        "The Uttarakhand government had defended the rule, contending it was a safety measure."
    ) == [["Uttarakhand government"]]
    assert said("The Kogi police said three men had been arrested.") == [["Kogi police"]]
    assert said(
        "The German government proposed a levy on the dirtiest plants.",
        "President Barack Obama said he would veto it.",
        "The Obama administration argues the accord will open doors.",
    ) == [[], ["Barack Obama"], []]


def test_according_to_figures_released_by_a_body_or_to_its_data_is_that_body() -> None:
    """ "On Tuesday" after the name is when, not what kind ("according to a Politico
    analysis" stays no one's)."""
    assert said(
        "Transactions reached Dh761 billion, according to figures released by the Dubai "
        "Land Registry on Tuesday.",
        "Rental growth slowed to 9 per cent, according to Harbourline Real Estate data.",
        "Prices fell 4 per cent, according to a Politico analysis.",
    ) == [["Dubai Land Registry"], ["Harbourline Real Estate"], []]


def test_a_chinese_name_written_family_name_first_gets_no_gender_from_its_surname() -> None:
    """ "Lee" would make Lee Mei Ling a man, and "she said" after her went to the woman
    before her."""
    assert said(
        "Defence counsel Priscilla Chan said her client had repaid half the money.",
        "District Judge Lee Mei Ling said the offences had been planned and sustained.",
        "“This was not a single moment of weakness,” she said.",
    )[2] == ["Lee Mei Ling"]


def test_an_appositive_name_after_a_role_with_its_article_is_the_subject() -> None:
    assert said(
        "The chair of the judging panel, the critic Majella Dorran, described the book as "
        "“a quiet masterpiece about grief and the sea”."
    ) == [["Majella Dorran"]]


def test_an_appositive_name_after_a_possessive_role_is_the_subject() -> None:
    """ "Bhengu’s lawyer, Advocate X, argued" and "His coach, former Pakistan No.1 X, said":
    the one whose lawyer or coach it is does not speak, and a country or a team may stand
    inside the role."""
    assert said(
        "Mxolisi Bhengu appeared in court on Monday.",
        "Bhengu’s lawyer, Advocate Johan van der Merwe SC, argued that his client had “every "
        "intention of clearing his name”.",
    )[1] == ["Johan van der Merwe"]
    assert said(
        "Hamza Khan Yousaf won the final in straight games.",
        "His coach, former Pakistan No.1 Tariq Mehmood Awann, said Yousaf would rise.",
    )[1] == ["Tariq Mehmood Awann"]
    assert said(
        "Root fell for 12. Their captain, England skipper Ben Stokess, said they would regroup."
    ) == [["Ben Stokess"]]


def test_names_keep_their_particles_and_inner_apostrophes() -> None:
    """ "van der", "de la", and the apostrophes of Bantu names ("Hang’ombe", "Ng’ang’a")
    are inside the name; a possessive or a contraction is not."""
    assert said("Justice Mutinta Hang’ombe said the petition failed.") == [["Mutinta Hang’ombe"]]
    assert said("“No,” Kamau Ng’ang’a said.") == [["Kamau Ng’ang’a"]]
    assert said("Maria de la Cruz said the vote was close.") == [["Maria de la Cruz"]]
    assert said("Dr Mercy Achieng' Odhiambo said nurses were unpaid.") == [
        ["Mercy Achieng' Odhiambo"]
    ]
    assert said("The Teachers' Union said no.") == [["Teachers' Union"]]
    assert said("It’s over, said Mary O’Brien, and O’Brien’s allies agreed.") == [["Mary O’Brien"]]


def test_a_document_made_by_someone_speaks_for_its_maker() -> None:
    """ "The research, led by X of the Y, found", "A survey ... carried out by X found",
    "The petition, brought by X, argued": the document's words are its maker's."""
    assert said(
        "The research, led by Associate Professor Tan Wei Lin of the Singapore Institute of "
        "Urban Climate, found that estates with open car parks trapped the most heat."
    ) == [["Tan Wei Lin"]]
    assert said(
        "A survey of 400 workers carried out by the Transfrontier Workers Union found that 62 "
        "per cent queued for over an hour."
    ) == [["Transfrontier Workers Union"]]
    assert said(
        "The petition, brought by the Copperbelt Residents Alliance, argued that the "
        "amendment was unlawful."
    ) == [["Copperbelt Residents Alliance"]]
    # A document nobody is said to have made speaks for no one here.
    assert said("The petition argued that the amendment was unlawful.") == [[]]


def test_business_descriptions_find_the_company_the_story_is_about() -> None:
    """ "the Perth-based miner" is a description, "Harrowgate & Finch" one firm, and the
    company whose shares moved is the one "the company" means, not the exchange it told."""
    assert said(
        "Shares in Ironbark Minerals fell 11 per cent after the Perth-based miner told the ASX "
        "it would write down its lithium project."
    ) == [["Ironbark Minerals"]]
    assert said(
        "Harrowgate & Finch has collapsed into administration.",
        "Administrators were appointed on Wednesday, the retailer confirmed.",
    ) == [[], ["Harrowgate & Finch"]]
    assert said(
        "Shares in Kestrel Minerals have plunged after the lithium miner flagged a shutdown.",
        "In a statement to the ASX on Monday, the Perth-based company said prices had slumped.",
    )[1] == ["Kestrel Minerals"]
    # A company named for its industry ("Energy", "Airways") is no person, whose gender
    # "the company" could not have.
    assert said(
        "Shares in Norvik Energy fell 8 per cent after the company warned that profits would "
        "miss forecasts.",
        "Talvik Airways said on Friday that it would cancel 40 flights.",
    ) == [["Norvik Energy"], ["Talvik Airways"]]


def test_appositive_names_with_auxiliaries_and_affiliations() -> None:
    """ ", Advocate X SC, had argued" closes the appositive before "had"; "X of Y's Z
    Institute said" is X's; "Canning Partners" is a firm, not an adverb before "Partners"."""
    assert said(
        "Their counsel, Advocate Pieter van Wykk SC, had argued that the municipality had "
        "“no plan”."
    ) == [["Pieter van Wykk"]]
    assert said(
        "Lead researcher Dr Patience Akelo of Makerere University's Infectious Diseases "
        "Institute said resistance had risen."
    ) == [["Patience Akelo"]]
    assert said("Canning Partners said the cuts were ahead of schedule.") == [["Canning Partners"]]


def test_a_government_speaking_in_a_statement_by_its_officer_speaks_with_them() -> None:
    """ "The Kogi State Government, in a statement by the Commissioner for Information, Mr
    Friday Adejoh, said": both, and a weekday after "Mr" is a given name."""
    assert said(
        "The Kogi State Government, in a statement by the Commissioner for Information, Mr "
        "Friday Adejoh, said it had set up an emergency fund."
    ) == [["Kogi State Government", "Friday Adejoh"]]
    # An officer "of" or "to" an organisation named before its name is still the subject.
    assert said(
        "The president of the Highlife Heritage Foundation, Dr Ngozi Achikee, said the "
        "concerts would go ahead."
    ) == [["Ngozi Achikee"]]


def test_an_office_named_with_a_list_is_one_name() -> None:
    assert said(
        "The Department of Sport, Arts and Culture said in a statement that she had been "
        "“a cultural ambassador”."
    ) == [["Department of Sport, Arts and Culture"]]
    assert said("Trump, Clinton and Sanders said no.") == [["Trump", "Clinton", "Sanders"]]


def test_a_person_of_a_units_long_name_is_the_subject() -> None:
    """ "Detective Inspector X of the Police Service of Northern Ireland's Economic Crime
    Unit said", "X of the police Cyber Security and Technology Crime Bureau said": the
    person, not the unit at the end of the phrase."""
    assert said(
        "Detective Inspector Ruth Galbraithe of the Police Service of Northern Ireland's "
        "Economic Crime Unit said: “Banks will never ring you.”"
    ) == [["Ruth Galbraithe"]]
    assert said(
        "Senior Inspector Winnie Tsangg of the police Cyber Security and Technology Crime "
        "Bureau said officers had received 37 reports."
    ) == [["Winnie Tsangg"]]
    assert said(
        "Dr Elena Marchetto of the Turin Observatory for Radio Astronomy, whose team used a "
        "telescope, said they had found no emission."
    ) == [["Elena Marchetto"]]


def test_a_role_given_to_a_name_is_who_the_description_means() -> None:
    """ "boss Steve Bramall" ... "said the Rovers boss"; "producer Clive X" ... "the
    producer said"."""
    assert said(
        "Northgate Rovers are preparing a bid, and boss Steve Bramhall wants it done.",
        "‘I’m not going to talk about another club’s player,’ said the Rovers boss.",
    )[1] == ["Steve Bramhall"]


def test_a_role_the_story_gave_someone_is_theirs_though_firms_have_it_too() -> None:
    """ "producer Clive Henriques" ... "the producer said": a person, though "producer" is
    also what a company is called."""
    assert said(
        "The album was recorded in Kingston with producer Clive Henriquez.",
        "The Bay Roots Festival will open on Friday.",
        "“The feeling is exactly the same,” the producer said.",
    )[2] == ["Clive Henriquez"]


def test_a_prize_or_a_bill_never_speaks() -> None:
    """ "she says" went to "Kinnaird Prize", "he said" to "Supplementary Supply Bill"."""
    assert said(
        "Fiona Lainge won the Kinnaird Prize on Friday.",
        "“I keep waiting for someone to ring,” she says.",
    )[1] == ["Fiona Lainge"]
    assert said(
        "Winding up the debate on the Supplementary Supply Bill, he said the move would help."
    ) == [[]]


def test_a_possessive_after_a_name_outweighs_a_first_name_only_mostly_that_gender() -> None:
    """gender-guesser has "Morven" mostly a man's; "her kitchen" says otherwise. A name
    that is surely a man's is not outweighed by "her" after it ("praised her")."""
    assert said(
        "Morven Lainge is apologising for the state of her kitchen.",
        "“I keep waiting for someone to ring,” she says.",
    )[1] == ["Morven Lainge"]
    assert said(
        "Tom Haley praised her courage on Monday.",
        "“She never gave up,” he said.",
    )[1] == ["Tom Haley"]


def test_an_organisations_name_after_its_description_is_the_subject() -> None:
    """ "The league's organising body, the National Premier League Authority, said": the
    authority, not the last club named; and "the National Premier" is no premier."""
    assert said(
        "Osu Royals beat Accra Hearts 2-1 on Sunday.",
        "The league's organising body, the National Premier League Authority, said the match "
        "would kick off at 3pm.",
    )[1] == ["National Premier League Authority"]
    assert said("The regulator, the Kenya Power Authority, said tariffs would rise.") == [
        ["Kenya Power Authority"]
    ]


def test_an_organisations_which_said_may_follow_its_appositive() -> None:
    assert said(
        "The case was brought by Siyakhula Waste Services, an unsuccessful bidder, which "
        "argued in court papers that its tender had been cheaper."
    ) == [["Siyakhula Waste Services"]]


def test_civil_defence_is_an_organisation_not_a_woman() -> None:
    """ "she said" after "Mayor Anahera Tamatea" went to "Tairāwhiti Civil Defence"."""
    assert said(
        "Tairāwhiti Civil Defence said the road was closed. Tait will be accompanied by Mayor "
        "Anahera Tamateaa. “The East Coast has had enough,” she said."
    ) == [["Tairāwhiti Civil Defence", "Anahera Tamateaa"]]


def test_a_one_word_name_that_spoke_before_leads_its_sentence() -> None:
    """Obama, never written in full: once he has spoken, "Obama, ..., seems to agree" makes
    him the one "he said" means, not the last full name."""
    assert said(
        "“It is a start,” Obama said.",
        "Ted Nordhaus, of the Breakthrough Institute, said the deal was weak.",
        "And Obama, for all the progress he helped wrangle, seems to agree. “We don’t yet "
        "know what will work best,” he said.",
    )[2] == ["Obama"]


def test_an_office_of_the_title_is_an_organisation() -> None:
    assert said(
        "In a release last night, the Office of the Attorney General stated that it was "
        "reviewing the judgment."
    ) == [["Office of the Attorney General"]]


def test_describing_is_speech_only_with_the_words_quoted_after_as() -> None:
    assert said(
        "The court ordered the municipality to restore water, with Judge Nomsa Radebbe "
        "describing its conduct as “a dereliction of duty”.",
        "Nomsa Radebbe spent the evening describing the scene to friends.",
    ) == [["Nomsa Radebbe"], []]


def test_the_signer_of_a_statement_speaks_with_the_organisation() -> None:
    assert said(
        "In a statement signed by its Managing Director, Mr. Kofi Boatteng, Volta Crest "
        "Construction said it brought “over 15 years of combined experience”."
    ) == [["Volta Crest Construction", "Kofi Boatteng"]]


def test_an_organisation_that_said_in_a_relative_clause_speaks_though_an_object() -> None:
    assert said(
        "The tariff must be approved by the Public Utilities Commission of Lanka (PUCL), "
        "which said in a statement that it would hold consultations."
    ) == [["Public Utilities Commission of Lanka"]]


def test_given_names_first_are_a_short_form_of_the_full_name_and_label_transcripts() -> None:
    """Malay names have no surname: "Mohd Faizal" is Mohd Faizal Ismail, in prose and as a
    transcript's label. "Donald Trump" stays the father beside "Donald Trump Jr."."""
    assert said(
        "Mohd Faizal Ismaill, the ninth witness, said he had followed orders.",
        "He was examined by deputy public prosecutor Nur Aisyah Rahmann.",
        "Nur Aisyah: Did you raise any objection?",
        "Mohd Faizal: I told him the company did not meet the requirements.",
        "Mohd Faizal: He was my boss.",
        "Nur Aisyah: Why did you proceed?",
    )[2:] == [
        ["Nur Aisyah Rahmann"],
        ["Mohd Faizal Ismaill"],
        ["Mohd Faizal Ismaill"],
        ["Nur Aisyah Rahmann"],
    ]
    assert said("Donald Trump Jr. spoke first.", "Donald Trump said he was proud.")[1] == [
        "Donald Trump"
    ]


def test_a_place_after_in_is_no_speaker() -> None:
    """ "A senior police officer in Kisumu, who asked not to be named, said" is nobody
    named, and "said reinforcements had been sent from Kericho" no inverted subject;
    "said a spokesman for the Pentagon" still is the Pentagon."""
    assert said(
        "A senior police officer in Kisumu, who asked not to be named because he was not "
        "authorised to speak to the media, said reinforcements had been sent from Kericho."
    ) == [[]]
    assert said("“We are monitoring it,” said a spokesman for the Pentagon.") == [["Pentagon"]]


def test_an_organisations_officer_in_a_place_speaks_for_it() -> None:
    assert said(
        "The IMF's resident representative in Accra said the Fund would assess the budget."
    ) == [["IMF"]]


def test_a_name_keeps_its_honours_party_and_seat_out() -> None:
    """ "Tan Sri" is an honour, "(PRN-Bukit Bintang)" a party and seat, and "in Leiden"
    where the institute is: none of them is a second speaker or hides the first."""
    assert said(
        "Tan Sri Lim Keng Huat (PRN-Bukit Bintang), the longest-serving MP in the House, said "
        "he supported the bill."
    ) == [["Lim Keng Huat"]]
    assert said(
        "Prof. Joost Ravesteijn of the Institute for Parliamentary Studies in Leiden said the "
        "chances were “fifty-fifty at best”."
    ) == [["Joost Ravesteijn"]]
    assert said("Finance Minister Sri Mulyani Indrawati said she would resign.") == [
        ["Sri Mulyani Indrawati"]
    ]


def test_a_named_official_speaks_for_themself() -> None:
    """ "X, a senior official at the Public Security Ministry, who said": X, not the
    ministry, and "He said" after it is X too."""
    assert said(
        "The inquiry also heard from Marc-Antoine Lévesque, a senior official at the Public "
        "Security Ministry, who said the department had been dealing with 140 fires.",
        "He said the ministry had since created a reserve of 200 buses.",
    ) == [["Marc-Antoine Lévesque"], ["Marc-Antoine Lévesque"]]


def test_an_abbreviated_title_does_not_end_the_name() -> None:
    """ "Hon." and "Det. Supt." stand before names: "Opposition Leader Hon" is no one a
    later "he" could be."""
    text = "Opposition Leader Hon. Isikeli Tuiwai-Ravuama said so. Det. Supt. Jane Mbeki agreed."
    assert [name for *_, name in iter_spans(text)] == ["Isikeli Tuiwai-Ravuama", "Jane Mbeki"]


def test_a_lede_chief_is_the_chief_named_next() -> None:
    """ "The fire chief of a northern Quebec town told an inquiry" names him in the next
    paragraph; "than that of the CIA chief, Zuckoff said" makes Zuckoff no chief."""
    assert said(
        "The fire chief of a northern Quebec town told a public inquiry on Tuesday that he "
        "had pleaded for buses for 12 hours.",
        "Réjean Castonguay-Poirier, who has led the Lac-Ferrand fire department since 2014, "
        "testified for three hours.",
    )[0] == ["Réjean Castonguay-Poirier"]
    assert (
        said(
            "“The account is more credible” than that of the CIA chief, Zuckoff said.",
            "“There was no order,” said the chief.",
        )[1]
        == []
    )


def test_a_pronoun_is_no_constituency() -> None:
    assert said(
        "Dame Philippa Orr-Castell rose from the government backbenches.",
        "‘I have here,’ she announced, ‘forty-one letters from constituents.’",
        "The member for North Wessex, a former environment secretary who once described her "
        "own party’s water policy as ‘a damp squib’, then read several of them aloud.",
        "‘Her garden now smells of regret,’ she said.",
    )[3] == ["Philippa Orr-Castell"]


def test_a_court_denying_bail_says_nothing() -> None:
    """ "denied bail", "denied him entry", "denied the application" refuse; "denied the
    claims" is a denial."""
    assert said("The High Court in Kampala has denied bail to the MP.") == [[]]
    assert said("The council denied the residents' application for a permit.") == [[]]
    assert said("Kestrel Mining denied the claims, saying they were false.") == [["Kestrel Mining"]]


def test_a_spokesperson_for_a_described_company_speaks_for_it() -> None:
    """ "Inc." keeps its period, and the company's description may follow its name."""
    assert said(
        "A spokesperson for Meridian Benefits Inc., the insurer contracted to administer the "
        "plan, said in an email that claims took four days."
    ) == [["Meridian Benefits Inc."]]


def test_the_release_is_the_organisation_that_issued_it() -> None:
    """ "In a release on Tuesday, the X said" then "“...,” the release said"; and names
    with "and" or an irregular plural's possessive stay whole."""
    assert said(
        "In a release on Tuesday, the Trinidad and Tobago Police Service said the arrest "
        "was part of an operation.",
        "“Twenty-two firearms have been seized since January 1,” the release said.",
    ) == [["Trinidad and Tobago Police Service"], ["Trinidad and Tobago Police Service"]]
    assert said(
        "The Coastal Longshore Foremen's Union, Local 812, said its members were locked out.",
        "“They chose a lockout,” according to the union's release.",
    ) == [["Coastal Longshore Foremen's Union"], ["Coastal Longshore Foremen's Union"]]


def test_where_an_unnamed_speaker_is_from_does_not_speak() -> None:
    """ "said the rider from Kampung Paya Serai": a village; "a spokesman from the
    Ministry of Health" still speaks for it."""
    assert said("“Now or never,” said the rider from Kampung Paya Serai.") == [[]]
    assert said("“We are ready,” said a spokesman from the Ministry of Health.") == [
        ["Ministry of Health"]
    ]
    assert said(
        "“We found a pipe leading to the river,” she told reporters at Sungai Merbah Batu."
    ) == [[]]


def test_the_bench_is_its_judges() -> None:
    """ "the Bench observed": a court's bench speaks through the judges the story named,
    not as a name of its own."""
    assert said(
        "A Bench of Justices S. Arulmozhi Varman and Meenakshi Raghunathan heard the plea.",
        "“Planting saplings 15 km away gives no shade here,” the Bench observed orally.",
    )[1] in (["S. Arulmozhi Varman"], ["Meenakshi Raghunathan"])


def test_a_statement_signed_by_a_named_officer_is_the_officers_and_the_unions() -> None:
    """ "signed by its Publicity Secretary, Mrs X": the secretary is X, not a second
    signer; "the union said" is the union the story named."""
    assert said(
        "The strike was called by the Union of Public School Teachers over unpaid arrears.",
        "In a statement signed by its Publicity Secretary, Mrs Blessing Okonkwo-Ibe, the union "
        "said, “Our members have been patient.”",
    )[1] == ["Union of Public School Teachers", "Blessing Okonkwo-Ibe"]


def test_they_is_the_group_just_named() -> None:
    """ "The Friends of Wollumbar Creek Koalas ... packed the gallery. They said": a body
    named "X of Y" is an organisation "they" may stand for."""
    assert said(
        "The Tweed Ridge Shire Council voted against the subdivision on Tuesday.",
        "The Friends of Wollumbar Creek Koalas, who have campaigned against the project for "
        "two years, packed the public gallery. They said the decision was “a win for common "
        "sense”.",
    )[1] == ["Friends of Wollumbar Creek Koalas"]


def test_a_party_member_described_is_no_one() -> None:
    """ "Hollmann, a Free Democrat, told": the appositive describes him; and "he mutters"
    speaks, as "he says" does."""
    assert said(
        "Finance Minister Klaus-Peter Hollmann defended the budget.",
        "Hollmann, a Free Democrat, told the Bundestag that the debt limit was “the law”.",
        "“Our children will not thank us,” he mutters.",
    )[1:] == [["Klaus-Peter Hollmann"], ["Klaus-Peter Hollmann"]]
    text = "Leader of the Opposition Rampal Singh Gurjar called the leak “a shameful failure”."
    assert said(text) == [["Rampal Singh Gurjar"]]


def test_a_quotation_after_a_sentence_its_speaker_led() -> None:
    """ "Baxendale laughs at that. ‘I had other conditions.’" is hers; a quotation after
    "one campaign source said" is nobody named's; "the Dutchman Pieter Hoogland" speaks;
    a banner "reading" something does not."""
    assert said(
        "Author Edie Baxendale has written six novels.",
        "Baxendale laughs at that. ‘I had other conditions. They just didn't listen.’",
        "“It's the nominee's party,” one Trump campaign source said. “He gets to set the rules "
        "and if you don't like it, work harder.”",
        "Waldhausen's coach, the Dutchman Pieter Hoogland, said he felt “sympathy” for him.",
        "The Lindenau ultras unfurled a banner in the 70th minute reading “Kessler out”.",
    )[1:] == [["Edie Baxendale"], [], ["Pieter Hoogland"], []]


def test_a_short_title_in_quotation_marks_continues_no_quotation() -> None:
    """ "‘The Undertow’, the first episode, airs on Sunday" after a quotation is a title;
    and "across Lagos" is where the traders are, not a speaker; "The 46-year-old mother of
    four said" is the 46-year-old."""
    assert (
        said(
            "Author Edie Baxendale wrote the series. ‘I had other conditions,’ she said. ‘They "
            "didn't listen.",
            "‘The Undertow’, the first episode, airs on Sunday at 9pm.",
        )[1]
        == []
    )
    assert (
        said(
            "The Lagos State Government announced new fares.",
            "Traders and commuters across Lagos say they are struggling to cope.",
        )[1]
        == []
    )
    assert said(
        "Folake Adeyemi-Bello, 46, runs a tailoring shop in Yaba.",
        "The 46-year-old mother of four said she had laid off two workers.",
    )[1] == ["Folake Adeyemi-Bello"]


def test_a_pronoun_opening_a_paragraph_is_the_last_subject_before_it() -> None:
    """ "“...,” Cruz said." then "“...,” he said.": the one who led the story's last
    sentence, a person by the pronoun after him, not a man named earlier."""
    assert said(
        "Jose Antonio Vargas, a journalist, has written about his own status.",
        "“We are tired of being told it is anti-immigrant,” Cruz said.",
        "“I am the son of an immigrant who came legally from Cuba,” he said.",
    )[2] == ["Cruz"]


def test_a_member_word_before_a_name_in_inverted_order_is_the_name_s_role() -> None:
    """ "said Concord resident Whit Symms" is Symms, where "said a Labour Party member" is
    an unnamed member and not the party."""
    assert said("“I can’t vote for him,” said Concord resident Whit Symms.") == [["Whit Symms"]]
    assert said("“We lost the argument,” said Labour Party member Tom Okri.") == [["Tom Okri"]]
    assert said("“We lost the argument,” said a Labour Party member.") == [[]]


def test_an_appositive_role_left_unclosed_still_belongs_to_its_person() -> None:
    """A comma left out after the organisation: the role's holder speaks, not the body
    the role is of (which is an object, after "for")."""
    assert said(
        "Sam Lau, the communications director for the Harbour Democratic Party said in a "
        "statement: “There are no paper ballots to recount.”"
    ) == [["Sam Lau"]]

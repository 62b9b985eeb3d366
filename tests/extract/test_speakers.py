"""Acceptance cases for paragraph speaker extraction, on the real seed articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from searchapp.extract.attribution import find_attributions
from searchapp.extract.mentions import find_mentions
from searchapp.extract.name_spans import clean_span, iter_spans
from searchapp.extract.name_words import looks_like_person, within_one_edit
from searchapp.extract.names import NameBook, build_namebook
from searchapp.extract.speakers import extract_speakers

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_paragraphs(prefix: str) -> list[str]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def speakers_of(prefix: str, kinds: dict[int, str] | None = None) -> list[tuple[str, list[str]]]:
    paragraphs = seed_paragraphs(prefix)
    kind_list = ["body"] * len(paragraphs)
    for index, kind in (kinds or {}).items():
        kind_list[index] = kind
    return list(zip(paragraphs, extract_speakers(paragraphs, kind_list), strict=True))


def find(tagged: list[tuple[str, list[str]]], fragment: str) -> list[str]:
    """Speakers of the single paragraph containing fragment."""
    hits = [speakers for text, speakers in tagged if fragment in text]
    assert len(hits) == 1, f"{fragment!r} found in {len(hits)} paragraphs"
    return hits[0]


# --- seed 000: pronouns, "went on", "wrote:" ----------------------------------------------


def test_every_he_said_paragraph_of_000_is_rogozins() -> None:
    tagged = speakers_of("000")
    pronoun_paragraphs = [(t, s) for t, s in tagged if t.endswith(("he said.", "he wrote."))]
    assert len(pronoun_paragraphs) == 2
    for text, speakers in pronoun_paragraphs:
        assert "Dmitry Rogozin" in speakers, text


def test_000_opening_paragraph_resolves_embedded_he_said() -> None:
    tagged = speakers_of("000")
    assert find(tagged, "Dmitry Rogozin, head of Russian space agency") == ["Dmitry Rogozin"]


def test_000_surname_cues_map_to_full_name() -> None:
    tagged = speakers_of("000")
    assert find(tagged, "Tweeting in Russia, Rogozin wrote:") == ["Dmitry Rogozin"]
    assert find(tagged, "Rogozin went on.") == ["Dmitry Rogozin"]


def test_000_unreported_statement_has_no_speaker() -> None:
    tagged = speakers_of("000")
    assert find(tagged, "Russia will end its cooperation on the International") == []


# --- seed 001: listener is not a speaker, typo surname, forward surname reference ---------


def test_001_typo_surname_maps_to_terry_virts_and_fox_news_is_listener() -> None:
    tagged = speakers_of("001")
    assert find(tagged, "told Fox News.") == ["Terry Virts"]
    assert find(tagged, "retired NASA astronaut Terry Virts said") == ["Terry Virts"]


def test_001_musk_replied_uses_name_from_possessive() -> None:
    tagged = speakers_of("001")
    assert find(tagged, "Musk replied:") == ["Elon Musk"]


def test_001_tweeted_and_alleged() -> None:
    tagged = speakers_of("001")
    assert find(tagged, "Rogozin previously tweeted:") == ["Dmitry Rogozin"]
    assert find(tagged, "Rogozin alleged that") == ["Dmitry Rogozin"]
    assert find(tagged, "fearing the destruction of cooperation") == ["Dmitry Rogozin"]


# --- seed 002: byline, "he continued", title stripping ------------------------------------


def test_002_byline_gets_no_speakers_even_with_a_quote() -> None:
    paragraphs = seed_paragraphs("002")
    bio = next(i for i, p in enumerate(paragraphs) if p.startswith("Tom Ozimek has"))
    tagged = speakers_of("002", {bio: "byline"})
    assert tagged[bio][1] == []


def test_002_he_continued_and_president_title_stripped() -> None:
    tagged = speakers_of("002")
    assert find(tagged, "he continued.") == ["Dmitry Rogozin"]
    assert find(tagged, "President Joe Biden ordered") == ["Joe Biden"]
    assert find(tagged, "Rogozin wrote.") == ["Dmitry Rogozin"]


# --- seed 003: possessive documents, "said via Twitter" ------------------------------------


def test_003_letter_states_and_said_via_twitter() -> None:
    tagged = speakers_of("003")
    assert find(tagged, "Nelson's letter states") == ["Bill Nelson"]
    assert find(tagged, "Rogozin said via Twitter") == ["Dmitry Rogozin"]
    assert find(tagged, 'saying, "Let them fly') == ["Dmitry Rogozin"]


# --- seed 004: organisations, Russian text --------------------------------------------------


def test_004_organisations_and_signed_letter() -> None:
    tagged = speakers_of("004")
    assert find(tagged, "the letter signed by NASA administrator Bill Nelson reads") == [
        "Bill Nelson"
    ]
    # "CSA" is the article's "Canadian Space Agency": one facet entry, not two.
    assert find(tagged, "The CSA appears to have") == ["Canadian Space Agency", "Josef Aschbacher"]
    assert "NASA" in find(tagged, "NASA said Russia was")


def test_004_cyrillic_tweet_is_attributed_to_its_author_only() -> None:
    tagged = speakers_of("004")
    assert find(tagged, "Глава НАСА") == ["Dmitry Rogozin"]  # from "(@Rogozin)"


def test_non_body_paragraphs_are_always_empty() -> None:
    paragraphs = seed_paragraphs("000")
    result = extract_speakers(paragraphs, ["caption"] * len(paragraphs))
    assert result == [[] for _ in paragraphs]


# --- small synthetic cases ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sources said the deal was close.",
        "Officials said the vote would be delayed.",
        "A spokesman said the company would not comment.",
        "However, the plan was dropped on Monday, the paper said.",
    ],
)
def test_generic_sources_yield_nothing(text: str) -> None:
    assert extract_speakers([text], ["body"]) == [[]]


def test_named_spokesman_is_a_speaker() -> None:
    text = "A spokesman, Tim Jones, said the company would not comment."
    assert extract_speakers([text], ["body"]) == [["Tim Jones"]]


def test_quote_running_over_paragraphs_keeps_its_speaker() -> None:
    paragraphs = [
        "Senator Jane Moss said: “We will not give up on this bill.",
        "“We have the votes, and we will bring it to the floor.",
        "“Nobody should doubt that.”",
        "The bill faces a vote next week.",
    ]
    assert extract_speakers(paragraphs, ["body"] * 4) == [
        ["Jane Moss"],
        ["Jane Moss"],
        ["Jane Moss"],
        [],
    ]


def test_bare_quotation_after_attributed_quote_is_the_same_speaker() -> None:
    paragraphs = [
        'Mark Hale, the mayor, told reporters: "The budget is balanced."',
        '"We did it without raising taxes."',
    ]
    assert extract_speakers(paragraphs, ["body", "body"]) == [["Mark Hale"], ["Mark Hale"]]


def test_she_resolves_to_last_woman_not_last_man() -> None:
    paragraphs = [
        "Mary Stone, who chairs the board, announced she would resign.",
        "Paul Grant, her deputy, will take over in May.",
        "“It was time,” she said.",
    ]
    assert extract_speakers(paragraphs, ["body"] * 3) == [["Mary Stone"], [], ["Mary Stone"]]


def test_it_said_resolves_to_last_organisation() -> None:
    paragraphs = ["The Federal Reserve raised rates. It said inflation was too high."]
    assert extract_speakers(paragraphs, ["body"]) == [["Federal Reserve"]]


def test_titles_are_stripped_from_names() -> None:
    assert clean_span("ESA Director General Josef Aschbacher") == "Josef Aschbacher"
    assert clean_span("NASA Administrator Bill Nelson") == "Bill Nelson"
    assert clean_span("President Joe Biden") == "Joe Biden"
    assert clean_span("However") == ""


def test_near_miss_surname_needs_a_unique_candidate() -> None:
    book = NameBook(full_names=["Terry Virts"])
    assert book.canonical("Virt") == "Terry Virts"
    book = NameBook(full_names=["Terry Virts", "Anna Virtz"])
    assert book.canonical("Virt") == "Virt"
    assert within_one_edit("virts", "virt") and not within_one_edit("virts", "vir")


def test_tweet_signature_names_its_author_by_handle_or_display_name():
    paragraphs = [
        "Jane Roe, the mayor, said the bridge would close.",
        "Мост закрыт. pic.twitter.com/x — Джейн (@Roe) April 2, 2022",
        "Мост закрыт. — Джейн (@bridgeinfo) April 2, 2022",
        "It will reopen soon. — City Hall (@cityhall) May 1, 2022",
        "Plain paragraph with a dash — and (@mentions) inside it, not at the end.",
    ]
    speakers = extract_speakers(paragraphs, ["body"] * 5)
    assert speakers[1:] == [["Jane Roe"], ["@bridgeinfo"], ["City Hall"], []]


def test_asking_for_comment_is_not_speech_but_asking_a_question_is():
    paragraphs = [
        "Politico has asked the White House for comment.",
        "“Why now?” asked Senator Jane Roe.",
    ]
    assert extract_speakers(paragraphs, ["body", "body"]) == [[], ["Jane Roe"]]


def test_a_reply_with_a_goal_is_play_and_a_reply_with_a_statement_is_speech() -> None:
    paragraphs = [
        "The Sharks took the lead on a power play. Maple City responded with a goal 17 "
        "seconds later, and Jonas Weber answered with a wrist shot from the point.",
        'Mayor Ana Costa responded with a statement calling the vote "a win for every '
        'family in this city."',
        "Okafor replied with back-to-back three-pointers before the half.",
    ]
    assert extract_speakers(paragraphs, ["body"] * 3) == [[], ["Ana Costa"], []]


def said(*paragraphs: str) -> list[list[str]]:
    return extract_speakers(list(paragraphs), ["body"] * len(paragraphs))


def test_an_outlets_title_keeps_its_the_and_is_no_surname() -> None:
    """A capital "The" in mid-sentence marks a title: "The Hill" reported, not a Mr. Hill.
    The same word opening a sentence is the same outlet, where the article has it."""
    assert said(
        "“The bill is dead,” a senior aide told reporters, as The Hill reported on Sunday.",
        "The Hill reported that the vote was delayed.",
    ) == [["The Hill"], ["The Hill"]]
    assert said("“We will win,” Baron Hill said.", "“It is close,” Hill said.") == [
        ["Baron Hill"],
        ["Baron Hill"],
    ]
    assert said("Rules were broken. As The Hill reported, “the rules were broken.”") == [
        ["The Hill"]
    ]
    # After an opening quotation mark "The" starts a sentence: no outlet "The Clinton".
    assert said("Jason Miller added, “The Clinton camp is chasing a game.”") == [["Jason Miller"]]


def test_a_pope_or_monarch_keeps_the_title_before_one_given_name() -> None:
    assert clean_span("Pope Francis") == "Pope Francis"
    assert clean_span("Queen Elizabeth") == "Queen Elizabeth"
    assert clean_span("President Obama") == "Obama"  # an office, not a regnal name
    assert clean_span("Prince Bandarsky") == "Bandarsky"  # no given name after it
    assert said("“Build bridges,” Pope Francis said.", "“He is not Christian,” Francis said.") == [
        ["Pope Francis"],
        ["Pope Francis"],
    ]


def test_a_word_inside_one_longer_name_is_that_person() -> None:
    """ "Ms. Acosta" of "Melba Acosta Febo" (two surnames); "Maddow" of "The Rachel Maddow
    Show"; but not a word two such names share, nor a first name."""
    assert said(
        "“Guarantees are good,” said Melba Acosta Febo, the bank’s president.",
        "“We need Chapter 9,” said Ms. Acosta.",
    ) == [["Melba Acosta Febo"], ["Melba Acosta Febo"]]
    assert said(
        "Clinton sat down with MSNBC’s “The Rachel Maddow Show” on Thursday.",
        "“Would you choose a woman?” Maddow asked.",
    ) == [[], ["Rachel Maddow"]]
    assert said(
        "Melba Acosta Febo and Luis Acosta Ruiz run the bank.",
        "“We need Chapter 9,” said Ms. Acosta.",
    ) == [[], ["Acosta"]]


def test_a_surname_is_not_a_firm_named_after_two_people() -> None:
    """ "Davis Manafort" starts with Rick Davis's surname: the firm, not a Mr. Manafort."""
    firm = "Paul Manafort later formed Davis Manafort with Rick Davis."
    quote = "“We won,” Manafort said."
    assert said(firm, quote)[1] == ["Paul Manafort"]
    # Without a Davis, "Davis Manafort" could be a second Manafort: the surname is then
    # the one the story introduced first.
    assert said("Paul Manafort later joined Davis Manafort.", quote)[1] == ["Paul Manafort"]


def test_a_full_name_without_a_suffix_is_not_the_junior() -> None:
    assert said(
        "“I will win,” Donald Trump said.",
        "“My father will win,” Donald Trump Jr. said.",
        "“Believe me,” Trump said.",
    ) == [["Donald Trump"], ["Donald Trump Jr."], ["Donald Trump"]]
    # An article with no other Trump: the bare surname is the junior.
    assert said("Donald Trump Jr. spoke first.", "“We will win,” Trump said.")[1] == [
        "Donald Trump Jr."
    ]


def test_a_name_with_a_digit_is_no_person() -> None:
    assert said(
        "EgyptAir Flight MS804 vanished over the sea.",
        "“We are searching,” EgyptAir said.",
    )[1] == ["EgyptAir"]


def test_a_titles_of_phrase_goes_with_the_title() -> None:
    assert clean_span("White House Chief of Staff Denis McDonough") == "Denis McDonough"
    assert clean_span("Director of National Intelligence James Clapper") == "James Clapper"
    assert clean_span("Secretary of State") == "Secretary of State"  # no name after it
    assert said(
        "White House Chief of Staff Denis McDonough praised him.",
        "“He is the greatest,” McDonough wrote.",
    )[1] == ["Denis McDonough"]


def test_a_title_word_that_begins_an_organisations_name_stays() -> None:
    """ "General Motors" is no Mr. Motors, "State Department" no "Department"."""
    assert clean_span("General Motors") == "General Motors"
    assert clean_span("TD Bank") == "TD Bank"
    assert clean_span("State Department") == "State Department"
    assert clean_span("ESA Director General Josef Aschbacher") == "Josef Aschbacher"
    assert said("“Sales fell,” General Motors said.") == [["General Motors"]]


def test_names_that_begin_with_an_accented_capital_are_names() -> None:
    assert said("“We will build,” said Aoife Ní Bhriain, the housing spokesperson.") == [
        ["Aoife Ní Bhriain"]
    ]
    assert said("“It was a long season,” Émile Tremblay said.") == [["Émile Tremblay"]]


def test_a_plural_possessive_inside_an_organisations_name_keeps_it_whole() -> None:
    assert said(
        "The Manitoba Teachers' Society voted to strike. “The offer is an insult,” it said."
    ) == [["Manitoba Teachers' Society"]]
    assert said("Sanders' New Hampshire win was big, Bernie Sanders said.") == [["Bernie Sanders"]]
    assert said("The Commission on Presidential Debates said it would not move.") == [
        ["Commission on Presidential Debates"]
    ]


def test_a_group_for_a_cause_is_one_organisations_name() -> None:
    """ "Massachusetts Democrats for Education Reform" is one group, not the Democrats and
    a Mr. Education Reform; a portfolio, a title or a person after "and" is not in it."""
    assert said(
        "“We will win this,” said Tom Kerrigan, president of Northfield Parents for "
        "School Choice.",
        "The Centers for Disease Control and Prevention said cases rose.",
        "The Brookline Club for Fair Housing said it would appeal.",
    ) == [
        ["Tom Kerrigan"],
        ["Centers for Disease Control and Prevention"],
        ["Brookline Club for Fair Housing"],
    ]
    assert [n for _, _, n in iter_spans("Lawyers for Manafort said he was innocent.")] == [
        "Lawyers",
        "Manafort",
    ]
    assert [n for _, _, n in iter_spans("said Minister for Energy Asif Rana on Monday")] == [
        "Asif Rana"
    ]
    assert [n for _, _, n in iter_spans("the Center for Renewal and John Ruiz agreed")] == [
        "Center for Renewal",
        "John Ruiz",
    ]
    assert said(
        "Nuclear experts Dana Ruel and Omar Haddad of the Institute for Science and Global "
        "Security wrote in a report that the test failed."
    ) == [["Dana Ruel", "Omar Haddad"]]


def test_text_decoded_with_the_wrong_encoding_gives_the_names_as_spelled() -> None:
    """ "FranÃ§ois Hollande": UTF-8 read once as Latin-1 is repaired (ftfy) before names
    are read, and an accented given name has its gender ("François" is a man's)."""
    assert said(
        "In an address on Friday, President FranÃ§ois Hollande condemned the attack. "
        "“France will not bow,” he said."
    ) == [["François Hollande"]]
    assert said("“We are ready,” said Rep. RaÃºl Grijalva.") == [["Raúl Grijalva"]]


def test_a_sentence_opener_or_a_phrase_after_the_is_no_ones_full_name() -> None:
    """ "Maybe Halvorsen is right" names Halvorsen, not a "Maybe Halvorsen" his quotes would
    go to; "the Halvorsen Express" and "the Indiana Statehouse" are phrases a bare
    "Halvorsen" or "Indiana" does not stand for."""
    assert said(
        "Maybe Halvorsen is right about the plant. “We will win this,” Halvorsen said."
    ) == [["Halvorsen"]]
    assert said(
        "For those not yet on the Halvorsen Express, the rally was a revelation.",
        "“We will win this,” Halvorsen said.",
    ) == [[], ["Halvorsen"]]
    assert said(
        "State Representative Karla Mace spoke across the street from the Indiana Statehouse.",
        "Indiana has lost 10,000 factory jobs in a decade, she said.",
    ) == [[], ["Karla Mace"]]


def test_what_describes_a_person_before_the_name_is_not_the_name() -> None:
    assert clean_span("Unseeded Czech Tereza Nováková") == "Tereza Nováková"
    assert clean_span("Embattled Mayor Bill de Blasio") == "Bill de Blasio"
    assert clean_span("French Open") == "French Open"
    assert clean_span("British Prime Minister Theresa May") == "Theresa May"
    assert clean_span("Donald Trump Will") == "Donald Trump"


def test_a_phrase_run_into_a_name_is_left_out_at_the_given_name() -> None:
    """ "the Liar of the Year Barack Obama" made a speaker "Year Barack Obama"."""
    assert clean_span("Year Barack Obama") == "Barack Obama"
    assert clean_span("Super Bowl MVP Tom Brady") == "Tom Brady"
    # Names of several given names or an initial stay whole, and organisations too.
    assert clean_span("Mary Kate Smith") == "Mary Kate Smith"
    assert clean_span("J. Edgar Hoover") == "J. Edgar Hoover"
    assert clean_span("Sarah Jessica Parker") == "Sarah Jessica Parker"
    assert clean_span("Bank of America Merrill Lynch") == "Bank of America Merrill Lynch"
    assert clean_span("Harvard Kennedy School") == "Harvard Kennedy School"
    text = "Voters chose Footballer of the Year Marcus Rashford. “It means a lot,” Rashford said."
    assert said(text) == [["Marcus Rashford"]]


def test_a_place_run_into_a_name_is_not_part_of_it() -> None:
    """ "the Ted Cruz South Carolina victory party" made "South Carolina, says Cruz" a
    speaker "Ted Cruz South Carolina". One-word places stay: they are surnames too."""
    assert clean_span("Ted Cruz South Carolina") == "Ted Cruz"
    assert clean_span("Aisha Bello New Zealand") == "Aisha Bello"
    assert clean_span("George Washington") == "George Washington"
    assert clean_span("Michael B. Jordan") == "Michael B. Jordan"
    assert clean_span("Bank of America New York") == "Bank of America New York"


def test_an_outlets_opening_word_is_no_sentence_adverb() -> None:
    """ "Daily" and "Weekly" end like adverbs ("Increasingly", "Notably") but open the
    names of papers."""
    assert said("The Daily Caller reported that the senator gave money.") == [["Daily Caller"]]
    assert said("Daily Graphic reported on Monday that the tender was cancelled.") == [
        ["Daily Graphic"]
    ]
    assert said("Increasingly, Mensah says, the port is full.") == [["Mensah"]]


def test_a_description_after_an_inverted_cue_is_its_subject() -> None:
    """ "said the 22-year-old from Brno": the description, not a reported clause, is what
    the rules propose (the model then weighs it)."""
    text = '"I was telling myself to stay with her," said the 22-year-old from Brno.'
    book = build_namebook([text])
    (found,) = find_attributions(text, find_mentions(text, book))
    assert (found.source.name, found.shape) == ("the 22-year-old", "inverted")


def test_an_office_with_no_name_after_it_is_no_name() -> None:
    """ "The Minister of Conservation has announced" names nobody yet (it was "of
    Conservation"); "Mayor of London Sadiq Khan" is Sadiq Khan."""
    assert clean_span("The Minister of Conservation") == ""
    assert clean_span("Mayor of London Sadiq Khan") == "Sadiq Khan"
    assert said("The Minister of Conservation has announced a ban on new mining permits.") == [[]]


def test_a_place_after_of_in_a_persons_description_is_not_the_person() -> None:
    assert said(
        "Martin Hebblethwaite, 58, of Elm Grove, Sedgeford, admitted he had lied to the court."
    ) == [["Martin Hebblethwaite"]]


def test_a_surname_two_people_share_is_the_one_introduced_first() -> None:
    """An obituary names the man, then "His daughter, Lindiwe Mokoena": a bare "Mokoena"
    is still him, not the longer name. An honorific or a gendered pronoun picks the other."""
    lede = "Jazz saxophonist Themba Mokoena has died at his home in Soweto."
    daughter = "His daughter, Lindiwe Mokoena, said he died peacefully at home."
    assert said(lede, daughter, "“He taught me to listen,” Mokoena once said.")[2] == [
        "Themba Mokoena"
    ]
    assert said(lede, daughter, "“He never stopped,” Ms Mokoena said.")[2] == ["Lindiwe Mokoena"]
    assert said(
        lede,
        daughter,
        "Mokoena was born in Sophiatown in 1943.",
        "“He played until the very end,” she said.",
    )[2:] == [[], ["Lindiwe Mokoena"]]


def test_an_honorific_tells_a_husband_from_his_wife() -> None:
    """ "Mr. Clinton" is Bill and "Mrs. Clinton" Hillary, whoever the story named first."""
    assert said(
        "Bill Clinton campaigned for Hillary Clinton in Iowa.",
        "“She is ready,” Mr. Clinton said.",
        "“We will win,” Mrs. Clinton said.",
    )[1:] == [["Bill Clinton"], ["Hillary Clinton"]]


def test_after_an_honorific_the_name_begins() -> None:
    """ "Dr Nor Hayati Mohd Yusof" and "Dr Khairul Anuar Zakaria" keep given names the
    lists do not know (and "Nor" is a stop word); "Miss Universe" is a title, not a name."""
    assert clean_span("Datuk Seri Dr Nor Hayati Mohd Yusof") == "Nor Hayati Mohd Yusof"
    assert clean_span("Dr Khairul Anuar Zakaria") == "Khairul Anuar Zakaria"
    assert clean_span("Miss Universe Alicia Machado") == "Alicia Machado"
    assert clean_span("Senior Principal Magistrate Esther Chebet Ruto") == "Esther Chebet Ruto"


def test_a_parliament_is_no_one_a_pronoun_stands_for() -> None:
    """ "in the Dewan Rakyat, he said": the chamber, like the House, does not speak."""
    assert said(
        "Deputy Finance Minister Zulkarnain Mohd Yusof tabled the bill on Monday.",
        "Winding up the debate in the Dewan Rakyat, he said the move would save RM8 billion.",
    )[1] == ["Zulkarnain Mohd Yusof"]


def test_a_portfolio_after_for_is_no_part_of_the_name() -> None:
    """ "MEC for Education Fundile Gqwetha-Mapu", "Minister for National Development Lim
    Wei Jie": the office's words stay with the title; "Parish priest Fr X" is X."""
    text = "MEC for Education Fundile Gqwetha-Mapu told a ceremony that pass rates rose."
    assert [name for *_, name in iter_spans(text)] == ["Fundile Gqwetha-Mapu"]
    text = "Minister for National Development Lim Wei Jie said the flats would be ready."
    assert [name for *_, name in iter_spans(text)] == ["Lim Wei Jie"]
    assert said(
        "Parish priest Fr Mario Vella-Falzon blessed the tree and told the crowd that it had "
        "“seen more of this village's history than any of us”."
    ) == [["Mario Vella-Falzon"]]


def test_long_names_and_particles_of_other_languages() -> None:
    """ "José Manuel Albarracín Ruiz de Velasco" is one person, whom "Albarracín" and "he"
    stand for; "Le Gall", "du Plessis" are surnames, not given names to start at; a
    headline's "Zoe Saldana Asked Men Everywhere" is no name."""
    assert said(
        "The meeting was between Foreign Minister José Manuel Albarracín Ruiz de Velasco and "
        "his counterpart, Youssef El Ouazzani.",
        "Speaking at a joint press conference, Albarracín said the deal marked “a new chapter”.",
    )[1] == ["José Manuel Albarracín Ruiz de Velasco"]
    assert clean_span("Jean-Baptiste Le Gall") == "Jean-Baptiste Le Gall"
    assert said(
        "The head of the union, Jean-Baptiste Le Gall, says turnout is “higher than in March”."
    ) == [["Jean-Baptiste Le Gall"]]
    assert not looks_like_person("Zoe Saldana Asked Men Everywhere")


def test_a_person_surnamed_like_a_nationality_is_a_person() -> None:
    """ "Mark Cuban" and "Bryan English" are people whom "Cuban" and "he" stand for, but
    "Key Democratic senators" are still a description, nobody."""
    assert said(
        "Mark Cuban, the owner of the Harbour Kings, says he may yet run.",
        "Pushed by host Dana Ruiz on what could bring him to run, Cuban demurred.",
        "“It's too early to tell,” said Cuban.",
        "“There are so many variables,” he said.",
    ) == [["Mark Cuban"], [], ["Mark Cuban"], ["Mark Cuban"]]
    assert said("“We told them so,” said Bryan English, the campaign's director.") == [
        ["Bryan English"]
    ]
    assert said("Key Democratic senators said the bill would pass.") == [[]]


def test_will_and_said_capitalised_within_a_sentence_are_names() -> None:
    """A modal or a verb is capitalised only where a sentence starts: "said Will Doyle" is
    Will Doyle, and "Will wrote" in a column about George Will is the columnist."""
    assert [name for *_, name in iter_spans("“It's costly,” said Will Doyle, a professor.")] == [
        "Will Doyle"
    ]
    assert [name for *_, name in iter_spans("The deal, Said Benali said, was done.")] == [
        "Said Benali"
    ]
    assert [name for *_, name in iter_spans("Will Labour win? It may.")] == ["Labour"]
    assert said(
        "Columnist George Will weighed in on Sunday.",
        "In particular, Will wrote, the governor “can win the state.”",
    )[1] == ["George Will"]


def test_a_name_that_fills_a_quotation_is_no_one_s_full_name() -> None:
    """A quoted title or nickname ("'Wilayat Twitter'") is not the full form of the
    organisation that later speaks under its last word."""
    assert said(
        "Some accounts give their location as “Wilayat Twitter,” or the province of Twitter.",
        "“We have always sought balance,” Twitter said in a statement.",
    ) == [[], ["Twitter"]]


def test_a_company_after_a_based_adjective_is_the_company() -> None:
    assert said("London-based Tesco said profits fell.") == [["Tesco"]]


def test_calling_off_or_up_is_not_speech() -> None:
    assert said(
        "Chicago-based AbbVie and Dublin-based Shire called off their deal on Tuesday.",
        "The striker Tom Bell was called up to the squad on Monday.",
        "Ferncastle Holdings called for an inquiry.",
    ) == [[], [], ["Ferncastle Holdings"]]


def test_a_named_source_declining_to_comment_is_their_answer() -> None:
    """"Kendall declined to comment" is an answer on the record; declining an offer is not."""
    assert said(
        "Clinton's attorney, David Kendall, declined to comment.",
        "Jay Carney is now at Amazon. He declined to comment.",
        "Marta Ruiz declined to run for office again.",
    ) == [["David Kendall"], ["Jay Carney"], []]


def test_a_lone_surname_opening_a_sentence_with_a_verb_only_people_use_is_a_person() -> None:
    """"Okafor openly admitted" is someone, as "Okafor said" is, and the "he" after it is his."""
    assert said(
        "Governor Tunde Bello spoke first.",
        "Okafor openly admitted that his pick was political. “It is about Lagos,” he said.",
    ) == [[], ["Okafor"]]


def test_stated_before_a_quotation_and_went_on_to_say_are_speech() -> None:
    assert said(
        "Anthony Anton of the Restaurant Association stated, “It is a math problem.”",
        "Bryne went on to say, “I know this to be true.”",
        "She grew up in the state, “a place of hope.”",
    ) == [["Anthony Anton"], ["Bryne"], []]

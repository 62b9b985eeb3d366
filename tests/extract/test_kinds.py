from __future__ import annotations

from conftest import EPOCH_TIMES, FOX_QUOTE, NEWSWEEK, SEEDS

from searchapp.corpus import read_corpus
from searchapp.extract.kinds import BODY, BYLINE, CAPTION, classify_paragraphs


def kinds_of(article_id: str) -> dict[int, str]:
    article = next(a for a in read_corpus(SEEDS) if a.id == article_id)
    kinds = classify_paragraphs(article.paragraphs)
    return {i: kind for i, kind in enumerate(kinds) if kind != "body"}


def test_seed_furniture_is_recognised_and_the_rest_is_body():
    assert kinds_of(NEWSWEEK) == {14: "boilerplate", 15: "caption"}
    assert kinds_of(FOX_QUOTE) == {0: "caption"}
    assert kinds_of(EPOCH_TIMES) == {6: "caption", 16: "byline", 17: "byline", 18: "boilerplate"}


def test_author_from_front_matter_marks_the_byline_and_bio():
    paragraphs = ["By Jane Doe", "The senator said no.", "Jane Doe covers Congress for us."]
    assert classify_paragraphs(paragraphs, author="Jane Doe") == ["byline", "body", "byline"]


def test_ordinary_short_sentences_stay_body():
    paragraphs = [
        "He declined.",
        "Read more of her work is not a phrase that starts this.",
        "Reuters reported the talks had stalled (officials said).",
    ]
    assert classify_paragraphs(paragraphs)[0] == "body"
    assert classify_paragraphs(paragraphs)[2] == "body"


def test_scraper_residue_is_boilerplate():
    paragraphs = ["___.", "Read the rest here.", "<tweet data-id='1'>", "FULL TEXT."]
    assert classify_paragraphs(paragraphs) == ["boilerplate"] * 4


def test_link_lines_of_every_house_style_are_boilerplate():
    """ "Also read:" and "See also:" are how many outlets outside the US write "READ MORE:";
    a link's headline names someone, and must not make them a speaker."""
    paragraphs = [
        "Also read: NEMA warns 11 states of imminent flooding",
        "READ MORE: Minister says dam will be ready by 2027",
        "See also: Ruto hails Kenya's tea exports",
        "Also, read the minister's statement, which says little.",
    ]
    assert classify_paragraphs(paragraphs) == ["boilerplate"] * 3 + ["body"]


def test_credit_lines_are_author_lines():
    """A credit names who reported, not who is quoted: it never carries speakers."""
    assert classify_paragraphs(
        [
            "Samantha Lachman contributed reporting from Charleston.",
            "Additional reporting by Ana Ruiz in Lima.",
            "Reporting by Tom Hale; Editing by Jane Merriman",
            "Reporting was thin in the early days of the crisis, officials said.",
            "Laura Benavides reported from Guatemala City, and Thomas Quill from Washington.",
            "Maria Ruiz reported from the scene that two people had died.",
        ]
    ) == [BYLINE, BYLINE, BYLINE, BODY, BYLINE, BODY]


def test_a_sentence_that_names_an_agency_at_its_end_is_no_caption():
    """ "..., told AFP." ends a quotation; "Scott Olson via Getty Images." is a credit."""
    assert classify_paragraphs(
        [
            "“He will win,” Jeff Sessions, a close adviser to Trump, told AFP.",
            "A video credited to Reuters/Libya showed the fighters.",
            "Scott Olson via Getty Images.",
        ]
    ) == [BODY, BODY, CAPTION]

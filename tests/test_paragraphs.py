"""Article → paragraph documents, with the metadata the product promises."""

from __future__ import annotations

import datetime as dt
import json

from conftest import BROOMSTICKS, EPOCH_TIMES, FOX_QUOTE, HAMDEN, NEWSWEEK, SEEDS

from searchapp.corpus import Article, read_corpus
from searchapp.extract.quotes import Quote
from searchapp.paragraphs import ParagraphDoc, paragraph_docs


def docs_of(article_id: str):
    article = next(a for a in read_corpus(SEEDS) if a.id == article_id)
    return paragraph_docs(article)


def test_one_document_per_paragraph_with_positional_ids():
    docs = docs_of(NEWSWEEK)
    assert [d.id for d in docs] == [f"{NEWSWEEK}:{i}" for i in range(16)]
    assert {d.outlet for d in docs} == {"Newsweek"}
    assert {d.date for d in docs} == {dt.date(2022, 4, 2)}


def test_paragraphs_ending_he_said_carry_dmitry_rogozin():
    endings = [d for d in docs_of(NEWSWEEK) if d.text.endswith(("he said.", "he wrote."))]
    assert len(endings) == 2
    assert all("Dmitry Rogozin" in d.speakers for d in endings)


def test_outlet_cited_in_a_quote_is_not_the_outlet():
    docs = docs_of(FOX_QUOTE)
    assert {d.outlet for d in docs} == {None}
    assert all("Fox News" not in d.speakers for d in docs)


def test_furniture_carries_no_speakers():
    docs = docs_of(EPOCH_TIMES)
    bio = docs[17]
    assert bio.kind == "byline" and "Roy Peter Clark" in bio.text and bio.speakers == ()
    assert all(d.speakers == () and d.quotes == () for d in docs if d.kind != "body")


def test_missing_title_is_derived_from_the_lead_and_marked():
    doc = docs_of(NEWSWEEK)[0]
    assert doc.title_derived is True
    assert doc.title.startswith("Russia will end its cooperation on the International Space")
    assert len(doc.title) <= 91


def test_front_matter_wins_over_extraction():
    article = Article(
        id="a",
        source="a.md",
        title="Given title",
        outlet="Politico",
        date=dt.date(2016, 9, 12),
        author="Jane Doe",
        paragraphs=("Newsweek has asked NASA for comment. Update 04/02/22: changed.",),
    )
    [doc] = paragraph_docs(article)
    assert (doc.title, doc.title_derived, doc.outlet, doc.date, doc.author) == (
        "Given title",
        False,
        "Politico",
        dt.date(2016, 9, 12),
        "Jane Doe",
    )
    assert doc.to_json()["date"] == "2016-09-12"


def test_asking_for_comment_is_not_speech():
    docs = docs_of(NEWSWEEK)
    assert docs[13].text == "Newsweek has asked NASA and the ESA for comment."
    assert docs[13].speakers == ()


def test_an_embedded_tweet_is_attributed_to_its_author():
    tweet = docs_of(HAMDEN)[3]
    assert tweet.text.endswith("(@Rogozin) April 2, 2022")
    assert tweet.speakers == ("Dmitry Rogozin",)


BROOMSTICKS_QUOTE = Quote("Dmitry Rogozin", "Let them fly on something else, on broomsticks.", True)


def test_a_paragraph_carries_what_was_said_and_by_whom():
    doc = docs_of(BROOMSTICKS)[10]
    assert BROOMSTICKS_QUOTE in doc.quotes
    assert "Let them fly on something else, on broomsticks." in doc.text


def test_speakers_are_the_distinct_speakers_of_the_quotes_in_order():
    docs = [doc for article in read_corpus(SEEDS) for doc in paragraph_docs(article)]
    for doc in docs:
        assert doc.speakers == tuple(dict.fromkeys(q.speaker for q in doc.quotes)), doc.id
    assert any(len(doc.quotes) > len(doc.speakers) > 0 for doc in docs)  # repeats collapse
    assert any(not q.direct for doc in docs for q in doc.quotes)  # reported speech is kept


def test_quotes_export_as_plain_json_objects():
    data = docs_of(BROOMSTICKS)[10].to_json()
    assert {
        "speaker": "Dmitry Rogozin",
        "text": "Let them fly on something else, on broomsticks.",
        "direct": True,
    } in data["quotes"]
    assert all(set(quote) == {"speaker", "text", "direct"} for quote in data["quotes"])
    assert json.loads(json.dumps(data)) == data


LEAD = "The city council voted on Tuesday to close the old bridge. Repairs will take a year."
QUOTE = '"We had no choice," said the mayor, Ana Lopez.'


def derived(*paragraphs: str) -> ParagraphDoc:
    """The first paragraph document of an invented article without front matter."""
    return paragraph_docs(Article(id="x", source="x.txt", paragraphs=paragraphs))[0]


def test_derived_title_is_the_lead_sentence_after_the_furniture_before_it():
    for opening in (
        ("date 2022-04-02", LEAD),
        ("LETTERS.", LEAD),
        ("By Jane Doe and John Roe", LEAD),
        ("Co-authored by Hasmik Piliposyan.", LEAD),
        (" date 2022-04-02 " + LEAD,),  # seed 004's shape: the label glued to the lead
        ("Published: April 2, 2022 10:15 a.m. ET | " + LEAD,),
        ("Updated 04/02/22 11.00a.m. E.T.: " + LEAD,),
        ("UPDATE: 5/12 — " + LEAD,),
    ):
        doc = derived(*opening, QUOTE)
        assert doc.title == "The city council voted on Tuesday to close the old bridge", opening
        assert doc.title_derived


def test_derived_title_drops_the_dateline():
    for dateline in (
        "WASHINGTON —",
        "WASHINGTON --",
        "ST. LOUIS ―",
        "DES MOINES, Iowa -",
        "SPRINGFIELD, Ill., April 2 (Reuters) -",
        "MEXICO CITY, Feb. 8 (UPI) —",
        "NEW YORK (AP) —",
        "Springfield (AFP) –",
        "(CNN)",
    ):
        title = derived(f"{dateline} {LEAD}").title
        assert title == "The city council voted on Tuesday to close the old bridge", dateline


def test_a_lead_that_only_looks_like_furniture_is_kept_whole():
    assert derived("U.S.-imposed sanctions hit Russia's space program hard.").title == (
        "U.S.-imposed sanctions hit Russia's space program hard"
    )
    assert derived("Mehmet Oz — a surgeon and TV star — has been a guest.").title == (
        "Mehmet Oz — a surgeon and TV star — has been a guest"
    )
    assert derived("Posted Sunday on Facebook, the video drew a million views.").title == (
        "Posted Sunday on Facebook, the video drew a million views"
    )


def test_derived_title_does_not_stop_at_an_abbreviation():
    assert derived("Sens. Rand Paul (Ky.) and Marco Rubio debated taxes. Then more.").title == (
        "Sens. Rand Paul (Ky.) and Marco Rubio debated taxes"
    )
    assert derived("Donald J. Trump met Gov. Chris Christie in St. Louis. He left.").title == (
        "Donald J. Trump met Gov. Chris Christie in St. Louis"
    )
    assert derived("A pause in N.H. is over for the senator in S.C.").title == (
        "A pause in N.H. is over for the senator in S.C."
    )


def test_seed_titles_read_as_lead_sentences():
    titles = {a.id: paragraph_docs(a)[0].title for a in read_corpus(SEEDS)}
    assert titles[HAMDEN].startswith("Russia says it will end cooperation with other nations")
    for title in titles.values():
        assert title.startswith("Russia") and "date" not in title.split()[:3]


def test_a_byline_fills_the_author_of_every_paragraph():
    for byline, author in (
        ("By Tom Ozimek", "Tom Ozimek"),
        ("By Tom Ozimek, The Epoch Times", "Tom Ozimek"),
        ("By Jane Doe, Staff Writer", "Jane Doe"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("BY ASHLEY PARKER AND MAGGIE HABERMAN", "Ashley Parker and Maggie Haberman"),
        ("By Jane Doe, John Roe and Ann Smith, USA TODAY", "Jane Doe, John Roe and Ann Smith"),
    ):
        docs = paragraph_docs(Article(id="x", source="x.txt", paragraphs=(byline, LEAD, QUOTE)))
        assert docs[0].kind == "byline"
        assert {doc.author for doc in docs} == {author}, byline


def test_the_signature_under_an_article_is_its_author():
    signed = (LEAD, QUOTE, "Tom Ozimek", "Tom Ozimek has a broad background in journalism.")
    docs = paragraph_docs(Article(id="x", source="x.txt", paragraphs=signed))
    assert {doc.author for doc in docs} == {"Tom Ozimek"}
    credit = (LEAD, QUOTE, "Reporting by Ana Ruiz in Madrid; Editing by Joe Bloggs")
    assert derived(*credit).author == "Ana Ruiz"


def test_captions_sentences_and_contributors_are_not_authors():
    for paragraphs in (
        ("Tom Ozimek - ESA/NASA/Getty Images", LEAD),  # a photo credit
        ("Photo by Jane Doe", LEAD),
        (LEAD, QUOTE, "Jane Doe contributed reporting."),
        (LEAD, QUOTE, "Additional reporting by Ana Ruiz"),
        ("International Space Station", LEAD),  # a label, not a first name
        (LEAD, "Tom Ozimek has a broad background in journalism."),  # a bio, a sentence
        (LEAD, "Amanda Terkel", QUOTE, LEAD),  # one entry of a live blog
        (LEAD, QUOTE),
    ):
        assert derived(*paragraphs).author is None, paragraphs


def test_front_matter_author_wins_over_the_byline():
    article = Article(id="x", source="x.txt", author="Jane Doe", paragraphs=("By John Roe", LEAD))
    assert {doc.author for doc in paragraph_docs(article)} == {"Jane Doe"}


def test_the_seed_byline_is_the_epoch_times_author():
    assert {doc.author for doc in docs_of(EPOCH_TIMES)} == {"Tom Ozimek"}
    assert {doc.author for doc in docs_of(NEWSWEEK)} == {None}

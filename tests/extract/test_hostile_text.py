"""Text that once stalled a reindex (issue 11): each gives a result, none stops the run.

No timed assertions (the machine is shared): the inputs the hostile run took 17 to 73 s
on are run, and their cost is bounded by construction, by linear rules and by the size
limits of extraction. `bench/extract_hostile.py` prints the seconds.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import SEEDS

from searchapp import paragraphs
from searchapp.corpus import Article
from searchapp.engine import ParagraphIndex
from searchapp.indexing import reindex
from searchapp.paragraphs import MAX_EXTRACT_PARAGRAPH, article_docs, paragraph_docs

NEWS = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(SEEDS.glob("*")))

# The inputs, which were quadratic in the rules themselves.
HOSTILE = {
    "spaces": "a" + " " * 100_000 + "b",
    "tabs": "a" + "\t" * 100_000 + "b",
    "said": "said " * 20_000,
    "request for comment": "did not respond to Politico's request for comment " * 3_000,
    "unclosed single quotes": "‘a " * 30_000,
    "straight single quotes": "x 'a" * 50_000,
    "apostrophes after single quotes": " 'a's" * 40_000,
    "pronoun cues": "He said " * 12_500,
    "descriptions": "The senator said " * 10_000,
    "quotations": "“We will,” Jane Doe said. " * 4_000,
    # The attribution model's proposals: alternatives for "they", "the company", bare quotes.
    "they after organisations": "Acme Corp said it. They said so. " * 4_000,
    "organisation descriptions": "Acme Corp hired. The company said " * 4_000,
    "bare quotations": "“We will not stop here at all,” " * 6_000,
    "name-word descriptions": "Harlow Museum of Art opened. The museum said " * 4_000,
    # Stop 20's shapes: colons before quotations, spokespeople, police, places after "of".
    "colon quotations": "Ana Ruiz then boomed: “We will.” " * 5_000,
    "spokespeople": "A spokesperson for Harlow Borough Council said " * 3_000,
    "police": "Police said police said " * 5_000,
    "places after of": "Jo Bloggs, 58, of Elm Grove, Sedgeford, admitted " * 3_000,
    "plural possessives": "The Teachers' Society of Farmers' Union " * 4_000,
    # Stop 25's: organisations introduced by a noun, clauses after ", but" (one sentence of
    # 8,000 people, which each "she" read whole), roles before names, "The Post".
    "introduced organisations": " ".join(
        f"Independent company Acme{i:05d} Theatre staged it, the company said."
        for i in range(3_000)
    ),
    "clauses after but": "Ana Ruiz won, but Maria Holt replied, and she said " * 4_000,
    "roles before names": "The research firm Mardell Insight said " * 5_000,
    "one organisation per last word": " ".join(
        f"The Daily{i:05d} Post reported it. The Post said so." for i in range(3_000)
    ),
    # Stop 26's: roles given to thousands of people and called by, and wire datelines.
    "roles given and called": " ".join(
        f"Housing Minister Ana Ruiz{i:05d} spoke. The minister said so." for i in range(3_000)
    ),
    "dateline": "Pretoria" + "-Pretoria" * 20_000 + " – The minister said so.",
    "prefixed names and lists": "Liam Ó hAodha of Baile na Móna, hand, foot and mouth, said "
    * 3_000,
    "appeals and results": "Ana Ruiz appealed to the board to act and posted a 9% rise in " * 3_000,
    # Stop 27's: titled coordinations, documents issued and cited, findings and additions
    # whose clause is looked for, a transcript label, plural names.
    "titles, documents and findings": " ".join(
        f"Ana Ruiz{i:05d} and House Speaker Dev Rana said in a statement that a study led by "
        f"Dr Lee Tan of the Waste Solutions found the roof had gone; the statement said it "
        f"would add {i} more. Moriarty: Not this year."
        for i in range(3_000)
    ),
    # Stop 28's: public bodies by their place, organisations' appositives and acronyms,
    # offices run into names, subjects modified by a place, claims of things, data cited.
    "public bodies, offices and appositives": " ".join(
        f"The Kogi{i:05d} government, the Office of Relief (OR{i:05d}) in Eastern Samar said "
        f"Minister in the Ministry of Finance Nadira Persad{i:05d} claimed the winner; Najma "
        f"Air{i:05d}, the low-cost carrier based in Dubai, said, according to Harbour data."
        for i in range(3_000)
    ),
    # Stop 29's: statements by an officer, appositive names after possessive roles, name
    # particles and apostrophes, firms of partners, nicknames, documents made by someone.
    "statements, particles and makers": " ".join(
        f"The Kogi{i:05d} State Government, in a statement by the Commissioner for "
        f"Information, Mr Friday Ade{i:05d}, said Bhengu’s lawyer, Advocate Johan van der "
        f"Merwe{i:05d} SC, had argued; Harrowgate & Finch{i:05d} and Marcia “Queen Bee” "
        f"Ng’ang’a{i:05d} of Makerere University's Crime Unit said the research, led by Dr "
        f"Tan{i:05d} of the Observatory, found it."
        for i in range(3_000)
    ),
    # Stop 30's: honours, portfolios, seats in brackets, German and French quotation
    # marks, shared surnames, a bench, banners, a sentence's leader before a quotation.
    "honours, portfolios and quotation marks": " ".join(
        f"Tan Sri Lim{i:05d} Keng Huat (PRN-Bukit Bintang), MEC for Education Fundile "
        f"Gqwetha{i:05d}, „Bridges fall down,“ and «Nous» Mr Mokoena{i:05d} of the Institute "
        f"in Leiden, a Free Democrat, denied bail; the Bench observed a banner reading “Out”. "
        f"Baxendale{i:05d} laughs at that. ‘I had other conditions.’ „unclosed"
        for i in range(3_000)
    ),
    # Stop 33's: sources inside another's words, dash asides, causes and offices as names,
    # domains, sentence openers, mojibake, appositive pairs.
    "nested sources, causes and repaired text": " ".join(
        f"The Valley{i:05d} Times reports Glenn Barker{i:05d} will endorse Cruz — who spoke "
        f"at length — as Americans for Prosperity{i:05d} and the Manhattan District Attorney's "
        f"Office said GunBroker.com reported. Maybe Ruiz{i:05d} is right, FranÃ§ois Hol{i:05d} "
        f"said; two members, Reps. Ana Tull{i:05d} and Mia Ocampo{i:05d}, said so."
        for i in range(3_000)
    ),
}


def article(*texts: str, article_id: str = "a") -> Article:
    return Article(id=article_id, paragraphs=texts, source=f"{article_id}.txt")


@pytest.fixture
def uncapped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules alone: without the size limits, which would otherwise hide a slow one."""
    monkeypatch.setattr(paragraphs, "MAX_EXTRACT_PARAGRAPH", 10**9)
    monkeypatch.setattr(paragraphs, "MAX_EXTRACT_ARTICLE", 10**9)


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_is_extracted_by_linear_rules(name: str, uncapped: None) -> None:
    text = HOSTILE[name]
    (doc,) = paragraph_docs(article(text))
    assert doc.text == text


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_is_indexed_whole_within_the_limits(name: str) -> None:
    text = HOSTILE[name]
    result = article_docs(article(text))
    assert [doc.text for doc in result.docs] == [text]
    assert len(result.warnings) == 1


def test_a_long_news_paragraph_is_read_up_to_the_limit_and_indexed_whole(caplog) -> None:
    said = "“The station is falling apart,” Dmitry Rogozin said. "
    late = "“Broomsticks are not enough,” Jane Doe said."
    text = said + NEWS * (MAX_EXTRACT_PARAGRAPH * 20 // len(NEWS)) + late  # about 400 KB
    with caplog.at_level(logging.WARNING, logger="searchapp.paragraphs"):
        (doc,) = paragraph_docs(article(text))
    assert doc.text == text
    assert "Dmitry Rogozin" in doc.speakers
    assert "Jane Doe" not in doc.speakers  # past the limit: not read for speakers
    (record,) = caplog.records
    assert record.getMessage() == (
        f"a.txt: article 'a' paragraph 0: {len(text):,} characters; "
        f"speakers were read from its first {MAX_EXTRACT_PARAGRAPH:,}"
    )


def test_paragraphs_past_the_article_limit_are_indexed_without_speakers(monkeypatch) -> None:
    monkeypatch.setattr(paragraphs, "MAX_EXTRACT_ARTICLE", 200)
    said = "“We will not go back to the station,” Dmitry Rogozin said on Saturday."
    result = article_docs(article(said, said, said, said))
    assert [doc.text for doc in result.docs] == [said] * 4
    assert [bool(doc.speakers) for doc in result.docs] == [True, True, False, False]
    assert [str(w) for w in result.warnings] == [
        "a.txt: article 'a': over 200 characters; speakers were read from its first 2 "
        "paragraphs only"
    ]


def test_an_article_whose_extraction_raises_is_indexed_without_speakers(monkeypatch) -> None:
    def broken(*_args: object) -> None:
        raise IndexError("a rule's bug\non two lines")

    monkeypatch.setattr(paragraphs, "extract_quotes", broken)
    result = article_docs(Article(id="x", paragraphs=("One.", "Two."), source="x.txt"))
    assert [(doc.text, doc.speakers, doc.kind) for doc in result.docs] == [
        ("One.", (), "body"),
        ("Two.", (), "body"),
    ]
    assert result.docs[0].title == "One." and result.docs[0].title_derived
    assert [str(w) for w in result.warnings] == [
        "x.txt: article 'x': extraction failed (IndexError: a rule's bug on two lines); "
        "indexed without speakers"
    ]


def test_one_article_raising_during_extraction_does_not_stop_the_reindex(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "bad", "c"):
        (corpus / f"{name}.txt").write_text(f"“We will go on,” Jane Doe said of plan {name}.")
    real = paragraphs.extract_quotes

    def fails_on_bad(texts, kinds):
        if "plan bad" in texts[0]:
            raise RuntimeError("rule failed")
        return real(texts, kinds)

    monkeypatch.setattr(paragraphs, "extract_quotes", fails_on_bad)
    with caplog.at_level(logging.WARNING, logger="searchapp.paragraphs"):
        report = reindex(corpus, tmp_path / "index", procs=1)
    assert report.articles == 3 and not report.skipped
    searcher = ParagraphIndex.open(tmp_path / "index").searcher()
    try:
        speakers = {doc.article_id: doc.speakers for doc in searcher.iter_all()}
    finally:
        searcher.close()
    assert speakers == {"a": ("Jane Doe",), "bad": (), "c": ("Jane Doe",)}
    assert [r.getMessage() for r in caplog.records] == [
        "bad.txt: article 'bad': extraction failed (RuntimeError: rule failed); "
        "indexed without speakers"
    ]


def test_an_article_of_thousands_of_people_is_extracted_whole() -> None:
    """Many people of one surname: each lookup once scanned all of them."""
    letters = "bcdfghjkmnpqrstvwxz"  # no "-ing" or "-ly", which read as adverbs
    people = [
        f"Jo{letters[i % 19]}{letters[i // 19 % 19]}{letters[i // 361]} Smith" for i in range(5_000)
    ]
    texts = tuple(f"“We will go on,” {name} said." for name in people)
    result = article_docs(article(*texts))
    assert [doc.speakers for doc in result.docs] == [(name,) for name in people]
    assert not result.warnings

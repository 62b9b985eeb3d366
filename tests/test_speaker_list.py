"""`searchapp speakers` and `GET /api/speakers` (searchapp/speakers.py): the speaker
facet as a list a person can audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from searchapp import create_app
from searchapp.cli import main
from searchapp.indexing import reindex

ARTICLES = {
    "a.txt": "---\ntitle: One\noutlet: Example Wire\n---\n"
    'Dmitry Rogozin said: "The station will fall."\n\n'
    '"We will not give in," Rogozin said on Friday.\n',
    "b.txt": "---\ntitle: Two\noutlet: Example Wire\n---\n"
    'Rogozin told reporters: "Sanctions will not work."\n\n'
    'Bill Nelson said: "We keep working."\n',
}


def indexed(tmp_path_factory: pytest.TempPathFactory, articles: dict[str, str]) -> Path:
    """An index of these articles, as a reindex of their folder builds it."""
    folder = tmp_path_factory.mktemp("speakers")
    (folder / "corpus").mkdir()
    for name, text in articles.items():
        (folder / "corpus" / name).write_text(text)
    reindex(folder / "corpus", folder / "index")
    return folder / "index"


@pytest.fixture(scope="module")
def merged_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return indexed(tmp_path_factory, ARTICLES)


def test_the_cli_lists_speakers_most_quoted_first_with_merged_spellings(runner, merged_index):
    result = runner.invoke(main, ["speakers", "--index", str(merged_index)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "2 speakers"
    assert lines[1].split() == ["3", "Dmitry", "Rogozin", "(also:", "Rogozin)"]
    assert lines[2].split() == ["1", "Bill", "Nelson"]


def test_the_cli_filters_and_prints_json(runner, seed_index):
    result = runner.invoke(
        main, ["speakers", "--index", str(seed_index), "--contains", "rogozín", "--json"]
    )
    data = json.loads(result.output)
    assert data["total"] == 1 and data["speakers"][0]["name"] == "Dmitry Rogozin"
    assert data["speakers"][0]["paragraphs"] == 31


def test_the_api_pages_and_refuses_what_it_cannot_do(merged_index):
    client = create_app({"TESTING": True, "INDEX_DIR": str(merged_index)}).test_client()
    first = client.get("/api/speakers", query_string={"limit": 1}).get_json()
    assert first["total"] == 2 and [s["name"] for s in first["speakers"]] == ["Dmitry Rogozin"]
    assert first["speakers"][0]["forms"] == ["Dmitry Rogozin", "Rogozin"]
    second = client.get("/api/speakers", query_string={"limit": 1, "offset": 1}).get_json()
    assert [s["name"] for s in second["speakers"]] == ["Bill Nelson"]
    refused = client.get("/api/speakers", query_string={"limit": 501})
    assert refused.status_code == 400 and refused.get_json()["error"]["param"] == "limit"
    hostile = client.get("/api/speakers", query_string={"q": "x" * 7_000})
    assert hostile.status_code == 200 and hostile.get_json()["total"] == 0


FACET_ARTICLES = {
    "c.txt": "---\ntitle: Three\noutlet: Example Wire\n---\n"
    'Barack Obama said: "We will act."\n\n'
    '"It is time," Barack Obama said on Monday.\n\n'
    '"Congress must act," Barack Obama said.\n\n'
    '"I will sign it," Barack Obama added.\n\n'
    '"It is a good day," Barack Obama said.\n\n'
    '"We did it," Barack Obama said.\n\n'
    '"Thank you," Barack Obama said.\n\n'
    'Michelle Obama said: "I am proud."\n\n'
    '"The order is ready," Politico reported.\n',
    "d.txt": "---\ntitle: Four\noutlet: Example Wire\n---\n"
    '"We will not wait," Obama told reporters.\n\n'
    '"It will pass," POLITICO reported.\n\n'
    '"We are worried," Germans said.\n',
}


@pytest.fixture(scope="module")
def facet_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return indexed(tmp_path_factory, FACET_ARTICLES)


def test_one_value_per_entity_with_merged_forms_and_no_collectives(runner, facet_index):
    result = runner.invoke(main, ["speakers", "--json", "--index", str(facet_index)])
    assert result.exit_code == 0, result.output
    speakers = {s["name"]: s for s in json.loads(result.output)["speakers"]}
    assert speakers["Barack Obama"]["forms"] == ["Barack Obama", "Obama"]
    assert speakers["Barack Obama"]["paragraphs"] == 8  # Michelle is quoted once
    assert set(speakers["Politico"]["forms"]) == {"Politico", "POLITICO"}
    assert set(speakers) == {"Barack Obama", "Michelle Obama", "Politico"}  # no "Germans"


JUNIOR_ARTICLES = {
    "e.txt": "---\ntitle: Five\noutlet: Example Wire\n---\n"
    '"We will win," Joe Biden said.\n\n'
    '"I am running," Donald Trump said.\n\n'
    '"My father will win," Donald Trump Jr. said.\n',
    "f.txt": "---\ntitle: Six\noutlet: Example Times\n---\n"
    '"The economy is growing," Joseph R. Biden Jr. said.\n',
}


def test_a_junior_joins_his_plain_name_unless_one_article_quotes_both(tmp_path_factory, runner):
    """Biden is "Joseph R. Biden Jr." at one outlet and "Joe Biden" at another: one man.
    An article quoting Donald Trump and Donald Trump Jr. side by side shows two."""
    index = indexed(tmp_path_factory, JUNIOR_ARTICLES)
    result = runner.invoke(main, ["speakers", "--json", "--index", str(index)])
    speakers = {s["name"]: s["forms"] for s in json.loads(result.output)["speakers"]}
    assert speakers == {
        "Joe Biden": ["Joe Biden", "Joseph R. Biden Jr."],
        "Donald Trump": ["Donald Trump"],
        "Donald Trump Jr.": ["Donald Trump Jr."],
    }

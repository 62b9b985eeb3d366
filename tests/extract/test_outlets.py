from __future__ import annotations

import pytest
from conftest import BROOMSTICKS, EPOCH_TIMES, FOX_QUOTE, HAMDEN, NEWSWEEK, SEEDS

from searchapp.corpus import read_corpus
from searchapp.extract.outlets import extract_outlet


@pytest.mark.parametrize(
    ("article_id", "outlet"),
    [
        (NEWSWEEK, "Newsweek"),
        (EPOCH_TIMES, "The Epoch Times"),
        (HAMDEN, "The Hamden Journal"),
        (FOX_QUOTE, None),
        (BROOMSTICKS, None),
    ],
)
def test_seed_outlets_come_from_self_references_only(article_id, outlet):
    article = next(a for a in read_corpus(SEEDS) if a.id == article_id)
    assert extract_outlet(article.paragraphs) == outlet


def test_an_outlet_that_is_only_cited_is_not_the_outlet():
    text = ['"It is over," the astronaut told Fox News.', "Reuters reported the launch slipped."]
    assert extract_outlet(text) is None


def test_request_for_comment_phrasing_names_the_outlet():
    text = ["The campaign did not respond to Politico's request for comment."]
    assert extract_outlet(text) == "Politico"


def test_sentence_openers_are_not_outlets():
    text = ["When reporters asked the mayor for comment, she declined."]
    assert extract_outlet(text) is None

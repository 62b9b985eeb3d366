from __future__ import annotations

import datetime as dt

import pytest
from conftest import BROOMSTICKS, EPOCH_TIMES, FOX_QUOTE, HAMDEN, NEWSWEEK, SEEDS

from searchapp.corpus import read_corpus
from searchapp.extract.dates import extract_date
from searchapp.extract.kinds import classify_paragraphs


@pytest.mark.parametrize(
    ("article_id", "date"),
    [
        (NEWSWEEK, dt.date(2022, 4, 2)),
        (HAMDEN, dt.date(2022, 4, 2)),
        (FOX_QUOTE, None),
        (EPOCH_TIMES, None),
        (BROOMSTICKS, None),
    ],
)
def test_seed_dates(article_id, date):
    article = next(a for a in read_corpus(SEEDS) if a.id == article_id)
    assert extract_date(article.paragraphs, classify_paragraphs(article.paragraphs)) == date


def test_a_date_without_a_year_is_not_a_date():
    assert (
        extract_date(["On Saturday (April 2) he tweeted; on Mar. 30 he wrote."], ["body"]) is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "date 2022-04-02 Russia says",
        "Update 04/02/22 11.00a.m. E.T.: updated",
        "— Rogozin (@Rogozin) April 2, 2022",
        "Published 2 April 2022",
    ],
)
def test_written_forms(text):
    assert extract_date([text], ["body"]) == dt.date(2022, 4, 2)


def test_a_labelled_date_beats_later_dates_and_captions_are_ignored():
    paragraphs = [
        "Posted: January 5, 2021",
        "The vote is set for March 3, 2021.",
        "In this photo taken on May 23, 2030, a launch. Getty Images",
    ]
    assert extract_date(paragraphs, ["body", "body", "caption"]) == dt.date(2021, 1, 5)
    assert extract_date(paragraphs[1:], ["body", "caption"]) == dt.date(2021, 3, 3)

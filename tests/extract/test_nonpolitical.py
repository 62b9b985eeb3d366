"""Speaker attribution on invented non-political news (tests/extract/nonpolitical.jsonl),
scored by bench/nonpolitical.py with the shared scorer's rules.

The floors guard against regressions: an improvement should raise them (to the new
measured value − 0.02, rounded down to two decimals). Skipped when `../shared/tools`
(the scorer) is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "nonpolitical.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_nonpolitical", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


nonpolitical = _bench()

# Measured on 2026-12-02 with the attribution model: P 0.985, R 0.853, F1 0.914 (direct-R
# 0.984), 133/2/23 TP/FP/FN; before issue 13: P 0.935, R 0.737, F1 0.824.
FLOOR = {"precision": 0.96, "recall": 0.83, "f1": 0.89}

needs_scorer = pytest.mark.skipif(
    not nonpolitical.SCORER.is_file(), reason="../shared/tools/score_speakers.py not available"
)


@pytest.fixture(scope="module")
def articles() -> list:
    return nonpolitical.load_set()


@pytest.fixture(scope="module")
def docs(articles: list) -> dict:
    return nonpolitical.extract(articles)


def test_set_loads_with_unique_ids(articles: list) -> None:
    ids = [article.id for article in articles]
    assert len(ids) == len(set(ids))
    assert len(articles) >= 24
    assert sum(len(article.paragraphs) for article in articles) >= 180
    sections = Counter(article.section for article in articles)
    assert set(sections) == set(nonpolitical.SECTIONS)
    assert min(sections.values()) >= 4
    assert all(6 <= len(article.paragraphs) <= 12 for article in articles)


def test_direct_speakers_are_speakers(articles: list) -> None:
    """A speaker quoted directly is one of the paragraph's speakers."""
    wrong = [
        (article.id, position, name)
        for article in articles
        for position, p in enumerate(article.paragraphs)
        for name in p.direct
        if name not in p.speakers
    ]
    assert wrong == []


def test_every_paragraph_becomes_one_document(articles: list, docs: dict) -> None:
    """Paragraph documents line up one-to-one with the set's paragraphs, text for text."""
    assert nonpolitical.misalignments(articles, docs) == []
    for article in articles:
        assert len(docs[article.id]) == len(article.paragraphs)


@needs_scorer
def test_scores_stay_above_the_floor(articles: list, docs: dict) -> None:
    scores = nonpolitical.score(articles, docs)
    assert scores.overall["coverage"] == 1.0
    measured = {name: scores.overall[name] for name in FLOOR}
    short = {name: round(value, 3) for name, value in measured.items() if value < FLOOR[name]}
    assert short == {}, f"below the floor {FLOOR}: {short}"


@needs_scorer
def test_mistakes_agree_with_the_scorer_counts(articles: list, docs: dict) -> None:
    scores = nonpolitical.score(articles, docs)
    kinds = Counter(mistake.kind for mistake in scores.mistakes)
    assert (kinds["fp"], kinds["miss"]) == (scores.overall["fp"], scores.overall["fn"])

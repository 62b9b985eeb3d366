"""The fast request path gives the answers of the plain one.

`search()` counts facets from per-generation arrays, ranks with Whoosh told only what to
leave out, and highlights only the page. The reference here does it the slow, obvious way:
score every match of the same plan with Whoosh, filter and count in Python over the stored
paragraphs. The length prior is switched off (it is a product on top of BM25F), and a
phrase scores as the sum of its words, as the array scorer defines it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import POLNEAR
from whoosh import query

from searchapp.engine import ParagraphIndex
from searchapp.engine.interpret import QueryPlan
from searchapp.indexing import reindex
from searchapp.search import UNKNOWN, SearchRequest, search

SEED_REQUESTS = [
    {"q": "rogozin"},
    {"q": "sanctions OR nasa"},
    {"q": '"space station"'},
    {"q": "station NOT nasa"},
    {"q": "quote:broomsticks"},
    {"q": "speaker:rogozin"},
    {"q": "station", "outlet": ["Newsweek", UNKNOWN]},
    {"q": "station", "speaker": ["Dmitry Rogozin"], "page": 2, "per_page": 3},
    {"q": "station", "date": ["2022-04"]},
    {"q": "", "sort": "date_asc", "page": 2},
    {"q": "", "outlet": [UNKNOWN], "date": [UNKNOWN]},
    {"q": "station", "speaker": [UNKNOWN]},
    # Every operator the syntax accepts, on the array path and through Whoosh.
    {"q": "station REQUIRE nasa"},
    {"q": '"space station" REQUIRE nasa'},
    {"q": "station ANDMAYBE nasa"},
    {"q": "station ANDNOT nasa"},
    {"q": "NOT station"},
    {"q": "station^2 OR (nasa rogozin)^0.5"},
    {"q": "sanction* OR *osmos"},
    {"q": "ro?ozin OR sta*ion"},
    {"q": "rogozn~ OR sanctons~2"},
    # Few words: Whoosh scores a many-word OR on a small index as constant (PreloadedOr),
    # where the array scorer sums, as Whoosh does everywhere else.
    {"q": "[sai TO saj] OR speaker:[d TO e]"},
    {"q": '"russia station"~5'},
    {"q": "russia", "date_from": dt.date(2022, 4, 1), "date_to": dt.date(2022, 4, 30)},
]
POLNEAR_REQUESTS = [
    {"q": "trump"},
    {"q": "clinton AND emails"},
    {"q": "sanders OR cruz", "page": 3},
    {"q": '"white house"', "outlet": ["Politico", "Breitbart"]},
    {"q": "immigration", "speaker": ["Donald Trump"], "date": ["2016-08", "2016-09"]},
    {"q": "taxes NOT trump", "date_from": dt.date(2016, 9, 1)},
    {"q": "", "speaker": ["Hillary Clinton"], "sort": "date_desc", "page": 4},
    {"q": "quote:wall"},
    {"q": "clint* REQUIRE email*"},
    {"q": "trump ANDNOT don*"},
]


def whoosh_query(plan: QueryPlan) -> query.Query:
    """The plan as one Whoosh query that matches and scores as `search()` does when all
    the words must match."""
    if plan.explicit is not None:
        return _phrases_as_sums(plan.explicit)
    if plan.is_everything:
        return query.Every()
    main = query.And(
        [_phrases_as_sums(q) for q in [*(w.query for w in plan.words), *plan.required]]
        + [query.Not(q) for q in plan.excluded]
    )
    return query.AndMaybe(main, query.Or(plan.optional)) if plan.optional else main


def _phrases_as_sums(q: query.Query) -> query.Query:
    if isinstance(q, query.Phrase):
        words = [query.Term(q.fieldname, w) for w in dict.fromkeys(q.words)]
        return query.And([q.with_boost(0.0), *words], boost=q.boost)
    if q.children():
        return q.apply(_phrases_as_sums)
    return q


def reference(index: ParagraphIndex, request: SearchRequest):
    """(total, {facet: {value: count}}, [(score, ids with that score)] for the page)."""
    searcher = index.searcher()
    try:
        q = whoosh_query(searcher.plan(request.q, correct=request.correct))
        scored = {hit.docnum: hit.score for hit in searcher.whoosh.search(q, limit=None)}
        docs = {n: searcher.paragraph(n) for n in scored}
    finally:
        searcher.close()

    def values(doc, facet: str) -> set[str]:
        if facet == "speaker":
            return set(doc.speakers) or {UNKNOWN}
        value = doc.outlet if facet == "outlet" else doc.date and doc.date.strftime("%Y-%m")
        return {value or UNKNOWN}

    def passes(doc, skip: str | None = None) -> bool:
        if request.date_from or request.date_to:
            if not doc.date:
                return False
            if request.date_from and doc.date < request.date_from:
                return False
            if request.date_to and doc.date > request.date_to:
                return False
        return all(
            values(doc, facet) & set(request.selected(facet))
            for facet in ("outlet", "speaker", "date")
            if facet != skip and request.selected(facet)
        )

    counts = {}
    for facet in ("outlet", "speaker", "date"):
        counts[facet] = Counter(
            value for doc in docs.values() if passes(doc, facet) for value in values(doc, facet)
        )
    matches = [n for n, doc in docs.items() if passes(doc)]
    if request.effective_sort == "relevance":
        matches.sort(key=lambda n: (docs[n].kind != "body", -scored[n], n))
    else:
        newest = request.effective_sort == "date_desc"
        matches.sort(key=lambda n: _date_key(docs[n].date, newest, n))
    start = (request.page - 1) * request.per_page
    page = matches[start : start + request.per_page]
    if request.effective_sort != "relevance":
        return len(matches), counts, [(None, {docs[n].id}) for n in page]
    by_score = [
        (
            round(scored[n], 5),
            {docs[m].id for m in matches if round(scored[m], 5) == round(scored[n], 5)},
        )
        for n in page
    ]
    return len(matches), counts, by_score


def _date_key(date: dt.date | None, newest: bool, docnum: int) -> tuple:
    if date is None:
        return (1, 0, docnum)
    return (0, -date.toordinal() if newest else date.toordinal(), docnum)


def check(index_dir: Path, params: dict) -> None:
    request = SearchRequest(**{"facet_size": 10_000, **params})
    index = ParagraphIndex.open(index_dir)
    index.interpreter.weights = replace(index.weights, length=0.0)
    searcher = index.searcher()
    try:
        result = search(searcher, request)
    finally:
        searcher.close()
    total, counts, page = reference(index, request)
    assert result.total == total
    for facet, shown in result.facets.items():
        got = {value.param: value.count for value in shown if value.count}
        assert got == dict(counts[facet]), facet
    assert len(result.hits) == len(page)
    for hit, (score, ids) in zip(result.hits, page, strict=True):
        assert hit.doc.id in ids
        if score is not None:
            assert round(hit.score, 5) == score


@pytest.mark.parametrize("params", SEED_REQUESTS, ids=str)
def test_seed_searches_match_the_plain_path(seed_index: Path, params: dict):
    check(seed_index, params)


@pytest.fixture(scope="module")
def dev_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dev = POLNEAR / "dev" / "articles"
    if not dev.is_dir():
        pytest.skip("PolNeAR is not in ../shared")
    index_dir = tmp_path_factory.mktemp("dev-index")
    reindex(dev, index_dir)
    return index_dir


@pytest.mark.parametrize("params", POLNEAR_REQUESTS, ids=str)
def test_polnear_searches_match_the_plain_path(dev_index: Path, params: dict):
    check(dev_index, params)

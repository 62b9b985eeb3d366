"""The fast request path gives the answers of the plain one.

`search()` counts facets from per-generation arrays, ranks with Whoosh told only what to
leave out, and highlights only the page. The reference here does it the slow, obvious way:
score every match of the same plan with Whoosh, filter and count in Python over the stored
paragraphs, Whoosh scoring each word and the operators combined one document at a time.
The length prior is switched off (it is a product on top of BM25F), and a phrase scores as
the sum of its words, as the array scorer defines it.
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


def plan_scores(searcher, plan: QueryPlan) -> dict[int, float]:
    """Every match of the plan with its score: Whoosh scores each word, phrase and
    pattern alone (BM25F), and the operators combine those scores here, one document
    at a time, as their definitions say (Whoosh's own matchers lose AndMaybe's second
    score inside an AND, and documents under AndNot)."""
    if plan.explicit is not None:
        return _scores(searcher, plan.explicit)
    if plan.is_everything:
        return {n: 1.0 for n in searcher.whoosh.reader().all_doc_ids()}
    main = query.And(
        [*(w.query for w in plan.words), *plan.required] + [query.Not(q) for q in plan.excluded]
    )
    return _scores(
        searcher, query.AndMaybe(main, query.Or(plan.optional)) if plan.optional else main
    )


def _scores(searcher, q: query.Query) -> dict[int, float]:
    boost = 1.0 if q.is_leaf() and not isinstance(q, query.Phrase) else q.boost
    if isinstance(q, query.Phrase):  # where Whoosh finds it, the sum of its words
        found = set(searcher.whoosh.docs_for_query(q))
        words = [_scores(searcher, query.Term(q.fieldname, w)) for w in dict.fromkeys(q.words)]
        scored = {n: sum(w.get(n, 0.0) for w in words) for n in found}
    elif isinstance(q, query.And):
        parts = [_scores(searcher, sub) for sub in q.subqueries if not isinstance(sub, query.Not)]
        nots = [sub for sub in q.subqueries if isinstance(sub, query.Not)]
        excluded = set().union(*(_scores(searcher, sub.query) for sub in nots))
        common = set.intersection(*(set(p) for p in parts)) - excluded
        scored = {n: sum(p[n] for p in parts) + len(nots) for n in common}
    elif isinstance(q, query.Or):
        parts = [_scores(searcher, sub) for sub in q.subqueries]
        scored = {}
        for part in parts:
            for n, score in part.items():
                scored[n] = scored.get(n, 0.0) + score
    elif isinstance(q, query.Not):
        excluded = _scores(searcher, q.query)
        scored = {n: 1.0 for n in searcher.whoosh.reader().all_doc_ids() if n not in excluded}
    elif isinstance(q, query.AndMaybe | query.AndNot | query.Require):
        a, b = _scores(searcher, q.a), _scores(searcher, q.b)
        if isinstance(q, query.AndMaybe):
            scored = {n: score + b.get(n, 0.0) for n, score in a.items()}
        elif isinstance(q, query.AndNot):
            scored = {n: score for n, score in a.items() if n not in b}
        else:
            scored = {n: score for n, score in a.items() if n in b}
    else:  # a word or an expanded pattern: Whoosh's own BM25F, boost included
        scored = {hit.docnum: hit.score for hit in searcher.whoosh.search(q, limit=None)}
    return {n: score * boost for n, score in scored.items()}


def reference(index: ParagraphIndex, request: SearchRequest):
    """(total, {facet: {value: count}}, [(score, ids with that score)] for the page)."""
    searcher = index.searcher()
    try:
        scored = plan_scores(searcher, searcher.plan(request.q, correct=request.correct))
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

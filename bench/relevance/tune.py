"""Choose the ranking weights (searchapp.engine.interpret.Weights) on the train queries.

A grid over the BM25F weights of the title and speaker fields and the length prior, scored
by mean nDCG@10 on the judged train queries. Five-fold cross-validation over the queries
says how well a choice made this way carries to queries it was not chosen on; the weights
printed last are the best on all train queries, and are the ones to put in `Weights`.
Dev is only reported, with the defaults in the code, by evaluate.py.

    python bench/relevance/tune.py
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import JudgedQuery, ensure_index, load_queries, ndcg  # noqa: E402

from searchapp.engine import ParagraphIndex  # noqa: E402
from searchapp.engine.interpret import Weights  # noqa: E402
from searchapp.search import SearchLimits, SearchRequest, search  # noqa: E402

GRID = {
    "title": (0.0, 0.3, 1.0),
    "speaker": (0.0, 0.5, 1.5, 3.0),
    "length": (0.0, 2.0, 5.0, 10.0, 20.0),
}
FOLDS = 5


def rankings(index: ParagraphIndex, queries: list[JudgedQuery], weights: Weights) -> dict:
    index.interpreter.weights = weights
    out = {}
    for q in queries:
        request = SearchRequest(
            q=q.q,
            outlet=q.filters.get("outlet", ()),
            speaker=q.filters.get("speaker", ()),
            per_page=10,
        )
        searcher = index.searcher()
        try:
            out[q.id] = [hit.doc.id for hit in search(searcher, request, SearchLimits()).hits]
        finally:
            searcher.close()
    return out


def mean_ndcg(queries: list[JudgedQuery], ranking: dict, k: int = 10) -> float:
    return sum(ndcg(ranking[q.id], q.judgments, k) for q in queries) / len(queries)


def main() -> None:
    queries = load_queries("train")
    index = ParagraphIndex.open(ensure_index("train"))
    index.prepare()
    combos = [
        replace(Weights(), **dict(zip(GRID, values, strict=True)))
        for values in itertools.product(*GRID.values())
    ]
    runs = {w: rankings(index, queries, w) for w in combos}
    folds = [queries[i::FOLDS] for i in range(FOLDS)]
    held_out = []
    for i, fold in enumerate(folds):
        rest = [q for j, f in enumerate(folds) if j != i for q in f]
        best = max(combos, key=lambda w: (mean_ndcg(rest, runs[w]), -combos.index(w)))
        held_out.append(mean_ndcg(fold, runs[best]) * len(fold))
        score = mean_ndcg(fold, runs[best])
        print(f"fold {i + 1}: chose {_describe(best)}, held-out nDCG@10 {score:.3f}")
    print(f"cross-validated nDCG@10 on train: {sum(held_out) / len(queries):.3f}")
    default = Weights()
    ranking = runs.get(default) or rankings(index, queries, default)
    print(f"defaults {_describe(default)}: nDCG@10 {mean_ndcg(queries, ranking):.3f}")
    ranked = sorted(combos, key=lambda w: -mean_ndcg(queries, runs[w]))
    for w in ranked[:8]:
        print(
            f"  {_describe(w)}: nDCG@5 {mean_ndcg(queries, runs[w], 5):.3f}"
            f"  nDCG@10 {mean_ndcg(queries, runs[w]):.3f}"
        )
    print(f"best on all train: {_describe(ranked[0])}")


def _describe(w: Weights) -> str:
    return ", ".join(f"{name}={getattr(w, name):g}" for name in GRID)


if __name__ == "__main__":
    main()

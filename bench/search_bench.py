"""Benchmark indexing and search on a real corpus against SQLite FTS5 in the same run.

The machine is shared and noisy, so absolute milliseconds mean little. The figure to
compare is the ratio to FTS5 (stdlib sqlite3), measured in the same process on the same
paragraphs. FTS5 does comparable work: BM25 ranking, snippets, and counts per outlet and
per speaker over all matches.

    python bench/search_bench.py [--corpus ../shared/corpora/polnear/train/articles]
                                 [--repeat 5]

Prints extraction throughput and the time of a full reindex, then a table: build
throughput, then p50/p95 latency of the full `search()` used by the
API (top 10 + facet counts + snippets), next to FTS5.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from searchapp.corpus import read_corpus
from searchapp.engine import ParagraphIndex, build_index
from searchapp.indexing import reindex
from searchapp.paragraphs import paragraph_docs
from searchapp.search import SearchRequest, search

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/polnear/train/articles"

# Rare and common terms, boolean, phrases, and filtered searches (filters apply to both).
QUERIES: list[tuple[str, dict[str, list[str]]]] = [
    ("clinton", {}),
    ("trump", {}),
    ("emails", {}),
    ("immigration", {}),
    ("debate", {}),
    ("benghazi", {}),
    ("wall street", {}),
    ("zika", {}),
    ("pneumonia", {}),
    ("trump AND clinton", {}),
    ("sanders OR cruz", {}),
    ('"supreme court"', {}),
    ('"white house"', {}),
    ("taxes AND NOT trump", {}),
    ("convention", {}),
    ("clinton", {"outlet": ["Politico"]}),
    ("trump", {"outlet": ["Breitbart", "USA Today"]}),
    ("poll", {"outlet": ["The New York Times"]}),
    ("campaign", {}),
    ("iowa", {}),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")

    started = time.perf_counter()
    articles = list(read_corpus(args.corpus))
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    docs = [doc for article in articles for doc in paragraph_docs(article)]
    extract_s = time.perf_counter() - started
    print(f"corpus: {args.corpus}  paragraphs: {len(docs):,}")
    print(f"read files: {read_s:.1f} s")
    print(
        f"extract metadata (kinds, speakers and quotes, outlet, date): {extract_s:.1f} s "
        f"({len(docs) / extract_s:,.0f} paragraphs/s)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        reindex(args.corpus, Path(tmp) / "full")
        print(
            f"full reindex (what `searchapp reindex` runs): {time.perf_counter() - started:.1f} s"
        )
        index_dir = Path(tmp) / "index"
        started = time.perf_counter()
        build_index(docs, index_dir)
        whoosh_build = time.perf_counter() - started
        db = sqlite3.connect(":memory:")
        started = time.perf_counter()
        fts5_load(db, docs)
        fts5_build = time.perf_counter() - started
        index = ParagraphIndex.open(index_dir)
        started = time.perf_counter()
        index.columns()
        columns_s = time.perf_counter() - started

        whoosh_ms, fts5_ms = [], []
        searcher = index.searcher()
        for q, filters in QUERIES:
            request = SearchRequest.from_params({"q": [q], **filters})
            search(searcher, request)  # warm
            for _ in range(args.repeat):
                started = time.perf_counter()
                search(searcher, request)
                whoosh_ms.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                fts5_search(db, q, filters.get("outlet", []))
                fts5_ms.append((time.perf_counter() - started) * 1000)
        searcher.close()

    print(f"facet columns, once per index generation: {columns_s * 1000:.0f} ms")
    print()
    print(f"{'':38} {'searchapp (whoosh3)':>20} {'SQLite FTS5':>14} {'ratio':>8}")
    print(
        f"{'build, paragraphs/s':38} {len(docs) / whoosh_build:>20,.0f} "
        f"{len(docs) / fts5_build:>14,.0f} {fts5_build / whoosh_build:>8.3f}"
    )
    for label, pick in (
        ("search + facets + snippets p50 ms", 0.5),
        ("search + facets + snippets p95 ms", 0.95),
    ):
        ours, theirs = percentile(whoosh_ms, pick), percentile(fts5_ms, pick)
        print(f"{label:38} {ours:>20.1f} {theirs:>14.1f} {ours / theirs:>8.1f}")
    print(
        f"\n{len(QUERIES)} queries x {args.repeat} runs, warm. "
        "ratio = searchapp / FTS5 for latency (lower is better), "
        "searchapp / FTS5 for throughput (higher is better)."
    )


def fts5_load(db: sqlite3.Connection, docs: list) -> None:
    db.execute(
        "CREATE VIRTUAL TABLE p USING fts5(text, outlet UNINDEXED, speakers UNINDEXED,"
        " kind UNINDEXED, tokenize='porter unicode61')"
    )
    db.execute("CREATE TABLE ps (rowid INTEGER, speaker TEXT)")
    with db:
        for rowid, doc in enumerate(docs, start=1):
            db.execute(
                "INSERT INTO p(rowid, text, outlet, speakers, kind) VALUES (?, ?, ?, ?, ?)",
                (rowid, doc.text, doc.outlet, json.dumps(doc.speakers), doc.kind),
            )
            db.executemany("INSERT INTO ps VALUES (?, ?)", [(rowid, s) for s in doc.speakers])
    db.execute("CREATE INDEX ps_rowid ON ps(rowid)")


def fts5_search(db: sqlite3.Connection, q: str, outlets: list[str]) -> None:
    match = q.replace(" AND NOT ", " NOT ")
    where = "p MATCH ?" + (f" AND outlet IN ({','.join('?' * len(outlets))})" if outlets else "")
    params = [match, *outlets]
    db.execute(
        f"SELECT rowid, snippet(p, 0, '<mark>', '</mark>', '…', 30), bm25(p) FROM p "
        f"WHERE {where} ORDER BY bm25(p) LIMIT 10",
        params,
    ).fetchall()
    db.execute(f"SELECT outlet, count(*) FROM p WHERE {where} GROUP BY outlet", params).fetchall()
    db.execute(
        f"SELECT ps.speaker, count(*) FROM p JOIN ps ON ps.rowid = p.rowid WHERE {where} "
        "GROUP BY ps.speaker ORDER BY 2 DESC LIMIT 10",
        params,
    ).fetchall()


def percentile(values: list[float], fraction: float) -> float:
    if fraction == 0.5:
        return statistics.median(values)
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


if __name__ == "__main__":
    main()

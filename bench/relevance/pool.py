"""Collect the candidate paragraphs to judge for each query, reproducibly.

A paragraph can only count as relevant if somebody graded it, so judging only searchapp's
hits would reward searchapp for its own blind spots. Each query is pooled from four
methods, the top `--depth` (20) of each, unioned:

* searchapp (in process, with the query's filters),
* FTS5 with the words OR'ed and FTS5 with the words AND'ed (porter stemming, `text` column);
  for a query with "quoted phrases", also its words AND'ed without the quotes, so near
  misses of the phrase get judged too,
* grep: the query's own "grep" regex (case-insensitive) over the paragraph texts, written
  by hand to catch what the engines may miss (other inflections, the unmisspelled word,
  acronym and expanded forms); ranked by number of matches, then paragraph id (not index
  order, which changes with every rebuild).

    python bench/relevance/pool.py [--split train] [--queries FILE] [--index DIR]
        [--depth 20] [--out POOL.jsonl] [--only ID ...]

It writes one line per (query, paragraph) with the methods that found it, its current
grade (null when unjudged) and its text, for a human judge to read, and prints per query
how many pooled paragraphs are still unjudged. Grades go into the query's "judgments".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import (  # noqa: E402 - the sibling module, importable once the path is set
    CACHE,
    DEPTH,
    JudgedQuery,
    Ranking,
    ensure_fts5,
    ensure_index,
    load_queries,
    run_fts5,
    run_searchapp,
)


def load_paragraphs(db_path: Path) -> list[dict]:
    """Every paragraph of the index, in corpus order, from the FTS5 database's stored docs
    (they are the `searchapp export` lines)."""
    import sqlite3

    db = sqlite3.connect(db_path)
    try:
        return [json.loads(doc) for (doc,) in db.execute("SELECT doc FROM docs ORDER BY rowid")]
    finally:
        db.close()


def run_grep(
    paragraphs: Sequence[dict], queries: Sequence[JudgedQuery], depth: int = DEPTH
) -> Ranking:
    """Paragraphs whose text matches the query's "grep" regex, most matches first (ties by
    id, so the pool does not depend on the index's order), under the query's filters.
    Queries without a regex get nothing from this method."""
    ranking: Ranking = {}
    for query in queries:
        if not query.grep:
            ranking[query.id] = []
            continue
        pattern = re.compile(query.grep, re.IGNORECASE)
        outlets = set(query.filters.get("outlet", ()))
        speakers = set(query.filters.get("speaker", ()))
        found = []
        for doc in paragraphs:
            if outlets and doc.get("outlet") not in outlets:
                continue
            if speakers and not speakers & set(doc.get("speakers") or ()):
                continue
            count = len(pattern.findall(doc["text"]))
            if count:
                found.append((-count, doc["id"]))
        ranking[query.id] = [pid for _, pid in sorted(found)[:depth]]
    return ranking


def pool(
    queries: Sequence[JudgedQuery], index_dir: Path, depth: int = DEPTH
) -> dict[str, dict[str, list[str]]]:
    """query id -> paragraph id -> the methods that retrieved it, in first-seen order."""
    db_path = ensure_fts5(index_dir)
    phrased = [replace(q, q=q.q.replace('"', " ")) for q in queries if '"' in q.q]
    runs = {
        "searchapp": run_searchapp(index_dir, queries, depth),
        "fts5_or": run_fts5(db_path, queries, "OR", depth),
        "fts5_and": run_fts5(db_path, queries, "AND", depth),
        "fts5_and_unquoted": run_fts5(db_path, phrased, "AND", depth),
        "grep": run_grep(load_paragraphs(db_path), queries, depth),
    }
    pooled: dict[str, dict[str, list[str]]] = {}
    for query in queries:
        found: dict[str, list[str]] = {}
        for method, ranking in runs.items():
            for pid in ranking.get(query.id, []):
                found.setdefault(pid, []).append(method)
        pooled[query.id] = found
    return pooled


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    parser.add_argument("--queries", type=Path, help="query file [default: <split>.jsonl]")
    parser.add_argument("--index", type=Path, help="index to pool from [default: build one]")
    parser.add_argument("--depth", type=int, default=DEPTH)
    parser.add_argument("--out", type=Path, help="pool file [default: under the cache dir]")
    parser.add_argument("--only", nargs="*", help="only these query ids")
    args = parser.parse_args(argv)
    queries = load_queries(args.split, args.queries)
    if args.only:
        queries = [q for q in queries if q.id in set(args.only)]
    if not queries:
        raise SystemExit("no queries to pool")
    index_dir = ensure_index(args.split, args.index)
    pooled = pool(queries, index_dir, args.depth)
    docs = {doc["id"]: doc for doc in load_paragraphs(ensure_fts5(index_dir))}
    out = args.out or CACHE / f"pool-{args.split}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    total = unjudged_total = 0
    with out.open("w", encoding="utf-8") as lines:
        for query in queries:
            unjudged = 0
            for pid, methods in pooled[query.id].items():
                doc = docs[pid]
                grade = query.judgments.get(pid)
                unjudged += grade is None
                record = {
                    "query": query.id,
                    "q": query.q,
                    "id": pid,
                    "methods": methods,
                    "grade": grade,
                    "outlet": doc.get("outlet"),
                    "date": doc.get("date"),
                    "speakers": doc.get("speakers"),
                    "kind": doc.get("kind"),
                    "title": doc.get("title"),
                    "text": doc["text"],
                }
                lines.write(json.dumps(record, ensure_ascii=False) + "\n")
            size = len(pooled[query.id])
            total += size
            unjudged_total += unjudged
            print(f"{query.id:<10} {size:3d} pooled, {unjudged:3d} unjudged  {query.q}")
    print(f"{total} pooled, {unjudged_total} unjudged; written to {out}")


if __name__ == "__main__":
    main()

"""Ranking quality of searchapp against two SQLite FTS5 baselines on the judged query sets.

Latency benchmarks say nothing about whether the right paragraphs come first; this does.
Each query in train.jsonl / dev.jsonl carries graded judgments (0, 1, 2) of pooled
paragraphs (see README.md). Every system answers every query with the same filters, and
we report nDCG@5, nDCG@10, zero-hit queries and judged@10 (how much of the top 10 was
judged at all, since unjudged paragraphs count as 0 and a low coverage means the figure is
a lower bound, not a verdict).

    python bench/relevance/evaluate.py [--split train|dev|both] [--index-train DIR]
        [--index-dev DIR] [--show-misses]

The functions are importable (load_queries, run_searchapp, run_fts5, ndcg, evaluate,
report) so a tuning script can rerun searchapp with other settings against the same
judgments.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SPLITS = ("train", "dev")
CACHE = Path(tempfile.gettempdir()) / "searchapp-relevance"
DEPTH = 20  # how many hits each system returns per query (pooling depth, too)
# This measures ranking, not latency: a first query that loads lazy caches on a busy shared
# machine must not turn into a zero-hit query, so searchapp gets far more time than the
# 2 s a web request gets. Costly queries are still refused by the other query limits.
SEARCH_SECONDS = 120.0
GRADES = (0, 1, 2)
SYSTEMS = ("searchapp", "FTS5 OR", "FTS5 AND")

Ranking = dict[str, list[str]]  # query id -> paragraph ids, best first


@dataclass(frozen=True)
class JudgedQuery:
    """One line of train.jsonl / dev.jsonl."""

    id: str
    kind: str
    q: str
    need: str
    judgments: dict[str, int]
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    grep: str | None = None  # the pooling regex (pool.py); not used for scoring
    split: str = "train"

    @classmethod
    def from_json(cls, line: Mapping[str, object], split: str) -> JudgedQuery:
        filters = {
            name: (values,) if isinstance(values, str) else tuple(values)
            for name, values in (line.get("filters") or {}).items()  # type: ignore[union-attr]
            if values
        }
        unknown = set(filters) - {"outlet", "speaker"}
        if unknown:
            raise ValueError(f"{line['id']}: unknown filter {sorted(unknown)}")
        judgments = {str(pid): int(g) for pid, g in (line.get("judgments") or {}).items()}  # type: ignore[union-attr]
        bad = {pid: g for pid, g in judgments.items() if g not in GRADES}
        if bad:
            raise ValueError(f"{line['id']}: grades must be 0, 1 or 2, got {bad}")
        return cls(
            id=str(line["id"]),
            kind=str(line["kind"]),
            q=str(line["q"]),
            need=str(line.get("need") or ""),
            judgments=judgments,
            filters=filters,
            grep=line.get("grep") or None,  # type: ignore[arg-type]
            split=split,
        )


# --- queries and corpora ---------------------------------------------------------------


def queries_path(split: str) -> Path:
    return HERE / f"{split}.jsonl"


def load_queries(split: str, path: Path | None = None) -> list[JudgedQuery]:
    """The judged queries of `split` (empty if its file does not exist yet)."""
    path = path or queries_path(split)
    if not path.exists():
        return []
    queries = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                queries.append(JudgedQuery.from_json(json.loads(line), split))
            except (ValueError, KeyError, TypeError) as error:
                raise SystemExit(f"{path}:{number}: {error}") from None
    seen = [q.id for q in queries]
    duplicates = sorted({qid for qid in seen if seen.count(qid) > 1})
    if duplicates:
        raise SystemExit(f"{path}: duplicate query ids {duplicates}")
    return queries


def corpus_dir(split: str) -> Path:
    """The split's articles, found beside the repository (repo/../shared/corpora/polnear)."""
    articles = REPO.parent / "shared" / "corpora" / "polnear" / split / "articles"
    if not articles.is_dir():
        raise SystemExit(
            f"corpus not found: {articles} does not exist (expected the PolNeAR corpus in "
            f"<repo>/../shared/corpora/polnear/{split}/articles); pass --index-{split} DIR "
            "to evaluate an index you built yourself"
        )
    return articles


def _searchapp_cli(*args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
    """The `searchapp` command of this interpreter, so the venv's code is the code run."""
    command = [sys.executable, "-m", "searchapp.cli", *args]
    result = subprocess.run(command, text=True, capture_output=True, cwd=REPO)
    if result.returncode:
        raise SystemExit(
            f"`searchapp {' '.join(args)}` failed ({result.returncode}):\n"
            f"{result.stderr.strip() or result.stdout.strip()}"
        )
    return result


def ensure_index(split: str, index_dir: Path | None = None) -> Path:
    """`index_dir` as given, or the split's cached index brought up to date: reindex is
    incremental, so running it every time costs little when nothing changed, and it
    rebuilds by itself when the searchapp code changed the index format."""
    if index_dir is not None:
        if not index_dir.exists():
            raise SystemExit(f"index not found: {index_dir}")
        return index_dir
    index_dir = CACHE / split
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    print(f"reindexing {split} into {index_dir} ...", file=sys.stderr)
    _searchapp_cli("reindex", "--source", str(corpus_dir(split)), "--index", str(index_dir))
    return index_dir


def _generation(index_dir: Path) -> str:
    current = index_dir / "CURRENT"
    return current.read_text().strip() if current.exists() else "unknown"


def ensure_fts5(index_dir: Path) -> Path:
    """An FTS5 database of the index's own paragraphs (`searchapp export`), built once per
    index generation, so both engines rank exactly the same extracted paragraphs."""
    sys.path.insert(0, str(REPO / "bench"))
    from fts5_peer import load  # the benchmark peer's schema: porter unicode61, `text` column

    slug = hashlib.sha1(str(index_dir.resolve()).encode()).hexdigest()[:10]
    folder = CACHE / "fts5" / f"{index_dir.name}-{slug}"
    db_path = folder / f"{_generation(index_dir)}.sqlite"
    if db_path.exists():
        return db_path
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.sqlite"):
        stale.unlink()
    export = folder / "export.jsonl"
    print(f"exporting {index_dir} to FTS5 {db_path} ...", file=sys.stderr)
    export.write_text(_searchapp_cli("export", "--index", str(index_dir)).stdout, "utf-8")
    building = db_path.with_suffix(".building")
    peer, _stats = load(export, building)
    peer.close()
    building.replace(db_path)
    export.unlink()
    return db_path


# --- the systems -----------------------------------------------------------------------


def run_searchapp(
    index_dir: Path,
    queries: Sequence[JudgedQuery],
    depth: int = DEPTH,
    errors: dict[str, str] | None = None,
    request_kwargs: Mapping[str, object] | None = None,
    **search_kwargs: object,
) -> Ranking:
    """searchapp's top `depth` paragraph ids per query, in process, as the CLI and API
    search. `request_kwargs` go to SearchRequest and `search_kwargs` to search(), for
    tuning. A query searchapp refuses (syntax, cost) gets no hits; its message is stored in
    `errors` and printed. Unless `search_kwargs` brings its own `limits`, the time limit is
    raised to SEARCH_SECONDS."""
    from searchapp.engine import ParagraphIndex
    from searchapp.search import SearchRequest, search

    if "limits" not in search_kwargs:
        try:
            from searchapp.search import SearchLimits

            search_kwargs["limits"] = SearchLimits(seconds=SEARCH_SECONDS)
        except (ImportError, TypeError):  # the API moved: search with its defaults
            pass
    try:
        index = ParagraphIndex.open(index_dir)
    except Exception as error:  # noqa: BLE001 - missing, outdated or unreadable: say which
        raise SystemExit(f"cannot open the index in {index_dir}: {error}") from None
    ranking: Ranking = {}
    for query in queries:
        request = SearchRequest(
            q=query.q,
            outlet=query.filters.get("outlet", ()),
            speaker=query.filters.get("speaker", ()),
            per_page=depth,
            **(request_kwargs or {}),
        )
        searcher = index.searcher()
        try:
            result = search(searcher, request, **search_kwargs)
            ranking[query.id] = [hit.doc.id for hit in result.hits]
        except Exception as error:  # noqa: BLE001 - any refusal is a zero-hit query
            message = f"{type(error).__name__}: {error}"
            print(f"searchapp error on {query.id} {query.q!r}: {message}", file=sys.stderr)
            ranking[query.id] = []
            if errors is not None:
                errors[query.id] = message
        finally:
            searcher.close()
    return ranking


_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')


def fts5_match(q: str, operator: str = "OR") -> str:
    """The user's query as a safe FTS5 expression over the `text` column: "quoted phrases"
    stay phrases, every other word becomes a quoted token (so AND, NOT, -, * and : are
    plain words), joined by `operator`. "" when nothing searchable is left."""
    assert operator in ("OR", "AND")
    parts = []
    for phrase, word in _PHRASE_OR_WORD.findall(q.replace("\u201c", '"').replace("\u201d", '"')):
        text = phrase if phrase else word
        text = text.replace('"', " ")
        if not re.search(r"\w", text):
            continue
        parts.append('"' + " ".join(text.split()) + '"')
    if not parts:
        return ""
    return "text : (" + f" {operator} ".join(parts) + ")"


def run_fts5(
    db_path: Path, queries: Sequence[JudgedQuery], operator: str = "OR", depth: int = DEPTH
) -> Ranking:
    """FTS5's top `depth` per query under the same outlet/speaker filters; ranked as the
    benchmark peer ranks (body paragraphs first, then BM25)."""
    db = sqlite3.connect(db_path)
    ranking: Ranking = {}
    try:
        for query in queries:
            match = fts5_match(query.q, operator)
            if not match:
                ranking[query.id] = []
                continue
            where, args = ["p MATCH ?"], [match]
            if query.filters.get("outlet"):
                values = query.filters["outlet"]
                where.append(f"m.outlet IN ({','.join('?' * len(values))})")
                args.extend(values)
            if query.filters.get("speaker"):
                values = query.filters["speaker"]
                where.append(
                    f"m.rowid IN (SELECT rowid FROM ps WHERE speaker IN "
                    f"({','.join('?' * len(values))}))"
                )
                args.extend(values)
            rows = db.execute(
                "SELECT d.doc FROM p JOIN meta m ON m.rowid = p.rowid "
                "JOIN docs d ON d.rowid = p.rowid "
                f"WHERE {' AND '.join(where)} ORDER BY m.kind != 'body', bm25(p) LIMIT ?",
                [*args, depth],
            ).fetchall()
            ranking[query.id] = [json.loads(doc)["id"] for (doc,) in rows]
    finally:
        db.close()
    return ranking


# --- metrics ---------------------------------------------------------------------------


def dcg(gains: Iterable[int]) -> float:
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains))


def ndcg(ranked_ids: Sequence[str], judgments: Mapping[str, int], k: int) -> float:
    """nDCG@k with gains 2^g - 1; unjudged paragraphs count as 0; the ideal ranking is
    built from every judged paragraph of the query, not only the retrieved ones."""
    ideal = dcg(sorted(judgments.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg(judgments.get(pid, 0) for pid in ranked_ids[:k]) / ideal


def judged_at(ranked_ids: Sequence[str], judgments: Mapping[str, int], k: int) -> float:
    """Share of the top k that was judged; 1.0 when nothing came back (nothing to judge)."""
    top = ranked_ids[:k]
    return sum(pid in judgments for pid in top) / len(top) if top else 1.0


@dataclass(frozen=True)
class Scores:
    ndcg5: float
    ndcg10: float
    zero_hit: int
    judged10: float
    queries: int


def score(
    queries: Sequence[JudgedQuery], ranking: Ranking, keep: Callable[[JudgedQuery], bool] = bool
) -> Scores:
    """Mean metrics of one system over the queries `keep` selects."""
    chosen = [q for q in queries if keep(q)]
    if not chosen:
        return Scores(0.0, 0.0, 0, 0.0, 0)
    runs = [(q, ranking.get(q.id, [])) for q in chosen]
    n = len(chosen)
    return Scores(
        ndcg5=sum(ndcg(ids, q.judgments, 5) for q, ids in runs) / n,
        ndcg10=sum(ndcg(ids, q.judgments, 10) for q, ids in runs) / n,
        zero_hit=sum(not ids for _, ids in runs),
        judged10=sum(judged_at(ids, q.judgments, 10) for q, ids in runs) / n,
        queries=n,
    )


def evaluate(
    split: str,
    queries: Sequence[JudgedQuery],
    index_dir: Path,
    errors: dict[str, str] | None = None,
) -> dict[str, Ranking]:
    """Every system's ranking of every query of one split's index."""
    db_path = ensure_fts5(index_dir)
    return {
        "searchapp": run_searchapp(index_dir, queries, errors=errors),
        "FTS5 OR": run_fts5(db_path, queries, "OR"),
        "FTS5 AND": run_fts5(db_path, queries, "AND"),
    }


def report(title: str, queries: Sequence[JudgedQuery], runs: Mapping[str, Ranking]) -> str:
    """The overall table and a per-kind breakdown, as text."""
    lines = [f"{title}, {len(queries)} queries".ljust(32) + "nDCG@5  nDCG@10  zero-hit  judged@10"]
    for system, ranking in runs.items():
        s = score(queries, ranking)
        lines.append(
            f"{system:<32}{s.ndcg5:6.3f}  {s.ndcg10:7.3f}  {s.zero_hit:8d}  {s.judged10:9.2f}"
        )
    names = " / ".join(runs)
    lines.append("")
    lines.append(f"by kind{'':<17}n   nDCG@5 ({names})   nDCG@10 (same)   zero-hit")
    for kind in sorted({q.kind for q in queries}):
        per = [
            score(queries, ranking, lambda q, kind=kind: q.kind == kind)
            for ranking in runs.values()
        ]
        at5 = " ".join(f"{s.ndcg5:5.3f}" for s in per)
        at10 = " ".join(f"{s.ndcg10:5.3f}" for s in per)
        zero = "/".join(str(s.zero_hit) for s in per)
        lines.append(f"{kind:<24}{per[0].queries:2d}   {at5}   {at10}   {zero}")
    return "\n".join(lines)


def misses(queries: Sequence[JudgedQuery], ranking: Ranking, k: int = 10) -> str:
    """Per query: the top-k ids that have no judgment yet (to grade) and the grade-2
    paragraphs the top k does not hold (what the ranking misses)."""
    lines = []
    for query in queries:
        top = ranking.get(query.id, [])[:k]
        unjudged = [pid for pid in top if pid not in query.judgments]
        missing = [pid for pid, g in query.judgments.items() if g == 2 and pid not in top]
        if not unjudged and not missing:
            continue
        lines.append(f"{query.id} [{query.kind}] {query.q!r} {query.filters or ''}".rstrip())
        for pid in unjudged:
            lines.append(f"    unjudged in top {k}: {pid} (rank {top.index(pid) + 1})")
        for pid in missing:
            lines.append(f"    grade 2 not in top {k}: {pid}")
    return "\n".join(lines) or "(no misses)"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*SPLITS, "both"), default="both")
    parser.add_argument("--index-train", type=Path, help="use this index instead of building")
    parser.add_argument("--index-dev", type=Path, help="use this index instead of building")
    parser.add_argument(
        "--show-misses",
        action="store_true",
        help="list searchapp's unjudged top-10 hits and the grade-2 paragraphs it misses",
    )
    args = parser.parse_args(argv)
    splits = SPLITS if args.split == "both" else (args.split,)
    indexes = {"train": args.index_train, "dev": args.index_dev}
    printed = False
    for split in splits:
        queries = load_queries(split)
        if not queries:
            print(f"split {split}: no {queries_path(split).name}, skipped", file=sys.stderr)
            continue
        index_dir = ensure_index(split, indexes[split])
        errors: dict[str, str] = {}
        runs = evaluate(split, queries, index_dir, errors)
        if printed:
            print()
        print(report(f"split {split}", queries, runs))
        for qid, message in errors.items():
            print(f"  searchapp refused {qid}: {message}")
        if args.show_misses:
            print(f"\nsearchapp misses, split {split}:")
            print(misses(queries, runs["searchapp"]))
        printed = True
    if not printed:
        raise SystemExit("no judged queries found")


if __name__ == "__main__":
    main()

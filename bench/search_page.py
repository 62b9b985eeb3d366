"""What the search page costs beyond the search: the month histogram and the rendering.

The page runs the search, then builds the month histogram from the search's own month
counts, or with a date range counts once more with undated paragraphs let through it
(`count_by_month`, which skips ranking, snippets and the other facets), then renders. This times each part for
the archive benchmark's query mix on the same index, with SQLite FTS5 doing one search's
work in the same loop as the yardstick (`fts5_peer.py`):

    .venv/bin/python bench/search_page.py [--size 20k] [--repeat 5] [--workdir DIR]

Reuses the scale benchmark's corpus, index and FTS5 database for the size when they exist
(`bench/scale_bench.py --sizes 20k`), and builds what is missing.
"""

from __future__ import annotations

import argparse
import subprocess
import time
from pathlib import Path
from urllib.parse import urlencode

import numpy as np
from fts5_peer import Fts5Peer, load
from make_corpus import DEFAULT_WORKDIR, make_corpus, parse_size, size_label
from queries import QUERIES, BenchQuery
from scale_bench import CODE_ROOT, cli, export_index

from searchapp import create_app
from searchapp.engine import ParagraphIndex
from searchapp.facet_ui import histogram
from searchapp.quote_search import count_quotes_by_month, search_quotes
from searchapp.search import SearchLimits, SearchRequest, count_by_month, search

PARTS = ("search", "histogram", "page", "fts5")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="20k", help="paragraphs, e.g. 20k or 200k")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes over the query mix")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    args = parser.parse_args()
    label = size_label(parse_size(args.size))
    index_dir, peer = prepare(parse_size(args.size), label, args.workdir)
    try:
        times = measure(index_dir, peer, args.repeat)
    finally:
        peer.close()
    report(label, times)


def prepare(target: int, label: str, workdir: Path) -> tuple[Path, Fts5Peer]:
    corpus, index_dir = workdir / f"corpus-{label}", workdir / f"index-{label}"
    database = workdir / f"fts5-{label}.sqlite"
    if not (index_dir / "CURRENT").exists():
        workdir.mkdir(parents=True, exist_ok=True)
        make_corpus(target, corpus)
        subprocess.run(
            cli("reindex", "--source", str(corpus), "--index", str(index_dir), "--full"),
            cwd=CODE_ROOT,
            check=True,
        )
    if database.exists():
        return index_dir, Fts5Peer.open(database)
    export = workdir / f"export-{label}.jsonl"
    export_index(index_dir, export)
    return index_dir, load(export, database)[0]


def measure(index_dir: Path, peer: Fts5Peer, repeat: int) -> dict[str, dict[str, list[float]]]:
    """Milliseconds per part and query name; one untimed pass first warms every cache."""
    app = create_app({"INDEX_DIR": str(index_dir)})
    client = app.test_client()
    limits = app.config["SEARCH_LIMITS"]
    searcher = ParagraphIndex.open(index_dir).searcher()
    times: dict[str, dict[str, list[float]]] = {part: {} for part in PARTS}
    try:
        for timed in [False] + [True] * repeat:
            for entry in QUERIES:
                for part, ms in time_parts(entry, searcher, client, peer, limits).items():
                    if timed:
                        times[part].setdefault(entry.name, []).append(ms)
    finally:
        searcher.close()
    return times


def time_parts(
    entry: BenchQuery, searcher: object, client, peer: Fts5Peer, limits: SearchLimits
) -> dict[str, float]:
    request = SearchRequest.from_params(entry.params, limits, entry.view)
    run = search if entry.view == "paragraphs" else search_quotes
    count = count_by_month if entry.view == "paragraphs" else count_quotes_by_month
    unit = "paragraph" if entry.view == "paragraphs" else "quotation"
    page = ("/?" if entry.view == "paragraphs" else "/quotes?") + urlencode(
        [(name, value) for name, values in entry.params.items() for value in values]
    )
    measured = {}
    started = time.perf_counter()
    result = run(searcher, request, limits)
    measured["search"] = (time.perf_counter() - started) * 1000
    parts = {
        "histogram": lambda: histogram(searcher, result, limits, count, unit),
        "page": lambda: client.get(page).close(),
        "fts5": lambda: peer.search(entry.params, entry.fts5),
    }
    for part, work in parts.items():
        started = time.perf_counter()
        work()
        measured[part] = (time.perf_counter() - started) * 1000
    return measured


def report(label: str, times: dict[str, dict[str, list[float]]]) -> None:
    # Each query's median, so one slow query weighs as much as one fast one.
    medians = {part: [float(np.median(v)) for v in by_name.values()] for part, by_name in times.items()}
    print(f"\nSearch page at {label}: {len(medians['search'])} queries, ms (medians per query)")
    print(f"{'part':<10} {'p50':>8} {'p95':>8} {'sum':>9}")
    for part in PARTS:
        values = medians[part]
        print(f"{part:<10} {np.percentile(values, 50):8.2f} {np.percentile(values, 95):8.2f} {sum(values):9.1f}")
    total = {part: sum(values) for part, values in medians.items()}
    print("\nratios of summed medians")
    print(f"histogram / search   {total['histogram'] / total['search']:.2f}")
    print(f"page / search        {total['page'] / total['search']:.2f}")
    print(f"search / FTS5        {total['search'] / total['fts5']:.2f}")
    print(f"page / FTS5          {total['page'] / total['fts5']:.2f}")


if __name__ == "__main__":
    main()

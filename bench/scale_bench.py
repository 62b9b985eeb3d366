"""Archive-scale benchmark: reindex and search at 20k, 200k and 1M paragraphs against FTS5.

The README's figures come from PolNeAR's 17,000 paragraphs, but archives reach a million,
and speed problems only show at that scale. For each size this builds (or reuses) a corpus
of replicated PolNeAR articles, then measures what users and operators wait for:
- a full reindex through the real CLI: wall time, paragraphs/s, peak memory of the whole
  process tree (workers included) and the index size on disk;
- a reindex of the unchanged corpus, and one after a single article changed;
- the fixed query mix of `queries.py`, timed around the same `search()` the API runs, with
  SQLite FTS5 doing the same work on the same exported paragraphs in the same loop, so
  machine noise hits both and the ratio stays meaningful.

    .venv/bin/python bench/scale_bench.py [--sizes 20k,200k,1M] [--repeat 5]
                                          [--workdir /tmp/searchapp-bench] [--skip-reindex]

Prints a table per size with PASS/FAIL against the bar, and the per-query medians, and writes
every figure to WORKDIR/results-SIZE.json. Exits 1 when a bar fails or a phase breaks.
To measure another checkout, put it first on PYTHONPATH: the CLI runs the same code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import psutil
from fts5_peer import Fts5Peer, load
from make_corpus import DEFAULT_WORKDIR, make_corpus, parse_size, read_marker, size_label
from queries import QUERIES, BenchQuery
from results import SizeResult, evaluate, print_report, save, summarize

import searchapp
from searchapp.engine import ParagraphIndex
from searchapp.quote_search import search_quotes
from searchapp.search import SearchRequest, search

# Subprocesses run from the folder holding the `searchapp` imported here, so the CLI and the
# in-process searches test the same code (PYTHONPATH can point both at another checkout).
CODE_ROOT = Path(searchapp.__file__).resolve().parents[1]
SAMPLE_SECONDS = 0.05
CHANGED_WORD = "xyzzybenchmark"  # unique, so a search proves the changed article was reindexed
CHANGED_PARAGRAPH = f"A {CHANGED_WORD} paragraph appended to test the incremental reindex."
_INDEXED = re.compile(r"Indexed (\d+) articles?, (\d+) paragraphs")


@dataclass
class Run:
    """One CLI subprocess, measured."""

    command: list[str]
    seconds: float
    returncode: int
    peak_tree_rss: int  # max over samples of the summed RSS of the process and its children
    peak_process_rss: int  # max RSS of any single process in the tree
    articles: int | None
    paragraphs: int | None
    log: str

    def check(self) -> Run:
        if self.returncode != 0:
            tail = Path(self.log).read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(self.command)} exited {self.returncode}:\n{tail}")
        return self


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20k,200k,1M", help="comma-separated, e.g. 20k,200k")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes over the query mix")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument(
        "--skip-reindex",
        action="store_true",
        help="search the existing index of each size; skip every reindex timing",
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    failed = False
    for target in (parse_size(size) for size in args.sizes.split(",") if size.strip()):
        result = bench_size(target, args.workdir, args.repeat, args.skip_reindex)
        failed |= bool(result.error) or not all(check["ok"] for check in result.checks)
    sys.exit(1 if failed else 0)


def bench_size(target: int, workdir: Path, repeat: int, skip_reindex: bool) -> SizeResult:
    """Every phase for one size; prints as it goes and saves after each phase."""
    label = size_label(target)
    result = SizeResult(label, target, dt.datetime.now().isoformat(timespec="seconds"))
    out = workdir / f"results-{label}.json"
    corpus, index_dir = workdir / f"corpus-{label}", workdir / f"index-{label}"
    print(f"\n=== {label}: corpus {corpus}, index {index_dir} ===", flush=True)

    @contextmanager
    def phase(name: str) -> Iterator[None]:
        print(f"[{label}] {name} …", flush=True)
        started = time.perf_counter()
        try:
            yield
        finally:
            result.phases_s[name] = round(time.perf_counter() - started, 3)
            print(f"[{label}] {name}: {result.phases_s[name]:.1f} s", flush=True)
            save(result, out)

    try:
        with phase("corpus"):
            make_corpus(target, corpus)
            result.corpus = read_marker(corpus) or {}
        if skip_reindex:
            result.index_bytes = tree_bytes(index_dir)
        else:
            reindex_phases(result, corpus, index_dir, workdir, phase)
        export = workdir / f"export-{label}.jsonl"
        with phase("export"):
            result.export_paragraphs = export_index(index_dir, export)
        with phase("fts5 load"):
            peer, stats = load(export, workdir / f"fts5-{label}.sqlite")
            result.fts5 = {**asdict(stats), "per_second": stats.per_second}
        with phase("queries"):
            run_queries(result, index_dir, peer, repeat)
        peer.close()
    except Exception as problem:  # report what was measured so far, then the next size
        result.error = "".join(traceback.format_exception(problem))
        print(f"[{label}] FAILED:\n{result.error}", file=sys.stderr, flush=True)
    result.checks = evaluate(result)
    save(result, out)
    print_report(result)
    print(f"\nAll figures: {out}")
    return result


PhaseTimer = Callable[[str], AbstractContextManager[None]]


def reindex_phases(
    result: SizeResult, corpus: Path, index_dir: Path, workdir: Path, phase: PhaseTimer
) -> None:
    """Full reindex from nothing, no-change reindex, then one changed article and back."""
    logs = workdir / "logs"
    logs.mkdir(exist_ok=True)
    if index_dir.exists():
        shutil.rmtree(index_dir)

    def reindex(name: str) -> Run:
        with phase(f"reindex {name}"):
            command = cli("reindex", "--source", str(corpus), "--index", str(index_dir))
            run = run_measured(
                command, logs / f"reindex-{result.label}-{name.replace(' ', '-')}.log"
            ).check()
        result.reindex[name] = asdict(run)
        return run

    reindex("full")
    result.index_bytes = tree_bytes(index_dir)
    reindex("no change")
    article = first_article(corpus)
    original = article.read_bytes()
    try:
        article.write_text(
            original.decode("utf-8").rstrip("\n") + f"\n\n{CHANGED_PARAGRAPH}\n", encoding="utf-8"
        )
        reindex("one article changed")
        found = count_hits(index_dir, CHANGED_WORD)
        result.reindex["one article changed"]["changed_paragraph_found"] = found
        if found != 1:
            warn(result, f"after changing {article.name}, '{CHANGED_WORD}' has {found} hits, not 1")
    finally:
        article.write_bytes(original)
    reindex("article restored")
    found = count_hits(index_dir, CHANGED_WORD)
    if found:
        warn(result, f"after restoring {article.name}, '{CHANGED_WORD}' still has {found} hits")
    result.index_bytes_after_reindexes = tree_bytes(index_dir)


def cli(*args: str) -> list[str]:
    """The real `searchapp` command line, run by this Python."""
    return [sys.executable, "-m", "searchapp.cli", *args]


def first_article(corpus: Path) -> Path:
    return min((corpus / "r000").glob("*.txt"))


def run_measured(command: list[str], log: Path) -> Run:
    """Run `command`, sampling the memory of its process tree every SAMPLE_SECONDS."""
    started = time.perf_counter()
    with log.open("wb") as sink:
        child = subprocess.Popen(command, cwd=CODE_ROOT, stdout=sink, stderr=subprocess.STDOUT)
        tree_peak = process_peak = 0
        watched = psutil.Process(child.pid)
        while child.poll() is None:
            tree, biggest = tree_rss(watched)
            tree_peak, process_peak = max(tree_peak, tree), max(process_peak, biggest)
            time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    text = log.read_text(encoding="utf-8", errors="replace")
    indexed = _INDEXED.search(text)
    return Run(
        command=command,
        seconds=round(seconds, 3),
        returncode=child.returncode,
        peak_tree_rss=tree_peak,
        peak_process_rss=process_peak,
        articles=int(indexed.group(1)) if indexed else None,
        paragraphs=int(indexed.group(2)) if indexed else None,
        log=str(log),
    )


def tree_rss(process: psutil.Process) -> tuple[int, int]:
    """(sum of RSS over `process` and all its descendants, largest single RSS)."""
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    total = biggest = 0
    for member in members:
        try:
            rss = member.memory_info().rss
        except psutil.Error:  # exited between listing and sampling
            continue
        total += rss
        biggest = max(biggest, rss)
    return total, biggest


def tree_bytes(folder: Path) -> int:
    """Bytes of all files under `folder` (apparent size). A file hard-linked into two
    generations is on disk once, so it counts once."""
    total = 0
    seen: set[tuple[int, int]] = set()
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                stat = os.lstat(os.path.join(root, name))
            except OSError:
                continue
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                total += stat.st_size
    return total


def export_index(index_dir: Path, export: Path) -> int:
    """`searchapp export` into `export`; return the number of paragraphs."""
    with export.open("wb") as sink:
        subprocess.run(
            cli("export", "--index", str(index_dir)),
            cwd=CODE_ROOT,
            stdout=sink,
            check=True,
        )
    with export.open("rb") as lines:
        return sum(1 for _ in lines)


def count_hits(index_dir: Path, word: str) -> int:
    """Paragraphs matching `word` in the live index, read in process as the API would."""
    searcher = ParagraphIndex.open(index_dir).searcher()
    try:
        return search(searcher, SearchRequest.from_params({"q": [word]})).total
    finally:
        searcher.close()


def run_queries(result: SizeResult, index_dir: Path, peer: Fts5Peer, repeat: int) -> None:
    """One warm-up pass, then `repeat` timed passes; both engines per request, interleaved."""
    started = time.perf_counter()
    searcher = ParagraphIndex.open(index_dir).searcher()
    open_ms = (time.perf_counter() - started) * 1000
    try:
        rows = warm_up(result, searcher, peer)
        ours, theirs = timed_passes(searcher, peer, repeat)
    finally:
        searcher.close()
    for row in rows:
        row["p50_ms"] = float(np.median(ours[row["name"]]))
        row["fts5_p50_ms"] = float(np.median(theirs[row["name"]]))
    result.queries = rows
    result.latency_ms = {
        "searchapp": summarize([ms for values in ours.values() for ms in values]),
        "fts5": summarize([ms for values in theirs.values() for ms in values]),
        "open_ms": {"searchapp": round(open_ms, 3)},
        "first_query_ms": {"searchapp": rows[0]["warmup_ms"]},
    }


def warm_up(result: SizeResult, searcher: object, peer: Fts5Peer) -> list[dict]:
    """Run each request once on both engines (caches, facet columns) and check it hits."""
    rows = []
    for entry in QUERIES:
        row = {"name": entry.name, "tags": entry.tags, "params": entry.params, "fts5": entry.fts5}
        row["warmup_ms"], row["total"], row["error"] = time_ours(searcher, entry)
        row["fts5_warmup_ms"], row["fts5_total"] = time_theirs(peer, entry)
        if row["error"]:
            warn(result, f"searchapp failed on {entry.name!r}: {row['error']}")
        elif not row["total"]:
            warn(result, f"searchapp found 0 hits for {entry.name!r} ({entry.api_path()})")
        rows.append(row)
    return rows


def timed_passes(
    searcher: object, peer: Fts5Peer, repeat: int
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Milliseconds per request name for searchapp and FTS5, `repeat` samples each."""
    ours: dict[str, list[float]] = {entry.name: [] for entry in QUERIES}
    theirs: dict[str, list[float]] = {entry.name: [] for entry in QUERIES}
    for _ in range(repeat):
        for entry in QUERIES:
            ours[entry.name].append(time_ours(searcher, entry)[0])
            theirs[entry.name].append(time_theirs(peer, entry)[0])
    return ours, theirs


def time_ours(searcher: object, entry: BenchQuery) -> tuple[float, int | None, str | None]:
    """Milliseconds of one `search()` with a fresh request, its total, or its error."""
    started = time.perf_counter()
    run = search if entry.view == "paragraphs" else search_quotes
    try:
        found = run(searcher, SearchRequest.from_params(entry.params, view=entry.view))
    except Exception as problem:  # a broken query must not stop the benchmark
        return (time.perf_counter() - started) * 1000, None, f"{type(problem).__name__}: {problem}"
    return (time.perf_counter() - started) * 1000, found.total, None


def time_theirs(peer: Fts5Peer, entry: BenchQuery) -> tuple[float, int]:
    started = time.perf_counter()
    found = peer.search(entry.params, entry.fts5)
    return (time.perf_counter() - started) * 1000, found.total


def warn(result: SizeResult, message: str) -> None:
    result.warnings.append(message)
    print(f"WARNING  {message}", flush=True)


if __name__ == "__main__":
    main()

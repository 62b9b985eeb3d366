"""Where a full reindex spends its time: extraction and segment writing in the workers, the
speaker renames after corpus-wide unification, and finishing the generation.

    .venv/bin/python bench/reindex_phases.py /tmp/searchapp-bench/corpus-200k

Runs `reindex()` in this process on a scratch index (workers as the CLI starts them) with
each phase's function wrapped in a timer, and prints seconds and shares. The corpus can be
any folder of articles; `bench/scale_bench.py` builds the 20k, 200k and 1M ones.
"""

from __future__ import annotations

import argparse
import functools
import tempfile
import time
from pathlib import Path

import searchapp.indexing as indexing

PHASES = {
    indexing: ("_scan", "extract_and_write", "unify_names"),
    indexing.engine: ("commit_segments", "rename_speakers", "finish_generation"),
}
seconds: dict[str, float] = {}


def _timed(module: object, name: str) -> None:
    work = getattr(module, name)

    @functools.wraps(work)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return work(*args, **kwargs)
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started

    setattr(module, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a folder of articles")
    args = parser.parse_args()
    for module, names in PHASES.items():
        for name in names:
            _timed(module, name)
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        report = indexing.reindex(args.source, Path(scratch) / "index", full=True)
        total = time.perf_counter() - started
    print(f"{report.paragraphs:,} paragraphs in {total:.1f} s: {report.paragraphs / total:,.0f}/s")
    for name, spent in seconds.items():
        print(f"  {name:<20} {spent:7.1f} s  {spent / total:6.1%}")


if __name__ == "__main__":  # the reindex workers are spawned: they import this module again
    main()

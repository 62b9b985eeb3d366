"""What one benchmark size measured, the bar it is held to, and how it prints.

Kept apart from `scale_bench.py`, which runs the phases, so the bar and the report can be
read (and changed) in one place.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

STATS = ("p50", "p95", "max")
MB = 1_000_000
# The bar, as the issue sets it: at 200k paragraphs, and p95 at a million.
BAR = {
    200_000: {
        "p50": 25.0,
        "p95": 150.0,
        "reindex_per_s": 2_500,
        "peak_bytes": 1.5e9,
        "incremental_s": 5.0,
        "p95_vs_fts5": True,
    },
    1_000_000: {"p95": 800.0},
}


@dataclass
class SizeResult:
    """Every figure for one corpus size; dumped as results-SIZE.json."""

    label: str
    target: int
    started: str
    corpus: dict = field(default_factory=dict)
    phases_s: dict[str, float] = field(default_factory=dict)
    reindex: dict[str, dict] = field(default_factory=dict)
    index_bytes: int | None = None  # right after the full reindex
    index_bytes_after_reindexes: int | None = None  # shows generations left behind, if any
    export_paragraphs: int | None = None
    fts5: dict = field(default_factory=dict)
    latency_ms: dict[str, dict[str, float]] = field(default_factory=dict)
    queries: list[dict] = field(default_factory=list)
    checks: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def summarize(values: list[float]) -> dict[str, float]:
    p50, p95 = np.percentile(values, [50, 95])
    return {"p50": float(p50), "p95": float(p95), "max": float(max(values)), "n": len(values)}


def evaluate(result: SizeResult) -> list[dict]:
    """The bar for this size: one dict per line, with ok True/False."""
    bar = BAR.get(result.target, {})
    checks: list[dict] = []

    def check(label: str, value: float | None, limit: str, ok: bool) -> None:
        checks.append({"label": label, "value": value, "bar": limit, "ok": bool(ok)})

    full = result.reindex.get("full")
    if full and "reindex_per_s" in bar:
        rate, least = reindex_rate(result), bar["reindex_per_s"]
        check("reindex paragraphs/s", rate, f">= {least:,}", rate >= least)
    if full and "peak_bytes" in bar:
        peak, most = full["peak_tree_rss"], bar["peak_bytes"]
        check("reindex peak memory MB", peak / MB, f"<= {most / MB:,.0f}", peak <= most)
    changed = result.reindex.get("one article changed")
    if changed and "incremental_s" in bar:
        seconds, most = changed["seconds"], bar["incremental_s"]
        check("incremental reindex s (1 article)", seconds, f"<= {most:g}", seconds <= most)
    ours = result.latency_ms.get("searchapp")
    if ours:
        for stat in ("p50", "p95"):
            if stat in bar:
                check(f"search {stat} ms", ours[stat], f"<= {bar[stat]:g}", ours[stat] <= bar[stat])
        if bar.get("p95_vs_fts5"):
            fts5 = result.latency_ms["fts5"]["p95"]
            check("search p95 vs FTS5 p95 ms", ours["p95"], f"<= {fts5:.1f}", ours["p95"] <= fts5)
    if result.error:
        check("all phases ran", None, "no error", False)
    return checks


def reindex_rate(result: SizeResult) -> float:
    full = result.reindex["full"]
    paragraphs = full["paragraphs"] or result.export_paragraphs or result.corpus.get("paragraphs")
    return paragraphs / full["seconds"] if paragraphs else 0.0


def print_report(result: SizeResult) -> None:
    paragraphs = result.export_paragraphs or result.corpus.get("paragraphs", 0)
    print(
        f"\n--- {result.label}: {paragraphs:,} paragraphs, "
        f"{result.corpus.get('articles', 0):,} articles ---"
    )
    print(f"{'':40} {'searchapp':>12} {'SQLite FTS5':>12} {'ratio':>8}")
    for label, ours, theirs, digits in report_rows(result):
        cells = [f"{label:40}"]
        cells += [f"{'':>12}" if v is None else f"{v:>12,.{digits}f}" for v in (ours, theirs)]
        if ours is not None and theirs:
            ratio = ours / theirs
            cells.append(f"{ratio:>7.{1 if ratio >= 1 else 3}f}x")
        print(" ".join(cells).rstrip())
    print("(FTS5 build = loading the exported paragraphs: no extraction, no speaker unification)")
    print()
    for check in result.checks:
        value = "-" if check["value"] is None else f"{check['value']:,.1f}"
        verdict = "PASS" if check["ok"] else "FAIL"
        print(f"{verdict}  {check['label']:36} {value:>10}  (bar {check['bar']})")
    for warning in result.warnings:
        print(f"WARNING  {warning}")
    print_queries(result)
    print("\nphases: " + ", ".join(f"{name} {s:.1f} s" for name, s in result.phases_s.items()))


Row = tuple[str, float | None, float | None, int]


def report_rows(result: SizeResult) -> list[Row]:
    """(label, searchapp, FTS5, decimals) for the summary table; None leaves a cell empty."""
    rows: list[Row] = []
    ours, theirs = result.latency_ms.get("searchapp"), result.latency_ms.get("fts5")
    if ours and theirs:
        rows += [(f"search {stat} ms", ours[stat], theirs[stat], 1) for stat in STATS]
        first_ms = result.latency_ms["first_query_ms"]["searchapp"]
        rows.append(("index open ms", result.latency_ms["open_ms"]["searchapp"], None, 1))
        rows.append(("first query after open ms", first_ms, None, 1))
    full = result.reindex.get("full")
    ours_rate = reindex_rate(result) if full else None
    rows.append(("build, paragraphs/s", ours_rate, result.fts5.get("per_second"), 0))
    if full:
        rows.append(("reindex wall s", full["seconds"], None, 1))
        rows.append(("reindex peak memory, process tree MB", full["peak_tree_rss"] / MB, None, 0))
        rows.append(("reindex peak memory, one process MB", full["peak_process_rss"] / MB, None, 0))
    db_mb = result.fts5["db_bytes"] / MB if result.fts5 else None
    for label, size in (
        ("index size MB", result.index_bytes),
        ("index size after 3 more reindexes MB", result.index_bytes_after_reindexes),
    ):
        if size is not None:
            rows.append((label, size / MB, db_mb if label == "index size MB" else None, 1))
    for name in ("no change", "one article changed", "article restored"):
        if name in result.reindex:
            rows.append((f"reindex, {name} s", result.reindex[name]["seconds"], None, 1))
    return rows


def print_queries(result: SizeResult) -> None:
    if not result.queries:
        return
    print(
        f"\n{'query (p50 per query)':28} {'hits':>8} {'fts5 hits':>9} "
        f"{'searchapp ms':>12} {'FTS5 ms':>9} {'ratio':>7}"
    )
    for row in result.queries:
        hits = "ERROR" if row["error"] else f"{row['total']:,}"
        ratio = row["p50_ms"] / row["fts5_p50_ms"] if row["fts5_p50_ms"] else float("inf")
        print(
            f"{row['name']:28} {hits:>8} {row['fts5_total']:>9,} "
            f"{row['p50_ms']:>12.1f} {row['fts5_p50_ms']:>9.1f} {ratio:>6.1f}x"
        )


def save(result: SizeResult, out: Path) -> None:
    out.write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")

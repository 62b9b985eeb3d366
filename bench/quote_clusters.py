"""How well and how fast `cluster_quotes` groups one quotation printed by several outlets.

Quality: pairwise precision and recall on the hand-labelled pairs of
`bench/quote_pairs.jsonl` (train: PolNeAR train, where thresholds were tuned; held-out:
PolNeAR dev and the seeds), clustering all quotations of a split at once, against
baselines in the same run. Cost: quotations per second on PolNeAR train+dev, on 100,000
perturbed copies of them, and on hostile inputs, single process.
Usage: PYTHONPATH=. python bench/quote_clusters.py [--tune]
"""

from __future__ import annotations

import itertools
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_data import polnear, seeds  # noqa: E402

from searchapp import quote_clusters as qc  # noqa: E402

WALL = "we are going to build a great wall and mexico is going to pay for that wall"
PAIRS = Path(__file__).resolve().parent / "quote_pairs.jsonl"
Method = Callable[[Sequence[tuple[str, str]]], list[int]]


def exact(quotes: Sequence[tuple[str, str]]) -> list[int]:
    """Baseline: identical normalized words from an identical speaker name."""
    first: dict[tuple[str, str], int] = {}
    return [first.setdefault((s, " ".join(qc._words(t))), i) for i, (s, t) in enumerate(quotes)]


def all_pairs(quotes: Sequence[tuple[str, str]]) -> list[int]:
    """Upper bound of the blocking: the same rules on every pair, no LSH (quadratic)."""
    words = [qc._words(t) for _, t in quotes]
    speakers = [qc._speaker_key(s) for s, _ in quotes]
    parent = list(range(len(quotes)))
    for a, b in itertools.combinations(range(len(quotes)), 2):
        same_speaker = qc._same_speaker(speakers[a], speakers[b])
        if min(len(words[a]), len(words[b])) < qc.MIN_WORDS:
            ok = same_speaker and speakers[a] == speakers[b] and words[a] == words[b]
        else:
            ok = qc._same(
                " ".join(words[a]), " ".join(words[b]), len(words[a]), len(words[b]), same_speaker
            )
        if ok:
            qc._union(parent, a, b)
    return [qc._find(parent, i) for i in range(len(quotes))]


def with_settings(method: Method, **settings: object) -> Method:
    """`method` run with some module constants changed, for variants and tuning."""

    def run(quotes: Sequence[tuple[str, str]]) -> list[int]:
        saved = {name: getattr(qc, name) for name in settings}
        try:
            for name, value in settings.items():
                setattr(qc, name, value)
            return method(quotes)
        finally:
            for name, value in saved.items():
                setattr(qc, name, value)

    return run


def score(pairs: list[dict], method: Method) -> tuple[float, float, int, int, int]:
    """Pairwise precision and recall: a pair is predicted same when both of its
    quotations land in one cluster, all quotations of the split clustered together."""
    index: dict[tuple[str, str], int] = {}
    for p in pairs:
        index.setdefault((p["speaker_a"], p["a"]), len(index))
        index.setdefault((p["speaker_b"], p["b"]), len(index))
    labels = method(list(index))
    tp = fp = fn = 0
    for p in pairs:
        predicted = (
            labels[index[(p["speaker_a"], p["a"])]] == labels[index[(p["speaker_b"], p["b"])]]
        )
        tp += predicted and p["same"]
        fp += predicted and not p["same"]
        fn += not predicted and p["same"]
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), tp, fp, fn


def quality(methods: dict[str, Method]) -> None:
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    for split in ("train", "heldout"):
        part = [p for p in pairs if p["split"] == split]
        same = sum(p["same"] for p in part)
        print(f"\n{split}: {len(part)} pairs, {same} same")
        print(f"  {'method':40} {'P':>6} {'R':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
        for name, method in methods.items():
            p, r, tp, fp, fn = score(part, method)
            print(f"  {name:40} {p:6.3f} {r:6.3f} {tp:4} {fp:4} {fn:4}")
        for stratum in sorted({p["stratum"] for p in part}):
            some = [p for p in part if p["stratum"] == stratum]
            p, r, tp, fp, fn = score(some, qc.cluster_quotes)
            print(f"    stratum {stratum:32} n={len(some):3} tp {tp:3} fp {fp:3} fn {fn:3}")


def tune() -> None:
    """The grid the thresholds were chosen from, on train pairs only."""
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    train = [p for p in pairs if p["split"] == "train"]
    print("\ntune on train (method as shipped, thresholds varied): P R")
    for ratio, contained in itertools.product((70, 75, 80, 85, 90), (85, 88, 90, 93, 95)):
        p, r, *_ = score(
            train, with_settings(qc.cluster_quotes, SAME_RATIO=ratio, CONTAINED=contained)
        )
        print(f"  ratio>={ratio} contained>={contained}: P {p:.3f} R {r:.3f}")


def timed(name: str, quotes: Sequence[tuple[str, str]]) -> list[int]:
    # CPU time of this process as well as wall time: on a shared machine the wall time
    # also counts other people's processes.
    start, cpu = time.perf_counter(), time.process_time()
    labels = qc.cluster_quotes(quotes)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"  {name:42} {len(quotes):>7} quotes  wall {took:6.2f} s  cpu {cpu:6.2f} s"
        f"  {len(quotes) / cpu:>9,.0f} q/s (cpu)"
    )
    return labels


def perturbed(quotes: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    """`n` quotations made of copies of `quotes`, each copy with one word dropped,
    duplicated or replaced, or its case or punctuation changed, as outlets do."""
    rng = random.Random(7)
    out = list(quotes)
    while len(out) < n:
        speaker, text = quotes[rng.randrange(len(quotes))]
        words = text.split()
        how = rng.randrange(4)
        if words and how == 0:
            del words[rng.randrange(len(words))]
        elif words and how == 1:
            words[rng.randrange(len(words))] = rng.choice(["very", "the", "really", "new"])
        elif how == 2:
            words = [w.lower() for w in words]
        else:
            words.append(rng.choice([".", "—", "..."]))
        out.append((speaker, " ".join(words)))
    return out


def cost() -> list[tuple[str, str]]:
    rows = polnear("train") + polnear("dev")
    corpus = [(str(r["canonical"]), str(r["text"])) for r in rows]
    print("\ncost (single process):")
    timed("PolNeAR train+dev", corpus)
    timed("PolNeAR perturbed to 100,000", perturbed(corpus, 100_000))
    rng = random.Random(3)
    base = WALL.split()
    vocab = [f"w{k}" for k in range(50)]
    timed("hostile: 100,000 identical", [("Donald Trump", " ".join(base))] * 100_000)
    long = " ".join(rng.choice(vocab) for _ in range(7_000))[:20_000]
    timed("hostile: 20,000-char quote + 1,000 others", [("X", long)] + corpus[:1_000])
    timed(
        "hostile: 1,000 quotes of 20,000 chars", [("X", long[k:] + long[:k]) for k in range(1_000)]
    )
    shared = [
        ("Donald Trump", " ".join(base[: k % 16] + [f"x{k}"] + base[k % 16 :]) + f" y{k}")
        for k in range(10_000)
    ]
    timed("hostile: 10,000 sharing most shingles", shared)
    return corpus


def found(corpus: list[tuple[str, str]]) -> None:
    labels = qc.cluster_quotes(corpus)
    sizes = Counter(labels)
    multi = [label for label, size in sizes.items() if size >= 2]
    print(f"\nPolNeAR train+dev: {len(corpus)} quotes, {len(multi)} clusters of size >= 2,")
    print(f"  {sum(sizes[m] for m in multi)} quotes in them; largest {max(sizes.values())}")
    rng = random.Random(1)
    long_ones = [m for m in multi if len(qc._words(corpus[m][1])) >= qc.MIN_WORDS]
    for label in sorted(rng.sample(long_ones, min(5, len(long_ones)))):
        members = [i for i, x in enumerate(labels) if x == label]
        print(f"  cluster of {len(members)}:")
        for i in members[:4]:
            print(f"    {corpus[i][0]}: {corpus[i][1][:110]}")


if __name__ == "__main__":
    methods: dict[str, Method] = {
        "cluster_quotes (LSH + rapidfuzz)": qc.cluster_quotes,
        "baseline: exact normalized text": exact,
        "upper bound: same rules, all pairs": all_pairs,
        "variant: speakers must match": with_settings(qc.cluster_quotes, OTHER_SPEAKER_RATIO=101),
    }
    quality(methods)
    if "--tune" in sys.argv:
        tune()
    found(cost())
    assert seeds()  # the seeds are extracted too (the held-out pairs came from them)

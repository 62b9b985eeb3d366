"""Candidate pairs for hand-labelling `bench/quote_pairs.jsonl`, drawn independently of the
clustering method so that its recall can be measured on pairs its blocking would miss.

Within each surname group (quotes whose speakers share a last name), all pairs from
different articles are scored with rapidfuzz (`ratio` and `partial_ratio` on normalized
text) and sampled per similarity stratum; a few pairs with different speakers and a few
very short identical quotes are added. Seeded sampling, so the pool can be regenerated.
Usage: python bench/quote_pair_pool.py train|dev N_PER_STRATUM [close-long] > pool.jsonl
(`close-long`: only that stratum, long pairs at ratio 75-90 that are hard to tell apart).
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_data import polnear  # noqa: E402

WORD = re.compile(r"\w+(?:'\w+)*")


def norm(text: str) -> str:
    return " ".join(WORD.findall(text.casefold().replace("’", "'")))


def strata(rows: list[dict], per: int, rng: random.Random, only: str = "") -> list[dict]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        groups[row["canonical"].split()[-1].casefold()].append(i)
    texts = [norm(r["text"]) for r in rows]
    bins: dict[str, list[tuple[int, int, float, float]]] = defaultdict(list)
    extra: dict[str, list[tuple[int, int, float, float]]] = defaultdict(list)
    for members in groups.values():
        if len(members) < 2:
            continue
        sub = [texts[i] for i in members]
        ratio = process.cdist(sub, sub, scorer=fuzz.ratio, workers=2, dtype=np.uint8)
        part = process.cdist(sub, sub, scorer=fuzz.partial_ratio, workers=2, dtype=np.uint8)
        for x, y in zip(*np.nonzero(np.triu(np.maximum(ratio, part) >= 40, 1)), strict=True):
            a, b = members[x], members[y]
            if rows[a]["article"] == rows[b]["article"]:
                continue
            words = min(len(texts[a].split()), len(texts[b].split()))
            r, p = float(ratio[x, y]), float(part[x, y])
            if words < 5:
                if texts[a] == texts[b] and rows[a]["canonical"] == rows[b]["canonical"]:
                    bins["short-identical"].append((a, b, r, p))
                continue
            if 75 <= max(r, p) < 90 and words >= 8:
                extra["close-long"].append((a, b, r, p))  # hard cases, sampled apart
            if r >= 90:
                bins["near-verbatim"].append((a, b, r, p))
            elif p >= 90:
                bins["contained"].append((a, b, r, p))
            elif max(r, p) >= 70:
                bins["similar-70-90"].append((a, b, r, p))
            elif max(r, p) >= 55:
                bins["similar-55-70"].append((a, b, r, p))
            else:
                bins["same-speaker-40-55"].append((a, b, r, p))
    out = []
    if only:
        bins = {only: extra[only]}
    for name in sorted(bins):
        pool = bins[name]
        for a, b, r, p in rng.sample(pool, min(per, len(pool))):
            out.append(pair(rows, a, b, name, r, p))
    return out


def pair(rows: list[dict], a: int, b: int, stratum: str, r: float, p: float) -> dict:
    return {
        "a": rows[a]["text"],
        "b": rows[b]["text"],
        "speaker_a": rows[a]["canonical"],
        "speaker_b": rows[b]["canonical"],
        "article_a": rows[a]["article"],
        "article_b": rows[b]["article"],
        "stratum": stratum,
        "ratio": r,
        "partial_ratio": p,
    }


def cross_speaker(rows: list[dict], per: int, rng: random.Random) -> list[dict]:
    """Pairs with different surnames whose texts are alike: found by exact 5-word runs,
    which is cheap and independent of the method under test."""
    runs: dict[tuple[str, ...], list[int]] = defaultdict(list)
    texts = [norm(r["text"]).split() for r in rows]
    for i, words in enumerate(texts):
        for k in range(0, max(1, len(words) - 4), 3):
            runs[tuple(words[k : k + 5])].append(i)
    seen, found = set(), []
    for members in runs.values():
        if len(members) > 20:
            continue
        for x in members:
            for y in members:
                a, b = rows[x], rows[y]
                other_speaker = a["canonical"].split()[-1] != b["canonical"].split()[-1]
                if x < y and (x, y) not in seen and a["article"] != b["article"] and other_speaker:
                    seen.add((x, y))
                    na, nb = " ".join(texts[x]), " ".join(texts[y])
                    found.append((x, y, fuzz.ratio(na, nb), fuzz.partial_ratio(na, nb)))
    found.sort()
    return [
        pair(rows, a, b, "cross-speaker", r, p)
        for a, b, r, p in rng.sample(found, min(per, len(found)))
    ]


if __name__ == "__main__":
    split, per = sys.argv[1], int(sys.argv[2])
    only = sys.argv[3] if len(sys.argv) > 3 else ""
    rng = random.Random(f"{split}-{per}{only}")
    rows = polnear(split)
    items = strata(rows, per, rng, only) if only else strata(rows, per, rng)
    for item in items + ([] if only else cross_speaker(rows, per, rng)):
        item["source"] = f"polnear-{split}"
        print(json.dumps(item, ensure_ascii=False))

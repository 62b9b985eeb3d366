"""Speaker attribution on PolNeAR, per outlet, the learned model beside the rules alone.

    .venv/bin/python bench/attribution.py [--split train|dev|both] [--errors N]

For each split it extracts every article in-process (`searchapp.paragraphs.article_docs`,
what a reindex runs, without the index), scores the speakers with the shared scorer
(`../shared/tools/score_speakers.py`), and does the same with the packaged attribution
model replaced by the rules' first choices (`RulesAlone`), so the two are compared on the same
run. It also prints extraction speed in paragraphs per second, the model included.
Scores on train are in-sample for the model: its cross-validated train figures are the ones
`searchapp train-attribution` prints.
"""

from __future__ import annotations

import argparse
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nonpolitical import scorer  # noqa: E402

from searchapp.corpus import read_corpus  # noqa: E402
from searchapp.extract import speakers  # noqa: E402
from searchapp.extract.attribution_model import RulesAlone  # noqa: E402
from searchapp.paragraphs import paragraph_docs  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear"


def run(split: str, keep_all: bool) -> tuple[list[dict], float, int]:
    articles = list(read_corpus(POLNEAR / split / "articles"))
    patch = mock.patch.object(speakers, "packaged_model", return_value=RulesAlone())
    start = time.perf_counter()
    with patch if keep_all else nullcontext():
        docs = [doc for article in articles for doc in paragraph_docs(article)]
    seconds = time.perf_counter() - start
    return [{"text": d.text, "speakers": list(d.speakers)} for d in docs], seconds, len(docs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "dev", "both"), default="dev")
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    tool = scorer()
    for split in ("train", "dev") if args.split == "both" else (args.split,):
        gold = tool.read_jsonl(str(POLNEAR / split / "gold_speakers.jsonl"), "gold")
        print(f"\n## PolNeAR {split}\n")
        print("| system | outlet | P | R | F1 | direct-R |")
        print("|---|---|---:|---:|---:|---:|")
        for name, keep_all in (("rules alone", True), ("rules + model", False)):
            preds, seconds, count = run(split, keep_all)
            total, by_outlet, _, errors = tool.score(
                gold, preds, "text", "speakers", None, n_errors=args.errors if not keep_all else 0
            )
            rows = [("all", total), *sorted(by_outlet.items())]
            for outlet, tally in rows:
                m = tally.metrics()
                print(
                    f"| {name} | {outlet} | {m['precision']:.3f} | {m['recall']:.3f} | "
                    f"{m['f1']:.3f} | {m['direct_recall']:.3f} |"
                )
            print(f"| {name} | speed | {count / seconds:,.0f} paragraphs/s | | | |")
        for row, predicted, gold_names, _ in errors:
            print(f"\n- predicted {predicted}, gold {gold_names}: {row['text'][:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

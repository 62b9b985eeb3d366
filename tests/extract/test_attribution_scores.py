"""Speaker attribution measured against people's annotations (PolNeAR dev), through the
same commands a user runs: `searchapp reindex`, `searchapp export`, then the shared scorer.

Skipped when `../shared` is absent. A change that takes any figure below the bar fails CI.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import POLNEAR

SCORER = POLNEAR.parents[1] / "tools" / "score_speakers.py"
DEV = POLNEAR / "dev"

# The bar issue 3 sets. Measured on 2026-12-02 (rules + attribution model, collectives out
# of the facet): P 0.870, F1 0.788, direct-R 0.917 (stop 20).
BAR = {"f1": 0.75, "precision": 0.85, "direct_recall": 0.90, "coverage": 1.0}

pytestmark = pytest.mark.skipif(
    not (DEV.is_dir() and SCORER.is_file()), reason="../shared PolNeAR corpus not available"
)


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    work = tmp_path_factory.mktemp("polnear-dev")
    cli = [sys.executable, "-m", "searchapp.cli"]
    index = str(work / "index")
    subprocess.run(
        [*cli, "reindex", "--source", str(DEV / "articles"), "--index", index],
        check=True,
        capture_output=True,
    )
    export = work / "export.jsonl"
    with export.open("w", encoding="utf-8") as out:
        subprocess.run([*cli, "export", "--index", index], check=True, stdout=out)
    metrics = work / "metrics.json"
    subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--gold",
            str(DEV / "gold_speakers.jsonl"),
            "--pred",
            str(export),
            "--json",
            str(metrics),
        ],
        check=True,
        capture_output=True,
    )
    return json.loads(metrics.read_text(encoding="utf-8"))


def _short(scores: dict, bar: dict) -> dict[str, float]:
    return {name: round(scores[name], 3) for name, least in bar.items() if scores[name] < least}


def test_dev_scores_meet_the_bar(dev_scores: dict) -> None:
    assert _short(dev_scores, BAR) == {}


def test_every_outlet_is_scored(dev_scores: dict) -> None:
    """Seven outlets, each aligned in full: no outlet's paragraphs get lost on the way."""
    outlets = dev_scores["by_outlet"]
    assert len(outlets) == 7
    assert all(row["coverage"] == 1.0 for row in outlets.values())

"""`searchapp train-attribution`: the model is retrained from an annotated corpus by one
documented command, deterministically, and what it writes is a model the extractor runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from searchapp.cli import main
from searchapp.extract.attribution_model import AttributionModel
from searchapp.extract.speakers import propose_quotes

# (paragraph, gold speakers): true sources, and proposals people did not count as speech.
PARAGRAPHS = [
    ("Mayor Dana Webb said the budget was balanced.", ["Dana Webb"]),
    ("“We will not raise taxes,” Webb told reporters on Friday.", ["Dana Webb"]),
    ("The Riverside Hawks replied with a late goal, and the crowd went home.", []),
    ("Council member Omar Reyes argued that the plan would cut bus routes.", ["Omar Reyes"]),
    ("They described long hours and constant pressure at the depot.", []),
    ("The company said the depot would close in March.", ["Harbor Freight Lines"]),
]


def write_split(folder: Path, articles: int = 6) -> Path:
    (folder / "articles").mkdir(parents=True)
    gold = []
    for number in range(articles):
        article = f"local_{number:02d}"
        lead = "Harbor Freight Lines announced on Monday that it would close its depot."
        rows = [(lead, ["Harbor Freight Lines"]), *PARAGRAPHS[number % 3 :], *PARAGRAPHS]
        text = "\n\n".join(p for p, _ in rows)
        (folder / "articles" / f"{article}.txt").write_text(
            f"---\ntitle: Depot {number}\noutlet: The Courier\ndate: 2026-0{1 + number % 9}-01\n"
            f"---\n\n{text}\n",
            encoding="utf-8",
        )
        gold += [
            {"article": article, "paragraph": i, "text": p, "speakers": s, "optional": []}
            for i, (p, s) in enumerate(rows)
        ]
    (folder / "gold_speakers.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in gold), encoding="utf-8"
    )
    return folder


def test_retraining_on_a_sample_writes_the_same_working_model_twice(tmp_path: Path) -> None:
    """Two processes with different string hashing, so no set's order can leak in."""
    split = write_split(tmp_path / "split")
    outputs = []
    for seed, name in (("1", "first.json"), ("123", "second.json")):
        out = tmp_path / name
        result = subprocess.run(
            [sys.executable, "-m", "searchapp.cli", "train-attribution", "--source", str(split)]
            + ["--out", str(out), "--folds", "2"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert result.returncode == 0, result.stderr
        assert "6 articles" in result.stdout
        assert "rules alone:" in result.stdout
        assert "cross-validated (2 folds over articles)" in result.stdout
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]  # deterministic: same corpus, same file

    model = AttributionModel.from_json(json.loads(outputs[0]))
    assert model.meta["articles"] == 6
    # The threshold was chosen without giving up direct quotations the rules found.
    cv, rules = model.meta["cv"], model.meta["rules_alone"]
    assert cv["direct_recall"] >= rules["direct_recall"] - 0.002
    paragraphs = [p for p, _ in PARAGRAPHS]
    decided = model.decide(propose_quotes(paragraphs, ["body"] * len(paragraphs)))
    assert [q.speaker for q in decided[0]] == ["Dana Webb"]


def test_a_folder_without_gold_speakers_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Mayor Dana Webb said so.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["train-attribution", "--source", str(tmp_path), "--out", str(tmp_path / "m.json")]
    )
    assert result.exit_code != 0
    assert "gold_speakers.jsonl" in result.output
    assert not (tmp_path / "m.json").exists()

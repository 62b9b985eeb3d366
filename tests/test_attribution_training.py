"""`searchapp train-attribution`: the model is retrained from an annotated corpus by one
documented command, deterministically, and what it writes is a model the extractor runs."""

from __future__ import annotations

import json
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
    split = write_split(tmp_path / "split")
    runner = CliRunner()
    outputs = []
    for name in ("first.json", "second.json"):
        out = tmp_path / name
        result = runner.invoke(
            main, ["train-attribution", "--source", str(split), "--out", str(out), "--folds", "2"]
        )
        assert result.exit_code == 0, result.output
        assert "6 articles" in result.output
        assert "rules alone:" in result.output
        assert "cross-validated (2 folds over articles)" in result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]  # deterministic: same corpus, same file

    model = AttributionModel.from_json(json.loads(outputs[0]))
    assert model.meta["articles"] == 6
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

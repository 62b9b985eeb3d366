"""`searchapp train-attribution`: the model is retrained from an annotated corpus by one
documented command, deterministically, and what it writes is a model the extractor runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from searchapp.attribution_training import _design, labelled_articles
from searchapp.cli import main
from searchapp.extract.attribution_model import (
    AttributionModel,
    candidate_features,
    choose,
    flat_candidates,
)
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


def test_a_pronoun_people_left_unnamed_is_no_negative_example(tmp_path: Path) -> None:
    """ "He said" whose gold source is `unresolved`: the scorer excuses whoever the rules
    name, so training must not count the rules' referent as wrong. A name written out in
    such a paragraph still is."""
    folder = tmp_path / "split"
    (folder / "articles").mkdir(parents=True)
    paragraphs = [
        "Mayor John Webb visited the depot on Monday.",
        "“We will rebuild,” he said. Omar Reyes said the depot was safe.",
    ]
    (folder / "articles" / "a.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    gold = [
        {"article": "a", "paragraph": 0, "text": paragraphs[0], "speakers": []},
        {"article": "a", "paragraph": 1, "text": paragraphs[1], "speakers": [],
         "unresolved": ["he"]},
    ]  # fmt: skip
    (folder / "gold_speakers.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in gold), encoding="utf-8"
    )
    [article] = labelled_articles(folder)
    labels = {c.speaker: y for (i, c), y in zip(article.flat, article.labels) if i == 1}
    assert labels == {"John Webb": None, "Omar Reyes": 0}


def test_a_feature_seen_too_rarely_gets_no_weight(tmp_path: Path) -> None:
    """A feature present in fewer candidates than the floor is left out of the model, so
    two examples cannot give it the weight of four logits."""
    articles = labelled_articles(write_split(tmp_path / "split"))
    full = _design(articles, min_count=1)
    every = full.features
    common = _design(articles, min_count=20).features
    assert set(common) < set(every)
    rows = [row for a in articles for row in candidate_features(a.proposal, a.flat, full.verbs)]
    for name in set(every) - set(common):
        assert sum(1 for row in rows if row.get(name)) < 20


def test_quoted_words_may_have_a_lower_threshold_than_reported_speech() -> None:
    """What the model's second threshold changes: a quotation's source kept at a
    probability that reported speech would need more for."""
    paragraphs = ["Dana Webb said the budget was balanced.", "“We balanced it,” Webb said."]
    proposal = propose_quotes(paragraphs, ["body", "body"])
    flat = flat_candidates(proposal)
    assert [c.quote.direct for _, c in flat] == [False, True]
    assert choose(flat, [0.1, 0.1], threshold=0.2) == set()
    assert choose(flat, [0.1, 0.1], threshold=0.2, direct_threshold=0.05) == {1}
    old = AttributionModel.from_json(
        {"features": [], "means": [], "scales": [], "weights": [], "intercept": 0.0,
         "threshold": 0.2, "verbs": []}
    )  # fmt: skip
    assert old.direct_threshold is None  # a model file from before keeps one threshold

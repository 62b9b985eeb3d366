"""Speaker attribution on invented non-political news (sports, business, local, science,
culture): the held-out set in tests/extract/nonpolitical.jsonl.

    .venv/bin/python bench/nonpolitical.py [--by-section] [--errors] [--set FILE]
                                           [--half odd|even]

The extractor was developed on US political news (PolNeAR); this measures it on the
sections it was not tuned on. Each article of the set is written as a front-matter `.txt`
file (title, outlet, date; paragraphs separated by blank lines) into a temporary folder and
read back with `searchapp.corpus.read_corpus` and `searchapp.paragraphs.paragraph_docs`,
as a reindex reads a corpus folder; the paragraph documents must line up one-to-one with
the set's paragraphs (same count, same text), or the run stops. Corpus-wide renaming of
speakers (`unify_names`, applied by a reindex after extraction) is not applied: it only
changes a name's spelling, and the scorer matches names by surname.

Scoring is the shared scorer's, imported from `../shared/tools/score_speakers.py`
(override with `--scorer` or `$SCORE_SPEAKERS`): its alignment, name matching (surname or
containment, honorifics and determiners dropped, accents stripped), one-to-one matching
within a paragraph, `optional` names and `unresolved` sources, and micro precision,
recall and F1 over (paragraph, speaker) pairs. `direct-R` is recall of the speakers the
set marks as quoted directly (`direct`), over the same predicted speakers. The set's
section takes the place of the scorer's outlet in its per-outlet table (`--by-section`).

Set format, one invented article a line: {"id", "section", "title", "outlet", "date",
"paragraphs": [{"text", "speakers", "direct"?, "optional"?, "unresolved"?}]}. A gold
name may list alternatives separated by "|", as in the scorer's gold files.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere, without installing
    sys.path.insert(0, str(ROOT))

from searchapp.corpus import read_corpus  # noqa: E402
from searchapp.paragraphs import ParagraphDoc, paragraph_docs  # noqa: E402

SET = ROOT / "tests" / "extract" / "nonpolitical.jsonl"
SCORER = ROOT.parent / "shared" / "tools" / "score_speakers.py"
SECTIONS = ("sports", "business", "local", "science", "culture")


@dataclass(frozen=True)
class GoldParagraph:
    text: str
    speakers: tuple[str, ...]
    direct: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldArticle:
    id: str
    section: str
    title: str
    outlet: str
    date: str
    paragraphs: tuple[GoldParagraph, ...]


@dataclass(frozen=True)
class Mistake:
    """One false positive (`kind` "fp") or miss ("miss") in one paragraph."""

    kind: str
    article: str
    position: int
    name: str
    text: str
    gold: tuple[str, ...]
    predicted: tuple[str, ...]


@dataclass
class Scores:
    """The scorer's metrics (its `Tally.metrics()` keys: precision, recall, f1,
    direct_recall, tp, fp, fn, coverage, ...) overall and per section, and every mistake."""

    overall: dict[str, object]
    by_section: dict[str, dict[str, object]]
    mistakes: list[Mistake] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return float(self.overall["precision"])

    @property
    def recall(self) -> float:
        return float(self.overall["recall"])

    @property
    def f1(self) -> float:
        return float(self.overall["f1"])


def load_set(path: Path = SET) -> list[GoldArticle]:
    """The articles of the set, in file order; raises ValueError on a malformed line."""
    articles = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            paragraphs = tuple(
                GoldParagraph(
                    text=p["text"],
                    speakers=tuple(p["speakers"]),
                    direct=tuple(p.get("direct", ())),
                    optional=tuple(p.get("optional", ())),
                    unresolved=tuple(p.get("unresolved", ())),
                )
                for p in record["paragraphs"]
            )
            articles.append(
                GoldArticle(
                    id=record["id"],
                    section=record["section"],
                    title=record["title"],
                    outlet=record["outlet"],
                    date=record["date"],
                    paragraphs=paragraphs,
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{path}:{number}: {type(error).__name__}: {error}") from None
    return articles


@cache
def scorer(path: str | None = None) -> ModuleType:
    """The shared score_speakers.py as a module."""
    location = Path(path or os.environ.get("SCORE_SPEAKERS") or SCORER)
    if not location.is_file():
        raise FileNotFoundError(
            f"shared scorer not found at {location}; pass --scorer or set $SCORE_SPEAKERS"
        )
    spec = importlib.util.spec_from_file_location("score_speakers", location)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def article_file(article: GoldArticle) -> str:
    """The article as a front-matter text file. JSON strings are YAML strings, so titles
    with colons or quotes stay text."""
    front = "\n".join(
        [
            "---",
            f"title: {json.dumps(article.title, ensure_ascii=False)}",
            f"outlet: {json.dumps(article.outlet, ensure_ascii=False)}",
            f"date: {article.date}",
            "---",
        ]
    )
    return front + "\n\n" + "\n\n".join(p.text for p in article.paragraphs) + "\n"


def extract(articles: list[GoldArticle]) -> dict[str, list[ParagraphDoc]]:
    """Each article's paragraph documents, read from a corpus folder as a reindex reads it."""
    with tempfile.TemporaryDirectory(prefix="nonpolitical-") as folder:
        for article in articles:
            Path(folder, f"{article.id}.txt").write_text(article_file(article), encoding="utf-8")
        return {read.id: paragraph_docs(read) for read in read_corpus(Path(folder))}


def misalignments(articles: list[GoldArticle], docs: dict[str, list[ParagraphDoc]]) -> list[str]:
    """Where the documents do not line up one-to-one with the set's paragraphs."""
    problems = []
    for article in articles:
        produced = docs.get(article.id)
        if produced is None:
            problems.append(f"{article.id}: not read")
            continue
        if len(produced) != len(article.paragraphs):
            problems.append(
                f"{article.id}: {len(article.paragraphs)} paragraphs, {len(produced)} documents"
            )
            continue
        for position, (gold, doc) in enumerate(zip(article.paragraphs, produced, strict=True)):
            if doc.text != gold.text:
                problems.append(f"{article.id}#{position}: text differs: {doc.text[:60]!r}")
    return problems


def gold_rows(articles: list[GoldArticle]) -> list[dict[str, object]]:
    """The set in the scorer's gold format, the section standing in for the outlet."""
    return [
        {
            "article": article.id,
            "paragraph": position,
            "outlet": article.section,
            "text": p.text,
            "speakers": list(p.speakers),
            "direct_speakers": list(p.direct),
            "optional": list(p.optional),
            "unresolved": list(p.unresolved),
        }
        for article in articles
        for position, p in enumerate(article.paragraphs)
    ]


def score(articles: list[GoldArticle], docs: dict[str, list[ParagraphDoc]] | None = None) -> Scores:
    """Score the extractor's speakers (`docs`, extracted now if not given) on `articles`."""
    docs = extract(articles) if docs is None else docs
    problems = misalignments(articles, docs)
    if problems:
        raise ValueError("paragraphs do not line up: " + "; ".join(problems[:5]))
    tool = scorer()
    preds = [
        {"text": doc.text, "speakers": list(doc.speakers)}
        for article in articles
        for doc in docs[article.id]
    ]
    total, by_outlet, _, _ = tool.score(gold_rows(articles), preds, "text", "speakers", None)
    by_section = {name: tally.metrics() for name, tally in by_outlet.items()}
    order = {name: i for i, name in enumerate(SECTIONS)}
    by_section = dict(sorted(by_section.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])))
    return Scores(total.metrics(), by_section, _mistakes(articles, docs, tool))


def _mistakes(
    articles: list[GoldArticle], docs: dict[str, list[ParagraphDoc]], tool: ModuleType
) -> list[Mistake]:
    """Each false positive and miss, by the scorer's rules: predictions matching an
    optional name are not counted, and unresolved sources excuse one prediction each."""
    mistakes = []
    for article in articles:
        for position, (gold, doc) in enumerate(
            zip(article.paragraphs, docs[article.id], strict=True)
        ):
            golds = tool.as_names(list(gold.speakers))
            preds = tool.as_names(list(doc.speakers))
            matched = tool.max_matching(preds, golds)
            unmatched = [
                preds[i]
                for i in range(len(preds))
                if i not in matched
                and not any(tool.names_match(preds[i], o) for o in gold.optional)
            ]
            wrong = unmatched[len(gold.unresolved) :]
            missed = [g for j, g in enumerate(golds) if j not in set(matched.values())]
            for kind, names in (("fp", wrong), ("miss", missed)):
                mistakes.extend(
                    Mistake(
                        kind, article.id, position, name, gold.text, gold.speakers, doc.speakers
                    )
                    for name in names
                )
    return mistakes


def _fmt(value: object) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def report(scores: Scores, by_section: bool, errors: bool) -> str:
    lines = []
    if errors:
        for m in scores.mistakes:
            label = "FALSE POSITIVE" if m.kind == "fp" else "MISS"
            lines += [
                f"[{m.article} #{m.position}] {label}: {m.name}",
                f"    gold: {list(m.gold)}   predicted: {list(m.predicted)}",
                f"    {m.text}",
                "",
            ]
    header = (
        f"{'section':<10} {'paras':>5} {'P':>6} {'R':>6} {'F1':>6} {'dir-R':>6} {'TP/FP/FN':>10}"
    )
    rows = list(scores.by_section.items()) if by_section else []
    lines += [header, "-" * len(header)]
    for name, m in [*rows, ("ALL", scores.overall)]:
        counts = f"{m['tp']}/{m['fp']}/{m['fn']}"
        lines.append(
            f"{name:<10} {m['paragraphs']:>5} {m['precision']:>6.3f} {m['recall']:>6.3f} "
            f"{m['f1']:>6.3f} {_fmt(m['direct_recall']):>6} {counts:>10}"
        )
    m = scores.overall
    lines.append(
        f"nonpolitical speakers F1={m['f1']:.3f} P={m['precision']:.3f} R={m['recall']:.3f} "
        f"direct-R={_fmt(m['direct_recall']).strip()} coverage={m['coverage']:.2f}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--by-section", action="store_true", help="P/R/F1 for each section")
    parser.add_argument("--errors", action="store_true", help="print each FP and miss")
    parser.add_argument("--set", type=Path, default=SET, help="the set (JSON Lines)")
    parser.add_argument("--scorer", help="path of score_speakers.py")
    parser.add_argument(
        "--half",
        choices=("odd", "even"),
        help="only the articles whose id ends in an odd or even number (the international "
        "set's odd half was read for errors, its even half is held out)",
    )
    args = parser.parse_args(argv)
    if args.scorer:
        os.environ["SCORE_SPEAKERS"] = args.scorer
    articles = load_set(args.set)
    if args.half:
        parity = 1 if args.half == "odd" else 0
        articles = [a for a in articles if int(a.id.rsplit("-", 1)[1]) % 2 == parity]
    print(report(score(articles), args.by_section, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Fit the attribution model on an annotated corpus (`searchapp train-attribution`).

    searchapp train-attribution --source ../shared/corpora/polnear/train

reads the articles and `gold_speakers.jsonl` beside them, lets the rules propose speakers,
labels each candidate by whether people named its speaker in its paragraph, and fits a
logistic regression. The regularisation and the decision threshold are chosen by
cross-validation over articles (no article is in both a fitting and a scoring fold), on the
F1 of all the gold speakers, so a threshold that drops a true speaker is charged for it.
Everything is sorted and the solver is deterministic: the same corpus gives the same file.
scikit-learn is needed here only (the `train` extra); the model it writes is plain JSON.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from searchapp.corpus import read_corpus
from searchapp.extract.attribution_model import (
    MODEL_PATH,
    AttributionModel,
    candidate_features,
    choose,
    first_choices,
    flat_candidates,
)
from searchapp.extract.candidates import Candidate, Proposal
from searchapp.extract.kinds import classify_paragraphs
from searchapp.extract.lexicon import word_set
from searchapp.extract.name_words import strip_accents
from searchapp.extract.speakers import propose_quotes

C_GRID = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 17))
DIRECT_THRESHOLDS = (0.02, 0.04, 0.06, 0.08, 0.1, 0.15)  # lowest first
MIN_VERB_COUNT = 10  # a cue word seen fewer times in training shares the "other" weight
# A feature present in fewer training candidates than this gets no weight: standardised, a
# feature seen twice weighed as much as four logits, learned from those two. The floor is
# chosen by cross-validation, highest first (the simplest model wins ties).
MIN_FEATURE_COUNTS = (100, 30, 10, 1)
DIRECT_SLACK = 0.002  # direct recall the model may cost, against the rules alone
# F1 differences smaller than this are noise between folds: the first setting tried, the
# most regularised C and the highest threshold, keeps its place unless beaten by more. The
# highest, because on a flat F1 curve the lowest threshold bought recall with precision,
# and a speaker wrongly in the facet is what a reader notices.
F1_TIE = 0.001
# How a source written by its own name is written (`Candidate.written`); the others are
# pronouns and descriptions, which stand for a name.
NAMED_AS_WRITTEN = frozenset({"person", "org", "name", ""})


@dataclass
class LabelledArticle:
    """One article's candidates, each labelled 1 when people named its speaker in its
    paragraph, 0 when not, None when that is not known (the paragraph's text differs from
    the gold row's, or the name is only optional); and the gold rows by paragraph."""

    article: str
    proposal: Proposal
    flat: list[tuple[int, Candidate]]
    labels: list[int | None]
    gold: dict[int, dict]  # only paragraphs whose text agrees with the article's

    @property
    def gold_total(self) -> int:
        return sum(len(row.get("speakers", [])) for row in self.gold.values())

    @property
    def direct_total(self) -> int:
        return sum(len(row.get("direct_speakers", [])) for row in self.gold.values())

    def counts(self, kept: set[int]) -> tuple[int, int, int]:
        """(true, false positives, direct speakers found) of keeping these candidates, as
        the scorer counts them: each paragraph's kept speakers matched one-to-one to its
        gold speakers, and to its direct ones."""
        speakers: dict[int, list[str]] = {}
        for k in sorted(kept):
            i, c = self.flat[k]
            if c.speaker not in speakers.setdefault(i, []):
                speakers[i].append(c.speaker)
        tp = fp = direct = 0
        for i, names in speakers.items():
            row = self.gold.get(i)
            if row is None:
                continue
            labels = label_speakers(names, row)
            tp += labels.count(1)
            fp += labels.count(0)
            direct += label_speakers(names, {"speakers": row.get("direct_speakers", [])}).count(1)
        return tp, fp, direct


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    direct_recall: float

    def __str__(self) -> str:
        return (
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"direct-R {self.direct_recall:.3f}"
        )


@dataclass(frozen=True)
class Fit:
    min_count: int
    c: float
    threshold: float
    scores: Scores
    direct_threshold: float | None = None


def _tokens(name: str) -> tuple[str, ...]:
    """A name as the shared scorer compares it: accents, possessives, punctuation,
    honorifics and determiners gone."""
    name = re.sub(r"['’]s\b", "", strip_accents(name).replace("’", "'")).lower()
    words = [w for w in re.split(r"[^\w]+", name.replace(".", "")) if w]
    kept = tuple(w for w in words if w not in _HONORIFICS)
    return kept or tuple(words)


_HONORIFICS = word_set("""
mr mrs ms miss mister madam dr prof professor sen sens senator rep reps representative
congressman congresswoman gov governor lt president vice gen general col capt adm rev
reverend pope judge justice secretary speaker mayor sir dame hon the a an
""")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _surname(tokens: tuple[str, ...]) -> str:
    return next((w for w in reversed(tokens) if w not in _SUFFIXES), tokens[-1] if tokens else "")


def same_speaker(predicted: str, gold: str) -> bool:
    """The scorer's lenient match: one name's surname is among the other's words; gold may
    list alternatives separated by "|"."""
    mine = _tokens(predicted)
    if not mine:
        return False
    for alternative in gold.split("|"):
        theirs = _tokens(alternative)
        if theirs and (_surname(theirs) in mine or _surname(mine) in theirs):
            return True
    return False


def label_speakers(speakers: list[str], gold: dict) -> list[int | None]:
    """For a paragraph's distinct speakers: 1 for one matching a gold speaker (each gold
    speaker taken once), None for one matching only an optional name or excused by an
    unresolved source, else 0."""
    remaining = list(gold.get("speakers", []))
    labels: list[int | None] = []
    excused = len(gold.get("unresolved") or [])
    for name in speakers:
        hit = next((g for g in remaining if same_speaker(name, g)), None)
        if hit is not None:
            remaining.remove(hit)
            labels.append(1)
        elif any(same_speaker(name, o) for o in gold.get("optional", [])):
            labels.append(None)
        elif excused:
            excused -= 1
            labels.append(None)
        else:
            labels.append(0)
    return labels


def _norm(text: str) -> str:
    return " ".join(text.replace("“", '"').replace("”", '"').replace("’", "'").split())


def labelled_articles(split: Path) -> list[LabelledArticle]:
    """Every article of a split folder (`articles/` and `gold_speakers.jsonl`, as PolNeAR's)
    that has gold rows, its proposals labelled. A paragraph is paired with its gold row by
    position, and only when their texts agree."""
    source = split / "articles" if (split / "articles").is_dir() else split
    gold_path = split / "gold_speakers.jsonl"
    gold: dict[str, dict[int, dict]] = {}
    for number, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                row = json.loads(line)
                gold.setdefault(row["article"], {})[int(row["paragraph"])] = row
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{gold_path}:{number}: not a gold row ({error})") from None
    out = []
    for article in sorted(read_corpus(source), key=lambda a: a.id):
        rows = gold.get(article.id)
        if not rows:
            continue
        kinds = classify_paragraphs(list(article.paragraphs), article.author)
        proposal = propose_quotes(list(article.paragraphs), kinds)
        flat = flat_candidates(proposal)
        aligned = {
            i: row
            for i, row in rows.items()
            if i < len(article.paragraphs) and _norm(row["text"]) == _norm(article.paragraphs[i])
        }
        labels: list[int | None] = []
        for i, c in flat:
            row = aligned.get(i)
            if row is None:
                labels.append(None)
            elif any(same_speaker(c.speaker, g) for g in row.get("speakers", [])):
                labels.append(1)
            elif any(same_speaker(c.speaker, o) for o in row.get("optional", [])):
                labels.append(None)
            elif row.get("unresolved") and c.written not in NAMED_AS_WRITTEN:
                # "he said" that people left unnamed ("unresolved"): whether the rules'
                # referent is right is not known, and the scorer excuses it. Labelled 0,
                # it taught the model that pronouns and descriptions are seldom speakers.
                labels.append(None)
            else:
                labels.append(0)
        out.append(LabelledArticle(article.id, proposal, flat, labels, aligned))
    return out


def _vectorise(rows: list[dict[str, float]], features: list[str]):
    import numpy as np

    index = {name: i for i, name in enumerate(features)}
    matrix = np.zeros((len(rows), len(features)))
    for r, row in enumerate(rows):
        for name, value in row.items():
            if name in index:
                matrix[r, index[name]] = value
    return matrix


def _scores(articles: list[LabelledArticle], kept: list[set[int]]) -> Scores:
    """Precision, recall, F1 and direct recall of keeping `kept` (per article), over all
    gold speakers."""
    tp = fp = direct = 0
    for article, chosen in zip(articles, kept, strict=True):
        t, f, d = article.counts(chosen)
        tp, fp, direct = tp + t, fp + f, direct + d
    gold_total = sum(a.gold_total for a in articles)
    direct_total = sum(a.direct_total for a in articles)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, direct / direct_total if direct_total else 0.0)


@dataclass
class _Design:
    """The candidates as a standardised matrix, with what fitting and scoring need."""

    features: list[str]
    verbs: frozenset[str]
    means: object  # numpy arrays
    scales: object
    standard: object
    y: object
    counted: object  # labels known (not None)
    groups: object  # the article of each row, for folds that never split one


def _design(articles: list[LabelledArticle], min_count: int = 1) -> _Design:
    import numpy as np

    verb_counts: Counter[str] = Counter(c.verb for a in articles for _, c in a.flat if c.verb)
    verbs = frozenset(v for v, n in verb_counts.items() if n >= MIN_VERB_COUNT)
    rows, labels, owners = [], [], []
    for number, a in enumerate(articles):
        rows += candidate_features(a.proposal, a.flat, verbs)
        labels += a.labels
        owners += [number] * len(a.flat)
    support = Counter(name for row in rows for name, value in row.items() if value)
    features = sorted(name for name, n in support.items() if n >= min_count)
    matrix = _vectorise(rows, features)
    means, scales = matrix.mean(axis=0), matrix.std(axis=0)
    scales[scales < 1e-6] = 1.0  # constant in training: it carries no weight
    return _Design(
        features,
        verbs,
        means,
        scales,
        standard=(matrix - means) / scales,
        y=np.array([1 if y == 1 else 0 for y in labels]),
        counted=np.array([y is not None for y in labels]),
        groups=np.array(owners),
    )


def _cross_validate(
    articles: list[LabelledArticle], design: _Design, folds: int, floor: float, min_count: int
) -> tuple[Fit, object] | tuple[None, None]:
    """The C and threshold with the best F1 on held-out articles, among those whose direct
    recall stays within DIRECT_SLACK of `floor` (the rules alone's): F1 is nearly flat
    over thresholds, and losing direct quotations is what users notice first. With the
    best fit come its held-out probabilities."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    splitter = GroupKFold(n_splits=min(folds, len(articles)))
    best: Fit | None = None
    best_held_out = None
    for c in C_GRID:
        held_out = np.zeros(len(design.y))
        for fit_rows, test_rows in splitter.split(design.standard, design.y, design.groups):
            fit_rows = fit_rows[design.counted[fit_rows]]
            model = LogisticRegression(C=c, max_iter=2000)
            model.fit(design.standard[fit_rows], design.y[fit_rows])
            held_out[test_rows] = model.predict_proba(design.standard[test_rows])[:, 1]
        for threshold in reversed(THRESHOLDS):
            scores = _held_out_scores(articles, held_out, threshold)
            if scores.direct_recall < floor - DIRECT_SLACK:
                continue
            if best is None or scores.f1 > best.scores.f1 + F1_TIE:
                best, best_held_out = Fit(min_count, c, threshold, scores), held_out
    return (best, best_held_out) if best is not None else (None, None)


def _held_out_scores(
    articles: list[LabelledArticle], held_out, threshold: float, direct: float | None = None
) -> Scores:
    """The scores of choosing by these thresholds among each article's candidates, with
    `held_out` the probabilities of all candidates, article after article."""
    kept, start = [], 0
    for a in articles:
        kept.append(choose(a.flat, held_out[start : start + len(a.flat)], threshold, direct))
        start += len(a.flat)
    return _scores(articles, kept)


def _with_direct_threshold(articles: list[LabelledArticle], fit: Fit, held_out) -> Fit:
    """The lowest threshold for quoted words that costs no F1 beyond F1_TIE on held-out
    articles. PolNeAR leaves many "he said" unnamed, so the model learned to doubt
    pronouns and descriptions; quoted words with such a source are what a reader of other
    news misses first, and here they are kept whenever that costs nothing measurable."""
    for direct in (t for t in DIRECT_THRESHOLDS if t < fit.threshold):
        scores = _held_out_scores(articles, held_out, fit.threshold, direct)
        if scores.f1 >= fit.scores.f1 - F1_TIE and scores.direct_recall >= fit.scores.direct_recall:
            return replace(fit, scores=scores, direct_threshold=direct)
    return fit


def train(
    articles: list[LabelledArticle], folds: int = 5, report: Callable[[str], None] = print
) -> AttributionModel:
    """Choose C and the threshold by grouped cross-validation, then fit on everything."""
    import sklearn
    from sklearn.linear_model import LogisticRegression

    baseline = _scores(articles, [first_choices(a.flat) for a in articles])
    report(f"rules alone:  {baseline}")
    best, design, best_held_out = None, None, None
    for min_count in MIN_FEATURE_COUNTS:
        trial = _design(articles, min_count)
        if not trial.features:  # a small sample: no feature is that common
            continue
        fit, held_out = _cross_validate(articles, trial, folds, baseline.direct_recall, min_count)
        if fit is not None:
            report(
                f"  features seen {min_count}+ times ({len(trial.features)}): C {fit.c}  "
                f"threshold {fit.threshold}  {fit.scores}"
            )
        if fit is not None and (best is None or fit.scores.f1 > best.scores.f1 + F1_TIE):
            best, design, best_held_out = fit, trial, held_out
    if best is None or design is None:
        raise ValueError("no setting keeps direct recall near the rules alone's")
    best = _with_direct_threshold(articles, best, best_held_out)
    report(
        f"cross-validated ({folds} folds over articles): features seen {best.min_count}+ "
        f"times, C {best.c}  threshold {best.threshold} (quoted words "
        f"{best.direct_threshold or best.threshold})  {best.scores}"
    )
    counted = design.counted
    final = LogisticRegression(C=best.c, max_iter=2000)
    final.fit(design.standard[counted], design.y[counted])
    return AttributionModel(
        features=tuple(design.features),
        means=tuple(float(x) for x in design.means),
        scales=tuple(float(x) for x in design.scales),
        weights=tuple(float(x) for x in final.coef_[0]),
        intercept=float(final.intercept_[0]),
        threshold=best.threshold,
        direct_threshold=best.direct_threshold,
        verbs=design.verbs,
        meta={
            "articles": len(articles),
            "proposals": int(counted.sum()),
            "cv": {"folds": folds, **_settings(best), **asdict(best.scores)},
            "rules_alone": asdict(baseline),
            "scikit_learn": sklearn.__version__,
        },
    )


def _settings(fit: Fit) -> dict[str, object]:
    return {k: v for k, v in asdict(fit).items() if k != "scores"}


def write_model(model: AttributionModel, path: Path = MODEL_PATH) -> None:
    """Rounded so the file reads and diffs well; 9 digits change no decision."""

    def rounded(value: object) -> object:
        if isinstance(value, float):
            return round(value, 9)
        if isinstance(value, list):
            return [rounded(v) for v in value]
        if isinstance(value, dict):
            return {k: rounded(v) for k, v in value.items()}
        return value

    path.write_text(json.dumps(rounded(model.to_json()), indent=1) + "\n", encoding="utf-8")


def main_train(source: Path, out: Path, folds: int, report: Callable[[str], None]) -> None:
    articles = labelled_articles(source)
    if not articles:
        raise ValueError(f"no article of {source} has gold speakers beside it")
    report(f"{len(articles)} articles, {sum(len(a.flat) for a in articles)} candidates")
    write_model(train(articles, folds, report), out)
    report(f"wrote {out}")

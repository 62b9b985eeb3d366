"""The learned step of attribution: which of the rules' proposals are speakers.

The rules (`speakers.propose_quotes`) are generous on purpose: they propose every source a
shape of news attribution points at. Whether "X responded" is speech, whether a pronoun
resolved to a place is right, whether a bare quotation belongs to the paragraph before's
speaker, depends on many weak signals at once (the shape, the verb, how the source was
written, how often the article quotes that name, whether the words are quoted). A logistic
regression trained on PolNeAR train weighs them (`searchapp train-attribution`); it ships
as JSON inside the package and runs as one dot product per candidate, so it needs no
learning library at run time.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from searchapp.extract.candidates import Candidate, Proposal
from searchapp.extract.name_words import looks_like_org
from searchapp.extract.names import NameBook
from searchapp.extract.places import never_speaks
from searchapp.extract.quotes import Quote

MODEL_PATH = Path(__file__).with_name("attribution_model.json")

VIAS = (
    "subject", "inverted", "participle", "clause", "agent", "coordinated", "possessive",
    "signature", "according", "before", "after", "sentence-subject", "continued", "previous",
    "tweet", "label", "colon", "noun-participle", "statement-participle",
    "represented",
)  # fmt: skip
WRITTEN = (
    "person", "org", "name", "he", "she", "it", "they", "description", "org-description",
    "affiliated-description", "named-org-description", "topic-org-description",
)  # fmt: skip
# Sources the rules decide alone: too rare in training for a weight of their own, and right
# by construction when they occur: a description that carries the person's own title, or
# an organisation's noun with that organisation in sight ("the association" after the
# Tamale Traders Association, "the company" of the company the story is about). PolNeAR's
# annotators often left those unnamed, which taught the model to doubt what other news
# writes in every story.
RULES_DECIDE = frozenset(
    {"affiliated-description", "named-org-description", "topic-org-description"}
)


def flat_candidates(proposal: Proposal) -> list[tuple[int, Candidate]]:
    """(paragraph, candidate) for every candidate of the article, in order."""
    return [(i, c) for i, found in enumerate(proposal.candidates) for c in found]


def candidate_features(
    proposal: Proposal, flat: Sequence[tuple[int, Candidate]], verbs: frozenset[str]
) -> list[dict[str, float]]:
    """Named features of each candidate. Shared by training and run time, so the model
    sees at run time exactly what it was fitted on."""
    paragraphs_of: Counter[str] = Counter(dict.fromkeys((i, c.speaker) for i, c in flat))
    paragraphs_of = Counter(speaker for _, speaker in paragraphs_of)
    first_choice = Counter((i, c.speaker) for i, c in flat if c.rank == 0)
    per_paragraph = Counter((i, c.speaker) for i, c in flat)
    rivals = Counter(i for i, _ in dict.fromkeys((i, c.speaker) for i, c in flat))
    slot_sizes = Counter(c.slot for _, c in flat if c.slot >= 0)
    body = [i for i, text in enumerate(proposal.paragraphs) if text]
    first_body = body[0] if body else 0
    span = max(1, len(proposal.paragraphs) - 1)
    top = max(paragraphs_of.values(), default=0)
    book = proposal.book
    # Per name, per paragraph and per (paragraph, name), computed once: a paragraph of
    # thousands of candidates was read whole for each of them.
    names: dict[str, dict[str, float]] = {}
    paragraphs: dict[int, dict[str, float]] = {}
    named_in: dict[tuple[int, str], float] = {}
    rows = []
    for i, c in flat:
        text = proposal.paragraphs[i]
        name = c.speaker
        if name not in names:
            names[name] = _name_features(name, book)
        if i not in paragraphs:
            paragraphs[i] = {
                "paragraph_rivals": float(min(rivals[i] - 1, 3)),
                "paragraph_words": math.log1p(len(text.split())),
                "paragraph_first": float(i == first_body),
                "paragraph_where": i / span,
                "paragraph_quoted": float("“" in text),
                "paragraph_opens_quote": float(text.lstrip().startswith("“")),
                "paragraph_question": float("?" in text),
            }
        if (i, name) not in named_in:
            surname = name.split()[-1] if name.split() else name
            named_in[(i, name)] = float(surname in text)
        via = c.via if c.via in VIAS else "other"
        written = c.written if c.written in WRITTEN else ("other" if c.written else "none")
        verb = c.verb if c.verb in verbs else ("other" if c.verb else "none")
        rank = min(c.rank, 2)
        f: dict[str, float] = {
            **names[name],
            **paragraphs[i],
            "article_paragraphs": math.log1p(paragraphs_of[name]),
            "article_top_speaker": float(paragraphs_of[name] == top),
            "article_speakers": math.log1p(len(paragraphs_of)),
            "paragraph_names_speaker": named_in[(i, name)],
            "speaker_statements": math.log1p(per_paragraph[(i, name)]),
            "speaker_first_choice_here": float(first_choice[(i, name)] > 0),
            "said_words": math.log1p(len(c.quote.text.split())),
            "distance": math.log1p(c.distance) if c.verb else 0.0,
            "direct": float(c.quote.direct),
            "slot_size": float(min(slot_sizes[c.slot], 4)) if c.slot >= 0 else 0.0,
            f"rank={rank}": 1.0,
            "via=" + via: 1.0,
            "written=" + written: 1.0,
            "verb=" + verb: 1.0,
            f"via={via}&written={written}": 1.0,
            f"via={via}&direct={c.quote.direct}": 1.0,
            f"via={via}&rank={rank}": 1.0,
            f"written={written}&rank={rank}": 1.0,
        }
        rows.append(f)
    return rows


def choose(
    flat: Sequence[tuple[int, Candidate]],
    scores: Sequence[float],
    threshold: float,
    direct_threshold: float | None = None,
) -> set[int]:
    """Indices of the candidates kept: of each slot's alternatives only the likeliest
    speaker, and only when it reaches the threshold (`direct_threshold` for quoted words,
    when given); a candidate alone when it does."""
    direct = threshold if direct_threshold is None else direct_threshold
    scores = [
        1.0 if c.rank == 0 and c.written in RULES_DECIDE else p
        for (_, c), p in zip(flat, scores, strict=True)
    ]
    best: dict[int, tuple[float, str]] = {}
    for (_, c), p in zip(flat, scores, strict=True):
        if c.slot >= 0 and (c.slot not in best or p > best[c.slot][0]):
            best[c.slot] = (p, c.speaker)
    kept = set()
    for k, ((_, c), p) in enumerate(zip(flat, scores, strict=True)):
        need = direct if c.quote.direct else threshold
        if c.slot >= 0:
            top, speaker = best[c.slot]
            if top >= need and c.speaker == speaker:
                kept.add(k)
        elif p >= need:
            kept.add(k)
    return kept


def _name_features(name: str, book: NameBook) -> dict[str, float]:
    words = name.split()
    return {
        "name_words": float(min(len(words), 3)),
        "name_full": float(book.is_full_name(name)),
        "name_confirmed": float(name in book.confirmed),
        "name_mid_sentence": float(name in book.mid_sentence),
        "name_gendered": float(name in book.gender),
        "name_person": float(book.is_person(name)),
        "name_org": float(looks_like_org(name)),
        "name_never_speaks": float(never_speaks(name)),
        "name_capitals": float(name.isupper() and len(name) > 1),
        "name_handle": float(name.startswith("@")),
        "name_digits": float(any(ch.isdigit() for ch in name)),
    }


@dataclass(frozen=True)
class AttributionModel:
    """A fitted logistic regression over `candidate_features`, with its decision thresholds:
    one for reported speech, and a lower one may hold for quoted words."""

    features: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float
    verbs: frozenset[str]
    meta: dict[str, object]
    direct_threshold: float | None = None

    @cached_property
    def _linear(self) -> tuple[float, dict[str, float]]:
        """The standardisation folded into one weight per feature and an offset, once: a
        feature absent from a row is 0, whose standardised value is -mean/scale."""
        triples = zip(self.weights, self.means, self.scales, strict=True)
        offset = self.intercept - sum(w * m / s for w, m, s in triples)
        scaled = zip(self.features, self.weights, self.scales, strict=True)
        return offset, {name: w / s for name, w, s in scaled}

    def probabilities(self, rows: Sequence[dict[str, float]]) -> list[float]:
        offset, scaled = self._linear
        out = []
        for row in rows:
            z = offset + sum(scaled.get(name, 0.0) * value for name, value in row.items())
            out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
        return out

    def decide(self, proposal: Proposal) -> list[list[Quote]]:
        """The proposal's quotations the model accepts, per paragraph."""
        flat = flat_candidates(proposal)
        scores = self.probabilities(candidate_features(proposal, flat, self.verbs))
        kept = choose(flat, scores, self.threshold, self.direct_threshold)
        return quotes_of(proposal, flat, kept)

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(self.features),
            "means": list(self.means),
            "scales": list(self.scales),
            "weights": list(self.weights),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "direct_threshold": self.direct_threshold,
            "verbs": sorted(self.verbs),
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: dict) -> AttributionModel:
        return cls(
            features=tuple(data["features"]),
            means=tuple(float(x) for x in data["means"]),
            scales=tuple(float(x) for x in data["scales"]),
            weights=tuple(float(x) for x in data["weights"]),
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            verbs=frozenset(data["verbs"]),
            meta=dict(data.get("meta", {})),
            direct_threshold=(
                None if data.get("direct_threshold") is None else float(data["direct_threshold"])
            ),
        )


# Choices only the model makes: the rules alone never gave a bare quotation to whom the
# paragraph before introduced. (The article's most quoted speaker was one too, until stop
# 33: kept 15 times on PolNeAR train, right twice.)
MODEL_ONLY = frozenset({"introduced"})


def first_choices(flat: Sequence[tuple[int, Candidate]]) -> set[int]:
    """The candidates the rules alone would keep: each slot's first choice."""
    return {k for k, (_, c) in enumerate(flat) if c.rank == 0 and c.via not in MODEL_ONLY}


class RulesAlone:
    """Extraction without the model: the baseline it is measured against."""

    def decide(self, proposal: Proposal) -> list[list[Quote]]:
        flat = flat_candidates(proposal)
        return quotes_of(proposal, flat, first_choices(flat))


def quotes_of(
    proposal: Proposal, flat: Sequence[tuple[int, Candidate]], kept: set[int]
) -> list[list[Quote]]:
    """The kept candidates' quotations per paragraph, in text order. A slot keeps one
    speaker, so no statement comes out twice."""
    out: list[list[Quote]] = [[] for _ in proposal.candidates]
    for k, (i, c) in enumerate(flat):
        if k in kept:
            out[i].append(c.quote)
    return out


@cache
def packaged_model() -> AttributionModel:
    """The model shipped in the package. Its file is part of the pipeline fingerprint, so a
    retrained model re-extracts every article at the next reindex."""
    try:
        return AttributionModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{MODEL_PATH} is missing: run `searchapp train-attribution` to rebuild it"
        ) from None

"""The quotations of PolNeAR and the seeds, as the index would see them, for the quote
cluster bench and the labelled sample.

Extraction takes about a minute for PolNeAR, so its result is cached (in the system temp
folder, keyed by the folder's name): the bench then measures clustering, not extraction.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from searchapp.corpus import read_corpus
from searchapp.extract.corpus_names import unify_names
from searchapp.paragraphs import article_docs

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear"
SEEDS = ROOT / "seeds"
CACHE = Path(tempfile.gettempdir()) / "searchapp-quote-cache"


def quotes_of(folder: Path) -> list[dict[str, object]]:
    """Every quotation of the articles under `folder`, in corpus order, each with its
    article, outlet and the speaker's corpus-wide name (as `unify_names` gives it)."""
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / (folder.parent.name + "-" + folder.name + ".jsonl")
    if cached.exists():
        return [json.loads(line) for line in cached.read_text(encoding="utf-8").splitlines()]
    rows = list(_extracted(folder))
    counts: Counter[str] = Counter()
    per_article: dict[str, set[str]] = {}
    for row in rows:
        counts[row["speaker"]] += 1
        per_article.setdefault(row["article"], set()).add(row["speaker"])
    names = unify_names(counts, [sorted(s) for s in per_article.values()])
    for row in rows:
        row["canonical"] = names.get(row["speaker"], row["speaker"])
    cached.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def _extracted(folder: Path) -> Iterator[dict[str, object]]:
    for article in read_corpus(folder):
        for doc in article_docs(article).docs:
            for quote in doc.quotes:
                yield {
                    "article": article.id,
                    "outlet": doc.outlet,
                    "speaker": quote.speaker,
                    "text": quote.text,
                    "direct": quote.direct,
                }


def polnear(split: str) -> list[dict[str, object]]:
    return quotes_of(POLNEAR / split / "articles")


def seeds() -> list[dict[str, object]]:
    return quotes_of(SEEDS)


if __name__ == "__main__":
    for name, rows in (("seeds", seeds()), ("train", polnear("train")), ("dev", polnear("dev"))):
        direct = sum(1 for r in rows if r["direct"])
        print(f"{name}: {len(rows)} quotes, {direct} direct")

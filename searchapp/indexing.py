"""Reindex: corpus folder → paragraph documents → a new live index, with a report.

Kept apart from the CLI so tests and the `serve` bootstrap build indexes the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from searchapp.corpus import (
    JSONL_SUFFIX,
    CorpusReport,
    SkippedSource,
    corpus_files,
    read_corpus,
)
from searchapp.engine import build_index
from searchapp.extract.corpus_names import unify_names
from searchapp.generations import reindex_lock
from searchapp.paragraphs import ParagraphDoc, paragraph_docs


@dataclass
class ReindexReport:
    articles: int = 0
    paragraphs: int = 0
    corpus: CorpusReport = field(default_factory=CorpusReport)

    @property
    def files(self) -> int:
        return self.corpus.files

    @property
    def skipped(self) -> list[SkippedSource]:
        return self.corpus.skipped


def reindex(
    source: Path, index_dir: Path, on_article: Callable[[str], None] | None = None
) -> ReindexReport:
    """Index every readable article in `source` and swap the result in as the live index.

    Broken files are skipped and listed in the report. If this raises (or the process is
    killed), the previous index stays live. An empty corpus is refused rather than
    replacing a working index with nothing.
    """
    report = ReindexReport()
    with reindex_lock(index_dir):
        docs: list[ParagraphDoc] = []
        for article in read_corpus(source, report.corpus):
            docs.extend(paragraph_docs(article))
            report.articles += 1
            if on_article:
                on_article(article.id)
        if not docs:
            raise EmptyCorpus(source, report)
        # Speakers can only be unified once every article has been read.
        names = unify_names(Counter(name for doc in docs for name in doc.speakers))
        report.paragraphs = build_index((doc.renamed(names) for doc in docs), index_dir)
    return report


class EmptyCorpus(RuntimeError):
    """No article could be read; the live index is kept."""

    def __init__(self, source: Path, report: ReindexReport) -> None:
        super().__init__(f"no readable articles in {source}; the existing index was kept")
        self.report = report


def count_articles(source: Path) -> int:
    """Articles to expect, for the progress bar: one per text file, one per JSON line."""
    total = 0
    for path in corpus_files(source):
        if path.suffix.lower() == JSONL_SUFFIX:
            with open(path, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total

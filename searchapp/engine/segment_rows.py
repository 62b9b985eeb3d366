"""What a segment's writer knew of each of its paragraphs, kept beside the segment.

The worker that writes a segment holds each paragraph's article and quotations; reading
them back from Whoosh's stored fields when a generation is finished cost 2.4 s at 200,000
paragraphs, and finding each document's article from the postings another 1.4 s. So each
builder leaves a small file per segment (`rows-<segment id>.json`) and the finish step
reads that. Segments that Whoosh writes itself (small ones merged together) have none,
and their few paragraphs are read from stored fields. The files are removed once the
generation is finished.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from searchapp.paragraphs import ParagraphDoc

PREFIX = "rows-"


@dataclass
class SegmentRows:
    articles: list[str] = field(default_factory=list)  # per document of the segment
    # (document in the segment, slot, speaker as extracted, direct, text), as stored
    quotes: list[tuple[int, int, str, bool, str]] = field(default_factory=list)

    def add(self, doc: ParagraphDoc) -> None:
        local = len(self.articles)
        self.articles.append(doc.article_id)
        for slot, quote in enumerate(doc.quotes):
            self.quotes.append((local, slot, quote.speaker, quote.direct, quote.text))

    def save(self, folder: Path, segment_id: str) -> None:
        path = folder / f"{PREFIX}{segment_id}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps([self.articles, self.quotes], ensure_ascii=False), "utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, folder: Path, segment_id: str) -> SegmentRows | None:
        try:
            articles, quotes = json.loads(
                (folder / f"{PREFIX}{segment_id}.json").read_text("utf-8")
            )
        except (FileNotFoundError, ValueError):
            return None
        return cls(articles, [tuple(quote) for quote in quotes])


def discard_rows(folder: Path) -> None:
    """Remove the rows files once the generation's columns hold what they said (at 200,000
    paragraphs they are 34 MB)."""
    for path in folder.glob(f"{PREFIX}*.json"):
        path.unlink(missing_ok=True)

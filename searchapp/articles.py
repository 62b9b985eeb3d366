"""A whole article, reassembled from its paragraph documents for the article page and API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from searchapp.engine import IndexSearcher


class ArticleNotFound(LookupError):
    pass


@dataclass(frozen=True)
class ArticleParagraph:
    id: str
    position: int
    kind: str
    speakers: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class ArticleView:
    article_id: str
    title: str
    title_derived: bool
    outlet: str | None
    date: dt.date | None
    author: str | None
    url: str | None
    paragraphs: list[ArticleParagraph]

    def to_json(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "title_derived": self.title_derived,
            "outlet": self.outlet,
            "date": self.date.isoformat() if self.date else None,
            "author": self.author,
            "url": self.url,
            "paragraphs": [
                {
                    "id": p.id,
                    "position": p.position,
                    "kind": p.kind,
                    "speakers": list(p.speakers),
                    "text": p.text,
                }
                for p in self.paragraphs
            ],
        }


def load_article(searcher: IndexSearcher, article_id: str) -> ArticleView:
    stored = searcher.article(article_id)
    if not stored:
        raise ArticleNotFound(article_id)
    first = stored[0]
    return ArticleView(
        article_id=article_id,
        title=str(first["title"]),
        title_derived=bool(first.get("title_derived")),
        outlet=first.get("outlet"),
        date=first.get("date"),
        author=first.get("author"),
        url=first.get("url"),
        paragraphs=[
            ArticleParagraph(
                str(doc["id"]),
                int(doc["position"]),
                str(doc["kind"]),
                tuple(doc.get("speakers") or ()),
                str(doc["text"]),
            )
            for doc in stored
        ],
    )

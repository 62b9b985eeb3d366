"""A whole article, reassembled from its paragraph documents for the article page and API."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from searchapp.engine import IndexSearcher
from searchapp.paragraphs import ParagraphDoc

# Per-article metadata; every paragraph document carries the same values.
ARTICLE_KEYS = ("article_id", "title", "title_derived", "outlet", "date", "author", "url")
PARAGRAPH_KEYS = ("id", "position", "kind", "speakers", "quotes", "text")


class ArticleNotFound(LookupError):
    pass


@dataclass(frozen=True)
class ArticleView:
    paragraphs: list[ParagraphDoc]

    @property
    def meta(self) -> ParagraphDoc:
        """Article-level fields (title, outlet, date, ...) read off the first paragraph."""
        return self.paragraphs[0]

    @property
    def link(self) -> str | None:
        """The source URL, only when it is http(s): a `javascript:` URL from an untrusted
        file must never become a clickable link."""
        url = self.meta.url or ""
        return url if urlsplit(url).scheme.lower() in ("http", "https") else None

    def to_json(self) -> dict[str, object]:
        docs = [doc.to_json() for doc in self.paragraphs]
        return {
            **{key: docs[0][key] for key in ARTICLE_KEYS},
            "paragraphs": [{key: doc[key] for key in PARAGRAPH_KEYS} for doc in docs],
        }


def load_article(searcher: IndexSearcher, article_id: str) -> ArticleView:
    paragraphs = searcher.article(article_id)
    if not paragraphs:
        raise ArticleNotFound(article_id)
    return ArticleView(paragraphs)

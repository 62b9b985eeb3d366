"""One page of an article, reassembled from its paragraph documents for the article page
and API.

Articles are shown a page of paragraphs at a time: an archive can hold an article of
hundreds of thousands of paragraphs, and no request may cost more because of it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from searchapp.engine import IndexSearcher
from searchapp.paragraphs import ParagraphDoc
from searchapp.search import parse_whole_number

# Per-article metadata; every paragraph document carries the same values.
ARTICLE_KEYS = ("article_id", "title", "title_derived", "outlet", "date", "author", "url")
PARAGRAPH_KEYS = ("id", "position", "kind", "speakers", "quotes", "text")
DEFAULT_PER_PAGE = 100
MAX_PER_PAGE = 500


class ArticleNotFound(LookupError):
    pass


class PageNotFound(LookupError):
    """The article exists but has fewer pages than asked for; the message says how many."""

    def __init__(self, article_id: str, page: int, pages: int) -> None:
        plural = "s" * (pages != 1)
        super().__init__(
            f"page {page} is past the end: article {article_id!r} has {pages} page{plural}"
        )
        self.pages = pages


@dataclass(frozen=True)
class ArticlePage:
    paragraphs: list[ParagraphDoc]  # this page's, in order; never empty
    paragraph_count: int  # in the whole article
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.paragraph_count / self.per_page))

    @property
    def meta(self) -> ParagraphDoc:
        """Article-level fields (title, outlet, date, ...), the same on every paragraph."""
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
            "paragraph_count": self.paragraph_count,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "paragraphs": [{key: doc[key] for key in PARAGRAPH_KEYS} for doc in docs],
        }


def paging_params(params: Mapping[str, str]) -> tuple[int | None, int]:
    """`page` (None when not given) and `per_page` from a query string; BadParameter
    names the one that is not a whole number in range."""
    page = parse_whole_number(params.get("page") or "", "page", None, 1)
    per_page = parse_whole_number(
        params.get("per_page") or "", "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE
    )
    return page, per_page


def load_article(
    searcher: IndexSearcher,
    article_id: str,
    page: int | None = None,
    per_page: int = DEFAULT_PER_PAGE,
    position: int | None = None,
) -> ArticlePage:
    """The article's `page`, or when no page is asked for, the page holding paragraph
    `position` (a result link's), or the first.

    A position the article no longer has (the link predates a reindex) opens the first
    page rather than failing. Raises ArticleNotFound, or PageNotFound for a `page`
    past the end.
    """
    wanted = page or 1
    if page is None and position is not None and position >= 0:
        wanted = position // per_page + 1
    count, paragraphs = searcher.article_page(
        article_id, (wanted - 1) * per_page, wanted * per_page
    )
    if not count:
        raise ArticleNotFound(article_id)
    if not paragraphs and page is None:
        wanted = 1
        count, paragraphs = searcher.article_page(article_id, 0, per_page)
    article = ArticlePage(paragraphs, count, wanted, per_page)
    if not paragraphs:
        raise PageNotFound(article_id, wanted, article.pages)
    return article

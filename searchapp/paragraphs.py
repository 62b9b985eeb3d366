"""Turn an Article into paragraph documents: the unit the product searches and shows.

Metadata the source did not state is filled in here by the extractors, and only here,
so everything downstream (index, API, page) sees one complete `ParagraphDoc` shape.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace

from searchapp.corpus import Article
from searchapp.extract.dates import extract_date
from searchapp.extract.kinds import BODY, classify_paragraphs
from searchapp.extract.leads import byline_author, lead_sentence, strip_furniture
from searchapp.extract.outlets import extract_outlet
from searchapp.extract.quotes import Quote, speakers_of
from searchapp.extract.speakers import extract_quotes

# How a value the article never stated is shown, on pages and in the terminal.
UNKNOWN_OUTLET = "Unknown outlet"
UNKNOWN_DATE = "Unknown date"
_TITLE_LENGTH = 90
_ABBREVIATION_END = re.compile(r"\b[A-Z]\.[A-Z]\.\Z")

# Extraction reads at most this much of one paragraph, and of one article; the full text
# is still indexed and searchable. Extraction is linear, about 2 µs a character of news,
# so these bound any one article to about a second: nothing can stall a reindex, which
# holds the lock. Far above real text: PolNeAR's longest paragraph is 16,173 characters
# and its longest article 33,734.
MAX_EXTRACT_PARAGRAPH = 20_000
MAX_EXTRACT_ARTICLE = 500_000

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParagraphDoc:
    """One paragraph with the article metadata a reader filters and ranks by."""

    id: str
    article_id: str
    position: int
    title: str
    title_derived: bool
    outlet: str | None
    date: dt.date | None
    author: str | None
    url: str | None
    speakers: tuple[str, ...]
    quotes: tuple[Quote, ...]  # what each speaker said here, in text order
    kind: str
    text: str

    def to_json(self) -> dict[str, object]:
        """The export and API shape: plain JSON types, ISO dates, lists for speakers and
        quotes (each `{"speaker", "text", "direct"}`)."""
        data = asdict(self)
        data["speakers"] = list(self.speakers)
        data["quotes"] = [quote.to_json() for quote in self.quotes]
        data["date"] = self.date.isoformat() if self.date else None
        return data

    def renamed(self, names: Mapping[str, str]) -> ParagraphDoc:
        """This paragraph with speakers renamed to their corpus-wide names."""
        if not any(name in names for name in self.speakers):
            return self
        quotes = tuple(replace(q, speaker=names.get(q.speaker, q.speaker)) for q in self.quotes)
        return replace(self, quotes=quotes, speakers=tuple(speakers_of(quotes)))


@dataclass(frozen=True)
class ExtractionWarning:
    """Something extraction left out of an article that is still indexed, and why: the
    article's text is searchable, but its speakers are incomplete or missing."""

    source: str  # the file, as in a skipped file's report line
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class ArticleDocs:
    """An article's paragraph documents with what extraction had to leave out of them."""

    docs: list[ParagraphDoc]
    warnings: list[ExtractionWarning] = field(default_factory=list)


def paragraph_docs(article: Article) -> list[ParagraphDoc]:
    """Split an article into ParagraphDocs, extracting what its metadata does not give.

    Never raises for what extraction makes of the text: each warning `article_docs` gives
    is logged (the reindex report has no place for them yet) and the article is indexed.
    """
    result = article_docs(article)
    for warning in result.warnings:
        _log.warning("%s", warning)
    return result.docs


def article_docs(article: Article) -> ArticleDocs:
    """`paragraph_docs` with its warnings, for a caller that reports them.

    A paragraph or article over the extraction limits is extracted from its start only.
    If extraction raises, the article is indexed without speakers rather than skipped or
    stopping the reindex: its text is still worth finding, and a rule's bug on one odd
    article must not cost the rest of the corpus.
    """
    paragraphs = article.paragraphs
    read, warnings = _extraction_text(article)
    try:
        kinds, quotes, outlet, date, author, (title, derived) = _extract(article, read)
    except Exception as error:  # noqa: BLE001 - any rule's failure, reported below
        reason = " ".join(str(error).split())[:200]
        warnings.append(
            ExtractionWarning(
                article.source,
                f"article {article.id!r}: extraction failed ({type(error).__name__}: "
                f"{reason}); indexed without speakers",
            )
        )
        kinds, quotes = [BODY] * len(paragraphs), [[] for _ in paragraphs]
        outlet, date, author = article.outlet, article.date, article.author
        title, derived = (
            (article.title, False) if article.title else (_plain_title(paragraphs), True)
        )
    docs = [
        ParagraphDoc(
            id=f"{article.id}:{position}",
            article_id=article.id,
            position=position,
            text=text,
            kind=kind,
            speakers=tuple(speakers_of(said)),  # furniture has no quotes, so no speakers
            quotes=tuple(said),
            title=title,
            title_derived=derived,
            outlet=outlet,
            date=date,
            author=author,
            url=article.url,
        )
        for position, (text, kind, said) in enumerate(zip(paragraphs, kinds, quotes, strict=True))
    ]
    return ArticleDocs(docs, warnings)


def _extraction_text(article: Article) -> tuple[list[str], list[ExtractionWarning]]:
    """The article's paragraphs as extraction reads them: each cut to
    MAX_EXTRACT_PARAGRAPH, and nothing after the first MAX_EXTRACT_ARTICLE characters."""
    read: list[str] = []
    warnings: list[ExtractionWarning] = []
    budget = MAX_EXTRACT_ARTICLE
    for position, text in enumerate(article.paragraphs):
        if len(text) > MAX_EXTRACT_PARAGRAPH:
            warnings.append(
                ExtractionWarning(
                    article.source,
                    f"article {article.id!r} paragraph {position}: {len(text):,} characters; "
                    f"speakers were read from its first {MAX_EXTRACT_PARAGRAPH:,}",
                )
            )
            text = text[:MAX_EXTRACT_PARAGRAPH]
        if len(text) > budget:
            warnings.append(
                ExtractionWarning(
                    article.source,
                    f"article {article.id!r}: over {MAX_EXTRACT_ARTICLE:,} characters; "
                    f"speakers were read from its first {position} paragraphs only",
                )
            )
            break
        budget -= len(text)
        read.append(text)
    return read, warnings


def _extract(
    article: Article, read: list[str]
) -> tuple[list[str], list[list[Quote]], str | None, dt.date | None, str | None, tuple[str, bool]]:
    """Kinds, quotes, outlet, date, author and title from the text extraction may read;
    the paragraphs past it are classified alone and carry no quotes."""
    rest = article.paragraphs[len(read) :]
    kinds = classify_paragraphs(read, article.author) if read else []
    # Alone, so that their cost stays linear; cut like the rest.
    kinds += [classify_paragraphs([p[:MAX_EXTRACT_PARAGRAPH]])[0] for p in rest]
    # One extraction gives both: the speakers are exactly the people quoted.
    quotes = extract_quotes(read, kinds[: len(read)]) + [[] for _ in rest]
    outlet = article.outlet or extract_outlet(
        text for text, kind in zip(read, kinds, strict=False) if kind == BODY
    )
    date = article.date or extract_date(read, kinds[: len(read)])
    # The byline, often the article's last paragraph ("Tom Ozimek" above his bio).
    author = article.author or byline_author(read, kinds[: len(read)])
    if article.title:
        title = (article.title, False)
    else:
        lead = derive_title(tuple(read), kinds[: len(read)]) if read else ""
        title = (lead or _plain_title(article.paragraphs), True)
    return kinds, quotes, outlet, date, author, title


def _plain_title(paragraphs: tuple[str, ...]) -> str:
    """A title that cannot fail, for an article extraction gave up on or without a lead:
    its opening words, after its dateline if it has one."""
    opening = paragraphs[0][:1_000] if paragraphs else ""
    words = strip_furniture(opening) or " ".join(opening.split())
    return words if len(words) <= _TITLE_LENGTH else words[:_TITLE_LENGTH].rsplit(" ", 1)[0] + "…"


def derive_title(paragraphs: tuple[str, ...], kinds: list[str]) -> str:
    """A title from the lead: its first sentence without the page's furniture (datelines,
    date labels), shortened at a word boundary. "" when no paragraph reads as a lead."""
    sentence = lead_sentence(paragraphs, kinds)
    if len(sentence) <= _TITLE_LENGTH:
        # A headline has no full stop, but an abbreviation keeps its own: "in S.C."
        return sentence if _ABBREVIATION_END.search(sentence) else sentence.rstrip(".")
    cut = sentence[:_TITLE_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—– ") + "…"

"""Turn an Article into paragraph documents: the unit the product searches and shows.

Metadata the source did not state is filled in here by the extractors, and only here,
so everything downstream (index, API, page) sees one complete `ParagraphDoc` shape.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace

from searchapp.corpus import Article
from searchapp.extract.dates import extract_date
from searchapp.extract.kinds import BODY, classify_paragraphs
from searchapp.extract.outlets import extract_outlet
from searchapp.extract.quotes import Quote, speakers_of
from searchapp.extract.speakers import extract_quotes

# How a value the article never stated is shown, on pages and in the terminal.
UNKNOWN_OUTLET = "Unknown outlet"
UNKNOWN_DATE = "Unknown date"
_TITLE_LENGTH = 90
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z“\"])")


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


def paragraph_docs(article: Article) -> list[ParagraphDoc]:
    """Split an article into ParagraphDocs, extracting what its metadata does not give."""
    paragraphs = article.paragraphs
    kinds = classify_paragraphs(paragraphs, article.author)
    # One extraction gives both: the speakers are exactly the people quoted.
    quotes = extract_quotes(paragraphs, kinds)
    outlet = article.outlet or extract_outlet(
        text for text, kind in zip(paragraphs, kinds, strict=True) if kind == BODY
    )
    date = article.date or extract_date(paragraphs, kinds)
    title, derived = (
        (article.title, False) if article.title else (derive_title(paragraphs, kinds), True)
    )
    return [
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
            author=article.author,
            url=article.url,
        )
        for position, (text, kind, said) in enumerate(zip(paragraphs, kinds, quotes, strict=True))
    ]


def derive_title(paragraphs: tuple[str, ...], kinds: list[str]) -> str:
    """A title from the lead: its first sentence, shortened at a word boundary."""
    lead = next(
        (p for p, kind in zip(paragraphs, kinds, strict=True) if kind == BODY), paragraphs[0]
    )
    sentence = _SENTENCE_END.split(" ".join(lead.split()), maxsplit=1)[0]
    if len(sentence) <= _TITLE_LENGTH:
        return sentence.rstrip(".")
    cut = sentence[:_TITLE_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—– ") + "…"

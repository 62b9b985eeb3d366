"""The Whoosh schema, and paragraph documents to and from its fields.

Stored fields keep each paragraph as extraction produced it, with speakers named as their
article named them. The corpus-wide names (`unify_names`) are applied when a paragraph is
read back and to the indexed speaker fields, so a reindex that changes one article can
change the names of others without re-extracting them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from whoosh import fields
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    StandardAnalyzer,
    StemFilter,
    StemmingAnalyzer,
    StopFilter,
)
from whoosh.support.charset import accent_map

from searchapp.engine.acronyms import defined_acronyms
from searchapp.engine.analysis import FastKeywords, FastText
from searchapp.engine.words import NewsTokenizer, capitalized_words, sound_keys
from searchapp.extract.quotes import Quote, speakers_of
from searchapp.paragraphs import ParagraphDoc

# Bump when the fields change: an index in another format is rebuilt, not patched.
FORMAT = 6
# Facet fields: exact values, one postings list per value.
FACET_FIELDS = {"outlet": "outlet_value", "speaker": "speaker_value", "date": "month"}


def paragraph_schema() -> fields.Schema:
    """Only what is searched is indexed; dates and positions are filtered and sorted from
    per-generation columns, so they are stored only (each indexed number costs 8 terms).

    Words are searched stemmed (`text`: "sanctions" finds "sanctioned") and, for phrases
    and names, as written (`exact`: every word, stop words included, so a quotation can
    be checked word for word, and "Hilary" is not "hilarious"). Only `exact` keeps
    positions; the stemmed fields are for matching and scoring words.
    """
    stemmed = (
        NewsTokenizer()
        | LowercaseFilter()
        | StopFilter()
        | StemFilter()
        | CharsetFilter(accent_map)
    )
    as_written = NewsTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)
    folding = StemmingAnalyzer() | CharsetFilter(accent_map)
    names = StandardAnalyzer(stoplist=None) | CharsetFilter(accent_map)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        article_id=fields.ID(stored=True),
        position=fields.STORED,
        text=FastText(stemmed, phrase=False, stored=True),
        exact=FastText(as_written),
        # How often a word is written capitalized inside a sentence, against `exact`:
        # the corpus's own answer to "is this word a name?".
        capital=FastKeywords(),
        # Sound keys of words transliterated from other scripts: `Campbell` meets the
        # "Кэмпбелл" of a Russian tweet, which transliterates as "Kempbell".
        sounds=FastKeywords(),
        # Acronyms the paragraph defines: "esa=european space agency" (engine/acronyms.py).
        defines=FastKeywords(commas=True),
        title=FastText(folding, stored=True),
        title_derived=fields.STORED,
        outlet=FastText(names, stored=True),
        outlet_value=fields.ID,
        speaker=FastText(names),
        speaker_value=FastKeywords(commas=True),
        # What was said, apart from the narration around it, so `quote:x` finds only
        # paragraphs where somebody said x. Same analyzer as `text`, so the two stem alike.
        quote=FastText(stemmed, phrase=False),
        quotes=fields.STORED,  # [[speaker as the article named them, text, direct], ...]
        month=fields.ID,
        day=fields.ID(stored=True),  # YYYY-MM-DD
        author=FastText(names, stored=True),
        kind=fields.ID(stored=True),
        extra=fields.STORED,  # {"url": …} and other values that are only shown
    )


def speaker_value(name: str) -> str:
    """A speaker's value in the facet, whose values are comma-separated: a comma inside a
    name ("Department of Sport, Arts and Culture") is left out, its spacing kept single."""
    return " ".join(name.replace(",", " ").split())


def to_fields(doc: ParagraphDoc, names: Mapping[str, str]) -> dict[str, object]:
    """Whoosh fields for `doc` as extracted; `names` renames its speakers for search."""
    fields_: dict[str, object] = {
        "id": doc.id,
        "article_id": doc.article_id,
        "position": doc.position,
        "text": doc.text,
        "exact": doc.text,
        "title": doc.title,
        "title_derived": doc.title_derived,
        "quotes": [[q.speaker, q.text, q.direct] for q in doc.quotes],
        "kind": doc.kind,
        "extra": {"url": doc.url} if doc.url else None,
    }
    capital = capitalized_words(doc.text)
    if capital:
        fields_["capital"] = " ".join(capital)
    defines = defined_acronyms(doc.text)
    if defines:
        fields_["defines"] = ",".join(defines)
    sounds = sound_keys(doc.text)
    if sounds:
        fields_["sounds"] = " ".join(sounds)
    if doc.outlet:
        fields_.update(outlet=doc.outlet, outlet_value=doc.outlet)
    speakers = doc.renamed(names).speakers
    if speakers:
        fields_["speaker"] = "\n".join(speakers)
        fields_["speaker_value"] = ",".join(speaker_value(name) for name in speakers)
    if doc.quotes:
        fields_["quote"] = "\n".join(quote.text for quote in doc.quotes)
    if doc.date:
        fields_["month"] = doc.date.strftime("%Y-%m")
        fields_["day"] = doc.date.isoformat()
    if doc.author:
        fields_["author"] = doc.author
    return fields_


def from_stored(stored: Mapping[str, object]) -> ParagraphDoc:
    """The paragraph as extracted (the inverse of `to_fields`), speakers not yet renamed."""
    quotes = tuple(Quote(speaker, text, direct) for speaker, text, direct in stored["quotes"])
    extra = stored.get("extra") or {}
    day = stored.get("day")
    return ParagraphDoc(
        id=stored["id"],
        article_id=stored["article_id"],
        position=stored["position"],
        text=stored["text"],
        kind=stored["kind"],
        speakers=tuple(speakers_of(quotes)),
        quotes=quotes,
        title=stored["title"],
        title_derived=bool(stored.get("title_derived")),
        outlet=stored.get("outlet"),
        date=dt.date.fromisoformat(day) if day else None,
        author=stored.get("author"),
        url=extra.get("url"),
    )

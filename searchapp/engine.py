"""Everything that knows about Whoosh: schema, writing, query parsing, facets, snippets.

The rest of the app speaks in paragraphs, facets and hits; this module translates. Where the
files live and how a new index replaces the old one is `generations.py`'s business.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from whoosh import fields, highlight, index, qparser, query, scoring
from whoosh.analysis import CharsetFilter, StandardAnalyzer, StemmingAnalyzer
from whoosh.searching import Searcher
from whoosh.support.charset import accent_map

from searchapp.extract.quotes import Quote
from searchapp.generations import IndexMissing, current_generation, new_generation
from searchapp.paragraphs import ParagraphDoc

# Facet fields: exact values, one postings list per value.
FACET_FIELDS = {"outlet": "outlet_value", "speaker": "speaker_value", "date": "month"}
# Fields users may name in queries ("speaker:rogozin"); the rest of the schema is internal.
QUERY_FIELDS = ("text", "title", "speaker", "quote", "outlet", "author", "kind")
SNIPPET_CHARS = 320


class QuerySyntaxError(ValueError):
    """The query could not be understood; the message is meant for the person who typed it."""


def _schema() -> fields.Schema:
    folding = StemmingAnalyzer() | CharsetFilter(accent_map)
    names = StandardAnalyzer(stoplist=None) | CharsetFilter(accent_map)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        article_id=fields.ID(stored=True),
        position=fields.NUMERIC(stored=True),
        # chars=True stores character offsets so highlighting needs no re-tokenising.
        text=fields.TEXT(analyzer=folding, stored=True, chars=True),
        title=fields.TEXT(analyzer=folding, stored=True),
        title_derived=fields.BOOLEAN(stored=True),
        outlet=fields.TEXT(analyzer=names, stored=True),
        outlet_value=fields.ID,
        speaker=fields.TEXT(analyzer=names),
        speaker_value=fields.KEYWORD(commas=True, lowercase=False),
        speakers=fields.STORED,
        # What was said, apart from the narration around it, so `quote:x` finds only
        # paragraphs where somebody said x. Same analyzer as `text`, so the two stem alike.
        quote=fields.TEXT(analyzer=folding),
        quotes=fields.STORED,  # [{"speaker", "text", "direct"}, ...]
        month=fields.ID,
        day=fields.ID,  # exact date, read back from postings to sort by date
        date=fields.DATETIME(stored=True),
        author=fields.TEXT(analyzer=names, stored=True),
        kind=fields.ID(stored=True),
        url=fields.STORED,
    )


def _document(doc: ParagraphDoc) -> dict[str, object]:
    fields_: dict[str, object] = {
        "id": doc.id,
        "article_id": doc.article_id,
        "position": doc.position,
        "text": doc.text,
        "title": doc.title,
        "title_derived": doc.title_derived,
        "speakers": list(doc.speakers),
        "quotes": [quote.to_json() for quote in doc.quotes],
        "kind": doc.kind,
    }
    if doc.outlet:
        fields_.update(outlet=doc.outlet, outlet_value=doc.outlet)
    if doc.speakers:
        fields_["speaker"] = "\n".join(doc.speakers)
        fields_["speaker_value"] = ",".join(name.replace(",", " ") for name in doc.speakers)
    if doc.quotes:
        fields_["quote"] = "\n".join(quote.text for quote in doc.quotes)
    if doc.date:
        fields_["date"] = dt.datetime.combine(doc.date, dt.time())
        fields_["month"] = doc.date.strftime("%Y-%m")
        fields_["day"] = doc.date.isoformat()
    if doc.author:
        fields_["author"] = doc.author
    if doc.url:
        fields_["url"] = doc.url
    return fields_


def build_index(docs: Iterable[ParagraphDoc], index_dir: Path) -> int:
    """Write `docs` to a new generation and make it live; return the number written.

    Callers hold `reindex_lock`. On any exception the live index is left untouched.
    """
    with new_generation(index_dir) as folder:
        ix = index.create_in(str(folder), _schema())
        writer = ix.writer(limitmb=256)
        count = 0
        try:
            for doc in docs:
                writer.add_document(**_document(doc))
                count += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        ix.close()
    return count


@dataclass(frozen=True)
class FacetColumns:
    """Per document, its facet values; per value, its documents. Built once per generation.

    Whoosh recounts multi-valued facets from postings on every search; holding both
    directions in memory turns facet counting into a Counter over matching doc numbers.
    """

    doc_values: dict[str, list[tuple[str, ...]]]
    value_docs: dict[str, dict[str, frozenset[int]]]
    missing_docs: dict[str, frozenset[int]]  # per facet, the documents with no value
    body_docs: frozenset[int]
    date_ordinals: list[int]  # 0 where the date is unknown
    all_docs: frozenset[int]


class ParagraphIndex:
    """One opened generation. Thread-safe to share; open a `searcher()` per request."""

    def __init__(self, index_dir: Path, generation: Path) -> None:
        self.index_dir = index_dir
        self.generation = generation
        self._ix = index.open_dir(str(generation))
        self._columns: FacetColumns | None = None
        self._lock = threading.Lock()
        self._parser = qparser.QueryParser("text", self._ix.schema)

    @classmethod
    def open(cls, index_dir: Path) -> ParagraphIndex:
        return cls(index_dir, current_generation(index_dir))

    def is_current(self) -> bool:
        try:
            return current_generation(self.index_dir) == self.generation
        except IndexMissing:
            return True  # keep serving what we have rather than fail

    def searcher(self) -> IndexSearcher:
        return IndexSearcher(self, self._ix.searcher(weighting=scoring.BM25F()))

    def parse(self, text: str) -> query.Query:
        """Parse Whoosh query syntax, turning silent misreadings into readable errors."""
        text = text.strip()
        if not text:
            return query.Every()
        _check_syntax(text)
        older = sorted(_prefixed_fields(text) - set(self._ix.schema.names()))
        if older:  # an index built by an older version would read "quote:x" as plain words
            raise QuerySyntaxError(
                f"this index has no {older[0]!r} field yet; run `searchapp reindex` to add it"
            )
        try:
            parsed = self._parser.parse(text, debug=False)
        except Exception as error:  # the parser raises many types on odd input
            raise QuerySyntaxError(f"could not parse query {text!r}: {error}") from None
        _check_fields(_fieldnames(parsed))
        if parsed is query.NullQuery:
            raise QuerySyntaxError(
                f"query {text!r} has no searchable words (one-letter and very common words "
                "such as 'a' or 'the' are not indexed)"
            )
        return parsed

    def columns(self) -> FacetColumns:
        with self._lock:
            if self._columns is None:
                self._columns = self._build_columns()
            return self._columns

    def _build_columns(self) -> FacetColumns:
        with self._ix.searcher() as searcher:
            reader = searcher.reader()
            size = reader.doc_count_all()
            doc_values: dict[str, list[tuple[str, ...]]] = {}
            value_docs: dict[str, dict[str, frozenset[int]]] = {}
            missing_docs: dict[str, frozenset[int]] = {}
            live = frozenset(reader.all_doc_ids())
            for facet, fieldname in FACET_FIELDS.items():
                per_doc: list[list[str]] = [[] for _ in range(size)]
                per_value: dict[str, frozenset[int]] = {}
                for term in reader.field_terms(fieldname):
                    docs = frozenset(reader.postings(fieldname, term).all_ids())
                    value = _text(term)
                    per_value[value] = docs
                    for docnum in docs:
                        per_doc[docnum].append(value)
                doc_values[facet] = [tuple(values) for values in per_doc]
                value_docs[facet] = per_value
                missing_docs[facet] = frozenset(d for d in live if not per_doc[d])
            body = frozenset(searcher.docs_for_query(query.Term("kind", "body")))
            ordinals = [0] * size
            for term in reader.field_terms("day"):
                ordinal = dt.date.fromisoformat(_text(term)).toordinal()
                for docnum in reader.postings("day", term).all_ids():
                    ordinals[docnum] = ordinal
        return FacetColumns(doc_values, value_docs, missing_docs, body, ordinals, live)


class IndexSearcher:
    """A per-request view of one generation; close it when the request ends."""

    def __init__(self, owner: ParagraphIndex, searcher: Searcher) -> None:
        self.owner = owner
        self._searcher = searcher

    def close(self) -> None:
        self._searcher.close()

    def matching(
        self, q: query.Query, date_from: dt.date | None, date_to: dt.date | None
    ) -> frozenset[int]:
        """Doc numbers matching the query and date range, before facet filters."""
        if date_from or date_to:
            start = dt.datetime.combine(date_from, dt.time()) if date_from else None
            end = dt.datetime.combine(date_to, dt.time.max) if date_to else None
            q = query.And([q, query.DateRange("date", start, end)])
        if isinstance(q, query.Every):
            return self.owner.columns().all_docs
        return frozenset(self._searcher.docs_for_query(q))

    def ranked(
        self, q: query.Query, docs: frozenset[int], offset: int, limit: int
    ) -> list[tuple[int, float]]:
        """Page of (docnum, BM25F score) within `docs`: body text first, then furniture."""
        body = docs & self.owner.columns().body_docs
        tiers = [body, docs - body]
        page: list[tuple[int, float]] = []
        for tier in tiers:
            if limit <= 0:
                break
            if offset >= len(tier):
                offset -= len(tier)
                continue
            if tier:
                results = self._searcher.search(q, filter=set(tier), limit=offset + limit)
                hits = [(hit.docnum, float(hit.score)) for hit in results][offset:]
                page.extend(hits)
                limit -= len(hits)
            offset = 0
        return page

    def paragraph(self, docnum: int) -> ParagraphDoc:
        return _paragraph(self._searcher.stored_fields(docnum))

    def article(self, article_id: str) -> list[ParagraphDoc]:
        found = self._searcher.documents(article_id=article_id)
        return sorted((_paragraph(doc) for doc in found), key=lambda doc: doc.position)

    def iter_all(self) -> Iterator[ParagraphDoc]:
        for _, stored in self._searcher.reader().iter_docs():
            yield _paragraph(stored)

    def snippets(self, q: query.Query, docnums: list[int]) -> dict[int, str]:
        """Best passage of each paragraph, HTML-escaped, matches wrapped in <mark>.

        Empty for documents whose text does not match (e.g. a speaker-only query). Words
        searched in quotations (`quote:x`) are marked in the text too: the quotations are
        part of it, and a reader needs to see why the paragraph matched.
        """
        if not docnums or isinstance(q, query.Every):
            return {}
        q = _quote_words_in_text(q)
        results = self._searcher.search(q, filter=set(docnums), limit=len(docnums), terms=True)
        results.formatter = MarkFormatter(between=" … ")
        snippets = {}
        for hit in results:
            short = len(hit["text"]) <= SNIPPET_CHARS
            results.fragmenter = (
                highlight.WholeFragmenter()
                if short
                else highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=100)
            )
            snippets[hit.docnum] = hit.highlights("text", top=2)
        return snippets


class MarkFormatter(highlight.HtmlFormatter):
    """Escape the text between matches (only <mark> is markup) and show where it was cut."""

    def format_token(self, text: str, token, replace: bool = False) -> str:
        return "<mark>" + highlight.htmlescape(highlight.get_text(text, token, replace)) + "</mark>"

    def format_fragment(self, fragment, replace: bool = False) -> str:
        html = super().format_fragment(fragment, replace)
        if fragment.startchar > 0:
            html = "… " + html.lstrip()
        if fragment.endchar < len(fragment.text):
            html = html.rstrip() + " …"
        return html


def _text(term: str | bytes) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def _paragraph(stored: dict) -> ParagraphDoc:
    """Stored fields back into the document that was indexed (the inverse of `_document`)."""
    date = stored.get("date")
    return ParagraphDoc(
        id=stored["id"],
        article_id=stored["article_id"],
        position=stored["position"],
        text=stored["text"],
        kind=stored["kind"],
        speakers=tuple(stored.get("speakers") or ()),
        quotes=tuple(Quote(**quote) for quote in stored.get("quotes") or ()),
        title=stored["title"],
        title_derived=bool(stored.get("title_derived")),
        outlet=stored.get("outlet"),
        date=date.date() if isinstance(date, dt.datetime) else None,
        author=stored.get("author"),
        url=stored.get("url"),
    )


def _quote_words_in_text(q: query.Query) -> query.Query:
    """`q`, also matching its `quote:` words in `text`, so the highlighter (which marks
    only `text` terms) finds them. OR'ed on, so every document `q` matched still matches."""
    twins = []
    for leaf in _wanted_leaves(q):
        if getattr(leaf, "fieldname", None) == "quote":
            twin = copy.copy(leaf)
            twin.fieldname = "text"
            twins.append(twin)
    return query.Or([q, *twins]) if twins else q


def _wanted_leaves(q: query.Query) -> Iterator[query.Query]:
    """Leaf queries a match contains; words under NOT are absent from it."""
    if isinstance(q, query.Not):
        return
    if isinstance(q, query.AndNot):
        yield from _wanted_leaves(q.a)
    elif q.is_leaf():
        yield q
    else:
        for child in q.children():
            yield from _wanted_leaves(child)


# "name:" prefixes outside quoted phrases; Whoosh would read an unknown one as plain text.
_FIELD_PREFIX = re.compile(r'"[^"]*"|(?<![\w:])([A-Za-z_]\w*):(?=\S)(?!//)')


def _check_syntax(text: str) -> None:
    if text.count('"') % 2:
        raise QuerySyntaxError('unclosed " in query: phrases need an opening and a closing quote')
    if text.count("(") != text.count(")"):
        raise QuerySyntaxError("unbalanced parentheses in query")
    _check_fields(_prefixed_fields(text))


def _prefixed_fields(text: str) -> set[str]:
    return {m.group(1) for m in _FIELD_PREFIX.finditer(text) if m.group(1)}


def _check_fields(names: set[str]) -> None:
    unknown = sorted(name for name in names if name not in QUERY_FIELDS)
    if unknown:
        hint = " (filter dates with from/to)" if unknown[0] in ("date", "month") else ""
        raise QuerySyntaxError(
            f"unknown field {unknown[0]!r} in query; use one of: {', '.join(QUERY_FIELDS)}{hint}"
        )


def _fieldnames(q: query.Query) -> set[str]:
    names = set()
    for leaf in q.leaves() if q.children() else [q]:
        name = getattr(leaf, "fieldname", None)
        if name:
            names.add(name)
    return names

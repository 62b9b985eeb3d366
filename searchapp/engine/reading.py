"""An opened index generation and the searchers that read it.

A generation is opened once and shared by every request until a reindex swaps in another:
its facet columns are loaded once, and its Whoosh searchers are kept in a pool and reused
(a Whoosh searcher is not safe to share between threads at the same moment, so each
request borrows one). A retired generation closes its searchers as they come back. An
opened generation holds a reader's lock on its folder until it is dropped, so a reindex
cannot remove the files under a long export or a searcher still in use.
"""

from __future__ import annotations

import datetime as dt
import json
import queue
import threading
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
from whoosh import index, query, scoring
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from searchapp.engine.acronyms import read_acronyms
from searchapp.engine.columns import Columns
from searchapp.engine.expansion import expand_patterns, read_vocabulary, vocabulary_path
from searchapp.engine.interpret import Acronyms, Interpreter, QueryPlan, Vocabulary, Weights
from searchapp.engine.matching import Matching, match_plan, rank
from searchapp.engine.postings import phrase_docs, postings_arrays
from searchapp.engine.queries import QueryLimits
from searchapp.engine.schema import FORMAT, from_stored
from searchapp.engine.scoring import ArrayScorer
from searchapp.engine.snippets import query_words, snippet
from searchapp.engine.spelling import Speller, vocabulary_counts
from searchapp.filters import FacetValues
from searchapp.generations import (
    GenerationGone,
    IndexMissing,
    current_generation,
    hold_for_reading,
)
from searchapp.paragraphs import ParagraphDoc

INFO_FILE = "searchapp.json"
SPELLING_FILE = "spelling.tsv"  # the words of `exact` and their document frequencies


class IndexOutdated(IndexMissing):
    """The index was written by another version of searchapp; it must be rebuilt."""


def read_info(generation: Path) -> dict | None:
    try:
        return json.loads((generation / INFO_FILE).read_text())
    except (FileNotFoundError, ValueError):
        return None


def generation_names(generation: Path) -> dict[str, str] | None:
    """The corpus-wide speaker names a generation was written with; None when it was
    written in another format and cannot be built upon."""
    info = read_info(generation)
    return info["names"] if info and info.get("format") == FORMAT else None


def write_info(generation: Path, names: Mapping[str, str]) -> None:
    tmp = generation / f"{INFO_FILE}.tmp"
    tmp.write_text(json.dumps({"format": FORMAT, "names": dict(names)}, ensure_ascii=False))
    tmp.replace(generation / INFO_FILE)


class ParagraphIndex:
    """One opened generation. Thread-safe to share; borrow a `searcher()` per request."""

    def __init__(self, index_dir: Path, generation: Path) -> None:
        held = hold_for_reading(generation)  # first: nothing is read from a folder going away
        if held is not None:
            weakref.finalize(self, held.close)
        info = read_info(generation)
        if not info or info.get("format") != FORMAT:
            raise IndexOutdated(
                f"the index in {index_dir} was built by another version of searchapp: "
                f"rebuild it with `searchapp reindex --index {index_dir}`"
            )
        self.index_dir = index_dir
        self.generation = generation
        self.names: dict[str, str] = info["names"]
        self._ix = index.open_dir(str(generation))
        self.interpreter = Interpreter(self._ix.schema)
        self._idle: queue.SimpleQueue[Searcher] = queue.SimpleQueue()
        self._retired = False
        self._vocabularies: dict[str, str] = {}
        self._vocabulary_lock = threading.Lock()
        self._speller: Speller | None = None
        self._acronyms: Acronyms | None = None
        self._prepared = False
        self._priors: dict[float, np.ndarray] = {}
        self._facet_values: dict[str, FacetValues] = {}
        # Pooled searchers hold open files: close them when this generation is dropped.
        weakref.finalize(self, _close_all, self._idle)
        self.columns = Columns.load(generation) or self._read_columns()
        self._furniture = set(np.flatnonzero(self.columns.live & ~self.columns.body).tolist())

    @classmethod
    def open(cls, index_dir: Path) -> ParagraphIndex:
        for _retry in range(3):  # CURRENT named a generation removed before we held it
            try:
                return cls(index_dir, current_generation(index_dir))
            except GenerationGone:
                continue
        return cls(index_dir, current_generation(index_dir))

    def is_current(self) -> bool:
        try:
            return current_generation(self.index_dir) == self.generation
        except IndexMissing:
            return True  # keep serving what we have rather than fail

    def parse(self, text: str, limits: QueryLimits | None = None) -> query.Query:
        """`text` read as the query language, whatever it looks like."""
        return self.interpreter.parse_explicit(text, limits)

    def prepare(self) -> None:
        """Load what searches read once per generation (a second or two for the spelling
        vocabulary of a large archive), so no request's time limit pays for it."""
        if self._prepared:  # every search calls this: no locks once done
            return
        self.speller()
        self.acronyms()
        for facet in ("outlet", "speaker"):
            self.facet_values(facet)
        self._prepared = True

    @property
    def weights(self) -> Weights:
        return self.interpreter.weights

    def speller(self) -> Speller:
        """The generation's vocabulary for spelling corrections, loaded once."""
        with self._vocabulary_lock:
            if self._speller is None:
                path = self.generation / SPELLING_FILE
                if path.exists():
                    self._speller = Speller.load(path)
                else:  # a generation written before the file
                    with self._ix.reader() as reader:
                        self._speller = Speller.from_counts(vocabulary_counts(reader, "exact"))
            return self._speller

    def acronyms(self) -> Acronyms:
        """The acronyms this generation's articles define, both ways."""
        with self._vocabulary_lock:
            if self._acronyms is None:
                with self._ix.reader() as reader:
                    self._acronyms = Acronyms.of(read_acronyms(reader))
            return self._acronyms

    def facet_values(self, facet: str) -> FacetValues:
        """The facet's values, indexed for forgiving filters, built once."""
        with self._vocabulary_lock:
            found = self._facet_values.get(facet)
            if found is None:
                found = self._facet_values[facet] = FacetValues(self.columns.facets[facet].values)
            return found

    def length_prior(self, half: float) -> np.ndarray:
        """Per document, length / (length + half): a paragraph of `half` words counts
        half as much as a long one, so "- Sanders." does not outrank a paragraph about
        him. `half` is tuned on the judged queries (Weights.length)."""
        prior = self._priors.get(half)
        if prior is None:
            lengths = self.columns.lengths["text"]
            prior = self._priors[half] = (
                lengths / (lengths + half) if half else np.ones_like(lengths)
            )
        return prior

    def vocabulary(self, fieldname: str) -> str:
        """The field's words, one per line (for wildcards), read once per generation."""
        with self._vocabulary_lock:
            if fieldname not in self._vocabularies:
                try:
                    words = vocabulary_path(self.generation, fieldname).read_text("utf-8")
                except FileNotFoundError:  # a generation written before these files
                    with self._ix.reader() as reader:
                        words = read_vocabulary(reader, fieldname)
                self._vocabularies[fieldname] = words
            return self._vocabularies[fieldname]

    def searcher(self) -> IndexSearcher:
        try:
            whoosh_searcher = self._idle.get_nowait()
        except queue.Empty:
            whoosh_searcher = self._ix.searcher(weighting=scoring.BM25F())
        return IndexSearcher(self, whoosh_searcher)

    def retire(self) -> None:
        """A newer generation is live: close searchers as they are given back."""
        self._retired = True
        _close_all(self._idle)

    def _release(self, whoosh_searcher: Searcher) -> None:
        if self._retired:
            whoosh_searcher.close()
        else:
            self._idle.put(whoosh_searcher)

    def _read_columns(self) -> Columns:
        with self._ix.reader() as reader:
            return Columns.from_reader(reader, self.names)


class IndexSearcher:
    """A request's view of one generation; `close()` gives it back for the next request."""

    def __init__(self, owner: ParagraphIndex, searcher: Searcher) -> None:
        self.owner = owner
        self.columns = owner.columns
        self._searcher: Searcher | None = searcher
        self._array_scorer: ArrayScorer | None = None

    def close(self) -> None:
        if self._searcher is not None:
            self.owner._release(self._searcher)
            self._searcher = None

    def discard(self) -> None:
        """Close without giving the Whoosh searcher back: a search stopped half-way by its
        time limit may have left its readers' caches half-filled."""
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def plan(self, text: str, limits: QueryLimits | None = None, correct: bool = True) -> QueryPlan:
        """What `text` asks for (interpret.py), with its patterns expanded: prefixes,
        wildcards, fuzzy words and ranges replaced by the words they cover
        (QueryTooCostly when one covers more than the limit)."""
        limits = limits or QueryLimits()
        owner = self.owner
        reader = self.whoosh.reader()
        speller = owner.speller()

        def spelling(word: str) -> tuple[str, bool] | None:
            found = speller.correct(word)
            return None if found is None else (found.suggestion, found.confident)

        vocabulary = Vocabulary(reader.doc_frequency, owner.acronyms(), spelling)
        plan = owner.interpreter.plan(text, vocabulary, limits, correct)
        if plan.explicit is not None:
            plan.explicit = self.expand(plan.explicit, limits)
        return plan

    def expand(self, q: query.Query, limits: QueryLimits | None = None) -> query.Query:
        """`q` with its patterns replaced by the words they cover."""
        reader = self.whoosh.reader()
        return expand_patterns(q, reader, self.owner.vocabulary, limits or QueryLimits())

    @property
    def whoosh(self) -> Searcher:
        if self._searcher is None:
            raise RuntimeError("this searcher was closed")
        return self._searcher

    def matching(
        self, plan: QueryPlan, date_from: dt.date | None, date_to: dt.date | None
    ) -> Matching:
        """The documents matching the plan and date range, and their scores when they
        could be computed all at once (None: rank with Whoosh)."""
        return match_plan(plan, self.columns, self._scorer(), self._docs_for, date_from, date_to)

    def ranked(
        self,
        q: query.Query | None,
        matches: np.ndarray,
        scores: np.ndarray | None,
        narrowed: bool,
        offset: int,
        limit: int,
        counts: np.ndarray | None = None,
    ) -> list[tuple[int, float]]:
        """A page of (docnum, score) within `matches` (see `rank`)."""
        if scores is None:
            q = query.Every() if q is None else q
            return self._ranked_by_whoosh(q, matches, narrowed, offset, limit)
        prior = self.owner.length_prior(self.owner.weights.length)
        return rank(matches, scores, self.columns.body, prior, offset, limit, counts)

    def _docs_for(self, q: query.Query) -> np.ndarray:
        return self.columns.mask(list(self.whoosh.docs_for_query(q)))

    def _ranked_by_whoosh(
        self, q: query.Query, matches: np.ndarray, narrowed: bool, offset: int, limit: int
    ) -> list[tuple[int, float]]:
        """When `matches` is exactly what `q` matches (not `narrowed` by filters), Whoosh
        is only told to leave out the few furniture paragraphs, so it can skip postings
        blocks that cannot reach the page instead of checking every match against a set.
        """
        body = self.columns.body
        furniture = self.owner._furniture
        tiers = [(matches & body, {"mask": furniture}), (matches & ~body, {"filter": furniture})]
        page: list[tuple[int, float]] = []
        for docs, restriction in tiers:
            size = int(docs.sum())
            if limit <= 0:
                break
            if offset >= size:
                offset -= size
                continue
            within = {"filter": _ids(docs)} if narrowed else restriction
            # Whoosh's block-quality skipping fails an assertion under REQUIRE and ANDNOT.
            optimize = not any(isinstance(node, _BINARY) for node in _nodes(q))
            results = self.whoosh.search(q, limit=offset + limit, optimize=optimize, **within)
            hits = [(hit.docnum, float(hit.score)) for hit in results][offset:]
            page.extend(hits)
            limit -= len(hits)
            offset = 0
        return page

    def _scorer(self) -> ArrayScorer:
        if self._array_scorer is None:
            self._array_scorer = ArrayScorer(
                self.whoosh.reader(), self.columns.lengths, self._phrase_docs
            )
        return self._array_scorer

    def _phrase_docs(self, phrase: query.Phrase, candidates: np.ndarray) -> np.ndarray:
        """Where the phrase stands; words apart (`"a b"~3`) are Whoosh's to find."""
        if phrase.slop == 1 and phrase.words:
            return phrase_docs(self.whoosh.reader(), phrase.fieldname, phrase.words, candidates)
        return np.fromiter(self.whoosh.docs_for_query(phrase), dtype=np.int64)

    def paragraph(self, docnum: int) -> ParagraphDoc:
        return self._read(self.whoosh.stored_fields(docnum))

    def article_page(
        self, article_id: str, start: int, stop: int
    ) -> tuple[int, list[ParagraphDoc]]:
        """How many paragraphs the article has, and those at positions `start` to `stop`
        (excluded), in order; (0, []) when there is no such article.

        The cost depends on the page, not on the article: a page of a 200,000-paragraph
        article reads the stored fields of its own paragraphs and a few postings, never
        the article's postings list. This relies on positions being exactly 0 to count - 1
        (`paragraph_docs` numbers them; a reindex deletes and rewrites an article whole,
        and a speaker rename rewrites a paragraph under the same id), so that a paragraph
        is found by its unique id, `<article_id>:<position>`.
        """
        reader = self.whoosh.reader()
        count = self._article_size(reader, article_id)
        page: list[ParagraphDoc] = []
        docnum: int | None = None
        for position in range(max(start, 0), min(stop, count)):
            # An article's paragraphs are written one after another, so the next one is
            # usually the next document; it is looked up by id only when it is not.
            stored = None if docnum is None else self._stored_at(docnum + 1, article_id, position)
            if stored is not None:
                docnum += 1
            else:
                docnum = self._live_docnum(reader, f"{article_id}:{position}")
                if docnum is None:
                    continue
                stored = self.whoosh.stored_fields(docnum)
            page.append(self._read(stored))
        return count, page

    def _stored_at(self, docnum: int, article_id: str, position: int) -> Mapping | None:
        """The stored fields of `docnum` if it is the article's live paragraph `position`."""
        if docnum >= self.columns.size or not self.columns.live[docnum]:
            return None
        stored = self.whoosh.stored_fields(docnum)
        if (stored["article_id"], stored["position"]) != (article_id, position):
            return None
        return stored

    def _article_size(self, reader: IndexReader, article_id: str) -> int:
        """The article's live paragraphs, from a few id look-ups rather than its postings
        (60 to 90 ms to decode at 200,000 paragraphs). Whoosh's document frequency counts
        deleted paragraphs too, so it is only an upper bound: when its last position is
        not live, the first position that is not is found by bisection."""
        upper = reader.doc_frequency("article_id", article_id)
        if not upper or self._live_docnum(reader, f"{article_id}:{upper - 1}") is not None:
            return upper
        low, high = 0, upper - 1  # positions below `low` are live, `high` is not
        while low < high:
            middle = (low + high) // 2
            if self._live_docnum(reader, f"{article_id}:{middle}") is None:
                high = middle
            else:
                low = middle + 1
        return low

    def _live_docnum(self, reader: IndexReader, paragraph_id: str) -> int | None:
        """The document of a paragraph id; its postings also hold deleted copies."""
        found = postings_arrays(reader, "id", paragraph_id)[0]
        live = found[self.columns.live[found]]
        return int(live[0]) if len(live) else None

    def iter_all(self) -> Iterator[ParagraphDoc]:
        for _, stored in self.whoosh.reader().iter_docs():
            yield self._read(stored)

    def snippets(self, plan: QueryPlan, texts: Mapping[str, str]) -> dict[str, str]:
        """Key → HTML snippet, for the texts (paragraphs or quotations, by any key) that
        hold a searched word (a speaker-only query marks nothing). Searched quotations
        count as text."""
        leaves = plan.leaves()
        if not texts or not leaves or isinstance(plan.explicit, query.Every):
            return {}
        words = query_words(query.Or(leaves), self.whoosh.reader())
        schema = self.whoosh.schema
        found = {key: snippet(text, words, schema) for key, text in texts.items()}
        return {key: html for key, html in found.items() if html}

    def quote_terms(self, plan: QueryPlan) -> list[set[str]]:
        """Per requirement of the plan that names words (a plain word, a phrase, the
        whole of a query with operators), its words as the `quote` field stems them;
        requirements that name none (`speaker:x`) are left out."""
        wanted = [plan.explicit] if plan.explicit is not None else []
        wanted += [word.query for word in plan.words] + plan.required
        reader = self.whoosh.reader()
        stem = self.whoosh.schema["quote"].term
        groups = []
        for q in wanted:
            if isinstance(q, query.Every):
                continue
            words = query_words(q, reader)
            terms = set(words.stemmed) | {stem(word) for word in words.written} - {None}
            if terms:
                groups.append(terms)
        return groups

    def _read(self, stored: Mapping[str, object]) -> ParagraphDoc:
        return from_stored(stored).renamed(self.owner.names)


def _close_all(idle: queue.SimpleQueue[Searcher]) -> None:
    while True:
        try:
            idle.get_nowait().close()
        except queue.Empty:
            return


_BINARY = (query.Require, query.AndNot, query.AndMaybe)


def _nodes(q: query.Query) -> Iterator[query.Query]:
    yield q
    for child in q.children():
        yield from _nodes(child)


def _ids(mask: np.ndarray) -> set[int]:
    return set(np.flatnonzero(mask).tolist())

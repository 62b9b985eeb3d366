"""Whoosh's analysis of a text field, computed in one pass per paragraph.

Whoosh analyses text through a chain of generators (tokenizer, lowercase, stop words,
stemmer, accent folding) that hand one Token object through five generator frames per
word, and then encodes positions with a pickle per term. At reindex that was a third of
the time spent in Whoosh. `FastText` is Whoosh's TEXT field whose `index()` computes the
same terms, frequencies, weights and encoded positions in one loop, remembering each
word's term. Queries and highlighting still run the analyzer itself, so both sides must
agree: tests/engine/test_analysis.py checks `index()` against Whoosh's own on every
paragraph of the PolNeAR dev split and on edge cases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import compress, pairwise
from pickle import dumps
from typing import Any

from whoosh import fields
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.system import pack_uint

from searchapp.engine.words import NewsTokenizer, indexed_words, spellings

_CACHE_LIMIT = 400_000  # words remembered per process, about 60 MB at most


class _Terms(dict):
    """Word → term, each computed on first sight by `term` (None for a stop word)."""

    def __init__(self, term: Callable[[str], bytes | None]) -> None:
        super().__init__()
        self._term = term

    def __missing__(self, word: str) -> bytes | None:
        term = self[word] = self._term(word)
        return term


def _shared_terms(analyzer: Any, term: Callable[[str], bytes | None]) -> _Terms:
    """The word → term cache of `analyzer`, shared by the fields that analyse with it
    (`text` and `quote`: a quotation's words are the paragraph's, stemmed once)."""
    for known, terms in _TERMS_BY_ANALYZER:
        if known is analyzer:
            return terms
    if len(_TERMS_BY_ANALYZER) >= 16:  # a schema has a few analyzers; a process, a few schemas
        _TERMS_BY_ANALYZER.pop(0)
    terms = _Terms(term)
    _TERMS_BY_ANALYZER.append((analyzer, terms))  # holding the analyzer keeps `is` sound
    return terms


_TERMS_BY_ANALYZER: list[tuple[Any, _Terms]] = []


class _Chain:
    """The steps of a supported analyzer chain, read off its parts."""

    def __init__(self, analyzer: Any, positions: bool = True) -> None:
        items = list(analyzer.items) if isinstance(analyzer, CompositeAnalyzer) else [analyzer]
        tokenizer = items.pop(0)
        self.expression = self.variants = None
        if type(tokenizer) is NewsTokenizer:
            self.variants = tokenizer.variants
        elif type(tokenizer) is RegexTokenizer and not tokenizer.gaps:
            self.expression = tokenizer.expression
        else:
            raise ValueError(f"unsupported tokenizer {tokenizer!r}")
        if not items or type(items.pop(0)) is not LowercaseFilter:
            raise ValueError("the chain must lowercase first")
        self.stops = self.stemmer = self.charmap = None
        if items and type(items[0]) is StopFilter:
            stop = items.pop(0)
            if not stop.renumber:
                raise ValueError("stop filters must renumber positions")
            if self.variants is not None and positions:
                # Whoosh renumbers every kept token, so spellings of one word would move apart.
                raise ValueError("a NewsTokenizer field with stop words cannot keep positions")
            self.stops, self.minsize, self.maxsize = stop.stops, stop.min, stop.max
        if items and type(items[0]) is StemFilter:
            stem = items.pop(0)
            self.stemmer, self.ignore = stem._stem, stem.ignore
        if items and type(items[0]) is CharsetFilter:
            self.charmap = items.pop(0).charmap
        if items:
            raise ValueError(f"unsupported filters {items!r}")
        self.terms: dict[str, bytes | None] = _shared_terms(analyzer, self.term)

    def term(self, word: str) -> bytes | None:
        """The term `word` is indexed under, or None for a stop word."""
        text = word.lower()
        if self.stops is not None and (
            len(text) < self.minsize
            or (self.maxsize is not None and len(text) > self.maxsize)
            or text in self.stops
        ):
            return None
        if self.stemmer is not None and text not in self.ignore:
            text = self.stemmer(text)
        if self.charmap is not None:
            text = text.translate(self.charmap)
        return text.encode("utf-8")

    def counts(self, value: str) -> dict[bytes, int]:
        """Each term's frequency, for a field without positions: the words' terms are
        looked up and counted by C loops (`map`, `Counter`), not a Python step a word."""
        if self.variants is None:
            return {term: len(poses) for term, poses in self._regex_positions(value).items()}
        if len(self.terms) > _CACHE_LIMIT:
            self.terms.clear()
        counted = Counter(map(self.terms.__getitem__, spellings(value, self.variants)))
        counted.pop(None, None)  # stop words
        return counted

    def positions(self, value: str) -> list[tuple[bytes, int, bytes]]:
        """(term, frequency, encoded positions) of each term. A stop word takes no
        position, except that the first kept word keeps its place among all words, as
        Whoosh's StopFilter numbers them."""
        terms = self.terms
        if len(terms) > _CACHE_LIMIT:
            terms.clear()
        if self.variants is None:
            return [
                (term, len(poses), _encode_positions(poses))
                for term, poses in self._regex_positions(value).items()
            ]
        # No stop words here (`__init__`): every spelling has a term. Most terms occur
        # once, and C loops find their positions: a term's last position is its only one.
        cut = indexed_words(value)
        found = list(map(terms.__getitem__, cut.spellings))
        counts = Counter(found)
        last = dict(zip(found, cut.positions, strict=True))
        repeated: dict[bytes, list[int]] = {term: [] for term, n in counts.items() if n > 1}
        if repeated:
            occurrences = zip(found, cut.positions, strict=True)
            for term, pos in compress(occurrences, map(repeated.__contains__, found)):
                repeated[term].append(pos)
        single = _single_positions
        return [
            (term, n, single[last[term]] if n == 1 else _encode_positions(repeated[term]))
            for term, n in counts.items()
        ]

    def _regex_positions(self, value: str) -> dict[bytes, list[int]]:
        terms = self.terms
        renumber = self.stops is not None
        poses: dict[bytes, list[int]] = {}
        pos = -1
        for index, match in enumerate(self.expression.finditer(value)):
            word = match.group()
            try:
                term = terms[word]
            except KeyError:
                term = terms[word] = self.term(word)
            if term is None:
                continue
            pos = (index if pos < 0 else pos + 1) if renumber else index
            try:
                poses[term].append(pos)
            except KeyError:
                poses[term] = [pos]
        return poses


class _Encoded(dict):
    """Key → its encoding, computed on first sight: bounded by what is encoded, small
    numbers (positions in a paragraph, frequencies)."""

    def __init__(self, encode: Callable[[int], bytes]) -> None:
        super().__init__()
        self._encode = encode

    def __missing__(self, key: int) -> bytes:
        encoded = self[key] = self._encode(key)
        return encoded


# One bytes object per single position, shared by every posting that has it. Whoosh
# pickles a postings block's values as one tuple, and pickle writes an object it has
# already written as a back-reference: blocks shrink by a third and decode faster, and
# unpickled they are the same values.
_single_positions = _Encoded(lambda pos: pack_uint(1) + dumps([pos], 2))
_frequencies = _Encoded(pack_uint)  # Whoosh's Frequency encoding


def _encode_positions(poses: list[int]) -> bytes:
    """Whoosh's Positions encoding: a count, then the pickled gaps between positions."""
    if len(poses) == 1:
        return _single_positions[poses[0]]
    deltas = [poses[0]] + [b - a for a, b in pairwise(poses)]
    return pack_uint(len(deltas)) + dumps(deltas, 2)


class FastText(fields.TEXT):
    """A TEXT field (with positions) that indexes a value in one pass.

    It also remembers the last value it indexed: the article-level fields (title, outlet,
    author) repeat on every paragraph of an article.
    """

    def __init__(self, analyzer: Any, phrase: bool = True, **kwargs: Any) -> None:
        super().__init__(analyzer=analyzer, phrase=phrase, **kwargs)
        self._phrase = phrase
        # Raises, at schema time, for a chain index() could not reproduce.
        self._chain = _Chain(analyzer, phrase)

    def __getstate__(self) -> dict[str, Any]:
        # The schema is pickled into every index; the caches are per process, rebuilt
        # when an unpickled field first indexes.
        return {k: v for k, v in self.__dict__.items() if k not in ("_chain", "_last")}

    def term(self, word: str) -> str | None:
        """The term one word is indexed under (None: not indexed, as a stop word)."""
        if "_chain" not in self.__dict__:
            self._chain = _Chain(self.analyzer, self._phrase)
        term = self._chain.term(word)
        return None if term is None else term.decode("utf-8")

    def index(self, value: Any, **kwargs: Any) -> Any:
        if not isinstance(value, str) or kwargs:
            return super().index(value, **kwargs)
        last = self.__dict__.get("_last")
        if last is not None and last[0] == value:
            return last[1]
        if "_chain" not in self.__dict__:
            self._chain = _Chain(self.analyzer, self._phrase)
        boost = self.format.field_boost
        if self._phrase:
            items = [
                (term, n, float(n) * boost, encoded)
                for term, n, encoded in self._chain.positions(value)
            ]
        else:
            frequencies = _frequencies
            items = [
                (term, n, float(n) * boost, frequencies[n])
                for term, n in self._chain.counts(value).items()
            ]
        self._last = (value, items)
        return items


class FastKeywords(fields.KEYWORD):
    """A KEYWORD field (terms separated by spaces, or by commas) that indexes a value
    without Whoosh's tokenizer chain: a paragraph has several such fields, and their
    generic path cost a reindex more than the values are worth."""

    def __init__(self, commas: bool = False, **kwargs: Any) -> None:
        super().__init__(commas=commas, lowercase=False, **kwargs)
        self._commas = commas

    def index(self, value: Any, **kwargs: Any) -> Any:
        if not isinstance(value, str) or kwargs:
            return super().index(value, **kwargs)
        parts = (p.strip() for p in value.split(",")) if self._commas else value.split()
        counts: dict[str, int] = {}
        for part in parts:
            if part:
                counts[part] = counts.get(part, 0) + 1
        boost = self.format.field_boost
        return [
            (term.encode("utf-8"), n, float(n) * boost, pack_uint(n)) for term, n in counts.items()
        ]

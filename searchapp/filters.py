"""Forgiving facet filters: `speaker=dmitry rogozin` means "Dmitry Rogozin".

Facet values are stored as the corpus wrote them, but people type them as they remember
them: lower case, without accents, in Latin letters, with a surname only or a typo. A
filter that silently matches nothing is the worst answer, so a value is first resolved to
the stored values it stands for, and when there are none the closest stored values are
offered instead ("did you mean Dmitry Rogozin?").

Measured over 100,000 distinct values (90,000 "First Surname" speakers, 10,000 "The X
Post" outlets; CPU time, best of 9, on the shared 2-core machine under load): building
takes 0.20 s; `resolve` 4 µs; `nearest` 3 ms when a value holds the query as a word or a
part ("post", "rogozin"), 10 to 35 ms when it falls through to the fuzzy pass, the worst
being queries as long as most values ("washingon post"). A 10,000-character value costs
what its first MAX_QUERY characters do (2 to 20 ms), since it is cut to them first.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from anyascii import anyascii
from rapidfuzz import fuzz, process

# Longer input is not a facet value anyone typed; cutting it bounds every lookup.
MAX_QUERY = 200
# Parts and fuzzy matches of one or two letters match nearly everything.
MIN_PART = 3
# Fuzzy scores on folded strings: "newsweak" → "newsweek" scores 88, "rogozn" → "dmitry
# rogozin" 88; unrelated names stay below 70.
FUZZY_CUTOFF = 80
# The fuzzy pass compares the whole query with every value of a similar length, and its
# longest words with every word of the values (a surname's typo, or words in another
# order); each close word brings its shortest values. All are rescored with WRatio.
_FUZZY_WORDS = 2
_WORD_MATCHES = 3
_VALUES_PER_WORD = 20

# Apostrophes and dots join ("O'Malley" = "OMalley", "U.S." = "US"); any other byte that
# is not a letter or digit separates words.
_FOLD_TABLE = bytes(c if chr(c).isalnum() else 32 for c in range(128)).lower() + bytes(128)
_JOINING = b"'`."


def fold(value: str) -> str:
    """The comparison key of a facet value: ASCII (accents dropped, other scripts
    transliterated), case-folded, with punctuation and runs of spaces as one space, so
    "THE  Washington Post" = "the washington post" and "РОГОЗИН" = "rogozin"."""
    text = value if value.isascii() else anyascii(value)
    return " ".join(text.encode("ascii").translate(_FOLD_TABLE, _JOINING).decode().split())


class FacetValues:
    """The values of one facet, indexed for `resolve` and `nearest`.

    Built once per index generation and never changed afterwards, so any number of
    request threads may read it at once. Values are kept in one order, shortest folded
    form first, which is both the order suggestions are offered in (the shortest value
    containing "post" is the likeliest meant) and what makes every answer deterministic.
    """

    __slots__ = ("_exact", "_values", "_folds", "_joined", "_starts", "_words")

    def __init__(self, values: Iterable[str]) -> None:
        distinct = list(dict.fromkeys(values))
        folded = [fold(value) for value in distinct]
        keys = [key + "\0" + value for key, value in zip(folded, distinct, strict=True)]
        order = sorted(range(len(distinct)), key=keys.__getitem__)
        lengths = [len(key) for key in folded]
        order.sort(key=lengths.__getitem__)  # stable: by length, then fold, then value
        self._values: tuple[str, ...] = tuple(distinct[i] for i in order)
        self._folds: tuple[str, ...] = tuple(folded[i] for i in order)
        self._exact = frozenset(self._values)
        # All folded values in one string, each between newlines, so that word and part
        # searches are `str.find` in C; `_starts` maps a position back to its value.
        self._joined = "\n" + "\n".join(self._folds) + "\n"
        self._starts = tuple(accumulate((len(key) + 1 for key in self._folds), initial=1))
        # Every word of the values, shortest first, for the fuzzy pass.
        words = (word for word in dict.fromkeys(self._joined.split()) if len(word) >= MIN_PART)
        self._words = tuple(sorted(words, key=len))

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, value: object) -> bool:
        return value in self._exact

    def resolve(self, value: str) -> tuple[str, ...]:
        """The stored values `value` stands for: itself when stored, else every value with
        its fold (usually one; two when the corpus spells a name two ways), else ()."""
        if value in self._exact:
            return (value,)
        if len(value) > MAX_QUERY:
            return ()
        key = fold(value)
        if not key:
            return ()
        # Values are sorted by (length, fold): those with this fold are adjacent.
        first = bisect_left(self._folds, (len(key), key), key=_order)
        last = bisect_right(self._folds, (len(key), key), lo=first, key=_order)
        return self._values[first:last]

    def nearest(self, value: str, limit: int = 5) -> list[str]:
        """Up to `limit` stored values close to `value`, to offer when it resolves to
        none: values holding it as whole words ("rogozin" → "Dmitry Rogozin"), then as a
        part of a word, then fuzzy matches ("newsweak" → "Newsweek"); shortest first within
        each kind, best score first among fuzzy ones."""
        query = fold(value[:MAX_QUERY])[:MAX_QUERY].strip()
        if not query or limit <= 0 or not self._values:
            return []
        found = dict.fromkeys(self._with_word(query, limit))
        if len(query) >= MIN_PART:
            for index in self._containing(query, limit - len(found), skip=found):
                found[index] = None
            if len(found) < limit:
                for index in self._fuzzy(query):
                    found[index] = None
                    if len(found) >= limit:
                        break
        return [self._values[index] for index in list(found)[:limit]]

    def _containing(
        self, text: str, limit: int, skip: Iterable[int] = (), lead: int = 0
    ) -> list[int]:
        """The first `limit` values (in the shortest-first order) holding `text`, whose
        first `lead` characters may be the separator before the value."""
        skipped = set(skip)
        indexes: list[int] = []
        position = self._joined.find(text)
        while position != -1 and len(indexes) < limit:
            index = bisect_right(self._starts, position + lead) - 1
            if index not in skipped:
                indexes.append(index)
            position = self._joined.find(text, self._starts[index + 1] - lead)
        return indexes

    def _with_word(self, words: str, limit: int) -> list[int]:
        """The first `limit` values holding `words` as whole words: each of the four ways
        the words can stand between newlines and spaces is one `str.find` scan."""
        indexes = {
            index
            for before in "\n "
            for after in "\n "
            for index in self._containing(before + words + after, limit, lead=1)
        }
        return sorted(indexes)[:limit]

    def _fuzzy(self, query: str) -> list[int]:
        """Values within FUZZY_CUTOFF of `query` (WRatio, or the match of its words), best
        first, then shortest."""
        first, last = _similar_lengths(self._folds, len(query))
        candidates = {
            first + index
            for _, _, index in process.extract(
                query,
                self._folds[first:last],
                scorer=fuzz.ratio,
                processor=None,
                limit=_VALUES_PER_WORD,
                score_cutoff=FUZZY_CUTOFF,
            )
        }
        words = sorted(set(query.split()), key=lambda word: (-len(word), word))
        words = [word for word in words[:_FUZZY_WORDS] if len(word) >= MIN_PART]
        for word in words:
            first, last = _similar_lengths(self._words, len(word))
            close = process.extract(
                word,
                self._words[first:last],
                scorer=fuzz.ratio,
                processor=None,
                limit=_WORD_MATCHES,
                score_cutoff=FUZZY_CUTOFF,
            )
            for match, _, _ in close:
                candidates.update(self._with_word(match, _VALUES_PER_WORD))
        scored = []
        for index in candidates:
            key = self._folds[index]
            score = max(fuzz.WRatio(query, key), _word_score(words, key))
            if score >= FUZZY_CUTOFF:
                scored.append((-score, index))
        return [index for _, index in sorted(scored)]


def _similar_lengths(keys: tuple[str, ...], length: int) -> tuple[int, int]:
    """The slice of `keys` (sorted by length) that can be within FUZZY_CUTOFF of a string
    of `length` by `fuzz.ratio`: 2 (a + b) / 10 edits at least |a - b|, so a ratio of 80
    needs 2/3 <= b / a <= 3/2. Skipping the rest skips most of the cost."""
    low = -(-length * 2 // 3)
    high = length * 3 // 2
    first = bisect_left(keys, low, key=len)
    return first, bisect_right(keys, high, lo=first, key=len)


def _word_score(words: list[str], key: str) -> float:
    """How well every word of the query is matched by some word of the value, as WRatio
    scores a token match (x 0.95): "rogozn" → "dmitry rogozin" 88, where WRatio's partial
    match gives 75; "rogozin dmitry" → 95."""
    parts = key.split()
    if not words or not parts:
        return 0.0
    total = sum(max(fuzz.ratio(word, part) for part in parts) for word in words)
    return 0.95 * total / len(words)


def _order(key: str) -> tuple[int, str]:
    """The order FacetValues keeps its folded values in."""
    return len(key), key

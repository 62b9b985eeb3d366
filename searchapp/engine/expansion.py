"""Prefixes, wildcards, fuzzy words and ranges, looked up in the index before the search.

Whoosh expands such a pattern into every word it covers while it searches, with no limit:
`a*` became 12,400 words' postings and took 12.8 s on 15,000 paragraphs, and `*a*` walked
the whole lexicon one word per Python call. Here each pattern is expanded up front, at
most `expansion` words, and a pattern that covers more is refused with a message saying
how to narrow it. The words found replace the pattern in the query (`ExpandedTerms`), so
the search itself does no lexicon work and the array scorer can rank it like any OR.

Wildcards are matched against the field's whole vocabulary at once: one regular
expression over its words joined by newlines, written beside each generation at reindex.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from whoosh import query
from whoosh.reading import IndexReader

from searchapp.engine.queries import QueryLimits, QueryTooCostly

# FuzzyTermPlugin syntax `word~N/P`: beyond 2 edits almost every short word matches, and
# without a first letter in common Whoosh compares the word with the whole vocabulary.
MAX_FUZZY_EDITS = 2


class ExpandedTerms(query.MultiTerm):
    """A pattern with the index words it stands for already looked up. Whoosh scores it
    as it scores the pattern: the OR of those words, each with the pattern's boost."""

    def __init__(self, original: query.Query, btexts: list[bytes]) -> None:
        self.original = original
        self.fieldname = original.fieldname
        self.text = str(original)
        self.boost = original.boost
        self.btexts = btexts

    def _btexts(self, ixreader: IndexReader) -> list[bytes]:
        return self.btexts

    def __eq__(self, other: object) -> bool:
        return (
            type(other) is ExpandedTerms
            and other.original == self.original
            and other.btexts == self.btexts
        )

    def __hash__(self) -> int:
        return hash(self.original) ^ hash(tuple(self.btexts))

    def __repr__(self) -> str:
        return f"ExpandedTerms({self.original!r}, {len(self.btexts)} words)"

    def __str__(self) -> str:
        return str(self.original)


def expand_patterns(
    q: query.Query,
    reader: IndexReader,
    vocabulary: Callable[[str], str],
    limits: QueryLimits,
) -> query.Query:
    """`q` with each pattern replaced by the words it covers; QueryTooCostly when they
    cover more than `limits.expansion` words together (each word's postings are read in
    every segment, so this bounds the search, not only the look-up). `vocabulary(field)`
    gives the field's words, one per line, for wildcards."""
    budget = limits.expansion

    def expand(node: query.Query) -> query.Query:
        nonlocal budget
        if not isinstance(node, query.MultiTerm) or isinstance(node, ExpandedTerms):
            return node
        if node.fieldname not in reader.schema:
            return query.NullQuery
        words, describe = _candidates(node, reader, vocabulary)
        btexts = list(islice(words, budget + 1))
        if len(btexts) > budget:
            others = " and the query's other patterns" if budget < limits.expansion else ""
            raise QueryTooCostly(
                f"more than {limits.expansion:,} words {describe}{others}: {_advice(node)}",
                "expansion",
                limits.expansion,
            )
        budget -= len(btexts)
        # terms_within() gives str where the other look-ups give bytes.
        encoded = {w.encode("utf-8") if isinstance(w, str) else w for w in btexts}
        return ExpandedTerms(node, sorted(encoded))

    return q.accept(expand)


def _candidates(
    node: query.MultiTerm, reader: IndexReader, vocabulary: Callable[[str], str]
) -> tuple[Iterable[bytes], str]:
    """The words `node` covers, lazily, and how to describe them in a message."""
    field = node.fieldname
    if isinstance(node, query.Prefix):
        return reader.expand_prefix(field, node.text), f"start with {node.text!r}"
    if isinstance(node, query.Wildcard):
        return _glob_matches(node.text, vocabulary(field)), f"match {node.text!r}"
    if isinstance(node, query.FuzzyTerm):
        if node.maxdist > MAX_FUZZY_EDITS:
            raise QueryTooCostly(
                f"fuzzy words allow at most {MAX_FUZZY_EDITS} edits ({node.text}~2), "
                f"not {node.maxdist}",
                "fuzzy_edits",
                MAX_FUZZY_EDITS,
            )
        # The first letter is always kept: `word~2/0` compares `word` with every word of
        # the index, 20 times slower than `word~2`.
        prefix = max(1, node.prefixlength)
        words = reader.terms_within(field, node.text, node.maxdist, prefix=prefix)
        return words, f"are within {node.maxdist} edits of {node.text!r}"
    if isinstance(node, query.TermRange):
        return node._btexts(reader), f"fall in the range {node}"
    return node._btexts(reader), f"match {node}"


def _advice(node: query.MultiTerm) -> str:
    if isinstance(node, query.Prefix | query.Wildcard):
        return "type more letters"
    if isinstance(node, query.FuzzyTerm):
        return "allow fewer edits (~1) or keep more first letters (~1/3)"
    return "narrow the range"


def _glob_matches(pattern: str, words: str) -> Iterator[bytes]:
    for match in _glob_regex(pattern).finditer(words):
        if match.group():
            yield match.group().encode("utf-8")


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob (`*` any run, `?` one character) as a regex over newline-joined words.

    Each middle segment is found at its first place and kept there, which is all a glob
    needs: plain backtracking over `*a*b*c*d*` is exponential in the stars. (A lookahead
    captured and then consumed is an atomic group that Python 3.10 also reads.)
    """

    def literal(segment: str) -> str:
        return "".join("[^\n]" if char == "?" else re.escape(char) for char in segment)

    head, *rest = pattern.split("*")
    if not rest:
        return re.compile(f"^{literal(head)}$", re.MULTILINE)
    *middle, tail = rest
    parts = [literal(part) for part in middle if part]
    body = "".join(f"(?=([^\n]*?{part}))\\{n}" for n, part in enumerate(parts, start=1))
    return re.compile(f"^{literal(head)}{body}[^\n]*{literal(tail)}$", re.MULTILINE)


def vocabulary_path(generation: Path, fieldname: str) -> Path:
    return generation / f"words-{fieldname}.txt"


def read_vocabulary(reader: IndexReader, fieldname: str) -> str:
    """A field's words, one per line. Whoosh hands out its lexicon a word per Python
    call (0.1 s for 17,500 words), so reindex writes this once per generation."""
    words = (btext.decode("utf-8") for btext in reader.lexicon(fieldname))
    return "\n".join(word for word in words if "\n" not in word)


def write_vocabularies(generation: Path, reader: IndexReader, fieldnames: Iterable[str]) -> None:
    for fieldname in fieldnames:
        path = vocabulary_path(generation, fieldname)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(read_vocabulary(reader, fieldname), encoding="utf-8")
        tmp.replace(path)  # a new file: never write into one another generation links

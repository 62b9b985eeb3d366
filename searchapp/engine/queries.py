"""Whoosh query syntax in, a Whoosh query or a message for the person who typed it out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from whoosh import qparser, query
from whoosh.fields import Schema

# Fields users may name in queries ("speaker:rogozin"); the rest of the schema is internal.
QUERY_FIELDS = ("text", "title", "speaker", "quote", "outlet", "author", "kind")
# Fields searched on the user's behalf: words as written (phrases, names), and sound keys.
SEARCHED_FIELDS = (*QUERY_FIELDS, "exact", "sounds")

# A plain query becomes the query language with any of these outside its phrases.
_OPERATORS = frozenset(["AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "REQUIRE", "TO"])
_EXPLICIT = re.compile(r"[()*?~^\[\]{}]")
# "name:" prefixes outside quoted phrases; Whoosh would read an unknown one as plain text.
_FIELD_PREFIX = re.compile(r'"[^"]*"|(?<![\w:])([A-Za-z_]\w*):(?=\S)(?!//)')


class QuerySyntaxError(ValueError):
    """The query could not be understood; the message is meant for the person who typed it."""


class QueryTooCostly(QuerySyntaxError):
    """The query is over one of the limits; `limit` names it and `maximum` is its value."""

    def __init__(self, message: str, limit: str, maximum: float) -> None:
        super().__init__(message)
        self.limit = limit
        self.maximum = maximum


@dataclass(frozen=True)
class QueryLimits:
    """What one query may ask of the index. Each is far above what a person types (the
    README lists them), and each bounds a cost the hostile run found unbounded."""

    query_chars: int = 1_000  # Whoosh's parser is quadratic: 32 KB took 5.6 s
    clauses: int = 64  # words, phrases and patterns in one query
    phrase_words: int = 50  # a 500-word phrase took 8.7 s
    patterns: int = 8  # prefixes, wildcards, fuzzy words and ranges in one query
    expansion: int = 1_000  # index words the query's patterns may stand for, together


class QueryReader:
    def __init__(self, schema: Schema) -> None:
        self._parser = qparser.QueryParser("text", schema)
        # `word~` and `word~2` find spellings within one or two edits; without the plugin
        # Whoosh read `trump~` as `trump` and said nothing.
        self._parser.add_plugin(qparser.FuzzyTermPlugin())

    def parse(
        self, text: str, limits: QueryLimits | None = None, typed: str | None = None
    ) -> query.Query:
        """Parse Whoosh query syntax, turning silent misreadings into readable errors, and
        refuse queries over `limits` before they cost anything. `typed` is what the
        person typed, when `text` is its rewriting into this index's fields."""
        limits = limits or QueryLimits()
        text = text.strip()
        typed = text if typed is None else typed.strip()
        if not text:
            return query.Every()
        check_length(text, limits)
        _check_syntax(typed)
        try:
            parsed = self._parser.parse(text, debug=False)
        except Exception as error:  # the parser raises many types on odd input
            raise QuerySyntaxError(f"could not parse query {text!r}: {error}") from None
        _check_fields(_fieldnames(parsed), SEARCHED_FIELDS)
        if parsed is query.NullQuery:
            raise QuerySyntaxError(
                f"query {typed!r} has no searchable words: very common words such as 'the' "
                'are searched on their own or in "quoted phrases", not with operators'
            )
        _check_size(parsed, limits)
        return parsed


def check_length(text: str, limits: QueryLimits) -> None:
    """Before any parsing: the parser's cost grows with the square of the length."""
    if len(text) > limits.query_chars:
        raise QueryTooCostly(
            f"the query is {len(text):,} characters long; the limit is {limits.query_chars:,}",
            "query_chars",
            limits.query_chars,
        )


def check_phrase(words: int, limits: QueryLimits) -> None:
    if words > limits.phrase_words:
        raise QueryTooCostly(
            f"a phrase may hold {limits.phrase_words:,} words; this one has {words:,}",
            "phrase_words",
            limits.phrase_words,
        )


def wanted_leaves(q: query.Query) -> Iterator[query.Query]:
    """Leaf queries a match contains; words under NOT are absent from it."""
    if isinstance(q, query.Not):
        return
    if isinstance(q, query.AndNot):
        yield from wanted_leaves(q.a)
    elif q.is_leaf():
        yield q
    else:
        for child in q.children():
            yield from wanted_leaves(child)


def _check_syntax(text: str) -> None:
    if text.count('"') % 2:
        raise QuerySyntaxError('unclosed " in query: phrases need an opening and a closing quote')
    if text.count("(") != text.count(")"):
        raise QuerySyntaxError("unbalanced parentheses in query")
    _check_fields({m.group(1) for m in _FIELD_PREFIX.finditer(text) if m.group(1)})


def _check_fields(names: set[str], allowed: tuple[str, ...] = QUERY_FIELDS) -> None:
    unknown = sorted(name for name in names if name not in allowed)
    if unknown:
        hint = " (filter dates with from/to)" if unknown[0] in ("date", "month") else ""
        raise QuerySyntaxError(
            f"unknown field {unknown[0]!r} in query; use one of: {', '.join(QUERY_FIELDS)}{hint}"
        )


def _check_size(q: query.Query, limits: QueryLimits) -> None:
    leaves = list(q.leaves()) if q.children() else [q]
    if len(leaves) > limits.clauses:
        raise QueryTooCostly(
            f"the query has {len(leaves):,} words, phrases and patterns; the limit is "
            f"{limits.clauses:,}",
            "clauses",
            limits.clauses,
        )
    for leaf in leaves:
        words = getattr(leaf, "words", None)
        if isinstance(leaf, query.Phrase) and words:
            check_phrase(len(words), limits)
    patterns = sum(isinstance(leaf, query.MultiTerm) for leaf in leaves)
    if patterns > limits.patterns:
        raise QueryTooCostly(
            f"the query has {patterns:,} prefixes, wildcards, fuzzy words or ranges; the "
            f"limit is {limits.patterns:,}",
            "patterns",
            limits.patterns,
        )


def _fieldnames(q: query.Query) -> set[str]:
    names = set()
    for leaf in q.leaves() if q.children() else [q]:
        name = getattr(leaf, "fieldname", None)
        if name:
            names.add(name)
    return names


def scaled(q: query.Query, factor: float) -> query.Query:
    """`q` with every leaf's boost multiplied (Whoosh's `with_boost` on a compound query
    sets its children's boosts instead, losing their weights)."""
    if not q.is_leaf():
        return q.apply(lambda child: scaled(child, factor))
    copy = q.copy()
    copy.boost = q.boost * factor
    return copy


def is_explicit(text: str) -> bool:
    outside = re.sub(r'"[^"]*"', " ", text)
    return bool(_EXPLICIT.search(outside)) or any(w in _OPERATORS for w in outside.split())


def rewrite_explicit(text: str) -> str:
    """Whoosh syntax with this index's meanings: a phrase is matched word for word in
    `exact`, and `-word` excludes as in a plain query."""

    def phrase(match: re.Match[str]) -> str:
        fieldname = match.group(1)
        words_ = match.group(2)
        if fieldname in (None, "text"):
            return f'exact:"{words_}"'
        if fieldname == "quote":  # quotations are not kept with positions
            return f'(exact:"{words_}" AND quote:({words_}))'
        return match.group()

    text = re.sub(r'(?<![\w:])(?:([A-Za-z_]\w*):)?"([^"]*)"', phrase, text)
    return re.sub(r'(?<!\S)-(?=[\w"(])', "NOT ", text)

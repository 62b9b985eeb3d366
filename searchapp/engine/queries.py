"""Whoosh query syntax in, a Whoosh query or a message for the person who typed it out."""

from __future__ import annotations

import re
from collections.abc import Iterator

from whoosh import qparser, query
from whoosh.fields import Schema

# Fields users may name in queries ("speaker:rogozin"); the rest of the schema is internal.
QUERY_FIELDS = ("text", "title", "speaker", "quote", "outlet", "author", "kind")

# "name:" prefixes outside quoted phrases; Whoosh would read an unknown one as plain text.
_FIELD_PREFIX = re.compile(r'"[^"]*"|(?<![\w:])([A-Za-z_]\w*):(?=\S)(?!//)')


class QuerySyntaxError(ValueError):
    """The query could not be understood; the message is meant for the person who typed it."""


class QueryReader:
    def __init__(self, schema: Schema) -> None:
        self._parser = qparser.QueryParser("text", schema)

    def parse(self, text: str) -> query.Query:
        """Parse Whoosh query syntax, turning silent misreadings into readable errors."""
        text = text.strip()
        if not text:
            return query.Every()
        _check_syntax(text)
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

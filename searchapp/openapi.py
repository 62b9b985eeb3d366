"""The OpenAPI 3 description of the JSON API, as a Python dict.

One description serves three readers: `/api/openapi.json` for client generators, the
`/api` page for people (rendered from the same dict, so the page cannot drift from it), and
tests/test_openapi.py, which runs schemathesis against it. Response schemas name the fields
a client relies on and allow more, so adding a field breaks no one.
"""

from __future__ import annotations

from typing import Any

from searchapp.export import ExportLimits
from searchapp.search_request import COLLAPSES, DEFAULT_FACET_SIZE, MAX_FACET_SIZE, SORTS

_STR = {"type": "string"}
_NULLABLE_STR = {"type": ["string", "null"]}


def _query(
    name: str, description: str, schema: dict, example: object = None, many: bool = False
) -> dict[str, Any]:
    if many:
        schema = {"type": "array", "items": schema}
    param: dict[str, Any] = {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }
    if many:
        param.update(style="form", explode=True)
    if example is not None:
        param["example"] = example
    return param


def _path(name: str, description: str, example: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string", "minLength": 1},
        "example": example,
    }


_FILTERS = [
    _query(
        "q",
        'The query, in the query syntax (README, "Query syntax").',
        {"type": "string", "maxLength": 1000},
        "sanctions",
    ),
    _query(
        "outlet", "Outlets to keep (OR'ed); `_unknown` for paragraphs with none.", _STR, many=True
    ),
    _query(
        "speaker", "Speakers to keep (OR'ed); `_unknown` for paragraphs with none.", _STR, many=True
    ),
    _query(
        "date",
        "Months to keep, YYYY-MM, or `_unknown`.",
        {"type": "string", "pattern": "^([0-9]{4}-[0-9]{2}|_unknown)$"},
        many=True,
    ),
    _query("from", "First day, YYYY-MM-DD.", {"type": "string", "format": "date"}),
    _query("to", "Last day, YYYY-MM-DD.", {"type": "string", "format": "date"}),
]
_SEARCH_PARAMS = [
    *_FILTERS,
    _query("sort", "Order of the hits.", {"type": "string", "enum": list(SORTS)}),
    _query("correct", "0 searches the words as typed.", {"type": "string", "enum": ["1", "0"]}),
    _query("article", "Only this article's paragraphs.", {"type": "string", "maxLength": 1000}),
]
_PAGING = [
    _query("page", "Page number.", {"type": "integer", "minimum": 1, "maximum": 10000}),
    _query("per_page", "Hits per page.", {"type": "integer", "minimum": 1, "maximum": 100}),
    _query(
        "facet_size",
        "Values listed per facet.",
        {"type": "integer", "minimum": 1, "maximum": MAX_FACET_SIZE},
        DEFAULT_FACET_SIZE,
    ),
]


def _collapse(view: str) -> dict[str, Any]:
    return _query(
        "collapse",
        "What folds several hits into one.",
        {"type": "string", "enum": list(COLLAPSES[view])},
    )


_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["message"],
            "properties": {
                "param": _STR,
                "limit": _STR,
                "message": _STR,
                "nearest": {"type": "array"},
            },
        }
    },
}


def _json(schema: dict, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERRORS = {
    "400": _json(_ERROR, "A bad parameter, or a query over a limit (`limit` names it)."),
    "404": _json(_ERROR, "No such item, or a page past the end."),
    "503": _json(_ERROR, "The search ran out of time, or there is no index yet."),
}
_FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count", "selected"],
    "properties": {
        "value": _NULLABLE_STR,
        "label": _STR,
        "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean"},
    },
}
_RESULT = {
    "type": "object",
    "required": ["query", "sort", "total", "page", "per_page", "pages", "hits", "facets"],
    "properties": {
        "query": _STR,
        "sort": {"enum": list(SORTS)},
        "total": {"type": "integer"},
        "page": {"type": "integer"},
        "per_page": {"type": "integer"},
        "pages": {"type": "integer"},
        "took_ms": {"type": "number"},
        "matching": {"enum": ["all", "partial", None]},
        "corrected_query": _NULLABLE_STR,
        "did_you_mean": _NULLABLE_STR,
        "filter_warnings": {"type": "array"},
        "hits": {"type": "array", "items": {"type": "object"}},
        "facets": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": _FACET_VALUE},
        },
        "facets_truncated": {"type": "object", "additionalProperties": {"type": "boolean"}},
    },
}


def _get(summary: str, params: list, ok: dict, *errors: str) -> dict[str, Any]:
    responses = {"200": ok, **{code: _ERRORS[code] for code in errors}}
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


def _export(view: str, fmt: str, path: str) -> dict[str, Any]:
    media = "text/csv" if fmt == "csv" else "application/jsonl"
    rows = ExportLimits().rows
    ok = {
        "description": f"Every hit in the search's order, at most {rows:,} rows. "
        "`X-Export-Truncated: true` says the limit cut it.",
        "headers": {
            name: {"schema": _STR}
            for name in (
                "Content-Disposition",
                "X-Export-Total",
                "X-Export-Rows",
                "X-Export-Truncated",
            )
        },
        "content": {media: {"schema": _STR}},
    }
    summary = f"The whole result set of {path} as {fmt.upper()} (page, per_page ignored)"
    return _get(summary, [*_SEARCH_PARAMS, _collapse(view)], ok, "400", "503")


def openapi_spec() -> dict[str, Any]:
    """The description of every /api endpoint."""
    obj = {"type": "object"}
    paths = {
        "/api/search": _get(
            "Paragraphs, ranked, with facets",
            [*_SEARCH_PARAMS, *_PAGING, _collapse("paragraphs")],
            _json(_RESULT, "One page of paragraphs."),
            "400",
            "503",
        ),
        "/api/quotes": _get(
            "Quotations, copies of one collapsed",
            [*_SEARCH_PARAMS, *_PAGING, _collapse("quotes")],
            _json(_RESULT, "One page of quotations."),
            "400",
            "503",
        ),
        "/api/search.csv": _export("paragraphs", "csv", "/api/search"),
        "/api/search.jsonl": _export("paragraphs", "jsonl", "/api/search"),
        "/api/quotes.csv": _export("quotes", "csv", "/api/quotes"),
        "/api/quotes.jsonl": _export("quotes", "jsonl", "/api/quotes"),
        "/api/speakers": _get(
            "The speaker facet's values, most quoted first",
            [
                _query("q", "Keep names containing this.", _STR, "rogozin"),
                _query("offset", "Skip this many.", {"type": "integer", "minimum": 0}),
                _query(
                    "limit", "At most this many.", {"type": "integer", "minimum": 1, "maximum": 500}
                ),
            ],
            _json(
                {
                    "type": "object",
                    "required": ["total", "speakers"],
                    "properties": {
                        "total": {"type": "integer"},
                        "speakers": {"type": "array", "items": obj},
                    },
                },
                "The speakers.",
            ),
            "400",
            "503",
        ),
        "/api/speakers/{name}": _get(
            "One speaker's record: quotations newest first, outlets, co-quoted speakers",
            [
                _path("name", "The speaker, any spelling.", "Dmitry Rogozin"),
                _query("page", "Page of quotations.", {"type": "integer", "minimum": 1}),
                _query("per_page", "Quotations per page.", {"type": "integer", "minimum": 1}),
            ],
            _json(
                {"type": "object", "required": ["name"], "properties": {"name": _STR}},
                "The speaker.",
            ),
            "400",
            "404",
            "503",
        ),
        "/api/articles/{article_id}": _get(
            "One page of an article's paragraphs, with its metadata",
            [
                _path("article_id", "The article id.", "000_30ef67863b9e09b3"),
                _query("page", "Page number.", {"type": "integer", "minimum": 1}),
                _query(
                    "per_page",
                    "Paragraphs per page.",
                    {"type": "integer", "minimum": 1, "maximum": 500},
                ),
            ],
            _json(obj, "The article."),
            "400",
            "404",
            "503",
        ),
        "/api/facets/{facet}": _get(
            "One facet's values for a search, optionally by prefix",
            [
                {
                    **_path("facet", "The facet.", "speaker"),
                    "schema": {"type": "string", "enum": ["outlet", "speaker", "date"]},
                },
                *_FILTERS,
                _query("prefix", "Keep values starting with this.", _STR, "dm"),
                _query("limit", "At most this many values.", {"type": "integer", "minimum": 1}),
            ],
            _json(
                {
                    "type": "object",
                    "required": ["facet", "values", "truncated"],
                    "properties": {
                        "facet": _STR,
                        "values": {"type": "array", "items": _FACET_VALUE},
                        "truncated": {"type": "boolean"},
                    },
                },
                "The facet's values.",
            ),
            "400",
            "404",
            "503",
        ),
        "/api/suggest": _get(
            "Speakers and outlets with a word starting with a prefix, most paragraphs first",
            [
                _query("prefix", "The start of a word of the name.", _STR, "rog"),
                _query("limit", "At most this many (1-20).", {"type": "integer", "minimum": 1}),
            ],
            _json(
                {
                    "type": "object",
                    "required": ["prefix", "suggestions"],
                    "properties": {
                        "prefix": _STR,
                        "suggestions": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["kind", "value", "count", "url"],
                                "properties": {
                                    "kind": {"type": "string", "enum": ["speaker", "outlet"]},
                                    "value": _STR,
                                    "count": {"type": "integer"},
                                    "url": _STR,
                                },
                            },
                        },
                    },
                },
                "The suggestions.",
            ),
            "400",
            "503",
        ),
        "/api/openapi.json": _get("This description", [], _json(obj, "OpenAPI 3.1")),
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "searchapp",
            "version": "1",
            "description": "Paragraph-level news search: who said what, in which outlet, and when.",
        },
        "paths": paths,
    }


def example_url(path: str, operation: dict[str, Any]) -> str:
    """A request against the seeds: the path with its example ids, plus the examples of
    the query parameters that have one."""
    query = []
    for param in operation.get("parameters", []):
        if param["in"] == "path":
            path = path.replace("{" + param["name"] + "}", param["example"])
        elif "example" in param:
            query.append(f"{param['name']}={param['example']}")
    return path + ("?" + "&".join(query) if query else "")

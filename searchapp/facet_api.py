"""`GET /api/facets/<facet>`: a facet's values searched by prefix, for the facet's live
search box, with the counts the facet shows under the same query and filters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from flask import Response, current_app, jsonify

from searchapp.live_index import get_searcher
from searchapp.quote_search import search_quotes
from searchapp.search import (
    MAX_FACET_SIZE,
    BadParameter,
    SearchRequest,
    parse_whole_number,
    search,
)
from searchapp.search_request import MAX_PREFIX_CHARS


def facet_values_json(facet: str, params: Mapping[str, Sequence[str]]) -> Response:
    """Raises what a search raises; the API blueprint turns that into its JSON errors."""
    limits = current_app.config["SEARCH_LIMITS"]
    prefix = (params.get("prefix") or [""])[-1].strip()
    if len(prefix) > MAX_PREFIX_CHARS:
        raise BadParameter("prefix", f"prefix is at most {MAX_PREFIX_CHARS} characters")
    limit = parse_whole_number((params.get("limit") or [""])[-1], "limit", 20, 1, MAX_FACET_SIZE)
    view = (params.get("view") or ["paragraphs"])[-1]
    if view not in ("paragraphs", "quotes"):
        raise BadParameter("view", "view is paragraphs or quotes")
    wanted = {k: v for k, v in params.items() if k not in ("prefix", "limit", "view")}
    base = SearchRequest.from_params(wanted, limits, view)
    prefixes = ((facet, prefix),) if prefix else ()
    req = replace(base, facet_size=limit, more=(), prefixes=prefixes, page=1, per_page=1)
    run = search if view == "paragraphs" else search_quotes
    result = run(get_searcher(), req, limits)
    values = [
        {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
        for v in result.facets[facet]
    ]
    return jsonify({"facet": facet, "values": values, "truncated": result.facets_truncated[facet]})

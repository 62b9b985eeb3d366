"""`GET /api/facets/<facet>`: a facet's values searched by prefix, for the facet's live
search box, with the counts the facet shows under the same query and filters."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from flask import current_app, jsonify

from searchapp.engine import QuerySyntaxError, QueryTooCostly
from searchapp.generations import IndexMissing
from searchapp.live_index import get_searcher
from searchapp.quote_search import search_quotes
from searchapp.search import (
    FACETS,
    MAX_FACET_SIZE,
    BadParameter,
    SearchRequest,
    SearchTimedOut,
    parse_whole_number,
    search,
)
from searchapp.search_request import MAX_PREFIX_CHARS


def facet_values_json(facet: str, params: Mapping[str, Sequence[str]], error: Callable):
    if facet not in FACETS:
        return error(404, f"no facet {facet!r}: facets are {', '.join(FACETS)}", "facet")
    limits = current_app.config["SEARCH_LIMITS"]
    try:
        prefix = (params.get("prefix") or [""])[-1].strip()
        if len(prefix) > MAX_PREFIX_CHARS:
            raise BadParameter("prefix", f"prefix is at most {MAX_PREFIX_CHARS} characters")
        limit = parse_whole_number(
            (params.get("limit") or [""])[-1], "limit", 20, 1, MAX_FACET_SIZE
        )
        view = (params.get("view") or ["paragraphs"])[-1]
        if view not in ("paragraphs", "quotes"):
            raise BadParameter("view", "view is paragraphs or quotes")
        wanted = {k: v for k, v in params.items() if k not in ("prefix", "limit", "view")}
        base = SearchRequest.from_params(wanted, limits, view)
        prefixes = ((facet, prefix),) if prefix else ()
        req = replace(base, facet_size=limit, more=(), prefixes=prefixes, page=1, per_page=1)
        run = search if view == "paragraphs" else search_quotes
        result = run(get_searcher(), req, limits)
    except BadParameter as bad:
        return error(400, bad.message, bad.param, bad.limit)
    except SearchTimedOut as slow:
        return error(503, str(slow), "q", slow.limit)
    except QueryTooCostly as costly:
        return error(400, str(costly), "q", costly.limit)
    except QuerySyntaxError as bad:
        return error(400, str(bad), "q")
    except IndexMissing as missing:
        return error(503, str(missing))
    values = [
        {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
        for v in result.facets[facet]
    ]
    return jsonify({"facet": facet, "values": values, "truncated": result.facets_truncated[facet]})

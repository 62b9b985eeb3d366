"""`GET /api/suggest?prefix=rog&limit=8`: speakers and outlets whose name, or a word of it,
starts with the prefix (case-, accent- and script-blind), most paragraphs first. The search
box's suggestions list (static/suggest.js) reads it; a speaker's `url` is their page, an
outlet's the search filtered to it."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, jsonify, request, url_for

from searchapp.api import error
from searchapp.filters import fold
from searchapp.generations import IndexMissing
from searchapp.live_index import get_searcher
from searchapp.pages import speaker_url
from searchapp.search import BadParameter
from searchapp.search_request import parse_whole_number

MAX_PREFIX_CHARS = 100
MAX_LIMIT = 20

bp = Blueprint("suggest", __name__, url_prefix="/api")


def _matches(name: str, prefix: str) -> bool:
    folded = fold(name)
    return folded.startswith(prefix) or any(word.startswith(prefix) for word in folded.split())


@bp.get("/suggest")
def suggest_endpoint() -> Response | tuple[Response, int]:
    raw = request.args.get("prefix", "")
    if len(raw) > MAX_PREFIX_CHARS:
        return error(400, f"prefix is at most {MAX_PREFIX_CHARS} characters", "prefix")
    try:
        limit = parse_whole_number(request.args.get("limit", ""), "limit", 8, 1, MAX_LIMIT)
    except BadParameter as bad:
        return error(400, bad.message, bad.param)
    prefix = fold(raw.strip())
    suggestions: list[dict[str, object]] = []
    if prefix:
        try:
            columns = get_searcher().columns
        except IndexMissing as missing:
            return error(503, str(missing))
        for kind in ("speaker", "outlet"):
            counts = columns.facets[kind].counts(columns.live)
            for value, count in counts.items():
                if count and _matches(value, prefix):
                    suggestions.append({"kind": kind, "value": value, "count": int(count)})
        suggestions.sort(key=lambda s: (-s["count"], str(s["value"]).casefold()))
        suggestions = suggestions[:limit]
        for entry in suggestions:
            value = str(entry["value"])
            entry["url"] = (
                speaker_url(value)
                if entry["kind"] == "speaker"
                else url_for("pages.index") + "?" + urlencode({"outlet": value})
            )
    return jsonify({"prefix": raw.strip(), "suggestions": suggestions})

"""JSON API: the same searches the page runs, as data."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from flask import (
    Blueprint,
    Response,
    current_app,
    jsonify,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from werkzeug.exceptions import HTTPException

from searchapp.articles import ArticleNotFound, PageNotFound, load_article, paging_params
from searchapp.engine import QuerySyntaxError, QueryTooCostly
from searchapp.export import (
    MEDIA_TYPES,
    PARAGRAPH_COLUMNS,
    QUOTE_COLUMNS,
    ExportLimits,
    csv_lines,
    jsonl_lines,
    paragraph_row,
    quote_row,
    start_export,
)
from searchapp.generations import IndexMissing
from searchapp.live_index import get_searcher
from searchapp.openapi import example_url, openapi_spec
from searchapp.pages import speaker_url
from searchapp.paragraphs import ParagraphDoc
from searchapp.quote_search import search_quotes
from searchapp.search import BadParameter, SearchRequest, SearchTimedOut, search
from searchapp.speaker_profile import PageNotFound as SpeakerPageNotFound
from searchapp.speaker_profile import (
    SpeakerNotFound,
    SpeakerProfile,
    canonical_speaker,
    profile_params,
    speaker_profile,
)
from searchapp.speakers import list_speakers, speaker_params

bp = Blueprint("api", __name__, url_prefix="/api")


def error(
    status: int, message: str, param: str | None = None, limit: str | None = None
) -> tuple[Response, int]:
    """`{"error": {"param", "limit", "message"}}`: `param` names the parameter at fault and
    `limit` the limit it broke (README, "Limits"), when there is one."""
    body: dict[str, object] = {"param": param} if param else {}
    if limit:
        body["limit"] = limit
    body["message"] = message
    return jsonify({"error": body}), status


@bp.get("/search")
def search_endpoint() -> Response | tuple[Response, int]:
    """Paragraphs: `q`, the facet filters, `sort`, `page`, `collapse=article`."""
    return _search("paragraphs")


@bp.get("/quotes")
def quotes_endpoint() -> Response | tuple[Response, int]:
    """Quotations, with the same parameters; `collapse=quote` (the default) shows each
    quotation once however many outlets printed it, `collapse=none` every copy."""
    return _search("quotes")


def _search(view: str) -> Response | tuple[Response, int]:
    limits = current_app.config["SEARCH_LIMITS"]
    run = search if view == "paragraphs" else search_quotes

    def page() -> Response:
        params = request.args.to_dict(flat=False)
        search_request = SearchRequest.from_params(params, limits, view)
        return jsonify(run(get_searcher(), search_request, limits).to_json())

    return _answer(page)


def _answer(respond: Callable[[], Response]) -> Response | tuple[Response, int]:
    """`respond()`, or the JSON error a search's failure gets: the same for a page of
    results and for an export of them."""
    try:
        return respond()
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


@bp.get("/search.<any(csv, jsonl):fmt>")
def search_export_endpoint(fmt: str) -> Response | tuple[Response, int]:
    """Every paragraph the search finds (up to the export's row limit), in its order."""
    return _export("paragraphs", fmt)


@bp.get("/quotes.<any(csv, jsonl):fmt>")
def quotes_export_endpoint(fmt: str) -> Response | tuple[Response, int]:
    """Every quotation the quotes search finds (up to the row limit), in its order."""
    return _export("quotes", fmt)


def _export(view: str, fmt: str) -> Response | tuple[Response, int]:
    limits = current_app.config["SEARCH_LIMITS"]
    export_limits = current_app.config.get("EXPORT_LIMITS") or ExportLimits()

    def stream() -> Response:
        params = request.args.to_dict(flat=False)
        params.pop("page", None)
        params.pop("per_page", None)
        search_request = SearchRequest.from_params(params, limits, view)
        # Its own searcher, closed when the stream ends: the request's is closed at
        # teardown, which may come before the last batch is read.
        searcher = current_app.extensions["searchapp.index"].get().searcher()
        try:
            started = start_export(searcher, search_request, limits, export_limits)
        except BaseException:
            searcher.close()
            raise
        paragraphs = view == "paragraphs"
        to_row = paragraph_row if paragraphs else quote_row
        columns = PARAGRAPH_COLUMNS if paragraphs else QUOTE_COLUMNS

        def rows() -> Iterator[dict[str, object]]:
            try:
                for batch in started.batches:
                    for hit in batch:
                        yield to_row(hit, _paragraph_url(hit.doc))
            finally:
                searcher.close()

        lines = csv_lines(columns, rows()) if fmt == "csv" else jsonl_lines(rows())
        response = Response(stream_with_context(lines), content_type=MEDIA_TYPES[fmt])
        name = "search" if view == "paragraphs" else "quotes"
        response.headers["Content-Disposition"] = f"attachment; filename={name}.{fmt}"
        response.headers["X-Export-Total"] = str(started.total)
        response.headers["X-Export-Rows"] = str(started.rows)
        response.headers["X-Export-Truncated"] = "true" if started.truncated else "false"
        return response

    return _answer(stream)


def _paragraph_url(doc: ParagraphDoc) -> str:
    """The paragraph in its article page on this site."""
    article = url_for("pages.article", article_id=doc.article_id, p=doc.position)
    return f"{request.host_url.rstrip('/')}{article}#p-{doc.position}"


@bp.get("/speakers")
def speakers_endpoint() -> Response | tuple[Response, int]:
    """Every speaker value with its paragraphs and the spellings merged into it."""
    try:
        contains, offset, limit = speaker_params(request.args.to_dict(flat=False))
        listed = list_speakers(get_searcher(), contains, offset, limit).to_json()
        for entry in listed["speakers"]:
            entry["url"] = speaker_url(entry["name"])
        return jsonify(listed)
    except BadParameter as bad:
        return error(400, bad.message, bad.param)
    except IndexMissing as missing:
        return error(503, str(missing))


@bp.get("/speakers/<speaker:name>")
@bp.get("/speaker")  # ?name=, for the names "." and "..", which no URL path can carry
def speaker_endpoint(name: str | None = None) -> Response | tuple[Response, int]:
    """One speaker's record (`page`, `per_page` of their quotations, newest first). Another
    spelling of the name is answered, not redirected: `name` is the index's spelling and
    `requested` what was asked, so a client needs to follow nothing."""
    if name is None:
        name = request.args.get("name", "")
    try:
        page, per_page = profile_params(request.args)
        searcher = get_searcher()
        canonical = canonical_speaker(searcher, name)
        profile = speaker_profile(searcher, canonical, page, per_page)
    except BadParameter as bad:
        return error(400, bad.message, bad.param)
    except SpeakerNotFound as missing:
        nearest = [{"name": near, "url": speaker_url(near)} for near in missing.nearest]
        body = {"param": "name", "message": str(missing), "nearest": nearest}
        return jsonify({"error": body}), 404
    except SpeakerPageNotFound as past:
        return error(404, str(past), "page")
    except IndexMissing as missing:
        return error(503, str(missing))
    return jsonify(_profile_json(profile, name))


def _profile_json(profile: SpeakerProfile, requested: str) -> dict[str, object]:
    """The profile with links: the speaker's page, each co-quoted speaker's, and each
    quotation's paragraph in its article page."""
    data = profile.to_json()
    data = {"name": data.pop("name"), "url": speaker_url(profile.name), **data}
    if requested != profile.name:
        data = {"requested": requested, **data}
    for entry in data["co_quoted"]:
        entry["url"] = speaker_url(entry["name"])
    for quote in data["quotes"]:
        article = url_for("pages.article", article_id=quote["article_id"], p=quote["position"])
        quote["url"] = f"{article}#p-{quote['position']}"
    return data


@bp.get("/articles/<article:article_id>")
@bp.get("/articles")  # ?article_id=, for the ids "." and "..", which no URL path can carry
def article_endpoint(article_id: str | None = None) -> Response | tuple[Response, int]:
    """One page of the article's paragraphs (`page`, `per_page`), with its metadata."""
    if article_id is None:
        article_id = request.args.get("article_id", "")
    try:
        page, per_page = paging_params(request.args)
        article = load_article(get_searcher(), article_id, page, per_page)
    except BadParameter as bad:
        return error(400, bad.message, bad.param)
    except ArticleNotFound:
        return error(404, f"no article with id {article_id!r}")
    except PageNotFound as past:
        return error(404, str(past), "page")
    except IndexMissing as missing:
        return error(503, str(missing))
    return jsonify(article.to_json())


def http_error(exc: HTTPException) -> tuple[Response, int]:
    """JSON for unknown API paths and methods; registered app-wide by `create_app`."""
    endpoints = (
        "/api (the description), /api/search, /api/quotes, /api/speakers/<name> "
        "and /api/articles/<id>"
    )
    return error(exc.code or 500, f"{exc.name}: see {endpoints}")


@bp.get("/openapi.json")
def openapi_endpoint() -> Response:
    """The OpenAPI 3 description of every /api endpoint."""
    return jsonify(openapi_spec())


@bp.get("")
def api_page() -> str:
    """The API description for people, rendered from the same dict as /api/openapi.json."""
    spec = openapi_spec()
    endpoints = [
        {"path": path, "operation": op["get"], "example": example_url(path, op["get"])}
        for path, op in spec["paths"].items()
    ]
    return render_template("api.html", spec=spec, endpoints=endpoints)


@bp.get("/facets/<facet>")
def facet_endpoint(facet: str) -> Response | tuple[Response, int]:
    """One facet's values under the query and filters, as the page counts them, narrowed
    to those with a word starting with `prefix`; `limit` at most MAX_FACET_SIZE."""
    from searchapp.facet_api import facet_values_json
    from searchapp.search import FACETS

    if facet not in FACETS:
        return error(404, f"no facet {facet!r}: facets are {', '.join(FACETS)}", "facet")
    return _answer(lambda: facet_values_json(facet, request.args.to_dict(flat=False)))

"""HTML pages: search with facets, and the article a hit came from.

Everything a page shows is in its URL, so results can be shared and the back button
works; the forms are plain GET forms, so the page works without JavaScript.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from searchapp.articles import ArticleNotFound, load_article
from searchapp.engine import QuerySyntaxError
from searchapp.generations import IndexMissing
from searchapp.live_index import get_searcher
from searchapp.paragraphs import UNKNOWN_DATE, UNKNOWN_OUTLET
from searchapp.search import (
    DEFAULT_FACET_SIZE,
    FACETS,
    SORTS,
    MAX_FACET_SIZE,
    BadParameter,
    SearchRequest,
    SearchTimedOut,
    search,
)

bp = Blueprint("pages", __name__)


@bp.app_context_processor
def unknown_labels() -> dict[str, object]:
    return {"unknown_outlet": UNKNOWN_OUTLET, "unknown_date": UNKNOWN_DATE}


FACET_TITLES = {"outlet": "Outlet", "speaker": "Speaker", "date": "Month"}
SORT_LABELS = {"relevance": "Relevance", "date_desc": "Newest first", "date_asc": "Oldest first"}


@bp.get("/")
def index() -> tuple[str, int] | str:
    problem, result, search_request = None, None, SearchRequest()
    status = 200
    limits = current_app.config["SEARCH_LIMITS"]
    try:
        search_request = SearchRequest.from_params(request.args.to_dict(flat=False), limits)
        result = search(get_searcher(), search_request, limits)
    except BadParameter as bad:
        problem, status = str(bad), 400
        # Keep what the user typed in the box so they can fix the rest.
        search_request = SearchRequest(q=request.args.get("q", "").strip())
    except SearchTimedOut as slow:
        problem, status = str(slow), 503
    except QuerySyntaxError as bad:
        problem, status = str(bad), 400
    except IndexMissing as missing:
        problem, status = str(missing), 503
    page = render_template(
        "search.html",
        result=result,
        req=search_request,
        problem=problem,
        facets=FACETS,
        facet_titles=FACET_TITLES,
        sorts=SORTS,
        sort_labels=SORT_LABELS,
        default_facet_size=DEFAULT_FACET_SIZE,
        max_facet_size=MAX_FACET_SIZE,
    )
    return page, status


@bp.get("/articles/<path:article_id>")
def article(article_id: str) -> str:
    try:
        view = load_article(get_searcher(), article_id)
    except ArticleNotFound:
        abort(404)
    hit = request.args.get("p", type=int)
    back = request.args.get("back", "")
    return render_template("article.html", article=view, hit=hit, back=back)


def http_error(exc: HTTPException) -> tuple[str, int]:
    return render_template("error.html", error=exc), exc.code or 500

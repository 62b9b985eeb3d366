"""HTML pages: search with facets, the article a hit came from, and a speaker's record.

Everything a page shows is in its URL, so results can be shared and the back button
works; the forms are plain GET forms, so the page works without JavaScript.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from werkzeug import Response
from werkzeug.exceptions import BadRequest, HTTPException, NotFound

from searchapp.articles import (
    DEFAULT_PER_PAGE,
    ArticleNotFound,
    PageNotFound,
    load_article,
    paging_params,
)
from searchapp.engine import QuerySyntaxError, speaker_value
from searchapp.facet_ui import active_chips, histogram
from searchapp.generations import IndexMissing
from searchapp.live_index import get_searcher
from searchapp.paging import page_numbers
from searchapp.paragraphs import UNKNOWN_DATE, UNKNOWN_OUTLET
from searchapp.quote_search import count_quotes_by_month, search_quotes
from searchapp.search import (
    DEFAULT_FACET_SIZE,
    FACETS,
    MAX_FACET_SIZE,
    SORTS,
    BadParameter,
    SearchRequest,
    SearchTimedOut,
    count_by_month,
    search,
)
from searchapp.speaker_profile import DEFAULT_PER_PAGE as SPEAKER_PER_PAGE
from searchapp.speaker_profile import PageNotFound as SpeakerPageNotFound
from searchapp.speaker_profile import (
    SpeakerNotFound,
    canonical_speaker,
    profile_params,
    speaker_profile,
)

bp = Blueprint("pages", __name__)


@bp.app_context_processor
def unknown_labels() -> dict[str, object]:
    return {"unknown_outlet": UNKNOWN_OUTLET, "unknown_date": UNKNOWN_DATE}


FACET_TITLES = {"outlet": "Outlet", "speaker": "Speaker", "date": "Month"}
FACET_PLURALS = {"outlet": "outlets", "speaker": "speakers", "date": "months"}
SORT_LABELS = {"relevance": "Relevance", "date_desc": "Newest first", "date_asc": "Oldest first"}


@bp.get("/")
def index() -> tuple[str, int] | str:
    """Paragraphs."""
    return _search_page("paragraphs")


@bp.get("/quotes")
def quotes() -> tuple[str, int] | str:
    """Quotations: who said what, each quotation once however many outlets printed it."""
    return _search_page("quotes")


def _search_page(view: str) -> tuple[str, int]:
    problem, result, search_request = None, None, SearchRequest(view=view)
    months = None
    status = 200
    limits = current_app.config["SEARCH_LIMITS"]
    run = search if view == "paragraphs" else search_quotes
    count_months = count_by_month if view == "paragraphs" else count_quotes_by_month
    try:
        params = request.args.to_dict(flat=False)
        search_request = SearchRequest.from_params(params, limits, view)
        result = run(get_searcher(), search_request, limits)
        if result.total and search_request.page > result.pages:
            last = f"{request.path}?{search_request.query_string(page=result.pages)}"
            past = f"There is no page {search_request.page}: the results end at page {result.pages}."
            return _problem(NotFound(past), last, f"Open the last page ({result.pages})")
        unit = "quotation" if view == "quotes" else "paragraph"
        months = histogram(get_searcher(), result, limits, count_months, unit)
    except BadParameter as bad:
        problem, status = str(bad), 400
        # Keep what the user typed in the box so they can fix the rest.
        search_request = SearchRequest(q=request.args.get("q", "").strip(), view=view)
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
        facet_plurals=FACET_PLURALS,
        active_chips=active_chips,
        histogram=months,
        sorts=SORTS,
        sort_labels=SORT_LABELS,
        default_facet_size=DEFAULT_FACET_SIZE,
        max_facet_size=MAX_FACET_SIZE,
        view=view,
        page_numbers=page_numbers,
    )
    return page, status


@bp.get("/favicon.ico")
def favicon() -> Response:
    """Browsers ask for /favicon.ico before reading the page's <link rel="icon">."""
    return redirect(url_for("static", filename="favicon.svg"), 301)


@bp.get("/articles/<article:article_id>")
@bp.get("/articles")  # ?article_id=, for the ids "." and "..", which no URL path can carry
def article(article_id: str | None = None) -> tuple[str, int] | str:
    """One page of the article; a result link (`?p=<position>`) opens the page holding
    its paragraph, so the `#p-<position>` anchor lands on it."""
    if article_id is None:
        article_id = request.args.get("article_id", "")
    hit = request.args.get("p", type=int)
    back = request.args.get("back", "")
    # Which results the reader came from: the way back is to the same view.
    from_view = "quotes" if request.args.get("view") == "quotes" else None
    try:
        page, per_page = paging_params(request.args)
        view = load_article(get_searcher(), article_id, page, per_page, position=hit)
    except BadParameter as bad:
        first = _article_url(article_id, 1, DEFAULT_PER_PAGE, hit, back, from_view)
        return _problem(BadRequest(bad.message), first, "Open the article at its first page")
    except PageNotFound as past:
        last = _article_url(article_id, past.pages, per_page, hit, back, from_view)
        return _problem(NotFound(str(past)), last, "Open its last page")
    except ArticleNotFound:
        abort(404, description=f"There is no article with id {article_id!r}.")
    except IndexMissing as missing:
        abort(503, description=str(missing))
    links = {}
    if view.page > 1:
        links["previous"] = _article_url(article_id, view.page - 1, per_page, hit, back, from_view)
    if view.page < view.pages:
        links["next"] = _article_url(article_id, view.page + 1, per_page, hit, back, from_view)
    results = url_for("pages.quotes" if from_view else "pages.index")
    back_url = f"{results}?{back}" if back else None
    return render_template("article.html", article=view, hit=hit, back=back_url, links=links)


def _article_url(
    article_id: str,
    page: int,
    per_page: int,
    hit: int | None,
    back: str,
    from_view: str | None = None,
) -> str:
    """A page of the article, keeping the highlighted paragraph and the way back."""
    return url_for(
        "pages.article",
        article_id=article_id,
        page=page,
        per_page=per_page if per_page != DEFAULT_PER_PAGE else None,
        p=hit,
        back=back or None,
        view=from_view,
    )


@bp.app_template_global()
def speaker_url(name: str, **params: object) -> str:
    """The speaker page of `name`, for every template: a quotation's speaker may hold a
    comma, which the speaker facet's value (the page's name) leaves out."""
    return url_for("pages.speaker", name=speaker_value(name), **params)


@bp.get("/speakers/<speaker:name>")
@bp.get("/speaker")  # ?name=, for the names "." and "..", which no URL path can carry
def speaker(name: str | None = None) -> tuple[str, int] | str | Response:
    """Everything one speaker said, newest first. Another spelling of a name ("rogozin")
    redirects to the page under the name the index gives them, so each has one URL."""
    if name is None:
        name = request.args.get("name", "")
    try:
        page, per_page = profile_params(request.args)
        searcher = get_searcher()
        canonical = canonical_speaker(searcher, name)
        if canonical != name:
            return redirect(_speaker_page_url(canonical, page, per_page), 302)
        profile = speaker_profile(searcher, canonical, page, per_page)
    except BadParameter as bad:
        first = _speaker_page_url(name, 1, SPEAKER_PER_PAGE)
        return _problem(BadRequest(bad.message), first, "Open the first page")
    except SpeakerNotFound as missing:
        error = NotFound(str(missing))
        html = render_template("error.html", error=error, suggestions=missing.nearest)
        return html, 404
    except SpeakerPageNotFound as past:
        last = _speaker_page_url(name, past.pages, per_page)
        return _problem(NotFound(str(past)), last, "Open the last page")
    except IndexMissing as missing:
        abort(503, description=str(missing))
    links = {}
    if profile.page > 1:
        links["previous"] = _speaker_page_url(name, profile.page - 1, per_page)
    if profile.page < profile.pages:
        links["next"] = _speaker_page_url(name, profile.page + 1, per_page)
    return render_template("speaker.html", profile=profile, links=links)


def _speaker_page_url(name: str, page: int, per_page: int) -> str:
    return speaker_url(
        name,
        page=page if page != 1 else None,
        per_page=per_page if per_page != SPEAKER_PER_PAGE else None,
    )


def _problem(error: HTTPException, href: str, label: str) -> tuple[str, int]:
    """An error page that also offers the page that does exist."""
    return render_template("error.html", error=error, link=(href, label)), error.code or 500


def http_error(exc: HTTPException) -> tuple[str, int]:
    return render_template("error.html", error=exc), exc.code or 500

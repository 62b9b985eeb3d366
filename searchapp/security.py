"""Headers and limits that hold for every answer the app gives, whichever part gives it.

Pages, the API, static files and error answers all leave through `secure_response`, and
every request, including one for a path no route knows, is checked by `refuse_unserved`
before a view sees it. So a new route gets the same protection without doing anything.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import (
    HTTPException,
    MethodNotAllowed,
    RequestEntityTooLarge,
    RequestURITooLarge,
)

from searchapp import api, pages

# No endpoint reads a body. A small one is tolerated, since some clients send one (`{}`)
# with a GET; anything bigger is refused instead of being received for nothing.
MAX_BODY_BYTES = 1024
# Gunicorn refuses request lines over 8190 bytes itself, with an HTML page and none of the
# headers below. 8000 leaves room under that for the method, the path and " HTTP/1.1", so a
# too-long query string gets this app's 414 instead: JSON on the API, naming the limit.
MAX_QUERY_STRING_BYTES = 8000
SERVED_METHODS = ("GET", "HEAD")

# The pages need only their own stylesheet, their own script and their own search form;
# no inline script or style attribute, no frames, no plugins; fetches only to the app's
# own API (facets.js searches a facet's values live).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    # A JSON answer or an article's text must never be run as a script or page.
    "X-Content-Type-Options": "nosniff",
    # frame-ancestors for browsers that predate it: no clickjacking through a frame.
    "X-Frame-Options": "DENY",
    # A page's URL is the user's search ("?q=...&speaker=..."), and a journalist's search
    # can reveal a story before it runs. The app never reads Referer, so send none, not even
    # to the outlet's site when the user follows an article's "source" link.
    "Referrer-Policy": "no-referrer",
    # The pages open no popups and are opened by none that need a handle back to them.
    "Cross-Origin-Opener-Policy": "same-origin",
}


def init_app(app: Flask) -> None:
    """Install the headers and limits; called by `create_app`, so no app runs without them.

    A test or a deployment may set `MAX_CONTENT_LENGTH` or `MAX_QUERY_STRING_LENGTH` in the
    config given to `create_app`; only an unset limit gets the default.
    """
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.config.setdefault("MAX_QUERY_STRING_LENGTH", MAX_QUERY_STRING_BYTES)
    # Werkzeug answers a path with "//" by redirecting to the path with slashes merged,
    # built from the request's Host header (`Host: evil.example` on `/api//search` gave
    # `Location: http://evil.example/api/search`). Merging is also wrong for this app: an
    # article id is an arbitrary string that may start with "/" or contain "//", and a
    # merged path names another article. So such a path is matched as written, or is a 404.
    app.url_map.merge_slashes = False
    app.before_request(refuse_unserved)
    app.after_request(secure_response)
    app.register_error_handler(RequestEntityTooLarge, size_error)
    app.register_error_handler(RequestURITooLarge, size_error)


def refuse_unserved() -> None:
    """Refuse what no endpoint serves before any work is done for it.

    Runs before routing's own errors are raised, so unknown paths are limited too.
    """
    limit = current_app.config["MAX_QUERY_STRING_LENGTH"]
    size = len(request.query_string)
    if size > limit:
        raise RequestURITooLarge(
            f"The query string is {size} bytes long; the limit is {limit} bytes."
        )
    body_limit = current_app.config["MAX_CONTENT_LENGTH"]
    if body_too_large(body_limit):
        raise RequestEntityTooLarge(
            f"Request bodies are limited to {body_limit} bytes: this app only answers"
            f" {' and '.join(SERVED_METHODS)} requests, which need none."
        )
    if request.method not in SERVED_METHODS:
        # Also refuses OPTIONS, which Flask would otherwise answer on every route.
        raise MethodNotAllowed(valid_methods=SERVED_METHODS)


def body_too_large(limit: int) -> bool:
    """Whether the request's body is over `limit` bytes, reading at most one byte past it.

    Werkzeug checks a body's size only when a view reads it, and no view does, so without
    this check any body would be accepted (and a server like waitress buffers all of it).
    """
    if request.content_length is not None:
        return request.content_length > limit
    # Chunked: no header gives the size. Only a server that ends the input stream at the
    # body's end may be read; otherwise Werkzeug hands views an empty stream, and so no
    # part of the body is ever read.
    if "Transfer-Encoding" not in request.headers or not request.environ.get(
        "wsgi.input_terminated"
    ):
        return False
    return len(request.environ["wsgi.input"].read(limit + 1)) > limit


def secure_response(response: Response) -> Response:
    """Add the security headers to every answer, and keep its Location host-free."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.status_code == 405:
        # The error handlers build a new response, which loses the exception's Allow.
        response.headers.setdefault("Allow", ", ".join(SERVED_METHODS))
    location = response.headers.get("Location")
    if location:
        response.headers["Location"] = relative_location(location, request.host)
    return response


def relative_location(location: str, host: str) -> str:
    """`location` without the scheme and host when its host is `host`, the request's.

    Werkzeug still redirects an empty path to "/" (`GET http://host HTTP/1.1`), and would
    do so for any route ending in "/" asked for without it, as would a view's
    `url_for(..., _external=True)`: the host in such a Location is the Host header's, which
    the client chose. A relative Location means the same to the client that asked. The path
    keeps one leading slash, since "//name/..." would name a host.
    """
    parts = urlsplit(location)
    if not parts.netloc or parts.netloc.lower() != host.lower():
        return location
    return urlunsplit(("", "", "/" + parts.path.lstrip("/"), parts.query, parts.fragment))


def size_error(exc: HTTPException) -> tuple[Response, int] | tuple[str, int]:
    """Name the limit that was hit: the app-wide API message only points at the endpoints.

    JSON on the API's paths and the HTML error page elsewhere, as for every other error.
    """
    if request.path.startswith(api.bp.url_prefix + "/"):
        return api.error(exc.code or 400, f"{exc.name}: {exc.description}")
    return pages.http_error(exc)

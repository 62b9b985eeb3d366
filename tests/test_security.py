"""Security headers on every answer, redirects that never name the Host header's host, limits."""

from __future__ import annotations

import io
import re
import socket
from urllib.parse import urlsplit

import pytest
from conftest import BROOMSTICKS, NEWSWEEK
from flask import redirect, url_for

from searchapp import create_app
from searchapp.security import (
    CONTENT_SECURITY_POLICY,
    MAX_BODY_BYTES,
    MAX_QUERY_STRING_BYTES,
    relative_location,
)

EVIL = "evil.example"
EXPECTED_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def directives(policy: str) -> dict[str, list[str]]:
    parsed = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parsed}


def test_the_policy_allows_only_the_apps_own_files_and_no_framing():
    policy = directives(CONTENT_SECURITY_POLICY)
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval'
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"] and policy["base-uri"] == ["'none'"]


@pytest.mark.parametrize(
    ("path", "status", "content_type"),
    [
        ("/?q=sanctions", 200, "text/html"),
        (f"/articles/{BROOMSTICKS}", 200, "text/html"),
        ("/api/search?q=sanctions", 200, "application/json"),
        (f"/api/articles/{NEWSWEEK}", 200, "application/json"),
        ("/static/style.css", 200, "text/css"),
        ("/static/search.js", 200, "text/javascript"),
        ("/?sort=worst", 400, "text/html"),
        ("/api/search?sort=worst", 400, "application/json"),
        ("/nothing", 404, "text/html"),
        ("/articles/nope", 404, "text/html"),
        ("/api/nothing", 404, "application/json"),
        ("/static/nothing.js", 404, "text/html"),
    ],
)
def test_every_kind_of_answer_carries_the_security_headers(client, path, status, content_type):
    with client.get(path) as response:  # closes a static file's handle
        assert response.status_code == status
        assert response.mimetype == content_type
        for name, value in EXPECTED_HEADERS.items():
            assert response.headers.get(name) == value, name


def test_a_method_error_carries_them_too_and_says_what_is_allowed(client):
    for method in ("POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
        response = client.open("/api/search", method=method)
        assert response.status_code == 405, method
        assert response.get_json()["error"]["message"], method
        assert response.headers["Allow"] == "GET, HEAD"
        assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    page = client.post("/")
    assert page.status_code == 405 and page.mimetype == "text/html"
    assert page.headers["Allow"] == "GET, HEAD"
    assert client.head("/api/search?q=sanctions").status_code == 200


def test_pages_have_no_inline_script_or_style_for_the_policy_to_block(client):
    for path in ("/?q=sanctions", f"/articles/{BROOMSTICKS}?p=10", "/nothing"):
        html = client.get(path).get_data(as_text=True)
        for tag, body in re.findall(r"(<script\b[^>]*>)(.*?)</script>", html, re.DOTALL):
            assert 'src="/static/' in tag and not body.strip(), tag
        assert "<style" not in html and " style=" not in html
        assert not re.search(r"<[^>]*\son[a-z]+\s*=", html)  # no event handler attributes
    assert '<script src="/static/search.js">' in client.get("/").get_data(as_text=True)
    with client.get("/static/search.js") as script:
        assert "requestSubmit" in script.get_data(as_text=True)


# Paths whose extra slashes made Werkzeug redirect to `http://<Host header>/...`; an empty
# PATH_INFO is what a server passes for `GET http://host HTTP/1.1`, and gets "/" appended.
ODD_PATHS = [
    "/api//search",
    "/api//articles//x",
    "//api/search",
    "//articles//x",
    f"/articles//{NEWSWEEK}",
    f"//articles/{NEWSWEEK}",
    "/static//style.css",
    "//",
    "///evil.example/",
    "",
]


@pytest.mark.parametrize("path", ODD_PATHS)
def test_the_host_header_never_reaches_a_location(client, path):
    response = client.get("/", environ_overrides={"PATH_INFO": path}, headers={"Host": EVIL})
    assert response.status_code < 500
    location = response.headers.get("Location")
    if location is not None:
        assert EVIL not in location
        assert location.startswith("/") and not location.startswith("//")
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers.get(name) == value, name


def test_extra_slashes_are_not_merged_into_another_path(client):
    """An article id may contain "//": merging would look up a different article."""
    response = client.get("/api//search", headers={"Host": EVIL})
    assert response.status_code == 404 and "error" in response.get_json()
    response = client.get("/api/articles/a//b")
    assert response.status_code == 404 and "Location" not in response.headers
    assert "a//b" in response.get_json()["error"]["message"]


def test_redirects_added_later_stay_relative(app):
    @app.get("/folder/")
    def folder() -> str:
        return "folder"

    @app.get("/moved")
    def moved():
        return redirect(url_for("pages.index", q="x", _external=True))

    client = app.test_client()
    strict_slashes = client.get("/folder?a=1", headers={"Host": EVIL})
    assert strict_slashes.status_code == 308
    assert strict_slashes.headers["Location"] == "/folder/?a=1"
    external = client.get("/moved", headers={"Host": EVIL})
    assert external.status_code == 302 and external.headers["Location"] == "/?q=x"


def test_relative_location_drops_only_the_requests_own_host():
    assert relative_location(f"http://{EVIL}/a/b?q=1#f", EVIL) == "/a/b?q=1#f"
    assert relative_location(f"https://{EVIL.upper()}:8443/", f"{EVIL}:8443") == "/"
    # "//x" would be a host, so a path that starts with slashes keeps one.
    assert relative_location(f"http://{EVIL}//other.example/x", EVIL) == "/other.example/x"
    assert relative_location(f"//{EVIL}/x", EVIL) == "/x"
    assert relative_location("/already/relative", EVIL) == "/already/relative"
    assert relative_location("https://elsewhere.example/", EVIL) == "https://elsewhere.example/"


def raw_request(base_url: str, head: bytes) -> bytes:
    """The response head a real server sends for `head`: a request written by hand, since
    HTTP clients normalise odd paths and the Host header away."""
    address = urlsplit(base_url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as conn:
        conn.sendall(head)
        data = b""
        while b"\r\n\r\n" not in data and (chunk := conn.recv(65536)):
            data += chunk
    return data.split(b"\r\n\r\n", 1)[0]


@pytest.mark.parametrize("target", ["/api//search", "//articles//x", "http://evil.example"])
def test_a_real_server_never_redirects_to_the_host_header(live_server, target):
    head = raw_request(
        live_server,
        f"GET {target} HTTP/1.1\r\nHost: {EVIL}\r\nConnection: close\r\n\r\n".encode(),
    )
    status = int(head.split()[1])
    assert status < 500
    assert EVIL.encode() not in head.lower()


def query_of(size: int, prefix: str = "q=sanctions&pad=") -> str:
    return prefix + "x" * (size - len(prefix))


def test_a_query_string_at_the_limit_is_served(client):
    query = query_of(MAX_QUERY_STRING_BYTES)
    assert len(query) == MAX_QUERY_STRING_BYTES
    with client.get(f"/static/style.css?{query}") as static:
        assert static.status_code == 200
    response = client.get(f"/api/search?{query}")
    # The search itself may have its own limits; this one is not hit.
    assert response.status_code != 414 and response.is_json


def test_a_query_string_over_the_limit_gets_a_414_naming_it(client):
    query = query_of(MAX_QUERY_STRING_BYTES + 1)
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 414
    assert list(response.get_json()) == ["error"]
    message = response.get_json()["error"]["message"]
    assert str(MAX_QUERY_STRING_BYTES) in message and str(MAX_QUERY_STRING_BYTES + 1) in message
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    # An unknown API path gets the same JSON, and pages the HTML error page.
    assert client.get(f"/api/nothing?{query}").get_json()["error"]["message"] == message
    page = client.get(f"/?{query}")
    assert page.status_code == 414 and page.mimetype == "text/html"
    assert f"the limit is {MAX_QUERY_STRING_BYTES} bytes" in page.get_data(as_text=True)


def test_the_query_limit_counts_bytes_as_sent(client):
    """Percent-encoding is what travels and what a server's request-line limit counts."""
    word = "é" * (MAX_QUERY_STRING_BYTES // 6 + 1)  # 6 bytes each as %C3%A9
    assert len(f"q={word}") < MAX_QUERY_STRING_BYTES / 2  # though far under it in characters
    assert client.get("/api/search", query_string={"q": word}).status_code == 414


def test_the_limits_can_be_set_in_the_config(seed_index):
    client = create_app(
        {"INDEX_DIR": str(seed_index), "MAX_QUERY_STRING_LENGTH": 20, "MAX_CONTENT_LENGTH": 4}
    ).test_client()
    assert client.get("/api/search?q=sanctions").status_code == 200
    assert client.get("/api/search?q=sanctions+and+rogozin").status_code == 414
    assert client.get("/api/search", data=b"12345").status_code == 413


def test_a_body_over_the_limit_is_refused(client):
    response = client.get("/api/search?q=sanctions", data=b"x" * (MAX_BODY_BYTES + 1))
    assert response.status_code == 413
    assert str(MAX_BODY_BYTES) in response.get_json()["error"]["message"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    page = client.post("/", data=b"x" * 100_000)
    assert page.status_code == 413 and page.mimetype == "text/html"
    assert f"limited to {MAX_BODY_BYTES} bytes" in page.get_data(as_text=True)
    # A stray small body on a GET is tolerated.
    assert client.get("/api/search?q=sanctions", data=b"{}").status_code == 200


def test_a_chunked_body_over_the_limit_is_refused(client):
    """No Content-Length to check: the limit applies while the body is read."""
    response = client.get(
        "/api/search",
        input_stream=io.BytesIO(b"x" * (MAX_BODY_BYTES * 4)),
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 413 and "error" in response.get_json()


def test_a_real_server_refuses_a_chunked_body_over_the_limit(live_server):
    size = MAX_BODY_BYTES * 4
    head = raw_request(
        live_server,
        b"GET /api/search HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
        b"Connection: close\r\n\r\n" + f"{size:x}\r\n".encode() + b"x" * size + b"\r\n0\r\n\r\n",
    )
    assert head.startswith(b"HTTP/1.1 413")

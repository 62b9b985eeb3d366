"""Property-based fuzzing of the API and the pages: whatever arrives in a URL, the answer
is never a 500, the API always answers JSON, and the pages always answer a page.

Bounded in time: a fixed number of examples per test, on the seed index.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SEARCH_PARAMS = (
    "q",
    "outlet",
    "speaker",
    "date",
    "from",
    "to",
    "sort",
    "page",
    "per_page",
    "facet_size",
    "collapse",
    "article",
    "correct",
)
ARTICLE_PARAMS = ("page", "per_page", "p", "back")
# Pieces of the query syntax, so that fuzzed queries reach the parser's corners rather than
# only plain words.
SYNTAX = [
    "AND",
    "OR",
    "NOT",
    "ANDNOT",
    "ANDMAYBE",
    "REQUIRE",
    "TO",
    "(",
    ")",
    '"',
    "'",
    "*",
    "?",
    "~",
    "~2",
    "~9/0",
    "^2",
    "^",
    "[",
    "]",
    "{",
    "}",
    ":",
    "text:",
    "speaker:",
    "quote:",
    "kind:",
    "date:",
    "outlet:",
    "nosuchfield:",
    "-",
    "+",
    "\\",
    "_unknown",
    "rogozin",
    "station",
    "sanctions",
    "Рогозин",
    "a",
    "the",
    "s*",
    "*a*",
    "???*",
]

# Any text a URL can carry: control characters, every script, no lone surrogates (they
# cannot be sent as UTF-8 at all).
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
HUGE = st.integers(1, 4).map(lambda n: "station " * (n * 400))
QUERY = st.one_of(
    ANY_TEXT,
    st.lists(st.sampled_from(SYNTAX) | ANY_TEXT, max_size=12).map(" ".join),
    st.lists(st.sampled_from(SYNTAX), max_size=20).map("".join),
    HUGE,
)
VALUE = st.one_of(
    ANY_TEXT,
    st.sampled_from(
        [
            "_unknown",
            "2022-04",
            "2022-04-02",
            "0",
            "-1",
            "99999999999999999999",
            "1e3",
            "relevance",
            "date_desc",
            "NaN",
            " 7 ",
            "Dmitry Rogozin",
            "quote",
            "article",
            "none",
            "004_01cdabf5d90059fd",
        ]
    ),
    QUERY,
)
# Repeated parameters, unknown ones, and raw bytes that are not UTF-8 once decoded.
PAIRS = st.lists(
    st.tuples(st.sampled_from(SEARCH_PARAMS) | ANY_TEXT, VALUE), max_size=12
) | st.sampled_from(SEARCH_PARAMS).flatmap(
    lambda name: st.lists(st.tuples(st.just(name), VALUE), min_size=20, max_size=80)
)
RAW = st.binary(max_size=30).map(lambda raw: "q=" + quote(raw, safe=""))
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def query_string(pairs: list[tuple[str, str]], raw: str) -> str:
    return "&".join(filter(None, [urlencode(pairs), raw]))


def assert_json_answer(response) -> None:
    assert response.status_code < 500 or response.status_code == 503, response.get_data()
    assert response.mimetype == "application/json"
    body = response.get_json()
    if response.status_code != 200:
        assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def assert_page(response) -> None:
    assert response.status_code < 500 or response.status_code == 503, response.get_data()
    assert response.mimetype == "text/html"
    assert "</html>" in response.get_data(as_text=True)


@FUZZ
@given(pairs=PAIRS, raw=st.just("") | RAW)
def test_api_search_never_fails(client, pairs, raw):
    assert_json_answer(client.get("/api/search?" + query_string(pairs, raw)))


@FUZZ
@given(pairs=PAIRS, raw=st.just("") | RAW)
def test_search_page_never_fails(client, pairs, raw):
    assert_page(client.get("/?" + query_string(pairs, raw)))


@FUZZ
@given(pairs=PAIRS, raw=st.just("") | RAW)
def test_quotes_api_and_page_never_fail(client, pairs, raw):
    assert_json_answer(client.get("/api/quotes?" + query_string(pairs, raw)))
    assert_page(client.get("/quotes?" + query_string(pairs, raw)))


ARTICLE_ID = st.one_of(
    ANY_TEXT.filter(bool),
    st.sampled_from(
        [
            "000_30ef67863b9e09b3",
            "004_01cdabf5d90059fd",
            "../etc/passwd",
            "%00",
            "a\nb",
            "/",
            "//x",
            "?",
            "#",
            ".",
            "..",
        ]
    ),
)
ARTICLE_PAIRS = st.lists(st.tuples(st.sampled_from(ARTICLE_PARAMS) | ANY_TEXT, VALUE), max_size=8)


@FUZZ
@given(article_id=ARTICLE_ID, pairs=ARTICLE_PAIRS)
def test_article_api_and_page_never_fail(client, article_id, pairs):
    path = quote(article_id, safe="")
    query = urlencode(pairs)
    assert_json_answer(client.get(f"/api/articles/{path}?{query}"))
    assert_page(client.get(f"/articles/{path}?{query}"))

"""Facet value search, per-facet Show more, the month histogram, undated paragraphs
beside a date range, and active filter chips, through the Flask client."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs

import pytest

from searchapp.search import starts_word
from searchapp.search_request import MAX_FACET_SIZE, BadParameter, SearchRequest


def html(client, path="/", status=200, **params) -> str:
    response = client.get(path, query_string=params or None)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def names(page: str, facet: str) -> list[str]:
    block = page.split(f'id="facet-{facet}"', 1)[1].split("</fieldset>", 1)[0]
    return [unescape(n) for n in re.findall(r'class="name">([^<]*)', block)]


def test_prefix_matches_any_word_start_case_and_accent_blind():
    assert starts_word("Dmitry Rogozin", "rog")
    assert starts_word("Dmitry Rogozin", "ROGÓ")
    assert starts_word("Dmitry Rogozin", "dmi")
    assert not starts_word("Dmitry Rogozin", "ozin")


def test_api_facet_search_counts_as_the_facet_shows(client):
    search = client.get("/api/search?q=sanctions&facet_size=100").get_json()
    shown = {v["value"]: v["count"] for v in search["facets"]["speaker"]}
    found = client.get("/api/facets/speaker?q=sanctions&prefix=rog").get_json()
    assert found["facet"] == "speaker" and found["truncated"] is False
    assert [v["value"] for v in found["values"]] == ["Dmitry Rogozin"]
    assert found["values"][0]["count"] == shown["Dmitry Rogozin"]
    assert set(found["values"][0]) == {"value", "label", "count", "selected"}


def test_api_facet_search_honours_filters_and_limit(client):
    ticked = client.get("/api/facets/outlet?q=sanctions&outlet=Newsweek&limit=1").get_json()
    assert len(ticked["values"]) >= 1
    assert any(v["selected"] for v in ticked["values"])


@pytest.mark.parametrize(
    "query, param",
    [
        ("limit=1000", "limit"),
        ("limit=x", "limit"),
        ("prefix=" + "a" * 51, "prefix"),
        ("sort=nope", "sort"),
        ("view=x", "view"),
    ],
)
def test_api_facet_search_bad_params_are_400(client, query, param):
    response = client.get("/api/facets/speaker?" + query)
    assert response.status_code == 400
    assert response.get_json()["error"]["param"] == param


def test_api_unknown_facet_is_404_json(client):
    response = client.get("/api/facets/colour")
    assert response.status_code == 404
    assert "colour" in response.get_json()["error"]["message"]


def test_speaker_prefix_form_narrows_the_listed_values_without_javascript(client):
    page = html(client, q="", speaker_prefix="rog")
    assert names(page, "speaker") == ["Dmitry Rogozin"]
    assert 'name="speaker_prefix" value="rog"' in page
    assert len(names(page, "outlet")) > 1  # only the speaker facet is narrowed


def test_show_more_expands_only_its_facet_and_never_past_the_max(client):
    page = html(client, q="", facet_size=2)
    links = dict(
        (unescape(label), unescape(href))
        for href, label in re.findall(r'class="more" href="\?([^"]*)">(Show more [a-z]+)', page)
    )
    assert "Show more speakers" in links and "Show more outlets" in links
    expanded = html(client, "/?" + links["Show more speakers"])
    assert 2 < len(names(expanded, "speaker")) <= MAX_FACET_SIZE
    assert len(names(expanded, "outlet")) == 2
    assert "Show more speakers" not in expanded


def test_old_failure_show_more_at_the_max_is_never_an_error(client):
    """Show more once multiplied the shared facet_size past what the server accepts."""
    page = html(client, q="", facet_size=3)
    links = [unescape(href) for href in re.findall(r'class="more" href="\?([^"]*)"', page)]
    assert links
    for href in links:
        params = parse_qs(href)
        assert params["facet_size"] == ["3"]  # not multiplied
        assert params["more"]
        html(client, "/?" + href)
    with pytest.raises(BadParameter):
        SearchRequest.from_params({"more": ["colour"]})


def test_histogram_bars_link_to_their_month_with_accessible_labels(client):
    page = html(client, q="sanctions")
    assert 'aria-label="April 2022: 12 paragraphs"' in page
    href = unescape(re.search(r'<a class="bar" href="\?([^"]*)"', page).group(1))
    assert "from=2022-04-01" in href and "to=2022-04-30" in href
    assert 'aria-label="April 2022: ' in html(client, "/quotes", q="sanctions")


def test_undated_are_excluded_by_default_and_can_be_included(client):
    ranged = dict(q="sanctions", **{"from": "2022-01-01", "to": "2022-12-31"})
    api = client.get("/api/search", query_string=ranged).get_json()
    included = client.get("/api/search", query_string={**ranged, "undated": "include"}).get_json()
    everything = client.get("/api/search?q=sanctions").get_json()
    assert api["total"] == 12 and included["total"] == everything["total"] == 30
    page = html(client, **ranged)
    assert "Include 18 undated" in page
    assert client.get("/api/search?q=x&undated=maybe").status_code == 400


def test_chips_remove_one_filter_and_clear_all_keeps_the_query(client):
    page = html(client, q="sanctions", speaker="Dmitry Rogozin", outlet="Newsweek")
    remove = re.search(r'href="\?([^"]*)" aria-label="Remove filter Speaker: Dmitry Rogozin"', page)
    assert remove
    target = unescape(remove.group(1))
    assert "speaker=" not in target and "outlet=Newsweek" in target and "q=sanctions" in target
    clear = unescape(re.search(r'id="clear-all" href="\?([^"]*)"', page).group(1))
    assert clear == "q=sanctions"
    assert 'id="chips"' not in html(client, q="sanctions")


def test_undated_include_holds_in_the_quotes_view(client):
    ranged = "q=sanctions&from=2022-01-01"
    every = client.get("/api/quotes?q=sanctions").get_json()["total"]
    dated = client.get(f"/api/quotes?{ranged}").get_json()["total"]
    both = client.get(f"/api/quotes?{ranged}&undated=include").get_json()["total"]
    assert dated < both == every


@pytest.mark.parametrize("view", ["paragraphs", "quotes"])
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ["sanctions"]},
        {"q": ["sanctions"], "outlet": ["Newsweek", "_unknown"]},
        {"q": ["station"], "speaker": ["Dmitry Rogozin"], "date": ["2022-04"]},
        {"q": ["sanctions"], "from": ["2022-04-01"], "to": ["2022-04-30"], "undated": ["include"]},
        {"q": ["rogozin nasa crash"]},  # fewer than a page have all the words
    ],
)
def test_the_histogram_counts_what_the_month_facet_counts(app, view, params):
    """Both ways the histogram gets its figures agree with the month facet's own: every
    month and the undated, under the query and the other filters. Without a range it reads
    the search's counts; with one it counts again, cheaply (no ranking, no snippets)."""
    from collections import Counter

    from searchapp.live_index import get_searcher
    from searchapp.quote_search import count_quotes_by_month, search_quotes
    from searchapp.search import count_by_month, search

    run, count = (search, count_by_month) if view == "paragraphs" else (search_quotes, count_quotes_by_month)
    with app.app_context():
        searcher = get_searcher()
        request = SearchRequest.from_params({**params, "facet_size": [str(MAX_FACET_SIZE)]}, view=view)
        result = run(searcher, request)
        expected = Counter({v.value or "_unknown": v.count for v in result.facets["date"] if v.count})
        assert sum(expected.values()) > 0
        assert count(searcher, request) == expected
        assert result.month_counts == expected


def test_the_histogram_shows_at_most_the_newest_hundred_months(app):
    """However many months an archive spans, the page draws a bounded number of bars."""
    from collections import Counter

    from searchapp.facet_ui import histogram
    from searchapp.search import search

    months = Counter({f"{1900 + i // 12}-{i % 12 + 1:02}": 1 + i % 5 for i in range(150)})
    with app.app_context():
        from searchapp.live_index import get_searcher

        result = search(get_searcher(), SearchRequest.from_params({"q": ["sanctions"], "from": ["1900-01-01"]}))
        shown = histogram(get_searcher(), result, None, lambda *_: Counter(months, _unknown=7), "paragraph")
    assert len(shown.bars) == MAX_FACET_SIZE == 100
    assert [shown.bars[0].month, shown.bars[-1].month] == ["1904-03", "1912-06"]
    assert shown.undated == 7 and max(bar.height for bar in shown.bars) == 1.0

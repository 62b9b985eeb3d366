"""Exports of a whole result set as a user downloads them: headers, rows, order, limits."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest

from searchapp import create_app
from searchapp.export import ExportLimits, safe_cell


def rows_of(response):
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def all_search_ids(client, path, key, **params):
    data = client.get(path, query_string={**params, "per_page": 100}).get_json()
    return [hit[key] for hit in data["hits"]], data["total"]


def test_csv_has_every_paragraph_in_search_order_as_an_attachment(client):
    response = client.get("/api/search.csv", query_string={"q": "sanctions", "per_page": 2})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.headers["Content-Disposition"] == "attachment; filename=search.csv"
    rows = rows_of(response)
    ids, total = all_search_ids(client, "/api/search", "id", q="sanctions")
    assert [row["id"] for row in rows] == ids and len(rows) == total > 2
    assert response.headers["X-Export-Truncated"] == "false"
    assert response.headers["X-Export-Total"] == str(total)
    first = rows[0]
    assert set(first) == {
        "id",
        "article_id",
        "outlet",
        "date",
        "speakers",
        "title",
        "author",
        "text",
        "url",
    }
    assert "<mark>" not in "".join(row["text"] for row in rows)
    assert first["url"].endswith(f"#p-{first['id'].rsplit(':', 1)[1]}")


def test_jsonl_respects_filters_and_date_order(client):
    params = {"q": "station", "outlet": "Newsweek", "sort": "date_asc"}
    response = client.get("/api/search.jsonl", query_string=params)
    assert response.status_code == 200
    lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    ids, _ = all_search_ids(client, "/api/search", "id", **params)
    assert [line["id"] for line in lines] == ids and ids
    assert {line["outlet"] for line in lines} == {"Newsweek"}


def test_quotes_export_lists_speaker_and_cluster(client):
    response = client.get("/api/quotes.csv", query_string={"q": "normal relations"})
    rows = rows_of(response)
    ids, _ = all_search_ids(client, "/api/quotes", "quote_id", q="normal relations")
    assert [row["quote_id"] for row in rows] == ids
    assert rows[0]["speaker"] == "Dmitry Rogozin" and rows[0]["direct"] == "true"
    assert int(rows[0]["cluster_size"]) >= 2
    jsonl = client.get(
        "/api/quotes.jsonl", query_string={"q": "normal relations", "collapse": "none"}
    )
    assert len(jsonl.get_data(as_text=True).splitlines()) >= len(rows)


def test_the_row_limit_cuts_and_says_so(seed_index):
    app = create_app(
        {
            "TESTING": True,
            "INDEX_DIR": str(seed_index),
            "EXPORT_LIMITS": ExportLimits(rows=5, batch=2),
        }
    )
    client = app.test_client()
    ids, total = all_search_ids(client, "/api/search", "id", q="")
    response = client.get("/api/search.jsonl")
    lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert [line["id"] for line in lines] == ids[:5]
    assert response.headers["X-Export-Truncated"] == "true"
    assert response.headers["X-Export-Total"] == str(total)
    assert len(rows_of(client.get("/api/search.csv"))) == 5


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)"])
def test_formula_cells_are_shown_as_text(value):
    assert safe_cell(value) == "'" + value
    assert safe_cell("plain") == "plain" and safe_cell(["a", "b"]) == "a; b"


@pytest.mark.parametrize(
    ("params", "param"),
    [({"sort": "loud"}, "sort"), ({"q": '"unclosed'}, "q"), ({"from": "yesterday"}, "from")],
)
def test_bad_parameters_get_the_search_errors(client, params, param):
    for path in ("/api/search.csv", "/api/quotes.jsonl"):
        response = client.get(path, query_string=params)
        assert response.status_code == 400
        assert response.get_json()["error"]["param"] == param


def test_collapse_by_article_exports_one_row_per_article(client):
    rows = rows_of(
        client.get("/api/search.csv", query_string={"q": "station", "collapse": "article"})
    )
    ids, total = all_search_ids(client, "/api/search", "id", q="station", collapse="article")
    assert [row["id"] for row in rows] == ids and len(rows) == total
    assert len({row["article_id"] for row in rows}) == len(rows)


def test_an_over_limit_query_is_refused_before_any_row(client):
    response = client.get("/api/search.csv", query_string={"q": "x" * 1001})
    assert response.status_code == 400
    assert response.get_json()["error"]["limit"] == "query_chars"


def test_the_search_page_links_the_export_of_its_results(client):
    page = client.get("/quotes?q=sanctions&speaker=Dmitry+Rogozin").get_data(as_text=True)
    link = re.search(r'href="(/api/quotes\.csv\?[^"]+)"', page)
    assert link, "no CSV link on the quotes page"
    rows = list(
        csv.DictReader(io.StringIO(client.get(html.unescape(link.group(1))).get_data(as_text=True)))
    )
    assert rows and {row["speaker"] for row in rows} == {"Dmitry Rogozin"}

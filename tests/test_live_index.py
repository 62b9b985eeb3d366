"""The served index: one opened generation shared by requests, its searchers reused, and
replaced when a reindex swaps in a new generation."""

from __future__ import annotations

from pathlib import Path

from searchapp import create_app
from searchapp.indexing import reindex


def test_requests_reuse_searchers_until_a_new_generation_is_live(corpus: Path, tmp_path: Path):
    index_dir = tmp_path / "index"
    reindex(corpus, index_dir)
    app = create_app({"INDEX_DIR": str(index_dir)})
    client = app.test_client()
    live = app.extensions["searchapp.index"]

    for q in ("rogozin", "station", "nasa"):
        assert client.get("/api/search", query_string={"q": q}).status_code == 200
    first = live.get()
    assert first._idle.qsize() == 1  # three requests, one searcher, given back each time

    (corpus / "new.txt").write_text("A zeppelin landed, Newsweek has asked NASA for comment.\n")
    reindex(corpus, index_dir)
    response = client.get("/api/search", query_string={"q": "zeppelin"})
    assert response.get_json()["total"] == 1
    assert live.get() is not first and first._idle.qsize() == 0  # the old one was closed

"""The `searchapp` command as a user runs it."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import BROOMSTICKS, NEWSWEEK, free_port, start_cli

from searchapp.cli import main


def test_reindex_reports_articles_paragraphs_and_each_skipped_file(runner, corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (corpus / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (corpus / "broken.md").write_text("---\ntitle: [oops\n---\nBody text.\n")
    (corpus / "ok.md").write_text("---\noutlet: Reuters\ndate: 2022-04-03\n---\nFine text.\n")
    result = runner.invoke(
        main, ["reindex", "--source", str(corpus), "--index", str(tmp_path / "ix")]
    )
    assert result.exit_code == 0, result.output
    assert "Indexed 6 articles, 71 paragraphs" in result.output
    assert "Skipped 4 of 10 files:" in result.output
    assert "empty.txt: empty file" in result.output
    assert "photo.txt: binary file" in result.output
    assert "latin1.txt: not valid UTF-8: byte 0xe9 at offset 3" in result.output
    assert "broken.md: front matter is not valid YAML" in result.output


def test_reindex_of_a_missing_folder_is_a_clear_error(runner, tmp_path):
    result = runner.invoke(
        main, ["reindex", "--source", str(tmp_path / "nope"), "--index", str(tmp_path / "ix")]
    )
    assert result.exit_code == 1 and "corpus folder not found" in result.output


def test_search_prints_hits_with_metadata(runner, seed_index):
    result = runner.invoke(main, ["search", "broomsticks", "--index", str(seed_index)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 paragraph (page 1 of 1)")
    assert f"[{BROOMSTICKS}:10]" in result.output
    assert "Unknown outlet" in result.output and "broomsticks" in result.output


def test_search_filters_and_json(runner, seed_index):
    result = runner.invoke(
        main, ["search", "sanctions", "--outlet", "Newsweek", "--json", "--index", str(seed_index)]
    )
    data = json.loads(result.output)
    assert data["total"] > 0 and {hit["outlet"] for hit in data["hits"]} == {"Newsweek"}
    assert "<mark>" in data["hits"][0]["snippet"]


def test_search_with_a_bad_query_explains_it(runner, seed_index):
    result = runner.invoke(main, ["search", '"unclosed', "--index", str(seed_index)])
    assert result.exit_code == 2 and "unclosed" in result.output


def test_search_without_an_index_says_how_to_build_one(runner, tmp_path):
    result = runner.invoke(main, ["search", "x", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1 and "searchapp reindex" in result.output


def test_index_location_comes_from_the_environment(runner, seed_index, monkeypatch):
    monkeypatch.setenv("SEARCHAPP_INDEX", str(seed_index))
    result = runner.invoke(main, ["search", "broomsticks"])
    assert result.exit_code == 0 and BROOMSTICKS in result.output


def test_export_writes_one_paragraph_document_per_line(runner, seed_index):
    result = runner.invoke(main, ["export", "--index", str(seed_index)])
    docs = [json.loads(line) for line in result.output.splitlines()]
    assert len(docs) == 70
    keys = {"id", "article_id", "position", "title", "outlet", "date", "speakers", "kind", "text"}
    assert all(keys | {"quotes"} <= set(doc) for doc in docs)
    first = docs[0]
    assert first["id"] == f"{NEWSWEEK}:0" and first["outlet"] == "Newsweek"
    assert first["date"] == "2022-04-02" and first["kind"] == "body"


def test_export_lines_carry_who_said_what(runner, seed_index):
    result = runner.invoke(main, ["export", "--index", str(seed_index)])
    docs = {doc["id"]: doc for doc in map(json.loads, result.output.splitlines())}
    assert {
        "speaker": "Dmitry Rogozin",
        "text": "Let them fly on something else, on broomsticks.",
        "direct": True,
    } in docs[f"{BROOMSTICKS}:10"]["quotes"]
    quotes = [quote for doc in docs.values() for quote in doc["quotes"]]
    assert len(quotes) > 20 and {False, True} == {quote["direct"] for quote in quotes}
    assert all(
        quote["speaker"] in doc["speakers"] for doc in docs.values() for quote in doc["quotes"]
    )


def test_serve_builds_a_missing_index_then_serves_on_gunicorn(tmp_path: Path):
    port = free_port()
    index_dir = tmp_path / "fresh-index"
    server = start_cli(
        "serve",
        "--port",
        str(port),
        "--index",
        str(index_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/api/search?q=broomsticks"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    data = json.load(response)
                    server_header = response.headers["Server"]
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        assert data["total"] == 1
        assert server_header == "gunicorn"  # not Werkzeug's development server
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert "No index in" in output and "Indexed 5 articles" in output

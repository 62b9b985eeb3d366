from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import NEWSWEEK, POLNEAR, SEEDS

from searchapp.corpus import MAX_PARAGRAPH_CHARS, CorpusReport, read_corpus, split_paragraphs


def test_seed_files_are_read_verbatim_into_paragraphs():
    articles = {a.id: a for a in read_corpus(SEEDS)}
    assert len(articles) == 5
    newsweek = articles[NEWSWEEK]
    assert newsweek.paragraphs[0].startswith("Russia will end its cooperation")
    assert newsweek.outlet is None and newsweek.date is None and newsweek.title is None
    raw = (SEEDS / f"{NEWSWEEK}.txt").read_text()
    assert "\n\n".join(newsweek.paragraphs) == raw.strip()


def test_single_line_breaks_stay_inside_a_paragraph():
    assert split_paragraphs("a\nb\n\n  \nc\r\n\r\nd") == ("a\nb", "c", "d")


def test_a_giant_paragraph_is_cut_at_spaces_so_no_hit_carries_megabytes(tmp_path: Path):
    words = " ".join(f"word{n}" for n in range(60_000))  # about 470,000 characters
    pieces = split_paragraphs(f"Short one.\n\n{words}")
    assert pieces[0] == "Short one." and len(pieces) > 20
    assert all(len(piece) <= MAX_PARAGRAPH_CHARS for piece in pieces)
    assert " ".join(pieces[1:]) == words  # cut between words, nothing lost
    assert split_paragraphs("x" * 45_000) == ("x" * 20_000, "x" * 20_000, "x" * 5_000)


def test_front_matter_gives_metadata(tmp_path: Path):
    (tmp_path / "a.md").write_text(
        '---\ntitle: "Hello: world"\noutlet: Politico\ndate: 2016-09-12\n'
        "author: Jane Doe\nurl: https://example.org/a\n---\nFirst.\n\nSecond.\n"
    )
    [article] = read_corpus(tmp_path)
    assert (article.id, article.title, article.outlet, article.author) == (
        "a",
        "Hello: world",
        "Politico",
        "Jane Doe",
    )
    assert article.date == dt.date(2016, 9, 12)
    assert article.paragraphs == ("First.", "Second.")


def test_jsonl_holds_one_article_per_line_and_bad_lines_are_skipped(tmp_path: Path):
    lines = [
        json.dumps({"id": "x1", "text": "One.\n\nTwo.", "outlet": "Reuters", "date": "2022-04-02"}),
        "{not json",
        json.dumps({"text": "no id"}),
        json.dumps({"id": "x2", "text": "Three."}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n")
    report = CorpusReport()
    articles = list(read_corpus(tmp_path, report))
    assert [a.id for a in articles] == ["x1", "x2"]
    assert articles[0].outlet == "Reuters" and articles[0].date == dt.date(2022, 4, 2)
    reasons = {s.source: s.reason for s in report.skipped}
    assert reasons["batch.jsonl:2"].startswith("invalid JSON")
    assert "'id'" in reasons["batch.jsonl:3"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"\n  \n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Caf\u00e9 au lait".encode("latin-1"), "not valid UTF-8"),
        ("broken.md", b"---\ntitle: [unclosed\n---\nBody.\n", "front matter is not valid YAML"),
        ("baddate.md", b"---\ndate: someday\n---\nBody.\n", "not a YYYY-MM-DD date"),
    ],
)
def test_broken_files_are_reported_and_skipped(tmp_path: Path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text("A good paragraph.")
    report = CorpusReport()
    assert [a.id for a in read_corpus(tmp_path, report)] == ["good"]
    [skipped] = report.skipped
    assert skipped.source == name and reason in skipped.reason


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR corpus not available")
def test_polnear_front_matter_is_read():
    articles = list(read_corpus(POLNEAR / "dev" / "articles"))
    assert len(articles) == 84
    assert all(a.outlet and a.date and a.title for a in articles)

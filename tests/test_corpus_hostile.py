"""A hostile corpus costs its bad files and nothing else (issue 11).

Every file here once stopped a reindex, blew up its memory, or was indexed when it should
not have been. Each must now be reported with a short reason while the good files around
it are indexed, and what is indexed must be exactly what was read.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import SEEDS
from test_incremental import export, hits

from searchapp import indexing
from searchapp.cli import main
from searchapp.frontmatter import MAX_NESTING, FrontMatterError, split_front_matter
from searchapp.generations import current_generation
from searchapp.indexing import reindex
from searchapp.manifest import MANIFEST_FILE

GOOD = "A good paragraph about zeppelins."
MAX_LINE = 300  # a skipped-file line: path, colon, reason of at most 200 characters
ALIAS = "front matter uses a YAML alias (*name"


def front_matter(yaml: str, body: str = GOOD) -> bytes:
    return f"---\n{yaml}\n---\n{body}\n".encode()


def laughs(last: str) -> str:
    """Nine levels of nine aliases each: 387 million strings once expanded."""
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        rows.append(f"{name}: &{name} [{','.join(f'*{prev}' for _ in range(9))}]")
    return "\n".join([*rows, last])


def jsonl(name: str, bad: str) -> bytes:
    """A good line (id `jl-NAME`), then the bad one."""
    good = json.dumps({"id": f"jl-{name}", "text": GOOD})
    return f"{good}\n{bad}\n".encode()


# name → (content, the reason it is skipped with); the file's good neighbours are indexed.
BROKEN: dict[str, tuple[bytes, str]] = {
    "feb30.md": (front_matter("date: 2016-02-30"), "not a YYYY-MM-DD date: '2016-02-30'"),
    "year0.md": (front_matter("date: 0000-01-01"), "not a YYYY-MM-DD date: '0000-01-01'"),
    "month13.md": (front_matter("date: 2016-13-01"), "not a YYYY-MM-DD date"),
    "longtitle.md": (front_matter("title: " + "9" * 5000), "'title' is longer than 1000"),
    "longdate.md": (front_matter("date: x" + "y" * 60_000), "not a YYYY-MM-DD date"),
    "binarytitle.md": (front_matter("title: !!binary aGVsbG8="), "'title' must be text"),
    "deepyaml.md": (
        front_matter("foo: " + "[" * 20_000 + "]" * 20_000),
        "nest",
    ),  # libyaml: "nesting depth"
    "bigyaml.md": (front_matter("foo: " + "x" * 70_000), "front matter is longer than 64 KB"),
    "laughs.md": (front_matter(laughs("title: *i")), ALIAS),
    "datebomb.md": (front_matter(laughs("date: *i")), ALIAS),
    "badkey.md": (front_matter("? [a, b]\n: c"), "not valid YAML: found unhashable key (line 2)"),
}
BROKEN_LINES: dict[str, tuple[bytes, str]] = {
    "bigint.jsonl": (
        jsonl("bigint", '{"id": "big", "text": "t", "n": ' + "9" * 5000 + "}"),
        "invalid JSON: Exceeds the limit",
    ),
    "deep.jsonl": (jsonl("deep", "[" * 100_000 + "]" * 100_000), "nested too deeply"),
    "surrogate.jsonl": (
        jsonl("surrogate", '{"id": "x\\ud800", "text": "t"}'),
        "'id' holds an unpaired surrogate (\\ud800)",
    ),
}
# Odd but harmless: a key the indexer does not use cannot cost the article.
HARMLESS: dict[str, bytes] = {
    "foodate.md": front_matter("foo: 2016-13-01\nbar: 2016-02-30"),
    "fooint.md": front_matter("foo: !!int abc\nbar: " + "9" * 5000),
    "intkeys.md": front_matter("1: one\n2016-01-01: new year\ntitle: Numbered keys"),
    "noclose.md": b"---\nNot front matter, no closing line.\n\n" + GOOD.encode(),
}


def write_hostile(folder: Path) -> None:
    """Every hostile file of this module in `folder`; bench runs use it too."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (content, _) in {**BROKEN, **BROKEN_LINES}.items():
        (folder / name).write_bytes(content)
    for name, content in HARMLESS.items():
        (folder / name).write_bytes(content)
    (folder / "good.txt").write_text(GOOD)
    with open(os.fsencode(folder) + b"/bad\xff.txt", "wb") as handle:
        handle.write(GOOD.encode())


def reindex_cli(runner, source: Path, index_dir: Path, *args: str):
    result = runner.invoke(
        main, ["reindex", "--source", str(source), "--index", str(index_dir), *args]
    )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert all(len(line) <= MAX_LINE for line in result.output.splitlines())
    return result.output


def reported(output: str, source: str) -> str:
    """The reason the reindex output gives for skipping `source`."""
    [reason] = [line for line in output.splitlines() if line.startswith(f"  {source}: ")]
    return reason.removeprefix(f"  {source}: ")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """An empty corpus folder for a test to fill."""
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


def indexed_articles(index_dir: Path) -> set[str]:
    return {doc["article_id"] for doc in export(index_dir)}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_text_file_is_reported_and_the_rest_indexed(tmp_path, runner, name, source):
    content, reason = BROKEN[name]
    (source / name).write_bytes(content)
    (source / "good.txt").write_text(GOOD)
    output = reindex_cli(runner, source, tmp_path / "index")
    assert "Indexed 1 article," in output
    assert reason in reported(output, name)
    assert indexed_articles(tmp_path / "index") == {"good"}


@pytest.mark.parametrize("name", sorted(BROKEN_LINES))
def test_a_broken_json_line_costs_that_line_only(tmp_path, runner, name, source):
    content, reason = BROKEN_LINES[name]
    (source / name).write_bytes(content)
    output = reindex_cli(runner, source, tmp_path / "index")
    assert reason in reported(output, f"{name}:2")
    assert indexed_articles(tmp_path / "index") == {f"jl-{Path(name).stem}"}


@pytest.mark.parametrize("name", sorted(HARMLESS))
def test_odd_values_in_keys_the_indexer_does_not_use_are_harmless(tmp_path, runner, name, source):
    (source / f"{name}").write_bytes(HARMLESS[name])
    output = reindex_cli(runner, source, tmp_path / "index")
    assert "Skipped 0 of 1 files." in output
    assert indexed_articles(tmp_path / "index") == {Path(name).stem}


def test_a_file_name_that_is_not_utf8_is_reported(tmp_path, runner, source):
    (source / "good.txt").write_text(GOOD)
    with open(os.fsencode(source) + b"/bad\xff.txt", "wb") as handle:
        handle.write(b"Another good paragraph.")
    output = reindex_cli(runner, source, tmp_path / "index")
    assert "  bad\\xff.txt: file name is not valid UTF-8" in output
    assert indexed_articles(tmp_path / "index") == {"good"}


def test_alias_bombs_and_long_values_leave_the_manifest_small(tmp_path, runner):
    source = tmp_path / "articles"
    write_hostile(source)
    index_dir = tmp_path / "index"
    reindex_cli(runner, source, index_dir)
    manifest = current_generation(index_dir) / MANIFEST_FILE
    assert manifest.stat().st_size < 20_000
    again = reindex_cli(runner, source, index_dir)  # reasons come back from the manifest
    assert "Only changes were read: 0 added or changed" in again


def test_a_hostile_corpus_indexes_every_good_article_and_reports_every_bad_one(
    corpus: Path, tmp_path, runner
):
    write_hostile(corpus)
    index_dir = tmp_path / "index"
    output = reindex_cli(runner, corpus, index_dir)
    seeds = {path.stem for path in SEEDS.iterdir()}
    harmless = {Path(name).stem for name in HARMLESS}
    lines = {f"jl-{Path(name).stem}" for name in BROKEN_LINES}
    assert indexed_articles(index_dir) == seeds | harmless | lines | {"good"}
    for name, (_, reason) in BROKEN.items():
        assert reason in reported(output, name)
    for name, (_, reason) in BROKEN_LINES.items():
        assert reason in reported(output, f"{name}:2")
    assert reported(output, "bad\\xff.txt") == "file name is not valid UTF-8"
    broken = len(BROKEN) + len(BROKEN_LINES) + 1
    files = len(seeds) + broken + len(HARMLESS) + 1
    assert f"Skipped {broken} of {files} files:" in output
    assert reindex_cli(runner, corpus, index_dir).splitlines()[2:] == output.splitlines()[1:]


def test_json_lines_end_at_newlines_only(tmp_path, source):
    """U+2028, U+0085, form feeds and friends are allowed raw inside JSON strings."""
    text = "One\u2028two\u0085three\x0cfour\x1cfive\u2029six."
    lines = [
        json.dumps({"id": "odd", "text": text}, ensure_ascii=False),
        '{"id": "b", "text": "B."}',
    ]
    (source / "odd.jsonl").write_bytes("\r\n".join(lines).encode())
    report = reindex(source, tmp_path / "index")
    assert report.skipped == [] and report.articles == 2
    [odd] = [doc for doc in export(tmp_path / "index") if doc["article_id"] == "odd"]
    assert "two" in odd["text"] and "six" in odd["text"]


# --- The corpus boundary -------------------------------------------------------------------


def test_links_are_not_followed_and_are_reported(tmp_path, runner):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The root password is swordfish.")
    source = tmp_path / "articles"
    (source / "sub").mkdir(parents=True)
    (source / "good.txt").write_text(GOOD)
    (source / "inside.txt").write_text("A paragraph about balloons.")
    (source / "secret.txt").symlink_to(outside / "secret.txt")
    (source / "outside").symlink_to(outside, target_is_directory=True)
    (source / "sub" / "twin.txt").symlink_to(source / "inside.txt")
    (source / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (source / "loop.txt").symlink_to(source / "loop.txt")
    (source / "notes.csv").symlink_to(outside / "secret.txt")  # not a corpus file: ignored
    index_dir = tmp_path / "index"
    output = reindex_cli(runner, source, index_dir)
    assert hits(index_dir, "swordfish") == []
    assert indexed_articles(index_dir) == {"good", "inside"}
    assert "  secret.txt: symbolic link to outside the corpus folder" in output
    assert "  outside: symbolic link to outside the corpus folder" in output
    assert "  sub/twin.txt: symbolic link (links are not followed" in output
    assert "  gone.txt: dangling symbolic link" in output
    assert "  loop.txt: symbolic link loop" in output
    assert "Skipped 5 of 7 files:" in output


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, runner, monkeypatch):
    source = tmp_path / "articles"
    (source / "locked").mkdir(parents=True)
    (source / "locked" / "hidden.txt").write_text("Hidden.")
    (source / "good.txt").write_text(GOOD)
    scandir = os.scandir

    def refusing(path):  # root ignores chmod 000, so refuse the way the kernel would
        if Path(path) == source / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    output = reindex_cli(runner, source, tmp_path / "index")
    assert "  locked: folder cannot be read: Permission denied" in output
    assert indexed_articles(tmp_path / "index") == {"good"}


# --- Read once, hash what was read ----------------------------------------------------------


def two_files(tmp_path: Path) -> tuple[Path, Path, Path]:
    source = tmp_path / "articles"
    source.mkdir()
    (source / "a.txt").write_text("Version one talks about zeppelins.")
    (source / "b.txt").write_text("B stays the same.")
    index_dir = tmp_path / "index"
    reindex(source, index_dir)
    return source, source / "a.txt", index_dir


def assert_next_reindex_matches_full(source: Path, index_dir: Path, tmp_path: Path) -> None:
    report = reindex(source, index_dir)
    assert report.incremental
    full = tmp_path / "full"
    shutil.rmtree(full, ignore_errors=True)
    reindex(source, full, full=True)
    assert export(index_dir) == export(full)


def test_a_file_rewritten_between_scan_and_read_is_indexed_as_read(tmp_path, monkeypatch):
    source, changed, index_dir = two_files(tmp_path)
    changed.write_text("Version two talks about balloons.")
    load = indexing._load_file

    def rewrite_first(src):
        if src.path == changed:
            changed.write_text("Version three talks about airships, at more length.")
        return load(src)

    monkeypatch.setattr(indexing, "_load_file", rewrite_first)
    reindex(source, index_dir)
    assert hits(index_dir, "airships") == ["a:0"]
    monkeypatch.undo()
    changed.write_text("Version two talks about balloons.")  # back to what the scan saw
    assert_next_reindex_matches_full(source, index_dir, tmp_path)
    assert hits(index_dir, "balloons") == ["a:0"]


def test_a_file_caught_mid_rewrite_is_not_recorded_as_read(tmp_path, monkeypatch):
    """A copy over the file truncates it first: the read sees nothing, the file a moment
    later is whole again, with the content the scan hashed."""
    source, changed, index_dir = two_files(tmp_path)
    final = "Version two talks about balloons."
    changed.write_text(final)
    read_all = indexing._read_all
    reads = []

    def truncated_while_read(handle):
        if handle.name == str(changed):
            reads.append(1)
            if len(reads) > 1:  # the scan reads it whole; every later read is caught
                changed.write_text("")
                raw = read_all(handle)
                changed.write_text(final)
                return raw
        return read_all(handle)

    monkeypatch.setattr(indexing, "_read_all", truncated_while_read)
    report = reindex(source, index_dir)
    assert [(s.source, s.reason) for s in report.skipped] == [
        ("a.txt", "changed while being read; the next reindex reads it again")
    ]
    monkeypatch.undo()
    assert_next_reindex_matches_full(source, index_dir, tmp_path)
    assert hits(index_dir, "balloons") == ["a:0"]


def test_a_file_rewritten_once_during_the_read_is_read_again(tmp_path, monkeypatch):
    source, changed, index_dir = two_files(tmp_path)
    changed.write_text("Version two talks about balloons.")
    read_all = indexing._read_all
    reads = []

    def rewritten_during_second_read(handle):
        raw = read_all(handle)
        if handle.name == str(changed):
            reads.append(1)
            if len(reads) == 2:
                changed.write_text("Version three talks about airships, at more length.")
        return raw

    monkeypatch.setattr(indexing, "_read_all", rewritten_during_second_read)
    report = reindex(source, index_dir)
    assert report.skipped == []
    assert hits(index_dir, "airships") == ["a:0"] and hits(index_dir, "balloons") == []
    monkeypatch.undo()
    assert_next_reindex_matches_full(source, index_dir, tmp_path)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="the depth limit is libyaml's path")
@pytest.mark.parametrize("depth", [49, 51])
def test_front_matter_nested_past_the_limit_is_refused_before_it_is_built(depth):
    """libyaml builds nodes recursively: depth is judged on its events first."""
    yaml_text = "foo: " + "[" * depth + "1" + "]" * depth
    text = front_matter(yaml_text).decode()
    if depth <= MAX_NESTING:
        assert split_front_matter(text)[0]["foo"]
    else:
        with pytest.raises(FrontMatterError, match="nested too deeply"):
            split_front_matter(text)

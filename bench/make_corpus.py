"""Build an archive-sized corpus by replicating PolNeAR articles with shifted dates.

PolNeAR has about 17,000 paragraphs; the archives we must serve have up to a million. Real
text keeps term statistics, quotes and speakers realistic, so we copy the articles rather than
generate text. Each replica gets new article ids (the id is the file stem) and its dates move
by 37 days per replica, so the month facet spreads over years as in a real archive.

    python bench/make_corpus.py 200k [--dest /tmp/searchapp-bench/corpus-200k]

Corpora go to a work directory, never into the repository. A marker file records what was
built, so a second call with the same target reuses the corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
from pathlib import Path

DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "shared/corpora/polnear"
DEFAULT_WORKDIR = Path("/tmp/searchapp-bench")
SPLITS = ("train", "dev")
SHIFT_DAYS = 37
MARKER = "BENCH_CORPUS.json"  # not .txt/.md/.jsonl, so the indexer does not read it

_FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.DOTALL)
_DATE_LINE = re.compile(r"^(date:[ \t]*[\"']?)(\d{4}-\d{2}-\d{2})", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def parse_size(text: str) -> int:
    """'20k' → 20,000; '1M' → 1,000,000; '1500' → 1,500."""
    text = text.strip().replace("_", "").replace(",", "")
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:].lower(), 1)
    number = text[:-1] if scale > 1 else text
    return int(float(number) * scale)


def size_label(paragraphs: int) -> str:
    """1,000,000 → '1M'; 200,000 → '200k'; other numbers as they are."""
    if paragraphs % 1_000_000 == 0:
        return f"{paragraphs // 1_000_000}M"
    if paragraphs % 1_000 == 0:
        return f"{paragraphs // 1_000}k"
    return str(paragraphs)


def source_articles(source: Path = DEFAULT_SOURCE) -> list[Path]:
    """The PolNeAR article files, train then dev, in a fixed order."""
    files = [
        path for split in SPLITS for path in sorted((source / split / "articles").glob("*.txt"))
    ]
    if not files:
        raise FileNotFoundError(f"no PolNeAR articles under {source}/{{train,dev}}/articles")
    return files


def count_paragraphs(text: str) -> int:
    """Non-empty blank-line-separated blocks after the front matter."""
    body = _FRONT_MATTER.sub("", text, count=1)
    return sum(1 for block in _BLANK_LINE.split(body) if block.strip())


def shift_date(text: str, days: int) -> str:
    """The article with its front-matter date moved by `days`; everything else unchanged."""
    if days == 0:
        return text
    front = _FRONT_MATTER.match(text)
    if not front:
        return text

    def moved(match: re.Match[str]) -> str:
        day = dt.date.fromisoformat(match.group(2)) + dt.timedelta(days=days)
        return match.group(1) + day.isoformat()

    return _DATE_LINE.sub(moved, front.group(), count=1) + text[front.end() :]


def make_corpus(target_paragraphs: int, dest: Path, source: Path = DEFAULT_SOURCE) -> int:
    """Fill `dest` with replicas until it holds `target_paragraphs`; return the count.

    Reuses `dest` when its marker says it was built for the same target.
    """
    existing = read_marker(dest)
    if existing and existing.get("target") == target_paragraphs:
        return int(existing["paragraphs"])
    if dest.exists():
        _remove_corpus(dest)
    originals = [(path.stem, path.read_text(encoding="utf-8")) for path in source_articles(source)]
    counts = [count_paragraphs(text) for _, text in originals]
    paragraphs = articles = 0
    replica = 0
    while paragraphs < target_paragraphs:
        folder = dest / f"r{replica:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for (stem, text), count in zip(originals, counts, strict=True):
            out = folder / f"r{replica:03d}-{stem}.txt"
            out.write_text(shift_date(text, replica * SHIFT_DAYS), encoding="utf-8", newline="")
            paragraphs += count
            articles += 1
            if paragraphs >= target_paragraphs:
                break
        replica += 1
    marker = {
        "target": target_paragraphs,
        "paragraphs": paragraphs,
        "articles": articles,
        "replicas": replica,
        "source": str(source),
    }
    (dest / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    return paragraphs


def read_marker(dest: Path) -> dict | None:
    """What `make_corpus` recorded for `dest`, or None if it never finished there."""
    try:
        return json.loads((dest / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _remove_corpus(dest: Path) -> None:
    """Delete a stale or half-built corpus, refusing folders that hold anything else."""
    foreign = [
        p.name for p in dest.iterdir() if p.name != MARKER and not re.match(r"r\d{3}$", p.name)
    ]
    if foreign:
        raise FileExistsError(f"{dest} holds files make_corpus did not write: {foreign[:5]}")
    shutil.rmtree(dest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", help="paragraphs wanted, e.g. 20k, 200k, 1M")
    parser.add_argument("--dest", type=Path, help="default: /tmp/searchapp-bench/corpus-SIZE")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="PolNeAR folder")
    args = parser.parse_args()
    target = parse_size(args.size)
    dest = args.dest or DEFAULT_WORKDIR / f"corpus-{size_label(target)}"
    try:
        count = make_corpus(target, dest, args.source)
    except (FileNotFoundError, FileExistsError) as problem:
        sys.exit(str(problem))
    marker = read_marker(dest) or {}
    print(f"{dest}: {count:,} paragraphs in {marker.get('articles', '?'):,} articles")


if __name__ == "__main__":
    main()

"""What a generation was built from, so the next reindex can touch only what changed.

Per source file: the hash of the bytes that were parsed (not of an earlier or later read:
a file rewritten during a reindex must look changed to the next one), the articles it
held, which of them were indexed (a later file repeating an id is skipped), what could not
be read, and the speaker names its paragraphs used, as written. The name counts let
corpus-wide names be recomputed without re-extracting unchanged articles. A manifest is
only trusted when the code that extracts and indexes is the code that wrote it
(`pipeline_fingerprint`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MANIFEST_FILE = "manifest.json"
_PACKAGE = Path(__file__).resolve().parent
# The code whose output the index holds: changing any of it makes stored paragraphs stale.
_PIPELINE = (
    "corpus.py",
    "paragraphs.py",
    "extract/*.py",
    "extract/*.json",  # the attribution model
    "engine/schema.py",
    "engine/analysis.py",
)


@dataclass
class FileRecord:
    hash: str
    ids: list[str] = field(default_factory=list)  # every readable article id, in file order
    indexed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    names: dict[str, int] = field(default_factory=dict)  # paragraphs per speaker name
    paragraphs: int = 0


@dataclass
class Manifest:
    pipeline: str
    files: dict[str, FileRecord] = field(default_factory=dict)  # by path within the source

    def name_counts(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for record in self.files.values():
            counts.update(record.names)
        return counts

    def save(self, folder: Path) -> None:
        files = {label: vars(record) for label, record in self.files.items()}  # asdict: 10× slower
        data = {"pipeline": self.pipeline, "files": files}
        tmp = folder / f"{MANIFEST_FILE}.tmp"
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # not the locale's
        tmp.replace(folder / MANIFEST_FILE)

    @classmethod
    def load(cls, folder: Path) -> Manifest | None:
        """The manifest of `folder` if the current code wrote it; else None."""
        try:
            data = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None
        if data.get("pipeline") != pipeline_fingerprint():
            return None
        files = {}
        for label, record in data["files"].items():
            record["skipped"] = [tuple(pair) for pair in record["skipped"]]
            files[label] = FileRecord(**record)
        return cls(data["pipeline"], files)


def content_hash(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


@cache
def pipeline_fingerprint() -> str:
    digest = hashlib.blake2b(digest_size=12)
    for pattern in _PIPELINE:
        for path in sorted(_PACKAGE.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()

"""SQLite FTS5 doing the same work as one searchapp request, as a yardstick for latency.

The machine is shared and noisy, so a millisecond figure alone says little; the ratio to a
well-known engine measured in the same loop does. The peer loads the `searchapp export` of
the very index under test, so both engines hold identical extracted paragraphs. Per request
it does what `search()` does: count all matches under every filter, rank one page (body
paragraphs first, then BM25) with LIMIT/OFFSET, build snippets, read the stored documents of
that page, and count three disjunctive facets (outlet, speaker, month), each under every
other facet's filter but not its own.

    python bench/fts5_peer.py EXPORT.jsonl DB.sqlite   # load and print load figures
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

UNKNOWN = "_unknown"
FACET_SIZE = 10
SNIPPET_TOKENS = 40
_BATCH = 5_000

_SCHEMA = (
    "CREATE VIRTUAL TABLE p USING fts5("
    "text, title, quote, speaker, outlet, author, tokenize='porter unicode61')",
    "CREATE TABLE meta (rowid INTEGER PRIMARY KEY, kind TEXT, outlet TEXT, month TEXT, day TEXT)",
    "CREATE TABLE ps (rowid INTEGER NOT NULL, speaker TEXT NOT NULL)",
    # The stored document, read back for the hits of a page as searchapp reads stored fields.
    "CREATE TABLE docs (rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL)",
)
_INDEXES = (
    "CREATE INDEX meta_outlet ON meta (outlet)",
    "CREATE INDEX meta_month ON meta (month)",
    "CREATE INDEX meta_day ON meta (day)",
    "CREATE INDEX ps_rowid ON ps (rowid, speaker)",
    "CREATE INDEX ps_speaker ON ps (speaker, rowid)",
)


@dataclass(frozen=True)
class LoadStats:
    paragraphs: int
    seconds: float
    db_bytes: int

    @property
    def per_second(self) -> float:
        return self.paragraphs / self.seconds if self.seconds else 0.0


@dataclass
class PeerResult:
    """What one request produced; enough to compare with searchapp's result."""

    total: int
    hits: list[tuple[str, str, float | None]]  # (paragraph id, snippet, bm25 or None)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)


def load(export: Path, db_path: Path) -> tuple[Fts5Peer, LoadStats]:
    """Build `db_path` afresh from a `searchapp export` JSONL file; time the whole build."""
    for stale in (db_path, db_path.with_name(db_path.name + "-journal")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    for statement in _SCHEMA:
        db.execute(statement)
    count = 0
    with export.open(encoding="utf-8") as lines:
        rows = enumerate(lines, start=1)
        while batch := list(islice(rows, _BATCH)):
            _insert(db, batch)
            count += len(batch)
    for statement in _INDEXES:
        db.execute(statement)
    db.execute("INSERT INTO p(p) VALUES ('optimize')")
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    seconds = time.perf_counter() - started
    return Fts5Peer(db), LoadStats(count, seconds, db_path.stat().st_size)


def _insert(db: sqlite3.Connection, batch: list[tuple[int, str]]) -> None:
    fts, meta, speakers, docs = [], [], [], []
    for rowid, line in batch:
        doc = json.loads(line)
        quotes = "\n".join(quote["text"] for quote in doc.get("quotes") or ())
        names = list(dict.fromkeys(doc.get("speakers") or ()))
        date = doc.get("date")
        fts.append(
            (
                rowid,
                doc["text"],
                doc.get("title") or "",
                quotes,
                "\n".join(names),
                doc.get("outlet") or "",
                doc.get("author") or "",
            )
        )
        meta.append((rowid, doc["kind"], doc.get("outlet"), date and date[:7], date))
        speakers.extend((rowid, name) for name in names)
        docs.append((rowid, line))
    with db:
        db.executemany(
            "INSERT INTO p (rowid, text, title, quote, speaker, outlet, author)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            fts,
        )
        db.executemany("INSERT INTO meta VALUES (?, ?, ?, ?, ?)", meta)
        db.executemany("INSERT INTO ps VALUES (?, ?)", speakers)
        db.executemany("INSERT INTO docs VALUES (?, ?)", docs)


class Fts5Peer:
    """Answers benchmark requests from a database built by `load`."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    @classmethod
    def open(cls, db_path: Path) -> Fts5Peer:
        return cls(sqlite3.connect(db_path))

    def close(self) -> None:
        self.db.close()

    def search(self, params: Mapping[str, Sequence[str]], match: str) -> PeerResult:
        """Run one request: `params` as in the API, `match` the FTS5 expression ("" browses)."""
        request = _Request.from_params(params, match)
        total = self._count(request, skip=None)
        hits = self._page(request)
        result = PeerResult(total, hits)
        for facet in ("outlet", "speaker", "month"):
            result.facets[facet], result.unknown[facet] = self._facet(request, facet)
        return result

    def _count(self, request: _Request, skip: str | None) -> int:
        source, where, args = request.where(skip)
        return self.db.execute(f"SELECT count(*) FROM {source} WHERE {where}", args).fetchone()[0]

    def _page(self, request: _Request) -> list[tuple[str, str, float | None]]:
        source, where, args = request.where(None)
        if request.match:
            columns = f"m.rowid, snippet(p, 0, '<mark>', '</mark>', '…', {SNIPPET_TOKENS}), bm25(p)"
        else:
            columns = "m.rowid, NULL, NULL"
        if request.sort == "relevance" and request.match:
            order = "m.kind != 'body', bm25(p)"
        elif request.sort == "date_asc":
            order = "m.day IS NULL, m.day"
        else:  # date_desc, and relevance with nothing to rank by; NULL days sort last
            order = "m.day DESC"
        rows = self.db.execute(
            f"SELECT {columns} FROM {source} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*args, request.per_page, request.offset],
        ).fetchall()
        docs = self._docs([rowid for rowid, _, _ in rows])
        scored = request.sort == "relevance" and bool(request.match)
        hits = []
        for rowid, snippet, score in rows:
            doc = docs[rowid]
            hits.append((doc["id"], snippet or doc["text"][:320], score if scored else None))
        return hits

    def _docs(self, rowids: list[int]) -> dict[int, dict]:
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        rows = self.db.execute(f"SELECT rowid, doc FROM docs WHERE rowid IN ({marks})", rowids)
        return {rowid: json.loads(doc) for rowid, doc in rows}

    def _facet(self, request: _Request, facet: str) -> tuple[list[tuple[str, int]], int]:
        source, where, args = request.where(skip=facet)
        if facet == "speaker":
            top = self.db.execute(
                f"SELECT s.speaker, count(*) FROM {source} JOIN ps s ON s.rowid = m.rowid "
                f"WHERE {where} GROUP BY s.speaker ORDER BY 2 DESC, 1 LIMIT {FACET_SIZE}",
                args,
            ).fetchall()
            unknown = self.db.execute(
                f"SELECT count(*) FROM {source} WHERE {where} "
                "AND NOT EXISTS (SELECT 1 FROM ps WHERE ps.rowid = m.rowid)",
                args,
            ).fetchone()[0]
            return top, unknown
        counts = dict(
            self.db.execute(
                f"SELECT m.{facet}, count(*) FROM {source} WHERE {where} GROUP BY m.{facet}", args
            ).fetchall()
        )
        unknown = counts.pop(None, 0)
        if facet == "month":  # chronological, newest first, as searchapp lists months
            ranked = sorted(counts.items(), reverse=True)
        else:
            ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
        return ranked[:FACET_SIZE], unknown


@dataclass(frozen=True)
class _Request:
    match: str
    outlet: tuple[str, ...]
    speaker: tuple[str, ...]
    month: tuple[str, ...]
    day_from: str
    day_to: str
    sort: str
    page: int
    per_page: int

    @classmethod
    def from_params(cls, params: Mapping[str, Sequence[str]], match: str) -> _Request:
        def one(name: str, default: str = "") -> str:
            values = [value.strip() for value in params.get(name) or ()]
            return values[-1] if values and values[-1] else default

        def many(name: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(v.strip() for v in params.get(name) or () if v.strip()))

        return cls(
            match=match.strip(),
            outlet=many("outlet"),
            speaker=many("speaker"),
            month=many("date"),
            day_from=one("from"),
            day_to=one("to"),
            sort=one("sort", "relevance"),
            page=int(one("page", "1")),
            per_page=int(one("per_page", "10")),
        )

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def where(self, skip: str | None) -> tuple[str, str, list[str]]:
        """FROM clause, WHERE clause and arguments: the match, the day range, and every
        facet filter but `skip`'s."""
        clauses: list[str] = []
        args: list[str] = []
        if self.match:
            source = "p JOIN meta m ON m.rowid = p.rowid"
            clauses.append("p MATCH ?")
            args.append(self.match)
        else:
            source = "meta m"
        if self.day_from:
            clauses.append("m.day >= ?")
            args.append(self.day_from)
        if self.day_to:
            clauses.append("m.day <= ?")
            args.append(self.day_to)
        for facet, column in (("outlet", "m.outlet"), ("month", "m.month")):
            values = getattr(self, facet)
            if values and facet != skip:
                clauses.append(_any_of(column, values, args))
        if self.speaker and skip != "speaker":
            clauses.append(_speaker_filter(self.speaker, args))
        return source, " AND ".join(clauses) or "1", args


def _any_of(column: str, values: Sequence[str], args: list[str]) -> str:
    known = [value for value in values if value != UNKNOWN]
    parts = [f"{column} IS NULL"] if UNKNOWN in values else []
    if known:
        parts.append(f"{column} IN ({','.join('?' * len(known))})")
        args.extend(known)
    return "(" + " OR ".join(parts) + ")"


def _speaker_filter(values: Sequence[str], args: list[str]) -> str:
    known = [value for value in values if value != UNKNOWN]
    parts = ["NOT EXISTS (SELECT 1 FROM ps WHERE ps.rowid = m.rowid)"] if UNKNOWN in values else []
    if known:
        parts.append(
            f"m.rowid IN (SELECT rowid FROM ps WHERE speaker IN ({','.join('?' * len(known))}))"
        )
        args.extend(known)
    return "(" + " OR ".join(parts) + ")"


def describe(stats: LoadStats) -> Iterable[str]:
    yield f"FTS5 load: {stats.paragraphs:,} paragraphs in {stats.seconds:.1f} s"
    yield f"  ({stats.per_second:,.0f} paragraphs/s), db {stats.db_bytes / 1e6:,.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path, help="output of `searchapp export`")
    parser.add_argument("db", type=Path, help="SQLite file to (re)create")
    args = parser.parse_args()
    peer, stats = load(args.export, args.db)
    peer.close()
    print("\n".join(describe(stats)))


if __name__ == "__main__":
    main()

"""The speaker facet as a list a person can audit: every value with its paragraphs and
the spellings the corpus-wide names merged into it, so a user can see why a name is there
(`searchapp speakers`, `GET /api/speakers`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from searchapp.engine import IndexSearcher
from searchapp.filters import fold
from searchapp.search_request import parse_whole_number

MAX_LIMIT = 500
_MAX_FILTER_CHARS = 200


@dataclass(frozen=True)
class Speaker:
    name: str
    paragraphs: int
    forms: tuple[str, ...]  # the spellings of the articles merged into `name`, itself included

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "paragraphs": self.paragraphs, "forms": list(self.forms)}


@dataclass(frozen=True)
class SpeakerList:
    total: int  # speakers matching the filter
    offset: int
    limit: int
    speakers: list[Speaker]

    def to_json(self) -> dict[str, object]:
        return {
            "total": self.total,
            "offset": self.offset,
            "limit": self.limit,
            "speakers": [speaker.to_json() for speaker in self.speakers],
        }


def list_speakers(
    searcher: IndexSearcher, contains: str = "", offset: int = 0, limit: int = 50
) -> SpeakerList:
    """Speakers by paragraphs quoting them, most first; `contains` keeps those whose name
    or a merged spelling contains it, compared case-, accent- and script-blind."""
    columns = searcher.columns
    counts = columns.facets["speaker"].counts(columns.live)
    forms: dict[str, set[str]] = defaultdict(set)
    for written, name in searcher.owner.names.items():
        if name in counts:
            forms[name].add(written)
    wanted = fold(contains[:_MAX_FILTER_CHARS])
    chosen = [
        name
        for name in counts
        if not wanted or any(wanted in fold(form) for form in (name, *forms[name]))
    ]
    chosen.sort(key=lambda name: (-counts[name], name.casefold(), name))
    page = chosen[offset : offset + limit]
    speakers = [
        Speaker(name, counts[name], tuple(sorted({name, *forms[name]}, key=str.casefold)))
        for name in page
    ]
    return SpeakerList(len(chosen), offset, limit, speakers)


def speaker_params(params: Mapping[str, Sequence[str]]) -> tuple[str, int, int]:
    """(contains, offset, limit) from query-string parameters; BadParameter otherwise."""

    def one(name: str) -> str:
        values = params.get(name) or [""]
        return values[-1]

    offset = parse_whole_number(one("offset"), "offset", 0, 0, 10_000_000)
    limit = parse_whole_number(one("limit"), "limit", 50, 1, MAX_LIMIT)
    return one("q").strip(), offset, limit

"""Read a folder of articles into `Article` objects.

This is the first arrow of the pipeline (files → articles). It knows about file formats and
nothing about extraction or indexing. Bad input never stops a run: every file or line that
cannot be read becomes a `SkippedSource` carrying the reason, and reading goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

ARTICLE_SUFFIXES = (".txt", ".md")
JSONL_SUFFIX = ".jsonl"
METADATA_KEYS = ("title", "outlet", "date", "author", "url")

# Paragraphs are separated by one or more blank (possibly whitespace-only) lines.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")


@dataclass(frozen=True)
class Article:
    """One article as its file gave it: metadata only where the source stated it."""

    id: str
    paragraphs: tuple[str, ...]
    source: str
    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    author: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class SkippedSource:
    """A file (or one line of a JSON Lines file) that was not indexed, and why."""

    source: str
    reason: str


@dataclass
class CorpusReport:
    """What `read_corpus` saw, for the reindex summary."""

    files: int = 0
    skipped: list[SkippedSource] = field(default_factory=list)


class ArticleError(ValueError):
    """The text cannot be turned into an article; the message is shown to the user."""


def split_paragraphs(body: str) -> tuple[str, ...]:
    """Split on blank lines; keep single line breaks inside a paragraph as written."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    parts = (part.strip() for part in _PARAGRAPH_BREAK.split(body))
    return tuple(part for part in parts if part)


def corpus_files(source: Path) -> list[Path]:
    """The files `read_corpus` reads, in the order it reads them (sorted paths)."""
    if not source.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {source}")
    suffixes = (*ARTICLE_SUFFIXES, JSONL_SUFFIX)
    return sorted(p for p in source.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)


def read_corpus(source: Path, report: CorpusReport | None = None) -> Iterator[Article]:
    """Yield every readable article under `source`, in a stable (sorted path) order.

    Unreadable files are recorded in `report.skipped` instead of raising, so one broken
    file never costs the rest of the corpus.
    """
    report = report if report is not None else CorpusReport()
    seen_ids: dict[str, str] = {}
    for path in corpus_files(source):
        report.files += 1
        label = str(path.relative_to(source))
        articles, skipped = read_file(path, label)
        report.skipped.extend(skipped)
        for article in articles:
            if article.id in seen_ids:
                report.skipped.append(duplicate(article.id, label, seen_ids[article.id]))
                continue
            seen_ids[article.id] = label
            yield article


def read_file(
    path: Path, label: str, raw: bytes | None = None
) -> tuple[list[Article], list[SkippedSource]]:
    """The articles of one file (`raw`: its bytes, if already read) and what in it could not
    be read; never raises."""
    report = CorpusReport()
    try:
        text = decode_text(path.read_bytes() if raw is None else raw)
    except (OSError, ArticleError) as error:
        return [], [SkippedSource(label, str(error))]
    if path.suffix.lower() == JSONL_SUFFIX:
        articles = _articles_from_jsonl(text, label, report)
    else:
        articles = _article_from_text_file(path.stem, text, label, report)
    return articles, report.skipped


def duplicate(article_id: str, label: str, first: str) -> SkippedSource:
    return SkippedSource(label, f"duplicate article id {article_id!r} (already read from {first})")


def decode_text(raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM), refusing binaries and other encodings clearly."""
    if not raw.strip():
        raise ArticleError("empty file")
    if b"\x00" in raw[:8192]:
        raise ArticleError("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"not valid UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start}"
        ) from None


def parse_article(article_id: str, text: str, source: str) -> Article:
    """Turn a text file's content (optional YAML front matter + body) into an Article."""
    if text.lstrip("\ufeff").startswith("---"):
        try:
            post = frontmatter.loads(text)
        except yaml.YAMLError as error:
            problem = str(error).splitlines()[0]
            raise ArticleError(f"front matter is not valid YAML: {problem}") from None
        metadata, body = post.metadata, post.content
        if not isinstance(metadata, dict):
            raise ArticleError("front matter must be a mapping of keys to values")
    else:
        metadata, body = {}, text
    return article_from_fields(article_id, body, metadata, source)


def article_from_fields(
    article_id: str, body: str, metadata: dict[str, object], source: str
) -> Article:
    """Validate metadata values and build the Article; shared by text and JSON Lines input."""
    paragraphs = split_paragraphs(body)
    if not paragraphs:
        raise ArticleError("no text after the front matter")
    values = {key: _clean_string(metadata.get(key), key) for key in METADATA_KEYS if key != "date"}
    return Article(
        id=article_id,
        paragraphs=paragraphs,
        source=source,
        date=_parse_metadata_date(metadata.get("date")),
        **values,
    )


def _article_from_text_file(
    stem: str, text: str, label: str, report: CorpusReport
) -> list[Article]:
    try:
        return [parse_article(stem, text, label)]
    except ArticleError as error:
        report.skipped.append(SkippedSource(label, str(error)))
        return []


def _articles_from_jsonl(text: str, label: str, report: CorpusReport) -> list[Article]:
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ArticleError("line is not a JSON object")
            article_id, body = record.get("id"), record.get("text")
            if not isinstance(article_id, str) or not article_id.strip():
                raise ArticleError("missing or empty string field 'id'")
            if not isinstance(body, str):
                raise ArticleError("missing string field 'text'")
            articles.append(article_from_fields(article_id.strip(), body, record, where))
        except json.JSONDecodeError as error:
            report.skipped.append(SkippedSource(where, f"invalid JSON: {error.msg}"))
        except ArticleError as error:
            report.skipped.append(SkippedSource(where, str(error)))
    return articles


def _clean_string(value: object, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        raise ArticleError(f"metadata {key!r} must be text, not a mapping")
    text = " ".join(str(value).split())
    return text or None


def _parse_metadata_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ArticleError(f"metadata 'date' is not a YYYY-MM-DD date: {value!r}") from None

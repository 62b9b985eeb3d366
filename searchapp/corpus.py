"""Read a folder of articles into `Article` objects.

This is the first arrow of the pipeline (files → articles). It knows about file formats and
nothing about extraction or indexing. Bad input never stops a run: every file or line that
cannot be read becomes a `SkippedSource` carrying the reason, and reading goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from searchapp.frontmatter import FrontMatterError, split_front_matter

ARTICLE_SUFFIXES = (".txt", ".md")
JSONL_SUFFIX = ".jsonl"
METADATA_KEYS = ("title", "outlet", "date", "author", "url")
MAX_METADATA_CHARS = 1_000
# Reasons are printed by every later reindex and stored in the manifest: keep them a line.
MAX_REASON_CHARS = 200

# The longest paragraph of PolNeAR has 16,173 characters; longer ones are cut at spaces.
MAX_PARAGRAPH_CHARS = 20_000

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
    """A file (or one line of a JSON Lines file) that was not indexed, and why.

    Both fields are cut to one short line: a hostile file must not be able to make the
    report (or the manifest, which repeats it on every later reindex) megabytes long.
    """

    source: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", short(self.source, 4 * MAX_REASON_CHARS))
        object.__setattr__(self, "reason", short(self.reason))


@dataclass
class CorpusReport:
    """What `read_corpus` saw, for the reindex summary."""

    files: int = 0
    skipped: list[SkippedSource] = field(default_factory=list)


class ArticleError(ValueError):
    """The text cannot be turned into an article; the message is shown to the user."""


def split_paragraphs(body: str) -> tuple[str, ...]:
    """Split on blank lines; keep single line breaks inside a paragraph as written.

    A paragraph longer than MAX_PARAGRAPH_CHARS is cut into pieces at spaces: every hit
    and every article page carries whole paragraphs, so one 50 MB paragraph made each
    search that found it answer 50 MB.
    """
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    parts = (part.strip() for part in _PARAGRAPH_BREAK.split(body))
    return tuple(piece for part in parts if part for piece in _pieces(part))


def _pieces(paragraph: str) -> list[str]:
    pieces, start = [], 0
    while len(paragraph) - start > MAX_PARAGRAPH_CHARS:
        end = start + MAX_PARAGRAPH_CHARS
        space = paragraph.rfind(" ", start + MAX_PARAGRAPH_CHARS // 2, end)
        end = space if space > 0 else end
        pieces.append(paragraph[start:end].strip())
        start = end
    pieces.append(paragraph[start:].strip())
    return [piece for piece in pieces if piece]


def short(text: str, limit: int = MAX_REASON_CHARS) -> str:
    """`text` on one line, printable in any terminal encoding, at most `limit` characters."""
    text = " ".join(text[: 4 * limit].split())  # cut first: a reason may quote megabytes
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def display_label(path: Path, source: Path) -> str:
    """A path within the corpus as text; undecodable bytes of a file name are shown as \\xNN."""
    return os.fsencode(path.relative_to(source)).decode("utf-8", "backslashreplace")


def corpus_files(source: Path, report: CorpusReport | None = None) -> list[Path]:
    """The files `read_corpus` reads, in the order it reads them (sorted paths).

    Symbolic links are never followed: a link inside the corpus can point anywhere on the
    machine, and whatever it reaches would be indexed and served. Links, folders that
    cannot be listed and file names that are not UTF-8 go to `report.skipped` (each counted
    as a file) so that nothing in the folder disappears without a word.
    """
    if not source.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {source}")
    report = report if report is not None else CorpusReport()
    suffixes = (*ARTICLE_SUFFIXES, JSONL_SUFFIX)
    found: list[Path] = []
    problems: list[SkippedSource] = []

    def refuse(path: Path, reason: str) -> None:
        problems.append(SkippedSource(display_label(path, source), reason))

    def walk(folder: Path) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError as error:
            refuse(folder, f"folder cannot be read: {error.strerror or error}")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    # A link to a file of another kind is as ignorable as that file.
                    if path.suffix.lower() in suffixes or not path.is_file():
                        refuse(path, _symlink_reason(path, source))
                    continue
                if entry.is_dir(follow_symlinks=False):
                    walk(path)
                    continue
                if path.suffix.lower() not in suffixes:
                    continue
                if not entry.is_file(follow_symlinks=False):
                    refuse(path, "not a regular file")
                    continue
            except OSError as error:
                refuse(path, f"cannot be read: {error.strerror or error}")
                continue
            try:
                os.fsencode(path.relative_to(source)).decode("utf-8")
            except UnicodeDecodeError:
                refuse(path, "file name is not valid UTF-8")
                continue
            found.append(path)

    walk(source)
    report.files += len(problems)
    report.skipped.extend(sorted(problems, key=lambda s: s.source))
    return sorted(found)


def _symlink_reason(path: Path, source: Path) -> str:
    """Why a link is skipped, naming what is wrong with its target when something is."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop (links are not followed)"
    except OSError:
        return "dangling symbolic link (its target does not exist)"
    if not target.is_relative_to(source.resolve()):
        return "symbolic link to outside the corpus folder (links are not followed)"
    return "symbolic link (links are not followed; put the file itself in the corpus)"


def read_corpus(source: Path, report: CorpusReport | None = None) -> Iterator[Article]:
    """Yield every readable article under `source`, in a stable (sorted path) order.

    Unreadable files are recorded in `report.skipped` instead of raising, so one broken
    file never costs the rest of the corpus.
    """
    report = report if report is not None else CorpusReport()
    seen_ids: dict[str, str] = {}
    for path in corpus_files(source, report):
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
    be read; never raises.

    Any exception, not only the expected ones, costs this file (or this JSON line) and
    nothing else: parsers have failure modes nobody lists (recursion limits, integer
    digit limits, invalid calendar dates), and one bad file must not stop a reindex.
    """
    report = CorpusReport()
    try:
        text = decode_text(path.read_bytes() if raw is None else raw)
        if path.suffix.lower() == JSONL_SUFFIX:
            articles = _articles_from_jsonl(text, label, report)
        else:
            articles = _article_from_text_file(path.stem, text, label, report)
    except OSError as error:
        return [], [SkippedSource(label, f"cannot be read: {error.strerror or error}")]
    except ArticleError as error:
        return [], [SkippedSource(label, str(error))]
    except Exception as error:  # noqa: BLE001 - see the docstring
        return [], [SkippedSource(label, unexpected(error))]
    return articles, report.skipped


def unexpected(error: BaseException) -> str:
    """A one-line reason for an error no rule anticipated."""
    if isinstance(error, RecursionError):
        return "nested too deeply to read"
    return f"cannot be read: {type(error).__name__}: {error}"


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
    try:
        metadata, body = split_front_matter(text)
    except FrontMatterError as error:
        raise ArticleError(str(error)) from None
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
    # Only "\n" ends a record: str.splitlines() also splits on U+2028, U+0085, \x0c and
    # others, which JSON allows raw inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{label}:{number}"
        try:
            articles.append(_article_from_json_line(line, where))
        except ArticleError as error:
            report.skipped.append(SkippedSource(where, str(error)))
        except Exception as error:  # noqa: BLE001 - one line costs that line only
            report.skipped.append(SkippedSource(where, unexpected(error)))
    return articles


def _article_from_json_line(line: str, where: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ArticleError(f"invalid JSON: {error.msg}") from None
    except ValueError as error:  # a number past Python's 4,300-digit limit
        raise ArticleError(f"invalid JSON: {error}") from None
    if not isinstance(record, dict):
        raise ArticleError("line is not a JSON object")
    article_id, body = record.get("id"), record.get("text")
    if not isinstance(article_id, str) or not article_id.strip():
        raise ArticleError("missing or empty string field 'id'")
    if not isinstance(body, str):
        raise ArticleError("missing string field 'text'")
    article_id = _checked_text(article_id.strip(), "id")
    if len(article_id) > MAX_METADATA_CHARS:
        raise ArticleError(f"'id' is longer than {MAX_METADATA_CHARS} characters")
    return article_from_fields(article_id, _checked_text(body, "text"), record, where)


def _checked_text(value: str, key: str) -> str:
    """`value`, if it can be stored: JSON's "\\ud800" escapes decode to lone surrogates,
    which no UTF-8 file (index, manifest, terminal) can hold."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(value[error.start])
        raise ArticleError(f"{key!r} holds an unpaired surrogate (\\u{code:04x})") from None
    return value


_SCALARS = (str, int, float, dt.date)


def _clean_string(value: object, key: str) -> str | None:
    """Text for a metadata field, or an error naming the field: a title that is a mapping,
    bytes or a megabyte long is a broken file, not a title."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        if not all(isinstance(item, _SCALARS) for item in value):
            raise ArticleError(f"metadata {key!r} must be text or a list of texts")
        value = ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        raise ArticleError(f"metadata {key!r} must be text, not a mapping")
    if not isinstance(value, _SCALARS):
        raise ArticleError(f"metadata {key!r} must be text, not {type(value).__name__}")
    text = " ".join(str(value).split())
    if len(text) > MAX_METADATA_CHARS:
        raise ArticleError(f"metadata {key!r} is longer than {MAX_METADATA_CHARS} characters")
    return _checked_text(text, f"metadata {key!r}") or None


def _parse_metadata_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, (str, int)):
        raise ArticleError(f"metadata 'date' is not a YYYY-MM-DD date: {type(value).__name__}")
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        shown = short(text, 40)
        raise ArticleError(f"metadata 'date' is not a YYYY-MM-DD date: {shown!r}") from None

"""The `searchapp` command: reindex, search, export, serve."""

from __future__ import annotations

import json
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html import unescape
from pathlib import Path

import click
from tqdm import tqdm

from searchapp import create_app, default_index_dir
from searchapp.engine import IndexSearcher, ParagraphIndex, QuerySyntaxError, generation_names
from searchapp.generations import IndexBusy, IndexMissing, current_generation, tidy
from searchapp.indexing import EmptyCorpus, ReindexReport, reindex
from searchapp.paragraphs import UNKNOWN_DATE, UNKNOWN_OUTLET
from searchapp.parallel import WorkerFailed
from searchapp.search import SORTS, BadParameter, SearchRequest, search
from searchapp.speakers import MAX_LIMIT, list_speakers, speaker_params

DEFAULT_SOURCE = Path("seeds")
_MARK = re.compile(r"</?mark>")

index_option = click.option(
    "--index",
    "index_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Index folder [default: $SEARCHAPP_INDEX or ./index].",
)


def source_option(help_text: str) -> Callable[[Callable], Callable]:
    return click.option(
        "--source",
        type=click.Path(file_okay=False, path_type=Path),
        default=DEFAULT_SOURCE,
        show_default=True,
        help=help_text,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Paragraph-level news search: who said what, in which outlet, and when."""


@main.command("reindex")
@source_option("Folder of articles.")
@index_option
@click.option(
    "--full", is_flag=True, help="Re-extract every article, not only added and changed files."
)
def reindex_command(source: Path, index_dir: Path | None, full: bool) -> None:
    """Bring the index in line with SOURCE; swap the new version in when complete."""
    index_dir = index_dir or default_index_dir()
    report = run_reindex(source, index_dir, full=full)
    click.echo(
        f"Indexed {report.articles} article{'s' * (report.articles != 1)}, "
        f"{report.paragraphs} paragraphs from {source} into {index_dir}."
    )
    if report.incremental:
        click.echo(
            f"Only changes were read: {report.changed_files} added or changed and "
            f"{report.removed_files} removed files, {report.extracted} articles extracted, "
            f"{report.renamed} paragraphs renamed. Use --full to re-extract everything."
        )
    _echo_skipped(report)


def run_reindex(source: Path, index_dir: Path, full: bool = False) -> ReindexReport:
    """Reindex with a progress bar on stderr; turn expected failures into CLI errors."""
    if not source.is_dir():
        raise click.ClickException(f"corpus folder not found: {source}")
    try:
        with (
            _sigterm_unwinds(),
            tqdm(unit="article", desc="Indexing", file=sys.stderr, disable=None) as bar,
        ):

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            return reindex(source, index_dir, on_progress=progress, full=full)
    except EmptyCorpus as empty:
        _echo_skipped(empty.report)
        raise click.ClickException(str(empty)) from None
    except IndexBusy as busy:
        raise click.ClickException(str(busy)) from None
    except WorkerFailed as failed:
        raise click.ClickException(f"{failed}\nThe previous index is still serving.") from None
    except _Terminated:
        click.echo(f"Stopped by SIGTERM: {_what_serves(index_dir)}.", err=True)
        raise SystemExit(128 + signal.SIGTERM) from None
    except OSError as error:  # a read-only or full disk, a folder we may not write
        where = f": {error.filename}" if error.filename else ""
        raise click.ClickException(
            f"could not reindex: {error.strerror or error}{where}; {_what_serves(index_dir)}."
        ) from None


class _Terminated(BaseException):
    """SIGTERM arrived; a BaseException so that no `except Exception` swallows it."""


@contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """SIGTERM kills at once by default, skipping the `finally` blocks that stop the
    workers and remove the half-built generation: raise instead, so they run. A second
    SIGTERM is ignored while they do (SIGKILL still works, and workers die with us)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers
        return

    def unwind(_signum: int, _frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, unwind)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _what_serves(index_dir: Path) -> str:
    try:
        current_generation(index_dir)
    except (IndexMissing, OSError):
        return "no index was built"
    return "the previous index is still serving"


def _echo_skipped(report: ReindexReport) -> None:
    click.echo(
        f"Skipped {len(report.skipped)} of {report.files} files" + (":" if report.skipped else ".")
    )
    for skipped in report.skipped:
        click.echo(f"  {skipped.source}: {skipped.reason}")


@main.command("search")
@click.argument("query", nargs=-1)
@click.option("--outlet", multiple=True, help="Only this outlet (repeat to allow several).")
@click.option("--speaker", multiple=True, help="Only this speaker (repeat to allow several).")
@click.option("--from", "date_from", default="", help="Earliest date, YYYY-MM-DD.")
@click.option("--to", "date_to", default="", help="Latest date, YYYY-MM-DD.")
@click.option(
    "--sort",
    type=click.Choice(SORTS),
    default="relevance",
    show_default=True,
)
@click.option("--page", default=1, show_default=True)
@click.option("--per-page", default=10, show_default=True)
@click.option(
    "--no-correct",
    "no_correct",
    is_flag=True,
    help="Search the words as typed, without spelling corrections.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON instead.")
@index_option
def search_command(
    query: tuple[str, ...],
    outlet: tuple[str, ...],
    speaker: tuple[str, ...],
    date_from: str,
    date_to: str,
    sort: str,
    page: int,
    per_page: int,
    no_correct: bool,
    as_json: bool,
    index_dir: Path | None,
) -> None:
    """Search paragraphs: plain words, "exact phrases", -excluded, speaker:x, or Whoosh
    query syntax (AND, OR, NOT, wildcards)."""
    params = {
        "q": [" ".join(query)],
        "outlet": list(outlet),
        "speaker": list(speaker),
        "from": [date_from],
        "to": [date_to],
        "sort": [sort],
        "page": [str(page)],
        "per_page": [str(per_page)],
        "correct": ["0" if no_correct else "1"],
    }
    with _searching(index_dir) as searcher:
        result = search(searcher, SearchRequest.from_params(params))
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    noun = "paragraph" if result.total == 1 else "paragraphs"
    click.echo(f"{result.total} {noun} (page {result.request.page} of {result.pages})")
    for notice in result.filter_notices:
        click.echo(notice.message[:1].upper() + notice.message[1:] + ".")
    if result.corrected_query:
        click.echo(
            f"Showing results for: {result.corrected_query} "
            "(search instead for the words as typed with --no-correct)"
        )
    elif result.did_you_mean:
        click.echo(f"Did you mean: {result.did_you_mean}")
    if result.matching == "partial":
        click.echo(_partial_note(result.all_words_total))
    for number, hit in enumerate(result.hits, start=(page - 1) * per_page + 1):
        meta = " · ".join(
            [
                hit.doc.outlet or UNKNOWN_OUTLET,
                str(hit.doc.date or UNKNOWN_DATE),
                ", ".join(hit.doc.speakers) or "no speaker",
            ]
        )
        click.echo(f"\n{number}. {hit.doc.title}  [{hit.doc.id}]\n   {meta}")
        click.echo("   " + _terminal_snippet(hit.snippet))
        if hit.missing:
            click.echo("   missing: " + ", ".join(hit.missing))
    for name, values in result.facets.items():
        shown = ", ".join(f"{v.label} ({v.count})" for v in values)
        click.echo(f"\n{name}: {shown or '-'}")


@contextmanager
def _searching(index_dir: Path | None) -> Iterator[IndexSearcher]:
    """A searcher of the live index, given back afterwards; a bad parameter or query is
    a usage error with its message."""
    searcher = _open(index_dir).searcher()
    try:
        yield searcher
    except (BadParameter, QuerySyntaxError) as bad:
        raise click.UsageError(str(bad)) from None
    finally:
        searcher.close()


def _partial_note(all_words: int) -> str:
    have = f"Only {all_words:,} of them contain" if all_words else "None contains"
    return f"{have} all the words; then paragraphs with most of them."


def _terminal_snippet(snippet: str) -> str:
    """HTML snippet → terminal text: matches in bold, entities unescaped."""
    bold = click.style("\0", bold=True).split("\0")
    return unescape(_MARK.sub(lambda m: bold[m.group() == "</mark>"], snippet))


@main.command("train-attribution")
@click.option(
    "--source",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("../shared/corpora/polnear/train"),
    show_default=True,
    help="A split folder: articles/ and gold_speakers.jsonl.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the model (default: the one the package ships).",
)
@click.option("--folds", type=click.IntRange(2, 20), default=5, show_default=True)
def train_attribution_command(source: Path, out: Path | None, folds: int) -> None:
    """Retrain the attribution model from annotated articles, choosing its settings by
    cross-validation over articles. Needs scikit-learn (pip install -e '.[train]')."""
    try:
        from searchapp.attribution_training import main_train
        from searchapp.extract.attribution_model import MODEL_PATH
    except ImportError as missing:
        raise click.ClickException(f"{missing}: pip install -e '.[train]'") from None
    try:
        main_train(source, out or MODEL_PATH, folds, click.echo)
    except ImportError as missing:
        raise click.ClickException(f"{missing}: pip install -e '.[train]'") from None
    except (ValueError, OSError) as error:
        raise click.ClickException(str(error)) from None


@main.command("speakers")
@click.option("--contains", default="", help="Only names (or merged spellings) containing this.")
@click.option("--limit", default=50, show_default=True, help=f"At most {MAX_LIMIT}.")
@click.option("--offset", default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON instead.")
@index_option
def speakers_command(
    contains: str, limit: int, offset: int, as_json: bool, index_dir: Path | None
) -> None:
    """List speaker facet values, most quoted first, with the spellings merged into each."""
    params = {"q": [contains], "limit": [str(limit)], "offset": [str(offset)]}
    with _searching(index_dir) as searcher:
        found = list_speakers(searcher, *speaker_params(params))
    if as_json:
        click.echo(json.dumps(found.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{found.total} speakers")
    for speaker in found.speakers:
        others = [form for form in speaker.forms if form != speaker.name]
        merged = f"  (also: {', '.join(others)})" if others else ""
        click.echo(f"{speaker.paragraphs:6,}  {speaker.name}{merged}")


@main.command("export")
@index_option
def export_command(index_dir: Path | None) -> None:
    """Print every paragraph document as JSON Lines."""
    searcher = _open(index_dir).searcher()
    lines = 0
    try:
        for doc in searcher.iter_all():
            click.echo(json.dumps(doc.to_json(), ensure_ascii=False))
            lines += 1
    except OSError as error:  # the generation is held (see ParagraphIndex), but disks fail
        raise click.ClickException(
            f"export stopped after {lines} paragraphs, the output is incomplete: {error}"
        ) from None
    finally:
        searcher.close()


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: one per usable core].",
)
@click.option(
    "--threads", type=click.IntRange(min=1), default=2, show_default=True, help="Per worker."
)
@source_option("Corpus to index first when there is no index yet.")
@index_option
def serve_command(
    host: str,
    port: int,
    workers: int | None,
    threads: int,
    source: Path,
    index_dir: Path | None,
) -> None:
    """Serve the web app and API on gunicorn: worker processes share the requests."""
    from searchapp.server import default_workers, serve

    index_dir = index_dir or default_index_dir()
    tidy(index_dir)  # leftovers of killed reindexes; skipped while one runs
    if _needs_index(index_dir):
        click.echo(f"No index in {index_dir}/ yet: indexing {source}/ first.")
        report = run_reindex(source, index_dir)
        click.echo(f"Indexed {report.articles} articles, {report.paragraphs} paragraphs.")
        _echo_skipped(report)
    _check_port_free(host, port)
    workers = workers or default_workers()
    app = create_app({"INDEX_DIR": str(index_dir)})
    click.echo(
        f"Serving http://{host}:{port} from the index in {index_dir}/ with {workers} "
        f"worker{'s' * (workers != 1)} of {threads} thread{'s' * (threads != 1)} "
        "(Ctrl+C to stop)"
    )
    serve(app, host, port, workers, threads)


def _check_port_free(host: str, port: int) -> None:
    """A busy port is a one-line error naming another port to try, not gunicorn's retries
    and log. Probed the way gunicorn binds (SO_REUSEADDR), then closed before it binds."""
    import errno
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                click.echo(
                    f"Error: port {port} on {host} is already in use; serve on another one "
                    f"with --port {port + 1} (make serve PORT={port + 1}).",
                    err=True,
                )
                raise SystemExit(1) from None
            raise click.ClickException(
                f"could not listen on {host}:{port}: {error.strerror or error}"
            ) from None


def _needs_index(index_dir: Path) -> bool:
    """No usable generation yet. Only CURRENT and searchapp.json are read: the server's
    master process must not open Whoosh files before it forks its workers."""
    try:
        generation = current_generation(index_dir)
    except IndexMissing:
        return True
    return generation_names(generation) is None  # written by another version


def _open(index_dir: Path | None) -> ParagraphIndex:
    index_dir = index_dir or default_index_dir()
    try:
        return ParagraphIndex.open(index_dir)
    except IndexMissing as missing:
        raise click.ClickException(str(missing)) from None
    except OSError as error:
        raise click.ClickException(f"could not read the index in {index_dir}: {error}") from None


if __name__ == "__main__":
    main()

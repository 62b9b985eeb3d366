"""Shared fixtures: a seed index built once, the app, its clients, a live server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from searchapp import create_app
from searchapp.corpus import read_corpus
from searchapp.indexing import reindex
from searchapp.paragraphs import ParagraphDoc, paragraph_docs

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
POLNEAR = REPO.parent / "shared" / "corpora" / "polnear"
NEWSWEEK = "000_30ef67863b9e09b3"
FOX_QUOTE = "001_6c9ab40f34ce53c7"
EPOCH_TIMES = "002_0e9fefeed362cafd"
BROOMSTICKS = "003_e10bdec7e090b6c9"
HAMDEN = "004_01cdabf5d90059fd"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_cli(*args: str, **popen: object) -> subprocess.Popen:
    """`searchapp ARGS` in a real process, for tests that kill it or talk to it over HTTP."""
    return subprocess.Popen([sys.executable, "-m", "searchapp.cli", *args], **popen)


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds indexed once per test run; tests must not modify it."""
    index_dir = tmp_path_factory.mktemp("seed-index")
    reindex(SEEDS, index_dir)
    return index_dir


@pytest.fixture(scope="session")
def dev_paragraphs() -> list[ParagraphDoc]:
    """Every paragraph of the PolNeAR dev split, as extracted."""
    dev = POLNEAR / "dev" / "articles"
    if not dev.is_dir():
        pytest.skip("PolNeAR is not in ../shared")
    return [doc for article in read_corpus(dev) for doc in paragraph_docs(article)]


@pytest.fixture
def app(seed_index: Path):
    return create_app({"TESTING": True, "INDEX_DIR": str(seed_index)})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the seeds, for tests that add broken files to a corpus."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(scope="session")
def live_server(seed_index: Path):
    """The app on waitress in a background thread of the test process. `searchapp serve`
    forks gunicorn workers instead; tests/test_serve.py runs that in its own process."""
    from waitress.server import create_server

    app = create_app({"INDEX_DIR": str(seed_index)})
    port = free_port()
    server = create_server(app, host="127.0.0.1", port=port, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.close()

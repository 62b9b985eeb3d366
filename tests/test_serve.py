"""`searchapp serve` as it runs in production: a gunicorn master and its worker processes.

Each test starts the real CLI on an index of the seeds built in tmp_path and talks to it
over HTTP. Worker processes are found as the master's children in /proc.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import free_port, start_cli

from searchapp.generations import current_generation
from searchapp.indexing import reindex
from searchapp.search import SearchLimits

WORKERS = 2
BOOT_TIMEOUT_S = 30
NEW_WORD = "quetzalbrook"


@dataclass
class Server:
    process: subprocess.Popen
    base: str
    index_dir: Path
    corpus: Path
    log: Path

    def get(self, query: str) -> tuple[int, dict]:
        """One request on a new connection, so the workers share the requests."""
        request = urllib.request.Request(
            f"{self.base}/api/search?q={query}", headers={"Connection": "close"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)

    def workers(self) -> list[int]:
        return children(self.process.pid)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def children(pid: int) -> list[int]:
    """Process ids whose parent is `pid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process exited meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


def mapped_files(pid: int) -> set[str]:
    try:
        lines = Path(f"/proc/{pid}/maps").read_text().splitlines()
    except OSError:
        return set()
    return {line.split(maxsplit=5)[5] for line in lines if len(line.split(maxsplit=5)) == 6}


def wait_until(condition, what: str, server: Server, timeout: float = BOOT_TIMEOUT_S):
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        assert server.process.poll() is None, f"server exited:\n{server.output()}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}:\n{server.output()}"
        time.sleep(0.1)


def _answers(server: Server) -> bool:
    try:
        return server.get("rogozin")[0] == 200
    except OSError:
        return False


@pytest.fixture
def server(corpus: Path, tmp_path: Path) -> Iterator[Server]:
    index_dir = tmp_path / "index"
    reindex(corpus, index_dir)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        process = start_cli(
            "serve",
            "--index",
            str(index_dir),
            "--port",
            str(port),
            "--workers",
            str(WORKERS),
            "--threads",
            "2",
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    running = Server(process, f"http://127.0.0.1:{port}", index_dir, corpus, log)
    try:
        wait_until(lambda: len(running.workers()) == WORKERS, "the workers", running)
        wait_until(lambda: _answers(running), "the first answer", running)
        yield running
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def test_workers_answer_and_each_picks_up_a_new_generation(server: Server):
    assert len(server.workers()) == WORKERS
    status, data = server.get("rogozin")
    assert status == 200 and data["total"] > 0
    assert server.get(NEW_WORD)[1]["total"] == 0

    (server.corpus / "new.txt").write_text(
        f"A dirigible called {NEW_WORD.title()} landed. Newsweek has asked NASA for comment.\n"
    )
    reindex(server.corpus, server.index_dir)
    new_columns = str(current_generation(server.index_dir) / "columns")

    answers = [server.get(NEW_WORD) for _ in range(20)]
    assert [(status, data["total"]) for status, data in answers] == [(200, 1)] * 20

    def every_worker_opened_it() -> bool:
        """Each worker maps the new generation's columns once it has served a request.
        A new connection goes to whichever worker accepts first, so now and then one
        worker gets all 20: then more requests, until the other has had one."""
        pids = server.workers()
        if all(any(p.startswith(new_columns) for p in mapped_files(pid)) for pid in pids):
            return True
        assert server.get(NEW_WORD)[1]["total"] == 1
        return False

    wait_until(every_worker_opened_it, "every worker to open the new generation", server)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_lets_the_request_in_flight_finish(server: Server, stop: signal.Signals):
    host, port = server.base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=15) as client:
        # Half a request: a worker has accepted it and is reading it when the signal comes.
        client.sendall(b"GET /api/search?q=rogozin HTTP/1.1\r\nHost: localhost\r\n")
        time.sleep(1)
        server.process.send_signal(stop)
        time.sleep(1)
        assert server.process.poll() is None  # still waiting for the request
        client.sendall(b"Connection: close\r\n\r\n")
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 "), answer[:500]
    assert json.loads(body)["total"] > 0
    assert server.process.wait(timeout=20) == 0, server.output()
    assert server.workers() == []


def test_sighup_replaces_the_workers_while_requests_keep_answering(server: Server):
    old = set(server.workers())
    statuses: list[int] = []
    failures: list[BaseException] = []
    stop = threading.Event()

    def load() -> None:
        while not stop.is_set():
            try:
                statuses.append(server.get("rogozin")[0])
            except Exception as failed:  # noqa: BLE001 - every failure is reported below
                failures.append(failed)

    requester = threading.Thread(target=load)
    requester.start()
    try:
        wait_until(lambda: len(statuses) >= 10, "requests before SIGHUP", server)
        server.process.send_signal(signal.SIGHUP)
        wait_until(
            lambda: len(new := set(server.workers())) == WORKERS and not new & old,
            "new workers",
            server,
        )
        served = len(statuses)
        wait_until(lambda: len(statuses) >= served + 20, "requests after SIGHUP", server)
    finally:
        stop.set()
        requester.join(timeout=15)
    assert failures == []
    assert set(statuses) == {200}
    assert server.process.poll() is None


# The costliest requests the limits let through, or that they refuse: every prefix,
# wildcard and range the patterns limit allows, and the longest query and phrase.
COSTLY = [
    " OR ".join(f"{letter}*" for letter in "abcdefgh"),
    " OR ".join(f"*{letter}*" for letter in "aeioustr"),
    "text:[a TO z]",
    '"' + " ".join(["space", "station"] * 25) + '"',
    " OR ".join(["station", *(f"w{n}*" for n in range(7)), *(f"x{n}" for n in range(56))]),
]


def test_a_burst_of_costly_requests_leaves_a_cheap_one_answering(server: Server):
    """Four costly requests in flight hold every worker thread; the plain one that follows
    is answered within the search time limit, and none of them is a server error."""
    statuses: list[int] = []

    def costly(q: str) -> None:
        request = urllib.request.Request(
            f"{server.base}/api/search?" + urllib.parse.urlencode({"q": q}),
            headers={"Connection": "close"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as refused:
            statuses.append(refused.code)
            assert json.load(refused)["error"]["message"]

    for q in COSTLY:
        burst = [threading.Thread(target=costly, args=(q,)) for _ in range(4)]
        for thread in burst:
            thread.start()
        started = time.monotonic()
        status, data = server.get("rogozin")
        plain_seconds = time.monotonic() - started
        for thread in burst:
            thread.join(timeout=30)
        assert status == 200 and data["total"] > 0
        assert plain_seconds < SearchLimits().seconds, q
    assert len(statuses) == 4 * len(COSTLY)
    assert all(status in (200, 400) for status in statuses), statuses


def test_a_busy_port_is_a_one_line_error_naming_another_port(seed_index: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = start_cli(
            "serve", "--port", str(port), "--index", str(seed_index),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        out, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert "Traceback" not in err + out
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert f"port {port}" in lines[0] and "already in use" in lines[0]
    assert f"PORT={port + 1}" in lines[0]

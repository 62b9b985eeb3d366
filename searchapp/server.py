"""`searchapp serve` on gunicorn: several worker processes, each with a few threads.

One Python process runs Python one thread at a time, so a single server process makes
concurrent readers queue behind each other's requests. Gunicorn's master forks worker
processes that share the listening socket; each runs gthread, a small thread pool. Two
threads let a worker go on with a short request while a long one runs; more only take
turns at the GIL (with four, a tenth of the CPU stayed idle under 8 clients).

The master loads the app once (`preload_app`) and the workers inherit it. The app must
not have opened the index by then: forked processes would share the open files' offsets.
`LiveIndex` opens lazily, and each worker warms its own copy right after the fork. Every
worker then re-reads `index/CURRENT` per request, so each picks up a new generation on
its own. The generation's facet columns are read-only memory maps, shared by all
workers through the OS page cache.

Signals, as gunicorn documents them, except for SIGINT: TERM or INT stops gracefully
(requests in flight finish, for up to `GRACEFUL_TIMEOUT_S`; the master exits 0), HUP
starts new workers and then retires the old ones gracefully, QUIT stops at once.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Mapping
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter
from gunicorn.workers.base import Worker
from gunicorn.workers.gthread import ThreadWorker

GRACEFUL_TIMEOUT_S = 10
# No keep-alive, and a worker takes a connection only when one of its threads is free: a
# request then waits in the kernel's queue for whichever worker is free first. A kept-alive
# connection stays with the worker that accepted it, and that race is won by the worker
# already running: wrk's 8 connections all went to one of two workers in 3 runs of 12,
# halving throughput (bench/load_test.py, 2 cores).
KEEPALIVE_S = 0
# Gunicorn's largest request line; a search URL with many ticked facet values is long.
LIMIT_REQUEST_LINE = 8190
LIMIT_REQUEST_FIELDS = 100
LIMIT_REQUEST_FIELD_SIZE = 8190


def default_workers() -> int:
    """One worker per core this process may run on (a container or `taskset` may allow
    fewer than the machine has): more processes than cores only take turns."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class GracefulThreadWorker(ThreadWorker):
    """gthread, with SIGINT handled like SIGTERM.

    Ctrl+C in a terminal signals the whole process group, workers included. Gunicorn
    takes SIGINT for a quick shutdown: the worker raises SystemExit in its signal
    handler, and requests in flight complete only as a side effect of Python joining the
    pool's threads at exit. Here a worker stops as on SIGTERM: it stops accepting, then
    waits for its requests, for up to the graceful timeout.
    """

    def init_signals(self) -> None:
        super().init_signals()
        signal.signal(signal.SIGINT, self.handle_exit)


class _Arbiter(Arbiter):
    def handle_int(self) -> None:
        """SIGINT stops gracefully, as SIGTERM does: it is what Ctrl+C sends. A second
        SIGINT while stopping still means stop now (gunicorn checks for it)."""
        self.handle_term()


def _warm_worker(worker: Worker) -> None:
    """post_worker_init: open the index in the new worker before it accepts requests.

    Never fatal: gunicorn halts the whole server when this hook raises, and a worker that
    could not open the index still answers (503 while there is none) and retries per
    request.
    """
    try:
        worker.wsgi.extensions["searchapp.index"].warm()
    except Exception as failed:  # noqa: BLE001 - logged; requests retry on their own
        worker.log.warning("worker %s could not open the index yet: %s", worker.pid, failed)


class SearchServer(BaseApplication):
    """Gunicorn's documented custom application: our settings, an app built by the CLI."""

    def __init__(self, app: Flask, options: Mapping[str, Any]) -> None:
        self.application = app
        self.options = dict(options)
        super().__init__()

    def load_config(self) -> None:
        # Settings a given gunicorn version lacks are left out (control_socket_disable
        # came in 25.1), so one list works across the versions pyproject allows.
        for key, value in self.options.items():
            if key in self.cfg.settings:
                self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application

    def run(self) -> None:
        try:
            _Arbiter(self).run()
        except RuntimeError as error:  # as BaseApplication.run reports it
            raise SystemExit(f"\nError: {error}\n") from None


def server_options(host: str, port: int, workers: int, threads: int) -> dict[str, Any]:
    """Gunicorn settings for `searchapp serve`."""
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_connections": threads,
        "keepalive": KEEPALIVE_S,
        "worker_class": GracefulThreadWorker,
        "preload_app": True,
        "post_worker_init": _warm_worker,
        "graceful_timeout": GRACEFUL_TIMEOUT_S,
        "limit_request_line": LIMIT_REQUEST_LINE,
        "limit_request_fields": LIMIT_REQUEST_FIELDS,
        "limit_request_field_size": LIMIT_REQUEST_FIELD_SIZE,
        "proc_name": "searchapp",
        "errorlog": "-",
        # Its default path is one per user: two servers (tests, a benchmark) would collide.
        "control_socket_disable": True,
    }


def serve(app: Flask, host: str, port: int, workers: int, threads: int) -> None:
    """Serve `app` until SIGTERM or SIGINT; returns when the last request has finished."""
    SearchServer(app, server_options(host, port, workers, threads)).run()

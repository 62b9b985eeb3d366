"""The index the app serves, reopened when a reindex swaps in a new generation.

Like the Flask tutorial's database connection: a searcher per request, taken lazily and
given back at teardown. The opened generation (its facet columns and a pool of Whoosh
searchers) is shared across requests and replaced only when `CURRENT` names a new one.
It is reopened rather than refreshed, because whoosh3's `Searcher.refresh()` returns
stale documents after another process commits.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import current_app, g

from searchapp.engine import IndexSearcher, ParagraphIndex


class LiveIndex:
    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._opened: ParagraphIndex | None = None
        self._lock = threading.Lock()

    def get(self) -> ParagraphIndex:
        """The current generation; raises IndexMissing when none has been built."""
        with self._lock:
            if self._opened is None or not self._opened.is_current():
                opened = ParagraphIndex.open(self.index_dir)
                if self._opened is not None:
                    self._opened.retire()
                self._opened = opened
            return self._opened

    def warm(self) -> None:
        """Open the current generation and one pooled searcher now, so that a server
        process's first request does not pay for them. Call it only in the process that
        will serve: open Whoosh files must not be inherited across a fork."""
        index = self.get()
        index.prepare()
        index.searcher().close()


def get_searcher() -> IndexSearcher:
    if "searcher" not in g:
        live: LiveIndex = current_app.extensions["searchapp.index"]
        g.searcher = live.get().searcher()
    return g.searcher


def close_searcher(_error: BaseException | None = None) -> None:
    searcher = g.pop("searcher", None)
    if searcher is not None:
        searcher.close()

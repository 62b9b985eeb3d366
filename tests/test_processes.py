"""A reindex step run in a child process beside the parent's (searchapp/processes.py)."""

from __future__ import annotations

import errno
import math
import os
from pathlib import Path

import pytest
from conftest import SEEDS

from searchapp import create_app
from searchapp.engine import writing
from searchapp.indexing import reindex
from searchapp.processes import ChildFailed, beside


def test_the_child_returns_its_value_and_raises_its_errors(tmp_path: Path):
    with beside(math.factorial, 20) as result:
        assert result() == math.factorial(20)
    with beside(os.stat, str(tmp_path / "missing")) as result, pytest.raises(OSError) as error:
        result()
    assert error.value.errno == errno.ENOENT  # a full disk reads the same way
    with beside(os._exit, 3) as result, pytest.raises(ChildFailed, match="exit code 3"):
        result()


def test_columns_built_beside_the_vocabularies_serve_the_same_answers(tmp_path, monkeypatch):
    reindex(SEEDS, tmp_path / "in-process")
    monkeypatch.setattr(writing, "COLUMNS_BESIDE_DOCS", 0)
    reindex(SEEDS, tmp_path / "beside")
    answers = []
    for name in ("in-process", "beside"):
        client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / name)}).test_client()
        found = client.get("/api/quotes?q=sanctions&per_page=100").get_json()
        answers.append(([hit["quote_id"] for hit in found["hits"]], found["facets"]))
    assert answers[0] == answers[1] and answers[0][0]

"""Per-generation facet columns: saved as .npy files, mapped read-only by every reader."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import numpy as np
from conftest import SEEDS
from whoosh import index

from searchapp.engine import ParagraphIndex, generation_names
from searchapp.engine.columns import COLUMNS_DIR, Columns
from searchapp.generations import current_generation
from searchapp.indexing import reindex
from searchapp.search import SearchRequest, search


def _arrays(columns: Columns) -> dict[str, np.ndarray]:
    arrays = {"live": columns.live, "body": columns.body, "days": columns.days}
    arrays["articles"] = columns.articles
    arrays |= {f"quotes.{name}": array for name, array in columns.quotes.arrays().items()}
    arrays |= {f"lengths.{name}": lengths for name, lengths in columns.lengths.items()}
    for name, facet in columns.facets.items():
        arrays |= {
            f"{name}.pair_docs": facet.pair_docs,
            f"{name}.pair_values": facet.pair_values,
            f"{name}.missing": facet.missing,
        }
    return arrays


def test_a_generation_maps_the_columns_it_was_written_with_read_only(seed_index: Path):
    generation = current_generation(seed_index)
    loaded = Columns.load(generation)
    with index.open_dir(str(generation)).reader() as reader:
        rebuilt = Columns.from_reader(reader, generation_names(generation))
    assert loaded is not None
    assert {name: facet.values for name, facet in loaded.facets.items()} == {
        name: facet.values for name, facet in rebuilt.facets.items()
    }
    expected = _arrays(rebuilt)
    for name, array in _arrays(loaded).items():
        assert array.dtype == expected[name].dtype and np.array_equal(array, expected[name])
        # Shared with other processes through the page cache, so nobody may write into it.
        assert not array.flags.writeable, name
        assert isinstance(array.base, np.memmap), name


def test_a_generation_without_npy_columns_rebuilds_them_and_searches(tmp_path: Path):
    index_dir = tmp_path / "index"
    reindex(SEEDS, index_dir)
    generation = current_generation(index_dir)
    shutil.rmtree(generation / COLUMNS_DIR)  # as a generation written by an older version
    (generation / "columns.npz").write_bytes(b"")
    assert Columns.load(generation) is None
    opened = ParagraphIndex.open(index_dir)
    searcher = opened.searcher()
    try:
        request = SearchRequest.from_params({"q": ["rogozin"], "outlet": ["Newsweek"]})
        assert search(searcher, request).total > 0
    finally:
        searcher.close()


def test_saving_again_replaces_the_folder_instead_of_writing_into_its_files(tmp_path: Path):
    index_dir = tmp_path / "index"
    reindex(SEEDS, index_dir)
    generation = current_generation(index_dir)
    columns = Columns.load(generation)
    assert columns is not None
    kept = tmp_path / "live-elsewhere.npy"  # as another generation's hard link would be
    os.link(generation / COLUMNS_DIR / "live.npy", kept)
    before = kept.read_bytes()
    dataclasses.replace(columns, live=np.zeros_like(columns.live)).save(generation)
    assert kept.read_bytes() == before
    assert not Columns.load(generation).live.any()
    assert [p.name for p in generation.iterdir() if p.name.startswith(".")] == []

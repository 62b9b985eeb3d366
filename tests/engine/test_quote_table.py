"""The quotation table: an incremental reindex carries the rows of the segments it keeps
and must end with the table a full reindex of the same files builds."""

from __future__ import annotations

from pathlib import Path

from conftest import EPOCH_TIMES, SEEDS

from searchapp.engine import ParagraphIndex, finish_generation, generation_names
from searchapp.engine.segment_rows import PREFIX
from searchapp.generations import current_generation
from searchapp.indexing import reindex


def _table(index_dir: Path) -> dict[str, object]:
    """Everything the table says, by quotation id rather than row number."""
    opened = ParagraphIndex.open(index_dir)
    searcher = opened.searcher()
    try:
        columns = searcher.columns
        table = columns.quotes
        speakers = columns.facets["speaker"].values
        ids = []
        for docnum, slot in zip(table.docs.tolist(), table.slots.tolist(), strict=True):
            ids.append(f"{searcher.paragraph(docnum).id}#{slot}")
        rows = {
            ids[row]: (speakers[table.speakers[row]], bool(table.direct[row]))
            for row in range(table.size)
        }
        clusters: dict[str, set[str]] = {}
        for row in range(table.size):
            clusters.setdefault(ids[table.clusters[row]], set()).add(ids[row])
        words = {
            term: {
                ids[row] for row in table.term_rows[table.term_starts[i] : table.term_starts[i + 1]]
            }
            for i, term in enumerate(table.terms)
        }
        return {
            "rows": rows,
            "clusters": sorted(sorted(members) for members in clusters.values()),
            "words": {term: found for term, found in words.items() if found},
        }
    finally:
        searcher.close()


def test_an_incremental_reindex_builds_the_table_a_full_one_does(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in SEEDS.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    index_dir = tmp_path / "index"
    reindex(corpus, index_dir)
    # A new article repeats Rogozin's sentence and Bill Nelson's words; an old one changes.
    (corpus / "extra.md").write_text(
        "---\ntitle: Space cooperation\noutlet: Orbit Weekly\ndate: 2022-04-03\n---\n"
        '"The restoration of normal relations between partners in the International Space '
        "Station and other joint projects is possible only with the complete and "
        'unconditional lifting of illegal sanctions," Dmitry Rogozin wrote on Saturday.\n\n'
        '"We will keep working with our partners," said NASA administrator Bill Nelson.\n',
        encoding="utf-8",
    )
    epoch = next(corpus.glob(f"{EPOCH_TIMES}*"))
    epoch.write_text(epoch.read_text(encoding="utf-8") + '\n\n"It was a test," Rogozin said.\n')
    reindex(corpus, index_dir)
    full = tmp_path / "full"
    reindex(corpus, full, full=True)
    incremental, rebuilt = _table(index_dir), _table(full)
    assert incremental == rebuilt
    rogozin = next(c for c in incremental["clusters"] if any(i.startswith("extra") for i in c))
    assert len(rogozin) >= 4  # the new copy joined the seeds' cluster


def test_without_the_builders_rows_the_table_is_read_from_stored_fields(tmp_path: Path):
    """Segments Whoosh merges have no rows file; a generation finished without any must
    give the same table and the same article numbers."""
    index_dir = tmp_path / "index"
    reindex(SEEDS, index_dir)
    generation = current_generation(index_dir)
    assert not list(generation.glob(f"{PREFIX}*.json")), "finishing removes the rows files"
    before = _table(index_dir), ParagraphIndex.open(index_dir).columns.articles.tolist()
    finish_generation(generation, generation_names(generation))  # with no rows to read
    after = _table(index_dir), ParagraphIndex.open(index_dir).columns.articles.tolist()
    assert after == before

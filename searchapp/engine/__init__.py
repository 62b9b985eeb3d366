"""Everything that knows about Whoosh: schema, writing, query parsing, facet columns,
snippets. The rest of the app speaks in paragraphs, facets and hits; this package
translates. Where the files live and how a new index replaces the old one is
`generations.py`'s business.
"""

from searchapp.engine.interpret import QueryPlan
from searchapp.engine.matching import Matching
from searchapp.engine.queries import QueryLimits, QuerySyntaxError, QueryTooCostly
from searchapp.engine.reading import (
    IndexSearcher,
    ParagraphIndex,
    generation_names,
)
from searchapp.engine.schema import FACET_FIELDS, speaker_value
from searchapp.engine.writing import (
    SegmentBuilder,
    commit_segments,
    create_generation,
    finish_generation,
    link_generation,
    rename_speakers,
)

__all__ = [
    "FACET_FIELDS",
    "IndexSearcher",
    "Matching",
    "ParagraphIndex",
    "QueryLimits",
    "QueryPlan",
    "QuerySyntaxError",
    "QueryTooCostly",
    "SegmentBuilder",
    "commit_segments",
    "create_generation",
    "finish_generation",
    "generation_names",
    "link_generation",
    "rename_speakers",
    "speaker_value",
]

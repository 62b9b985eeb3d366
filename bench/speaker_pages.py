"""Speaker-page cost at archive scale: synthetic columns of 200,000 paragraphs in 20,000
articles and 400,000 quotations, one speaker with 100,000 of them (README, "Speaker
pages"). Stored paragraphs are stubbed: only the page shown reads them, as on any index.

    PYTHONPATH=. python bench/speaker_pages.py
"""

import datetime as dt
import time
from types import SimpleNamespace

import numpy as np

from searchapp.engine.columns import Columns, FacetColumn
from searchapp.engine.quote_table import QuoteTable
from searchapp.extract.quotes import Quote
from searchapp.filters import FacetValues
from searchapp.speaker_profile import canonical_speaker, speaker_profile

rng = np.random.default_rng(1)
N, ARTS, SPK, OUT = 200_000, 20_000, 20_000, 300
articles = np.sort(rng.integers(0, ARTS, N)).astype(np.int32)
art_day = rng.integers(dt.date(2010, 1, 1).toordinal(), dt.date(2023, 1, 1).toordinal(), ARTS)
days = art_day[articles].astype(np.int32)
days[rng.random(N) < 0.05] = 0
art_out = rng.integers(0, OUT, ARTS)
outlet = FacetColumn(
    [f"Outlet {i}" for i in range(OUT)],
    np.arange(N, dtype=np.int32),
    art_out[articles].astype(np.int32),
    np.zeros(N, bool),
)
# 400k quotation rows: 100k by speaker 0, the rest spread
R = 400_000
qdocs = np.sort(rng.integers(0, N, R)).astype(np.int32)
speakers = rng.integers(1, SPK, R).astype(np.int32)
speakers[rng.choice(R, 100_000, replace=False)] = 0
values = [f"Person {i}" for i in range(SPK)]
table = QuoteTable(
    qdocs, np.zeros(R, np.int32), speakers, np.ones(R, bool), np.arange(R, dtype=np.int32)
)
speaker_col = FacetColumn(values, qdocs, speakers, np.zeros(N, bool))
cols = Columns(
    np.ones(N, bool),
    np.ones(N, bool),
    days,
    {"outlet": outlet, "speaker": speaker_col, "date": outlet},
    {},
    articles,
    [f"a{i:06d}" for i in range(ARTS)],
    table,
)


class Owner(SimpleNamespace):
    __hash__ = object.__hash__


speaker_values = FacetValues(values)
owner = Owner(
    names={f"P{i}": f"Person {i}" for i in range(0, SPK, 3)},
    facet_values=lambda facet: speaker_values,
)


def paragraph(d):  # a stub: the page reads per_page of these
    return SimpleNamespace(
        quotes=(Quote("Person 0", "words", True),),
        id=f"x:{d}",
        outlet="O",
        date=None,
        title="T",
        article_id="x",
        position=d,
    )


searcher = SimpleNamespace(columns=cols, owner=owner, paragraph=paragraph)
t = time.perf_counter()
canonical_speaker(searcher, "Person 0")
print("per-generation build %.0f ms" % ((time.perf_counter() - t) * 1000))
for name in ("Person 0", "Person 7"):
    times = []
    for _ in range(7):
        t = time.perf_counter()
        p = speaker_profile(searcher, name, page=1, per_page=100)
        times.append((time.perf_counter() - t) * 1000)
    print(
        name,
        p.quotations,
        "quotations,",
        p.articles,
        "articles,",
        len(p.months),
        f"months; median {np.median(times):.1f} ms",
    )
for typed in ("person 0", "P3", "Persn 12345"):
    t = time.perf_counter()
    try:
        print(typed, "->", canonical_speaker(searcher, typed), end=" ")
    except Exception as e:
        print(typed, "->", e, end=" ")
    print("%.1f ms" % ((time.perf_counter() - t) * 1000))

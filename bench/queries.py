"""The fixed query mix of the archive-scale benchmark, for searchapp and its FTS5 peer.

A latency percentile means little unless the mix is fixed and covers what people run:
rare and common words, boolean operators, phrases, field queries, every facet filter alone
and combined, browsing with no query, date sorting and deep pages. Every entry hits the
replicated PolNeAR corpus at every size (its dates start in November 2015).

Each entry carries the SQLite FTS5 MATCH expression written by hand. Whoosh searches only
the `text` field unless a field is named, while a bare FTS5 term matches every column, so
the FTS5 expressions put plain words under `text : (…)`. Filters, sorting and paging are
plain parameters that both engines read the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode


@dataclass(frozen=True)
class BenchQuery:
    """One request: a name for tables, the API parameters and the FTS5 MATCH expression."""

    name: str
    params: Mapping[str, Sequence[str]]
    fts5: str  # "" when there is no query to match: browse everything
    tags: tuple[str, ...] = field(default=())
    view: str = "paragraphs"  # or "quotes": FTS5 still searches paragraphs, its nearest work

    def api_path(self) -> str:
        """The JSON API URL of this request, as the web page would send it."""
        endpoint = "/api/search?" if self.view == "paragraphs" else "/api/quotes?"
        return endpoint + urlencode(
            [(name, value) for name, values in self.params.items() for value in values]
        )


def _q(
    name: str,
    q: str,
    fts5: str,
    *tags: str,
    view: str = "paragraphs",
    **filters: Sequence[str] | str,
) -> BenchQuery:
    params: dict[str, list[str]] = {"q": [q]}
    for key, value in filters.items():
        params[key.removesuffix("_")] = [value] if isinstance(value, str) else list(value)
    return BenchQuery(name, params, fts5, tags, view)


QUERIES: tuple[BenchQuery, ...] = (
    # Rare terms.
    _q("rare pneumonia", "pneumonia", "text : (pneumonia)", "rare"),
    _q("rare benghazi", "benghazi", "text : (benghazi)", "rare"),
    _q("rare zika", "zika", "text : (zika)", "rare"),
    _q("prefix immigr*", "immigr*", "text : (immigr*)", "rare"),
    # Common terms.
    _q("common trump", "trump", "text : (trump)", "common"),
    _q("common clinton", "clinton", "text : (clinton)", "common"),
    _q("common campaign", "campaign", "text : (campaign)", "common"),
    _q("common said", "said", "text : (said)", "common"),
    # AND, OR, NOT, grouping.
    _q("and trump clinton", "trump AND clinton", "text : (trump AND clinton)", "and"),
    _q("and emails server", "emails AND server", "text : (emails AND server)", "and"),
    _q("implicit and", "tax plan", "text : (tax plan)", "and"),
    _q("or sanders cruz", "sanders OR cruz", "text : (sanders OR cruz)", "or"),
    _q("or trump clinton", "trump OR clinton", "text : (trump OR clinton)", "or", "common"),
    _q(
        "group (a OR b) AND c",
        "(immigration OR border) AND wall",
        "text : ((immigration OR border) AND wall)",
        "or",
        "and",
    ),
    _q("not taxes trump", "taxes NOT trump", "text : (taxes NOT trump)", "not"),
    _q("not clinton emails", "clinton NOT emails", "text : (clinton NOT emails)", "not"),
    # Phrases.
    _q("phrase white house", '"white house"', 'text : ("white house")', "phrase"),
    _q("phrase supreme court", '"supreme court"', 'text : ("supreme court")', "phrase"),
    _q(
        "phrase AND word",
        '"wall street" AND clinton',
        'text : ("wall street" AND clinton)',
        "phrase",
    ),
    # Stop words: a quotation checked word for word, and a query of one stop word.
    _q(
        "phrase of stop words",
        '"it is what it is"',
        'text : ("it is what it is")',
        "phrase",
        "stop",
    ),
    _q("stop word the", "the", "text : (the)", "stop"),
    # Forgiving search: a typo corrected (FTS5 is given the correction), a question, and
    # words no paragraph has all of (partial matching; FTS5 ORs them).
    _q("typo clnton emails", "clnton emails", "text : (clinton emails)", "typo"),
    _q(
        "question trump judge",
        "what did Trump say about the judge",
        "text : (trump judge)",
        "question",
    ),
    _q(
        "partial benghazi zika pneumonia",
        "benghazi zika pneumonia",
        "text : (benghazi OR zika OR pneumonia)",
        "partial",
    ),
    # Field queries.
    _q("field quote:wall", "quote:wall", "quote : wall", "field"),
    _q("field speaker:trump", "speaker:trump", "speaker : trump", "field"),
    _q(
        "field quote AND speaker",
        "quote:taxes AND speaker:clinton",
        "quote : taxes AND speaker : clinton",
        "field",
    ),
    _q("field title:debate", "title:debate", "title : debate", "field"),
    _q(
        "field outlet AND word",
        "outlet:breitbart AND immigration",
        "outlet : breitbart AND text : (immigration)",
        "field",
    ),
    # Facet filters alone.
    _q("speaker Trump", "campaign", "text : (campaign)", "speaker", speaker="Donald Trump"),
    _q(
        "speaker Trump|Clinton",
        "president",
        "text : (president)",
        "speaker",
        speaker=["Donald Trump", "Hillary Clinton"],
    ),
    _q("outlet Politico", "clinton", "text : (clinton)", "outlet", outlet="Politico"),
    _q(
        "outlet Breitbart|USA Today",
        "trump",
        "text : (trump)",
        "outlet",
        outlet=["Breitbart", "USA Today"],
    ),
    _q("month 2016-09", "debate", "text : (debate)", "date", date="2016-09"),
    _q(
        "months 2016-03|04",
        "trump",
        "text : (trump)",
        "date",
        date=["2016-03", "2016-04"],
    ),
    _q(
        "from/to July 2016",
        "convention",
        "text : (convention)",
        "range",
        from_="2016-07-01",
        to="2016-07-31",
    ),
    _q("from 2016-01-01", "campaign", "text : (campaign)", "range", from_="2016-01-01"),
    # Filters combined.
    _q(
        "outlets+speaker+range",
        "trump",
        "text : (trump)",
        "combo",
        outlet=["Politico", "The Washington Post"],
        speaker="Hillary Clinton",
        from_="2016-01-01",
        to="2016-12-31",
    ),
    _q(
        "outlet+months",
        "emails",
        "text : (emails)",
        "combo",
        outlet="The New York Times",
        date=["2016-09", "2016-10"],
    ),
    _q(
        "speaker+month+outlet",
        "said",
        "text : (said)",
        "combo",
        speaker="Donald Trump",
        date="2016-03",
        outlet=["Breitbart", "Huffington Post", "Western Journalism"],
    ),
    # Browsing with no query: newest first.
    _q("browse all", "", "", "browse"),
    _q("browse outlet", "", "", "browse", outlet="Huffington Post"),
    _q(
        "browse speakers",
        "",
        "",
        "browse",
        speaker=["Donald Trump", "Hillary Clinton"],
    ),
    # Sorting by date and deep pages.
    _q("sort date_desc", "trump", "text : (trump)", "sort", sort="date_desc"),
    _q(
        "sort date_desc p5",
        '"white house"',
        'text : ("white house")',
        "sort",
        sort="date_desc",
        page="5",
    ),
    _q("deep page 20", "trump", "text : (trump)", "deep", page="20"),
    _q("deep page 100", "trump", "text : (trump)", "deep", page="100"),
    # Paragraphs grouped by article.
    _q("articles trump", "trump", "text : (trump)", "collapse", collapse="article"),
    _q(
        "articles khan p3",
        "khizr khan",
        "text : (khizr khan)",
        "collapse",
        collapse="article",
        page="3",
    ),
    # The quotes view: quotations, copies collapsed, facets counted per quotation.
    _q("quotes wall", "wall", "text : (wall)", "quotes", view="quotes"),
    _q("quotes common trump", "trump", "text : (trump)", "quotes", "common", view="quotes"),
    _q(
        "quotes speaker Trump",
        "immigration",
        "text : (immigration)",
        "quotes",
        "speaker",
        view="quotes",
        speaker="Donald Trump",
    ),
    _q("quotes browse", "", "", "quotes", "browse", view="quotes"),
    _q(
        "quotes every copy", "clinton", "text : (clinton)", "quotes", view="quotes", collapse="none"
    ),
    _q("quotes deep page 50", "said", "text : (said)", "quotes", "deep", view="quotes", page="50"),
)


def by_name(name: str) -> BenchQuery:
    """The query called `name` (for trying one entry by hand)."""
    for entry in QUERIES:
        if entry.name == name:
            return entry
    raise KeyError(name)


if __name__ == "__main__":
    for entry in QUERIES:
        print(f"{entry.name:26} {entry.fts5 or '(browse)':45} {entry.api_path()}")

"""Snippets: the best passage of a paragraph, HTML-escaped, with the matched words marked.

Only the page shown is highlighted, from its stored text: re-analysing ten paragraphs costs
less than storing character offsets for every word of the index.
"""

from __future__ import annotations

from whoosh import highlight, query
from whoosh.analysis import Analyzer
from whoosh.reading import IndexReader

from searchapp.engine.queries import wanted_leaves

SNIPPET_CHARS = 320
# Words searched in these fields are marked in the text: quotations are part of the text,
# and a reader needs to see why the paragraph matched.
_TEXT_FIELDS = ("text", "quote")


class MarkFormatter(highlight.HtmlFormatter):
    """Escape the text between matches (only <mark> is markup) and show where it was cut."""

    def format_token(self, text: str, token, replace: bool = False) -> str:
        return "<mark>" + highlight.htmlescape(highlight.get_text(text, token, replace)) + "</mark>"

    def format_fragment(self, fragment, replace: bool = False) -> str:
        html = super().format_fragment(fragment, replace)
        if fragment.startchar > 0:
            html = "… " + html.lstrip()
        if fragment.endchar < len(fragment.text):
            html = html.rstrip() + " …"
        return html


def query_words(q: query.Query, reader: IndexReader) -> frozenset[str]:
    """The indexed words of `q` a matching text contains: stemmed, prefixes and wildcards
    expanded, none from under NOT."""
    words = set()
    for leaf in wanted_leaves(q):
        if getattr(leaf, "fieldname", None) in _TEXT_FIELDS:
            terms = leaf.existing_terms(reader, phrases=True, expand=True)
            words.update(text for _, text in terms)
    return frozenset(w.decode("utf-8") if isinstance(w, bytes) else w for w in words)


def snippet(text: str, words: frozenset[str], analyzer: Analyzer) -> str | None:
    """The best passage of `text` with `words` marked, or None when none of them occurs."""
    if not words:
        return None
    fragmenter = (
        highlight.WholeFragmenter()
        if len(text) <= SNIPPET_CHARS
        else highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=100)
    )
    html = highlight.highlight(
        text, words, analyzer, fragmenter, MarkFormatter(between=" … "), top=2
    )
    return html or None

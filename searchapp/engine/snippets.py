"""Snippets: the best passage of a paragraph, HTML-escaped, with the matched words marked.

Only the page shown is highlighted, from its stored text: re-analysing ten paragraphs costs
less than storing character offsets for every word of the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import highlight, query
from whoosh.analysis import Analyzer
from whoosh.fields import Schema
from whoosh.reading import IndexReader

from searchapp.engine.queries import wanted_leaves
from searchapp.engine.words import NewsTokenizer, latin_twin, sound_key

SNIPPET_CHARS = 320


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


@dataclass(frozen=True)
class SearchedWords:
    """The indexed words of a query a matching text may contain, by how they are indexed."""

    stemmed: frozenset[str]  # `text` and `quote`
    written: frozenset[str]  # `exact`
    sounds: frozenset[str]  # sound keys of transliterated words

    def __bool__(self) -> bool:
        return bool(self.stemmed or self.written or self.sounds)


def query_words(q: query.Query, reader: IndexReader) -> SearchedWords:
    """Prefixes and wildcards expanded, none from under NOT."""
    found: dict[str, set[str]] = {"stemmed": set(), "written": set(), "sounds": set()}
    for leaf in wanted_leaves(q):
        kind = _KINDS.get(getattr(leaf, "fieldname", None))
        if kind:
            terms = leaf.existing_terms(reader, phrases=True, expand=True)
            found[kind].update(_text(text) for _, text in terms)
    return SearchedWords(**{kind: frozenset(words) for kind, words in found.items()})


def snippet(text: str, words: SearchedWords, schema: Schema) -> str | None:
    """The best passage of `text` with `words` marked, or None when none of them occurs."""
    if not words:
        return None
    fragmenter = (
        highlight.WholeFragmenter()
        if len(text) <= SNIPPET_CHARS
        else highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=100)
    )
    html = highlight.highlight(
        text, {_MATCH}, _Marker(words, schema), fragmenter, MarkFormatter(between=" … "), top=2
    )
    # Two cut fragments meet as "… … …": one ellipsis says the same.
    return _ELLIPSES.sub("…", html) or None


_ELLIPSES = re.compile(r"…(?:\s*…)+")


_KINDS = {"text": "stemmed", "quote": "stemmed", "exact": "written", "sounds": "sounds"}
_MATCH = "\x00match"


class _Marker(Analyzer):
    """Cuts text as the index does and names each word that one of `words` stands for
    `_MATCH`, whichever way it was indexed (stemmed, as written, transliterated)."""

    def __init__(self, words: SearchedWords, schema: Schema) -> None:
        self._words = words
        self._stemmed = schema["text"]
        self._written = schema["exact"]
        self._seen: dict[str, bool] = {}

    def __call__(self, value: str, **kwargs: object):
        for token in NewsTokenizer(variants=False)(value, **kwargs):
            matched = self._seen.get(token.text)
            if matched is None:
                matched = self._seen[token.text] = self._matches(token.text)
            if matched:
                token.text = _MATCH
            yield token

    def _matches(self, spelling: str) -> bool:
        words = self._words
        for form in (spelling, latin_twin(spelling)):
            if form is None:
                continue
            if (
                self._written.term(form) in words.written
                or self._stemmed.term(form) in words.stemmed
            ):
                return True
            if words.sounds and sound_key(self._written.term(form) or "") in words.sounds:
                return True
        return False


def _text(term: str | bytes) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term

"""The acronyms an index generation's articles define, for queries to expand both ways.

Each paragraph that defines one ("the European Space Agency (ESA)") indexes the pair in
the `defines` field, so an incremental reindex keeps the counts right without rereading
the corpus, and a generation reads all pairs back from that field's lexicon (a few
thousand terms) when it is first searched.
"""

from __future__ import annotations

from whoosh.reading import IndexReader

from searchapp.extract.acronyms import Acronym, corpus_acronyms, find_acronyms

_SEPARATOR = "="


def defined_acronyms(text: str) -> list[str]:
    """`defines` terms of one paragraph: "esa=european space agency"."""
    terms = dict.fromkeys(
        f"{a.short.lower()}{_SEPARATOR}{' '.join(a.long.lower().split())}".replace(",", " ")
        for a in find_acronyms(text)
    )
    return list(terms)


def read_acronyms(reader: IndexReader) -> dict[str, str]:
    """Acronym → long form, lowercase, one long form per acronym (the most used)."""
    if "defines" not in reader.schema:
        return {}
    definitions: list[Acronym] = []
    for term in reader.lexicon("defines"):
        short, _, long = term.decode("utf-8").partition(_SEPARATOR)
        count = reader.doc_frequency("defines", term)
        definitions += [Acronym(short.upper(), long)] * min(count, 1_000)
    return {short.lower(): long.lower() for short, long in corpus_acronyms(definitions).items()}

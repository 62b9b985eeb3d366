"""How text is cut into words, and the other spellings a word is also indexed under.

A reader who types `email` means the "e-mail" of the article, `US` means "U.S.", and
`Nelson` means the "Нельсон" of a Russian tweet. So a word is indexed under each of its
spellings at the same position:
- a dotted acronym loses its dots ("U.S." is `us`, "N.Y." is `ny`), as a query does;
- a hyphenated word is indexed as its parts and also joined ("e-mail": `e`, `mail`,
  `email`), so either spelling finds it;
- a word in another script also has its Latin transliteration (anyascii: "Рогозин",
  `rogozin`), so a Latin query finds Cyrillic text. The reverse direction is the query's
  job: a Cyrillic query word is transliterated before it is searched.

Queries are cut the same way but without the extra spellings (`variants=False`): the
query side adds alternatives itself (searchapp/engine/interpret.py), where it can OR them
instead of requiring every token of one word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import jellyfish
from anyascii import anyascii
from whoosh.analysis import Token, Tokenizer
from whoosh.support.charset import accent_map

# Whoosh's default word pattern, `\w+(\.?\w+)*`, plus hyphens inside a word. Written
# without ambiguity between its parts, so matching cannot backtrack.
WORD = re.compile(r"\w+(?:[.\-]\w+)*")
_PIECE = re.compile(r"[^-]+")  # a hyphenated word's parts
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_CACHE_LIMIT = 200_000


def is_dotted_acronym(word: str) -> bool:
    """ "U.S", "N.Y", "Ph.D": letters in groups of one or two between dots."""
    pieces = word.split(".")
    return len(pieces) > 1 and all(0 < len(p) <= 2 and p.isalpha() for p in pieces)


def undotted(word: str) -> str:
    return word.replace(".", "") if "." in word and is_dotted_acronym(word) else word


def is_foreign_script(word: str) -> bool:
    """Letters outside the Latin script (which accent folding already covers)."""
    return not word.isascii() and any(
        ch.isalpha() and not (ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff") for ch in word
    )


_latin_cache: dict[str, str] = {}


def latin_twin(word: str) -> str | None:
    """The Latin transliteration of a word in another script, letters and digits only
    ("Нельсон" → "Nelson", not anyascii's "Nel'son"); None for a Latin word."""
    if word.isascii() or not is_foreign_script(word):
        return None
    twin = _latin_cache.get(word)
    if twin is None:
        if len(_latin_cache) > _CACHE_LIMIT:
            _latin_cache.clear()
        twin = _latin_cache[word] = _NOT_ALNUM.sub("", anyascii(word))
    return twin or None


def words(text: str, variants: bool = True) -> Iterator[tuple[int, int, int, str]]:
    """(position, start, end, spelling) of each word of `text`, spellings of one word at
    one position. Linear in the text: one regex pass, and a few string operations a word.
    A paragraph is cut once for all the fields that index it (the last few are kept)."""
    spans = _cached_spans(text)
    if variants:
        return ((pos, start, end, spelling) for pos, start, end, spelling, _ in spans)
    return ((pos, start, end, spelling) for pos, start, end, spelling, extra in spans if not extra)


def spellings(text: str, variants: bool = True) -> list[str]:
    """The spellings `words()` gives, without positions and offsets: all that a field
    keeping no positions needs, in one comprehension instead of a generator step a word."""
    if variants:
        return indexed_words(text).spellings
    return [span[3] for span in _cached_spans(text) if not span[4]]


class IndexedWords(NamedTuple):
    """Every spelling `words()` gives, with its position: what indexing needs."""

    spellings: list[str]
    positions: Sequence[int]
    plain: bool  # every word ASCII, none with a dot or hyphen inside: one spelling each


def indexed_words(text: str) -> IndexedWords:
    """`text`'s spellings and positions. Two paragraphs in three are plain, and for them
    this is one regex pass in C: each word is its only spelling, at its index. The others
    are cut word by word (`_spans`). The last few texts are kept, as `words()` keeps them."""
    cut = _recent_cuts.get(text)
    if cut is None:
        if len(_recent_cuts) >= _RECENT:
            _recent_cuts.clear()
        found = WORD.findall(text)
        joined = "".join(found)
        if joined.isascii() and "." not in joined and "-" not in joined:
            cut = IndexedWords(found, range(len(found)), True)
        else:
            spans = _cached_spans(text)
            cut = IndexedWords([s[3] for s in spans], [s[0] for s in spans], False)
        _recent_cuts[text] = cut
    return cut


def _cached_spans(text: str) -> list[tuple[int, int, int, str, bool]]:
    spans = _recent.get(text)
    if spans is None:
        if len(_recent) >= _RECENT:
            _recent.clear()
        spans = _recent[text] = _spans(text)
    return spans


_RECENT = 8
_recent: dict[str, list[tuple[int, int, int, str, bool]]] = {}
_recent_cuts: dict[str, IndexedWords] = {}


def _spans(text: str) -> list[tuple[int, int, int, str, bool]]:
    """Every spelling of every word; the last item says whether it is an extra spelling."""
    spans = []
    append = spans.append
    pos = 0
    for match in WORD.finditer(text):
        word = match.group()
        if "-" not in word:  # the common case, inline
            spelling = undotted(word) if "." in word else word
            append((pos, match.start(), match.end(), spelling, False))
            if not spelling.isascii() and (twin := latin_twin(spelling)):
                append((pos, match.start(), match.end(), twin, True))
            pos += 1
            continue
        start = match.start()
        first = pos
        joined = []
        for piece in _PIECE.finditer(word):
            spelling = undotted(piece.group())
            joined.append(spelling)
            append((pos, start + piece.start(), start + piece.end(), spelling, False))
            if twin := latin_twin(spelling):
                append((pos, start + piece.start(), start + piece.end(), twin, True))
            pos += 1
        append((first, start, match.end(), "".join(joined), True))
    return spans


class NewsTokenizer(Tokenizer):
    """A Whoosh tokenizer over `words()`. Indexing adds the variant spellings; a query
    (`mode="query"`) never does."""

    def __init__(self, variants: bool = True) -> None:
        self.variants = variants

    def __eq__(self, other: object) -> bool:
        return type(other) is NewsTokenizer and other.variants == self.variants

    def __hash__(self) -> int:
        return hash((NewsTokenizer, self.variants))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        variants = self.variants and mode != "query"
        spans = words(value, variants) if tokenize else [(0, 0, len(value), value)]
        for pos, start, end, spelling in spans:
            token.text = spelling
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = spelling
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


# Before a word, these end a sentence or open a quotation or a list item: a capital after
# them says nothing about the word.
_SENTENCE_OPENERS = frozenset(".!?:;\"“”‘’'([{—–-•*·|>")


def capitalized_words(text: str) -> list[str]:
    """The words written with a capital inside a sentence, lowercased and accent-folded
    as `exact` indexes them; what `is_name` counts."""
    if indexed_words(text).plain:  # words are runs of ASCII word characters
        found = dict.fromkeys(
            _fold(match.group())
            for match in _CAPITALIZED.finditer(text)
            if not _opens_sentence(text, match.start())
        )
    else:
        found = dict.fromkeys(
            _fold(spelling)
            for _pos, start, _end, spelling, extra in _cached_spans(text)
            if spelling[0].isupper() and not extra and not _opens_sentence(text, start)
        )
    return list(found)


_CAPITALIZED = re.compile(r"\b[A-Z]\w*")  # in a plain text, a word that starts with a capital


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


# A letter outside the Latin script (punctuation and symbols are all below U+2BFF).
_FOREIGN_LETTER = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u2bff]")


def sound_keys(text: str) -> list[str]:
    """Metaphone keys of the words transliterated from other scripts."""
    if not _FOREIGN_LETTER.search(text):  # nearly every paragraph: one pass in C
        return []
    keys = dict.fromkeys(
        key
        for _pos, _start, _end, spelling in words(text, variants=False)
        if (twin := latin_twin(spelling)) and (key := sound_key(twin))
    )
    return list(keys)


def sound_key(word: str) -> str | None:
    """A Latin word's metaphone key, for words of three letters or more."""
    if len(word) < 3 or not word.isalpha() or not word.isascii():
        return None
    return jellyfish.metaphone(word[:40]) or None


def _fold(word: str) -> str:
    return word.lower().translate(accent_map)

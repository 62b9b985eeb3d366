"""Typo tolerance: "did you mean" from the archive's own vocabulary.

A misspelled word ("sanctons", "clnton", "cheif") is corrected to the nearest spelling the
archive itself uses. The vocabulary is every lowercase, accent-folded, unstemmed word of
the index with its document frequency, written once per index generation
(`write_vocabulary`, one `word<TAB>df` line each) and loaded once per server process
(`Speller.load`).

Candidates are the vocabulary's words within 1 edit of a short word, 2 of a longer one,
with a transposition counted as one edit (optimal string alignment, so "cheif" is one edit
from "chief"). Only words of the lengths that can be that close are considered; a numpy
pass over their letter signatures (`_letters`) keeps the few that can be, and RapidFuzz's
bit-parallel OSA distance measures those. bench/spelling.py measured this against
SymSpell, Whoosh's own automata and pyspellchecker, on the PolNeAR vocabulary and one five
times its size (its docstring has the table): the same answers as an exhaustive scan,
0.36 ms at p95 on 127,000 words, 6 MiB, loaded in 0.3 s; SymSpell was as fast but took
220 MiB and 3-5 s per server process. Among candidates the fewest edits win, then the
highest document frequency, then the alphabetically first.

A lookup's cost is bounded: words longer than `SpellingRules.max_length` are not looked up
at all, and one lookup looks at most at the words of 2k + 1 lengths. After
loading nothing is mutated, so one Speller serves any number of threads.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh.reading import IndexReader
from whoosh.support.charset import accent_map

__all__ = [
    "Correction",
    "Speller",
    "SpellingRules",
    "fold",
    "vocabulary_counts",
    "write_vocabulary",
]


@dataclass(frozen=True)
class SpellingRules:
    """When a word is corrected, how far a candidate may be, and when to apply it.

    The defaults were measured by bench/spelling.py on the PolNeAR vocabulary.
    """

    # Shorter words are left alone: at 3 letters one edit reaches dozens of real words.
    min_length: int = 4
    # Longer words are not looked up (a hostile 10,000-letter "word" costs nothing).
    max_length: int = 30
    # Words of this many letters or more may be two edits off; shorter ones one.
    two_edits_from: int = 7
    # A word the archive has is still corrected when it is at most this frequent…
    rare_df: int = 3
    # …and a spelling one edit away is at least this many times more frequent: a typo
    # that got printed once. Such a correction is only offered, never applied.
    rare_ratio: int = 50
    # A correction of an absent word is applied automatically when the winner is at
    # least this many times as frequent as the runner-up at the same distance…
    confident_ratio: float = 10.0
    # …and is itself in at least this many documents: a rarer word the archive lacks is
    # as likely a real word as a typo (bench/spelling.py's "unseen" words).
    confident_df: int = 5


@dataclass(frozen=True)
class Correction:
    """The spelling `suggestion` for `word` (both folded), `distance` edits away.

    `confident` corrections may be applied to the search automatically ("showing results
    for"); the others should only be offered ("did you mean").
    """

    word: str
    suggestion: str
    distance: int
    word_df: int
    suggestion_df: int
    confident: bool


def fold(word: str) -> str:
    """`word` as the vocabulary spells it: lowercase, accents folded."""
    return word.lower().translate(accent_map)


def _letters(word: str) -> int:
    """A word's letter signature: bit ord(c) % 32 for each letter it has (low half) and
    for each it has twice or more (high half). Each edit brings in at most one letter
    occurrence, so a word k edits from another has at most k bits the other lacks, both
    ways: a lower bound on the distance checked for a whole vocabulary in a few array
    operations."""
    mask = 0
    for char in word:
        bit = 1 << (ord(char) & 31)
        mask |= bit << 32 if mask & bit else bit
    return mask


_ONE = np.uint64(1)


class Speller:
    """Corrects words to the spellings of one vocabulary. Immutable after construction."""

    __slots__ = ("_df", "_masks", "_starts", "_words", "rules")

    def __init__(self, df: Mapping[str, int], rules: SpellingRules | None = None) -> None:
        self.rules = rules or SpellingRules()
        self._df: dict[str, int] = dict(df)
        # The alphabetic words a lookup can reach, by length; `_starts[n]` is where the
        # words of n letters begin.
        longest = self.rules.max_length + 2
        words = sorted(
            (w for w in self._df if len(w) <= longest and w.isalpha()),
            key=lambda w: (len(w), w),
        )
        self._words = np.array(words, dtype=object)
        self._masks = np.fromiter(map(_letters, words), dtype=np.uint64, count=len(words))
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        self._starts = np.searchsorted(lengths, np.arange(longest + 2)).tolist()
        self._words.flags.writeable = False
        self._masks.flags.writeable = False

    @classmethod
    def from_counts(
        cls, counts: Iterable[tuple[str, int]], rules: SpellingRules | None = None
    ) -> Speller:
        """A speller of (word, document frequency) pairs; a repeated word's counts add up."""
        df: dict[str, int] = {}
        for word, count in counts:
            df[word] = df.get(word, 0) + int(count)
        return cls(df, rules)

    @classmethod
    def load(cls, path: Path, rules: SpellingRules | None = None) -> Speller:
        """The speller of a file `write_vocabulary` wrote."""
        # Words have no white space, so one split of the whole file is words and counts
        # alternately: three times faster than reading it line by line.
        parts = Path(path).read_text(encoding="utf-8").split()
        if len(parts) % 2:
            raise ValueError(f"{path}: not a vocabulary file (odd number of fields)")
        return cls(dict(zip(parts[0::2], map(int, parts[1::2]), strict=True)), rules)

    def __len__(self) -> int:
        return len(self._df)

    def __contains__(self, word: object) -> bool:
        return word in self._df

    def df(self, word: str) -> int:
        """How many documents have `word` (folded), 0 if none."""
        return self._df.get(word, 0)

    def candidates(self, word: str, max_edits: int) -> list[tuple[int, int, str]]:
        """(edits, -df, spelling) of every other alphabetic vocabulary word within
        `max_edits` (1 or 2) of `word` (already folded), best first."""
        if not 1 <= max_edits <= 2 or len(word) > self.rules.max_length:
            raise ValueError("one or two edits, of a word no longer than max_length")
        starts = self._starts
        lo = starts[max(0, len(word) - max_edits)]
        hi = starts[min(len(starts) - 1, len(word) + max_edits + 1)]
        # The words whose letter signatures are within max_edits bits of the word's,
        # both ways (x & (x - 1) clears a bit), then their true distances.
        masks = self._masks[lo:hi]
        mask = np.uint64(_letters(word))
        extra, missing = mask & ~masks, masks & ~mask
        if max_edits == 2:
            extra &= extra - _ONE
            missing &= missing - _ONE
        near = np.flatnonzero(((extra & (extra - _ONE)) | (missing & (missing - _ONE))) == 0)
        df = self._df
        found = [
            (int(edits), -df[spelling], spelling)
            for spelling, edits, _ in process.extract(
                word,
                self._words[lo:hi][near],
                scorer=OSA.distance,
                score_cutoff=max_edits,
                limit=None,
            )
            if spelling != word
        ]
        found.sort()
        return found

    def correct(self, word: str) -> Correction | None:
        """The correction of `word`, or None when it is spelled as the archive spells it,
        is not a word to correct (short, a number, not all letters) or has no near
        spelling."""
        rules = self.rules
        if len(word) > rules.max_length:
            return None
        text = fold(word)
        if not rules.min_length <= len(text) <= rules.max_length or not text.isalpha():
            return None
        word_df = self._df.get(text, 0)
        if word_df > rules.rare_df:
            return None
        if word_df:
            # A rare word in the archive: only a one-edit, far more common spelling.
            floor = word_df * rules.rare_ratio
            found = [c for c in self.candidates(text, 1) if -c[1] >= floor]
        else:
            max_edits = 2 if len(text) >= rules.two_edits_from else 1
            found = self.candidates(text, max_edits)
        if not found:
            return None
        edits, minus_df, suggestion = found[0]
        suggestion_df = -minus_df
        confident = False
        if not word_df and suggestion_df >= rules.confident_df:
            runner_up = next((-c[1] for c in found[1:] if c[0] == edits), 0)
            confident = suggestion_df >= rules.confident_ratio * runner_up
        return Correction(text, suggestion, edits, word_df, suggestion_df, confident)


def write_vocabulary(path: Path, counts: Iterable[tuple[str, int]]) -> None:
    """Write (word, document frequency) pairs for `Speller.load`, atomically: readers see
    the old file or the new one, never half of one. Words with white space inside (which
    no tokenized word has) and counts below 1 are skipped; a repeated word's counts add."""
    df: dict[str, int] = {}
    for word, count in counts:
        if count >= 1 and word and word.split() == [word]:
            df[word] = df.get(word, 0) + int(count)
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(f"{word}\t{df[word]}\n" for word in sorted(df))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def vocabulary_counts(
    reader: IndexReader, fieldname: str, folder: Path | None = None
) -> Iterator[tuple[str, int]]:
    """(word, document frequency) of every term of a Whoosh text field.

    One pass over each segment's term infos, summed: a multi-segment reader looks every
    term up in every segment (10 s at 200,000 paragraphs, against 1.2 s this way), and
    `iter_field` beat `lexicon` plus one `doc_frequency` per term (bench/spelling.py).
    Segments never change, so with `folder` each segment's counts are kept beside its
    files (`<segment>.<field>-words`, hard-linked into later generations with them), and
    an incremental reindex reads only the segments it wrote.
    """
    counts: dict[str, int] = {}
    leaves = [(reader, 0)] if reader.is_atomic() else reader.leaf_readers()
    for leaf, _offset in leaves:
        for word, count in _segment_counts(leaf, fieldname, folder):
            counts[word] = counts.get(word, 0) + count
    for word in sorted(counts):
        yield word, counts[word]


def _segment_counts(
    leaf: IndexReader, fieldname: str, folder: Path | None
) -> list[tuple[str, int]]:
    cache = None
    if folder is not None and hasattr(leaf, "segment"):
        cache = segment_words_path(Path(folder), leaf.segment().segment_id(), fieldname)
        try:
            return list(_read_counts(cache))
        except (OSError, ValueError):
            pass
    found = [
        (btext.decode("utf-8"), info.doc_frequency()) for btext, info in leaf.iter_field(fieldname)
    ]
    if cache is not None:
        write_vocabulary(cache, found)
    return found


def segment_words_path(folder: Path, segment_id: str, fieldname: str) -> Path:
    """Where one segment's (word, document frequency) pairs of a field are kept. The
    segment builders write it as they write the segment, from the postings they hold, so
    finishing a generation does not read the words back from Whoosh."""
    return folder / f"{segment_id}.{fieldname}-words"


def _read_counts(path: Path) -> Iterator[tuple[str, int]]:
    fields = path.read_text("utf-8").split()
    if len(fields) % 2:
        raise ValueError(f"{path} is not a vocabulary")
    for i in range(0, len(fields), 2):
        yield fields[i], int(fields[i + 1])

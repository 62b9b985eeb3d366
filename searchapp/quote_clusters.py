"""Clusters of one quotation as printed by several outlets.

Outlets quote the same sentence verbatim, trimmed to a shorter stretch, or in two
translations that differ by a few words. A reader who finds one of them wants the others
("who else printed this?"), so the index labels each quotation with its cluster.

Pairs are proposed by MinHash LSH (datasketch) over word trigrams of short windows of each
quotation, so a fragment is proposed against the longer quotation that contains it; they
are confirmed with rapidfuzz; clusters are the connected components of confirmed pairs.
Never all pairs: cost is linear in the number of quotations, with every per-quotation
cost capped (characters read, windows, bucket sizes). Thresholds were tuned on
`bench/quote_pairs.jsonl` (see `bench/quote_clusters.py`).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterator, Sequence

import numpy as np
from datasketch import MinHashLSH
from rapidfuzz import fuzz

# Characters of a quotation read: PolNeAR's longest is about 1,800; a fragment quoted
# from past this point of a longer quotation is not found, which no real case needed.
MAX_CHARS = 2_000
# Below this many words a quotation ("no", "we'll see", "radical Islamic terrorism") is
# joined only to the identical words from the same speaker: a few words say too little
# to tell one statement from a catchphrase repeated on another day.
MIN_WORDS = 5
# LSH windows: any stretch of WINDOW - STRIDE + 1 words lies inside one window, so a
# 6-word fragment meets the window that holds it at trigram Jaccard >= 0.4 and not
# diluted by the rest of a long quotation.
WINDOW = 10
STRIDE = 5
MAX_WINDOWS = 40  # = MAX_CHARS of ordinary prose; bounds the sketches per quotation
NUM_PERM = 32
LSH_THRESHOLD = 0.3
# A bucket shared by more quotations than this is compared along a sliding window of its
# members (each with the next BUCKET_CAP), not all pairs: 10,000 near-identical
# quotations stay linear, and their chain of confirmed neighbours still joins them.
BUCKET_CAP = 32
# Confirmation (rapidfuzz, 0-100 on normalized text): the whole texts alike, or the
# shorter one found almost as is inside the longer one.
SAME_RATIO = 80
CONTAINED = 90
# Speakers whose names do not match: only long, near-verbatim quotations are joined (one
# outlet attributing a statement to "Roscosmos", another to "Rogozin"), not fragments.
OTHER_SPEAKER_RATIO = 92
OTHER_SPEAKER_WORDS = 8

_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_CHUNK = 20_000  # windows per numpy pass: about 8 MB of permuted hashes at 32 permutations

_WORD = re.compile(r"\w+(?:'\w+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def cluster_quotes(quotes: Sequence[tuple[str, str]]) -> list[int]:
    """A cluster label per (speaker canonical name, quotation text): the index of the
    first quotation of its cluster. The same input always gives the same labels: every
    hash is seeded (crc32, MinHash seed 1) and every set is read in sorted order."""
    # Syndicated and replicated stories repeat quotations and speakers word for word:
    # each distinct string is normalised once (the lists are only read).
    normalised: dict[str, list[str]] = {}
    keys: dict[str, str] = {}
    words = [
        normalised[text] if text in normalised else normalised.setdefault(text, _words(text))
        for _, text in quotes
    ]
    speakers = [
        keys[name] if name in keys else keys.setdefault(name, _speaker_key(name))
        for name, _ in quotes
    ]
    parent = list(range(len(quotes)))
    # Identical words from the same speaker are one quotation whatever their length;
    # only the first of them is compared further, so repeats cost nothing more.
    first: dict[tuple[str, str], int] = {}
    reps: list[int] = []
    for i, (speaker, tokens) in enumerate(zip(speakers, words, strict=True)):
        key = (speaker, " ".join(tokens))
        if key in first:
            union(parent, first[key], i)
        else:
            first[key] = i
            if len(tokens) >= MIN_WORDS:
                reps.append(i)
    texts = {i: " ".join(words[i]) for i in reps}
    for a, b in _candidates(reps, words):
        if find(parent, a) != find(parent, b) and _same(
            texts[a],
            texts[b],
            len(words[a]),
            len(words[b]),
            _same_speaker(speakers[a], speakers[b]),
        ):
            union(parent, a, b)
    return [find(parent, i) for i in range(len(quotes))]


def same_speaker(a: str, b: str) -> bool:
    """Whether two speaker names may be one person, as clustering decides it."""
    return _same_speaker(_speaker_key(a), _speaker_key(b))


def _words(text: str) -> list[str]:
    """Case-, apostrophe- and punctuation-blind words: outlets differ in exactly these
    ("ISIS's"/"ISIS’s", "—" or "-", a final period)."""
    folded = unicodedata.normalize("NFKC", text[:MAX_CHARS]).casefold()
    return _WORD.findall(folded.translate(_APOSTROPHES))


def _speaker_key(name: str) -> str:
    return " ".join(_words(name))


def _same_speaker(a: str, b: str) -> bool:
    """One person for clustering: equal names, or one name's words within the other's
    ("Rogozin" and "Dmitry Rogozin"), as corpus-wide names may still differ by outlet."""
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _same(a: str, b: str, words_a: int, words_b: int, same_speaker: bool) -> bool:
    """Whether two normalized quotations are one statement, as the tuned thresholds say."""
    if not same_speaker:
        return (
            min(words_a, words_b) >= OTHER_SPEAKER_WORDS and fuzz.ratio(a, b) >= OTHER_SPEAKER_RATIO
        )
    if fuzz.ratio(a, b, score_cutoff=SAME_RATIO):
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return bool(fuzz.partial_ratio(short, long, score_cutoff=CONTAINED))


def _windows(tokens: list[str]) -> Iterator[list[bytes]]:
    """Trigram lists of overlapping windows of the words, the last one flush with the
    end (one window for short text)."""
    last = max(len(tokens) - WINDOW, 0)
    starts = list(range(0, last, STRIDE))[: MAX_WINDOWS - 1] + [last]
    for start in starts:
        part = tokens[start : start + WINDOW]
        yield [" ".join(part[k : k + 3]).encode() for k in range(len(part) - 2)]


def _candidates(reps: list[int], words: list[list[str]]) -> Iterator[tuple[int, int]]:
    """Pairs of quotations that share an LSH bucket in some band, with oversized buckets
    compared along a sliding window only."""
    owners: list[int] = []
    hashes: list[int] = []
    starts: list[int] = []
    for i in reps:
        for shingles in _windows(words[i]):
            owners.append(i)
            starts.append(len(hashes))
            hashes.extend(zlib.crc32(shingle) for shingle in shingles)  # seedless, C-fast
    if not owners:
        return
    signatures = _signatures(np.array(hashes, dtype=np.uint64), np.array(starts))
    who = np.array(owners)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)  # its optimal (b, r)
    for band in range(lsh.b):
        keys = np.ascontiguousarray(signatures[:, band * lsh.r : (band + 1) * lsh.r])
        _, group = np.unique(
            keys.view(np.dtype((np.void, keys.itemsize * lsh.r))).ravel(), return_inverse=True
        )
        order = np.argsort(group, kind="stable")
        grouped = who[order]
        bounds = np.flatnonzero(np.diff(group[order])) + 1
        starts = np.concatenate(([0], bounds))
        ends = np.concatenate((bounds, [len(order)]))
        shared = np.flatnonzero(ends - starts > 1)  # most buckets hold one window: skip them
        for start, end in zip(starts[shared].tolist(), ends[shared].tolist(), strict=True):
            members = set(grouped[start:end].tolist())
            if len(members) > 1:
                yield from _bucket_pairs(sorted(members))


def _signatures(hashes: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """MinHash signatures of every window in one numpy pass, with datasketch's legacy
    permutations (a * h + b mod 2^61 - 1, seed 1). datasketch's own objects cost about
    56 us per window to sketch and insert (measured), 8 s for 100,000 quotations alone."""
    gen = np.random.RandomState(1)
    a = gen.randint(1, _PRIME, size=NUM_PERM, dtype=np.uint64)
    b = gen.randint(0, _PRIME, size=NUM_PERM, dtype=np.uint64)
    out = np.empty((len(starts), NUM_PERM), dtype=np.uint64)
    # Chunks of whole windows, so the (shingles x permutations) matrix stays small.
    for lo in range(0, len(starts), _CHUNK):
        hi = min(lo + _CHUNK, len(starts))
        first, last = starts[lo], starts[hi] if hi < len(starts) else len(hashes)
        permuted = (np.outer(hashes[first:last], a) + b) % _PRIME & _MAX_HASH
        out[lo:hi] = np.minimum.reduceat(permuted, starts[lo:hi] - first, axis=0)
    return out


def _bucket_pairs(members: list[int]) -> Iterator[tuple[int, int]]:
    for x, a in enumerate(members):
        for b in members[x + 1 : x + 1 + BUCKET_CAP]:
            yield a, b


def find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def union(parent: list[int], a: int, b: int) -> None:
    """Joins two clusters under the lower index, so a label is its cluster's first."""
    ra, rb = find(parent, a), find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)

"""Typo tolerance: which library finds the archive's nearest spelling, measured.

    python bench/spelling.py [--corpus DIR] [--scale 5] [--quick]

Builds the vocabulary (word, paragraph frequency) of the PolNeAR train and dev articles,
and one `--scale` times its size with synthetic rare words (mutations of real words, as a
large archive's rare names and printed typos are), then compares, on the same typo set and
the same ranking rules (searchapp.engine.spelling.SpellingRules):

- rapidfuzz+sig: what searchapp.engine.spelling.Speller does: a numpy pass over the
  letter signatures of the words of the lengths that can be close, then RapidFuzz's OSA
  distance on the few words left;
- rapidfuzz-len: RapidFuzz OSA distance over all the words of those lengths;
- rapidfuzz-flat: the same over the whole vocabulary at once;
- symspellpy: symmetric deletes, max edit distance 2, prefix length 7;
- whoosh: `reader.terms_within` on a Whoosh index of the vocabulary (its automata);
- pyspellchecker: Norvig's generated edits looked up in a dict.

For each: build and load time, memory (tracemalloc of the build), latency of one
`correct()` (p50/p95/max), top-1 accuracy on (a) synthetic typos of words with df >= 5,
(b) hand-written realistic typos, and the false-correction rate on (c) correctly spelled
words with df >= 2 (any suggestion / an automatically applied one). Then the rules are
tuned with the chosen library, and `vocabulary_counts`' two ways of reading a Whoosh
lexicon are timed.

Measured on this machine (25,475 words from 17,240 paragraphs; 5x = 127,375 words; 300
synthetic typos, 40 hand-written, 300 correctly spelled words; default SpellingRules):

    library         vocab  build s  load s  MiB    p50 ms  p95 ms  max ms  synth  hand
    rapidfuzz+sig   1x     0.05     0.04    1.4    0.03    0.10    0.18    88.0%  92.5%
    rapidfuzz-len   1x     0.05     -       1.4    0.58    1.21    1.62    88.0%  92.5%
    rapidfuzz-flat  1x     0.04     -       1.4    1.73    2.11    9.10    88.0%  92.5%
    symspellpy      1x     0.72     0.39    47.3   0.02    0.16    0.39    88.0%  92.5%
    whoosh          1x     0.50     -       5.8    2.65    49.2    108     75.3%  87.5%
    pyspellchecker  1x     0.06     -       3.6    0.31    316     1071    88.0%  92.5%
    rapidfuzz+sig   5x     0.39     0.32    5.7    0.12    0.36    2.27    87.7%  92.5%
    rapidfuzz-len   5x     0.43     -       5.7    12.1    34.3    55.0    87.7%  92.5%
    rapidfuzz-flat  5x     0.38     -       5.7    44.4    55.2    82.0    87.7%  92.5%
    symspellpy      5x     5.63     3.19    220.4  0.08    0.63    3.86    87.7%  92.5%
    whoosh          5x     3.22     -       27.2   4.78    195     314     75.0%  87.5%
    pyspellchecker  5x     0.85     -       16.4   0.43    410     1225    87.7%  92.5%

Every exact method finds the same candidates, so the same answers; correctly spelled
words: 2.3% offered a suggestion (rare words one edit from a 50x more common one), 0%
changed automatically. Whoosh's automata count a transposition as two edits (75%) and
walk the lexicon in Python; pyspellchecker generates every string two edits away.
SymSpell is as fast as rapidfuzz+sig but costs 220 MiB and 3-5 s per server process at
5x. Chosen: rapidfuzz+sig. Lexicon reading: iter_field 129 ms, lexicon + doc_frequency
269 ms for 25,784 terms.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import string
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from searchapp.engine.spelling import (  # noqa: E402
    Correction,
    Speller,
    SpellingRules,
    fold,
    vocabulary_counts,
    write_vocabulary,
)

CORPUS = Path("/work/shared/corpora/polnear")
WORD = re.compile(r"\w+")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
SEED = 20260

# (typo, intended word): typed as people type them; kept only where the word is in the
# vocabulary. "rogozin" is not in PolNeAR, so the names are ones that are.
HAND_TYPOS = [
    ("clnton", "clinton"),
    ("sanctons", "sanctions"),
    ("cheif", "chief"),
    ("benghazy", "benghazi"),
    ("immigartion", "immigration"),
    ("goverment", "government"),
    ("recieve", "receive"),
    ("presidnet", "president"),
    ("repubilcan", "republican"),
    ("obamma", "obama"),
    ("sandres", "sanders"),
    ("kasick", "kasich"),
    ("fiorna", "fiorina"),
    ("huckabe", "huckabee"),
    ("netanyhu", "netanyahu"),
    ("erdogn", "erdogan"),
    ("campain", "campaign"),
    ("elecion", "election"),
    ("congres", "congress"),
    ("beleive", "believe"),
    ("foriegn", "foreign"),
    ("ecomony", "economy"),
    ("seperate", "separate"),
    ("occured", "occurred"),
    ("untill", "until"),
    ("tommorow", "tomorrow"),
    ("refugess", "refugees"),
    ("nucelar", "nuclear"),
    ("ukriane", "ukraine"),
    ("wahsington", "washington"),
    ("terrorisim", "terrorism"),
    ("putn", "putin"),
    ("hilary", "hillary"),
    ("rubbio", "rubio"),
    ("christy", "christie"),
    ("kremiln", "kremlin"),
    ("definately", "definitely"),
    ("mexcio", "mexico"),
    ("pentagn", "pentagon"),
    ("sirya", "syria"),
]


# --- the vocabulary -------------------------------------------------------------------


def paragraphs(corpus: Path, splits: tuple[str, ...] = ("train", "dev")) -> Iterable[str]:
    """Each article's body, after its YAML front matter, split at blank lines."""
    for split in splits:
        for path in sorted((corpus / split / "articles").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if text.startswith("---"):
                end = text.find("\n---", 3)
                text = text[end + 4 :] if end >= 0 else text
            for para in PARAGRAPH_BREAK.split(text):
                if para.strip():
                    yield para


def corpus_counts(
    corpus: Path, splits: tuple[str, ...] = ("train", "dev")
) -> tuple[Counter[str], list[str]]:
    """Paragraph frequency of each lowercase, accent-folded word, and the paragraphs."""
    df: Counter[str] = Counter()
    paras = list(paragraphs(corpus, splits))
    for para in paras:
        df.update({fold(w) for w in WORD.findall(para)})
    return df, paras


def mutate(word: str, rng: random.Random, edits: int = 1) -> str:
    """`word` with `edits` random deletions, insertions, substitutions or transpositions."""
    letters = string.ascii_lowercase
    for _ in range(edits):
        kind = rng.randrange(4) if len(word) > 2 else 1
        i = rng.randrange(len(word))
        if kind == 0:
            word = word[:i] + word[i + 1 :]
        elif kind == 1:
            word = word[:i] + rng.choice(letters) + word[i:]
        elif kind == 2:
            word = word[:i] + rng.choice(letters.replace(word[i], "")) + word[i + 1 :]
        else:
            i = min(i, len(word) - 2)
            if word[i] == word[i + 1]:
                word = word[:i] + rng.choice(letters) + word[i + 1 :]
            else:
                word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


def scaled(df: Counter[str], scale: int, exclude: set[str], rng: random.Random) -> Counter[str]:
    """`df` with (scale - 1) x its size of synthetic rare words: real words mutated by one
    to three edits, or two real words run together, with document frequencies 1 to 3 (an
    archive of 200k-1M paragraphs has that many rare names and one-off spellings)."""
    big = Counter(df)
    sources = sorted(w for w in df if w.isalpha() and len(w) >= 3)
    target = len(df) * scale
    while len(big) < target:
        roll = rng.random()
        if roll < 0.8:
            word = mutate(rng.choice(sources), rng, rng.choice((1, 1, 2, 3)))
        else:
            word = rng.choice(sources) + rng.choice(sources)
        if word and word not in big and word not in exclude:
            big[word] = rng.choice((1, 1, 1, 1, 2, 2, 3))
    return big


# --- the typo sets --------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    kind: str  # "synthetic", "hand" or "correct"
    typed: str
    expected: str | None  # None: must not be changed


LONG = 8  # synthetic typos of words this long have two edits, half of them


def typo_cases(df: Counter[str], rng: random.Random, n: int) -> list[Case]:
    """(a) n synthetic typos of words with df >= 5 and 4 letters or more: one edit, two
    for half of the words of `LONG` letters or more; absent from the vocabulary.
    (b) the hand-written ones whose word is in it. (c) n correctly spelled words, df >= 2,
    half of them rare (df 2-5)."""
    pool = sorted(w for w, c in df.items() if c >= 5 and w.isalpha() and len(w) >= 4)
    cases: list[Case] = []
    seen: set[str] = set()
    while len(cases) < n:
        word = rng.choice(pool)
        edits = 2 if len(word) >= LONG and rng.random() < 0.5 else 1
        typo = mutate(word, rng, edits)
        if typo in df or typo in seen or len(typo) < 4 or OSA.distance(typo, word) != edits:
            continue
        seen.add(typo)
        cases.append(Case("synthetic", typo, word))
    cases += [Case("hand", t, w) for t, w in HAND_TYPOS if w in df and t != w]
    rare = sorted(w for w, c in df.items() if 2 <= c <= 5 and w.isalpha() and len(w) >= 4)
    common = sorted(w for w, c in df.items() if c > 5 and w.isalpha() and len(w) >= 4)
    cases += [Case("correct", w, None) for w in rng.sample(rare, n // 2)]
    cases += [Case("correct", w, None) for w in rng.sample(common, n - n // 2)]
    return cases


# --- the libraries, each as a Speller whose candidate search is theirs ----------------


class LengthSpeller(Speller):
    """RapidFuzz over every word of the lengths that can be close, no signature filter."""

    def candidates(self, word, max_edits):
        starts = self._starts
        lo = starts[max(0, len(word) - max_edits)]
        hi = starts[min(len(starts) - 1, len(word) + max_edits + 1)]
        got = process.extract(
            word, self._words[lo:hi], scorer=OSA.distance, score_cutoff=max_edits, limit=None
        )
        return sorted((int(d), -self._df[w], w) for w, d, _ in got if w != word)


class FlatSpeller(Speller):
    """RapidFuzz over the whole alphabetic vocabulary in one call."""

    def candidates(self, word, max_edits):
        got = process.extract(
            word, self._words, scorer=OSA.distance, score_cutoff=max_edits, limit=None
        )
        return sorted((int(d), -self._df[w], w) for w, d, _ in got if w != word)


class SymSpeller(Speller):
    def __init__(self, df, rules=None):
        from symspellpy import SymSpell

        super().__init__(df, rules)
        self._sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for w in self._words:
            self._sym.create_dictionary_entry(w, self._df[w])

    def candidates(self, word, max_edits):
        from symspellpy import Verbosity

        got = self._sym.lookup(word, Verbosity.ALL, max_edit_distance=max_edits)
        return sorted((s.distance, -self._df[s.term], s.term) for s in got if s.term != word)


class WhooshSpeller(Speller):
    """`terms_within` on an on-disk Whoosh index whose one field holds the vocabulary."""

    prefix = 0

    def __init__(self, df, rules=None):
        from whoosh import fields, index

        super().__init__(df, rules)
        self._dir = tempfile.TemporaryDirectory(prefix="spelling-whoosh-")
        ix = index.create_in(self._dir.name, fields.Schema(w=fields.KEYWORD(scorable=False)))
        words = list(self._words)
        with ix.writer(limitmb=256) as writer:
            for i in range(0, len(words), 1000):
                writer.add_document(w=" ".join(words[i : i + 1000]))
        self._reader = index.open_dir(self._dir.name).reader()

    def candidates(self, word, max_edits):
        got = self._reader.terms_within("w", word, max_edits, prefix=self.prefix)
        out = []
        for w in got:
            w = w.decode("utf-8") if isinstance(w, bytes) else w
            d = OSA.distance(word, w)
            if w != word and d <= max_edits:
                out.append((d, -self._df[w], w))
        return sorted(out)


class NorvigSpeller(Speller):
    """pyspellchecker: every string within one (two) edits, looked up in its dict."""

    def __init__(self, df, rules=None):
        from spellchecker import SpellChecker

        super().__init__(df, rules)
        self._spell = SpellChecker(language=None, distance=2)
        self._spell.word_frequency.load_json({w: self._df[w] for w in self._words})

    def candidates(self, word, max_edits):
        spell = self._spell
        near = spell.edit_distance_1(word)
        if max_edits >= 2:
            near = set(spell.edit_distance_2(word)) | near
        out = []
        for w in spell.known(near):
            d = OSA.distance(word, w)
            if w != word and d <= max_edits:
                out.append((d, -self._df[w], w))
        return sorted(out)


LIBRARIES: dict[str, type[Speller]] = {
    "rapidfuzz+sig": Speller,
    "rapidfuzz-len": LengthSpeller,
    "rapidfuzz-flat": FlatSpeller,
    "symspellpy": SymSpeller,
    "whoosh": WhooshSpeller,
    "pyspellchecker": NorvigSpeller,
}

# Measured once, not twice (warm): a lookup takes tens to hundreds of milliseconds.
SLOW = {"whoosh", "pyspellchecker"}


# --- measuring ------------------------------------------------------------------------


@dataclass
class Score:
    n: dict[str, int]
    right: dict[str, int]
    suggested: int = 0  # correct words given any suggestion
    applied: int = 0  # correct words changed automatically
    confident: int = 0  # typos corrected confidently
    confident_right: int = 0


def evaluate(correct: Callable[[str], Correction | None], cases: list[Case]):
    score = Score(Counter(), Counter())
    times = []
    for case in cases:
        t = time.perf_counter()
        got = correct(case.typed)
        times.append(time.perf_counter() - t)
        score.n[case.kind] += 1
        if case.expected is None:
            score.suggested += got is not None
            score.applied += got is not None and got.confident
            continue
        ok = got is not None and got.suggestion == case.expected
        score.right[case.kind] += ok
        if got is not None and got.confident:
            score.confident += 1
            score.confident_right += ok
    return score, times


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def measure(name, cls, df, cases, rules, repeat_latency=True):
    gc.collect()
    t = time.perf_counter()
    speller = cls(df, rules)
    build = time.perf_counter() - t
    del speller
    gc.collect()
    tracemalloc.start()
    speller = cls(df, rules)
    mem = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    load = None
    if cls is Speller:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "vocabulary.tsv"
            write_vocabulary(path, df.items())
            t = time.perf_counter()
            Speller.load(path, rules)
            load = time.perf_counter() - t
    elif cls is SymSpeller:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "symspell.pickle"
            speller._sym.save_pickle(str(path), compressed=False)
            from symspellpy import SymSpell

            t = time.perf_counter()
            SymSpell().load_pickle(str(path), compressed=False)
            load = time.perf_counter() - t
    score, times = evaluate(speller.correct, cases)
    if repeat_latency:  # the second pass, warm
        _, times = evaluate(speller.correct, cases)
    t = time.perf_counter()
    assert speller.correct("a" * 1000) is None
    hostile_long = time.perf_counter() - t
    words = [c.typed for c in cases[:50]]
    t = time.perf_counter()
    for w in words:
        speller.correct(w)
    fifty = time.perf_counter() - t
    return {
        "name": name,
        "build": build,
        "load": load if load is not None else build,
        "mem": mem,
        "p50": pct(times, 0.5),
        "p95": pct(times, 0.95),
        "max": max(times),
        "score": score,
        "long": hostile_long,
        "fifty": fifty,
    }


def row(r: dict) -> str:
    s: Score = r["score"]
    syn = s.right["synthetic"] / max(1, s.n["synthetic"])
    hand = s.right["hand"] / max(1, s.n["hand"])
    sug = s.suggested / max(1, s.n["correct"])
    app = s.applied / max(1, s.n["correct"])
    conf = s.confident_right / max(1, s.confident)
    return (
        f"| {r['name']:<15} | {r['build']:7.2f} | {r['load']:7.3f} | {r['mem'] / 2**20:7.1f} "
        f"| {r['p50'] * 1e3:6.2f} | {r['p95'] * 1e3:6.2f} | {r['max'] * 1e3:7.2f} "
        f"| {syn:6.1%} | {hand:6.1%} | {sug:6.1%} | {app:6.1%} | {conf:6.1%} "
        f"| {r['fifty'] * 1e3:7.1f} |"
    )


HEADER = (
    "| library         | build s | load s  | mem MiB | p50 ms | p95 ms |  max ms "
    "| synth  | hand   | sugg.  | appl.  | conf.ok | 50 w ms |\n"
    "|-----------------|---------|---------|---------|--------|--------|---------"
    "|--------|--------|--------|--------|--------|---------|"
)


def tune(df, cases, base: SpellingRules, corpus: Path) -> None:
    """The rules' knobs, one at a time, with the chosen library. `unseen`: with the
    vocabulary of the train split only, the share of the words that only the dev split
    has (df >= 2 there: real words the archive lacks) that would be changed
    automatically."""
    train, _ = corpus_counts(corpus, ("train",))
    dev, _ = corpus_counts(corpus, ("dev",))
    unseen = sorted(w for w, c in dev.items() if c >= 2 and w.isalpha() and w not in train)
    typos = sum(c.expected is not None for c in cases)
    print(f"\n## Rules, with rapidfuzz+sig on the 1x vocabulary ({len(unseen)} unseen words)")
    print("conf.: share of the typos corrected automatically")
    print(
        "| rules                           | synth  | hand   | sugg.  | appl.  | conf.ok "
        "| conf.  | unseen |"
    )
    print(
        "|---------------------------------|--------|--------|--------|--------|---------"
        "|--------|--------|"
    )
    variants = [("defaults", base)]
    for n in (6, 8, 9):
        variants.append((f"two_edits_from={n}", replace(base, two_edits_from=n)))
    for n in (3, 5):
        variants.append((f"min_length={n}", replace(base, min_length=n)))
    for r in (2.0, 5.0, 20.0):
        variants.append((f"confident_ratio={r:g}", replace(base, confident_ratio=r)))
    for n in (1, 2, 10):
        variants.append((f"confident_df={n}", replace(base, confident_df=n)))
    for r in (10, 200):
        variants.append((f"rare_ratio={r}", replace(base, rare_ratio=r)))
    variants.append(("rare_df=1", replace(base, rare_df=1)))
    for label, rules in variants:
        speller = Speller(df, rules)
        s, _ = evaluate(speller.correct, cases)
        held_out = Speller(train, rules)
        changed = [held_out.correct(w) for w in unseen]
        applied = sum(c is not None and c.confident for c in changed) / max(1, len(unseen))
        print(
            f"| {label:<31} | {s.right['synthetic'] / s.n['synthetic']:6.1%} "
            f"| {s.right['hand'] / s.n['hand']:6.1%} | {s.suggested / s.n['correct']:6.1%} "
            f"| {s.applied / s.n['correct']:6.1%} "
            f"| {s.confident_right / max(1, s.confident):6.1%}  "
            f"| {s.confident / typos:6.1%} | {applied:6.1%} |"
        )


def lexicon_timing(paras: list[str]) -> None:
    """`vocabulary_counts` on a real Whoosh index of the paragraphs (names analyzer)."""
    from whoosh import fields, index
    from whoosh.analysis import CharsetFilter, StandardAnalyzer
    from whoosh.support.charset import accent_map

    analyzer = StandardAnalyzer(stoplist=None) | CharsetFilter(accent_map)
    with tempfile.TemporaryDirectory(prefix="spelling-lexicon-") as tmp:
        ix = index.create_in(tmp, fields.Schema(body=fields.TEXT(analyzer, phrase=False)))
        t = time.perf_counter()
        with ix.writer(limitmb=256) as writer:
            for para in paras:
                writer.add_document(body=para)
        indexing = time.perf_counter() - t
        with ix.reader() as reader:
            t = time.perf_counter()
            a = list(vocabulary_counts(reader, "body"))
            iter_field = time.perf_counter() - t
            t = time.perf_counter()
            b = [(bt.decode(), reader.doc_frequency("body", bt)) for bt in reader.lexicon("body")]
            lexicon = time.perf_counter() - t
        assert a == b
    print(f"\n## Reading a Whoosh lexicon ({len(a):,} terms; indexing took {indexing:.1f} s)")
    print(f"iter_field (term infos):           {iter_field * 1e3:7.1f} ms")
    print(f"lexicon + doc_frequency per term:  {lexicon * 1e3:7.1f} ms")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--scale", type=int, default=5)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--quick", action="store_true", help="skip pyspellchecker and whoosh")
    parser.add_argument("--tune", action="store_true", help="only the rules table")
    args = parser.parse_args(argv)
    rules = SpellingRules()

    t = time.perf_counter()
    df, paras = corpus_counts(args.corpus)
    print(f"vocabulary: {len(df):,} words from {len(paras):,} paragraphs")
    print(f"({time.perf_counter() - t:.1f} s to count)")

    cases = typo_cases(df, random.Random(SEED), args.cases)
    exclude = {c.typed for c in cases}
    big = scaled(df, args.scale, exclude, random.Random(SEED + 1))
    counts = Counter(c.kind for c in cases)
    print(
        f"cases: {counts['synthetic']} synthetic typos, {counts['hand']} hand-written, "
        f"{counts['correct']} correctly spelled; {args.scale}x vocabulary: {len(big):,} words"
    )
    missing = [t for t, w in HAND_TYPOS if w not in df]
    if missing:
        print(f"hand-written typos dropped (word not in the vocabulary): {missing}")
    printed = [(t, df[t]) for t, w in HAND_TYPOS if t in df]
    print(f"hand-written typos the archive itself prints (df): {printed}")
    print()
    print(
        "build: construct from counts; load: Speller.load of write_vocabulary's file "
        "(symspellpy: load_pickle; others: = build); mem: tracemalloc of the build; "
        "latency of one correct() on all cases, warm; synth/hand: top-1 right; "
        "sugg./appl.: correct words given a suggestion / changed automatically; "
        "conf.ok: share of confident corrections that were right; 50 w: 50 lookups"
    )
    if args.tune:
        tune(df, cases, rules, args.corpus)
        return
    names = list(LIBRARIES)
    if args.quick:
        names = [n for n in names if n not in ("whoosh", "pyspellchecker")]
    for label, vocab in ((f"1x ({len(df):,} words)", df), (f"{args.scale}x", big)):
        print(f"\n## {label}")
        print(HEADER)
        for name in names:
            try:
                result = measure(name, LIBRARIES[name], vocab, cases, rules, name not in SLOW)
            except ImportError as error:
                print(f"| {name:<15} | not installed: {error}")
                continue
            print(row(result), flush=True)
    tune(df, cases, rules, args.corpus)
    lexicon_timing(paras)


if __name__ == "__main__":
    main()

"""The words of names: comparing them, telling a person's shape from an organisation's,
guessing a first name's gender, and the index a NameBook (names.py) looks short forms up in.

Kept apart from names.py, which finds and canonicalises the names of an article, so that
the corpus-wide names (corpus_names.py, same_person.py) compare names as articles do.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from itertools import islice

import gender_guesser.detector
import names
from anyascii import anyascii

from searchapp.extract.lexicon import FEMALE_FIRST, MALE_FIRST, ORG_NOUNS, ORG_WORDS, word_set
from searchapp.extract.memo import remember_names

# Never a surname: "Donald Trump Jr." is a Trump.
GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A capital letter of the Latin script, accented ones included: "Ó Murchú", "Émile",
# "Łukasz", "Ängelholm" are names as "O'Malley" is.
CAPITAL = (
    "[A-Z"
    + "".join(chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isupper())
    + "]"
)
_DOTTED_ACRONYM_RE = re.compile(r"(?:[A-Z]\.?){2,6}")
_CAPS_ACRONYM_RE = re.compile(r"[A-Z]{2,}[a-z]?")


def strip_accents(text: str) -> str:
    """Name comparison should not depend on accents typed by one outlet and not another."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def _bare(token: str) -> str:
    """Comparison key of one word; cached because name lookups compare the same few words
    millions of times in a large corpus."""
    return strip_accents(token).lower().rstrip(".").replace("’", "'")


def is_acronym(name: str) -> bool:
    return bool(_DOTTED_ACRONYM_RE.fullmatch(name) or _CAPS_ACRONYM_RE.fullmatch(name))


def initials(name: str) -> str:
    """ "Canadian Space Agency" → "CSA"; function words do not count."""
    return "".join(w[0] for w in name.split() if _bare(w) not in {"of", "the", "and", "for", "de"})


def to_latin(name: str) -> str:
    """A name in another script, transliterated ("РОГОЗИН" → "Rogozin") so it can meet
    the same person's Latin spelling; Latin names come back unchanged."""
    if name.isascii() or all(ord(ch) < 0x250 for ch in name):
        return name
    return " ".join(w.title() if w.isupper() else w for w in anyascii(name).split())


@remember_names
def looks_like_org(name: str) -> bool:
    """Acronyms and spans containing institution words name organisations."""
    words = name.split()
    if len(words) == 1 and is_acronym(name):
        return True
    if words and words[0] == "The":  # a title kept with its "The" ("The Hill", _spans)
        return True
    if "&" in words:
        return True  # "Harrowgate & Finch", "Procter & Gamble": partners' names make a firm
    if len(words) == 2 and _given_and_surname(words):
        return False  # "Daniel Fox", "Anna Post": a surname that is also an outlet's word
    if len(words) > 1 and _bare(words[-1]) in ORG_NOUNS:
        return True  # "Singapore Exchange": headed by what "the exchange" would stand for
    return any(_bare(w) in ORG_WORDS for w in words) or _plural_name(words)


def _given_and_surname(words: list[str]) -> bool:
    return first_name_gender(words[0]) is not None and words[1].lower() in common_surnames()


def _plural_name(words: list[str]) -> bool:
    """ "Karratha Minerals", "Siyakhula Waste Solutions", "Jinja Lakers": a name ending in a
    plural, not begun by a first name, and whose last word is no common surname ("Ama
    Edwards", "Tunde Williams") names an organisation or a team."""
    last = words[-1]
    return (
        len(words) >= 2
        and len(last) > 4
        and last.endswith("s")
        and not last.endswith(("ss", "us", "is", "os", "as"))
        and last[:-1].isalpha()
        and last[1:].islower()
        and first_name_gender(words[0]) is None
        and last.lower() not in common_surnames()
    )


# Surnames at least this common in the US Census (rank 5,000 is about 1 in 30,000 people).
_SURNAME_RANKS = 5000


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """The most common surnames, lowercased, from the Census list the `names` package
    ships: a given name that is one of them ("Wallace", "Scott") may be a surname."""
    with open(names.FILES["last"], encoding="ascii") as lines:
        ranked = [line.split()[0].lower() for line in islice(lines, _SURNAME_RANKS)]
    return frozenset(ranked)


@remember_names
def looks_like_person(name: str) -> bool:
    """Two to four capitalised words besides particles, no institution word and no digit:
    "Terry Virts", "George W. Bush", not "EgyptAir Flight MS804"; five with a particle after
    a given name ("José Manuel Albarracín Ruiz de Velasco", not a headline's "Zoe Saldana
    Asked Men Everywhere")."""
    words = name.split()
    core = [w for w in words if w not in _NAME_PARTICLES]
    long_name = len(core) == 5 < len(words) and first_name_gender(words[0]) is not None
    if not (2 <= len(core) <= 4 or long_name):
        return False
    if len(words) > 7 or looks_like_org(name) or any(ch.isdigit() for ch in name):
        return False
    return all(
        w[0].isupper() or w in _NAME_PARTICLES or _PREFIXED_RE.match(w) for w in words
    ) and not is_acronym(words[-1])


# Lowercase words inside a person's name: "Johan van der Merwe", "Maria de la Cruz".
_NAME_PARTICLES = word_set(
    "de van von der den bin binti al da dos das di du del la le na ter ten zu"
)
# Capitals of any Latin script ("Ó", "Ł") start a name's word, and so does Irish's lowercase
# prefix before one ("Liam Ó hAodha", "Dún na nGall", "Mac an tSaoi").
IRISH_PREFIXES = r"(?:h|n|t|bh|mh|dh|gc|bp|nd|ng)-?"
_PREFIXED_RE = re.compile(IRISH_PREFIXES + r"[^\W\d_a-z]")


@lru_cache(maxsize=1 << 14)
def surname_of(name: str) -> str:
    words = [w for w in name.split() if _bare(w) not in GENERATION_SUFFIXES]
    return _bare(words[-1]) if words else ""


def within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            edits += 1
            if edits > 1:
                return False
            if len(a) == len(b):
                i += 1
            j += 1
        else:
            i += 1
            j += 1
    return edits + (len(b) - j) <= 1


class _Detector(gender_guesser.detector.Detector):
    """gender-guesser's detector, its 48,000 lines read with `open`: the `codecs.open`
    reader it uses took 0.1 s of every extracting process's start on its own. The lines
    differ only in their line ends, which each line's `strip` drops."""

    def _parse(self, filename: str) -> None:
        self.names = {}
        with open(filename, encoding="utf-8") as f:
            for line in f:
                self._eat_name_line(line.strip())


@lru_cache(maxsize=1)
def _gender_detector() -> gender_guesser.detector.Detector:
    return _Detector(case_sensitive=False)


@lru_cache(maxsize=1 << 14)
def first_name_gender(token: str) -> str | None:
    """ "m", "f" or None. Our news-specific lists first ("Bernie" is a man in US politics),
    then gender-guesser's 40,000 first names, so "she said" can skip a man it never met."""
    first = _bare(token)
    if first in FEMALE_FIRST:
        return "f"
    if first in MALE_FIRST:
        return "m"
    if len(first) < 2 or not first.isalpha():
        return None
    guess = _gender_detector().get_gender(first.capitalize())
    if guess == "unknown" and not token.isascii():
        # Its data has "François" but not "Francois": the name as written, accents kept.
        guess = _gender_detector().get_gender(token.rstrip(".").capitalize())
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(guess)


@lru_cache(maxsize=1 << 14)
def first_name_is_sure(token: str) -> bool:
    """Whether `first_name_gender` is more than gender-guesser's "mostly": "Morven" is
    mostly a man's in its data and mostly a woman's in Scotland."""
    first = _bare(token)
    if first in FEMALE_FIRST or first in MALE_FIRST:
        return True
    return _gender_detector().get_gender(first.capitalize()) in ("male", "female")


@remember_names
def _one_deleted(word: str) -> frozenset[str]:
    """The word and each form of it with one letter deleted: two words within one edit
    of each other share one of these (a symmetric-delete index). A word longer than any
    name's ("Pretoria-Pretoria-..." of 180 KB) has no near spelling worth the quadratic
    cost of its deletions."""
    if len(word) > MAX_SPELLED_WORD:
        return frozenset({word})
    return frozenset({word} | {word[:i] + word[i + 1 :] for i in range(len(word))})


MAX_SPELLED_WORD = 40


class NameKeys:
    """A NameBook's names by surname and word, first name, near spellings and initials,
    each list in the book's order, so that lookups choose as a scan of the book did."""

    def __init__(self, full_names: list[str], org_names: list[str]) -> None:
        self.full_names = full_names  # the book's own list, which `add` appends to
        self.people: set[str] = set()
        self.orgs: set[str] = set()
        self.by_first: dict[str, list[str]] = defaultdict(list)
        self._by_deletion: dict[str, list[int]] = defaultdict(list)
        self._by_word: dict[tuple[str, str], list[int]] = defaultdict(list)  # (surname, word)
        # (surname, first word with one letter deleted)
        self._by_first_variant: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.by_initials: dict[str, list[str]] = defaultdict(list)
        self.orgs_by_first: dict[str, list[str]] = defaultdict(list)
        self.orgs_by_last: dict[str, set[str]] = defaultdict(set)
        # A word inside a name, not its first name: "Acosta" of "Melba Acosta Febo" (two
        # surnames), "Maddow" of "Rachel Maddow Show" (a person in a show's name).
        self.inner: dict[str, list[str]] = defaultdict(list)
        for position in range(len(full_names)):
            self.add_person(position)
        for org in org_names:
            self.add_org(org)

    def add_person(self, position: int) -> None:
        name = self.full_names[position]
        self.people.add(name)
        surname = surname_of(name)
        self.by_first[_bare(name.split()[0])].append(name)
        for key in _one_deleted(surname):
            self._by_deletion[key].append(position)
        for word in {_bare(w) for w in name.split()}:
            self._by_word[surname, word].append(position)
        for key in _one_deleted(_bare(name.split()[0])):
            self._by_first_variant[surname, key].append(position)
        for word in name.split()[1:-1]:
            if len(word) > 2 and word[-1] != "." and first_name_gender(word) is None:
                self._add_inner(_bare(word), name)

    def with_word(self, surname: str, word: str) -> list[str]:
        """The names of that surname with that word, in the book's order."""
        return [self.full_names[p] for p in self._by_word.get((surname, word), ())]

    def near_first(self, surname: str, first: str) -> list[str]:
        """The names of that surname whose first word may be within one edit of `first`."""
        variants = self._by_first_variant
        found = {p for k in _one_deleted(first) for p in variants.get((surname, k), ())}
        return [self.full_names[p] for p in sorted(found)]

    def add_org(self, org: str) -> None:
        self.orgs.add(org)
        # "Skyreach" for "Skyreach Airlines": an organisation's first word, alone.
        self.orgs_by_first[_bare(org.split()[0])].append(org)
        self.orgs_by_last[_bare(org.split()[-1])].add(org)
        self.by_initials[initials(org)].append(org)
        words = org.split()
        for before, word in zip(words, words[1:4], strict=False):
            if first_name_gender(before) is not None and looks_like_person(f"{before} {word}"):
                self._add_inner(_bare(word), f"{before} {word}")

    def _add_inner(self, word: str, name: str) -> None:
        """Two names at most per word: one is an answer, two are none, and a longer list
        made an article of thousands of such names quadratic."""
        names = self.inner[word]
        if len(names) < 2 and name not in names:
            names.append(name)

    def near_surname(self, key: str) -> list[str]:
        """The names whose surname may be within one edit of key, in the book's order."""
        found = {p for k in _one_deleted(key) for p in self._by_deletion.get(k, ())}
        return [self.full_names[p] for p in sorted(found)]

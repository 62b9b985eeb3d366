"""Whether two full names of one surname can name one person.

The corpus-wide names (corpus_names.py) fold "Charles E. Grassley" into "Chuck Grassley"
and "Rafael Edward Cruz" into "Ted Cruz", and must not fold "Garrett Johnson" into "Gary
Johnson" or "Donald Trump Jr." into his father. The evidence is the names' structure
(first name, middle names and initials, generational suffix) and two well-kept tables:
the `nicknames` package for familiar forms, and the US Census first-name frequencies the
`names` package ships, which say whether a familiar form is a name in its own right.
"""

from __future__ import annotations

from functools import lru_cache

import names

from searchapp.extract.entities import given_names, nicknamer
from searchapp.extract.name_words import (
    GENERATION_SUFFIXES,
    first_name_gender,
    strip_accents,
    within_one_edit,
)

_VARIANT_LETTERS = frozenset("aeiouyh")  # "Dmitry"/"Dmitriy", "Jon"/"John"
# A familiar form at least this many times as common a registered first name as the
# formal name it could shorten is mostly a name of its own: there are 22 Garys per Garrett.
OWN_NAME_RATIO = 10


@lru_cache(maxsize=1 << 16)
def _keys(name: str) -> tuple[str, ...]:
    return tuple(strip_accents(word).lower().strip(".,") for word in name.split())


@lru_cache(maxsize=1 << 16)
def parts(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(first name, middle initials, generational suffixes), compared across spellings."""
    keys = _keys(name)
    suffixes = tuple(key for key in keys if key in GENERATION_SUFFIXES)
    core = [key for key in keys if key not in GENERATION_SUFFIXES]
    middle = "".join(part[:1] for key in core[1:-1] for part in key.split(".") if part)
    return core[0] if core else "", middle, suffixes


def core_words(name: str) -> int:
    """Words of a name besides its generational suffixes."""
    return sum(key not in GENERATION_SUFFIXES for key in _keys(name))


@lru_cache(maxsize=1 << 16)
def _middle_names(name: str) -> tuple[str, ...]:
    """The spelled-out middle names: "Edward" of "Rafael Edward Cruz", not "J." of
    "Donald J. Trump"."""
    core = [key for key in _keys(name) if key not in GENERATION_SUFFIXES]
    return tuple(key for key in core[1:-1] if len(key) > 1 and "." not in key)


def known_first(name: str) -> bool:
    return name in given_names() or first_name_gender(name) is not None


def _spelling_variant(a: str, b: str) -> bool:
    """ "Dmitry" / "Dmitriy", "Rence" / "Reince": one edit, but not one that turns a known
    first name into another by a consonant ("Ivana" is not "Ivanka")."""
    if a == b:
        return True
    if not within_one_edit(a, b):
        return False
    if not (known_first(a) and known_first(b)):
        return True
    changed = set(a).symmetric_difference(b) or {x for x, y in zip(a, b, strict=False) if x != y}
    return changed <= _VARIANT_LETTERS


@lru_cache(maxsize=1)
def first_name_shares() -> dict[str, float]:
    """Percent of US Census respondents with each first name (either sex, the larger)."""
    shares: dict[str, float] = {}
    for sex in ("first:male", "first:female"):
        with open(names.FILES[sex], encoding="ascii") as lines:
            for line in lines:
                name, share = line.split()[:2]
                key = name.lower()
                shares[key] = max(shares.get(key, 0.0), float(share))
    return shares


def _name_of_its_own(familiar: str, formal: str) -> bool:
    """ "Gary" is a name of its own, not mostly short for "Garrett": it is far more common.
    "Chuck" is rare beside "Charles", "Bobby" beside "Robert"."""
    shares = first_name_shares()
    return shares.get(familiar, 0.0) >= OWN_NAME_RATIO * max(shares.get(formal, 0.0), 0.001)


@lru_cache(maxsize=1 << 16)
def same_first_name(a: str, b: str) -> bool:
    """Two first names of one person: a spelling variant, or a name and its nickname
    ("Chuck" / "Charles", "Ed" / "Edward", "Bob" / "Robert", from `nicknames`), unless the
    familiar form is mostly a name of its own ("Gary" beside "Garrett")."""
    if _spelling_variant(a, b):
        return True
    table = nicknamer()
    a_of_b, b_of_a = a in table.nicknames_of(b), b in table.nicknames_of(a)
    if a_of_b and b_of_a:
        return True  # each listed as the other's: "Bob" / "Robert"
    if a_of_b:
        return not _name_of_its_own(a, b)
    return b_of_a and not _name_of_its_own(b, a)


def _known_by_middle(full: str, short: str) -> bool:
    """ "Rafael Edward Cruz" is "Ted Cruz": people go by a middle name or its nickname
    ("Willard Mitt Romney" is Mitt Romney)."""
    middle_names = _middle_names(full)
    if not middle_names:
        return False  # most names: asked of every pair compared, so answered first
    first, middle, _ = parts(short)
    return not middle and any(same_first_name(first, m) for m in middle_names)


def _known_by_initials(full: str, short: str) -> bool:
    """ "John Ellis Bush" is "Jeb Bush": a first name made of the full name's initials."""
    if core_words(full) < 3:
        return False
    keys = [key for key in _keys(full) if key not in GENERATION_SUFFIXES]
    first, middle, _ = parts(short)
    return not middle and first.replace(".", "") == "".join(k[0] for k in keys)


def same_person(a: str, b: str, suffixes: bool = True) -> bool:
    """Two full names with one surname are one person when their first names are one name
    (or one is the other's middle name or initials), and their middle initials and, unless
    `suffixes` is False, suffixes do not disagree: "Donald J. Trump" is Donald Trump,
    "Donald Trump Jr." is not, nor is "George H.W. Bush" George W. Bush."""
    first_a, middle_a, suffixes_a = parts(a)
    first_b, middle_b, suffixes_b = parts(b)
    if suffixes and suffixes_a != suffixes_b:
        return False
    if middle_a and middle_b and middle_a != middle_b:
        return False
    return (
        same_first_name(first_a, first_b)
        or _known_by_middle(a, b)
        or _known_by_middle(b, a)
        or _known_by_initials(a, b)
        or _known_by_initials(b, a)
    )

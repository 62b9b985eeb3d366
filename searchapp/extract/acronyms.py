r"""Acronyms the corpus defines, so "the ESA" can meet "the European Space Agency".

News defines an acronym the first time it uses one, in three set shapes: "the European
Space Agency (ESA)", "the U.N. (United Nations)" and "the Federal Bureau of Investigation,
or FBI,". A definition is accepted only when the initials of the long form spell the
acronym, with every significant word taking part: a wrong expansion would send searches to
unrelated paragraphs, while a missed one only leaves search as it was. So "(R-Texas)",
"(AP)" after a dateline, "(CNN)" after a name or "(2016)" are not definitions.

The text is tokenised once, and each candidate looks back over a bounded number of words,
so the cost is linear in the text whatever it holds.

Measured on PolNeAR train (840 articles, 15,485 paragraphs split at blank lines after the
front matter): 34 definitions, every one read, 0 wrong (precision 1.00); the misses are
long forms with a trailing word ("Deferred Action for Childhood Arrivals program, or
DACA"). Command, from the repository:
    python -c 'import glob,re; from searchapp.extract.acronyms import find_acronyms as f;
    d=[a for p in sorted(glob.glob("../shared/corpora/polnear/train/articles/*.txt"))
    for q in re.split(r"\n\s*\n", open(p).read().split("\n---", 1)[1]) for a in f(q)];
    print(len(d)); print(*d, sep="\n")'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from searchapp.extract.lexicon import FIRST_NAMES
from searchapp.extract.name_words import strip_accents

# Words a long form may skip or use: "Department of Homeland Security (DHS)", "Freedom of
# Information Act (FOIA)".
FUNCTION_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "&", "to", "at", "de"})
# An acronym's letters, and how far back a long form may reach: a few function words per
# letter at most ("Citizens for Responsibility and Ethics in Washington (CREW)").
MIN_LETTERS, MAX_LETTERS = 2, 8
_MAX_UNITS = 3 * MAX_LETTERS + 4
# A long form spelled inside parentheses: "ESA (European Space Agency)".
_MAX_INNER_UNITS = 2 * MAX_LETTERS

_LETTER = r"[^\W\d_]"
_WORD = rf"{_LETTER}+(?:['’]{_LETTER}+)*(?:-{_LETTER}+(?:['’]{_LETTER}+)*)*['’]?"
# One pass over the text: words, dotted abbreviations ("U.S."), "&", commas, and anything
# else as a one-character stop that no long form crosses (periods, digits, quotes, dashes).
_TOKEN_RE = re.compile(
    rf"(?P<abbr>{_LETTER}\.(?:{_LETTER}\.)+)|(?P<word>{_WORD})|(?P<amp>&)|(?P<comma>,)|\S"
)
# Parentheses holding a short phrase; bounded, and `[^()]` cannot run past the next
# parenthesis, so a text full of them is still read once.
_PAREN_RE = re.compile(r"\(([^()\n]{1,150})\)")
# "..., or FBI," and "... or NAFTA is": the acronym must end at a non-word character.
_OR_RE = re.compile(r"\bor\s{1,5}([A-Z][A-Za-z&.]{1,15})(?![\w&])")
_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z&.]{1,15}")
_WORD_BEFORE_RE = re.compile(r"(\S+)\s*$")
_PLURAL_RE = re.compile(r"[A-Z]s$")

# Two capitals after a name are often its state, not its initials ("Susan Collins (SC)"):
# a state code counts only as the state's own abbreviation.
_STATES = {
    "AL": "alabama", "AK": "alaska", "AZ": "arizona", "AR": "arkansas", "CA": "california",
    "CO": "colorado", "CT": "connecticut", "DE": "delaware", "FL": "florida",
    "GA": "georgia", "HI": "hawaii", "ID": "idaho", "IL": "illinois", "IN": "indiana",
    "IA": "iowa", "KS": "kansas", "KY": "kentucky", "LA": "louisiana", "ME": "maine",
    "MD": "maryland", "MA": "massachusetts", "MI": "michigan", "MN": "minnesota",
    "MS": "mississippi", "MO": "missouri", "MT": "montana", "NE": "nebraska",
    "NV": "nevada", "NH": "new hampshire", "NJ": "new jersey", "NM": "new mexico",
    "NY": "new york", "NC": "north carolina", "ND": "north dakota", "OH": "ohio",
    "OK": "oklahoma", "OR": "oregon", "PA": "pennsylvania", "RI": "rhode island",
    "SC": "south carolina", "SD": "south dakota", "TN": "tennessee", "TX": "texas",
    "UT": "utah", "VT": "vermont", "VA": "virginia", "WA": "washington",
    "WV": "west virginia", "WI": "wisconsin", "WY": "wyoming", "DC": "district of columbia",
}  # fmt: skip


@dataclass(frozen=True)
class Acronym:
    """One definition: `short` without dots ("UN", "DoD"), `long` as the text wrote it."""

    short: str
    long: str


class _Unit(NamedTuple):
    """One token of the text: its kind ("word", "abbr", "amp", "comma" or "stop")."""

    kind: str
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Unit]:
    return [
        _Unit(m.lastgroup or "stop", m.group(), m.start(), m.end())
        for m in _TOKEN_RE.finditer(text)
    ]


def _acronym_letters(token: str) -> str | None:
    """The letters an acronym token stands for, without dots or a plural "s", or None when
    the token is not an acronym: 2–8 letters, mostly capitals ("ESA", "U.N.", "DoD",
    "STePS", "IEDs"), never a capitalised word ("Reuters", "Caltrans", "McCain")."""
    if not _ACRONYM_RE.fullmatch(token):
        return None
    letters = token.replace(".", "")
    if ".." in token or "&&" in letters or letters.endswith("&"):
        return None
    if _PLURAL_RE.search(letters) and sum(c.isupper() for c in letters) >= 2:
        letters = letters[:-1]
    upper = sum(c.isupper() for c in letters)
    lower = sum(c.islower() for c in letters)
    if not MIN_LETTERS <= upper + lower <= MAX_LETTERS or upper < 2 or lower * 2 > upper:
        return None
    return letters


@lru_cache(maxsize=1 << 14)
def _options(kind: str, text: str) -> tuple[tuple[tuple[str, int], ...], bool]:
    """What one token may spell, as (letters, two-letter uses), and whether it may be
    skipped. Significant words must spell something; an all-capitals word never does, so
    a dateline ("NEW YORK (NY)") or a run of acronyms is not a long form."""
    if kind == "comma":
        return (), True
    if kind == "amp":
        return (("&", 0),), True
    if kind == "abbr":
        return ((text.replace(".", "").lower(), 0),), False
    word = strip_accents(text).lower()  # "École Normale Supérieure (ENS)"
    if word in FUNCTION_WORDS:
        return ((word[0], 0),) + ((("&", 0),) if word == "and" else ()), True
    if len(text) > 1 and text.isupper():
        return (), False
    options = [(word[0], 0)]
    parts = [part for part in word.split("-") if part]
    if len(parts) > 1:
        options.append(("".join(part[0] for part in parts), 0))
    if len(parts[0]) > 1 and parts[0][1].isalpha():
        options.append((parts[0][:2], 1))
    return tuple(options), False


def _spell(units: list[_Unit], letters: str, whole: bool) -> int | None:
    """Where the long form ending at the last unit starts, or None. Every significant word
    spells its initial (or, at most once, its first two letters, or a hyphenated word its
    parts' initials); function words may be skipped. The last unit must spell, as must the
    first, which is units[0] when `whole`. The shortest spelling with the fewest two-letter
    uses wins."""
    target = letters.lower()
    memo: dict[tuple[int, int], tuple[int, int] | None] = {}

    def best(i: int, j: int) -> tuple[int, int] | None:
        """(two-letter uses, start) for units[..i] spelling target[..j]; start as -index so
        that the smallest tuple is the shortest long form."""
        key = (i, j)
        if key in memo:
            return memo[key]
        unit = units[i]
        options, skippable = _options(unit.kind, unit.text)
        found: tuple[int, int] | None = None
        for spelled, twos in options:
            begin = j - len(spelled) + 1
            if begin < 0 or target[begin : j + 1] != spelled:
                continue
            if begin == 0:
                if (not skippable and (not whole or i == 0)) and (
                    found is None or (twos, -i) < found
                ):
                    found = (twos, -i)
            elif i > 0:
                rest = best(i - 1, begin - 1)
                if rest is not None and rest[0] + twos <= 1:
                    candidate = (rest[0] + twos, rest[1])
                    if found is None or candidate < found:
                        found = candidate
        if skippable and i > 0 and j < len(target) - 1:
            rest = best(i - 1, j)
            if rest is not None and (found is None or rest < found):
                found = rest
        memo[key] = found
        return found

    if not units or _options(units[-1].kind, units[-1].text)[1]:
        return None
    result = best(len(units) - 1, len(target) - 1)
    if result is None:
        return None
    start = -result[1]
    spelling = [u for u in units[start:] if u.kind in ("word", "abbr")]
    if len(spelling) < 2 and not (spelling and "-" in spelling[0].text):
        return None
    return start


def _long_form(text: str, units: list[_Unit]) -> str:
    return " ".join(text[units[0].start : units[-1].end].split())


def _acronym(short: str, long: str) -> Acronym | None:
    """The definition, unless two capitals after a name are its state ("Susan Collins
    (SC)", unless the long form is the state) or a role ("Jane Smith (JS)" is as likely to
    be a name followed by something else as her initials)."""
    if len(short) == 2:
        state = _STATES.get(short.upper())
        if state is not None and long.lower() != state:
            return None
        words = long.split()
        if len(words) == 2 and words[0].lower() in FIRST_NAMES:
            return None
    return Acronym(short, long)


def _before(tokens: list[_Unit], end: int) -> list[_Unit]:
    """The units before token index `end`, back to the nearest stop, at most _MAX_UNITS."""
    first = end
    while first > 0 and end - first < _MAX_UNITS and tokens[first - 1].kind != "stop":
        first -= 1
    return tokens[first:end]


# Every acronym has two capitals within three characters ("ESA", "U.N.", "DoD").
_TWO_CAPITALS = re.compile(r"[A-Z][.a-z]?[.a-z]?[A-Z]")


def _add_definition(
    found: list[tuple[int, Acronym]], at: int, text: str, units: list[_Unit], letters: str
) -> None:
    """The words before an acronym that spell it, as its definition at `at`, if any."""
    start = _spell(units, letters, whole=False)
    if start is not None and (definition := _acronym(letters, _long_form(text, units[start:]))):
        found.append((at, definition))


def _may_define(text: str) -> bool:
    """Whether `text` has an acronym where a definition could put one: in parentheses,
    before them, or after "or". Most paragraphs have none, and are not tokenised."""
    if not _TWO_CAPITALS.search(text):
        return False
    for match in _PAREN_RE.finditer(text):
        before = _WORD_BEFORE_RE.search(text, max(0, match.start() - 20), match.start())
        if _acronym_letters(match.group(1).strip()) or (
            before and _acronym_letters(before.group(1))
        ):
            return True
    return any(_acronym_letters(match.group(1)) for match in _OR_RE.finditer(text))


def find_acronyms(text: str) -> list[Acronym]:
    """Every acronym `text` defines, in text order."""
    if not _may_define(text):
        return []
    tokens = _tokens(text)
    starts = [unit.start for unit in tokens]
    index = {start: i for i, start in enumerate(starts)}
    found: list[tuple[int, Acronym]] = []
    for match in _PAREN_RE.finditer(text):
        opening = index[match.start()]
        closing = index[match.end() - 1]
        inner = match.group(1).strip()
        letters = _acronym_letters(inner)
        if letters is not None:
            # "the European Space Agency (ESA)"
            _add_definition(found, match.start(), text, _before(tokens, opening), letters)
            continue
        # "ESA (European Space Agency)"
        if opening == 0 or tokens[opening - 1].kind not in ("word", "abbr"):
            continue
        letters = _acronym_letters(tokens[opening - 1].text)
        units = tokens[opening + 1 : closing]
        while units and units[0].text.lower() in FUNCTION_WORDS:
            units = units[1:]
        if (
            letters is None
            or not units
            or len(units) > _MAX_INNER_UNITS
            or any(unit.kind == "stop" for unit in units)
            or _spell(units, letters, whole=True) is None
        ):
            continue
        definition = _acronym(letters, _long_form(text, units))
        if definition:
            found.append((match.start(), definition))
    for match in _OR_RE.finditer(text):
        # "the Federal Bureau of Investigation, or FBI,"
        letters = _acronym_letters(match.group(1))
        if letters is None:
            continue
        end = index.get(match.start())
        if end is None:
            continue
        if end > 0 and tokens[end - 1].kind == "comma":
            end -= 1
        _add_definition(found, match.start(), text, _before(tokens, end), letters)
    found.sort(key=lambda item: item[0])
    return [definition for _, definition in found]


def _key(long: str) -> str:
    return " ".join(long.casefold().split())


def corpus_acronyms(definitions: Iterable[Acronym]) -> dict[str, str]:
    """One expansion per acronym across a corpus: the long form given by more than half of
    its definitions (compared case- and spacing-blind), in its most used spelling (then the
    first in code-point order). An acronym without such a majority is left out: "ACA" as
    both "Affordable Care Act" and "American Camp Association", once each, means neither."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for definition in definitions:
        spellings[definition.short][definition.long] += 1
    result: dict[str, str] = {}
    for short in sorted(spellings):
        by_key: dict[str, Counter[str]] = defaultdict(Counter)
        for long, count in spellings[short].items():
            by_key[_key(long)][long] += count
        total = sum(spellings[short].values())
        key, forms = min(by_key.items(), key=lambda item: (-item[1].total(), item[0]))
        if forms.total() * 2 > total:
            result[short] = min(forms.items(), key=lambda item: (-item[1], item[0]))[0]
    return result

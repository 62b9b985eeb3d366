"""One speaker name per entity across the whole corpus.

Each article is canonicalised on its own ("Rogozin" → "Dmitry Rogozin" when that article
names him in full), but an article that only says "Rogozin", spells him "Dmitriy Rogozin",
calls him by a nickname ("Chuck" for Charles), or writes its outlet "POLITICO" would still
add a second facet entry. This pass sees every speaker name of a reindex at once and folds
such variants into the most used form, but only when that is unambiguous or one candidate
is salient: a bare "Obama" is Barack Obama in a corpus that quotes him twenty times as
often as Michelle, while a bare "Bush" stays as it is between two comparably quoted Bushes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import cached_property, lru_cache

from searchapp.extract.entities import given_names, nicknamer
from searchapp.extract.names import (
    GENERATION_SUFFIXES,
    first_name_gender,
    looks_like_org,
    looks_like_person,
    strip_accents,
    surname_of,
    within_one_edit,
)

# A candidate is salient when quoted at least this many times as often as the next one.
SALIENCE = 4
# People a name is compared with: the most quoted this many of its surname, or of its
# generational suffix. Real corpora quote far fewer Smiths or Jr.s than this; a file of
# thousands of invented ones made this pass quadratic (4,000 Smiths took 83 s). A name
# past the bound is left as it is, never merged wrongly.
MAX_COMPARED = 64
_VARIANT_LETTERS = frozenset("aeiouyh")  # "Dmitry"/"Dmitriy", "Jon"/"John"


@lru_cache(maxsize=1 << 16)
def _parts(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(first name, middle initials, generational suffixes), compared across spellings."""
    keys = [strip_accents(word).lower().strip(".,") for word in name.split()]
    suffixes = tuple(key for key in keys if key in GENERATION_SUFFIXES)
    core = [key for key in keys if key not in GENERATION_SUFFIXES]
    middle = "".join(part[:1] for key in core[1:-1] for part in key.split(".") if part)
    return core[0] if core else "", middle, suffixes


def _core_words(name: str) -> int:
    """Words of a name besides its generational suffixes."""
    keys = (strip_accents(word).lower().strip(".,") for word in name.split())
    return sum(key not in GENERATION_SUFFIXES for key in keys)


def _known_first(name: str) -> bool:
    return name in given_names() or first_name_gender(name) is not None


def _spelling_variant(a: str, b: str) -> bool:
    """ "Dmitry" / "Dmitriy", "Rence" / "Reince": one edit, but not one that turns a known
    first name into another by a consonant ("Ivana" is not "Ivanka")."""
    if a == b:
        return True
    if not within_one_edit(a, b):
        return False
    if not (_known_first(a) and _known_first(b)):
        return True
    changed = set(a).symmetric_difference(b) or {x for x, y in zip(a, b, strict=False) if x != y}
    return changed <= _VARIANT_LETTERS


@lru_cache(maxsize=1 << 16)
def same_first_name(a: str, b: str) -> bool:
    """Two first names of one person: a spelling variant, or a name and its nickname
    ("Chuck" / "Charles", "Ed" / "Edward", "Bob" / "Robert", from `nicknames`)."""
    if _spelling_variant(a, b):
        return True
    names = nicknamer()
    return b in names.nicknames_of(a) or a in names.nicknames_of(b)


def _same_person(a: str, b: str) -> bool:
    """Two full names with one surname are one person when their first names are one
    name, and their middle initials and suffixes do not disagree: "Donald J. Trump" is
    Donald Trump, "Donald Trump Jr." is not, nor is "George H.W. Bush" George W. Bush."""
    first_a, middle_a, suffixes_a = _parts(a)
    first_b, middle_b, suffixes_b = _parts(b)
    return (
        same_first_name(first_a, first_b)
        and suffixes_a == suffixes_b
        and (not middle_a or not middle_b or middle_a == middle_b)
    )


def salient(weights: Mapping[str, int]) -> str | None:
    """The candidate quoted at least SALIENCE times as often as any other; None if none."""
    ranked = sorted(weights, key=lambda name: (-weights[name], name))
    if not ranked:
        return None
    if len(ranked) > 1 and weights[ranked[0]] < SALIENCE * weights[ranked[1]]:
        return None
    return ranked[0]


def _spelling_key(name: str) -> str:
    """One key for the spellings of one name: "POLITICO" / "Politico", "F.B.I." / "FBI",
    "The New York Times" / "New York Times"."""
    key = strip_accents(name).casefold().replace("’", "'").replace(".", "")
    return " ".join(key.removeprefix("the ").split())


def _fold_spellings(counts: Counter[str]) -> dict[str, str]:
    """Each name to the most used spelling of its key; a written-out case before capitals."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        by_key[_spelling_key(name)].append(name)
    target = {}
    for group in by_key.values():
        best = min(group, key=lambda n: (-counts[n], n.isupper(), not n.startswith("The "), n))
        target.update((name, best) for name in group if name != best)
    return target


def _without_lead(name: str) -> str | None:
    """ "Comedian Sarah Silverman" → "Sarah Silverman": words before a first name that are
    no first name themselves (a role, a sentence's first word) are not part of the name."""
    words = name.split()
    for i in range(1, len(words) - 1):
        if first_name_gender(words[i - 1]) is not None:
            return None
        rest = " ".join(words[i:])
        if first_name_gender(words[i]) is not None and looks_like_person(rest):
            return rest
    return None


class _People:
    """The corpus's people by surname, each person a cluster of forms, most used first."""

    def __init__(self, counts: Counter[str]) -> None:
        self.counts = counts
        self.clusters: dict[str, list[list[str]]] = defaultdict(list)
        # Two words at least besides a suffix: "Donald Jr." names a first name, not a Donald.
        people = [n for n in counts if _core_words(n) > 1 and not looks_like_org(n)]
        by_surname: dict[str, list[str]] = defaultdict(list)
        for name in people:
            by_surname[surname_of(name)].append(name)
        for surname, group in by_surname.items():
            # A name joins a person only if it fits every form seen of them, and only if
            # it fits one person: "George Bush" beside George W. and George H.W. stays.
            for name in sorted(group, key=lambda n: -counts[n]):  # ties: in corpus order
                compared = self.clusters[surname][:MAX_COMPARED]
                homes = [c for c in compared if all(_same_person(m, name) for m in c)]
                if len(homes) == 1:
                    homes[0].append(name)
                else:
                    self.clusters[surname].append([name])

    def weight(self, cluster: list[str]) -> int:
        return sum(self.counts[name] for name in cluster)

    def variants(self) -> Iterable[tuple[str, str]]:
        for clusters in self.clusters.values():
            for cluster in clusters:
                yield from ((variant, cluster[0]) for variant in cluster[1:])

    def by_surname(self, surname: str) -> str | None:
        """The salient person of a bare surname, not counting a Jr. or Sr. while someone
        without the suffix has it: a Jr. is named with his suffix or his first name."""
        clusters = self.clusters.get(surname, [])
        plain = [c for c in clusters if not _parts(c[0])[2]] or clusters
        found = salient({c[0]: self.weight(c) for c in plain})
        # Only a person's surname: not "Twitter" of an "ISIS Wilayat Twitter".
        if found and (_known_first(_parts(found)[0]) or first_name_gender(found.split()[0])):
            return found
        return None

    @cached_property
    def _suffixed(self) -> dict[tuple[str, ...], list[tuple[str, str, int]]]:
        """(first name, name, weight) of each person with a generational suffix, by
        suffix, most quoted first and at most MAX_COMPARED of each."""
        found: dict[tuple[str, ...], list[tuple[str, str, int]]] = defaultdict(list)
        for clusters in self.clusters.values():
            for c in clusters:
                first, _, suffixes = _parts(c[0])
                if suffixes:
                    found[suffixes].append((first, c[0], self.weight(c)))
        return {k: sorted(v, key=lambda x: -x[2])[:MAX_COMPARED] for k, v in found.items()}

    def by_first_and_suffix(self, name: str) -> str | None:
        """ "Donald Jr." → "Donald Trump Jr.": the salient person with that first name
        and that generational suffix."""
        first, _, suffixes = _parts(name)
        found = {
            head: weight
            for their_first, head, weight in self._suffixed.get(suffixes, [])
            if same_first_name(their_first, first)
        }
        return salient(found)


def unify_names(counts: Counter[str]) -> dict[str, str]:
    """Map each speaker name to its corpus-wide form; names that stay are left out."""
    target = _fold_spellings(counts)
    merged: Counter[str] = Counter()
    for name, count in counts.items():
        merged[target.get(name, name)] += count
    for name in list(merged):
        rest = _without_lead(name)
        if rest:
            target[name] = rest
            merged[rest] += merged.pop(name)
    people = _People(merged)
    target.update(people.variants())
    orgs: dict[str, Counter[str]] = defaultdict(Counter)  # last word → organisations
    for name, count in merged.items():
        if len(name.split()) > 1 and looks_like_org(name):
            orgs[_spelling_key(name.split()[-1])][name] += count
    for name in merged:
        words = name.split()
        if len(words) == 1 and people.clusters.get(surname_of(name)):
            found = people.by_surname(surname_of(name))
        elif len(words) == 1:
            found = salient(orgs.get(_spelling_key(name), {}))  # "Times", "Post"
        elif _core_words(name) == 1 and _parts(name)[2]:
            found = people.by_first_and_suffix(name)
        else:
            continue
        if found:
            target[name] = found
    return _resolved(target)


def _resolved(target: dict[str, str]) -> dict[str, str]:
    """Follow each name to the end of its chain ("POLITICO" → "Politico", "the Times" →
    "Times" → "New York Times"); a cycle stops where it started."""
    final = {}
    for name in target:
        seen = {name}
        end = target[name]
        while end in target and end not in seen:
            seen.add(end)
            end = target[end]
        if end != name:
            final[name] = end
    return final

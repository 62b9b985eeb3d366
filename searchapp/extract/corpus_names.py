"""One speaker name per entity across the whole corpus.

Each article is canonicalised on its own ("Rogozin" → "Dmitry Rogozin" when that article
names him in full), but an article that only says "Rogozin", or spells him "Dmitriy
Rogozin", would still add a second facet entry. This pass sees every speaker name of a
reindex at once and folds such variants into the most used full form, but only when that
is unambiguous: a bare "Clinton" stays as it is while both Bill and Hillary are speakers.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from searchapp.extract.names import (
    GENERATION_SUFFIXES,
    looks_like_org,
    strip_accents,
    surname_of,
    within_one_edit,
)


def _parts(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(first name, middle initials, generational suffixes), compared across spellings."""
    keys = [strip_accents(word).lower().strip(".,") for word in name.split()]
    suffixes = tuple(key for key in keys if key in GENERATION_SUFFIXES)
    core = [key for key in keys if key not in GENERATION_SUFFIXES]
    middle = "".join(part[:1] for key in core[1:-1] for part in key.split(".") if part)
    return core[0] if core else "", middle, suffixes


def _same_person(a: str, b: str) -> bool:
    """Two full names with one surname are one person when their first names are equal or
    nearly ("Dmitry" / "Dmitriy"), and their middle initials and suffixes do not disagree:
    "Donald J. Trump" is Donald Trump, "Donald Trump Jr." is not, nor is "George H.W. Bush"
    George W. Bush."""
    first_a, middle_a, suffixes_a = _parts(a)
    first_b, middle_b, suffixes_b = _parts(b)
    return (
        within_one_edit(first_a, first_b)
        and suffixes_a == suffixes_b
        and (not middle_a or not middle_b or middle_a == middle_b)
    )


def unify_names(counts: Counter[str]) -> dict[str, str]:
    """Map each speaker name to its corpus-wide form; names that stay are left out."""
    people = [n for n in counts if len(n.split()) > 1 and not looks_like_org(n)]
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in people:
        by_surname[surname_of(name)].append(name)
    bare_surnames: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        if " " not in name:
            bare_surnames[surname_of(name)].append(name)
    mapping: dict[str, str] = {}
    for surname, group in by_surname.items():
        # The most used form of each person first. A name joins a person only if it fits
        # every form seen of them, and only if it fits one person: "George Bush" with both
        # George W. and George H.W. Bush about is left as it is.
        clusters: list[list[str]] = []
        for name in sorted(group, key=lambda n: -counts[n]):
            homes = [c for c in clusters if all(_same_person(m, name) for m in c)]
            if len(homes) == 1:
                homes[0].append(name)
            else:
                clusters.append([name])
        for cluster in clusters:
            for variant in cluster[1:]:
                mapping[variant] = cluster[0]
        # A bare surname belongs to the only person with that surname, not counting a
        # Jr. or Sr., who is named with the suffix or the first name.
        plain = [c for c in clusters if not _parts(c[0])[2]] or clusters
        if len(plain) == 1:
            for name in bare_surnames.get(surname, []):
                mapping[name] = plain[0][0]
    return mapping

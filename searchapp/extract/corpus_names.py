"""One speaker name per entity across the whole corpus.

Each article is canonicalised on its own ("Rogozin" → "Dmitry Rogozin" when that article
names him in full), but an article that only says "Rogozin", or spells him "Dmitriy
Rogozin", would still add a second facet entry. This pass sees every speaker name of a
reindex at once and folds such variants into the most used full form, but only when that
is unambiguous: a bare "Clinton" stays as it is while both Bill and Hillary are speakers.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from searchapp.extract.names import looks_like_org, strip_accents, surname_of, within_one_edit


def _first(name: str) -> str:
    return strip_accents(name.split()[0]).lower().rstrip(".")


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
        # Same person written differently: equal or near-equal first names
        # ("Donald Trump" / "Donald J. Trump", "Dmitry" / "Dmitriy").
        clusters: list[list[str]] = []
        for name in sorted(group, key=lambda n: -counts[n]):
            home = next((c for c in clusters if within_one_edit(_first(c[0]), _first(name))), None)
            if home is None:
                clusters.append([name])
            else:
                home.append(name)
        for cluster in clusters:
            for variant in cluster[1:]:
                mapping[variant] = cluster[0]
        if len(clusters) == 1:
            # A bare surname belongs to the only person with that surname.
            for name in bare_surnames.get(surname, []):
                mapping[name] = clusters[0][0]
    return mapping

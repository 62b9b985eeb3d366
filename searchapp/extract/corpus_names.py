"""One speaker name per entity across the whole corpus.

Each article is canonicalised on its own ("Rogozin" → "Dmitry Rogozin" when that article
names him in full), but an article that only says "Rogozin", spells him "Dmitriy Rogozin",
calls him by a nickname ("Chuck" for Charles), or writes its outlet "POLITICO" would still
add a second facet entry. This pass sees every speaker name of a reindex at once and folds
such variants into the most used form, but only when that is unambiguous or one candidate
is salient: a bare "Obama" is Barack Obama in a corpus that quotes him twenty times as
often as Michelle, while a bare "Bush" stays as it is between two comparably quoted Bushes.

Whether two full names can be one person is same_person.py's question (nicknames, middle
names, initials, suffixes). The corpus adds its own evidence: two names one article quotes
side by side are two people ("Donald Trump", "Donald Trump Jr."), and a bare word is
contested by everyone it may stand for, people of that surname, organisations ending in it
or named after it, and outlets' titles ("The Hill"), so "Bloomberg" stays unjoined where the
corpus quotes both Michael Bloomberg and "Bloomberg Politics".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property

from searchapp.extract.name_words import (
    first_name_gender,
    looks_like_org,
    looks_like_person,
    strip_accents,
    surname_of,
)
from searchapp.extract.same_person import (
    core_words,
    known_first,
    parts,
    same_first_name,
    same_person,
)

# A candidate is salient when quoted at least this many times as often as the next one,
# each counted one more: a rival quoted once may as well be quoted twice, so four
# quotations against one ("George Wallace", "Chris Wallace") do not make "Wallace" his.
SALIENCE = 4
# People a name is compared with: the most quoted this many of its surname, or of its
# generational suffix. Real corpora quote far fewer Smiths or Jr.s than this; a file of
# thousands of invented ones made this pass quadratic (4,000 Smiths took 83 s). A name
# past the bound is left as it is, never merged wrongly.
MAX_COMPARED = 64
# Forms of one person compared when two people's clusters are compared: the most used.
MAX_FORMS = 8


def salient(weights: Mapping[str, int]) -> str | None:
    """The candidate quoted at least SALIENCE times as often as any other, each counted
    one more; None if none."""
    ranked = sorted(weights, key=lambda name: (-weights[name], name))
    if not ranked:
        return None
    if len(ranked) > 1 and weights[ranked[0]] + 1 < SALIENCE * (weights[ranked[1]] + 1):
        return None
    return ranked[0]


def _spelling_key(name: str) -> str:
    """One key for the spellings of one name: "POLITICO" / "Politico", "F.B.I." / "FBI",
    "The New York Times" / "New York Times". "The Hill" keeps its "The": the article wrote
    an outlet's title there, and "Hill" alone may be someone's surname."""
    key = " ".join(strip_accents(name).casefold().replace("’", "'").replace(".", "").split())
    rest = key.removeprefix("the ")
    return rest if " " in rest else key


def _the_word(name: str) -> str | None:
    """ "Hill" of "The Hill": a title of one word after "The"."""
    words = name.split()
    return words[1] if len(words) == 2 and words[0].casefold() == "the" else None


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


class _Together:
    """Which names one article quotes together (after the spelling folds): two names one
    article quotes side by side are two people. Files of several articles count as one,
    which can only keep apart, never merge."""

    def __init__(self, articles: Iterable[Iterable[str]], target: Mapping[str, str]) -> None:
        self.where: dict[str, set[int]] = defaultdict(set)
        for i, article in enumerate(articles):
            for name in article:
                self.where[_follow(target, name)].add(i)

    def ever(self, a: list[str], b: list[str]) -> bool:
        where = self.where
        return any(where.get(m, set()) & where.get(n, set()) for m in a for n in b)


class _People:
    """The corpus's people by surname, each person a cluster of forms, most used first."""

    def __init__(self, counts: Counter[str], together: _Together) -> None:
        self.counts = counts
        self.clusters: dict[str, list[list[str]]] = defaultdict(list)
        # Two words at least besides a suffix: "Donald Jr." names a first name, not a Donald.
        people = [
            n for n in counts if core_words(n) > 1 and not looks_like_org(n) and not _the_word(n)
        ]
        by_surname: dict[str, list[str]] = defaultdict(list)
        for name in people:
            by_surname[surname_of(name)].append(name)
        for surname, group in by_surname.items():
            # A name joins a person only if it fits every form seen of them, and only if
            # it fits one person, or one far more quoted than the others: "George Bush"
            # beside George W. and George H.W. stays; "Rafael Edward Cruz" is Ted Cruz,
            # quoted far more than his father Rafael.
            for name in sorted(group, key=lambda n: -counts[n]):  # ties: in corpus order
                compared = self.clusters[surname][:MAX_COMPARED]
                homes = [c for c in compared if all(same_person(m, name) for m in c)]
                if len(homes) > 1:
                    best = salient({c[0]: self.weight(c) for c in homes})
                    homes = [c for c in homes if c[0] == best]
                if len(homes) == 1:
                    homes[0].append(name)
                else:
                    self.clusters[surname].append([name])
        short = {(f, s) for n in counts if core_words(n) == 1 for f, _, s in [parts(n)] if s}
        for clusters in self.clusters.values():
            _join_unrivalled_suffixes(clusters, short, together, self.weight)

    def weight(self, cluster: list[str]) -> int:
        return sum(self.counts[name] for name in cluster)

    def variants(self) -> Iterable[tuple[str, str]]:
        for clusters in self.clusters.values():
            for cluster in clusters:
                yield from ((variant, cluster[0]) for variant in cluster[1:])

    def of_surname(self, surname: str) -> dict[str, int]:
        """The people of a bare surname by weight, not counting a Jr. or Sr. while someone
        without the suffix has it: a Jr. is named with his suffix or his first name."""
        clusters = self.clusters.get(surname, [])
        plain = [c for c in clusters if any(not parts(n)[2] for n in c)] or clusters
        return {c[0]: self.weight(c) for c in plain}

    @cached_property
    def _suffixed(self) -> dict[tuple[str, ...], list[tuple[str, str, int]]]:
        """(first name, name, weight) of each person with a generational suffix, by
        suffix, most quoted first and at most MAX_COMPARED of each."""
        found: dict[tuple[str, ...], list[tuple[str, str, int]]] = defaultdict(list)
        for clusters in self.clusters.values():
            for c in clusters:
                first, _, suffixes = parts(c[0])
                if suffixes:
                    found[suffixes].append((first, c[0], self.weight(c)))
        return {k: sorted(v, key=lambda x: -x[2])[:MAX_COMPARED] for k, v in found.items()}

    def by_first_and_suffix(self, name: str) -> str | None:
        """ "Donald Jr." → "Donald Trump Jr.": the salient person with that first name
        and that generational suffix."""
        first, _, suffixes = parts(name)
        found = {
            head: weight
            for their_first, head, weight in self._suffixed.get(suffixes, [])
            if same_first_name(their_first, first)
        }
        return salient(found)


def _join_unrivalled_suffixes(
    clusters: list[list[str]],
    short: set[tuple[str, tuple[str, ...]]],
    together: _Together,
    weight: Callable[[list[str]], int],
) -> None:
    """ "Joseph R. Biden Jr." and "Joe Biden" are one man when nothing says there are two:
    a suffix is part of a formal name that other outlets leave off. There are two when an
    article quotes both, when the suffixed one is also called by his first name and suffix
    ("Donald Jr."), when the plain one's formal name has a middle initial and no suffix
    ("Donald J. Trump"), or when either fits someone else too."""
    ranked = clusters[:MAX_COMPARED]
    suffixed = [c for c in ranked if parts(c[0])[2]]
    plain = [c for c in ranked if not any(parts(n)[2] for n in c)]
    fits = {id(s): [u for u in plain if _may_be_one(s, u)] for s in suffixed}
    joins = []
    for s in suffixed:
        if len(fits[id(s)]) != 1:
            continue
        u = fits[id(s)][0]
        if sum(any(x is u for x in fits[id(other)]) for other in suffixed) > 1:
            continue  # a Jr. and a Sr. of that name
        if any(parts(n)[1] for n in u) or any((f, x) in short for f, _, x in map(parts, s)):
            continue
        if together.ever(s[:MAX_FORMS], u[:MAX_FORMS]):
            continue
        joins.append((u, s))
    for u, s in joins:
        heavy, light = (u, s) if weight(u) >= weight(s) else (s, u)
        clusters[:] = [c for c in clusters if c is not light]
        heavy.extend(light)


_BRAND = "\0organisations named after the word"


def _may_be_one(a: list[str], b: list[str]) -> bool:
    """Every form of one fits every form of the other, suffixes aside."""
    return all(same_person(m, n, suffixes=False) for m in a[:MAX_FORMS] for n in b[:MAX_FORMS])


def unify_names(counts: Counter[str], articles: Iterable[Iterable[str]] = ()) -> dict[str, str]:
    """Map each speaker name to its corpus-wide form; names that stay are left out.
    `articles` are the speaker names of each article (or file), as evidence that two
    names quoted in one article are two people."""
    target = _fold_spellings(counts)
    merged: Counter[str] = Counter()
    for name, count in counts.items():
        merged[target.get(name, name)] += count
    for name in list(merged):
        rest = _without_lead(name)
        if rest:
            target[name] = rest
            merged[rest] += merged.pop(name)
    people = _People(merged, _Together(articles, target))
    target.update(people.variants())
    target.update(_short_forms(merged, people))
    return _resolved(target)


def _short_forms(merged: Counter[str], people: _People) -> dict[str, str]:
    """Bare words, "The X" titles and "Donald Jr." to the entity they stand for, where
    one is salient. "Times" may be the New York Times, "Guardian" a newspaper or a Don
    Guardian: people of that surname, organisations of that last word and titles "The X"
    all compete; so do organisations named after the word ("Bloomberg Politics" for a
    bare "Bloomberg"), as one rival: the word may stand for any of them."""
    orgs: dict[str, Counter[str]] = defaultdict(Counter)  # last word → organisations
    brands: Counter[str] = Counter()  # first word → quotations of organisations
    for name, count in merged.items():
        if len(name.split()) < 2 or _the_word(name):
            continue
        if looks_like_org(name):
            orgs[_spelling_key(name.split()[-1])][name] += count
        if looks_like_org(name) or not _named_person(name):  # "Bloomberg Politics"
            brands[_spelling_key(name.split()[0])] += count
    target: dict[str, str] = {}
    titles: dict[str, dict[str, int]] = defaultdict(dict)  # "The Hill", staying itself
    for name in merged:
        word = _the_word(name)
        if word:
            found = salient(orgs.get(_spelling_key(word), {}))  # "The Times"
            if found:
                target[name] = found
            else:
                titles[_spelling_key(word)][name] = merged[name]
    for name in merged:
        if len(name.split()) == 1:
            key = _spelling_key(name)
            persons = people.of_surname(surname_of(name))
            rivals = {**orgs.get(key, {}), **titles.get(key, {}), **persons}
            if brands[key]:
                rivals[_BRAND] = brands[key]
            found = salient(rivals)
            # Only a person's surname: not "Twitter" of an "ISIS Wilayat Twitter".
            if found == _BRAND or (found in persons and not _named_person(found)):
                found = None
        elif core_words(name) == 1 and parts(name)[2]:
            found = people.by_first_and_suffix(name)
        else:
            continue
        if found:
            target[name] = found
    return target


def _named_person(name: str) -> bool:
    return known_first(parts(name)[0]) or first_name_gender(name.split()[0]) is not None


def _follow(target: Mapping[str, str], name: str) -> str:
    """Where the spelling folds take a name, one or two steps."""
    name = target.get(name, name)
    return target.get(name, name)


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

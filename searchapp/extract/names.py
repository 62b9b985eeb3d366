"""Finding and canonicalising names of people and organisations in news prose.

News text names people in many surface forms ("Sen. Ted Cruz", "Mr. Cruz", "Cruz",
"Texas Sen. Ted Cruz's").  A search engine wants one form per person per article, so
name_spans.py finds capitalised name spans and strips titles and roles, and this module
guesses whether a span is a person or an organisation and maps every short form onto the
fullest form in the article.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from searchapp.extract.acronyms import find_acronyms
from searchapp.extract.lexicon import (
    BUSINESS_NOUNS,
    FIRST_NAMES,
    KIN_GENDER,
    ORG_ONLY_NOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    STOPWORDS,
    TITLES,
)
from searchapp.extract.name_spans import NAME_SPAN_RE, iter_spans, starts_sentence
from searchapp.extract.name_words import (
    GENERATION_SUFFIXES,
    NameKeys,
    _bare,
    common_surnames,
    first_name_gender,
    first_name_is_sure,
    is_acronym,
    looks_like_org,
    looks_like_person,
    surname_of,
    within_one_edit,
)
from searchapp.extract.places import is_place
from searchapp.extract.quotes import inside, quote_spans, unquote

_CAPITALISED_WORD_RE = re.compile(r"\b[A-Z][\w\-]+")
# `\b(Mr|Mrs|Ms)`, but "M" first, so the engine skips from one "M" to the next.
_HONORIFIC_RE = re.compile(r"(M(?<!\wM)(?:r|rs|s))\.?\s+([A-Z][\w\-]+)")
_NEXT_PRONOUN_RE = re.compile(r"[^.!?“”\"]{0,80}?\b(he|she|his|her)\b", re.IGNORECASE)
# "Walz approaches it diplomatically. She said": the subject of one sentence is the
# pronoun opening the next.
_NEXT_SENTENCE_PRONOUN_RE = re.compile(r"[^.!?“”\"]{0,120}[.!?]\s+(He|She)\s+[a-z]")
_SAID_PRONOUN_RE = re.compile(
    r"[^.!?“”\"]{0,160}?\b(?:said|says|told|added|insisted|admitted)\s+(he|she)\b", re.IGNORECASE
)
_INITIAL_RE = re.compile(r"[A-Z]\.?")
# "His daughter, Lindiwe Mokoena", "his wife, Dr Ama Owusu".
_KIN_BEFORE_RE = re.compile(
    r"\b(" + "|".join(KIN_GENDER) + r")(?:,\s+|\s+)(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?\Z",
    re.IGNORECASE,
)


@dataclass
class NameBook:
    """The people and organisations of one article, keyed for short-form lookup.

    Built from the whole article first, so that a surname used before the full name is
    introduced ("Musk replied" after only "Elon Musk's SpaceX") still resolves.
    """

    full_names: list[str] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)
    # Names with evidence of being a person, not a place: a gendered pronoun or honorific,
    # or a later surname-only mention ("Boca Raton" has none, "Terry Virts" has "Virts").
    confirmed: set[str] = field(default_factory=set)
    # Names seen capitalised in mid-sentence at least once. A word capitalised only at
    # sentence starts ("Additional", "Hours") is an ordinary word, not a name.
    mid_sentence: set[str] = field(default_factory=set)
    # Capitalised words written as a person's affiliation ("Roscosmos chief Dmitry
    # Rogozin"), so a description such as "the Roscosmos director" finds its person.
    affiliations: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    # Multi-word organisation names, so an acronym can find its long form ("CSA").
    org_names: list[str] = field(default_factory=list)
    # Acronyms the article defines: "Directorate of Criminal Investigations (DCI)", whose
    # long form need not look like an organisation's.
    defined: dict[str, str] = field(default_factory=dict)
    # Names introduced by a business noun ("housebuilder Carraway Homes"): organisations,
    # though shaped like a person's name.
    companies: set[str] = field(default_factory=set)
    # The common noun an organisation was introduced with ("independent company Lorong
    # Tujuh Theatre", "conservation group Te Ao Tūroa Trust"), so that "the company" and
    # "the group" find it among the other organisations of the story.
    introduced_as: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # The people written with each role ("Housing Minister Darragh Fennelly", "Tom Ward, the
    # coroner,"), in article order: "the minister" is one of them, even in a lede that names
    # the minister only in the next paragraph.
    roles: dict[str, dict[str, None]] = field(default_factory=lambda: defaultdict(dict))
    # Holders read from a lede rather than written with the role: a guess, for the model.
    guessed_roles: set[str] = field(default_factory=set)

    # Names only ever written after a lowercase "the" that no given name opens ("on the
    # Trump Train"): phrases, whose first word alone is not their short form.
    phrases: set[str] = field(default_factory=set)

    _canonical: dict[str, str] = field(default_factory=dict, repr=False)  # memo
    _shared: dict[str, bool] = field(default_factory=dict, repr=False)  # memo
    _bearers: dict[tuple[str, str], str | None] = field(default_factory=dict, repr=False)
    _surnames: frozenset[str] | None = field(default=None, repr=False)
    # Other names of several words, neither person nor organisation by their shape ("Harlow
    # Museum of Art"), kept for `name_words` only.
    other_names: set[str] = field(default_factory=set, repr=False)
    _name_words: frozenset[str] | None = field(default=None, repr=False)
    _keys: NameKeys | None = field(default=None, repr=False)

    @property
    def surnames(self) -> frozenset[str]:
        """Asked for every paragraph, so built once after the names change."""
        if self._surnames is None:
            self._surnames = frozenset(surname_of(name) for name in self.full_names)
        return self._surnames

    def _index(self) -> NameKeys:
        """The names keyed for lookup, built once after the names change: a scan of every
        name per lookup made an article of thousands of people quadratic."""
        if self._keys is None:
            self._keys = NameKeys(self.full_names, self.org_names)
        return self._keys

    def add(self, name: str) -> None:
        self._canonical.clear()
        self._shared.clear()
        self._bearers.clear()
        self._surnames = self._name_words = None
        keys = self._index()
        if looks_like_person(name) and name not in keys.people:
            self.full_names.append(name)
            keys.add_person(len(self.full_names) - 1)
        elif len(name.split()) > 1 and looks_like_org(name) and name not in keys.orgs:
            self.org_names.append(name)
            keys.add_org(name)
        elif len(name.split()) > 1 and not looks_like_person(name):
            self.other_names.add(name)

    @property
    def name_words(self) -> frozenset[str]:
        """The article's names' words of four letters or more, lower-cased, but no first
        names or surnames: what "the museum" or "the utility" may stand for."""
        if self._name_words is None:
            words = {
                form
                for name in (*self.full_names, *self.org_names, *self.other_names)
                for w in name.split()[1:]
                if len(w) > 3 and w[0].isupper() and w.lower() not in STOPWORDS
                for form in (w.lower(), w.lower().removesuffix("s"))  # "the airline"
            }
            # A person's surname is no description ("the baker"); a name without a known
            # first name may be an organisation's ("Eastvale Water Utility").
            surnames = {
                surname_of(n).lower()
                for n in self.full_names
                if first_name_gender(n.split()[0]) is not None
            }
            self._name_words = frozenset(words - surnames)
        return self._name_words

    def shared_surname(self, name: str) -> bool:
        """A bare surname two people of the article bear ("Mokoena" of Themba and Lindiwe).
        Remembered: every mention asks, and an article may name thousands of Smiths."""
        if " " in name:
            return False
        key = _bare(name)
        if key not in self._shared:
            people = self._index().with_word(key, key)
            firsts = {_bare(f.split()[0]) for f in people if looks_like_person(f)}
            self._shared[key] = len(firsts) > 1
        return self._shared[key]

    def addressed(self, surname: str, honorific: str) -> str:
        """The person "Mr Mokoena" or "Mrs. Clinton" is, where two people share the
        surname: the one of the honorific's gender."""
        gender = "m" if honorific == "Mr" else "f"
        if self.shared_surname(surname):
            return self.bearer_of_gender(surname, gender) or self.canonical(surname)
        return self.canonical(surname)

    def bearer_of_gender(self, surname: str, gender: str) -> str | None:
        """Of the people who share a surname, the one known to be of that gender (by the
        evidence gathered so far, else by the given name), if only one is. Remembered until
        a name or a gender is added: every "Mr Smith" asks."""
        key = _bare(surname)
        if (key, gender) not in self._bearers:
            people = {
                f
                for f in self._index().with_word(key, key)
                if looks_like_person(f)
                and (self.gender.get(f) or first_name_gender(f.split()[0])) == gender
            }
            self._bearers[key, gender] = people.pop() if len(people) == 1 else None
        return self._bearers[key, gender]

    def set_gender(self, name: str, gender: str) -> None:
        """The gender of `name` if none is known yet."""
        if name not in self.gender:
            self.gender[name] = gender
            self._bearers.clear()

    def is_full_name(self, name: str) -> bool:
        return name in self._index().people

    def canonical(self, name: str) -> str:
        """The fullest form of name in the article; name itself when nothing matches."""
        if name not in self._canonical:
            self._canonical[name] = self._lookup(name)
        return self._canonical[name]

    def _lookup(self, name: str) -> str:
        if not name:
            return name
        keys = self._index()
        if is_acronym(name):
            if name in self.defined:
                return self.defined[name]
            spelled = keys.by_initials.get(name.replace(".", ""), [])
            return spelled[0] if len(set(spelled)) == 1 else name
        words = name.split()
        key = _bare(words[-1])
        # Only names sharing the surname and the first word can match: a scan of all who
        # share the surname was quadratic in an article of many Smiths.
        same_surname = keys.with_word(key, _bare(words[0]))
        exact = [f for f in same_surname if all(_bare(w) in map(_bare, f.split()) for w in words)]
        # "Donald Trump" written in full is not his son "Donald Trump Jr.", and a bare
        # "Trump" is the son only when the article has no other Trump.
        plain = [f for f in exact if _suffixes(f) <= _suffixes(name)]
        exact = plain if len(words) > 1 or plain else exact
        if len(words) > 1:
            # "Mohd Faizal" and "Kamal Ariffin" for Mohd Faizal Ismail and Kamal Ariffin
            # Zainal: the short form of a name whose given names come first is those names.
            bare = [_bare(w) for w in words]
            longer = {
                f
                for f in keys.by_first.get(bare[0], ())
                if len(f.split()) > len(words)
                and [_bare(w) for w in f.split()[: len(words)]] == bare
                and not _suffixes(f)
                # Not a name run into a place: "Ted Cruz South Carolina".
                and not is_place(" ".join(f.split()[len(words) :]))
            }
            if len(longer) == 1:
                return longer.pop()
        if exact:
            # The fullest form, but one that starts like a name: "Crooked Hillary Clinton"
            # is a nickname, "Hillary Clinton" the person; and not one that starts with
            # another person's surname: "Davis Manafort" is Rick Davis's and Paul
            # Manafort's firm.
            surnames = self.surnames
            # Two people of one surname ("Themba Mokoena", then "His daughter, Lindiwe
            # Mokoena"): a bare "Mokoena" is the one the story introduced first.
            if len(words) == 1 and self.shared_surname(name):
                # `exact` keeps the book's order (`NameKeys.with_word`): the first is first.
                first = exact[0].split()[0]
                exact = [f for f in exact if f.split()[0] == first]
            return max(
                exact,
                key=lambda f: (_starts_like_a_name(f), not _surname_first(f, surnames), len(f)),
            )
        # The same person spelled two ways: "Dmitriy Rogozin" for "Dmitry Rogozin".
        variants = [
            f
            for f in (keys.near_first(key, _bare(words[0])) if len(words) > 1 else ())
            if within_one_edit(_bare(f.split()[0]), _bare(words[0]))
        ]
        if len(variants) == 1:
            return variants[0]
        if len(words) == 1 and f"The {name}" in keys.orgs:
            return f"The {name}"  # "Hill" starting a sentence, where "The Hill" reported
        if len(words) == 1:
            firsts = [f for f in keys.by_first.get(key, []) if f not in self.phrases]
            if len({surname_of(f) for f in firsts}) == 1:
                return max(firsts, key=len)
            near = {
                surname_of(f): f
                for f in keys.near_surname(key)
                if len(key) >= 4 and within_one_edit(surname_of(f), key)
            }
            if len(near) == 1 and not looks_like_org(name):
                return next(iter(near.values()))
            inner = keys.inner.get(key, ())
            if len(inner) == 1:
                return inner[0]
            # "Skyreach said", after "Skyreach Airlines": the one organisation of that first
            # word, unless the word is a place ("Washington" is not the Washington Post).
            orgs = set(keys.orgs_by_first.get(key, ()))
            if len(orgs) == 1 and not firsts and not is_place(name):
                return next(iter(orgs))
        if len(words) == 1 or (len(words) == 2 and words[0] == "The"):
            # "Post" or "The Post" after "The Washington Post": the one organisation of the
            # article that ends in that word, when no person bears it.
            ending = keys.orgs_by_last.get(_bare(words[-1]), set())
            if len(ending) == 1 and words[-1] not in self.surnames:
                return next(iter(ending))
        return name

    def affiliated(self, description: str) -> Counter[str]:
        """People seen beside the capitalised words of a description ("the Roscosmos
        chief"), with how often."""
        found: Counter[str] = Counter()
        for word in _CAPITALISED_WORD_RE.findall(description):
            found.update(self.affiliations.get(word.lower(), Counter()))
        return found

    def role_holders(self, description: str) -> dict[str, None]:
        """The people given the role a description names ("the minister", "The Minister
        for Housing"), in order."""
        role = role_word(description)
        if role is None:
            return {}
        holders = dict(self.roles.get(role, {}))
        for other in ROLE_SYNONYMS.get(role, ()):
            holders.update(self.roles.get(other, {}))
        return holders

    def is_person(self, name: str) -> bool:
        return name not in self.companies and (self.is_full_name(name) or looks_like_person(name))


def role_word(description: str) -> str | None:
    """The role a description names: "minister" of "The Minister for Housing" and of "the
    province's health minister"; None for one that names no role ("the senator")."""
    words = description.lower().split()
    for cut, word in enumerate(words):
        if word in ("of", "for"):
            words = words[:cut]
            break
    if words and (words[-1] in ROLE_NOUNS or _AGE_RE.fullmatch(words[-1])):
        return words[-1]
    # "The 46-year-old mother of four": the age says who, whatever noun follows it.
    return next((w for w in words if _AGE_RE.fullmatch(w)), None)


_AGE_RE = re.compile(r"\d{1,3}-year-old")


def _suffixes(name: str) -> set[str]:
    return {key for key in map(_bare, name.split()) if key in GENERATION_SUFFIXES}


def _surname_first(name: str, surnames: frozenset[str]) -> bool:
    """ "Davis Manafort" beside "Rick Davis": a name that starts with another person's
    surname, and not with a first name ("Carly Fiorina" beside a book "Citizen Carly")."""
    first = _bare(name.split()[0])
    return first in surnames and first not in FIRST_NAMES


def _family_name_first(name: str) -> bool:
    """ "Lee Mei Ling", "Tan Cheng Bock": a common surname, then two short given names, as
    Chinese and Korean names are written. Its first word says nothing of the person's
    gender ("Lee" would be a man's), so no gender is guessed from it."""
    words = name.split()
    return (
        len(words) == 3
        and words[0].lower() in common_surnames()
        and all(len(w) <= 5 and w[1:].islower() for w in words[1:])
    )


def _starts_like_a_name(name: str) -> bool:
    first = name.split()[0]
    return bool(_INITIAL_RE.fullmatch(first)) or first_name_gender(first) is not None


# Where a person's affiliation is written: in front of the name with roles between
# ("Roscosmos chief Dmitry Rogozin", "South Carolina Sen. Lindsey Graham"), after it with
# "of" ("Bernie Sanders of Vermont"), or in an appositive ("Dmitry Rogozin, head of Russian
# space agency Roscosmos,").
_AFFILIATION_BEFORE_RE = re.compile(r"(?:[A-Z][\w\-]*\.?\s+|[a-z\-]+\s+){1,5}$")
_AFFILIATION_AFTER_RE = re.compile(r"(?:\s+of\s+[A-Z][^,.;]{0,40}|,[^,.;“”]{1,90},)")


def _note_affiliations(book: NameBook, text: str, found: list[tuple[int, int, str]]) -> None:
    for start, end, name in found:
        person = book.canonical(name)
        if not book.is_person(person):
            continue
        after = _AFFILIATION_AFTER_RE.match(text, end)
        context = _affiliation_before(text, start) + " " + (after.group(0) if after else "")
        for word in _CAPITALISED_WORD_RE.findall(context):
            key = word.lower()
            if key not in STOPWORDS and key not in TITLES and word not in person.split():
                book.affiliations[key][person] += 1
        appositive = _ROLE_AFTER_RE.match(after.group(0)) if after else None
        # Not "... than that of the CIA chief, Zuckoff said": a name the comma leaves
        # before its own verb is the sentence's speaker, not the role's holder.
        before = (
            []
            if _CUE_AFTER_COMMA_RE.match(text, end) and text.endswith(", ", 0, start)
            else _roles_before(text, start)
        )
        roles = before + (appositive.group(0).split() if appositive else [])
        for role in roles:
            role = role.lower()
            if role in ROLE_NOUNS:
                book.roles[role][person] = None
        # "Muhammad Harith, 22," and "the 22-year-old Muhammad Harith": "said the
        # 22-year-old" is him.
        age = _AGE_AFTER_RE.match(text, end) or _AGE_BEFORE_RE.search(
            text, max(0, start - 40), start
        )
        if age:
            book.roles[f"{age.group(1)}-year-old"][person] = None


_AGE_AFTER_RE = re.compile(r",\s*(\d{1,3}),")
_CUE_AFTER_COMMA_RE = re.compile(r"\s+(?:said|says|told|added|wrote)\b")
# Not "the 22-year-old from Kampung Seri Dungun Baru": a place he is from.
_AGE_BEFORE_RE = re.compile(
    r"\b(\d{1,3})-year-old\s+(?:(?!(?:from|of|in|at|for|with|on|near)\s)[a-z\-]+\s+){0,3}\Z"
)
# An appositive that gives the role: ", the coroner,", ", the state party chairwoman,".
_ROLE_AFTER_RE = re.compile(r"^,\s+(?:the|a|an)\s+[^,]*")
_ROLE_CHAIN_WINDOW = 60


# The words right before a name that may be its role: capitalised ones, role nouns, and
# the "of"/"for" of "Minister for Housing", maybe with a comma ("The Minister for
# Housing, Paul Quinn,"). Read back to the first other word, so that in
# "the judge told lawyer Tom Ward" Ward is the lawyer, not the judge.
def _roles_before(text: str, start: int) -> list[str]:
    window = text[max(0, start - _ROLE_CHAIN_WINDOW) : start]
    if not window[-1:].isspace():
        return []
    words = window.replace(",", " ").split()
    if start > _ROLE_CHAIN_WINDOW:
        words = words[1:]  # maybe cut in two by the window
    roles = []
    for word in reversed(words[-5:]):
        if word[0].islower() and word not in ROLE_NOUNS and word not in ("of", "for", "and"):
            break
        roles.append(word.rstrip("."))
    return roles


def _affiliation_before(text: str, start: int) -> str:
    """The words of `_AFFILIATION_BEFORE_RE` that end at start. Each word it takes is a
    whole run of non-spaces but the first, which may be a run's end ("S." of "U.S."), so a
    match starts in one of the last five runs: searching from there finds what searching
    from each of the 60 positions did, at a tenth of the cost."""
    window = text[max(0, start - 60) : start]
    runs = window.rsplit(None, 5)
    pos = window.index(runs[1], len(runs[0])) if len(runs) == 6 else 0
    before = _AFFILIATION_BEFORE_RE.search(window, pos)
    return before.group(0) if before else ""


# ", the low-cost carrier based in", ", a Singapore-listed lender,": the head noun of an
# appositive, ended by punctuation or by what follows a head ("based", "that", "in").
_ORG_APPOSITIVE_RE = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w\-]+\s+){0,4}?([a-z\-]+)"
    r"(?=[,.;:]|\s+(?:based|listed|owned|run|founded|headquartered|that|which|whose|in|of|"
    r"with|from)\b)"
)
_NOUN_BEFORE_RE = re.compile(r"\b([a-z]{3,})\s+\Z")


def _note_introductions(book: NameBook, text: str, found: list[tuple[int, int, str]]) -> None:
    for start, end, name in found:
        before = _NOUN_BEFORE_RE.search(text, max(0, start - 30), start)
        if before and before.group(1) not in STOPWORDS:
            full = book.canonical(name)
            # "Florida developer Mel Sembler" is a man: a given name first keeps a person.
            words = full.split()
            if before.group(1) in BUSINESS_NOUNS and len(words) > 1:
                if first_name_gender(words[0]) is None:
                    book.companies.add(full)
            if not book.is_person(full):
                book.introduced_as[before.group(1)].add(full)
        # "Najma Airways, the low-cost carrier based in ...,": a company, whatever its name.
        after = _ORG_APPOSITIVE_RE.match(text, end)
        if after and after.group(1) in ORG_ONLY_NOUNS:
            full = book.canonical(name)
            book.companies.add(full)
            book.introduced_as[after.group(1)].add(full)


def _whole_quotations(text: str, found: list[tuple[int, int, str]]) -> Iterable[str]:
    """The names in `found` that fill a quotation of their paragraph by themselves."""
    for start, end in quote_spans(text) if found else ():
        words = unquote(text[start:end])
        for lo, hi, name in found:
            if start < lo < end and text[lo:hi] == words:
                yield name


_THE_BEFORE_RE = re.compile(r"\bthe \Z")


def _phrases(spans: list[tuple[str, list[tuple[int, int, str]]]]) -> set[str]:
    """Names of several words that the article writes only after a lowercase "the", and
    that no given name opens: news writes no person so."""
    after_the: dict[str, bool] = {}
    for text, found in spans:
        for start, _, name in found:
            if " " in name and first_name_gender(name.split()[0]) is None:
                the = bool(_THE_BEFORE_RE.search(text, max(0, start - 4), start))
                after_the[name] = after_the.get(name, True) and the
    return {name for name, always in after_the.items() if always}


def build_namebook(paragraphs: Iterable[str]) -> NameBook:
    """Collect every person-shaped name of the article and guess genders from honorifics
    and the first personal pronoun that follows a name in the same sentence."""
    book = NameBook()
    spans = [(text, list(iter_spans(text))) for text in paragraphs]
    # Each name once: adding it again changes nothing the book is asked. Not a name that
    # is a whole quotation: "accounts give their location as 'Wilayat Twitter'" names a
    # place or a title, and a later "Twitter said" is not its short form.
    titles = {name for text, found in spans for name in _whole_quotations(text, found)}
    for name in dict.fromkeys(name for _, found in spans for _, _, name in found):
        if name not in titles:
            book.add(name)
    book.phrases = _phrases(spans)
    for text, _ in spans:
        for acronym in find_acronyms(text):
            if " " in acronym.long:
                book.defined.setdefault(acronym.short, acronym.long)
                # "Parti Solidariti Rakyat Sabah (PSRS)": people are not given acronyms.
                if book.is_full_name(acronym.long):
                    book.companies.add(acronym.long)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for text, found in spans:
        for start, _, name in found:
            full = book.canonical(name)
            if full != name and len(name.split()) == 1:
                book.confirmed.add(full)
            if not starts_sentence(text, start):
                book.mid_sentence.add(full)
        for m in _HONORIFIC_RE.finditer(text):
            if not book.shared_surname(m.group(2)):  # "Mrs. Clinton" beside Bill Clinton
                book.set_gender(book.canonical(m.group(2)), "m" if m.group(1) == "Mr" else "f")
        _note_affiliations(book, text, found)
        _note_introductions(book, text, found)
        quoted = quote_spans(text)
        for start, end, name in found:
            full = book.canonical(name)
            if not book.is_person(full) or inside(start, quoted):
                continue  # "Delyth kept telling me, 'He drops his elbow'" is not about her
            shared = book.shared_surname(name)
            kin = _KIN_BEFORE_RE.search(text, max(0, start - 30), start)
            if kin and not shared:
                # "His daughter, Lindiwe Mokoena, said he died": the word before her name
                # says more than the pronoun after it.
                votes[full][KIN_GENDER[kin.group(1).lower()]] += 3
            said = _SAID_PRONOUN_RE.match(text, end)
            after = said or _NEXT_PRONOUN_RE.match(text, end)  # not text[end:]: a copy per name
            if after is None and starts_sentence(text, start):
                after = _NEXT_SENTENCE_PRONOUN_RE.match(text, end)
            if after:
                between = text[end : after.start(1)]
                if said and between.startswith(", who "):
                    # The names in "X, who runs the Cwmderwen Boxing Club, said she" are not it.
                    between = between[between.rfind(",") + 1 :]
                if not NAME_SPAN_RE.search(between.replace("I ", "i ")):
                    # "X ... said she" is the surest evidence there is, a possessive ("X is
                    # apologising for her kitchen") less than "he" or "she": it may be
                    # another's.
                    pronoun = after.group(1).lower()
                    weight = 3 if said else 1 if pronoun in ("his", "her") else 1.5
                    if shared:
                        # "Mokoena said she": of Themba and Lindiwe Mokoena, the woman.
                        full = book.bearer_of_gender(name, PRONOUN_GENDER[pronoun])
                        if full is None:
                            continue
                    votes[full][PRONOUN_GENDER[pronoun]] += weight
    # The pronoun that follows a name most often, not the first one: "trained by his aunt
    # Delyth Owain-Rees and ..., he" is the boxer's "he"; "Owain-Rees said she" is hers.
    # An honorific ("Mrs") decides before any pronoun. A first name that is a man's or a
    # woman's counts for more than a possessive after it ("Tom Hale praised her") and less
    # than a "he" or "she" ("Nana Kwesi Appiah ... he"); one that is only mostly so counts
    # for less than either ("Morven Laing is apologising for her kitchen").
    for name in book.full_names:
        if name in book.companies:
            continue
        first = name.split()[0]
        guess = None if _family_name_first(name) else first_name_gender(first)
        if guess:
            votes[name][guess] += 1.25 if first_name_is_sure(first) else 0.75
    for full, counted in votes.items():
        if full not in book.companies:
            book.set_gender(full, counted.most_common(1)[0][0])
    book.confirmed.update(book.gender)
    return book

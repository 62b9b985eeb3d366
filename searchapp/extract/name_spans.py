"""Finding the names in a paragraph: runs of capitalised words, cleaned of what surrounds a
name in running text (determiners, sentence-initial words, titles, roles, a possessive).

Kept apart from names.py, which gathers an article's names into its NameBook, so that
the patterns and their cleaning can be read, and changed, on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from searchapp.extract.entities import DEMONYMS, OPENERS
from searchapp.extract.lexicon import (
    CALENDAR_NAMES,
    FIRST_NAMES,
    ORG_WORDS,
    STOPWORDS,
    TITLES,
    word_set,
)
from searchapp.extract.memo import remember_names
from searchapp.extract.name_words import (
    CAPITAL,
    IRISH_PREFIXES,
    _bare,
    first_name_gender,
    is_acronym,
    looks_like_org,
    looks_like_person,
)
from searchapp.extract.org_spans import org_name_rest
from searchapp.extract.places import is_place

# One capitalised token: a word ("Rogozin", "O'Malley", "McCain", "Wasserman-Schultz"),
# an initial ("J."), a dotted acronym ("U.S."), or an abbreviated title ("Sen.", "Mr.").
_TITLE_ABBREVIATIONS = (
    "Mrs?", "Ms", "Dr", "Sens?", "Reps?", "Gov", "Jr", "Sr", "St", "Gen", "Lt", "Col", "Capt",
    "Prof", "Del", "Hon", "Supt", "Insp", "Det", "Sgt", "Inc", "Ltd", "Corp", "Bros",
)  # fmt: skip
_PREFIXED = rf"{IRISH_PREFIXES}{CAPITAL}[\w\-]*"  # "Liam Ó hAodha"
# An apostrophe inside a name: "O'Malley", "D’Souza", before lowercase letters in Bantu
# names ("Hang’ombe", "Ng’ang’a") and after a Luo name, but not a possessive or a
# contraction ("It’s", "Don’t", "We’ll", "the Teachers' Union").
_INNER_APOSTROPHE = (
    rf"(?:['’](?:{CAPITAL}[\w\-]+|(?!(?:s|t|ll|re|ve|d|m)\b)[a-z]+))*"
    # and closing a Luo given name before the surname: "Mercy Achieng' Odhiambo"
    rf"(?:(?<=[a-rt-z])['’](?= {CAPITAL}))?"
)
# A website's name keeps its domain: "GunBroker.com said" is the company.
_DOMAIN = r"(?:\.(?:com|org|net)\b)?"
_TOKEN = (
    r"(?:[A-Z](?:\.[A-Z])+\.?|(?:" + "|".join(_TITLE_ABBREVIATIONS) + r")\."
    rf"|{CAPITAL}\.|{CAPITAL}[\w\-]*{_INNER_APOSTROPHE}{_DOMAIN}|{_PREFIXED})"
)
# The same token once its capital is read: each title abbreviation checks that capital.
_AFTER_CAPITAL = (
    r"(?:(?:\.[A-Z])+\.?|(?:"
    + "|".join(f"(?<={title[0]}){title[1:]}" for title in _TITLE_ABBREVIATIONS)
    + rf")\.|\.|[\w\-]*{_INNER_APOSTROPHE}{_DOMAIN})"
)
# A run of capitalised tokens, allowing lowercase name particles between them
# ("Charles de Gaulle", "Bank of America", "Johan van der Merwe") or an ampersand
# ("Harrowgate & Finch"). Not after a letter, "@", "#" or apostrophe,
# tested once the first capital is read: a pattern that starts with a letter lets the
# engine skip to each capital instead of trying every position of the paragraph.
_PARTICLE = r"(?:de|da|dos|das|di|van|von|der|den|ter|ten|zu|bin|al|of|la|le|du|del|na)"
NAME_SPAN_RE = re.compile(
    rf"{CAPITAL}(?<![\w@#'’].){_AFTER_CAPITAL}(?:(?: +&)? +(?:{_PARTICLE} ){{0,2}}{_TOKEN})*"
)
# A possessive ending ("Trump's", "Rogozin’s").
POSSESSIVE_RE = re.compile(r"['’]s?$")
# Titles that a single given name after them keeps: "Pope Francis", "Queen Elizabeth".
REGNAL_TITLES = word_set("pope king queen prince princess emperor empress sultan emir")
_LOWERCASE_RE = re.compile(r"[a-z]")
_ADVERB_RE = re.compile(r"[a-z](?:ing|ly)$")


_TWO_WORD_HONOUR_RE = re.compile(r"(?:Tan|Puan|Toh|Datuk|Dato['’]?|Datin)\s+(?:Sri|Seri|Puan)")


def _given_after_honorific(tokens: list[str]) -> bool:
    first = _bare(tokens[0])
    return first in CALENDAR_NAMES or (len(tokens) > 2 and first not in TITLES)


@remember_names
def clean_span(span: str) -> str:
    """Drop what surrounds a name in running text: determiners, sentence-initial
    function words, titles, roles and a trailing possessive."""
    tokens = span.split()
    if tokens:
        tokens[-1] = POSSESSIVE_RE.sub("", tokens[-1])
    # Malaysian honours of two words: "Tan Sri Lim Keng Huat", "Datuk Seri Anwar Ibrahim"
    # ("Sri" alone opens names: "Sri Mulyani Indrawati", "Sri Lanka").
    while len(tokens) > 3 and _TWO_WORD_HONOUR_RE.fullmatch(" ".join(tokens[:2])):
        tokens = tokens[2:]
    # Letters after a name: "Judge Alistair Penrose KC", "Tom Ward QC".
    while len(tokens) > 2 and tokens[-1] in POST_NOMINALS:
        tokens.pop()
    # Sentence-initial participles and adverbs are capitalised too ("Following Russia's"),
    # but not after an honorific: "Mrs Blessing Okonkwo-Ibe".
    honorific = False
    while tokens and (
        # A weekday or a month after an honorific is a given name: "Mr Friday Adejoh", and
        # so is any word with a surname after it: "Dr Nor Hayati Mohd Yusof".
        (_bare(tokens[0]) in STOPWORDS and not (honorific and _given_after_honorific(tokens)))
        # ... and an adverb's ending opens a firm's name too: "Canning Partners".
        or (
            len(tokens) > 1
            and not honorific
            and _sentence_adverb(tokens[0])
            and _bare(tokens[1]) not in ORG_WORDS
        )
        or (len(tokens) > 1 and _AGE_WORD_RE.fullmatch(tokens[0]))  # "Seventeen-year-old X"
    ):
        honorific = _bare(tokens[0]) in HONORIFICS - {"miss"}
        tokens.pop(0)
    # What describes a person in front of the name: "Unseeded Czech Tereza Nováková",
    # "Embattled Mayor ...".
    while len(tokens) > 2 and _describes(tokens[0]) and looks_like_person(" ".join(tokens[1:])):
        tokens.pop(0)
    # "Mainboard-listed Harbourline Logistics", "Leeds-based Carraway Homes": a compound
    # adjective describes whatever it stands before.
    if len(tokens) > 1 and _COMPOUND_ADJECTIVE_RE.fullmatch(tokens[0]):
        tokens.pop(0)
    # A title followed by more capitalised words: the name is what comes after the last
    # title ("ESA Director General Josef Aschbacher").  A lone title stays ("President").
    last_title = max((i for i, t in enumerate(tokens) if _bare(t) in TITLES), default=-1)
    # ... unless the words make an organisation's name: "General Motors", "TD Bank".
    if 0 <= last_title < len(tokens) - 1 and not _org_after_title(tokens[last_title + 1 :]):
        # A pope or a monarch goes by title and given name: "Pope Francis", not "Francis".
        regnal = _bare(tokens[last_title]) in REGNAL_TITLES and len(tokens) == last_title + 2
        named = regnal and first_name_gender(tokens[-1]) is not None
        tokens = tokens[last_title + (0 if named else 1) :]
        # The title's "of" phrase goes with it: "Chief of Staff Denis McDonough".
        if _bare(tokens[0]) == "of":
            first = next((i for i, t in enumerate(tokens) if i > 1 and first_name_gender(t)), 0)
            if not first and len(tokens) > 3 and looks_like_person(" ".join(tokens[-2:])):
                first = len(tokens) - 2  # "Mayor of London Sadiq Khan": the last two words
            # No one after it: "The Minister of Conservation" is an office, not a name.
            tokens = tokens[first:] if 0 < first < len(tokens) - 1 else []
    # Right after "Mr" or "Dr" the name begins, whether or not its first word is a given
    # name the lists know: "Dr Nor Hayati Mohd Yusof" ("Miss Universe" is a title).
    if not honorific:
        tokens = tokens[_given_name_start(tokens) :]
    tokens = _without_place_after(tokens)
    while tokens and _bare(tokens[-1]) in {"of", "de", "van", "von", "la", "le"}:
        tokens.pop()
    while (
        tokens
        and _bare(tokens[-1]) in STOPWORDS
        and not (
            len(tokens) > 1 and _bare(tokens[-1]) in ORG_WORDS  # "Judicial Watch"
        )
        # A given name and a surname that is also a word: "Theresa May", "Brian May".
        and not (len(tokens) == 2 and first_name_gender(tokens[0]) is not None)
    ):
        tokens.pop()
    return " ".join(tokens).rstrip(",;:")


def _without_place_after(tokens: list[str]) -> list[str]:
    """ "the Ted Cruz South Carolina victory party": a person's name run into a place of
    two or more words, which no one's surname is. One-word places are surnames too
    ("George Washington", "Michael Jordan")."""
    for k in (3, 2):
        head = tokens[:-k]
        if (
            len(head) >= 2
            and first_name_gender(head[0]) is not None
            and is_place(" ".join(tokens[-k:]))
            and looks_like_person(" ".join(head))
        ):
            return head
    return tokens


def _given_name_start(tokens: list[str]) -> int:
    """Where a person's name starts when capitalised words of the phrase before it ran into
    it: "Liar of the Year Barack Obama", "Super Bowl MVP Tom Brady". At the first given name
    that a person's name follows, when no word before it is a given name or an initial
    ("Mary Kate Smith", "J. Edgar Hoover" stay whole) and the words are no organisation's
    ("Bank of America Merrill Lynch")."""
    if len(tokens) < 3:
        return 0
    if looks_like_org(" ".join(tokens)):
        return _person_after_office(tokens)
    for i, token in enumerate(tokens[:-1]):
        if (
            i
            and first_name_gender(token) is not None
            and _bare(token) not in SURNAME_PARTICLES
            and looks_like_person(" ".join(tokens[i:]))
        ):
            return i
        if first_name_gender(token) is not None or len(_bare(token)) == 1 or not token[0].isupper():
            return 0
    return 0


# Offices whose holders' titles run into their names ("Ministry of Finance Nadira ..."),
# unlike a firm's name that ends in a partner's ("Bank of America Merrill Lynch").
_GOVERNMENT_OFFICES = word_set("""
ministry department office bureau secretariat directorate agency commission authority
""")


def _person_after_office(tokens: list[str]) -> int:
    """Where a given name and surname start after an office's "of" phrase that ran into
    them: "(Minister in the) Ministry of Finance Nadira Persad-Ali"; 0 for none."""
    i = len(tokens) - 2
    if (
        i >= 3
        and _bare(tokens[0]) in _GOVERNMENT_OFFICES
        and "of" in tokens[1 : i - 1]
        and first_name_gender(tokens[i]) is not None
        and not looks_like_org(" ".join(tokens[i:]))
    ):
        return i
    return 0


HONORIFICS = word_set("mr mrs ms miss dr")
_COMPOUND_ADJECTIVE_RE = re.compile(r"[A-Z][\w.]*-[a-z]+ed")
_AGE_WORD_RE = re.compile(r"[\w\-]+-year-old")
POST_NOMINALS = frozenset(("KC", "QC", "SC", "SAN", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS"))
# Words that begin a surname, never a given name, though some are one elsewhere: "Bríd
# Nic Giolla Easpaig" is not "Nic Giolla Easpaig", nor "Siti binti Ahmad" "Binti Ahmad".
SURNAME_PARTICLES = word_set(
    "mac mc nic ní ni ó o ua bin binti bint ibn ben van von de abdul abd abu le la du der den "
    "des del della dos das ter ten zu"
)


def _describes(token: str) -> bool:
    """A nationality ("Czech") or a participle ("Unseeded", "Embattled") before a name."""
    bare = _bare(token)
    if bare in DEMONYMS or (bare.endswith("s") and bare[:-1] in DEMONYMS):
        return True
    return len(bare) > 5 and bare.endswith("ed") and first_name_gender(token) is None


def _org_after_title(rest: list[str]) -> bool:
    """ "Motors" of "General Motors": the title word begins an organisation's name. Not
    "of National Intelligence James Clapper", whose "of" phrase goes with the title."""
    return _bare(rest[0]) != "of" and looks_like_org(" ".join(rest))


def _sentence_adverb(token: str) -> bool:
    """ "Following", "Notably": capitalised only because they start the sentence.
    First names can look the same ("Kelly", "Carly", "Sterling"), and so can the words
    that open an outlet's name ("Daily Caller", "Weekly Standard")."""
    bare = _bare(token)
    return bool(_ADVERB_RE.search(token)) and bare not in FIRST_NAMES and bare not in ORG_WORDS


def _without_opening_stopwords(name: str) -> str:
    """ "The Commission on Presidential Debates" is the Commission on Presidential Debates."""
    words = name.split()
    while len(words) > 1 and _bare(words[0]) in STOPWORDS:
        words.pop(0)
    return " ".join(words)


def iter_spans(text: str, surnames: frozenset[str] = frozenset()) -> Iterable[tuple[int, int, str]]:
    """(start, end, cleaned name) for each capitalised span in text, title-stripped. A lone
    title word is dropped unless it is the surname of someone in `surnames` ("Dean said",
    with Howard Dean in the article)."""
    for start, end, name, title in _spans(text):
        if title is None or title in surnames:
            yield start, end, name


# Function words that are also given names; written capitalised within a sentence, they
# are the name's ("said Will Doyle", "Said Benali").
_GIVEN_STOPWORDS = frozenset(("Will", "Said"))


@lru_cache(maxsize=512)
def _spans(text: str) -> tuple[tuple[int, int, str, str | None], ...]:
    """`iter_spans` before the surname test, with the bare title word of a lone title.
    Cached: an article's names are read once for its name book and again per paragraph."""
    spans = []
    skip_until = 0
    for m in NAME_SPAN_RE.finditer(text):
        if m.start() < skip_until:
            continue
        raw, end = m.group(0), m.end()
        # "Commission on Presidential Debates", "Center for American Progress": one name.
        at_start = starts_sentence(text, m.start())
        more = org_name_rest(text, m.start(), raw, end, lone=" " not in raw and at_start)
        cause = False
        if more is not None:  # an organisation's name keeps its words ("Presidential")
            raw, end, cause = more
            skip_until = end
        if cause:  # "Americans for Prosperity" keeps its "Americans"
            words = POSSESSIVE_RE.sub("", raw).removeprefix("The ").split()
            if _COMPOUND_ADJECTIVE_RE.fullmatch(words[0]):
                words.pop(0)  # "Koch-backed Concerned Veterans for America"
            name = " ".join(words)
        elif more:
            name = _without_opening_stopwords(POSSESSIVE_RE.sub("", raw))
        else:
            name = clean_span(raw)
        first = raw.partition(" ")[0]
        given = (
            first in _GIVEN_STOPWORDS
            and name in ("", raw[len(first) + 1 :])
            and " " not in name
            and not at_start
        )
        if given:  # "said Will Doyle", "Will wrote": no verb is capitalised mid-sentence
            name = f"{first} {name}".rstrip()
        opener, _, rest = name.partition(" ")
        if rest and at_start and _bare(opener) in OPENERS:
            name = rest  # "Maybe Trump is the Manchurian Candidate": Trump
        bare = _bare(name)
        if not name or (bare in STOPWORDS and not given) or _COMPOUND_ADJECTIVE_RE.fullmatch(name):
            continue  # "the Perth-based miner": an adjective
        if bare not in TITLES and _titled(text, m.start(), raw, name):
            name = "The " + name  # "as The Hill reported": an outlet, not Mr. Hill
        if not _LOWERCASE_RE.search(name) and not is_acronym(name):
            continue
        offset = raw.find(name.split()[0])
        person, of, _ = name.partition(" of ")
        if of:
            # "Sergeant Lisa Crawshaw of Eastmoor Police": the title stayed, as the words
            # after it looked like an organisation's name.
            words = person.split()
            while len(words) > 2 and _bare(words[0]) in TITLES:
                words.pop(0)
            person = " ".join(words)
        if (
            of
            and looks_like_person(person)
            and (not looks_like_org(name) or first_name_gender(person.split()[0]) is not None)
        ):
            name = person  # "Tom Cole of Oklahoma", "Lisa Crawshaw of Eastmoor Police"
        if len(name.split()) > 2:
            name = " ".join(_after_portfolio(text, m.start(), name.split()))
            offset = raw.find(name.split()[0])
        spans.append((m.start() + max(offset, 0), end, name, bare if bare in TITLES else None))
    return tuple(spans)


# A title's "for" or "of the" phrase, which the name finder leaves out of the title: "MEC
# for" (Education Fundile Gqwetha-Mapu), "Leader of the" (Opposition Rampal Singh Gurjar).
_TITLE_FOR_RE = re.compile(r"\b([A-Z][A-Za-z]+)\s+(?:for|of\s+the)\s+\Z")
# The words of a government portfolio, which run into the holder's name after "for".
PORTFOLIO_WORDS = word_set("""
education health justice finance trade transport housing defence defense environment
agriculture energy labour labor tourism sport sports culture arts heritage home foreign
affairs local government economy economic development infrastructure water sanitation
police safety security social welfare women children youth science technology
communications information public works lands mines mineral resources fisheries forestry
industry commerce immigration planning national international relations cooperation rural
urban regional climate digital employment treasury revenue investment gender family
opposition interior house assembly state republic transportation aviation petroleum power
works budget
and the of
""")


def _after_portfolio(text: str, start: int, tokens: list[str]) -> list[str]:
    """The holder's name after "Minister for": the portfolio's words dropped."""
    title = _TITLE_FOR_RE.search(text, max(0, start - 30), start)
    if title is None or (_bare(title.group(1)) not in TITLES and not title.group(1).isupper()):
        return tokens
    first = 0
    while first < len(tokens) - 2 and _bare(tokens[first]) in PORTFOLIO_WORDS:
        first += 1
    return tokens[first:]


def _titled(text: str, start: int, raw: str, name: str) -> bool:
    """ "The Hill" of "as The Hill's" or "As The Hill reported": one word after a capital
    "The" in mid-sentence, which marks a title (a newspaper, a magazine), since a person's
    surname takes no article. Not after an opening quotation mark ("“The Clinton camp…"),
    nor for an acronym."""
    words = raw.split()
    while len(words) > 2 and words[0] != "The" and _bare(words[0]) in STOPWORDS:
        start += len(words[0]) + 1  # "As The Hill": the "The" is mid-sentence
        words = words[1:]
    if len(words) != 2 or words[0] != "The" or name != POSSESSIVE_RE.sub("", words[1]):
        return False
    before = text[max(0, start - 20) : start].rstrip()  # not text[:start]: a copy per name
    if is_acronym(name) or not before or before[-1] in "“\"‘'(":
        return False
    return not starts_sentence(text, start)


def starts_sentence(text: str, pos: int) -> bool:
    """True when nothing but spaces and opening marks stand between pos and the end of
    the sentence before, or the paragraph's start."""
    # What ends the sentence before is close by: copying `text[:pos]` for every name made
    # a long paragraph quadratic. Only a run of 200 spaces or marks needs more.
    before = text[max(0, pos - 200) : pos].rstrip(" “\"‘'(")
    if not before and pos > 200:
        before = text[:pos].rstrip(" “\"‘'(")
    if before.endswith(("”", '"')):  # "“...,” Cronin wrote" is mid-sentence
        return before[:-1].rstrip()[-1:] in ".!?"
    return not before or before[-1] in ".!?:;—–-\n"

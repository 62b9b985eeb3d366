"""Which speaker names are facet values: one person or one organisation, nothing else.

Attribution finds whoever a sentence says said something, and that is sometimes not an
entity a user can follow across articles: a collective ("Democrats", "Germans", "Senate
Republicans"), a generic institution cut out of a longer name ("Department" of "State
Department", "Prevention" of "Centers for Disease Control and Prevention"), a word
capitalised because it starts a sentence ("Maybe Trump", "Having"), page furniture
("EMAIL:"), or a first name nobody could resolve ("Bob"). Quotations keep such speakers, so
"who said what" is not lost; only the speaker facet leaves them out.

The decision rests on general signals, not on a list of bad values: vocabularies of
demonyms, parties and collective nouns, of generic institution words and sentence openers,
the given names of the `nicknames` package, and the shape of the words themselves.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nicknames import NickNamer

from searchapp.extract.lexicon import STOPWORDS, TITLES, word_set
from searchapp.extract.name_words import common_surnames
from searchapp.extract.places import NATIONALITIES, STATE_ABBREVIATIONS, is_place

# Nationalities, regions and faiths as adjectives or singular nouns; plurals are derived.
DEMONYMS = NATIONALITIES | word_set("""
afghan albanian algerian andorran angolan argentine argentinian armenian australian
austrian azerbaijani azeri bahraini bangladeshi belarusian belgian bolivian bosnian
brazilian briton brit bulgarian burmese cambodian cameroonian chadian chilean colombian
congolese croatian cypriot czech danish dane dutch ecuadorian egyptian emirati eritrean
estonian ethiopian filipino finnish finn georgian ghanaian greek guatemalan haitian
honduran hungarian icelandic indonesian irish israeli ivorian jamaican jordanian kazakh
kenyan kosovar kurd kurdish kuwaiti kyrgyz laotian latvian lebanese liberian libyan
lithuanian malaysian malian maltese moldovan mongolian montenegrin moroccan mozambican
namibian nepalese nepali nicaraguan nigerian nigerien norwegian omani palestinian
panamanian paraguayan persian peruvian polish pole portuguese qatari romanian rwandan
salvadoran scottish scot senegalese serbian serb singaporean slovak slovenian somali
sudanese swedish swede swiss taiwanese tajik tanzanian thai tibetan tunisian turkish turk
turkmen ugandan uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
arabian latin latinx caribbean scandinavian balkan nordic baltic slavic pashtun uighur
uyghur yazidi rohingya alawite bedouin jew jews hindu sikh buddhist mormon protestant
sunni shia shiite coptic orthodox iowan ohioan virginian texan new-yorker
""")
# Members of a party or camp, singular: "Democrats", "Conservatives", "the Tories". After
# a place ("a New Hampshire Democrat") only the party nouns that no title ends with.
PARTY_MEMBERS = word_set("""
democrat republican tory labourite conservative liberal progressive libertarian socialist
communist centrist nationalist populist loyalist separatist
""")
PARTY_NOUNS = word_set("democrat republican tory gop dems repubs tories")
_PARTY_HEADS = word_set("party parties gop dems repubs tories")
# People as a group, or one of a group nobody named: "officials", "Millennials", "Caller".
PEOPLE_NOUNS = word_set("""
official aide adviser advisor analyst expert critic observer economist researcher
scientist investigator prosecutor authority resident voter supporter opponent witness
advocate lawmaker leader activist protester protestor demonstrator insider staffer officer
soldier trooper delegate donor organizer rebel militant insurgent diplomat minister
legislator regulator executive employee citizen immigrant refugee victim doctor nurse
teacher student farmer worker player fan parent mother father investor trader consumer
customer user reader viewer listener caller member source spokesperson participant
millennial boomer elder veteran senator governor representative congressman mayor judge
official family relative neighbor neighbour friend colleague insider pollster strategist
operative attendee audience crowd people folks man men woman women child children kid
taker poll survey report study document record authorities police troops forces staff
""")
# Institution words that name no one without the words before them ("the Department").
GENERIC_HEADS = word_set("""
department ministry agency committee commission council office bureau administration
government campaign court party board authority service union association institute
foundation university college school company corporation firm group organization
organisation center centre network station channel coalition alliance federation league
society team club military army navy embassy cabinet regime parliament assembly
directorate division unit branch panel caucus delegation secretariat news daily weekly
newspaper magazine paper outlet website site show program programme pac pacs superpac
""")
# Modifiers that do not say which institution ("the National Committee").
GENERIC_MODIFIERS = word_set(
    "national federal general executive joint special select regional super"
)
# Capitalised only because a sentence starts with them: "Maybe Trump", "Several said".
OPENERS = word_set("""
maybe perhaps probably possibly surely certainly clearly obviously apparently actually
indeed instead nevertheless nonetheless otherwise besides anyway hence therefore thus
often sometimes usually always never once twice finally eventually ultimately initially
originally basically essentially frankly honestly seriously sadly luckily fortunately
unfortunately hopefully interestingly notably specifically particularly especially
several enough having being beyond until unless whether whatever whoever wherever
although though almost nearly already soon yet even also too very really rather quite
hey okay ok well yes no sure right wow
""")
# Labels of page furniture read as a transcript speaker: "EMAIL: fitcity@…".
FURNITURE = word_set("""
email e-mail mail phone telephone tel fax web website url contact caption credit photo
photos video audio transcript statement interview follow subscribe sign share
""")
# Derivational endings of ordinary nouns ("Development", "Prevention"), which names rarely
# have; each with the shortest word it is trusted on.
_NOUN_ENDINGS = (("tion", 7), ("sion", 7), ("ment", 8), ("ness", 7), ("ism", 6), ("ity", 6))
_ING_RE = re.compile(r"[a-z]{3,}ing")


@lru_cache(maxsize=1)
def nicknamer() -> NickNamer:
    """The `nicknames` package's table, read once: "Chuck" is Charles, "Bob" Robert."""
    return NickNamer()


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """English given names and their nicknames, lowercased: the `nicknames` package's
    hand-curated set. Not our lexicon's first names, which hold surnames used as first
    names ("Reid", "Rand") and would drop a bare "Reid" with them."""
    lookup = nicknamer().nickname_lookup
    names = set(lookup)
    for nicknames in lookup.values():
        names.update(nicknames)
    return frozenset(names)


@lru_cache(maxsize=1)
def familiar_forms() -> frozenset[str]:
    """Given names the `nicknames` table lists as another name's familiar form ("bob",
    "chuck", "jane"). A bare one is a first name, not a surname: "Bob" of "the base chief
    known as Bob". Formal given names the table never lists so ("Melanie") are kept:
    dropping them cost PolNeAR dev direct quotations its people annotated (3 of 458)."""
    return frozenset(name for names in nicknamer().nickname_lookup.values() for name in names)


def _key(word: str) -> str:
    return word.lower().strip(".,;:'’\"“”()")


def _plural_of(key: str, vocabulary: frozenset[str]) -> bool:
    """ "germans", "saudis", "swedes", "taxes"-style plurals of a vocabulary word."""
    return key.endswith("s") and (
        key[:-1] in vocabulary
        or (key.endswith("es") and key[:-2] in vocabulary)
        or (key.endswith("ies") and key[:-3] + "y" in vocabulary)
    )


def is_collective(key: str) -> bool:
    """A word naming a group: a party's members, a people, or a plural of people."""
    return (
        _plural_of(key, PARTY_MEMBERS)
        or _plural_of(key, DEMONYMS)
        or _plural_of(key, PEOPLE_NOUNS)
        or key in {"people", "police", "authorities", "troops", "forces", "staff", "jews"}
    )


def _ordinary_word(word: str, key: str) -> bool:
    """A single capitalised word that is an ordinary noun or adverb, not a name."""
    if key in OPENERS or key in STOPWORDS or key in FURNITURE or key in TITLES:
        return True
    if key in GENERIC_HEADS or key in GENERIC_MODIFIERS or key in PEOPLE_NOUNS:
        return True
    if any(key.endswith(end) and len(key) >= n for end, n in _NOUN_ENDINGS):
        return True
    if _ING_RE.fullmatch(key) and key not in given_names():
        return True  # "Having", "Walking", "Engineering"
    head, _, tail = word.rpartition("-")
    if head and tail[:1].islower() and len(tail) > 1:
        return True  # "Trump-style", "Census-takers", "T-shirts"
    return bool(head) and len(head) == 1 and (is_place(tail) or _key(tail) in STATE_ABBREVIATIONS)


@lru_cache(maxsize=1 << 14)
def is_speaker_entity(name: str) -> bool:
    """True when `name` is one person or organisation, a value the speaker facet should
    list; False for collectives, parties, generic institution words, sentence openers,
    page furniture and bare first names. Cached: every quotation of the corpus asks."""
    words = name.split()
    if not words or not any(ch.isalpha() for ch in name):
        return False
    if name.startswith("@"):
        return True  # a tweet's author, as its handle
    keys = [_key(word) for word in words]
    if keys[0] in OPENERS:
        return False  # "Maybe Trump"
    if keys[-1] in _PARTY_HEADS or keys[-1] in PARTY_NOUNS:
        return False  # "Republican Party", "the GOP", "a New Hampshire Democrat"
    if len(words) == 2 and words[0] == "The":
        return not _generic_after_the(keys[1])  # "The Hill", "The Economist"; "The Senate"
    if len(words) > 1:
        # "Senate Republicans", "Syrian Kurds"; but "Claire Danes" is one woman, and
        # "Virginia Democrats" a group, for Virginia is a place before it is a name.
        person = keys[0] in given_names() and not is_place(" ".join(words[:-1]))
        # "Queensland Police", "the Kogi police": a force, one organisation, as "West
        # Yorkshire Police" is; "police" alone is anyone's.
        # ... but "Union of Public School Teachers" is one union of many teachers.
        of_body = "of" in keys and any(k in GENERIC_HEADS for k in keys[: keys.index("of")])
        if is_collective(keys[-1]) and not person and keys[-1] != "police" and not of_body:
            return False
        if all(key in TITLES or key == "of" for key in keys):
            return False  # "Chief Minister", "Secretary of State": a role, not its holder
        return not all(key in GENERIC_HEADS or key in GENERIC_MODIFIERS for key in keys)
    key = keys[0]
    parts = [part for part in key.split("-") if part]
    if _group_word(key) or (len(parts) > 1 and all(_group_word(part) for part in parts)):
        return False  # "Turkish", "Germans", "Democrats", "African-Americans"
    if key in familiar_forms() and key not in common_surnames() and not words[0].isupper():
        return False  # a first name the article never tied to a surname: "Bob"
    return not _ordinary_word(words[0], key)


def _generic_after_the(key: str) -> bool:
    """A word that a capital "The" does not make a title: "The Department", "The
    Germans". Nouns for people stay titles there ("The Economist", "The Observer")."""
    vocabularies = (GENERIC_HEADS, GENERIC_MODIFIERS, OPENERS, FURNITURE, TITLES, STOPWORDS)
    return any(key in words for words in vocabularies) or _group_word(key)


def _group_word(key: str) -> bool:
    """One word naming a group or its member: "German", "Germans", "Democrat"."""
    return key in DEMONYMS or key in PARTY_MEMBERS or is_collective(key)

"""Who is named in a paragraph: names, subject pronouns and descriptions, and where its
sentences end. The raw material attribution works on."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from searchapp.extract.cues import is_cue_word
from searchapp.extract.entities import DEMONYMS, PARTY_MEMBERS, is_collective
from searchapp.extract.lexicon import (
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    TITLES,
    word_set,
)
from searchapp.extract.name_spans import iter_spans
from searchapp.extract.name_words import looks_like_org
from searchapp.extract.names import NameBook
from searchapp.extract.places import is_place, never_speaks
from searchapp.extract.quotes import inside, quote_spans

# Lowercase role words between an affiliation and a name: "Roscosmos chief Dmitry Rogozin",
# "Fox News judicial analyst Judge Andrew Napolitano".
MODIFIER_GAP_RE = re.compile(
    # ... and an abbreviated title after the role: "Parish priest Fr" (Mario Vella-Falzon)
    r"^(?:['’]s)?\s+(?:[a-z\-]+\s+){0,2}([a-z]+)\s+(?:[A-Z][a-z]{0,2}\.?\s+)?$"
)

# An all-caps dateline opening a story: "WASHINGTON --", "LOS ANGELES (AP) —".
# The capitals are taken whole, as an atomic group would (the lookahead's capture cannot
# be backtracked into): otherwise "A" and 100,000 spaces split the run between `[A-Z .,]+`
# and `\s*` every possible way before failing.
DATELINE_RE = re.compile(r"^[A-Z](?=([A-Z .,]+))\1(?:\([A-Za-z]+\))?\s*(?:--|—|–)")
# Datelines as other wires and papers write them: "Pretoria –", "LAGOS, March 3 (Reuters) -",
# "Mexico City (AFP) –", and, in capitals or for a known place only, "CHENNAI:" and "New
# Delhi:" (a transcript's speaker labels are told apart before, by `labels.speaker_label`).
# Each word after the first needs its separator, so the pattern reads a long first word
# once and cannot split it every possible way.
_WIRE_DATELINE_RE = re.compile(
    r"^([A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3})"
    r"(,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
    r"\s*(\([A-Za-z][A-Za-z ]{0,20}\))?\s*(--|—|–|\s-|:)\s+(?=[A-Z“\"‘])"
)


def dateline_end(text: str) -> int:
    """Where a paragraph's opening dateline ends, 0 without one. Its place is not the
    subject of the sentence after it ("New Delhi: The Supreme Court ..., observing")."""
    if found := DATELINE_RE.match(text):
        return found.end()
    found = _WIRE_DATELINE_RE.match(text)
    if found is None:
        return 0
    place, date, agency, mark = found.groups()
    if mark != ":" or date or agency or place.isupper() or is_place(place):
        return found.end()
    return 0


# A definite description standing for a person named earlier: "The Vermont senator",
# "the Roscosmos director", "the Republican front-runner".
# Beyond politics the heads are an age ("said the 22-year-old") or a person noun
# ("the Frenchwoman", "the spokesman"), with lowercase words before them ("the rookie
# defenceman" is the person the role was written with).
# "The" that starts a word, as `\b[Tt]he` but letter first: the engine then skips to each
# "T" or "t" instead of trying the whole pattern at every position of a paragraph.
_THE = r"[Tt](?<!\w[Tt])he"
DESCRIPTION_RE = re.compile(
    rf"{_THE}\s+(?:(?:(?:[A-Z][\w.\-]*|former|presidential|real\s+estate)\s+){{0,3}}"
    r"(?:senator|governor|candidate|nominee|billionaire|businessman|congressman|congresswoman|"
    r"mayor|director|chief|chairman|front-?runner|mogul|businesswoman|lawmaker)\b"
    r"|(?:[a-z\-]+\s+){0,2}(?:\d{1,3}-year-old|[A-Z]?[a-z]{2,}(?:wo)?man)\b(?!-))"
    # "The 46-year-old mother of four"
    r"(?:\s+(?:mother|father|grandmother|grandfather|mum|dad)\s+of\s+(?:two|three|four|five|"
    r"six|seven|eight|nine|ten|\d{1,2}))?"
)
# A role the article gave someone: "the minister", "The Minister for Housing", "said the
# skipper", "the chief medical officer", "the province's health minister". It stands only
# for a person given that role (`NameBook.roles`). Mostly lowercase in running text,
# capitalised in a lede.
ROLE_DESCRIPTION_RE = re.compile(
    rf"{_THE}\s+(?:(?:[A-Z][\w\-]*|[a-z\-]+)(?:['’]s)?\s+){{0,2}}?(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(ROLE_NOUNS))
    + "|"
    + "|".join(w.upper() for w in sorted(ROLE_NOUNS) if len(w) <= 4)  # "the MEC", "the VC"
    # Not a word of a name: "the National Premier League".
    + r")\b(?!-|\s+[A-Z][a-z])"
    + r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:and\s+)?[A-Z][\w\-]*){0,3})?"
)
# A definite description standing for an organisation named earlier: "the company",
# "the department", "the county's health department".
ORG_DESCRIPTION_RE = re.compile(
    rf"{_THE}\s+(?:(?:[a-z\-]+|[A-Z][\w.]*-[a-z]+ed)\s+){{0,2}}?(?:"  # "the Perth-based miner"
    + "|".join(sorted(ORG_NOUNS))
    + r")\b(?!-)"
)
# A document standing for whoever issued it: "the statement said", "the report found".
DOCUMENT_DESCRIPTION_RE = re.compile(
    rf"{_THE}\s+(?:[a-z\-]+\s+){{0,2}}?(?:" + "|".join(sorted(DOCUMENT_NOUNS)) + r")\b(?!-)"
)
# "the" and up to three lower-case words: a description when one of them is a word of a
# name the article uses ("the museum" of the Harlow Museum of Art, "the utility").
_THE_WORDS_RE = re.compile(rf"{_THE}((?:\s+[a-z][a-z\-]*){{1,3}})\b")
# A title just before a name makes it a person's: "Sen. Warren", "Dr Fauci".
_TITLE_BEFORE_RE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s")
# A subject pronoun that can be a speaker: `\b(he|she|they|it|He|...)\b`, each written
# letter first ("h(?<!\wh)e"), as `_THE` is.
_PRONOUNS = ("he", "she", "they", "it", "He", "She", "They", "It")
PRONOUN_RE = re.compile("(" + "|".join(rf"{w[0]}(?<!\w{w[0]}){w[1:]}" for w in _PRONOUNS) + r")\b")
# A sentence boundary: end punctuation (maybe a closing quote) then a capital or quote, or
# a line break: `[.!?][”"’]?\s+(?=[“"A-Z])|(?<!\s)\s*\n\s*`, with the first character of
# both read first (the engine then skips to the next mark or space) and the line break
# told by it: the run of whitespace it starts, when that run has a newline. (?<!\s\s)
# skips starts inside a run of whitespace, which the run's first character has already
# tried: without it a run without a newline was scanned again from each of its
# characters, and "a", 100,000 spaces and "b" took 17 s. The word before the boundary is
# read only where one is found (`_word_before`): capturing it in the pattern made every
# word a start to try, and to give back letter by letter.
SENTENCE_END_RE = re.compile(
    r"[.!?\s](?:(?<=[.!?])[”\"’]?\s+(?=[“\"A-Z])|(?<!\s\s)(?<=\n)\s*|(?<!\s\s)(?<=\s)\s*\n\s*)"
)
# Abbreviations whose period does not end a sentence ("Sen. Ted Cruz", "J. Smith").
ABBREVIATIONS = word_set("""
mr ms mrs dr sen rep gov st gen lt jr sr rev ft col sgt prof mt no vs capt adm maj cpl brig
hon det supt insp pres messrs del
""")
# The last letters of a word, one more than the longest abbreviation has: a longer word is
# no abbreviation, so its end is all `sentence_ends` needs to read.
_WORD_END = max(map(len, ABBREVIATIONS)) + 1
_WORD_END_RE = re.compile(rf"\w{{0,{_WORD_END}}}\Z")


@dataclass
class Mention:
    start: int
    end: int
    name: str
    # "person", "org", "name" (an unknown single word), "pronoun", or "thing": a place,
    # nationality, institution or event that never speaks and is never "he" or "it".
    kind: str


def find_mentions(text: str, book: NameBook) -> list[Mention]:
    """Names and subject pronouns outside quotations, in text order."""
    quotes = quote_spans(text)
    mentions: list[Mention] = []
    for start, end, name in iter_spans(text, book.surnames):
        if inside(start, quotes):
            continue
        honorific = _HONORIFIC_BEFORE_RE.search(text, max(0, start - 5), start)
        full = book.addressed(name, honorific.group(1)) if honorific else book.canonical(name)
        kind = (
            "thing"
            if never_speaks(full)
            else "org"
            if full in book.companies
            else "person"
            if book.is_person(full)
            else "org"
            if looks_like_org(full) or _body_of_people(full)
            else "name"
        )
        if _TITLE_BEFORE_RE.match(text, max(0, start - 5), start + 1):
            kind = "person"
        elif _party_member(text, start, full):
            kind = "thing"  # "Hollmann, a Free Democrat, told": a description, no one
        mentions.append(Mention(start, end, full, kind))
    dateline = dateline_end(text)
    mentions = [
        m
        for i, m in enumerate(mentions)
        if not m.end <= dateline
        and not _is_modifier(text, m, mentions[i + 1 : i + 2])
        and not (i and _party_after_name(text, mentions[i - 1], m))
    ]
    for m in PRONOUN_RE.finditer(text):
        if not inside(m.start(), quotes):
            mentions.append(Mention(m.start(), m.end(), m.group(1), "pronoun"))
    descriptions = [
        # Kept as written: "the Roscosmos director" names its affiliation.
        Mention(m.start(), m.end(), m.group(0), "pronoun")
        for pattern in (DESCRIPTION_RE, ORG_DESCRIPTION_RE, DOCUMENT_DESCRIPTION_RE)
        for m in pattern.finditer(text)
        if not inside(m.start(), quotes)
    ]
    taken = {d.start for d in descriptions}
    descriptions += [
        Mention(m.start(), m.end(), m.group(0), "pronoun")
        for m in ROLE_DESCRIPTION_RE.finditer(text)
        if m.start() not in taken and not inside(m.start(), quotes)
    ]
    descriptions += _bare_police(text, quotes, {d.start for d in descriptions})
    taken = {d.start for d in descriptions}
    descriptions += [
        d
        for d in _name_word_descriptions(text, book)
        if d.start not in taken and not inside(d.start, quotes)
    ]
    # "The research firm Mardell Insight", "the chief executive, Anjali Mistry": a
    # description written beside its name is that name's role, not a reference back.
    # And "Roberta Lange, the state party chairwoman, said": the role of the name before,
    # closed by a comma ("with EgyptAir, the airline said" is a clause of its own).
    named_at = {n.start for n in mentions}
    named_before = {n.end for n in mentions if n.kind in ("person", "org")}
    descriptions = [
        d
        for d in descriptions
        if not ((gap := _APPOSITIVE_GAP_RE.match(text, d.end)) and gap.end() in named_at)
        and not (
            (gap := _APPOSITIVE_BEFORE_RE.search(text, max(0, d.start - 3), d.start))
            and gap.start() in named_before
            and text.startswith(",", d.end)
        )
    ]
    # "The Manhattan District Attorney's Office": an office's name that runs past the
    # role description inside it is the office's.
    offices = [
        (n.start - 5, n.end) for n in mentions if n.kind == "org" and _HOLDERS_RE.search(n.name)
    ]
    if offices:
        descriptions = [
            d for d in descriptions if not any(lo < d.start and d.end < hi for lo, hi in offices)
        ]
    bodies = _public_bodies(text, quotes, book)
    if bodies:
        spans = [(b.start - 1, b.end) for b in bodies]
        descriptions = [d for d in descriptions if not inside(d.start, spans)] + bodies
    if descriptions:
        # What a description covers is dropped, in one pass: filtering the whole list once
        # per description was quadratic in a paragraph of many.
        covered = [(d.start - 1, d.end) for d in descriptions]  # a start inside or on d
        mentions = [n for n in mentions if not inside(n.start, covered)] + descriptions
    mentions.sort(key=attrgetter("start"))
    return mentions


# People "of", "for" or "without" something: "Friends of Wollumbar Creek Koalas",
# "Doctors Without Borders" (not "Shares of Halvard").
_BODY_OF_RE = re.compile(r"^([A-Z][\w'’\-]*) (?:of|for|[Ww]ithout) (?:the )?[A-Z]")


def _party_member(text: str, start: int, name: str) -> bool:
    """ "a Free Democrat", "a Social Democrat", "the Liberal Democrat": a party's member
    described, not named."""
    return (
        name.split()[-1].lower() in PARTY_MEMBERS
        and _ARTICLE_BEFORE_RE.search(text, max(0, start - 5), start) is not None
    )


_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the)\s\Z")


def _body_of_people(name: str) -> bool:
    found = _BODY_OF_RE.match(name)
    return bool(found) and is_collective(found.group(1).lower())


# An office named for its holder: "District Attorney's Office".
_HOLDERS_RE = re.compile(r"\w['’]s ")
# "Mrs. Clinton", "Mr Mokoena": which of two people of a surname is meant.
_HONORIFIC_BEFORE_RE = re.compile(r"\b(Mrs|Mr|Ms|Miss)\.?\s\Z")
_APPOSITIVE_GAP_RE = re.compile(r",? +")
_APPOSITIVE_BEFORE_RE = re.compile(r",\s+\Z")

# "Police said": the one institution news names without "the", standing for the force the
# story named ("West Yorkshire Police"), unless it is part of that name.
_BARE_POLICE_RE = re.compile(r"\b[Pp]olice\b")
_NAME_BEFORE_RE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|his|her|their|its|our|city|state|local)|[A-Z][\w.'’\-]*)\s+\Z"
)


def _bare_police(text: str, quotes: list[tuple[int, int]], taken: set[int]) -> list[Mention]:
    return [
        Mention(m.start(), m.end(), "the police", "pronoun")
        for m in _BARE_POLICE_RE.finditer(text)
        if m.start() not in taken
        and not inside(m.start(), quotes)
        and not _NAME_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
    ]


# "The Uttarakhand government", "the Kenyan embassy": a public body named by its place.
_PUBLIC_BODY_RE = re.compile(
    r"\b[Tt]he ((?:[A-Z][\w'’\-]*\s+){1,3})(government|ministry|police|army|"
    r"military|navy|embassy|high commission|cabinet|parliament|regime|junta|presidency)\b"
)


def _public_bodies(text: str, quotes: list[tuple[int, int]], book: NameBook) -> list[Mention]:
    """Public bodies written with their place before a lowercase noun, as organisations
    in their own right. Not a person's ("the Trump administration" is his), nor an
    organisation's, nor a nation's by its adjective ("the German government"): with
    those, PolNeAR train gained 1 speaker its annotators named and 13 they did not."""
    found = []
    for m in _PUBLIC_BODY_RE.finditer(text):
        modifier = m.group(1).strip()
        if inside(m.start(), quotes) or looks_like_org(modifier) or modifier.lower() in DEMONYMS:
            continue
        if book.is_person(book.canonical(modifier)) and not is_place(modifier):
            continue
        found.append(Mention(m.start(1), m.end(), f"{modifier} {m.group(2)}", "org"))
    return found


def _name_word_descriptions(text: str, book: NameBook) -> list[Mention]:
    """ "The museum", "the heritage authority": "the" and words ending in a word of one of
    the article's names, shortest first. The article's own vocabulary, where a list of
    institution nouns would always lack the next section's ("the band", "the utility")."""
    nouns = book.name_words
    found = []
    for m in _THE_WORDS_RE.finditer(text):
        end = m.start(1)
        for word in m.group(1).split():
            end = text.index(word, end) + len(word)
            if word in nouns:
                found.append(Mention(m.start(), end, text[m.start() : end], "pronoun"))
                break
    return found


def _party_after_name(text: str, before: Mention, mention: Mention) -> bool:
    """A person's party and seat in brackets after the name: "Tan Sri Lim Keng Huat
    (PRN-Bukit Bintang)" is one person, not two."""
    return (
        before.kind == "person"
        and text.startswith(" (", before.end)
        and mention.start == before.end + 2
        and text.startswith(")", mention.end)
    )


def _is_modifier(text: str, mention: Mention, following: list[Mention]) -> bool:
    """True for an affiliation in front of a role and a person's name."""
    if not following or following[0].kind != "person":
        return False
    gap = MODIFIER_GAP_RE.match(text[mention.end : following[0].start])
    if not gap or (gap.group(1) not in TITLES and gap.group(1) not in PERSON_NOUNS):
        return False
    # A verb between makes the first name a subject: "Schoen told host Sean Hannity",
    # "Trump thanked moderator Chris Wallace".
    before_role = gap.group(0).split()[:-1]
    return not any(is_cue_word(w) or w.endswith("ed") for w in before_role)


@lru_cache(maxsize=1024)
def sentence_ends(text: str) -> tuple[int, ...]:
    """Where each sentence but the last ends: the period of an initial or an abbreviation
    ends none. Cached because every cue asks."""
    dateline = dateline_end(text)
    ends = [dateline] if dateline else []
    for m in SENTENCE_END_RE.finditer(text, dateline):
        word = _word_before(text, m.start())
        if not (len(word) == 1 and word.isupper()) and word.lower() not in ABBREVIATIONS:
            ends.append(m.end())
    return tuple(ends)


def _word_before(text: str, pos: int) -> str:
    """The word that ends at pos, or, of a long one, its last letters."""
    return _WORD_END_RE.search(text, max(0, pos - _WORD_END), pos).group()


def sentence_start(text: str, pos: int) -> int:
    ends = sentence_ends(text)
    i = bisect_right(ends, pos)
    return ends[i - 1] if i else 0

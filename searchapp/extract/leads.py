"""What opens an article and who signed it: the lead sentence a missing title is taken
from, and the byline a missing author is taken from.

Scraped pages put furniture before the news: a metadata line ("date 2022-04-02"), a
dateline ("WASHINGTON (AP) —", "MEXICO CITY, Feb. 8 (UPI) —"), a section label
("LETTERS."). A title made of it reads as page chrome, not as a headline, and every hit of
the article repeats it. The signature is furniture too, but useful: "By Tom Ozimek, The
Epoch Times" is who wrote the article, which `author:ozimek` should find.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from searchapp.extract.dates import MONTH
from searchapp.extract.kinds import BODY, BYLINE
from searchapp.extract.lexicon import word_set
from searchapp.extract.mentions import sentence_ends
from searchapp.extract.name_words import first_name_gender, is_acronym, looks_like_person

# A page's label for its own date or time, with what it labels: "date 2022-04-02",
# "Updated 04/02/22 11.00a.m. E.T.:", "UPDATE: 5/12 —", "Published on Sat, April 2, 2022 |".
# A weekday alone is no label's value: "Posted Sunday on Facebook, the video" is a lead.
_DATE = (
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|"
    rf"\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|"
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)(?!\d)"
)
_ZONE = r"(?-i:(?:[ECMP][SD]?T|GMT|UTC)\b|E\.T\.)"
_WHEN = rf"(?:{_DATE}|{_ZONE}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)"
_METADATA = re.compile(
    r"^(?:date|dated|published|posted|updated?|last updated|first published)\b\s*:?\s*"
    rf"(?:on\s+|at\s+)?(?:{_WHEN}[\s,]*)*?{_DATE}(?:[\s,]*(?:at\s+)?{_WHEN})*"
    r"\s*(?:[:|—–―-]+\s*)?",
    re.IGNORECASE,
)
# A dateline: a place in capitals ("ST. LOUIS", "DES MOINES, Iowa", "CAMBRIDGE, Mass.,
# Dec. 11 (UPI)") or in any case before a wire's name ("Washington (AFP)"), then a dash.
# The wire alone opens CNN's stories: "(CNN) —". Capitals without a dash are words of the
# lead ("U.S. deaths from Alzheimer's"), and a name before a dash in mixed case is a
# sentence ("Mehmet Oz — Ivy League-trained surgeon — has been").
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]*)*"
_PLACE = rf"(?:{_CAPS_PLACE}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}(?=\s*\([A-Za-z]+\)))"
_DATELINE = re.compile(
    rf"^(?:{_PLACE}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,\s*{MONTH}\s+\d{{1,2}})?\s*)?"
    r"(?:\((?:AP|AFP|UPI|CNN|Reuters|[A-Z]{2,6})\))?(?:\s*(?:--|[—–―])|\s+-)\s*"
)
_WIRE_ONLY = re.compile(r"^\((?:AP|AFP|UPI|CNN|Reuters)\)\s*(?:--|[—–―-])?\s*")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
# Titles of two people, whose period ends no sentence either: "Sens. Rand Paul (Ky.) and
# Marco Rubio". (The speaker rules' abbreviations lack them, and changing those moves
# every attribution figure.)
_PLURAL_TITLES = frozenset(("sens", "reps", "govs", "gens", "drs", "profs"))
_WORD_BEFORE_PERIOD = re.compile(r"(\w+)\.\W*\Z")


def strip_furniture(text: str) -> str:
    """`text` without the metadata lines and dateline it opens with (in any order, as
    scrapers glue them), as one line."""
    text = " ".join(text[:2_000].split())
    while True:
        for pattern in (_METADATA, _WIRE_ONLY, _DATELINE):
            match = pattern.match(text)
            if match and match.end():
                text = text[match.end() :]
                break
        else:
            return text


def lead_sentence(paragraphs: Sequence[str], kinds: Sequence[str]) -> str:
    """The first sentence of the first body paragraph that has one once its furniture is
    stripped; "" when none has. A section label ("LETTERS.", "TOP STORIES.") and a line that
    is only a date are furniture whole: a lead has words in lower case."""
    for text, kind in zip(paragraphs, kinds, strict=True):
        if kind != BODY:
            continue
        lead = strip_furniture(text)
        if not _LOWER_WORD.search(lead):
            continue
        return _first_sentence(lead)
    return ""


def _first_sentence(text: str) -> str:
    for end in sentence_ends(text):
        sentence = text[:end].rstrip()
        before = _WORD_BEFORE_PERIOD.search(sentence)
        if not (before and before.group(1).lower() in _PLURAL_TITLES):
            return sentence
    return text


# Credit lines that name who wrote the article, and those that name someone else: the
# editor, a contributor ("Additional reporting by").
_AUTHORED = re.compile(r"^(?:reporting|writing|written|story|words|text)?\s*by\s+", re.IGNORECASE)
_NOT_AUTHORED = re.compile(
    r"^(?:additional|with|also|co-?authored|compiled|edited|editing|photos?|images?)\b"
    r"|\bcontributed\b",
    re.IGNORECASE,
)
# Where a credit names a place ("Reporting by Ana Ruiz in Madrid") or its parts end.
_PLACE_AFTER = re.compile(r"\s+(?:in|from|at)\s+[A-Z].*$")
_NAME_SEPARATOR = re.compile(r"\s*(?:[,;|/•]|\band\b|&)\s*", re.IGNORECASE)
# Words of a desk or role, never of a name: "Staff Writer", "Senior Correspondent".
_ROLE_WORDS = word_set("""
staff writer writers reporter reporters correspondent correspondents editor editors
contributor contributors contributing columnist bureau wire wires agency
""")
_MAX_BYLINE = 200
_TOP = 3  # a "By" line this near the top signs the article, under a kicker or a deck


def byline_author(paragraphs: Sequence[str], kinds: Sequence[str]) -> str | None:
    """The author a byline paragraph names, without its "By", roles and outlet: "By Tom
    Ozimek, The Epoch Times" and "Tom Ozimek" give "Tom Ozimek", "Reporting by Ana Ruiz;
    Editing by Joe Bloggs" gives "Ana Ruiz", two authors give "Jane Doe and John Roe".
    None when no byline names one: captions and body sentences are never read, and an
    author bio ("Tom Ozimek has a broad background ...") is a sentence. A byline signs the
    article above its first body paragraph or below its last; between them a bare name
    signs a part (a live blog's entry by one of its reporters), and only a "By" line just
    under a deck still signs the whole."""
    body = [i for i, kind in enumerate(kinds) if kind == BODY]
    first_body, last_body = (body[0], body[-1]) if body else (len(kinds), -1)
    for position, (text, kind) in enumerate(zip(paragraphs, kinds, strict=True)):
        if kind != BYLINE or len(text) > _MAX_BYLINE or "\n" in text.strip():
            continue
        at_edge = position < first_body or position > last_body
        if not (at_edge or position < _TOP and _AUTHORED.match(text)):
            continue
        names = _byline_names(text.strip())
        if names:
            return _joined(names)
    return None


def _byline_names(text: str) -> list[str]:
    """The people a byline names; [] unless every part of it is a name or furniture."""
    credits = [part.strip() for part in text.split(";")]
    authored = [c for c in credits if _AUTHORED.match(c) and not _NOT_AUTHORED.match(c)]
    if authored:
        # "Reporting by X; Writing by Y; Editing by Z": the reporters wrote the story.
        reporting = [c for c in authored if c.lower().startswith("reporting")]
        return _names(_AUTHORED.sub("", (reporting or authored)[0]), bare=False)
    if len(credits) > 1 or _NOT_AUTHORED.search(text):
        return []
    # A signature without "By" must start with somebody's first name: "Tom Ozimek",
    # "Jane Doe, USA TODAY", not a heading that happens to be capitalised.
    return _names(text, bare=True)


def _names(credit: str, bare: bool) -> list[str]:
    credit = _PLACE_AFTER.sub("", credit.strip().rstrip("."))
    names: list[str] = []
    for position, part in enumerate(_NAME_SEPARATOR.split(credit)):
        part = part.strip(" .")
        if not part or "@" in part or any(ch.isdigit() for ch in part):
            continue  # a handle, an email, a date
        name = _cased(part)
        if _is_role_or_outlet(name):
            continue
        if not looks_like_person(name):
            return []  # a fragment of a sentence: this is no byline
        if bare and position == 0 and first_name_gender(name.split()[0]) is None:
            return []
        names.append(name)
    return names


def _is_role_or_outlet(part: str) -> bool:
    words = [w.strip(".,").lower() for w in part.split()]
    return (
        part.startswith("The ")
        or is_acronym(part)
        or any(w in _ROLE_WORDS for w in words)
        or not looks_like_person(part)
        and all(w[:1].isupper() for w in part.split())
    )


def _cased(part: str) -> str:
    """ "ASHLEY PARKER" as a name is written elsewhere: "Ashley Parker"."""
    return part.title() if part.isupper() and len(part) > 3 else part


def _joined(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]

"""What opens an article: the lead sentence a missing title is taken from.

Scraped pages put furniture before the news: a metadata line ("date 2022-04-02"), a
dateline ("WASHINGTON (AP) —", "MEXICO CITY, Feb. 8 (UPI) —"), a section label
("LETTERS."). A title made of it reads as page chrome, not as a headline, and every hit of
the article repeats it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from searchapp.extract.dates import MONTH
from searchapp.extract.kinds import BODY
from searchapp.extract.mentions import sentence_ends

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

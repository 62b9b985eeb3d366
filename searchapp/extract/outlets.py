"""Find the outlet that published an article from the way it refers to itself.

Journalists name their own outlet in a few set phrases: "Newsweek has asked NASA ... for
comment", "The Epoch Times has reached out to ...", "did not respond to Politico's request
for comment". Outlets an article merely cites ("told Fox News", "Reuters reported") are
deliberately not matched: naming the wrong outlet is worse than saying "Unknown outlet".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# A proper name of one to six words: capitalised words, joined by "of"/"and"/"&"/"the".
# A word is at most 40 characters: unbounded, each capital of one 180 KB hyphenated word
# ("Pretoria-Pretoria-...") started a scan to its end, and the article took a minute.
_NAME = r"(?:[A-Z][\w.&'’-]{0,40}|[A-Z]{2,40})(?:\s+(?:of|and|&|the|[A-Z][\w.&'’-]{0,40})){0,5}"

# "<Outlet> has asked/reached out to/contacted ... for comment | to confirm".
_ASKED_FOR_COMMENT = re.compile(
    rf"(?:^|[.;:—–]\s+|\s[—–]\s+)(?P<name>(?:The\s+)*{_NAME})\s+"
    r"(?:has\s+|had\s+|have\s+)?(?:also\s+)?"
    r"(?:asked|reached out to|contacted|emailed|e-mailed|called|requested comment from|"
    r"sought comment from|was unable to reach|could not reach|could not immediately reach|"
    r"did not immediately hear back from)\b"
    r"[^.]{0,200}?\b(?:for (?:a |further )?(?:comment|response|confirmation)|to confirm|"
    r"to comment|(?:did not|didn['’]t) (?:immediately )?(?:hear back|respond))",
)
# "... to Newsweek's request for comment", "Politico's requests for comment".
_OWN_REQUEST = re.compile(
    rf"\b(?P<name>(?:The\s+)?{_NAME})['’]s?\s+(?:repeated\s+|multiple\s+)?"
    r"(?:requests?|inquir(?:y|ies)|emails?|questions?)\s+(?:for|seeking)\s+comment"
)

# Capitalised words that head a sentence without naming anyone.
_NOT_A_NAME = {
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "officials",
    "reporters",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "when",
    "if",
    "after",
    "before",
    "as",
    "while",
    "but",
    "and",
    "so",
    "then",
    "once",
    "since",
    "because",
    "although",
}


def extract_outlet(paragraphs: Iterable[str]) -> str | None:
    """Return the outlet the article names as itself, or None when it never does."""
    found: Counter[str] = Counter()
    for text in paragraphs:
        for pattern in (_ASKED_FOR_COMMENT, _OWN_REQUEST):
            for match in pattern.finditer(text):
                name = clean_outlet_name(match.group("name"))
                if name:
                    found[name] += 1
    if not found:
        return None
    return found.most_common(1)[0][0]


def clean_outlet_name(raw: str) -> str | None:
    """Normalise a matched self-reference ("The The Hamden Journal" → "The Hamden Journal")."""
    words = raw.split()
    while len(words) > 1 and words[0] == "The" and words[1] == "The":
        words.pop(0)
    if not words or words[-1].lower() in {"of", "and", "&", "the"}:
        return None
    if words[0].lower() in _NOT_A_NAME:
        return None
    name = " ".join(words)
    if len(name) < 2 or not any(ch.isupper() for ch in name):
        return None
    return name

"""Paragraphs that name their speaker once, whole: an embedded tweet signed at its end
("— Dmitry Rogozin (@Rogozin) April 2, 2022") and a transcript's line under its speaker's
label ("MILES: Will the budget pass?"), which a dateline in capitals ("CHENNAI: ...") is not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from searchapp.extract.lexicon import word_set
from searchapp.extract.name_words import first_name_gender, to_latin
from searchapp.extract.names import NameBook
from searchapp.extract.places import is_place

# An embedded tweet's signature: "— Display Name (@handle) April 2, 2022" at the end.
TWEET_SIGNATURE_RE = re.compile(
    r"[—–-]\s*(?P<display>[^()\n]{1,60}?)\s*\(@(?P<handle>\w{1,15})\)\s*"
    r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*(?:</tweet>\W*)?$"  # scraped pages keep the tag
)


# A transcript line: "MILES: Will the budget pass?"
TRANSCRIPT_LABEL_RE = re.compile(r"^[“\"]?([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,2}):\s+")

# A transcript line under a name written as names are: "Moriarty: Not this year."
NAME_LABEL_RE = re.compile(r"^([A-Z][a-z][\w'’\-]*(?: [A-Z][\w'’\-]+){0,2}):\s+")

# Capitalised run-ins that are not speakers: "UPDATE: ...", "WATCH: ...".
NOT_LABELS = word_set("""
update updated watch breaking note editor's editors correction clarification disclosure
abstract full text stat read
more related photo video live exclusive analysis opinion poll week day source sources q a
""")


def tweet_author(text: str, book: NameBook) -> str | None:
    """Who wrote an embedded tweet: the handle resolved to a name used in the article
    ("@Rogozin" → "Dmitry Rogozin"), else the display name transliterated and resolved
    ("РОГОЗИН" → "Dmitry Rogozin"), else the handle."""
    match = TWEET_SIGNATURE_RE.search(text)
    if not match:
        return None
    handle, shown = match.group("handle"), match.group("display").strip()
    display = to_latin(shown)
    resolved = book.canonical(handle)
    if resolved != handle:
        return resolved
    if display[:1].isupper() and re.fullmatch(r"[\w.'’\- ]+", display):
        named = book.canonical(display)
        # A lone transliterated word ("Dzheyn") is a worse name than the handle.
        if named != display or shown.isascii() or " " in display:
            return named
    return "@" + handle


def label_counts(paragraphs: Sequence[str]) -> Counter[str]:
    """How many paragraphs each label opens, by its last word: "KATE BOULDUAN:" and then
    "BOULDUAN:" are one speaker's."""
    return Counter(
        _label_key(m.group(1))
        for text in paragraphs
        if (m := TRANSCRIPT_LABEL_RE.match(text) or NAME_LABEL_RE.match(text))
    )


def _label_key(label: str) -> str:
    """A label's last word, as `label_counts` counts it: "KATE BOULDUAN" is "Boulduan"."""
    return to_latin(label).title().split()[-1]


def speaker_label(
    text: str, book: NameBook, labels: Counter[str], opening: bool
) -> tuple[str, int] | None:
    """The speaker a transcript line's label names, and where the words start. A label in
    capitals is read by `is_speaker_label`; one written as a name ("Moriarty:") is taken
    only for a person the article names in full, and when it opens other paragraphs too:
    "Note:", "Background:" or a town's name open a paragraph once."""
    found = TRANSCRIPT_LABEL_RE.match(text)
    if found:
        if not is_speaker_label(found.group(1), book, labels, opening):
            return None
        return book.canonical(to_latin(found.group(1)).title()), found.end()
    found = NAME_LABEL_RE.match(text)
    if found is None or labels[_label_key(found.group(1))] < 2:
        return None
    full = book.canonical(found.group(1))
    if full == found.group(1) or not book.is_full_name(full) or not book.is_person(full):
        return None
    return full, found.end()


def is_speaker_label(label: str, book: NameBook, labels: Counter[str], opening: bool) -> bool:
    """ "FALLIN: Well, I think" is a transcript's speaker; "CHENNAI: Tamil novelist ..." is a
    dateline. A label speaks when it opens other paragraphs too, or names someone the
    article names in full, or starts with a first name; never when it is a place or a
    run-in ("UPDATE:"). Opening the article, where datelines stand, only a label that
    opens other paragraphs too speaks ("MIRZAGARH:" with a Mirzagarh Water in the story)."""
    if set(label.lower().split()) & NOT_LABELS or is_place(label):
        return False
    name = to_latin(label).title()
    if labels[_label_key(label)] > 1:
        return True
    full = book.canonical(name)
    return not opening and (
        (full != name and book.is_full_name(full)) or first_name_gender(name.split()[0]) is not None
    )

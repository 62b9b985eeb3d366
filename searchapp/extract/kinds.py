"""Tell body text from page furniture: captions, author lines and boilerplate.

Scraped articles carry image captions, bylines, author bios and "You Might Like" blocks.
They stay searchable, but rank below body text and never carry speakers, because a quote
in an author bio or a photo credit is not news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from searchapp.extract.cues import is_cue_word

BODY, CAPTION, BYLINE, BOILERPLATE = "body", "caption", "byline", "boilerplate"
KINDS = (BODY, CAPTION, BYLINE, BOILERPLATE)

# Page furniture recognisable from its first words ("You Might Like", "Read the rest here.").
_BOILERPLATE_START = re.compile(
    r"^(?:you might (?:also )?like|learn more about|read (?:the rest|more|the full)|"
    r"(?:also read|read also|see also|also see)\s*:|"
    r"related(?: coverage| articles?| stories)?\s*:|sign up|subscribe|advertisement\b|"
    r"click here|follow us|share this|recommended|more from|watch\s*:|"
    r"(?:abstract|full text)\.?$|_{2,}\.?$|copyright\b|©|all rights reserved|"
    r"update[sd]?\b[^:]{0,40}:\s*this (?:article|story) (?:was|has been) updated)",
    re.IGNORECASE,
)
# Markup residue left by scrapers: "<tweet ...>", CSS rules.
_MARKUP_RESIDUE = re.compile(
    r"^\s*(?:<[a-z/][^>]*>|[.#]?[\w-]+\s*\{[^}]*\}|@media\b)", re.IGNORECASE
)

# Captions open with a picture cue ...
_CAPTION_START = re.compile(
    r"^(?:in this (?:handout |file |undated |aerial )*(?:image|photo|picture|photograph)\b|"
    r"(?:photo|image|picture|caption|credit|pictured)\s*:|\(?photo by\b|file photo\b)",
    re.IGNORECASE,
)
# ... or close with a photo credit ("Paolo Nespoli - ESA/NASA/Getty Images",
# "(NASA/Roscosmos/Handout via Reuters)", "International Space Station iStock").
_CAPTION_CREDIT = re.compile(
    r"(?:getty images|istock(?:photo)?|shutterstock|ap photo(?:/[\w. ]+)?|afp(?: via getty)?|"
    r"handout(?: via \w+)?|reuters/[\w. ]+|epa-efe|photo(?:graph)?\s*(?:by|:)[^.]{0,60}|"
    r"\([\w .'-]+(?:/[\w .'-]+)+\))\W*$",
    re.IGNORECASE,
)
# Words one of which every credit contains: a cheap test that skips the search above,
# which tries every position of every paragraph. Compared case-folded.
_CREDIT_WORDS = (
    "getty images",
    "istock",
    "shutterstock",
    "photo",
    "afp",
    "handout",
    "reuters/",
    "epa-efe",
)
# Author lines: "By Jane Doe", "By Tom Ozimek, The Epoch Times", "BY JANE DOE AND JOHN
# ROE", a bare two-to-four word name. ("by" was once matched in lower case only, so a
# byline with an outlet or a second author was body text, and could become the title.)
_BYLINE = re.compile(
    r"^(?:(?i:by)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
    r"(?:\s*(?:,|and|AND|&)\s*[A-Z][\w.' -]+)*|"
    r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3})\.?$"
)
# A credit line, wherever the desk puts it: "Samantha Lachman contributed reporting.",
# "Additional reporting by Ana Ruiz", "Reporting by X; Editing by Y" (Reuters),
# "Co-authored by Hasmik Piliposyan." (which otherwise became a derived title), and the
# New York Times's closing "Laura Benavides reported from Guatemala City, and Thomas Quill
# from Washington." (no more than that: "reported from the scene that" is a report).
_REPORTER = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
_CREDIT_LINE = re.compile(
    r"^(?:(?:additional |with )?reporting (?:by|from)\b|(?:writing|editing|compiled) by\b|"
    r"co-?authored by\b|"
    r"[^.\n]{2,120}?\bcontributed (?:reporting|to this (?:report|story|article))\b|"
    rf"(?-i:{_REPORTER} reported from [A-Z][\w .,'’-]{{1,60}}?"
    rf"(?:,? and {_REPORTER} (?:reported )?from [A-Z][\w .'’-]{{1,60}}?)*\.?\s*$))",
    re.IGNORECASE,
)
# An author bio opens with the byline's name and a bio verb ("Tom Ozimek has a broad ...").
_BIO_VERB = r"\s+(?:is|has|was|covers|writes|reports|joined|previously)\b"
# The bio verb alone, tried where a name would end before the name itself: a pattern made
# for each name was compiled anew for most articles' bylines, Python's cache of compiled
# patterns being full of other articles' names.
_BIO_VERB_RE = re.compile(_BIO_VERB, re.IGNORECASE)
_BY_RE = re.compile(r"^by\s+", re.IGNORECASE)


def classify_paragraphs(paragraphs: Sequence[str], author: str | None = None) -> list[str]:
    """Return one kind per paragraph, using neighbours to spot author bios."""
    kinds = [_classify(text, author) for text in paragraphs]
    bylines = [_name(text) for text, kind in zip(paragraphs, kinds, strict=True) if kind == BYLINE]
    if author:
        bylines.append(_name(author))
    for position, text in enumerate(paragraphs):
        if kinds[position] == BODY and _is_bio(text, bylines):
            kinds[position] = BYLINE
    return kinds


def _classify(text: str, author: str | None) -> str:
    first_line = text.splitlines()[0].strip()
    if _BOILERPLATE_START.match(first_line) or _MARKUP_RESIDUE.match(text):
        return BOILERPLATE
    if _CAPTION_START.match(text) or (_may_have_credit(text) and _ends_in_credit(text)):
        return CAPTION
    if (author and _name(text) == _name(author)) or _CREDIT_LINE.match(first_line):
        return BYLINE
    if len(text) <= 60 and _BYLINE.match(text) and not _ends_sentence(text):
        return BYLINE
    if _looks_like_title_line(text):
        return CAPTION
    return BODY


# The word before a credit, and the words that make the credit part of a sentence.
_WORD_BEFORE_RE = re.compile(r"\b([a-z]+)\s+\Z")
_JOINING_WORDS = frozenset(("to", "from", "with", "at", "by", "of", "and"))


def _ends_in_credit(text: str) -> bool:
    """A credit stands apart from any sentence: "..., told AFP." and "video credited to
    Reuters/Libya" end sentences that name an agency, "Scott Olson via Getty Images" is one."""
    credit = _CAPTION_CREDIT.search(text)
    if credit is None:
        return False
    before = _WORD_BEFORE_RE.search(text, max(0, credit.start() - 30), credit.start())
    return not (before and (is_cue_word(before.group(1)) or before.group(1) in _JOINING_WORDS))


def _may_have_credit(text: str) -> bool:
    if "(" in text and "/" in text:  # "(NASA/Roscosmos/Handout via Reuters)"
        return True
    folded = text.casefold()
    return any(word in folded for word in _CREDIT_WORDS)


def _looks_like_title_line(text: str) -> bool:
    """Short multi-line blocks of title-case words are image labels, not prose."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and all(len(line) < 60 and not _ends_sentence(line) for line in lines)


def _is_bio(text: str, names: list[str]) -> bool:
    # A literal matches as many characters as it has, ignoring case too, so the verb must
    # follow at len(name).
    return any(
        name
        and _BIO_VERB_RE.match(text, len(name))
        and re.match(re.escape(name) + _BIO_VERB, text, re.IGNORECASE)
        for name in names
    )


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ".”", '."', "?”", "!”"))


def _name(text: str) -> str:
    return _BY_RE.sub("", text.strip().rstrip(".")).split(",")[0].strip()

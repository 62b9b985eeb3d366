"""Quotations with their speakers: what was said, by whom, and whether in their own words.

A speaker list answers "who is in this paragraph"; a quotation answers "what did they say",
which is what a fact-checker searches (`quote:broomsticks`) and cites.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from searchapp.extract.entities import is_speaker_entity

# Quotation spans, curly or straight, not crossing paragraphs; an unclosed one runs to the
# end (it continues in the next paragraph). A single-quoted one does not contain another
# opening mark: else every ‘ of a text without a closing one scanned to its end.
QUOTE_RE = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|(?<!\w)‘[^’‘]*’(?!\w)")


@dataclass(frozen=True)
class Quote:
    """One attributed statement in a paragraph.

    `direct` quotations are the speaker's own words, inside quotation marks; reported
    ones ("Rogozin said that ...") are the reporter's paraphrase of them.
    """

    speaker: str
    text: str
    direct: bool

    def to_json(self) -> dict[str, object]:
        return {"speaker": self.speaker, "text": self.text, "direct": self.direct}


# A straight mark that opens: at the start, or after a space or an opening bracket or dash,
# or after a colon before a word ("Rep. Trey Gowdy (R-S.C.):"I have not...").
_STRAIGHT_OPENING_RE = re.compile(r'(?:(?<=^)|(?<=[\s(\[{—–-]))"(?=\S)|(?<=:)"(?=\w)')
# A closing mark where an opening one belongs: at the start of a paragraph or line.
_CLOSING_AS_OPENING_RE = re.compile(r"(?:(?<=^)|(?<=\n))”(?=\w)")


# A quotation in single marks, as British, Irish, Australian and New Zealand papers write
# them ('...,' he said / ‘...’): opens before a letter, closes after a mark or letter and
# before no letter, so an apostrophe inside a word (it's, don’t) is text, and so is one
# after an s that a lowercase word follows ("the players’ union"); "'90s" opens nothing.
# A search for the closing mark stops at the next mark that is no apostrophe, and after
# 600 characters, so a text of many "'a" or "a's" is read in linear time.
_SINGLE_QUOTED_RE = re.compile(
    r"(?<![\w‘’'])[‘'](?=[^\W\d_])(?:[^‘’'\n]|(?<=\w)[’'](?=\w)|(?<=s)[’'](?= [a-z])){1,600}?"
    r"(?<=[^\s‘’'])[’'](?!\w)(?!(?<=s[’']) [a-z])"
)
SUBHEAD_WORDS = 8
# A curly opening mark at the start of a paragraph: a quotation that goes on in the next.
_SINGLE_RUNNING_RE = re.compile(r"^‘(?=\w)(?!.*’(?!\w))")


# „Bridges are not interested in the debt brake,“ (closed by either curly mark).
_GERMAN_QUOTED_RE = re.compile(r"„([^„“”]*)[“”]")


def curl_quotes(text: str) -> str:
    """Straight double quotes as curly ones, opening or closing by position, so a
    quotation typed with one straight and one curly mark still pairs up; in a paragraph
    without double marks, single quotation marks become double ones (`_SINGLE_QUOTED_RE`)
    so every rule reads one kind of quotation. German „...“ and French «...» marks become
    “...” too. Same length, so offsets stay valid."""
    if "„" in text:
        text = _GERMAN_QUOTED_RE.sub(r"“\1”", text)
    if "«" in text:
        text = text.replace("«", "“").replace("»", "”")
    if '"' in text:
        text = _STRAIGHT_OPENING_RE.sub("“", text).replace('"', "”")
    if "”" in text:
        return _CLOSING_AS_OPENING_RE.sub("“", text)
    if "“" in text or ("'" not in text and "‘" not in text):
        return text
    text = _SINGLE_QUOTED_RE.sub(_as_double, text)
    return _SINGLE_RUNNING_RE.sub("“", text)


def _as_double(match: re.Match[str]) -> str:
    """A single-quoted span as a double-quoted one, unless it holds one letter ('n'), or
    a few words that are the whole paragraph: a subhead, as US papers quote theirs
    ('A change warrior.'), not the speaker's words going on."""
    quoted = match.group()
    whole = match.start() == 0 and match.end() >= len(match.string.rstrip())
    if len(quoted) <= 3 or (whole and len(quoted.split()) < SUBHEAD_WORDS):
        return quoted
    return f"“{quoted[1:-1]}”"


@lru_cache(maxsize=256)
def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each quotation, marks included; cached because mentions,
    attributions and quotations each ask for a paragraph's."""
    return tuple(m.span() for m in QUOTE_RE.finditer(text))


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """True when pos is strictly inside one of `spans`, which are sorted and do not overlap
    (as `quote_spans` gives them). A binary search: every name and cue asks, and a scan of
    all the spans made a paragraph of many quotations quadratic."""
    i = bisect_left(spans, (pos,)) - 1  # the last span starting before pos
    return i >= 0 and pos < spans[i][1]


def unquote(text: str) -> str:
    """The words of a quotation without its marks and trailing comma."""
    return text.strip('“”"‘’ ').rstrip(",").strip()


def leaves_quote_open(text: str) -> bool:
    """True when a quotation is still running at the end: it goes on in the next paragraph."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def speakers_of(quotes: Sequence[Quote]) -> list[str]:
    """Distinct speakers in order of first appearance: the paragraph's speaker facet
    values. A quotation keeps whoever said it, but collectives and non-entities
    ("Democrats", "Department", a lone "Bob") are not values a user can follow across
    articles, so they are left out here (searchapp/extract/entities.py)."""
    return [name for name in dict.fromkeys(q.speaker for q in quotes) if is_speaker_entity(name)]

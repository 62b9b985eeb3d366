"""Find an article's date from explicit dates in its text.

Only full dates count: "April 2" without a year could be any year, so it is not a date.
A date the page labels ("date 2022-04-02", "Update 04/02/22", "Published ...") wins;
otherwise the latest full date outside captions, since an article is written after the
events it dates and photo captions often carry the day an old picture was taken.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from dateutil import parser as dateparser

from searchapp.extract.kinds import CAPTION

# A month as news writes it, full or abbreviated (leads.py reads the same months).
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Full dates as written in news text; each alternative requires a year.
_FULL_DATE = re.compile(
    r"\b(?:"
    r"(?P<iso>\d{4}-\d{2}-\d{2})"  # 2022-04-02
    rf"|(?P<mdy>{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"  # April 2, 2022
    rf"|(?P<dmy>\d{{1,2}}\s+{MONTH},?\s+\d{{4}})"  # 2 April 2022
    r"|(?P<slash>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))"  # 04/02/22 (US order)
    r")(?!\d)",
    re.IGNORECASE,
)
# Words that mark a date as the page's own ("date 2022-04-02", "Update 04/02/22 11.00").
_LABEL = re.compile(
    r"\b(?:date|dated|published|posted|updated?|last updated|first published)\s*:?\s*$",
    re.IGNORECASE,
)

_EARLIEST, _LATEST = dt.date(1800, 1, 1), dt.date(2100, 12, 31)


def extract_date(paragraphs: Sequence[str], kinds: Sequence[str]) -> dt.date | None:
    """Return the article's date, or None when the text gives no full date."""
    labelled: list[dt.date] = []
    unlabelled: list[dt.date] = []
    for text, kind in zip(paragraphs, kinds, strict=True):
        for match in _FULL_DATE.finditer(text):
            date = _parse(match)
            if date is None:
                continue
            if _LABEL.search(text[max(0, match.start() - 25) : match.start()]):
                labelled.append(date)
            elif kind != CAPTION:
                unlabelled.append(date)
    if labelled:
        return max(labelled)
    return max(unlabelled, default=None)


def _parse(match: re.Match[str]) -> dt.date | None:
    text = match.group(0).replace(".", " ")
    try:
        if match.group("iso"):
            date = dt.date.fromisoformat(match.group("iso"))
        else:
            date = dateparser.parse(text, dayfirst=False, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None
    return date if _EARLIEST <= date <= _LATEST else None

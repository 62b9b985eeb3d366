"""The rest of an organisation's name, past where the name pattern stops: "Commission on
Presidential Debates", "Manitoba Teachers' Society", "Department of Sport, Arts and
Culture", "Americans for Prosperity". Read apart from people's names (name_spans.py)
because an organisation's name keeps words a person's would lose, such as titles and
nationalities."""

from __future__ import annotations

import re

from searchapp.extract.entities import DEMONYMS, PARTY_MEMBERS, PEOPLE_NOUNS
from searchapp.extract.lexicon import ROLE_NOUNS, TITLES, word_set
from searchapp.extract.name_words import CAPITAL, _bare, first_name_gender
from searchapp.extract.places import AND_PLACES

ORG_HEADS = word_set("""
commission council committee center centre institute foundation association coalition
alliance society office bureau federation fund union board league network project
partnership campaign conference forum movement
""")
# "Office of the Attorney General", "Commission on Presidential Debates". Not a day or
# month: "the Security Council on Friday" is no council "on Friday".
_WHEN = (
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
    r"August|September|October|November|December"
)
_ORG_OF_RE = re.compile(rf" (?:on|for|of(?= the))(?: a| the)?(?: (?!(?:{_WHEN})\b)[A-Z][\w\-]*)+")
# After a plural possessive, the rest of a name: "Manitoba Teachers' Society".
# ... and after an irregular plural's: "Coastal Longshore Foremen's Union", "Women's League".
_AFTER_PLURAL_POSSESSIVE_RE = re.compile(rf"['’]s?(?: {CAPITAL}[\w\-]*){{1,3}}")
_IRREGULAR_PLURAL_RE = re.compile(r"(?:men|children|people)\Z")
_OF_PLACE_RE = re.compile(
    rf"['’](?: {CAPITAL}[\w\-]*){{1,3}} of (?:the )?{CAPITAL}[\w\-]*(?: {CAPITAL}[\w\-]*){{0,2}}"
)
_ORG_PLURAL_HEADS = word_set("affairs party union association guild federation group trust club")
# "Department of Health and Wellness", "Department of Sport, Arts and Culture", "The
# Drumcaillín and District Landowners' Group":
# an organisation's name with "and" inside. Joined only after an office "of" something,
# or after "The" when the words after "and" end in an organisation's word: "Trump and
# Fox News" are two.
_AND_MORE_RE = re.compile(
    rf"(?:, {CAPITAL}[\w\-]*){{0,3}},? and(?: {CAPITAL}[\w\-]*(?:['’](?= {CAPITAL}))?){{1,4}}"
)
_OFFICE_HEADS = ORG_HEADS | word_set("department ministry secretary school faculty academy")
_THE_BEFORE_RE = re.compile(r"\b[Tt]he \Z")
# "Americans for Prosperity", "Physicians for Human Rights", "Centers for Disease Control
# and Prevention", "Club for Growth": people or an institution for a cause, one name.
_FOR_CAUSE_RE = re.compile(rf" for(?: {CAPITAL}[\w\-]*)+")
_FOR_CAUSE_AND_RE = re.compile(rf" for(?: {CAPITAL}[\w\-]*)+ and(?: {CAPITAL}[\w\-]*){{1,3}}")
_CAUSE_INSTITUTIONS = ORG_HEADS | word_set("club")
_CAUSE_MEMBERS = PARTY_MEMBERS | DEMONYMS


def _for_cause(text: str, raw: str, end: int, lone: bool) -> re.Match[str] | None:
    """The rest of a cause's organisation after its group or institution word. Not
    "Lawyers for Manafort said": a sentence opened by a bare people word is about them."""
    last = _bare(raw.rpartition(" ")[2])
    singular = last.removesuffix("s")
    if last in TITLES or singular in TITLES:
        return None  # "Minister for Energy": a portfolio, which stays with the title
    if not (
        last in _CAUSE_INSTITUTIONS
        or singular in _CAUSE_INSTITUTIONS
        or (last.endswith("s") and singular in _CAUSE_MEMBERS)
        or (not lone and (last in PEOPLE_NOUNS or singular in PEOPLE_NOUNS))
    ):
        return None
    both = _FOR_CAUSE_AND_RE.match(text, end)
    if both is not None:
        # "... and Prevention", "... and International Studies"; not "... and John Kelly".
        after = both.group(0).rpartition(" and ")[2].split()[0]
        if first_name_gender(after) is None and not _titled_words(both):
            return both
    cause = _FOR_CAUSE_RE.match(text, end)
    # "Centers for Disease Control Director Thomas Frieden": a title ends the name.
    return None if cause is None or _titled_words(cause) else cause


def _titled_words(match: re.Match[str]) -> bool:
    return any(_bare(w) in TITLES for w in match.group(0).split())


def _joined_by_and(text: str, start: int, raw: str, end: int) -> re.Match[str] | None:
    more = _AND_MORE_RE.match(text, end)
    if more is None:
        return None
    head, of, _ = raw.partition(" of ")
    last = _bare(more.group(0).split()[-1].rstrip("'’"))
    joined = more.group(0).split()
    # "the Trinidad and Tobago Police Service": a country's name has "and" in it.
    if len(joined) > 1 and f"{_bare(raw.split()[-1])} and {_bare(joined[1])}" in AND_PLACES:
        return more
    if (of and _bare(head.split()[-1]) in _OFFICE_HEADS) or (
        (raw.startswith("The ") or _THE_BEFORE_RE.search(text, max(0, start - 4), start))
        and last in ORG_HEADS | _ORG_PLURAL_HEADS
    ):
        return more
    return None


def _plural_possessive_org(text: str, end: int) -> re.Match[str] | None:
    """ "Teachers' Society", "Veterans' Affairs", "Farmers' Union": one organisation's name
    when it ends in an organisation's word; "Sanders' New Hampshire win" is not one. What
    follows "of" goes with it: "Progressive Teachers' Union of South Africa"."""
    more = _AFTER_PLURAL_POSSESSIVE_RE.match(text, end)
    if more and _bare(more.group(0).split()[-1]) in ORG_HEADS | _ORG_PLURAL_HEADS:
        return _OF_PLACE_RE.match(text, end) or more
    return None


# "Sheriff's Department", "District Attorney's Office", "Prosecutor's Office": an office
# named for its holder is an organisation, not the holder.
_HOLDERS_OFFICE_RE = re.compile(rf"['’]s(?: {CAPITAL}[\w\-]*){{1,2}}")
_OFFICE_WORDS = word_set("office department bureau unit division service agency")
_HOLDERS = TITLES | ROLE_NOUNS


def _holders_office(text: str, raw: str, end: int) -> re.Match[str] | None:
    if _bare(raw.rpartition(" ")[2]) not in _HOLDERS:
        return None
    more = _HOLDERS_OFFICE_RE.match(text, end)
    return more if more and _bare(more.group(0).split()[-1]) in _OFFICE_WORDS else None


_OF_PLACE_AFTER_RE = re.compile(rf" of(?: the)?(?: {CAPITAL}[\w\-]*){{1,3}}")


def org_name_rest(
    text: str, start: int, raw: str, end: int, lone: bool
) -> tuple[str, int, bool] | None:
    """The name matched at text[start:end] (`raw`) with the rest of its organisation's
    name, its new end, and whether it is a cause's ("Americans for Prosperity", whose
    opening "Americans" stays); None when it is not an organisation's. `lone`: the name is
    one word opening its sentence."""
    cause = _for_cause(text, raw, end, lone)
    if cause is not None:
        return raw + cause.group(0), cause.end(), True
    more = _holders_office(text, raw, end)
    if more is None and _bare(raw.rpartition(" ")[2]) in ORG_HEADS:
        more = _ORG_OF_RE.match(text, end)
    if more is None and (raw.endswith("s") or _IRREGULAR_PLURAL_RE.search(raw)):
        more = _plural_possessive_org(text, end)
    if more is None:
        more = _joined_by_and(text, start, raw, end)
        if more is not None and more.group(0).endswith(("'", "’")):
            plural = _plural_possessive_org(text, more.end() - 1)
            if plural is None:
                return None
            raw, more = raw + more.group(0)[:-1], plural
        elif more is not None and _bare(raw.removeprefix("The ").split()[0]) in ORG_HEADS:
            # "Association of Towns and Municipalities of Lower Saxony": where it is.
            where = _OF_PLACE_AFTER_RE.match(text, more.end())
            if where is not None:
                return raw + more.group(0) + where.group(0), where.end(), False
    return None if more is None else (raw + more.group(0), more.end(), False)

"""Sources marked by other words than a verb of saying.

A possessive statement ("Trump's claim that “...”"), a signature after a dash ("“...” ―
Ana Ruiz"), "according to X", and a colon before a quotation ("Rubio fired back
forcefully: “...”"): news attributes with these as often as with "said".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from searchapp.extract.candidates import Attribution
from searchapp.extract.lexicon import TITLES
from searchapp.extract.clauses import MAX_CLAUSE, clause_subject
from searchapp.extract.cues import iter_cues
from searchapp.extract.mentions import Mention, sentence_ends, sentence_start
from searchapp.extract.quotes import inside

# A statement named by its speaker: "Trump's claim that ...", "Clinton's remarks".
POSSESSIVE_SPEECH_RE = re.compile(
    r"['’]s?\s+(?:[a-z\-]+\s+)?(?:claims?|assertions?|remarks?|statements?|comments?|words|"
    r"promises?|pledges?|warnings?|accusations?|charges?|contention|insistence|vows?|boasts?|"
    r"tweets?|suggestions?|arguments?|descriptions?|message|answer|response|retort)\b"
)
# A quotation signed after a dash: "“... a bully.” ― Ana Ruiz".
SIGNATURE_DASH_RE = re.compile(r"[”\"’]\s*[―—–]\s*$")
# "according to X" and "in the words of X".
# Also "according to an analysis by the Pew Research Center", "according to the AP" and
# "according to the latest crime statistics released by the South African Police Service",
# "according to a court document filed by state attorney Dave Aronberg".
ACCORDING_RE = re.compile(
    r"\b(?:according to|in the words of)\s+((?:a|an|the|new)\s+)?"
    # Not "a memo obtained by The Beltway Dispatch": the outlet that has the document.
    r"(?:(?!(?:obtained|seen|reviewed|viewed)\s)[a-z\-]+\s+){0,4}?(?:(?:by|from|of|for)\s+|"
    r"(?:released|published|compiled|issued|provided|led|conducted|prepared|commissioned|"
    r"written|filed|signed|drafted|authored)\s+by\s+"
    r"(?:the\s+)?(?:(?!(?:to|of|for|at|in|on|with|and)\s)[a-z\-]+\s+){0,2}?)?"
    r"(?:the\s+)?(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)?$",
    re.IGNORECASE,
)


# A quotation opened right after a colon: "then leaned in and boomed: “...”".
_COLON_QUOTE_RE = re.compile(r":\s{0,3}\Z")
# A name written right before the colon, maybe with its party: "Rep. Trey Gowdy (R-S.C.):".
_LABEL_GAP_RE = re.compile(r"\s*(?:\([^()]{1,20}\))?\s*")
_POSSESSIVE_RE = re.compile(r"['’]s?\b")


def colon_sources(
    text: str, mentions: list[Mention], quotes: Sequence[tuple[int, int]], found: list[Attribution]
) -> list[Attribution]:
    """A colon before a quotation is news's way of saying "said" with any verb or none
    ("Rubio fired back forcefully: “...”", "the board was conclusive in its findings: “...”",
    "Carl Bialik: “...”"): the name right before the colon, else the subject of the
    colon's clause, is the source, unless a verb of saying in the clause names one."""
    taken = {a.source.start for a in found}
    cues = sorted(a.cue_start for a in found)
    starts = [m.start for m in mentions]
    colons: list[Attribution] = []
    for quote_start, _ in quotes:
        if not _COLON_QUOTE_RE.search(text, max(0, quote_start - 4), quote_start):
            continue
        colon = text.rindex(":", max(0, quote_start - 4), quote_start)
        start = max(sentence_start(text, colon), colon - MAX_CLAUSE)
        if inside(colon, quotes) or bisect_left(cues, start) < bisect_left(cues, colon):
            continue  # a verb's rule has found the source: "Trump said: “...”"
        near = mentions[bisect_left(starts, start) : bisect_left(starts, colon)]
        label = next(
            (m for m in reversed(near) if _LABEL_GAP_RE.fullmatch(text, m.end, colon)), None
        )
        source = label or clause_subject(text, colon, near)
        if source is None or source.start in taken or source.kind == "thing":
            continue
        if label is None and _POSSESSIVE_RE.match(text, source.end):
            continue  # "Trump's critics were blunt:" is not Trump speaking
        taken.add(source.start)
        colons.append(Attribution(source, colon, colon + 1, "colon"))
    return colons


def sources_without_verbs(
    text: str, mentions: list[Mention], quotes: Sequence[tuple[int, int]]
) -> list[Attribution]:
    """Sources marked by other words than a verb: a possessive statement, a signature
    dash, "according to"."""
    found: list[Attribution] = []
    for i, m in enumerate(mentions):
        if m.kind == "thing" or (m.kind == "pronoun" and " " not in m.name):
            continue  # "according to the company" is a source; "according to him" rare
        # A statement named by its speaker: "Trump's claim that there were “thousands”".
        # Only with the words quoted: "Trump's claims" alone are often the reporter's summary.
        speech = POSSESSIVE_SPEECH_RE.match(text, m.end)
        if speech:
            # The sentence, but no more than MAX_CLAUSE either side: a paragraph-long
            # sentence of possessives was read whole for each.
            start = max(sentence_start(text, m.start), m.start - MAX_CLAUSE)
            ends = sentence_ends(text)
            after = bisect_right(ends, speech.end())
            stop = min(ends[after] if after < len(ends) else len(text), speech.end() + MAX_CLAUSE)
            first = bisect_left(quotes, (speech.end(),))
            quoted = first < len(quotes) and quotes[first][0] < stop
            # ... and no verb gives the quotation to someone else: "calling Trump's charge
            # “pathetic”" is the caller's word.
            other_cue = any(
                not inside(c, quotes) and not speech.start() <= c < speech.end()
                for c, _, _ in iter_cues(text, start, stop)
            )
            if quoted and not other_cue:
                found.append(Attribution(m, speech.start(), speech.end(), "possessive"))
        # A signature after a quotation: "“... a bully.” ― Ana Ruiz".
        dash = SIGNATURE_DASH_RE.search(text[max(0, m.start - 8) : m.start])
        if dash:
            found.append(Attribution(m, m.start - 8 + dash.start() + 1, m.start, "signature"))
        according = ACCORDING_RE.search(text[max(0, m.start - 70) : m.start])
        # "according to a POLITICO analysis", "according to an ICE spokeswoman": the name
        # only modifies the real source, which has none.
        modifier = _MODIFIED_RE.match(text, m.end, m.end + 4) and not (
            _OWN_DOCUMENT_RE.match(text, m.end)
            # "according to Harbourline data": figures with no article are the name's own.
            or (_DATA_AFTER_RE.match(text, m.end) and according and not according.group(1))
        )
        # "according to calculations by Amy Glasmeier of the Massachusetts Institute of
        # Technology": the institute is hers, not a second source.
        affiliation = (
            i > 0
            and mentions[i - 1].kind == "person"
            and _AFFILIATION_GAP_RE.fullmatch(text, mentions[i - 1].end, m.start)
        )
        if according and not modifier and not affiliation:
            start = max(0, m.start - 70) + according.start()
            found.append(Attribution(m, start, m.end, "according"))
        elif (
            m.kind == "person"
            and (signed := _SIGNED_BY_RE.search(text, max(0, m.start - 90), m.start))
            # "signed by its Publicity Secretary, Mrs Blessing Okonkwo-Ibe": the role
            # before the name does not sign.
            and not (
                m.name.split()[-1].lower() in TITLES
                and i + 1 < len(mentions)
                and _NAME_AFTER_ROLE_RE.fullmatch(text, m.end, mentions[i + 1].start)
            )
        ):
            # "In a statement signed by its Managing Director, Mr Kofi Boateng, Volta Crest
            # said": the signer speaks, as the organisation does.
            found.append(Attribution(m, signed.start(), m.end, "according"))
    return found


_NAME_AFTER_ROLE_RE = re.compile(r",\s+(?:(?:Mr|Mrs|Ms|Dr|Chief|Prof)\.?\s+)?")
# "in a statement signed by its Managing Director, Mr", "in a statement by the Commissioner
# for Information,": the words between a statement and its signer's name.
_SIGNED_BY_RE = re.compile(
    r"\ba\s+statement\s+(?:signed\s+|issued\s+)?by\s+(?:(?:its|his|her|their|the)\s+)?"
    r"(?:[\w\-]+\s+){0,5}?(?:[\w\-]+,\s+)?(?:(?:Mr|Mrs|Ms|Dr|Chief)\.?\s+)?\Z"
)


# "according to a POLITICO analysis": a lowercase word after the name (or its 's), but not
# an affiliation ("according to a study led by Dr Esther Nabukenya of the ... Centre").
_MODIFIED_RE = re.compile(
    r"(?:['’]s)?\s+(?!(?:of|at|from|on|in|last|this|earlier|and|which|who|that|as)\s)[a-z]"
)
_AFFILIATION_GAP_RE = re.compile(r",?\s+(?:of|at|from)\s+(?:the\s+)?")
_DATA_AFTER_RE = re.compile(r"\s+(?:data|figures|statistics|numbers|estimates)\b")
# "according to the company's release": the owner of the document is its source.
_OWN_DOCUMENT_RE = re.compile(
    r"['’]s\s+(?:[\w\-]+\s+){0,2}?(?:release|statement|announcement|report|filing|website|"
    r"data|letter|post|account|figures|survey|study)\b"
)

"""Who is quoted or reported in each paragraph of a news article.

Rule-based on purpose: the engine runs without model downloads, and news attribution is
formulaic enough ("..., X said.", "according to X", "X wrote:") that a cue lexicon plus
article-level name canonicalisation and recency-based pronoun resolution gets most of it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from searchapp.extract.names import (
    PRONOUN_GENDER,
    TITLES,
    NameBook,
    build_namebook,
    iter_spans,
    looks_like_org,
    to_latin,
    word_set,
)
from searchapp.extract.places import is_nationality, is_place, is_silent_body
from searchapp.extract.quotes import Quote, curl_quotes, inside, quote_spans, speakers_of, unquote

_REGULAR_CUES = word_set("""
add allege announce argue ask assert boast brag caution charge claim complain concede
conclude confirm contend counter declare deny describe disclose echo emphasize estimate
explain insist joke lament maintain mention muse note observe offer opine plead point
predict proclaim quip recall recount remark reply report respond retort reveal scoff
speculate state stress suggest testify tweet urge vow warn acknowledge admit agree
accuse blame criticize slam blast attack praise pledge promise threaten demand question
dismiss reject dispute defend wonder propose repeat reiterate indicate signal imply post
shout yell scream continue condemn assure advise call cite insinuate hint predict fire snap
gush muse decry denounce hail mock rip knock tout rebuke lambaste chide scold berate ridicule
deride dub label brand characterize apologize lash thank congratulate applaud welcome recommend
advocate highlight emphasise lobby pitch champion tease remember bemoan recollect snipe liken
compare laud exhort reference sing portray
press interject surmise chime
""")
_IRREGULAR_CUES = word_set("""
say says said saying tell tells told telling write writes wrote writing written read reads
reading went goes going think thinks thought thinking believe believes believed believing
speak speaks spoke speaking emailed
""")


def _inflections(verb: str) -> list[str]:
    """Regular verb forms; the lexicon is small enough that over-generation is harmless."""
    stem = verb.removesuffix("e")
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    third = verb + ("es" if verb.endswith(("sh", "ch", "s", "x")) else "s")
    double = verb + verb[-1] if re.search(r"[^aeiou][aeiou][bdgmnpt]$", verb) else verb
    return [verb, third, stem + "ed", double + "ed", stem + "ing", double + "ing"]


# Forms that are mostly nouns or narration in news ("the attacks", "his remarks",
# "offering a plan"), measured on PolNeAR train as more often wrong than right.
_NOT_CUES = word_set("""
report attack attacks remark remarks written offering thinking describing lobby lobbies
lobbying lobbied highlighting maintains echoed predicting alleging question questions
demand demands post posts
""")
_CUE_FORMS = sorted(
    ({f for v in _REGULAR_CUES for f in _inflections(v)} | set(_IRREGULAR_CUES)) - _NOT_CUES,
    key=len,
    reverse=True,
)
# A reporting verb; "went on"/"goes on" only with their particle.
# Verbs that report speech only with their particle: "went on", "put it", "shot back".
_PHRASAL = {
    **dict.fromkeys(("went", "goes", "going"), "on"),
    **dict.fromkeys(("put", "puts"), "it"),
    **dict.fromkeys(("shot", "shoots", "fired", "fires"), "back"),
    **dict.fromkeys(("chimed", "chimes", "weighed", "weighs"), "in"),
    **dict.fromkeys(("talks", "talked", "talking", "spoke", "speaks"), "about to"),
}
_CUE_WORDS = frozenset(_CUE_FORMS) - _PHRASAL.keys()
_LOWER_WORD_RE = re.compile(r"\b[a-z]+\b")
# "adding to his wins" and "went on the offensive" are not speech; "went on to say" is.
_ADD_TO_RE = re.compile(r"\s+to\b")
_WENT_ON_SAYING_RE = re.compile(r"\s*(?:[,:“]|to\s+(?:say|add|call|describe|tell|write|explain))")
_PARTICLE_RE = re.compile(r"\s+(on|it|back|in|about|to)\b")


def iter_cues(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, verb) of each reporting verb, phrasal ones with their particle. A set
    lookup per word: one regex alternation of 600 verb forms was the slowest part of
    indexing."""
    for m in _LOWER_WORD_RE.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        if word in _CUE_WORDS:
            if not (word.startswith("add") and _ADD_TO_RE.match(text, m.end())):
                yield m.start(), m.end(), word
        elif word in _PHRASAL:
            particle = _PARTICLE_RE.match(text, m.end())
            if (
                particle
                and particle.group(1) in _PHRASAL[word].split()
                and (particle.group(1) != "on" or _WENT_ON_SAYING_RE.match(text, particle.end()))
            ):
                yield m.start(), particle.end(), word


# A request for comment is the reporter asking, not anyone speaking:
# "Newsweek has asked NASA and the ESA for comment."
REQUEST_FOR_COMMENT_RE = re.compile(
    r"^[^.!?]{0,160}?\b(?:for (?:a |further )?comment|to comment|for a response)\b"
)
# Cues whose subject may follow them after a quote: "“...,” said Rogozin."
# Verbs that report speech only right next to a quotation ("“...,” she continued",
# "Trump shot back: “...”"); elsewhere they mean something else ("continues to lead",
# "speaking to a packed house", "charged his campaign rent").
QUOTE_ONLY = frozenset(
    form
    for verb in word_set("""
        continue speak charge fire snap scream shout yell post press interject surmise chime sing
    """)
    for form in _inflections(verb)
) | word_set("spoke speaks sang sung")
INVERTIBLE = word_set(
    "said says wrote writes added adds asked asks continued noted explained "
    "replied responded tweeted insisted argued"
)
# Participles whose subject is the clause subject: "X banned the sale, saying ...".
PARTICIPLE_RE = re.compile(r"ing$")
POSSESSIVE_SPEECH_RE = re.compile(
    r"['’]s?\s+(?:[a-z\-]+\s+)?(?:claims?|assertions?|remarks?|statements?|comments?|words|"
    r"promises?|pledges?|warnings?|accusations?|charges?|contention|insistence|vows?|boasts?|"
    r"tweets?|suggestions?|arguments?|descriptions?|message|answer|response|retort)\b"
)
SIGNATURE_DASH_RE = re.compile(r"[”\"’]\s*[―—–]\s*$")
# "according to X" and "in the words of X".
# Also "according to an analysis by the Pew Research Center" and "according to the AP".
ACCORDING_RE = re.compile(
    r"\b(?:according to|in the words of)\s+(?:(?:a|an|the|new)\s+)?"
    r"(?:[a-z\-]+\s+){0,3}?(?:(?:by|from|of|for)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# What may stand between a subject and its cue verb: a possessive with a document or aide
# ("Nelson's letter"), an appositive (", a former commander of the ISS,"), a relative
# "who", adverbs and auxiliaries ("previously", "has long"), a short time/place phrase.
GAP_RE = re.compile(
    r"""^(?:['’]s?\s+(?:\w+\s+)?(?:letter|statement|spokes(?:man|woman|person)|campaign|
          office|tweet|tweets|post|aides?|lawyer|attorney|memo|report|website|account)s?)?
        (?:\s*\([A-Z][\w.\-\ ]{0,14}\))?
        (?:\s+(?:newspaper|tabloid|paper|daily|magazine|website|network|group|poll|survey|
           study|analysis|editorial|board|team|office|committee|report))?
        (?:\s*,\s*(?:[^,“”"]{2,120}?,\s*)??(?:who|which)\b)?
        (?:\s*,\s*[^,“”"]{2,120}?,|\s*,\s*(?:who|whose)\b[^“”"]{2,240}?,)?
        (?:\s+(?:also|previously|later|then|again|once|repeatedly|recently|publicly|privately|
           reportedly|allegedly|has|had|have|would|will|did|does|had|has|long|first|herself|
           himself|itself|even|just|only|ultimately|simply|quickly|initially|never|often|
           is|was|are|were|been|being|has\s+been|had\s+been|[a-z]+ly|
           (?:on|in|at|during|via|to)\s+(?:a|an|the|his|her|its|their)?\s*[\w.]+(?:\s+\d+)?))*
        \s*$""",
    re.VERBOSE,
)
# Lowercase role words between an affiliation and a name: "Roscosmos chief Dmitry Rogozin",
# "Fox News judicial analyst Judge Andrew Napolitano".
MODIFIER_GAP_RE = re.compile(r"^(?:['’]s)?\s+(?:[a-z\-]+\s+){0,2}([a-z]+)\s+$")
# A person anchored to an organisation: "Aris Shirvanian of the Armenian Patriarchate".
OF_GAP_RE = re.compile(r"^,?\s+(?:of|at|from|with)\s+(?:the\s+)?$")
# Prepositions that make the following name an object, never a clause subject.
# A name after one of these is an object or a modifier, never the subject of the next verb.
OBJECT_BEFORE_RE = re.compile(
    r"\b(?:of|for|at|with|from|by|about|against|to|on|in|over|than|like)\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
# ... unless the object wrote the subject: "a series of tweets from Rogozin suggested".
DOCUMENT_BY_RE = re.compile(
    r"\b(?:tweets?|letter|statement|memo|posts?|emails?|message|op-ed|column|interview|speech|"
    r"remarks|comments?|report|filing|ad|video|footage)\s+(?:from|by|of)\s+(?:the\s+)?$"
)
PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:in|to|of|at|on|for|with|from|by|about|against|over|like|than|and|as)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# What may precede a sentence's subject: nothing, a determiner, or one introductory phrase
# ("On Mar. 3, Rogozin banned ..., saying").
CLAUSE_OPENING_RE = re.compile(r"^(?:[^,]*,\s*)?(?:[Tt]he\s+)?$")
# An all-caps dateline opening a story: "WASHINGTON --", "LOS ANGELES (AP) —".
DATELINE_RE = re.compile(r"^[A-Z][A-Z .,]+(?:\([A-Za-z]+\))?\s*(?:--|—|–)")
# A definite description standing for a person named earlier: "The Vermont senator",
# "the Roscosmos director", "the Republican front-runner".
DESCRIPTION_RE = re.compile(
    r"\b[Tt]he\s+(?:(?:[A-Z][\w.\-]*|former|presidential|real\s+estate)\s+){0,3}"
    r"(?:senator|governor|candidate|nominee|billionaire|businessman|congressman|congresswoman|"
    r"mayor|director|chief|chairman|front-?runner|mogul|businesswoman|lawmaker)\b"
)
# A subject pronoun that can be a speaker.
PRONOUN_RE = re.compile(r"\b(he|she|they|it|He|She|They|It)\b")
# A sentence boundary: end punctuation (maybe a closing quote) then a capital or quote.
SENTENCE_END_RE = re.compile(r"(\w*)(?:[.!?][”\"’]?\s+(?=[“\"A-Z])|\s*\n\s*)")
# Abbreviations whose period does not end a sentence ("Sen. Ted Cruz", "J. Smith").
ABBREVIATIONS = word_set("mr ms mrs dr sen rep gov st gen lt jr rev ft col sgt prof mt no vs")


# An embedded tweet's signature: "— Display Name (@handle) April 2, 2022" at the end.
TWEET_SIGNATURE_RE = re.compile(
    r"[—–-]\s*(?P<display>[^()\n]{1,60}?)\s*\(@(?P<handle>\w{1,15})\)\s*"
    r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*(?:</tweet>\W*)?$"  # scraped pages keep the tag
)


# A transcript line: "WALLACE: Do you really see those two as equivalent?"
TRANSCRIPT_LABEL_RE = re.compile(r"^[“\"]?([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,2}):\s+")

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


@dataclass
class Mention:
    start: int
    end: int
    name: str
    # "person", "org", "name" (an unknown single word), "pronoun", or "thing": a place,
    # nationality, institution or event that never speaks and is never "he" or "it".
    kind: str


class _History:
    """The running order of named people, and the organisation the story is about, for
    pronoun resolution."""

    LOOKBACK = 8  # person mentions a pronoun may reach back over

    def __init__(self, book: NameBook) -> None:
        self.book = book
        self.people: list[tuple[str, bool]] = []  # (name, was a sentence subject or source)
        self.topic_org: str | None = None  # an organisation that last led a sentence
        self.speakers: set[str] = set()

    def see(self, mention: Mention, is_source: bool = False, is_subject: bool = False) -> None:
        if mention.kind == "person":
            self.people.append((mention.name, is_source or is_subject))
            if is_source:
                self.speakers.add(mention.name)
        if mention.kind == "org" and (is_source or is_subject):
            self.topic_org = mention.name
        elif is_subject:
            self.topic_org = None  # a person or place now leads the story

    def _fits(self, name: str, want: str | None) -> bool:
        return want is None or self.book.gender.get(name, want) == want

    def resolve_pronoun(self, pronoun: str, sentence_people: list[str]) -> str | None:
        """The subject of the current sentence if it fits, else the most recent
        gender-compatible subject or speaker (news refers back to the protagonist, not to
        whoever was named in passing), preferring names known to be people (places such
        as "Boca Raton" look like names too); "it" names organisations."""
        word = pronoun.lower()
        if word == "it":  # only an organisation the story is about: "It said ..."
            return self.topic_org
        if word == "they":
            return None
        want = PRONOUN_GENDER.get(word)
        local = [n for n in sentence_people if self._fits(n, want)]
        if local:
            return local[0]
        window = [
            (n, salient)
            for n, salient in reversed(self.people[-self.LOOKBACK :])
            if self._fits(n, want)
        ]

        def sure(n: str) -> bool:
            return n in self.book.confirmed or (n in self.speakers and " " in n)

        for test in (
            lambda n, sal: sal and sure(n),
            lambda n, sal: sal and " " in n,
            lambda n, sal: sure(n),
            lambda n, sal: " " in n,
            lambda n, sal: True,
        ):
            found = [n for n, sal in window if test(n, sal)]
            if found:
                return found[0]
        return None


def find_mentions(text: str, book: NameBook) -> list[Mention]:
    """Names and subject pronouns outside quotations, in text order."""
    quotes = quote_spans(text)
    mentions: list[Mention] = []
    for start, end, name in iter_spans(text, book.surnames):
        if inside(start, quotes):
            continue
        full = book.canonical(name)
        kind = (
            "thing"
            if is_place(full) or is_nationality(full) or is_silent_body(full)
            else "person"
            if book.is_person(full)
            else "org"
            if looks_like_org(full)
            else "name"
        )
        if re.match(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s", text[max(0, start - 5) : start + 1]):
            kind = "person"
        mentions.append(Mention(start, end, full, kind))
    dateline = DATELINE_RE.match(text)
    mentions = [
        m
        for i, m in enumerate(mentions)
        if not (dateline and m.end <= dateline.end())
        and not _is_modifier(text, m, mentions[i + 1 : i + 2])
    ]
    for m in PRONOUN_RE.finditer(text):
        if not inside(m.start(), quotes):
            mentions.append(Mention(m.start(), m.end(), m.group(1), "pronoun"))
    for m in DESCRIPTION_RE.finditer(text):
        if not inside(m.start(), quotes):
            mentions = [n for n in mentions if not m.start() <= n.start < m.end()]
            mentions.append(Mention(m.start(), m.end(), "the one", "pronoun"))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _is_modifier(text: str, mention: Mention, following: list[Mention]) -> bool:
    """True for an affiliation in front of a role and a person's name."""
    if not following or following[0].kind != "person":
        return False
    gap = MODIFIER_GAP_RE.match(text[mention.end : following[0].start])
    return bool(gap) and gap.group(1) in TITLES


@lru_cache(maxsize=1024)
def sentence_ends(text: str) -> tuple[int, ...]:
    """Where each sentence but the last ends; cached because every cue asks."""
    return tuple(
        m.end()
        for m in SENTENCE_END_RE.finditer(text)
        if not (len(m.group(1)) == 1 and m.group(1).isupper())
        and m.group(1).lower() not in ABBREVIATIONS
    )


def _sentence_start(text: str, pos: int) -> int:
    ends = sentence_ends(text)
    i = bisect_right(ends, pos)
    return ends[i - 1] if i else 0


def _subject_before(text: str, cue_start: int, mentions: list[Mention]) -> Mention | None:
    """The mention that a cue verb reports for, looking left across allowed gaps only."""
    before = [m for m in mentions if m.end <= cue_start]
    for i in range(len(before) - 1, -1, -1):
        gap = text[before[i].end : cue_start]
        named_appositive = gap.strip() == "," and text[: before[i].start].rstrip().endswith(",")
        if GAP_RE.match(gap) or named_appositive:
            preceding = text[: before[i].start]
            # After a preposition a name is an object or a modifier ("a reporter for Agence
            # France-Presse called it"), unless it wrote the document or heads "who said".
            is_object = (
                bool(OBJECT_BEFORE_RE.search(preceding))
                and not DOCUMENT_BY_RE.search(preceding)
                and not re.search(r"\bwho\b", gap)
            )
            head = _appositive_head(text, before[: i + 1], inside_description=is_object)
            if head is None and is_object:
                return None
            return head or before[i]
    return None


# From a person to a name inside their description: "Mark Holden, chairman of the board
# of " (Freedom Partners), "Sen. Dianne Feinstein of California, the ranking Democrat on the "
# (Senate Intelligence Committee), "Aris Shirvanian of the " (Armenian Patriarchate).
APPOSITIVE_HEAD_RE = re.compile(
    r"^(?:,?\s+(?:of|at|from|with)\s+(?:the\s+)?(?:[A-Z][\w.\-]*\s*)*)?"
    r"(?:,\s*(?:[^,“”\"]{0,100}?,\s*)?(?:the|a|an|his|her|its|their|[a-z\-]+)\b[^,“”\"]{0,100})?$"
)


def _appositive_head(
    text: str, mentions: list[Mention], inside_description: bool = False
) -> Mention | None:
    """The person whose description the last of `mentions` sits in, if any. A person is
    taken to be speaking for themselves unless the name is known to sit in a description
    ("chairman of the board of Freedom Partners")."""
    last = mentions[-1]
    if last.kind == "pronoun" or (last.kind == "person" and not inside_description):
        return None
    for m in reversed(mentions[:-1]):
        if last.start - m.end > 160:
            break
        if m.kind == "person" and APPOSITIVE_HEAD_RE.match(text[m.end : last.start]):
            return m
    return None


# Between an inverted cue and its subject: "said", then roles and affiliations
# ("Rubio's deputy campaign manager,", "American Unity Fund president").
_INVERTED_GAP_RE = re.compile(r"[\s,]*(?:[\w./\-]+(?:['’]s)?,?\s+){0,6}?")


def _subject_after(text: str, cue_end: int, mentions: list[Mention]) -> Mention | None:
    """Inverted attribution: "..., said Sen. Ted Cruz", "..., said he", or a name behind
    its roles: "said Rubio's deputy campaign manager, Rich Beeson" (the person, not the
    affiliation in front of them)."""
    ends = [e for e in sentence_ends(text) if e > cue_end]
    limit = min(cue_end + 100, ends[0] - 1 if ends else len(text))
    who = re.search(r"\b(?:who|which|whose)\b", text[cue_end:limit])
    limit = cue_end + who.start() if who else limit
    window = [m for m in mentions if cue_end <= m.start < limit]
    if not window or not _INVERTED_GAP_RE.fullmatch(text[cue_end : window[0].start]):
        return None
    if window[0].kind == "pronoun" and not re.match(r"\s*(?:[.,;:!?—–]|$)", text[window[0].end :]):
        return None  # "said it would jump": the pronoun starts the reported clause
    for m in window:
        gap = text[cue_end : m.start]
        if (
            m.kind == "person"
            and _INVERTED_GAP_RE.fullmatch(gap)
            and not re.search(r"\b(?:for|of|at|with|from|to|by|and)\s+(?:the\s+)?\S*$", gap)
        ):
            return m
    return window[0] if window[0].start - cue_end < 40 else None


def _next_to_quote(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 48) : start]
    return bool(
        re.search(r"[”\"’]\s*(?:(?:[A-Z][\w.'’\-]*|he|she|they|it)\s+){0,4}$", before)
    ) or bool(re.match(r"\s*(?:back|on|up)?\s*[:,]?\s*[“\"]", text[end : end + 12]))


# "was first reported by Politico": the agent of a passive cue is its source.
_AGENT_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?by\s+(?:the\s+)?$")
# Between two coordinated subjects: "The New York Times and the Wall Street Journal".
_PARTY = r"(?:\s*\([^()]{1,20}\))?"  # "Jon Tester (D-Mont.) and David Vitter"
_COORDINATION_RE = re.compile(rf"^{_PARTY}(?:,\s*|,?\s+and\s+)(?:the\s+)?$")
_AND_RE = re.compile(rf"^{_PARTY},?\s+and\s+(?:the\s+)?$")


def _passive_agent(text: str, cue_end: int, mentions: list[Mention]) -> Mention | None:
    after = [m for m in mentions if m.start >= cue_end]
    if after and after[0].kind != "pronoun" and _AGENT_RE.match(text[cue_end : after[0].start]):
        return after[0]
    return None


def _coordinated(text: str, subject: Mention, mentions: list[Mention]) -> list[Mention]:
    """Names joined to the subject by "and" or commas: each of them said it too."""
    if subject.kind == "pronoun":
        return []
    joined: list[Mention] = []
    current = subject
    for m in reversed([m for m in mentions if m.end <= subject.start]):
        gap = text[m.end : current.start]
        # The last link is "and" ("X, Y and Z said"); a bare comma before the subject is an
        # introductory phrase ("Of Sanders, McCaskill said").
        link = _COORDINATION_RE if joined else _AND_RE
        if m.kind != subject.kind or not link.match(gap):
            break
        joined.insert(0, m)
        current = m
    return joined


def _clause_subject(text: str, cue_start: int, mentions: list[Mention]) -> Mention | None:
    """The subject of the clause a participle hangs off: "X banned the sale, saying"."""
    start = _sentence_start(text, cue_start)
    clause = [
        m
        for m in mentions
        if start <= m.start < cue_start and not PREPOSITION_BEFORE_RE.search(text[start : m.start])
    ]
    if clause and (
        CLAUSE_OPENING_RE.match(text[start : clause[0].start])
        or clause[0].kind in ("person", "pronoun")
    ):
        return clause[0]
    return None


@dataclass(frozen=True)
class Attribution:
    """A source mention and the cue that makes it one ("said", "according to")."""

    source: Mention
    cue_start: int
    cue_end: int


def find_attributions(text: str, mentions: list[Mention]) -> list[Attribution]:
    """The source of each reporting cue in text, in text order of the source."""
    quotes = quote_spans(text)
    found: list[Attribution] = []
    for cue_start, cue_end, verb in iter_cues(text):
        if inside(cue_start, quotes):
            continue
        if verb in QUOTE_ONLY and not _next_to_quote(text, cue_start, cue_end):
            continue
        if verb in ("state", "states") and not (
            re.match(r"\s*(?:that\b|:|“)", text[cue_end:])
            or re.search(
                r"\b(?:letter|statement|memo|report|release|post|website)\s+$", text[:cue_start]
            )
        ):
            continue  # mostly the noun: "in his home state"
        if verb.startswith("ask") and REQUEST_FOR_COMMENT_RE.match(text[cue_end:]):
            continue
        subject = _subject_before(text, cue_start, mentions)
        before = text[:cue_start].rstrip()
        # "“...,” mused Stu Burguiere": any cue may invert right after a quotation.
        after_quote = bool(re.search(r"[,?!—-]\s*[”\"’]$", before)) and not verb.endswith("ing")
        if subject is None and (
            after_quote or (verb in INVERTIBLE and (before.endswith((",", "”", '"')) or not before))
        ):
            subject = _subject_after(text, cue_end, mentions)
        if PARTICIPLE_RE.search(verb):
            clause_subject = _clause_subject(text, cue_start, mentions)
            # "Petrilli, president of the Fordham Institute, tied scores to..., saying":
            # what looks like an appositive before a participle is often the predicate.
            if subject is None or (
                "," in text[subject.end : cue_start]
                and clause_subject is not None
                and clause_subject.kind in ("person", "pronoun")
            ):
                subject = clause_subject or subject
        if subject is None and re.search(r"\band\s+(?:[a-z]+ly\s+)?$", text[:cue_start]):
            # "Cruz exhorted Republicans to ... and said he was": the clause's subject.
            subject = _clause_subject(text, cue_start, mentions)
        if subject is None and verb.endswith(("ed", "en", "ld")):
            subject = _passive_agent(text, cue_end, mentions)
        if subject is not None:
            found.extend(
                Attribution(source, cue_start, cue_end)
                for source in [*_coordinated(text, subject, mentions), subject]
            )
    for m in mentions:
        # A statement named by its speaker: "Trump's claim that there were “thousands”".
        # Only with the words quoted: "Trump's claims" alone are often the reporter's summary.
        speech = POSSESSIVE_SPEECH_RE.match(text, m.end)
        if speech and m.kind not in ("pronoun", "thing"):
            ends = [e for e in sentence_ends(text) if e > speech.end()]
            stop = ends[0] if ends else len(text)
            if any(speech.end() <= a < stop for a, _ in quotes):
                found.append(Attribution(m, speech.start(), speech.end()))
        # A signature after a quotation: "“... a bully.” ― Veronica Cruz".
        dash = SIGNATURE_DASH_RE.search(text[max(0, m.start - 8) : m.start])
        if dash and m.kind != "pronoun":
            found.append(Attribution(m, m.start - 8 + dash.start() + 1, m.start))
        according = ACCORDING_RE.search(text[max(0, m.start - 70) : m.start])
        # "according to a POLITICO analysis", "according to an ICE spokeswoman": the name
        # only modifies the real source, which has none.
        modifier = re.match(r"(?:['’]s)?\s+[a-z]", text[m.end : m.end + 4])
        if m.kind != "pronoun" and according and not modifier:
            found.append(Attribution(m, max(0, m.start - 70) + according.start(), m.end))
    return sorted(found, key=lambda a: a.source.start)


def extract_speakers(paragraphs: Sequence[str], kinds: Sequence[str]) -> list[list[str]]:
    """Speakers per paragraph: canonical names, first appearance first."""
    return [speakers_of(quotes) for quotes in extract_quotes(paragraphs, kinds)]


# A quoted nickname inside a name: Robert C. “Bobby” Scott, Marcia “Cia” Price.
_NICKNAME_RE = re.compile(r"(?<=[A-Z][\w.] )“[A-Z][\w.\-]*”(?= [A-Z])")


def _blank_nicknames(text: str) -> str:
    """The name without its quoted nickname, so it reads as one name and the nickname as
    no quotation; blanked to spaces so every offset into the text stays valid."""
    return _NICKNAME_RE.sub(lambda m: " " * len(m.group()), text)


def extract_quotes(paragraphs: Sequence[str], kinds: Sequence[str]) -> list[list[Quote]]:
    """Attributed statements per paragraph, in text order; furniture gets none.

    The whole article is read before any paragraph is tagged so that short forms resolve to
    names introduced later, and pronouns and continued quotations can reach back into
    earlier paragraphs.
    """
    # NYT writes quotation marks as two apostrophes.
    paragraphs = [_blank_nicknames(curl_quotes(p.replace("''", '"'))) for p in paragraphs]
    body = [p if k == "body" else "" for p, k in zip(paragraphs, kinds, strict=True)]
    book = build_namebook(body)
    history = _History(book)
    result: list[list[Quote]] = []
    carried: str | None = None  # speaker of a quotation still running at paragraph end
    previous: str | None = None  # speaker of the previous paragraph's last direct quote
    for text, kind in zip(paragraphs, kinds, strict=True):
        if kind != "body":
            result.append([])
            carried = previous = None
            continue
        author = tweet_author(text, book)
        label = TRANSCRIPT_LABEL_RE.match(text)
        if label and (set(label.group(1).lower().split()) & NOT_LABELS or is_place(label.group(1))):
            label = None
        if author:
            signature = TWEET_SIGNATURE_RE.search(text)
            said = re.sub(r"<[^>]*>", "", text[: signature.start()]).strip()
            quotes = [Quote(author, said, True)]
        elif label:
            speaker = book.canonical(to_latin(label.group(1)).title())
            quotes = [Quote(speaker, unquote(text[label.end() :]), True)]
        else:
            named, subjects = _tag_paragraph(text, book, history)
            quotes = _paragraph_quotes(text, named, subjects, carried, previous)
        _, open_at_end = quote_state(text)
        last = quotes[-1].speaker if quotes else None
        carried = last if open_at_end or text.rstrip().endswith((":", "”", '"', "’")) else None
        previous = last
        result.append(quotes)
    return result


# Verbs that make even a lone capitalised word at a sentence start a speaker: "Rogozin
# wrote", whereas "Additional said" does not happen.
CORE_SPEECH = word_set(
    "said says wrote writes told tells tweeted added announced stated replied argued insisted"
)


def can_speak(mention: Mention, book: NameBook, verb: str = "") -> bool:
    """Places, nationalities and stray capitalised words are never sources, however the
    sentence is built ("..., N.H., he knocked Cruz", "Western officials said")."""
    if mention.kind == "pronoun" or mention.name in book.full_names:
        return True
    if is_place(mention.name) or is_nationality(mention.name) or is_silent_body(mention.name):
        return False
    return mention.kind != "name" or mention.name in book.mid_sentence or verb in CORE_SPEECH


def _verb(text: str, attribution: Attribution) -> str:
    return text[attribution.cue_start : attribution.cue_end].split()[0].lower()


def _tag_paragraph(
    text: str, book: NameBook, history: _History
) -> tuple[list[tuple[str, Attribution]], list[tuple[int, str]]]:
    """Sources of the cues in one paragraph with their canonical names, pronouns resolved,
    and the (position, name) of each sentence's first person, its likely subject."""
    mentions = find_mentions(text, book)
    sources = {a.source.start: a for a in find_attributions(text, mentions)}
    boundaries = sentence_ends(text)
    named: list[tuple[str, Attribution]] = []
    subjects: list[tuple[int, str]] = []
    sentence_people: list[str] = []
    sentence, opens = 0, True
    for m in mentions:
        here = sum(1 for b in boundaries if b <= m.start)
        if here != sentence:
            sentence, sentence_people, opens = here, [], True
        if m.kind == "pronoun":
            resolved = history.resolve_pronoun(m.name, sentence_people)
            if resolved is None:
                continue
            m = Mention(m.start, m.end, resolved, "org" if m.name.lower() == "it" else "person")
        if m.start in sources and can_speak(m, book, _verb(text, sources[m.start])):
            named.append((m.name, sources[m.start]))
            if m.kind == "name":
                m.kind = "person"
        is_subject = opens if m.kind == "org" else not sentence_people
        history.see(m, m.start in sources, is_subject=is_subject)
        opens = False
        if m.kind == "person":
            if not sentence_people and can_speak(m, book):
                subjects.append((m.start, m.name))
            sentence_people.append(m.name)
    return named, subjects


# Fewer words than this inside quotation marks, with no attribution in the sentence, is a
# title or a scare quote ("co-operative program"), not somebody's words.
MIN_UNATTRIBUTED_QUOTE_WORDS = 5


def _paragraph_quotes(
    text: str,
    attributions: list[tuple[str, Attribution]],
    subjects: list[tuple[int, str]],
    carried: str | None,
    previous: str | None,
) -> list[Quote]:
    """Pair each attribution with the quotations of its sentence; a sentence without
    quotation marks is reported speech.

    A quotation with no cue of its own belongs, in this order, to the paragraph's nearest
    speaker, to its sentence's subject ("Kaine has adopted the stance: “...”"), to the
    quotation it continues, or, for a paragraph that is only a quotation, to the previous
    paragraph's speaker: news prints a long statement as a run of bare quotes.
    """
    bounds = [0, *sentence_ends(text), len(text)]
    sentence_of = lambda pos: max(i for i, b in enumerate(bounds[:-1]) if b <= pos)  # noqa: E731
    spans = quote_spans(text)
    placed: list[tuple[int, Quote]] = []
    used: set[tuple[int, int]] = set()
    for name, attribution in attributions:
        i = sentence_of(attribution.cue_start)
        lo, hi = bounds[i], bounds[i + 1]
        # A quotation of several sentences ends in the attribution's sentence.
        inner = [sp for sp in spans if sp[1] > lo and sp[0] < hi and sp not in used]
        for sp in inner:
            used.add(sp)
            placed.append((sp[0], Quote(name, unquote(text[sp[0] : sp[1]]), True)))
        # One statement per speaker and sentence: "X said ... and warned ..." is one.
        said_here = any(q.speaker == name and lo <= pos < hi for pos, q in placed)
        if not inner and not said_here:
            placed.append((lo, Quote(name, _reported(text, lo, hi, attribution), False)))
    named = sorted(placed, key=lambda item: item[0])
    for sp in spans:
        words = unquote(text[sp[0] : sp[1]])
        opens_paragraph = not text[: sp[0]].strip()
        continues = carried is not None and opens_paragraph
        # A paragraph that is nothing but a quotation is speech however short: "Not negotiable."
        whole = opens_paragraph and not text[sp[1] :].strip(" .")
        short = len(words.split()) < MIN_UNATTRIBUTED_QUOTE_WORDS
        if sp in used or (short and not (continues or whole)):
            continue
        lo, hi = bounds[sentence_of(sp[0])], bounds[sentence_of(sp[0]) + 1]
        if any(not inside(c, spans) for c, _, _ in iter_cues(text, lo, hi)):
            continue  # a cue whose source has no name: "the audience screamed back"
        before = [q.speaker for pos, q in named if pos < sp[0]]
        after = [q.speaker for pos, q in named if pos > sp[0]]
        subject = [name for pos, name in subjects if lo <= pos < sp[0]]
        fallback = carried if continues else previous if opens_paragraph and not named else None
        speaker = (before[-1:] or after[:1] or subject[:1] or [fallback])[0]
        if speaker:
            placed.append((sp[0], Quote(speaker, words, True)))
    placed.sort(key=lambda item: item[0])
    return [q for _, q in placed]


def _reported(text: str, lo: int, hi: int, attribution: Attribution) -> str:
    """What a reported-speech sentence says, without its attribution: the clause after
    "X said (that)", or the clause before "..., said X" and "..., according to X"."""
    if attribution.source.start < attribution.cue_start:
        clause = text[attribution.cue_end : hi]
    else:
        clause = text[lo : attribution.cue_start]
    clause = re.sub(r"^\s*(?:that|on|of|,)\s+", "", clause).strip(" ,;:—–")
    clause = unquote(clause)
    return clause if len(clause.split()) > 1 else text[lo:hi].strip()


def quote_state(text: str) -> tuple[bool, bool]:
    """(starts with a quotation mark, leaves a quotation open at its end)."""
    stripped = text.strip()
    starts = stripped[:1] in '“"‘'
    curly_open = stripped.count("“") > stripped.count("”")
    straight_open = stripped.count('"') % 2 == 1
    return starts, curly_open or straight_open

"""Which mention a reporting cue belongs to: the grammar of news attribution.

"X said", "“...,” said X", "X, a former commander of the ISS, told Fox News", "X's letter
states", "was first reported by X", "a spokesperson for X said": each rule below finds the
source of one of these shapes, looking only at the sentence around the cue. Sources marked
without a verb ("according to X", "X's claim that", a colon) are in `verbless`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from searchapp.extract.candidates import Attribution
from searchapp.extract.clauses import (
    clause_subject,
    document_maker,
    participle_shape,
    tail,
    with_subject,
)
from searchapp.extract.cues import (
    INVERTIBLE,
    PARTICIPLE_RE,
    QUOTE_ONLY,
    REQUEST_FOR_COMMENT_RE,
    iter_cues,
    next_to_quote,
)
from searchapp.extract.entities import DEMONYMS
from searchapp.extract.lexicon import TITLES
from searchapp.extract.mentions import Mention, sentence_ends
from searchapp.extract.name_words import first_name_gender
from searchapp.extract.pronouns import stands_for_document
from searchapp.extract.quotes import inside, quote_spans
from searchapp.extract.verbless import colon_sources, sources_without_verbs

# A form of "be" right before the cue makes it passive: "was asked", "has been told".
PASSIVE_RE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")
# What may stand between a subject and its cue verb: a possessive with a document or aide
# ("Nelson's letter"), an appositive (", a former commander of the ISS,"), a relative
# "who", an aside between dashes ("Byrne — who was posted at the door — states"), adverbs
# and auxiliaries ("previously", "has long"), a short time/place phrase.
GAP_RE = re.compile(
    r"""^(?:['’]s?\s+(?:[\w\-]+\s+){0,2}?(?:letter|statement|spokes(?:man|woman|person)|campaign|
          representative|official|envoy|
          release|announcement|office|tweet|tweets|post|aides?|lawyer|attorney|memo|report|website|account|
          study|survey|assessment|analysis|review|bulletin|notice|advisory|filing|
          unit|division|team|branch|bureau|desk)s?)?
        (?:\s*\([A-Z][\w.\-\ ]{0,30}\)(?:\s*,(?=\s*$))?)?
        (?:\s+(?:newspaper|tabloid|paper|daily|magazine|website|network|group|poll|survey|
           study|analysis|editorial|board|team|office|committee|report|
           spokes(?:man|woman|person)))?
        (?:\s*,\s*(?:[^,“”"]{2,120}?,\s*)??(?:who|which)\b)?
        (?:(?:\s*,\s*[^,“”"]{1,200}?){1,4},|\s*,\s*(?:who|whose)\b[^“”"]{2,240}?,
           |\s*[—―]\s*[^—―“”"]{1,200}?\s*[—―]|\s+--\s+[^“”"]{1,200}?\s+--)?
        (?:\s+(?:also|both|previously|later|then|again|once|repeatedly|recently|publicly|privately|
           reportedly|allegedly|has|had|have|would|will|did|does|had|has|long|first|herself|
           himself|itself|even|just|only|ultimately|simply|quickly|initially|never|often|
           is|was|are|were|been|being|has\s+been|had\s+been|[a-z]+ly|
           yesterday|today|tonight|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|
           (?:[\w\-]+\s+){1,4}ago|(?:last|this|earlier|later)\s+(?:week|month|year|\w+day)|
           (?:on|in|at|during|via|to)\s+(?:a|an|the|his|her|its|their)?\s*[\w.]+(?:\s+\d+)?))*
        \s*$""",
    re.VERBOSE,
)
# A name after one of these is an object or a modifier, never the subject of the next verb,
# titles or not: "who worked for Sen. Lamar Alexander (R-Tenn.), ..., called it".
OBJECT_BEFORE_RE = re.compile(
    r"\b(?:of|for|at|with|from|by|about|against|to|on|in|over|than|like|across|around|"
    r"throughout|near|outside|inside|within|among|between)\s+(?:the\s+|an?\s+)?"
    r"(?:(?:(?-i:[A-Z][a-z]{0,4}\.)|former|then)\s+){0,3}$",
    re.IGNORECASE,
)
# ... unless the object wrote the subject: "a series of tweets from Rogozin suggested".
DOCUMENT_BY_RE = re.compile(
    r"\b(?:tweets?|letter|statement|memo|posts?|emails?|message|op-ed|column|interview|speech|"
    r"remarks|comments?|report|filing|ad|video|footage|study|survey|poll|audit|review|analysis)"
    r"\s+(?:(?:led|prepared|conducted|written|commissioned|carried\s+out|released|published|"
    r"sent(?:\s+out)?)\s+)?(?:from|by|of)\s+(?:the\s+)?"
    r"(?:(?:(?-i:[A-Z][a-z]{0,4}\.)|[a-z\-]+)\s+){0,3}?$"
)


# How far around a cue its source is looked for. Every shape below is local: on PolNeAR
# train no subject stands more than 450 characters before its cue, and the inverted and
# passive shapes look at most 100 past it. Reading only this window, not the paragraph,
# keeps a cue's cost constant, so that a paragraph of 400 KB is not quadratic.
LOOK_BEHIND = 1_000
LOOK_AHEAD = 300
# A subject further than this before its cue is never taken (the longest seen is 450).
MAX_SUBJECT_GAP = 600


def find_attributions(text: str, mentions: list[Mention]) -> list[Attribution]:
    """The source of each reporting cue in text, in text order of the source."""
    quotes = quote_spans(text)
    found: list[Attribution] = []
    starts = [m.start for m in mentions]  # mentions come sorted by start
    for cue_start, cue_end, verb in iter_cues(text):
        if inside(cue_start, quotes) or not _reports_speech(text, cue_start, cue_end, verb):
            continue
        near = mentions[
            bisect_left(starts, cue_start - LOOK_BEHIND) : bisect_left(starts, cue_end + LOOK_AHEAD)
        ]
        subject, shape = _cue_source(text, cue_start, cue_end, verb, near)
        if subject is not None:
            found.append(Attribution(subject, cue_start, cue_end, shape))
            found.extend(
                Attribution(source, cue_start, cue_end, "coordinated")
                for source in _coordinated(text, subject, near)
            )
    found = _outer_sources(text, found)
    found.extend(sources_without_verbs(text, mentions, quotes))
    found.extend(colon_sources(text, mentions, quotes, found))
    return sorted(found, key=lambda a: a.source.start)


# Quoted words of the inner source's own: "told the hearing that X replied: ‘...’", "a
# claim Marchand dismissed on Thursday as “colonial nostalgia”".
_QUOTE_AFTER_RE = re.compile(r"[^.;“”\"]{0,60}?[“\"‘]")
_COMMA_BEFORE_RE = re.compile(r",\s*(?:the\s+)?(?:[A-Z][a-z]{0,3}\.?\s+)?\Z")
_WHICH_BETWEEN_RE = re.compile(r",\s*(?:which|who)\b")
_CLAUSE_BREAK_RE = re.compile(
    r"[;“”\"]|\.\s|,\s+(?:and|but|while|as|after|before|when|since|because|although|though|"
    r"until|if|whereas)\s"
)


def _outer_sources(text: str, found: list[Attribution]) -> list[Attribution]:
    """Without the sources reported inside another's words: "The Washington Times reports
    Beck will endorse Cruz" is the Times's report, "Dunwoody said activists had warned"
    Dunwoody's. PolNeAR's annotators name the outer source only; on train, leaving the
    inner ones out gave 46 fewer false positives for 14 fewer matches."""
    outer = sorted(
        (
            a
            for a in found
            if a.shape == "subject" and a.source.end <= a.cue_start and a.source.kind != "thing"
        ),
        key=lambda a: a.cue_end,
    )
    if not outer:
        return found
    ends = [o.cue_end for o in outer]
    return [a for a in found if not _inside_words_of(text, a, outer, ends)]


def _inside_words_of(text: str, a: Attribution, outer: list[Attribution], ends: list[int]) -> bool:
    """Whether `a` is reported in the clause after an outer cue of another source; only the
    outer cues of the 200 characters before it are read, so a paragraph of thousands of
    cues stays linear."""
    start = a.source.start
    return (
        a.source.end <= a.cue_start  # not "..., the ministry said": that is the outer
        and a.source.kind != "pronoun"  # "X says she thinks": the same speaker, mostly
        and not _QUOTE_AFTER_RE.match(text, a.cue_end)
        # "cooperating with the Commission, which said in February": its own clause
        and not _WHICH_BETWEEN_RE.search(text, a.source.end, a.cue_start)
        and any(
            o.source.name != a.source.name
            and not _CLAUSE_BREAK_RE.search(text, o.cue_end, start)
            # "When X asked whether ..., Mr Y replied": a clause of its own
            and not _COMMA_BEFORE_RE.search(text, o.cue_end, start)
            for o in outer[bisect_left(ends, start - 200) : bisect_right(ends, start)]
        )
    )


# "states that", "states:", "stated, “...": the verb, not the noun ("his home state").
_STATES_WHAT_RE = re.compile(r"\s*(?:that\b|:|,?\s*[“\"])")


# "Posted on X that the route had been rushed": a post with what it said, not a job.
_POSTED_ON_RE = re.compile(
    r"\s+(?:on|to)\s+(?:X|Twitter|Facebook|Instagram|LinkedIn|TikTok|Threads|Bluesky|"
    r"social\s+media|(?:his|her|its|their)\s+[\w\-]+(?:\s+[\w\-]+)?)\s*(?:that\b|:)"
)


# "Posted a 9% rise in fourth-quarter profit": a company reporting its results.
_POSTED_RESULTS_RE = re.compile(
    r"\s+(?:a|an|its|their|record)\s+(?:[\w.%$,\-]+\s+){0,4}?(?:rise|fall|jump|drop|increase|"
    r"decrease|decline|gain|loss|losses|profits?|revenue|surge|slump|plunge|rebound)\b"
)


# "found that ...", or a clause without its "that": "found the arena's roof had reached".
_FOUND_THAT_RE = re.compile(
    r"\s+(?:that\b|(?:(?!who\b|which\b)[\w'’\-]+\s+){1,8}?"
    r"(?:had|has|have|was|were|is|are|would|will|could|should|might|must)\b)"
)


def _reports_speech(text: str, cue_start: int, cue_end: int, verb: str) -> bool:
    """False for the cue words that, here, mean something else."""
    if verb in QUOTE_ONLY and not next_to_quote(text, cue_start, cue_end):
        if not (
            verb.startswith("post")
            and (_POSTED_ON_RE.match(text, cue_end) or _POSTED_RESULTS_RE.match(text, cue_end))
        ):
            return False
    if verb in ("found", "finds") and not (
        _FOUND_THAT_RE.match(text, cue_end)
        or (_CLAUSE_END_RE.match(text, cue_end) and tail(text, cue_start).endswith(" has "))
    ):
        # "Police found a body"; "the audit found that ..." and "..., a study has found."
        # report a finding.
        return False
    if verb in ("state", "states") and not (
        _STATES_WHAT_RE.match(text, cue_end)
        or re.search(
            r"\b(?:letter|statement|memo|report|release|post|website)\s+$", tail(text, cue_start)
        )
    ):
        return False  # mostly the noun: "in his home state"
    if verb.startswith("den") and _REFUSED_RE.match(text, cue_end):
        return False  # "The High Court denied bail": a refusal, not a denial
    if verb in ("reading", "saying", "read", "reads", "says") and _SIGN_BEFORE_RE.search(
        tail(text, cue_start, 60)
    ):
        return False  # "a banner in the 70th minute reading “Kessler out”": a sign's words
    return not (
        verb.startswith("ask") and REQUEST_FOR_COMMENT_RE.match(text[cue_end : cue_end + 200])
    )


_SIGN_BEFORE_RE = re.compile(
    r"\b(?:banners?|signs?|placards?|posters?|plaques?|t-shirts?|shirts?|billboards?|"
    r"headlines?|captions?|slogans?|graffiti|stickers?|flags?)\b[^,.;“”\"]{0,40}$"
)
# What is denied when "deny" means "refuse": "denied bail", "denied him entry".
_REFUSED_RE = re.compile(
    r"\s+(?:(?:him|her|them|it|us|the\s+\w+)\s+)?(?:bail|entry|access|permission|a\s+visa|visas?|"
    r"(?:the|a|an|his|her|its|their)\s+(?:[\w'’]+\s+)?(?:request|application|appeal|motion|petition|"
    r"licen[cs]e|permit|bid)|requests?|applications?|appeals?|licen[cs]es?|permits?)\b"
)


def _cue_source(
    text: str, cue_start: int, cue_end: int, verb: str, mentions: list[Mention]
) -> tuple[Mention | None, str]:
    """Who a reporting verb reports for, and by which shape, trying those news uses in turn."""
    subject = _subject_before(text, cue_start, mentions)
    shape = "subject"
    # "The report, published by the Grattan Institute on Tuesday, found": its maker's.
    of_document = (
        subject is not None and subject.kind == "pronoun" and stands_for_document(subject.name)
    )
    if (subject is None or of_document) and (maker := document_maker(text, cue_start, mentions)):
        return maker, "subject"
    if subject is None and (spoken_for := _represented(text, cue_start, mentions)):
        return spoken_for, "represented"
    if (
        subject is not None
        and not verb.endswith("ing")
        and PASSIVE_RE.search(text[subject.end : cue_start])
    ):
        # "Rubio was asked by moderator Gerard Baker": the one asked is not speaking.
        return _passive_agent(text, cue_end, mentions), "agent"
    before = tail(text, cue_start).rstrip()
    at_start = not before and not text[:cue_start].strip()  # rarely copies: before is empty
    # "“...,” mused Stu Burguiere": any cue may invert right after a quotation.
    after_quote = bool(_AFTER_QUOTE_RE.search(before)) and not verb.endswith("ing")
    if subject is None and (
        after_quote or (verb in INVERTIBLE and (before.endswith((",", "”", '"')) or at_start))
    ):
        subject, shape = _subject_after(text, cue_end, mentions), "inverted"
    # "with Donald Trump tweeting that ...": the participle's own subject.
    own = with_subject(text, cue_start, mentions) if PARTICIPLE_RE.search(verb) else None
    if own is not None and subject is None:
        subject, shape = own, "participle"
    elif PARTICIPLE_RE.search(verb):
        leading = clause_subject(text, cue_start, mentions)
        # "Petrilli, president of the Fordham Institute, tied scores to..., saying":
        # what looks like an appositive before a participle is often the predicate.
        if leading is not None and (
            subject is None
            or ("," in text[subject.end : cue_start] and leading.kind in ("person", "pronoun"))
        ):
            subject, shape = leading, participle_shape(text, cue_start)
    if subject is None and _JOINED_VERB_RE.search(tail(text, cue_start)):
        # "Cruz exhorted Republicans to ... and said he was", "... but now says": the
        # clause's subject.
        subject, shape = clause_subject(text, cue_start, mentions), "clause"
    if subject is None and verb.endswith(("ed", "en", "ld")):
        subject, shape = _passive_agent(text, cue_end, mentions), "agent"
    return subject, shape


# A second verb of the clause: "and said", "but now says", "and later told".
_JOINED_VERB_RE = re.compile(r"\b(?:and|but)\s+(?:(?:[a-z]+ly|now|then|also|later|still)\s+)?$")


# Any title, longest first, for the patterns below.
_TITLE_WORDS = "|".join(sorted(TITLES, key=len, reverse=True))
# A comma opening an appositive name, maybe with its role or title: "The District
# Director of Health Services, Dr Abena Owusu-Ansah, said", "One of the victims, teacher
# Faith Jeptoo, said".
# Not "Bozell, founder of the Media Research Center, tells" nor "Nieto, contradicting
# Trump, said": a role, not a phrase or a participle, and before a person's name only
# ("Stone, who chairs the board, announced" is Stone).
_DEMONYM_WORDS = "|".join(sorted(DEMONYMS, key=len, reverse=True))
_APPOSITIVE_OPENS_RE = re.compile(
    r",\s*(?:(?:the|an?)\s+)?"  # ", the critic Majella Doran, described"
    r"(?:(?:(?!(?:of|the|an?|for|at|in|on|to|with|from|by|and|or|who|which|that)\s|[a-z\-]+(?:ing|ed)\s)"
    r"[a-z\-]+|[A-Z][a-z]{1,4}\.|No\.\s?\d+|(?i:" + _TITLE_WORDS + r")"
    # ... or a nationality: ", the Dutchman Pieter Hoogland,", ", the Kenyan Eliud Kipchoge,"
    r"|[A-Z][a-z]+(?:man|woman)|(?i:" + _DEMONYM_WORDS + r"))\.?\s+){0,2}"
    # A team or a country inside the role: ", former Pakistan No.1 Tariq Awan,", ", Kenya
    # Power chairman Joy Mdivo,".
    r"(?:(?<=[a-z\d,]\s)[A-Z][\w\-]*\s+(?:(?:[a-z\-]+|No\.\s?\d+|(?i:"
    + _TITLE_WORDS
    + r"))\.?\s+){1,2})?\Z"
)


# Between a description and the organisation's name in apposition to it: "The league's
# organising body, the" (National Premier League Authority).
_DESCRIBED_ORG_RE = re.compile(r"(?:['’]s(?:\s+[a-z\-]+){1,3})?,\s*(?:the\s+)?")
# The comma closing an appositive name, maybe with auxiliaries before the verb: ",
# Advocate Pieter van Wyk SC, had argued".
_APPOSITIVE_CLOSE_RE = re.compile(
    r"\s*,(?:\s+(?:also|then|later|has|had|have|was|is|would|will|[a-z]+ly))*\s*"
)


_ROLE_OBJECT_RE = re.compile(
    r"\b(?:(?:by|from|of|with|for|to)\s+(?:its|his|her|their)|by\s+the)\s+[\w\-]+(?:\s+[\w\-]+){0,3}?,"
    r"\s*\S*\s*\Z"
)


_LIST_AFTER_RE = re.compile(r",\s+[a-z]+(?:,\s+[a-z]+){0,3},?\s+(?:and|or)\s+[a-z]")


def _subject_before(text: str, cue_start: int, mentions: list[Mention]) -> Mention | None:
    """The mention that a cue verb reports for, looking left across allowed gaps only."""
    before = [m for m in mentions if m.end <= cue_start]
    for i in range(len(before) - 1, -1, -1):
        if cue_start - before[i].end > MAX_SUBJECT_GAP:
            continue  # mentions overlap, so an earlier one may still end nearer
        gap = text[before[i].end : cue_start]
        opens = tail(text, before[i].start, 60)
        named_appositive = bool(_APPOSITIVE_CLOSE_RE.fullmatch(gap)) and (
            opens.rstrip().endswith(",")
            or (
                before[i].kind == "person"
                and bool(_APPOSITIVE_OPENS_RE.search(opens))
                # "in a statement by its President-General, Chief Festus Akindele-Ojo,":
                # the one named after a role in a prepositional phrase is not the subject.
                and not _ROLE_OBJECT_RE.search(opens)
            )
            # "The league's organising body, the National Premier League Authority, said":
            # an organisation's name in apposition to a description of it.
            or (
                before[i].kind == "org"
                and i > 0
                and before[i - 1].kind == "pronoun"
                and " " in before[i - 1].name
                and bool(_DESCRIBED_ORG_RE.fullmatch(text, before[i - 1].end, before[i].start))
            )
        )
        if (
            not named_appositive
            and before[i].kind == "person"
            and _APPOSITIVE_CLOSE_RE.fullmatch(gap)
        ):
            # "Two members of the caucus, Reps. Brandon Tull and Marisol Ocampo, said": an
            # appositive of two names.
            pair = _coordinated(text, before[i], before[:i])
            if not all(first_name_gender(m.name.split()[0]) for m in [*pair, before[i]]):
                pair = []  # "the Ministry of Agriculture, Animal Industry and Fisheries,"
            opens = tail(text, pair[0].start, 60) if pair else ""
            named_appositive = bool(pair) and (
                opens.rstrip().endswith(",") or bool(_APPOSITIVE_OPENS_RE.search(opens))
            )
        if before[i].kind == "name" and _LIST_AFTER_RE.match(gap):
            # "Hand, foot and mouth disease cases ..., said": an unknown capitalised word
            # that opens a list is a phrase's first word, not a source.
            continue
        if GAP_RE.match(gap) or named_appositive:
            preceding = tail(text, before[i].start)
            # After a preposition a name is an object or a modifier ("a reporter for Agence
            # France-Presse called it"), unless it wrote the document or heads "who said"
            # (an organisation's "which said": "approved by the Utilities Commission, which
            # said in a statement").
            is_object = (
                bool(OBJECT_BEFORE_RE.search(preceding))
                and not DOCUMENT_BY_RE.search(preceding)
                # ... but "A senior police officer in Kisumu, who asked not to be named,
                # said": a name after "in" is a place, whoever "who" is.
                and not (_WHO_RE.search(gap) and not _IN_PLACE_RE.search(preceding))
                and not (before[i].kind == "org" and _WHICH_SAID_RE.match(gap))
            )
            issuer = _issuer_of_statement(text, before[:i], before[i])
            if issuer is not None:
                return issuer
            head = _appositive_head(
                text, before[: i + 1], inside_description=is_object, closed="," in gap
            )
            if head is None and is_object:
                return _modified_subject(text, before[:i], before[i])
            return head or before[i]
    return None


# "The Kogi State Government, in a statement by the Commissioner for Information, Mr
# Friday Adejoh, said": the statement's author speaks too (`verbless`), but the sentence's
# subject is the government.
_STATEMENT_BY_RE = re.compile(
    r",\s*in\s+(?:a|an|its|his|her|their)\s+(?:[\w\-]+\s+){0,2}?(?:statement|letter|release|"
    r"communiqu[eé]|post|message|memo)\s+(?:(?:signed|issued|released)\s+)?by\s+"
    # ... and by more than one: "signed by its chairman, Dr X, and secretary, Dr Y,"
    r"(?:[^,“”\"]{0,80}?,\s*){0,3}?[^,“”\"]{0,80}?(?:,\s*)?(?:(?:Mr|Mrs|Ms|Dr|Prof|Chief|Alhaji|Hon)\.?\s+)?"
)


def _issuer_of_statement(text: str, earlier: list[Mention], found: Mention) -> Mention | None:
    """The organisation or person a statement's author speaks for, written before "in a
    statement by" that author; None when `found` is not such an author."""
    for m in reversed(earlier):
        if found.start - m.end > 240:
            break  # the pattern spans less; a paragraph of thousands of names stays linear
        if m.kind in ("org", "person") and _STATEMENT_BY_RE.fullmatch(text, m.end, found.start):
            return m
    return None


# What lies between a subject and the place it is of: "The Office of Civil Defense (OCD)
# in " (Eastern Visayas) "said".
_PLACE_MODIFIER_RE = re.compile(
    # ... or its officer's: "The IMF's resident representative in " (Accra) "said"
    r"(?:['’]s?\s+(?:[\w\-]+\s+){0,2}?(?:spokes(?:man|woman|person)|representative|official|"
    r"envoy)\s+)?"
    r"\)?\s*(?:\([^()]{1,30}\)\s*)?(?:in|at|of|for|from)\s+(?:the\s+)?"
)


def _modified_subject(text: str, earlier: list[Mention], place: Mention) -> Mention | None:
    """The organisation a prepositional phrase modifies, when the mention before a cue is
    that phrase's object: "The Office of Civil Defense (OCD) in Eastern Visayas said"."""
    if not earlier or earlier[-1].kind not in ("org", "person"):
        return None
    subject = earlier[-1]
    if not _PLACE_MODIFIER_RE.fullmatch(text, subject.end, place.start):
        return None
    if OBJECT_BEFORE_RE.search(tail(text, subject.start)):
        return None
    return subject


# Someone unnamed speaking for an organisation: "a spokesperson for", "analysts at".
_REPRESENTATIVE_RE = re.compile(
    r"\b(?:spokes(?:man|woman|person|people)|representatives?|officials?|analysts?|"
    r"researchers?|scientists?|economists?|lawyers?|attorneys?|aides?|staff(?:ers)?|"
    r"executives?|sources?|experts?|branch|chapter|wing|arm)\s+(?:for|at|from|with|of)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,  # "Analysts at Kilimani Capital said" opens sentences too
)


def _represented(text: str, cue_start: int, mentions: list[Mention]) -> Mention | None:
    """The organisation an unnamed speaker speaks for: "A spokesperson for Harlow Borough
    Council said", "Analysts at Goldman Sachs wrote", "Analysts at Tsavo Capital said" (a
    name that could be a man's), or the person: "a spokesman for Ana Ruiz said"."""
    before = [m for m in mentions if m.end <= cue_start]
    # "A spokesperson for Meridian Benefits Inc., the insurer contracted to administer the
    # plan, said": the organisation's description may stand between it and the verb.
    if (
        len(before) > 1
        and before[-1].kind == "pronoun"
        and _DESCRIBED_GAP_RE.fullmatch(text, before[-2].end, cue_start)
    ):
        before = before[:-1]
    if (
        not before
        or before[-1].kind not in ("org", "person", "name")
        or not (
            GAP_RE.match(text[before[-1].end : cue_start])
            or _DESCRIBED_GAP_RE.fullmatch(text, before[-1].end, cue_start)
        )
    ):
        return None
    found = before[-1]
    if not _REPRESENTATIVE_RE.search(tail(text, found.start, 60)):
        return None
    # "Marc-Antoine Lévesque, a senior official at the Public Security Ministry, who said":
    # the official is named, and speaks.
    named = [m for m in before[:-1] if m.kind == "person" and found.start - m.end < 80]
    if named and _NAMED_REPRESENTATIVE_RE.fullmatch(text, named[-1].end, found.start):
        return named[-1]
    return found


_DESCRIBED_GAP_RE = re.compile(r",\s+(?:the|a|an)\s+[^,“”\"]{1,80},\s*")
_NAMED_REPRESENTATIVE_RE = re.compile(r",\s+(?:a|an|the)\s+[^,“”\"]{0,60}")


# From a person to a name inside their description: "Mark Holden, chairman of the board
# of " (Freedom Partners), "Sen. Dianne Feinstein of California, the ranking Democrat on the "
# (Senate Intelligence Committee), "Aris Shirvanian of the " (Armenian Patriarchate).
APPOSITIVE_HEAD_RE = re.compile(
    # "Ruth Galbraith of the Police Service of Northern Ireland's" (Economic Crime Unit),
    # "Winnie Tsang of the police Cyber Security and " (Technology Crime Bureau)
    r"^(?:,?\s+(?:of|at|from|with)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w.\-]*(?:['’]s)?|of|and|for|on|in|the|police|&)\s*)*)?"
    r"(?:,\s*(?:[^,“”\"]{0,100}?,\s*)?(?:the|a|an|his|her|its|their|[a-z\-]+)\b[^,“”\"]{0,100})?"
    r"(?:,\s*)?$"
)


_DESCRIBED_RE = re.compile(r",\s*(?:a|an|the)\s")
_POSSESSIVE_GAP_RE = re.compile(r"['’]s?\s+")


_ROLE_FOR_RE = re.compile(
    r",\s*(?:a|an|the|its|his|her|their)\s+(?:[\w\-]+\s+){0,3}?(?:"
    + _TITLE_WORDS
    + r")\s+(?:for|of|at|with|to)\b[^,“”\"]{0,80},\s*$"
)


_UNCLOSED_ROLE_RE = re.compile(
    r",\s*(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?:"
    + _TITLE_WORDS
    + r")\s+(?:for|of|at)\s+(?:the\s+)?"
)


def _appositive_head(
    text: str, mentions: list[Mention], inside_description: bool = False, closed: bool = True
) -> Mention | None:
    """The person whose description the last of `mentions` sits in, if any. A person is
    taken to be speaking for themselves unless the name is known to sit in a description
    ("chairman of the board of Freedom Partners")."""
    last = mentions[-1]
    if last.kind == "person" and not inside_description:
        # "Fabrizio Lanza, a spokesman for the developer, Porto Nuovo Costruzioni, said":
        # a name right after "a <role> for the ..." names whom the person works for.
        head = next((m for m in reversed(mentions[:-1]) if m.kind == "person"), None)
        if head is not None and _ROLE_FOR_RE.match(text, head.end, last.start):
            return head
        return None
    if last.kind == "pronoun":
        return None
    for m in reversed(mentions[:-1]):
        if last.start - m.end > 160:
            break
        between = text[m.end : last.start]
        if (
            (
                m.kind == "person"
                # "Dean Johnson, a 55-year-old salesman from Sumter, South Carolina, says":
                # a name a description follows is that description's head, whatever its kind.
                or (m.kind in ("name", "org") and _DESCRIBED_RE.match(between))
            )
            # "near Barretts Pen, the Jamaica Constabulary Force said": an appositive
            # after a comma is closed by one before its verb, or it is a clause's subject.
            # Unless the name closing it is an object: "Sam Lau, the communications
            # director for the Iowa Democratic Party said" (a comma left out).
            and (
                closed
                or not between.startswith(",")
                or (inside_description and bool(_UNCLOSED_ROLE_RE.fullmatch(between)))
            )
            and (
                APPOSITIVE_HEAD_RE.match(between)
                # "Dr Patience Akello of Makerere University's Infectious Diseases
                # Institute said": the institute is hers.
                or (_POSSESSIVE_GAP_RE.fullmatch(between) and " of " in text[m.start : m.end])
            )
            # "Martin Hebblethwaite, 58, of Elm Grove, Sedgeford": a name after "of" is
            # where the person is from, not the person.
            and not OBJECT_BEFORE_RE.search(tail(text, m.start, 40))
        ):
            return m
    return None


# Between an inverted cue and its subject: "said", then roles and affiliations
# ("Rubio's deputy campaign manager,", "American Unity Fund president").
_INVERTED_GAP_RE = re.compile(r"[\s,]*(?:[\w./\-]+(?:['’]s)?,?\s+){0,6}?")


def _subject_after(text: str, cue_end: int, mentions: list[Mention]) -> Mention | None:
    """Inverted attribution: "..., said Sen. Ted Cruz", "..., said he", or a name behind
    its roles: "said Rubio's deputy campaign manager, Rich Beeson" (the person, not the
    affiliation in front of them)."""
    ends = sentence_ends(text)
    after = bisect_right(ends, cue_end)
    limit = min(cue_end + 100, ends[after] - 1 if after < len(ends) else len(text))
    who = _RELATIVE_RE.search(text, cue_end, limit)
    limit = who.start() if who else limit
    window = [m for m in mentions if cue_end <= m.start < limit]
    if not window or not _INVERTED_GAP_RE.fullmatch(text[cue_end : window[0].start]):
        return None
    first = window[0]
    if (
        first.kind == "pronoun"
        and " " not in first.name
        and not _CLAUSE_END_RE.match(text, first.end)
    ):
        # "said it would jump": the pronoun starts the reported clause (a description,
        # "said the 22-year-old from Brno", does not)
        return None
    for m in window:
        gap = text[cue_end : m.start]
        if (
            m.kind == "person"
            and _INVERTED_GAP_RE.fullmatch(gap)
            and not _LINKED_BEFORE_RE.search(gap)
        ):
            return m
    first_gap = text[cue_end : window[0].start]
    member = _MEMBER_AFTER_RE.match(text, first.end)
    if member and len(window) > 1 and not text[member.end() : window[1].start].strip():
        # "said Concord resident Whit Symms": the member is named after the word.
        return window[1]
    if (
        len(first_gap) >= 40
        # "said reinforcements had been sent from Kericho": the reported clause's object,
        # not "said a spokesman for the Pentagon"
        or (_LINKED_BEFORE_RE.search(first_gap) and _CLAUSE_VERB_RE.search(first_gap))
        # "said the rider from Kampung Paya Serai": where the unnamed speaker is from
        or (_FROM_PLACE_RE.search(first_gap) and not _REPRESENTATIVE_RE.search(first_gap))
        # "said a prominent Republican National Committee member": not the RNC
        or member
    ):
        return None
    return window[0]


# Someone unnamed who belongs to an organisation without speaking for it (its
# spokespeople and officials do, `_REPRESENTATIVE_RE`).
_MEMBER_AFTER_RE = re.compile(
    r"\s+(?:members?|donors?|supporters?|delegates?|voters?|activists?|insiders?|employees?|"
    r"fans?|volunteers?|students?|alumni|veterans?|residents?)\b"
)


_AFTER_QUOTE_RE = re.compile(r"[,?!—-]\s*[”\"’]$")
_WHO_RE = re.compile(r"\bwho\b")
_FROM_PLACE_RE = re.compile(r"\b(?:from|in|near)\s+(?:the\s+)?$")
_CLAUSE_VERB_RE = re.compile(r"\b(?:had|has|have|was|were|is|are|been|will|would|[a-z]+ed)\s")
_IN_PLACE_RE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$")
_WHICH_SAID_RE = re.compile(
    # ", an unsuccessful bidder, which argued": its appositive may come between.
    r"(?:\s*\([^()]{1,20}\))?(?:,\s+(?:an?|the)\s+[^,“”\"]{1,60})?"
    r",\s+which\s+(?:[a-z]+ly\s+|also\s+)?$"
)
_RELATIVE_RE = re.compile(r"\b(?:who|which|whose)\b")
_LINKED_BEFORE_RE = re.compile(r"\b(?:for|of|at|with|from|to|by|and)\s+(?:the\s+)?\S*$")
_CLAUSE_END_RE = re.compile(r"\s*(?:[.,;:!?—–]|$)")

# "was first reported by Politico": the agent of a passive cue is its source.
# Roles may come between: "asked by Fox Business moderator Gerard Baker".
_AGENT_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?by\s+(?:the\s+)?(?:[\w.\-]+\s+){0,4}$")
# Between two coordinated subjects: "The New York Times and the Wall Street Journal".
_PARTY = r"(?:\s*\([^()]{1,20}\))?"  # "Jon Tester (D-Mont.) and David Vitter"
# The next name's titles: "Donald Trump and House Speaker Paul Ryan", "O'Malley and former
# Secretary of State Hillary Clinton".
_TITLED = r"(?:the\s+)?(?P<titles>(?:(?:former|then|acting|interim|of|[A-Z][\w.\-]*)\s+){0,5}?)"
_COORDINATION_RE = re.compile(rf"^{_PARTY}(?:,\s*|,?\s+(?:and|as\s+well\s+as)\s+){_TITLED}$")
_AND_RE = re.compile(rf"^{_PARTY},?\s+(?:and|as\s+well\s+as)\s+{_TITLED}$")


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
        link = (_COORDINATION_RE if joined else _AND_RE).match(gap)
        if m.kind != subject.kind or not link:
            break
        if link.group("titles") and first_name_gender(m.name.split()[0]) is None:
            # "Natural Resources and Environmental Sustainability Minister Datuk Rosli Abdul
            # Ghani said": before a titled name, only someone with a first name is a second
            # speaker; otherwise the "and" is inside the title.
            break
        joined.insert(0, m)
        current = m
    return joined

"""The clause around a verb of saying: its subject, and how a participle hangs off it.

"X banned the sale, saying ...", "Hours later, Trump returned ..., telling Reuters", "with
Gorka noting ...": a participle's source is the subject of the clause it continues, and
what counts as that subject is read from the words before, within one sentence.
"""

from __future__ import annotations

import re

from searchapp.extract.lexicon import BUSINESS_NOUNS, ORG_NOUNS, word_set
from searchapp.extract.mentions import Mention, sentence_start

# A clause subject is looked for in the cue's sentence, or its last this many characters.
MAX_CLAUSE = 1_000

# Prepositions that make the following name an object, never a clause subject.
PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:in|to|of|at|on|for|with|from|by|about|against|over|like|than|and|as)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# What may precede a sentence's subject: nothing, a determiner, or one introductory phrase
# ("On Mar. 3, Rogozin banned ..., saying").
CLAUSE_OPENING_RE = re.compile(r"^(?:[^,]*,\s*)?(?:[Tt]he\s+)?$")


def tail(text: str, pos: int, width: int = 200) -> str:
    """The `width` characters before pos: enough for a pattern anchored at pos (`...$`),
    and constant in cost where `text[:pos]` copied and searched the whole paragraph."""
    return text[max(0, pos - width) : pos]


# The word before a participle, when nothing separates them.
_WORD_BEFORE_RE = re.compile(r"(?<![\w'’])([a-z]+)\s+\Z")
# Words after which a participle is the clause's verb ("while saying", "was telling",
# "and adding", "kept saying"), not a modifier of the noun before it.
_VERBAL_BEFORE = word_set(
    """while by after before without when since upon in on for of from as and or but then
    also still even just not never again now much all both is was are were be been being am
    keep keeps kept start started starts began begin begins stop stopped continue continued
    continues go went goes spent spend spends"""
)
# Nouns for what was said, whose participle is their author's words: "issued a statement
# saying", "a radio ad calling it", "a March speech denouncing".
_SAID_NOUNS = word_set(
    """statement statements ad ads speech speeches letter letters release tweet tweets post
    posts petition video videos report memo message messages email emails op-ed column
    interview remarks comments announcement editorial note filing lawsuit suit motion
    resolution"""
)


def participle_shape(text: str, cue_start: int) -> str:
    """How a participle hangs off its clause, for the model to weigh: right after a
    common noun it may describe that noun ("stump speeches attacking free trade", "30
    percent of voters saying") rather than continue the subject's clause, unless the noun
    is a statement ("issued a statement saying")."""
    before = _WORD_BEFORE_RE.search(text, max(0, cue_start - 30), cue_start)
    word = before.group(1) if before else ""
    if not word or word in _VERBAL_BEFORE or word.endswith("ly"):
        return "participle"
    return "statement-participle" if word in _SAID_NOUNS else "noun-participle"


_WITH_BEFORE_RE = re.compile(r"\bwith\s+(?:the\s+)?$")
_ADVERB_GAP_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?")


def with_subject(text: str, cue_start: int, mentions: list[Mention]) -> Mention | None:
    """The subject of an absolute participle: "with Gorka noting", "with officials warning"."""
    before = [m for m in mentions if m.end <= cue_start]
    if not before or not _ADVERB_GAP_RE.fullmatch(text, before[-1].end, cue_start):
        return None
    found = before[-1]
    return found if _WITH_BEFORE_RE.search(tail(text, found.start, 40)) else None


_LOWERCASE_NEXT_RE = re.compile(r"\s+[a-z]")


def _possessive(text: str, mention: Mention) -> bool:
    """ "The union's general secretary, X, said ... and called": the union does not call.
    "He's claiming" is "he is"."""
    return text.startswith(("'s ", "’s "), mention.end) and (
        mention.kind != "pronoun" or " " in mention.name
    )


def _modifies_noun(text: str, mention: Mention) -> bool:
    """A person's name between "the" and a lowercase word modifies that noun: in "entered
    the Redgum Fuels outlet and demanded", the outlet is not the one demanding. (An
    organisation's takes "the" as its own: "the Supreme Court blocked".)"""
    return (
        mention.kind == "person"
        and text.endswith("the ", 0, mention.start)
        and bool(_LOWERCASE_NEXT_RE.match(text, mention.end))
    )


def clause_subject(text: str, cue_start: int, mentions: list[Mention]) -> Mention | None:
    """The subject of the clause a participle hangs off: "X banned the sale, saying"."""
    start = max(sentence_start(text, cue_start), cue_start - MAX_CLAUSE)
    clause = [
        m
        for m in mentions
        if start <= m.start < cue_start
        and m.kind != "thing"
        and not PREPOSITION_BEFORE_RE.search(text[max(start, m.start - 200) : m.start])
        and not _modifies_noun(text, m)
        and not _possessive(text, m)
    ]
    if (
        len(clause) > 1
        and clause[0].kind == "name"
        and clause[1].kind in ("person", "pronoun")
        and "," in text[clause[0].end : clause[1].start]
    ):
        # "Hours later, Trump returned ..., telling": an unknown word in the opening
        # phrase is not the subject the name after the comma is.
        clause = clause[1:]
    if clause and (
        CLAUSE_OPENING_RE.match(text[start : clause[0].start])
        or clause[0].kind in ("person", "pronoun")
        or (clause[0].kind == "org" and _introduced_org(text[start : clause[0].start]))
    ):
        return clause[0]
    return None


# "British housebuilder Carraway Homes cut ..., blaming": an organisation introduced by
# what it is opens the clause as "The" would.
_INTRODUCED_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z][\w\-]*\s+)?(?:[a-z\-]+\s+){0,2}?([a-z\-]+)\s+$"
)
_ORG_INTRODUCERS = BUSINESS_NOUNS | ORG_NOUNS


def _introduced_org(opening: str) -> bool:
    found = _INTRODUCED_RE.match(opening)
    return bool(found) and found.group(1) in _ORG_INTRODUCERS


# A sentence whose subject is a document and the one who made it: "The research, led by
# Associate Professor Tan Wei Ling of the ..., found", "A survey of 400 workers carried
# out by the Transfrontier Workers Union found", "The petition, brought by the Copperbelt
# Residents Alliance, argued".
_DOCUMENT_SUBJECT_RE = re.compile(
    r"(?:[^,]{0,60},\s*)?(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Nn]ew)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:research|study|studies|survey|report|review|audit|analysis|poll|"
    r"paper|petition|complaint|lawsuit|suit|submission|motion|investigation|inquiry|assessment|"
    r"evaluation|findings)\b[^,.;“”\"]{0,80}?,?\s+(?:led|carried\s+out|conducted|brought|filed|"
    r"lodged|commissioned|prepared|written|co-written|authored|co-authored|published|released|"
    r"issued|compiled|funded|drafted|submitted|undertaken|done)\s+by\s+(?:the\s+)?"
)
# Between the maker's name and the verb: its affiliation or when it came out ("published
# by the Grattan Institute on Tuesday,"), closed by a comma.
_MAKER_TO_VERB_RE = re.compile(
    r"(?:,?\s+(?:of|at|from)\s+[^,;“”\"]{1,80})?"
    r"(?:\s+(?:on|in|last|this|earlier\s+this)\s+[A-Z]?[a-z]+(?:\s+\d{1,4})?)?,?\s+(?:has\s+|have\s+)?"
)
# Before the maker's name, its titles: "led by Associate Professor".
_TITLES_RE = re.compile(r"(?:[A-Z][a-z]*\.?\s+){0,3}")


def document_maker(text: str, cue_start: int, mentions: list[Mention]) -> Mention | None:
    """Who made the document that is the clause's subject: its words are theirs."""
    start = max(sentence_start(text, cue_start), cue_start - MAX_CLAUSE)
    opening = _DOCUMENT_SUBJECT_RE.match(text, start, cue_start)
    if opening is None:
        return None
    maker = next((m for m in mentions if m.start >= opening.end() and m.end <= cue_start), None)
    if (
        maker is None
        or maker.kind not in ("person", "org", "name")
        or not _TITLES_RE.fullmatch(text, opening.end(), maker.start)
        or not _MAKER_TO_VERB_RE.fullmatch(text, maker.end, cue_start)
    ):
        return None
    return maker

"""The verbs and phrases that report speech in news, and where they may stand.

A lexicon, not a model: news attribution uses a small, stable vocabulary ("said", "told",
"according to", "went on to say"), and what the vocabulary gets wrong is measured on
PolNeAR train and pruned (see `_NOT_CUES`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from searchapp.extract.lexicon import word_set

_REGULAR_CUES = word_set("""
add allege announce answer argue ask assert boast brag caution charge claim complain concede
conclude confirm contend counter declare deny describe disclose echo emphasize estimate
explain insist joke lament maintain mention muse note observe offer opine plead point
predict proclaim quip recall recount remark reply report respond retort reveal scoff
speculate state stress suggest testify tweet urge vow warn acknowledge admit agree
accuse blame criticize slam blast attack praise pledge promise threaten demand question
dismiss reject dispute defend wonder propose repeat reiterate indicate signal imply post
shout yell scream continue condemn assure advise call cite insinuate hint fire snap gush
decry denounce hail mock rip knock tout rebuke lambaste chide scold berate ridicule
deride dub label brand characterize apologize lash thank congratulate applaud welcome recommend
advocate highlight emphasise lobby pitch champion tease remember bemoan recollect snipe liken
compare laud exhort reference sing portray endorse express press interject surmise chime
comment mutter murmur whisper grumble sigh
""")
_IRREGULAR_CUES = word_set("""
say says said saying tell tells told telling write writes wrote writing written read reads
reading went goes going think thinks thought thinking believe believes believed believing
speak speaks spoke speaking emailed forecast forecasts forecasting forecasted found finds
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
demand demands post posts champion champions comment comments knock
""")
_CUE_FORMS = (
    {f for v in _REGULAR_CUES for f in _inflections(v)} | set(_IRREGULAR_CUES)
) - _NOT_CUES
# Verbs that report speech only with their particle: "went on", "put it", "shot back".
_PHRASAL = {
    **dict.fromkeys(("went", "goes", "going"), "on"),
    **dict.fromkeys(("put", "puts"), "it"),
    **dict.fromkeys(("shot", "shoots", "fired", "fires"), "back"),
    **dict.fromkeys(("chimed", "chimes", "weighed", "weighs"), "in"),
    **dict.fromkeys(("talks", "talked", "talking", "spoke", "speaks"), "about to"),
    # Court English: "counsel submitted that the funds had been released".
    **dict.fromkeys(("submit", "submits", "submitted", "submitting"), "that"),
}
_CUE_WORDS = frozenset(_CUE_FORMS) - _PHRASAL.keys()


def is_cue_word(word: str) -> bool:
    """A form of a verb of saying, phrasal ones included ("told", "went")."""
    return word in _CUE_FORMS


_LOWER_WORD_RE = re.compile(r"\b[a-z]+\b")
# "adding to his wins" and "went on the offensive" are not speech; "went on to say" is.
_ADD_TO_RE = re.compile(r"\s+to\b")
_WENT_ON_SAYING_RE = re.compile(r"\s*(?:[,:“]|to\s+(?:say|add|call|describe|tell|write|explain))")
# "admitted 40 patients", "was admitted to the hospital": let in, not conceded.
_ADMIT_IN_RE = re.compile(
    r"\s+(?:\d|about\s+\d|more\s+than\s+\d|dozens|hundreds|thousands|patients|students|"
    r"to\s+(?:the\s+|a\s+)?(?:hospital|school|university|college|program|bar|icu|emergency))"
)
_PARTICLE_RE = re.compile(r"\s+(on|it|back|in|about|to|that)\b")
# "responded with a goal", "answered with a three-pointer" report play, not speech ("she
# responded with a statement", "with vitriol" are speech): the object decides.
_ANSWER_VERBS = frozenset(
    f for verb in ("reply", "respond", "answer", "counter", "retort") for f in _inflections(verb)
)
_PLAY = (
    r"(?:goals?|baskets?|three-pointers?|runs?|touchdowns?|homers?|home\s+runs?|"
    r"tries|try|points?|aces?|birdies?|eagles?|surge|burst|sprint|kicks?|strikes?|shots?|"
    r"headers?|dunks?|layups?|field\s+goals?|scores?|hat\s+tricks?|doubles?|triples?|"
    r"wickets?|century|boundary|boundaries|sixes|punch(?:es)?|knockdowns?|laps?|winners?)\b"
)
_WITH_PLAY_RE = re.compile(
    r"\s+with\s+(?:(?:a|an|the|his|her|their|its|two|three|four|another|one|back-to-back)\s+)?"
    r"(?:[\w-]+\s+){0,2}?" + _PLAY
)
# "added 37 runs", "adds a second goal", "added just two more points": a score, not words.
_ADDED_PLAY_RE = re.compile(
    r"\s+(?:just\s+|only\s+|another\s+|a\s+further\s+)?(?:\d[\d,]*|a|an|two|three|four|five|six|"
    r"seven|eight|nine|ten|another|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?" + _PLAY
)


# "Issued a statement", "issues a red heavy rain warning": words put out, not a permit.
_ISSUE_FORMS = frozenset(("issue", "issues", "issued", "issuing"))
_ISSUED_WORDS_RE = re.compile(
    r"\s+(?:a|an|the|its|his|her|their|two|several|fresh|new)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:statements?|warnings?|alerts?|advisory|advisories|notices?|apology|ultimatum|denial|"
    r"rebuttal|press\s+release|guidance|directive|appeal|call|caution)\b"
)
# A plea in court, which court reports give as an act, not words: "pleaded not guilty",
# "admitted causing death by dangerous driving", "admitted fraud", "admitted two counts".
_PLEA_RE = re.compile(
    r"\s+(?:to\s+)?(?:guilty|not\s+guilty|no\s+contest|innocent|(?:a|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|\d+)\s+(?:[\w\-]+\s+)?(?:charges?|counts?|offences?|offenses?)|"
    r"charges?\b|counts?\s+of|causing|fraud|theft|murder|manslaughter|assault|burglary|"
    r"robbery|possession|possessing|dangerous|careless|drink-driving|drug|stealing|"
    r"conspiracy)\b"
)
# "Declared with eight down", "declared on 350 for seven": a cricket captain ending an
# innings, not a declaration.
_DECLARED_PLAY_RE = re.compile(
    r"\s+(?:with|on|at)\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine)\s+(?:down|wickets?))"
    r"|\s+(?:their|his|the)\s+(?:second\s+|first\s+)?innings\b"
)
# "Wrote the novel over four years", "wrote a song": a work made, not words reported.
_WROTE_WORK_RE = re.compile(
    r"\s+(?:the|a|an|his|her|their|its|two|three|several|many)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:novels?|books?|songs?|music|scripts?|screenplays?|plays?|poems?|memoirs?|albums?|"
    r"lyrics|code|software|thesis|symphony|opera|score)\b(?!\s+(?:that|saying)\b)"
)
# "Appealed for calm", "appealed to the Federal Government to intervene"; not "appealed
# the ruling" or "appealed to the Supreme Court" (a court's, not words).
_APPEAL_FORMS = frozenset(("appeal", "appeals", "appealed", "appealing"))
_APPEALED_TO_SAY_RE = re.compile(r"\s+(?:for\b|to\s+(?:[\w\-']+\s+){1,6}?to\s+[a-z]+)")
# "Claimed seven for 54", "claimed the title", "claims a second gold": won, not asserted.
_CLAIMED_PLAY_RE = re.compile(
    r"\s+(?:(?:more\s+than\s+|over\s+|about\s+|nearly\s+|almost\s+|some\s+)?\d|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:for|wickets?|goals?|"
    r"points?|medals?|titles?|stages?)\b|(?:a|an|the|his|her|their|its)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:win|victory|title|crown|trophy|cup|medal|gold|silver|bronze|wickets?|points?|pole|"
    r"lead|place|spot|scalp|double|treble|hat-trick|stage|bonus)\b)"
)
# "Typhoon Mayumi slammed into the coast": force, not words ("ripped into" is words).
_INTO_RE = re.compile(r"\s+(?:into|through|across|over)\b")
# "Called off the deal", "was called up to the squad": cancelled or picked, not words
# ("called on", "called for" and "called out" are words).
_CALLED_OFF_RE = re.compile(r"\s+(?:off|up)\b")
# "White House press secretary", "a press conference": the noun, not "pressed the point".
_PRESS_NOUN_RE = re.compile(
    r"\s+(?:secretary|secretaries|office|officer|release|releases|conference|briefing|corps|"
    r"aide|aides|team|freedom|gallery|pool|statement|service|agency|council|club|box)\b"
)


# What makes an answer speech: what was said, or where ("replied that", "responded in a
# statement", "answered on Twitter", "retorted: ...", "responded to the charge by saying").
_ANSWER_IN_WORDS_RE = re.compile(
    r"\s*(?::|that\b|to\b|by\s+(?:saying|telling|writing|calling|noting|arguing)|"
    r"(?:in|on|via|with|through)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:statements?|letter|tweets?|twitter|email|e-mail|interview|"
    r"post|posts|remarks?|comments?|speech|op-ed|video|message|release|facebook|"
    r"instagram|question|words|criticism|vitriol|scorn|outrage|sarcasm|humor|a\s+laugh))"
)


# A named source's refusal is their answer, which readers of the source's page expect
# there and PolNeAR's annotators label: "Kendall declined to comment", "did not respond
# to a request for comment".
_REFUSAL_FORMS = frozenset(("declined", "declines", "refused", "refuses"))
_REFUSED_WORDS_RE = re.compile(
    r"\s+to\s+(?:comment|say|discuss|elaborate|answer|be\s+interviewed|specify|detail|respond|"
    r"rule\s+out)\b"
)

# "Describing" is narration more often than speech ("describing the scene"), but not with
# the words quoted after "as": "describing the cost cuts as “ahead of schedule”".
_DESCRIBED_AS_QUOTE_RE = re.compile(r"\s+(?:[\w'’\-]+\s+){1,6}?as\s+[“\"‘]")


# After an article an -ing form is a noun: "the blasting had cracked", "a warning".
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an|this)\s+\Z", re.I)


def _answers_in_words(text: str, start: int, end: int) -> bool:
    """An answer verb reports speech only with words or a medium in sight: "the Sharks
    replied 17 seconds later" and "Delgado answered with a homer" are play."""
    if _WITH_PLAY_RE.match(text, end):
        return False
    return next_to_quote(text, start, end) or bool(_ANSWER_IN_WORDS_RE.match(text, end))


# "Would add 15 standpipes", "will add a night-time threshold": something added, unless a
# verb follows, which makes it the subject of what was said ("added a deal was close").
_ADDED_THING_RE = re.compile(
    r"\s+(?:a|an|another|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*|dozens|"
    r"hundreds|thousands|more|new|extra|further|several|some)\b((?:\s+[\w\-]+){0,4})"
)
_FINITE_RE = re.compile(
    r"\b(?:would|will|was|were|is|are|had|has|have|could|should|might|can|may|did|must)\b"
)


def _adds_an_object(text: str, end: int) -> bool:
    return _without_verb(_ADDED_THING_RE.match(text, end, end + 80))


# "Claiming the winner in extra time", "claimed a share of the lead": a thing taken, unless a
# verb follows ("claimed the election was rigged").
_DETERMINED_RE = re.compile(r"\s+(?:a|an|the|his|her|their|its)\b((?:\s+[\w\-'’]+){0,4})")


def _claims_an_object(text: str, end: int) -> bool:
    return _without_verb(_DETERMINED_RE.match(text, end, end + 80))


def _without_verb(found: re.Match[str] | None) -> bool:
    return bool(found) and not _FINITE_RE.search(found.group(1))


def iter_cues(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, verb) of each reporting verb, phrasal ones with their particle. A set
    lookup per word: one regex alternation of 600 verb forms was the slowest part of
    indexing. A whole paragraph's cues are asked for twice (its attributions, its bare
    quotations) and kept for the few paragraphs last read."""
    if start == 0 and end is None:
        return iter(_paragraph_cues(text))
    return _find_cues(text, start, len(text) if end is None else end)


@lru_cache(maxsize=16)
def _paragraph_cues(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(_find_cues(text, 0, len(text)))


def _find_cues(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    for m in _LOWER_WORD_RE.finditer(text, start, end):
        word = m.group()
        if word in _CUE_WORDS:
            if word.startswith("add") and (
                _ADD_TO_RE.match(text, m.end())
                or _ADDED_PLAY_RE.match(text, m.end())
                or _adds_an_object(text, m.end())
            ):
                continue
            if word.startswith("claim") and (
                _CLAIMED_PLAY_RE.match(text, m.end()) or _claims_an_object(text, m.end())
            ):
                continue
            if word.startswith("declar") and _DECLARED_PLAY_RE.match(text, m.end()):
                continue
            if word.startswith("wr") and _WROTE_WORK_RE.match(text, m.end()):
                continue
            if word.startswith("slam") and _INTO_RE.match(text, m.end()):
                continue
            if word.startswith("call") and _CALLED_OFF_RE.match(text, m.end()):
                continue
            if word == "press" and _PRESS_NOUN_RE.match(text, m.end()):
                continue
            if word.startswith("admit") and _ADMIT_IN_RE.match(text, m.end()):
                continue
            if word.startswith(("admit", "plead")) and _PLEA_RE.match(text, m.end()):
                continue
            if word in _ANSWER_VERBS and not _answers_in_words(text, m.start(), m.end()):
                continue
            if word.endswith("ing") and _DETERMINER_BEFORE_RE.search(
                text, max(0, m.start() - 8), m.start()
            ):
                continue  # a noun, not a verb of saying
            yield m.start(), m.end(), word
        elif word in _ISSUE_FORMS and _ISSUED_WORDS_RE.match(text, m.end()):
            yield m.start(), m.end(), word  # "MetService has issued a red rain warning"
        elif word in _APPEAL_FORMS and _APPEALED_TO_SAY_RE.match(text, m.end()):
            yield m.start(), m.end(), word  # "appealed for calm", "appealed to X to act"
        elif word in _REFUSAL_FORMS and _REFUSED_WORDS_RE.match(text, m.end()):
            yield m.start(), m.end(), word  # "declined to comment": an answer on the record
        elif word == "describing" and _DESCRIBED_AS_QUOTE_RE.match(text, m.end()):
            yield m.start(), m.end(), word  # "describing the cuts as “ahead of schedule”"
        elif word in _PHRASAL:
            particle = _PARTICLE_RE.match(text, m.end())
            if (
                particle
                and particle.group(1) in _PHRASAL[word].split()
                and (particle.group(1) != "on" or _WENT_ON_SAYING_RE.match(text, particle.end()))
            ):
                yield m.start(), particle.end(), word
        elif word.endswith("ed") and len(word) > 4 and _after_quote(text, m.start()):
            yield m.start(), m.end(), word  # "“Go back,” Trump barked", "“…!” beamed Hartley"


# Right after a quotation that ends in a comma, "?" or "!", maybe a name or pronoun
# between: where news puts the verb of saying, whichever verb it is, so one the lexicon
# lacks ("barked", "beamed", "chirped") is still that quotation's cue. Searched in the
# 60 characters before the word only (the pattern is anchored at its end).
_AFTER_QUOTE_RE = re.compile(r"[,?!—–-]\s*[”\"]\s*(?:(?:[A-Z][\w.'’\-]*|he|she|they|it)\s+){0,4}\Z")


def _after_quote(text: str, pos: int) -> bool:
    return bool(_AFTER_QUOTE_RE.search(text, max(0, pos - 60), pos))


# A request for comment is the reporter asking, not anyone speaking:
# "Newsweek has asked NASA and the ESA for comment."
REQUEST_FOR_COMMENT_RE = re.compile(
    r"^[^.!?]{0,160}?\b(?:for (?:a |further )?comment|to comment|for a response)\b"
)
# Verbs that report speech only right next to a quotation ("“...,” she continued",
# "Trump shot back: “...”"); elsewhere they mean something else ("continues to lead",
# "speaking to a packed house", "charged his campaign rent").
QUOTE_ONLY = frozenset(
    form
    for verb in word_set("""
        continue speak charge fire snap scream shout yell post press interject surmise chime sing
        mutter murmur whisper grumble sigh
    """)
    for form in _inflections(verb)
) | word_set("spoke speaks sang sung")
# Cues whose subject may follow them after a quote: "“...,” said Rogozin."
INVERTIBLE = word_set(
    "said says wrote writes added adds asked asks continued noted explained "
    "replied responded tweeted insisted argued"
)

# Verbs that make even a lone capitalised word at a sentence start a speaker: "Rogozin
# wrote", whereas "Additional said" does not happen.
CORE_SPEECH = word_set(
    "said says wrote writes told tells tweeted added announced stated replied argued insisted "
    # Verbs only people do: "Cruz openly admitted", "Okafor joked".
    "admitted admits acknowledged acknowledges conceded concedes joked jokes quipped recalled "
    "recalls complained complains vowed vows apologized apologised went goes"
)


# Participles whose subject is the clause subject: "X banned the sale, saying ...".
PARTICIPLE_RE = re.compile(r"ing$")


_QUOTE_BEFORE_RE = re.compile(r"[”\"’]\s*(?:(?:[A-Z][\w.'’\-]*|he|she|they|it)\s+){0,4}$")


def next_to_quote(text: str, start: int, end: int) -> bool:
    """True when a cue touches a quotation: "“...,” she continued", "shot back: “...”."""
    before = text[max(0, start - 48) : start]
    return bool(_QUOTE_BEFORE_RE.search(before)) or bool(
        _QUOTE_FOLLOWS_RE.match(text, end, end + 40)
    )


# A quotation right after the cue, maybe after a particle or the medium: "shot back: “...”",
# "posted on X: “...”", "wrote on Facebook, “...”".
_QUOTE_FOLLOWS_RE = re.compile(
    r"\s*(?:back|on|up)?\s*(?:(?:on|to|in)\s+(?:[A-Z][\w.]*\s*){1,2})?[:,]?\s*[“\"]"
)

"""Who is quoted or reported in each paragraph of a news article, and what they said.

Rules propose, a learned model decides. News attribution is formulaic enough ("..., X
said.", "according to X", "X wrote:") that a cue lexicon (`cues`), name finding
(`mentions`, `names`), attribution shapes (`attribution`) and salience-based pronoun
resolution (`pronouns`) find nearly every source; this module walks an article in order,
pairing each source with the quotations of its sentence, and hands every candidate, with
how it was found, to `attribution_model`, which keeps the likely ones.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import count

import ftfy

from searchapp.extract.attribution import find_attributions
from searchapp.extract.attribution_model import AttributionModel, packaged_model
from searchapp.extract.candidates import Attribution, Candidate, Proposal
from searchapp.extract.cues import CORE_SPEECH, iter_cues
from searchapp.extract.interviews import find_interview
from searchapp.extract.labels import TWEET_SIGNATURE_RE, label_counts, speaker_label, tweet_author
from searchapp.extract.mentions import ROLE_DESCRIPTION_RE, Mention, find_mentions, sentence_ends
from searchapp.extract.name_spans import iter_spans
from searchapp.extract.name_words import first_name_gender, looks_like_org
from searchapp.extract.names import NameBook, build_namebook, role_word
from searchapp.extract.places import never_speaks
from searchapp.extract.pronouns import PronounResolver, stands_for_document
from searchapp.extract.quotes import (
    Quote,
    curl_quotes,
    inside,
    leaves_quote_open,
    quote_spans,
    speakers_of,
    unquote,
)


def extract_speakers(paragraphs: Sequence[str], kinds: Sequence[str]) -> list[list[str]]:
    """Speakers per paragraph: canonical names, first appearance first."""
    return [speakers_of(quotes) for quotes in extract_quotes(paragraphs, kinds)]


# A quoted nickname inside a name: Robert C. “Bobby” Scott, Marcia “Queen Bee” Yearwood,
# Trevor "The Professor" Boxill.
_NICKNAME_RE = re.compile(
    r"(?<=[\w.] )(?:“[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,2}”"
    r"|\"[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,2}\")(?= [A-Z])"
)
# The given name before it: a capitalised word.
_WORD_BEFORE_RE = re.compile(r"(?<![\w.])[A-Z][\w.\-]* \Z")


def _blank_nicknames(text: str) -> str:
    """The name without its quoted nickname, so it reads as one name and the nickname as
    no quotation; blanked to spaces so every offset into the text stays valid."""

    def blank(m: re.Match[str]) -> str:
        named = _WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
        return " " * len(m.group()) if named else m.group()

    return _NICKNAME_RE.sub(blank, text)


# The marks of UTF-8 read as Latin-1 once ("FranÃ§ois", "RaÃºl", "â€™"): only a paragraph
# that has them goes through ftfy, which otherwise reads every character for nothing.
_MOJIBAKE_RE = re.compile("[ÃÂ][\x80-\xbf]|â€")


def _repaired(text: str) -> str:
    return ftfy.fix_encoding(text) if _MOJIBAKE_RE.search(text) else text


def extract_quotes(
    paragraphs: Sequence[str], kinds: Sequence[str], model: AttributionModel | None = None
) -> list[list[Quote]]:
    """Attributed statements per paragraph, in text order; furniture gets none. The rules
    propose, the attribution model (the packaged one unless given) decides."""
    return (model or packaged_model()).decide(propose_quotes(paragraphs, kinds))


def propose_quotes(paragraphs: Sequence[str], kinds: Sequence[str]) -> Proposal:
    """Every statement the rules attribute, per paragraph, with how each was found.

    The whole article is read before any paragraph is tagged so that short forms resolve to
    names introduced later, and pronouns and continued quotations can reach back into
    earlier paragraphs.
    """
    # NYT writes quotation marks as two apostrophes.
    paragraphs = [
        _blank_nicknames(curl_quotes(_repaired(p).replace("''", '"'))) for p in paragraphs
    ]
    body = [p if k == "body" else "" for p, k in zip(paragraphs, kinds, strict=True)]
    book = build_namebook(body)
    _guess_lede_roles(body, book)
    history = PronounResolver(book)
    result: list[tuple[Candidate, ...]] = []
    carried: str | None = None  # speaker of a quotation still running at paragraph end
    previous: str | None = None  # the previous paragraph's last speaker
    introduced: str | None = None  # the previous paragraph's first subject
    slots = count()
    labels = label_counts(body)
    interview = find_interview(body, book)
    seen_body = False
    for index, (text, kind) in enumerate(zip(paragraphs, kinds, strict=True)):
        if kind != "body":
            result.append(())
            carried = previous = introduced = None
            continue
        subjects: list[tuple[int, str]] = []
        author = tweet_author(text, book)
        label = speaker_label(text, book, labels, not seen_body)
        seen_body = True
        if index in interview.answers:
            words = unquote(text[interview.answers[index] :])
            found = [Candidate(Quote(interview.interviewee, words, True), via="label")]
        elif author:
            signature = TWEET_SIGNATURE_RE.search(text)
            said = re.sub(r"<[^>]*>", "", text[: signature.start()]).strip()
            found = [Candidate(Quote(author, said, True), via="tweet")]
        elif label:
            speaker, start = label
            found = [Candidate(Quote(speaker, unquote(text[start:]), True), via="label")]
        else:
            named, subjects = _tag_paragraph(text, book, history)
            context = _Context(carried, previous, introduced)
            found = _paragraph_quotes(text, named, subjects, context, slots)
        chosen = [c for c in found if c.rank == 0]
        introduced = subjects[0][1] if subjects else None
        last = chosen[-1].speaker if chosen else None
        running = leaves_quote_open(text) or text.rstrip().endswith((":", "”", '"', "’"))
        carried = last if running else None
        previous = last
        result.append(tuple(found))
    return Proposal(tuple(body), tuple(result), book)


def _guess_lede_roles(body: Sequence[str], book: NameBook) -> None:
    """ "The Taoiseach has rejected claims ..." then "Colm Mac Suibhne said": a lede that
    opens with a role nobody in the article was given names its holder in the paragraph
    after, first. Guessed holders go in `NameBook.guessed_roles` for the model to weigh."""
    texts = [text for text in body if text][:3]
    for lede, after in zip(texts, texts[1:3]):
        opening = ROLE_DESCRIPTION_RE.match(lede)
        role = role_word(opening.group(0)) if opening else None
        if role is None or book.role_holders(opening.group(0)):
            continue
        person = next(
            (
                full
                for _, _, name in iter_spans(after, book.surnames)
                if " " in (full := book.canonical(name)) and book.is_person(full)
            ),
            None,
        )
        if person is not None:
            book.roles[role][person] = None
            book.guessed_roles.add(person)


def _surely_person(name: str | None, book: NameBook) -> bool:
    """A name shown to be a person's (a pronoun, an honorific, a later surname) or opened
    by a known given name: not "Moose Jaw" or "Medical Director"."""
    return name is not None and (
        name in book.confirmed or first_name_gender(name.split()[0]) is not None
    )


def can_speak(mention: Mention, book: NameBook, verb: str = "") -> bool:
    """Places, nationalities and stray capitalised words are never sources, however the
    sentence is built ("..., N.H., he knocked Cruz", "Western officials said")."""
    if mention.kind == "pronoun" or book.is_full_name(mention.name):
        return True
    if never_speaks(mention.name):
        return False
    return (
        mention.kind != "name"
        or mention.name in book.mid_sentence
        or verb in CORE_SPEECH
        or bool(_INNER_CAPITAL_RE.search(mention.name))  # "MetService has issued"
    )


# A capital inside a word marks a name ("MetService", "DepEd"), wherever it stands.
_INNER_CAPITAL_RE = re.compile(r"[a-z][A-Z]")


def _verb(text: str, attribution: Attribution) -> str:
    return text[attribution.cue_start : attribution.cue_end].split()[0].lower()


@dataclass(frozen=True)
class _Context:
    """What the paragraphs before tell about a bare quotation's speaker."""

    carried: str | None  # whose quotation was still running at the last paragraph's end
    previous: str | None  # the last paragraph's last speaker
    introduced: str | None  # the last paragraph's first subject


# A source: its name, the attribution, how it was written, and the other names a pronoun
# or description may stand for.
_Source = tuple[str, Attribution, str, tuple[str, ...]]


def _tag_paragraph(
    text: str, book: NameBook, history: PronounResolver
) -> tuple[list[_Source], list[tuple[int, str]]]:
    """Sources of the cues in one paragraph with their canonical names, pronouns resolved,
    and the (position, name) of each sentence's first person, its likely subject. Each
    source comes with how it was written: "person", "org", "name" or, resolved, the
    pronoun or description ("he", "the senator")."""
    mentions = find_mentions(text, book)
    sources = {a.source.start: a for a in find_attributions(text, mentions)}
    boundaries = sentence_ends(text)
    named: list[_Source] = []
    subjects: list[tuple[int, str]] = []
    sentence_people: list[str] = []
    sentence, opens, led = 0, True, False
    led_here: set[str] = set()  # organisations that led a sentence of this paragraph
    # Who led the story's last sentence before this paragraph ("..., but Ruiz replied").
    last_subject = next((n for n, salient in reversed(history.people[-8:]) if salient), None)
    for m in mentions:
        here = bisect_right(boundaries, m.start)
        if here != sentence:
            sentence, sentence_people, opens, led = here, [], True, False
        written, others = m.kind, ()
        if m.kind == "pronoun":
            # Before any person of the paragraph, the last subject before it, if known to be
            # a person: "Governor Sarah Okafor visited the camp." then "“...,” she said."
            before = (
                subjects[-1][1]
                if subjects and not sentence_people
                else last_subject
                if not subjects
                and not sentence_people
                and m.name.lower() in ("he", "she")
                and _surely_person(last_subject, book)
                else None
            )
            referents = history.referents(m.name, sentence_people, paragraph_subject=before)
            if not referents:
                continue
            word = m.name.lower()
            is_org = history.stands_for_organisation(m.name)
            written = word if " " not in word else "org-description" if is_org else "description"
            if stands_for_document(word):
                written = "document"  # "the statement said": who issued it
                is_org = looks_like_org(referents[0]) or referents[0] in history.orgs
            if written == "description" and (
                referents[0] in book.affiliated(m.name)
                or (
                    referents[0] in book.role_holders(m.name)
                    and referents[0] not in book.guessed_roles
                )
            ):
                written = "affiliated-description"  # "the Roscosmos chief": Rogozin's title
            elif written == "org-description" and _names_noun(book, word, referents[0]):
                written = "named-org-description"  # "the department": Police Department
            elif written == "org-description" and referents[0] == history.topic_org:
                written = "topic-org-description"  # "the company": the one the story is about
            elif written in ("they", "it") and referents[0] in led_here:
                written = "paragraph-org"  # "The X Association opposed it. They said"
            m = Mention(m.start, m.end, referents[0], "org" if is_org else "person")
            others = tuple(referents[1:])
        if m.start in sources and can_speak(m, book, _verb(text, sources[m.start])):
            named.append((m.name, sources[m.start], written, others))
            if m.kind == "name":
                m.kind = "person"
        elif m.kind == "name" and opens and m.name in history.speakers:
            # "And Obama, for all ..., seems to agree. “...,” he said.": a one-word name
            # that has spoken before is someone leading the sentence.
            m.kind = "person"
        # "Lund's critics were blunt: “...”": a possessive is not the subject. An
        # organisation after a preposition does not lead its sentence ("published on the
        # JSE's news service, the group said": the group is not the exchange).
        possessive = text.startswith(("'", "’"), m.end)
        if m.kind == "org":
            is_subject = (
                opens and not _OBJECT_RE.search(text, max(0, m.start - 16), m.start)
            ) or bool(_SHARES_IN_RE.search(text, max(0, m.start - 16), m.start))
        elif m.kind == "thing":
            is_subject = opens  # "Even China ... said it": not "weak demand in England"
        else:
            is_subject = not sentence_people or _opens_clause(text, m)
        history.see(m, m.start in sources, is_subject=is_subject)
        if m.start in sources and m.kind != "pronoun":
            cue = sources[m.start]
            # From the sentence's opening phrase: "In a release on Tuesday, the Trinidad and
            # Tobago Police Service said".
            opening = max(boundaries[here - 1] if here else 0, m.start - 60)
            history.issued(m.name, text[min(cue.cue_start, opening) : max(cue.cue_end, m.end) + 40])
        if m.kind == "org" and is_subject:
            led_here.add(m.name)
        opens = opens and m.kind == "thing"  # "British housebuilder Carraway Homes cut"
        if m.kind == "person":
            # "Penhaligon's predecessor, Colin Ferris, ... abstained": the possessive does
            # not lead the sentence, the person after it does.
            if not led and not possessive and can_speak(m, book):
                subjects.append((m.start, m.name))
                led = True
            sentence_people.append(m.name)
    return named, subjects


# "Shares in Kestrel Minerals plunged": the company whose shares move is the one the
# story is about, though it is written as an object.
_SHARES_IN_RE = re.compile(r"\b[Ss]hares\s+(?:in|of)\s+(?:the\s+)?\Z")
# A preposition, maybe "the", right before a mention: it is an object ("on the JSE").
_OBJECT_RE = re.compile(
    r"\b(?:in|to|of|at|on|for|with|from|by|about|against|over|via|through)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


def _names_noun(book: NameBook, description: str, name: str) -> bool:
    """ "The department" of the Police Department, or "the company" of a name the story
    introduced as "the company X"."""
    noun = description.split()[-1]
    return noun in name.lower() or name in book.introduced_as.get(noun, ())


# A conjunction that starts a clause of its own, whose first name is that clause's subject:
# "Gauthier-Roux broke early, but Nováková replied", "...; Rubio said".
_CLAUSE_CONJUNCTION_RE = re.compile(r"(?:,\s+(?:but|and|while|yet|whereas|although|though)|;)\s+\Z")
_VERB_AFTER_RE = re.compile(r"\s+[a-z]")


def _opens_clause(text: str, mention: Mention) -> bool:
    """A name that leads a coordinated clause ("..., but Nováková replied"): a subject, so
    the "she" or "the 22-year-old" of the next sentence can be hers."""
    return bool(
        _CLAUSE_CONJUNCTION_RE.search(text, max(0, mention.start - 12), mention.start)
        and _VERB_AFTER_RE.match(text, mention.end)
    )


# Fewer words than this inside quotation marks, with no attribution in the sentence, is a
# title or a scare quote ("co-operative program"), not somebody's words.
MIN_UNATTRIBUTED_QUOTE_WORDS = 5
# Nor, even continuing a quotation, are a few words all capitalised but the small ones:
# a title ("‘The Undertow’, the first episode, airs on Sunday").
_TITLE_WORD_RE = re.compile(r"[A-Z\d]|(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from)$")


def _is_title(words: str) -> bool:
    return all(_TITLE_WORD_RE.match(w) for w in words.strip(" ,.!?").split())


def _paragraph_quotes(
    text: str,
    attributions: list[_Source],
    subjects: list[tuple[int, str]],
    context: _Context,
    slots: Iterator[int],
) -> list[Candidate]:
    """Pair each attribution with the quotations of its sentence; a sentence without
    quotation marks is reported speech.

    A quotation with no cue of its own belongs, in this order, to the paragraph's nearest
    speaker, to its sentence's subject ("Kaine has adopted the stance: “...”"), to the
    quotation it continues, or, for a paragraph that is only a quotation, to the previous
    paragraph's speaker: news prints a long statement as a run of bare quotes. The rules'
    order is rank 0 of a slot whose other ranks are the remaining choices, and those the
    paragraph before introduced or the article quotes most.
    """
    carried, previous = context.carried, context.previous
    bounds = [0, *sentence_ends(text), len(text)]

    def sentence_of(pos: int) -> int:
        return bisect_right(bounds, pos, hi=len(bounds) - 1) - 1

    spans = quote_spans(text)
    span_ends = [end for _, end in spans]  # sorted too: quotations do not overlap
    placed: list[tuple[int, Candidate]] = []
    used: set[tuple[int, int]] = set()
    # (sentence, speaker) of each statement placed. Sets and binary searches here and
    # below, not scans of every quotation and statement per attribution: those made a
    # paragraph of thousands of quotations quadratic.
    said: set[tuple[int, str]] = set()
    named: list[tuple[int, Candidate]] = []  # the rules' first choices
    for name, attribution, written, others in attributions:
        evidence = {
            "slot": next(slots),
            "via": attribution.shape,
            "verb": _verb(text, attribution),
            "written": written,
            "distance": abs(attribution.cue_start - attribution.source.start),
        }
        i = sentence_of(attribution.cue_start)
        lo, hi = bounds[i], bounds[i + 1]
        # A quotation of several sentences ends in the attribution's sentence.
        inner = []
        for sp in spans[bisect_right(span_ends, lo) :]:
            if sp[0] >= hi:
                break
            if sp not in used:
                inner.append(sp)
        statements = []
        for sp in inner:
            used.add(sp)
            statements.append((sp[0], unquote(text[sp[0] : sp[1]]), True))
            said.add((sentence_of(sp[0]), name))
        # One statement per speaker and sentence: "X said ... and warned ..." is one.
        if not inner and (i, name) not in said:
            statements.append((lo, _reported(text, lo, hi, attribution), False))
            said.add((i, name))
        for at, words, direct in statements:
            for rank, who in enumerate((name, *others)):
                candidate = Candidate(Quote(who, words, direct), **evidence, rank=rank)
                placed.append((at, candidate))
                if rank == 0:
                    named.append((at, candidate))
    named.sort(key=lambda item: item[0])
    named_at = [pos for pos, _ in named]
    subjects_at = [pos for pos, _ in subjects]  # in text order, as the mentions were
    lead = len(text) - len(text.lstrip())  # where the paragraph's first word starts
    # Cues outside quotations, found once and only if a bare quotation asks: looking for
    # them again in each quotation's sentence made a one-sentence paragraph of thousands of
    # quotations quadratic.
    free_cues: list[int] | None = None
    for sp in spans:
        words = unquote(text[sp[0] : sp[1]])
        opens_paragraph = sp[0] <= lead
        continues = carried is not None and opens_paragraph
        # A paragraph that is nothing but a quotation is speech however short: "Not negotiable."
        whole = opens_paragraph and not text[sp[1] :].strip(" .")
        short = len(words.split()) < MIN_UNATTRIBUTED_QUOTE_WORDS
        if sp in used or (short and (not (continues or whole) or _is_title(words))):
            continue
        lo, hi = bounds[sentence_of(sp[0])], bounds[sentence_of(sp[0]) + 1]
        if free_cues is None:
            free_cues = [c for c, _, _ in iter_cues(text) if not inside(c, spans)]
        first_cue = bisect_left(free_cues, lo)
        if first_cue < len(free_cues) and free_cues[first_cue] < hi:
            continue  # a cue whose source has no name: "the audience screamed back"
        last_before, first_after = bisect_left(named_at, sp[0]), bisect_right(named_at, sp[0])
        before = [c.speaker for _, c in named[last_before - 1 : last_before]] if last_before else []
        after = [c.speaker for _, c in named[first_after : first_after + 1]]
        first_subject = bisect_left(subjects_at, lo)
        subject = [name for pos, name in subjects[first_subject : first_subject + 1] if pos < sp[0]]
        if not subject and first_subject and not text[lo : sp[0]].strip():
            # "Baxendale laughs at that. ‘I had other conditions.’": a quotation that is a
            # sentence of its own, after one the person led that neither quotes nor cites.
            led_at, leader = subjects[first_subject - 1]
            prev_lo = bounds[sentence_of(sp[0]) - 1] if sentence_of(sp[0]) else 0
            cue_before = bisect_left(free_cues, prev_lo) < bisect_left(free_cues, lo)
            quoted_before = bisect_left(spans, (prev_lo,)) < bisect_left(spans, (lo,))
            if led_at >= prev_lo and not cue_before and not quoted_before:
                subject = [leader]
        bare = opens_paragraph and not named
        fallback = carried if continues else previous if bare else None
        choices = [
            ("before", before[-1:]),
            ("after", after[:1]),
            ("sentence-subject", subject[:1]),
            ("continued" if continues else "previous", [fallback] if fallback else []),
        ]
        if bare:
            choices += [("introduced", [context.introduced])]
        slot, seen = next(slots), set()
        for via, found in choices:
            if found and found[0] and found[0] not in seen:
                seen.add(found[0])
                quote = Quote(found[0], words, True)
                placed.append((sp[0], Candidate(quote, via=via, slot=slot, rank=len(seen) - 1)))
    placed.sort(key=lambda item: item[0])
    return [c for _, c in placed]


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

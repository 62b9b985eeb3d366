"""Interviews printed as questions and answers: the answers are the interviewee's words,
though no paragraph names them.

    Geraghty, 44, sat down with the Chronicle the morning after.
    Q: Where did the story come from?
    A: My uncle was lost off Achill Head in 1987.

Papers write them with "Q:" and "A:" labels, or as bare questions, each a paragraph of its
own, with the answer in the paragraph after. The interviewee is the person named in the
paragraph that introduces the questions ("Geraghty, 44, sat down with the Chronicle").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from searchapp.extract.labels import NAME_LABEL_RE, TRANSCRIPT_LABEL_RE
from searchapp.extract.name_spans import iter_spans
from searchapp.extract.names import NameBook
from searchapp.extract.quotes import quote_spans

QUESTION_LABEL_RE = re.compile(r"^(?:Q|Question)\s*[:.]\s+")
ANSWER_LABEL_RE = re.compile(r"^(?:A|Answer)\s*[:.]\s+")
# An answer in the first person: "I", "my", "we", "our".
_FIRST_PERSON_RE = re.compile(r"\b(?:I|[Mm]y|[Mm]e|[Ww]e|[Oo]ur|[Uu]s)\b")
_MAX_QUESTION_WORDS = 30
# An interview has at least this many questions, a single "Q:" is a run-in heading.
MIN_QUESTIONS = 2


@dataclass
class Interview:
    """Who answers, and which paragraphs are questions and answers (by index)."""

    interviewee: str | None = None
    questions: set[int] = field(default_factory=set)
    # Each answer paragraph with where its words start (after an "A:" label).
    answers: dict[int, int] = field(default_factory=dict)


def find_interview(body: Sequence[str], book: NameBook) -> Interview:
    """The questions and answers of an interview, if the article prints one."""
    found = _labelled(body)
    if len(found.questions) < MIN_QUESTIONS:
        found = _unlabelled(body)
        # Bare questions are an interview's only after words that introduce one
        # ("Sewdien spoke to the Courier"), not a columnist's rhetorical ones.
        if found.questions and not _INTRODUCED_RE.search(
            " ".join(body[max(0, min(found.questions) - 2) : min(found.questions)])
        ):
            return Interview()
    if len(found.questions) < MIN_QUESTIONS or not found.answers:
        return Interview()
    found.interviewee = _interviewee(body[: min(found.questions)], book)
    return found if found.interviewee else Interview()


_INTRODUCED_RE = re.compile(
    r"\b(?:interview(?:ed)?|spoke|speaks|talked|talks|sat down|chatted|chats|asked)\b"
)


def _labelled(body: Sequence[str]) -> Interview:
    found = Interview()
    for i, text in enumerate(body):
        if QUESTION_LABEL_RE.match(text):
            found.questions.add(i)
        elif answer := ANSWER_LABEL_RE.match(text):
            found.answers[i] = answer.end()
    if len(found.answers) < MIN_QUESTIONS:
        return Interview()
    return found


def _unlabelled(body: Sequence[str]) -> Interview:
    """Bare questions, each followed by an answer: in the first person for the first two,
    which make it an interview, in any words after ("Be consistent from day one")."""
    found = Interview()
    pairs = [
        i
        for i, (text, after) in enumerate(zip(body, body[1:], strict=False))
        if _is_question(text) and after and not _is_question(after) and _is_answer(after, False)
    ]
    if sum(_is_answer(body[i + 1]) for i in pairs) >= MIN_QUESTIONS:
        found.questions.update(pairs)
        found.answers.update((i + 1, 0) for i in pairs)
    return found


def _transcript_line(text: str) -> bool:
    """A transcript's line names its speaker: "Nur Aisyah: Did you raise any objection?"."""
    return bool(TRANSCRIPT_LABEL_RE.match(text) or NAME_LABEL_RE.match(text))


def _is_question(text: str) -> bool:
    text = text.strip()
    return (
        text.endswith("?")
        and not _transcript_line(text)
        and len(text.split()) <= _MAX_QUESTION_WORDS
        and not quote_spans(text)
        and text.count("?") <= 2
    )


def _is_answer(text: str, first_person: bool = True) -> bool:
    """Words not opened by a quotation mark, which would be a quotation of its own ("“I
    was there,” she said"), nor by a transcript's label; in the first person if asked."""
    return (
        not text.lstrip().startswith(("“", '"', "‘", "'"))
        and not _transcript_line(text)
        and (not first_person or bool(_FIRST_PERSON_RE.search(text)))
    )


def _interviewee(introduction: Sequence[str], book: NameBook) -> str | None:
    """The first person named in the paragraph nearest before the first question ("Geraghty
    ... sat down with the Chronicle"), which introduces the interview."""
    for text in reversed(introduction[-3:]):
        for _, _, name in iter_spans(text, book.surnames):
            full = book.canonical(name)
            if book.is_full_name(full) and book.is_person(full):
                return full
    return None

"""Interviews printed as questions and answers: the answers are the interviewee's."""

from __future__ import annotations

from searchapp.extract.speakers import extract_speakers


def said(*paragraphs: str) -> list[list[str]]:
    return extract_speakers(list(paragraphs), ["body"] * len(paragraphs))


INTRO = (
    "Róisín Geraghty won the €25,000 Halloran Prize on Thursday.",
    "Geraghty, 44, a former teacher from Westport, sat down with the Chronicle the morning after.",
)


def test_labelled_answers_are_the_interviewees() -> None:
    assert said(
        *INTRO,
        "Q: Is it true that you wrote much of the book in your car?",
        "A: It's true, God help me. I had three children under ten.",
        "Q: What will you do with the prize money?",
        "A: Fix the car, probably.",
    )[2:] == [[], ["Róisín Geraghty"], [], ["Róisín Geraghty"]]


def test_bare_questions_after_an_introduction_are_an_interview() -> None:
    assert said(
        "Marisol Sewdien has spent two decades painting rivers.",
        "Sewdien spoke to the Courier in her studio in Amsterdam-Noord.",
        "Why water?",
        "Because it remembers everything. My ancestors came on that river.",
        "Is it strange to be having your first big show at 46?",
        "A little. For a long time galleries said my work was “too specific”.",
    )[2:] == [[], ["Marisol Sewdien"], [], ["Marisol Sewdien"]]


def test_a_columnists_questions_are_not_an_interview() -> None:
    """Rhetorical questions with no interview introduced: nobody answers."""
    assert said(
        "Now we know: Senator Ted Cruz is the cure for the debate blues.",
        "So, you might be asking, how does the election look to you?",
        "Here's our view: we think Republicans are looking at an epic year.",
        "And why do we feel this way?",
        "Let's start with what we see in the state legislatures.",
    ) == [[], [], [], [], []]


def test_a_transcripts_labels_stay_its_speakers() -> None:
    """ "Nur Aisyah: Did you raise any objection?" is the lawyer's own line."""
    assert (
        said(
            "Counsel Nur Aisyah Rahman questioned the witness, Mohd Faizal Ismail.",
            "Nur Aisyah: Did you raise any objection?",
            "Mohd Faizal: I told him the company did not meet the requirements.",
            "Nur Aisyah: Why did you proceed?",
            "Mohd Faizal: He was my boss. I was afraid I would be transferred.",
        )[1:]
        == [["Nur Aisyah Rahman"], ["Mohd Faizal Ismail"]] * 2
    )


def test_once_an_interview_is_plain_any_answer_is_the_interviewees() -> None:
    assert said(
        "Lorna Desjarlais banned phones at her school two years ago. She spoke to The Prairie "
        "Gazette about what happened next.",
        "What made you decide to ban phones?",
        "I watched a girl film a fight instead of stopping it.",
        "How did students react?",
        "Badly, for about a week. Then we noticed they were talking at lunch.",
        "Any advice for principals starting in September?",
        "Be consistent from day one. If you let it slide in week one, you've lost.",
    )[6] == ["Lorna Desjarlais"]

"""Acronyms defined in the text: the three shapes news uses, and what only looks like one."""

from __future__ import annotations

import pytest

from searchapp.extract.acronyms import Acronym, corpus_acronyms, find_acronyms


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        # Long form, then the acronym in parentheses.
        (
            "Engineers at the European Space Agency (ESA) postponed the test by a week.",
            "ESA",
            "European Space Agency",
        ),
        (
            "Allies of the North Atlantic Treaty Organization (NATO) met in Vilnius.",
            "NATO",
            "North Atlantic Treaty Organization",
        ),
        (
            "Inspectors from the Environmental Protection Agency (EPA) visited the plant.",
            "EPA",
            "Environmental Protection Agency",
        ),
        (
            "Agents of Immigration and Customs Enforcement (ICE) detained four workers.",
            "ICE",
            "Immigration and Customs Enforcement",
        ),
        (
            "The ruling leaves Deferred Action for Childhood Arrivals (DACA) in limbo.",
            "DACA",
            "Deferred Action for Childhood Arrivals",
        ),
        (
            "A video from the Islamic State of Iraq and Syria (ISIS) surfaced on Monday.",
            "ISIS",
            "Islamic State of Iraq and Syria",
        ),
        (
            "A memo from the Department of Homeland Security (DHS) was leaked.",
            "DHS",
            "Department of Homeland Security",
        ),
        (
            "She filed a Freedom of Information Act (FOIA) request in May.",
            "FOIA",
            "Freedom of Information Act",
        ),
        (
            "Opponents of the Trans-Pacific Partnership (TPP) rallied outside.",
            "TPP",
            "Trans-Pacific Partnership",
        ),
        (
            "A spokesman for the Department of Defense (DoD) declined to comment.",
            "DoD",
            "Department of Defense",
        ),
        (
            "Veterans with post-traumatic stress disorder (PTSD) wait months.",
            "PTSD",
            "post-traumatic stress disorder",
        ),
        (
            "Roadside improvised explosive devices (IEDs) killed two soldiers.",
            "IED",
            "improvised explosive devices",
        ),
        # The acronym, then the long form in parentheses.
        (
            "ESA (European Space Agency) officials said the probe is healthy.",
            "ESA",
            "European Space Agency",
        ),
        ("A vote at the U.N. (United Nations) failed on Friday.", "UN", "United Nations"),
        ("The U.N. (the United Nations) voted again.", "UN", "United Nations"),
        # "..., or LF," and "... or LF".
        (
            "Agents from the Federal Bureau of Investigation, or FBI, searched the home.",
            "FBI",
            "Federal Bureau of Investigation",
        ),
        (
            "The North American Free Trade Agreement or NAFTA took effect in 1994.",
            "NAFTA",
            "North American Free Trade Agreement",
        ),
    ],
)
def test_each_shape_of_definition_is_found(text: str, short: str, long: str) -> None:
    assert find_acronyms(text) == [Acronym(short, long)]


def test_dotted_acronyms_lose_their_dots() -> None:
    text = "Troops from the United States (U.S.) and the United Kingdom (U.K.) landed."
    assert find_acronyms(text) == [
        Acronym("US", "United States"),
        Acronym("UK", "United Kingdom"),
    ]


def test_the_long_form_starts_at_the_first_initial_not_at_the_article() -> None:
    text = "He is a former deputy director of the Central Intelligence Agency (CIA)."
    assert find_acronyms(text) == [Acronym("CIA", "Central Intelligence Agency")]


def test_several_definitions_come_in_text_order() -> None:
    text = (
        "The Securities and Exchange Commission, or SEC, and the Commodity Futures "
        "Trading Commission (CFTC) both opened inquiries."
    )
    assert [a.short for a in find_acronyms(text)] == ["SEC", "CFTC"]


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Lena Ortiz (R-Texas) said the bill would fail.",
        "Rep. Tom Alder (D) voted against it.",
        "HOUSTON (AP) — Flooding closed three highways on Tuesday.",
        "LISBON (Reuters) - The central bank held rates.",
        "The documentary (2016) follows two campaign staffers.",
        "Anchor Priya Nandan (CNN) pressed the governor on the budget.",
        "Watch the full exchange below (video).",
        "Sen. Sara Carter (SC) and Rep. Ned Young (NY) signed the letter.",
        "The senator met Mark Piper (MP) in London.",
        "Both sides said (again) that a deal was close.",
        "The report (PDF) runs to 90 pages.",
        "It was a bad week for the Justice Department (FBI) and its director.",
        "Critics say either Washington or GOP leaders will blink first.",
        "WASHINGTON (DC) — Snow closed schools.",
        "They include a (REDACTED) and two others.",
        "Mr. McCain (Ariz.) and Ms. Ayotte (N.H.) objected.",
    ],
)
def test_parentheses_that_are_not_definitions_are_ignored(text: str) -> None:
    assert find_acronyms(text) == []


def test_a_state_code_counts_only_for_its_state() -> None:
    assert find_acronyms("Flights into New York (NY) were delayed.") == [Acronym("NY", "New York")]


def test_corpus_merge_takes_the_majority_long_form() -> None:
    definitions = [
        Acronym("ESA", "European Space Agency"),
        Acronym("ESA", "european  space agency"),
        Acronym("ESA", "European Space Agency"),
        Acronym("ESA", "Entertainment Software Association"),
        Acronym("ACA", "Affordable Care Act"),
        Acronym("ACA", "American Camp Association"),
        Acronym("UN", "United Nations"),
    ]
    assert corpus_acronyms(definitions) == {
        "ESA": "European Space Agency",
        "UN": "United Nations",
    }


def test_corpus_merge_is_deterministic_between_spellings() -> None:
    one = [Acronym("EU", "European union"), Acronym("EU", "European Union")]
    assert corpus_acronyms(one) == corpus_acronyms(reversed(one)) == {"EU": "European Union"}


@pytest.mark.parametrize(
    "text",
    [
        "(" * 20_000,
        "(AB)" * 5_000,
        "ABC (ABC) " * 2_000,
        "A" * 20_000,
        "Aa " * 6_660 + "(AAAAAAAA)",
        ("of and the for " * 20 + "Aa (AA) ") * 230,
        "Aa Bb or AB " * 1_660,
        "(Aa " * 5_000,
        "or" + " " * 20_000 + "AB",
    ],
)
def test_hostile_text_is_read_in_linear_time(text: str) -> None:
    """Bounded by construction (one tokenising pass, a bounded look-back per candidate);
    no timing assertion on a shared machine: a quadratic rule would hang here."""
    for definition in find_acronyms(text):
        assert 2 <= len(definition.short) <= 8

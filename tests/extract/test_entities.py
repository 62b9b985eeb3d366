"""Which speaker names are speaker facet values (searchapp/extract/entities.py), and
that a paragraph's facet leaves out the rest while its quotations keep their speaker."""

from __future__ import annotations

import pytest

from searchapp.extract.entities import is_speaker_entity
from searchapp.extract.quotes import Quote, speakers_of


@pytest.mark.parametrize(
    "name",
    [
        "Barack Obama",
        "Obama",
        "Politico",
        "POLITICO",
        "New York Times",
        "Times",
        "State Department",
        "Republican National Committee",
        "Chinese Foreign Ministry",
        "Claire Danes",  # a woman, though "Danes" are a people
        "David French",
        "Wallace",  # a given name that is a common surname too: a transcript's "WALLACE:"
        "Francis",
        "@realDonaldTrump",
        "Ban Ki-moon",
        "The Hill",  # an outlet's title, kept with its "The"
        "The Guardian",
        "Justice Department",  # a title's word in an organisation's name
        "Deputy Minister Ali",
    ],
)
def test_people_and_organisations_are_entities(name: str) -> None:
    assert is_speaker_entity(name)


@pytest.mark.parametrize(
    "name",
    [
        "Democrats",
        "Republicans",
        "Senate Republicans",
        "Virginia Democrats",  # a place, then a party
        "New Hampshire Democrat",
        "Republican Party",
        "GOP",
        "Germans",
        "Russians",
        "Saudis",
        "Turkish",
        "African-Americans",
        "Millennials",
        "officials",
        "Demonstrators",
        "Department",
        "National Committee",
        "Development",
        "Prevention",
        "Email",
        "Maybe Trump",
        "Having",
        "Several",
        "Bob",
        "Chuck",
        "Trump-style",
        "R-Texas",
        "The Department",  # a capital "The" makes no title of a generic word
        "The Germans",
        "The President",
        "Chief Minister",  # a role: its holder is the speaker
        "Secretary of State",
        "",
        "—",
    ],
)
def test_collectives_and_non_entities_are_not(name: str) -> None:
    assert not is_speaker_entity(name)


def test_the_facet_drops_collectives_but_the_quotations_keep_them() -> None:
    quotes = [
        Quote("Democrats", "We will win.", True),
        Quote("Barack Obama", "Yes we can.", True),
        Quote("Department", "No comment.", False),
        Quote("Barack Obama", "Again.", True),
    ]
    assert speakers_of(quotes) == ["Barack Obama"]
    assert [q.speaker for q in quotes][0] == "Democrats"


def test_a_super_pac_unnamed_is_no_facet_value() -> None:
    assert not is_speaker_entity("PAC")
    assert not is_speaker_entity("Super PAC")
    assert is_speaker_entity("Priorities USA Action")


def test_a_police_force_named_by_its_place_is_an_organisation() -> None:
    from searchapp.extract.entities import is_speaker_entity

    assert is_speaker_entity("Queensland Police") and is_speaker_entity("Kogi police")
    assert not is_speaker_entity("Police") and not is_speaker_entity("Senate Republicans")


def test_a_compass_word_and_a_place_is_a_region() -> None:
    """ "North Wessex" is a constituency, not a woman "she" could be; "West Ham" and the
    "Central Bank" are not places."""
    from searchapp.extract.places import is_place

    assert is_place("North Wessex") and is_place("Greater Manchester")
    assert not is_place("West Ham") and not is_place("Central Bank")


def test_a_body_of_people_is_one_organisation() -> None:
    """ "Union of Public School Teachers" is a union, though "Teachers" alone is a group."""
    assert is_speaker_entity("Union of Public School Teachers")
    assert is_speaker_entity("Kenya National Union of Teachers")
    assert not is_speaker_entity("Senate Republicans")

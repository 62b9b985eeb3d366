"""Corpus-wide speaker names: one facet entry per person, never a merge of two people."""

from __future__ import annotations

from collections import Counter

from searchapp.extract.corpus_names import unify_names


def test_variants_and_bare_surname_fold_into_the_most_used_full_name() -> None:
    names = unify_names(
        Counter({"Dmitry Rogozin": 5, "Dmitriy Rogozin": 1, "Rogozin": 2, "NASA": 3})
    )
    assert names == {"Dmitriy Rogozin": "Dmitry Rogozin", "Rogozin": "Dmitry Rogozin"}


def test_middle_initials_fold_but_different_people_stay_apart() -> None:
    names = unify_names(
        Counter(
            {
                "Donald Trump": 10,
                "Donald J. Trump": 4,
                "Ivanka Trump": 1,
                "Trump": 3,
                "Hillary Clinton": 9,
                "Bill Clinton": 2,
                "Clinton": 4,
            }
        )
    )
    assert names == {"Donald J. Trump": "Donald Trump"}  # "Trump", "Clinton" are ambiguous


def test_a_junior_or_a_different_middle_initial_is_someone_else() -> None:
    names = unify_names(
        Counter(
            {
                "Donald Trump": 10,
                "Donald J. Trump": 4,
                "Donald John Trump": 1,
                "Donald Trump Jr.": 3,
                "Donald J. Trump Jr.": 1,
                "Trump": 5,
                "George W. Bush": 6,
                "George H.W. Bush": 4,
                "George Bush": 2,
                "Peter T. King": 2,
                "Pete King": 3,
            }
        )
    )
    assert names == {
        "Donald J. Trump": "Donald Trump",
        "Donald John Trump": "Donald Trump",  # the same initial, spelled out
        "Donald J. Trump Jr.": "Donald Trump Jr.",
        "Trump": "Donald Trump",  # a Jr. is named with his suffix or first name
        "Peter T. King": "Pete King",  # one person: the congressman
    }  # "George Bush" could be either president, so it stays

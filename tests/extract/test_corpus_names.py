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

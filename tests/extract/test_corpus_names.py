"""Corpus-wide speaker names: one facet entry per person, never a merge of two people."""

from __future__ import annotations

from collections import Counter

from searchapp.extract import corpus_names
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
                "Bill Clinton": 5,
                "Clinton": 4,
            }
        )
    )
    # Donald is quoted 14 times to Ivanka's once: a bare "Trump" is him. Hillary is not
    # quoted four times as often as Bill, so a bare "Clinton" stays.
    assert names == {"Donald J. Trump": "Donald Trump", "Trump": "Donald Trump"}


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


def test_a_bare_surname_joins_the_salient_person_of_that_surname() -> None:
    names = unify_names(Counter({"Barack Obama": 100, "Michelle Obama": 5, "Obama": 80}))
    assert names == {"Obama": "Barack Obama"}


def test_a_bare_surname_joins_a_person_whose_given_name_has_accents() -> None:
    """gender-guesser knows "François", not "Francois": the given name as written."""
    assert unify_names(Counter({"François Hollande": 2, "Hollande": 4})) == {
        "Hollande": "François Hollande"
    }


def test_nicknames_join_the_full_first_name() -> None:
    names = unify_names(
        Counter(
            {
                "Chuck Grassley": 8,
                "Charles Grassley": 5,
                "Charles E. Grassley": 1,
                "Ed Rendell": 15,
                "Edward G. Rendell": 4,
                "Robert Corker": 2,
                "Bob Corker": 6,
            }
        )
    )
    assert names == {
        "Charles Grassley": "Chuck Grassley",
        "Charles E. Grassley": "Chuck Grassley",
        "Edward G. Rendell": "Ed Rendell",
        "Robert Corker": "Bob Corker",
    }


def test_two_known_first_names_a_consonant_apart_are_two_people() -> None:
    names = unify_names(
        Counter({"Ivanka Trump": 5, "Ivana Trump": 2, "Rence Priebus": 1, "Reince Priebus": 9})
    )
    assert names == {"Rence Priebus": "Reince Priebus"}  # a typo, not Ivanka's mother


def test_a_first_name_with_a_suffix_is_that_junior() -> None:
    names = unify_names(Counter({"Donald Trump": 50, "Donald Trump Jr.": 4, "Donald Jr.": 1}))
    assert names == {"Donald Jr.": "Donald Trump Jr."}


def test_outlets_join_across_casing_and_short_forms() -> None:
    names = unify_names(
        Counter(
            {
                "Politico": 17,
                "POLITICO": 4,
                "New York Times": 30,
                "Los Angeles Times": 2,
                "Times": 13,
                "the Times": 1,
                "Washington Post": 16,
                "Huffington Post": 3,
                "Post": 9,
            }
        )
    )
    assert names == {
        "POLITICO": "Politico",
        "Times": "New York Times",
        "the Times": "New York Times",
        "Post": "Washington Post",
    }


def test_words_before_a_first_name_are_no_part_of_the_name() -> None:
    names = unify_names(
        Counter({"Comedian Sarah Silverman": 2, "Rival Hillary Clinton": 1, "Hillary Clinton": 9})
    )
    assert names == {
        "Comedian Sarah Silverman": "Sarah Silverman",
        "Rival Hillary Clinton": "Hillary Clinton",
    }


def test_thousands_of_people_with_one_surname_or_suffix_are_compared_within_a_bound() -> None:
    """A file of invented Smiths and Jr.s made this pass quadratic (4,000 Smiths: 83 s).
    Each name is now compared with the MAX_COMPARED most quoted people of its surname or
    suffix only; the salient person still takes the bare surname and its short forms."""
    counts = Counter({f"Person{i:05d} Smith": 1 for i in range(5_000)})
    counts.update({f"Person{i:05d} Jones Jr.": 1 for i in range(2_000)})
    counts.update({"Smith": 3, "Johnathan Smith": 900, "Jon Smith": 2})
    counts.update({"Arthur Jones Jr.": 500, "Arthur Jr.": 2})
    mapping = unify_names(counts)
    assert mapping["Smith"] == "Johnathan Smith"
    assert mapping["Arthur Jr."] == "Arthur Jones Jr."
    assert "Person04999 Smith" not in mapping  # past the bound: left as it is
    assert corpus_names.MAX_COMPARED < 5_000


def test_a_junior_with_no_rival_is_his_plain_name() -> None:
    """One outlet writes the formal "Joseph R. Biden Jr.", another "Joe Biden": one man,
    since no one else of that name is quoted."""
    counts = Counter({"Joseph R. Biden Jr.": 19, "Joe Biden": 13, "Biden": 2, "Jill Biden": 1})
    assert unify_names(counts) == {
        "Joe Biden": "Joseph R. Biden Jr.",
        "Biden": "Joseph R. Biden Jr.",
    }


def test_a_junior_quoted_beside_his_plain_namesake_is_someone_else() -> None:
    counts = Counter({"Hunter Smith Jr.": 3, "Hunter Smith": 5})
    assert unify_names(counts) == {"Hunter Smith Jr.": "Hunter Smith"}  # no evidence of two
    together = [{"Hunter Smith Jr.": 1, "Hunter Smith": 2}, {"Hunter Smith Jr.": 2}]
    assert unify_names(counts, together) == {}  # one article quotes both: two men
    # A formal name without the suffix is another man's; so is a Jr. beside a Sr.
    assert unify_names(Counter({"Hunter Smith Jr.": 3, "Hunter B. Smith": 5})) == {}
    rivals = Counter({"Hunter Smith Jr.": 3, "Hunter Smith Sr.": 2, "Hunter Smith": 5})
    assert unify_names(rivals) == {}


def test_a_middle_name_or_initials_can_be_what_a_person_goes_by() -> None:
    names = unify_names(
        Counter(
            {
                "Ted Cruz": 40,
                "Rafael Cruz": 8,
                "Rafael Edward Cruz": 3,  # Ted for Edward: him, far more quoted than his father
                "Mitt Romney": 9,
                "Willard Mitt Romney": 1,
                "Jeb Bush": 30,
                "John Ellis Bush": 4,  # J. E. B.
                "John Bush": 2,  # no such initials
            }
        )
    )
    assert names == {
        "Rafael Edward Cruz": "Ted Cruz",
        "Willard Mitt Romney": "Mitt Romney",
        "John Ellis Bush": "Jeb Bush",
    }
    # Between two comparably quoted people it fits, a name stays as it is.
    even = Counter({"Ted Cruz": 9, "Rafael Cruz": 8, "Rafael Edward Cruz": 3})
    assert unify_names(even) == {}


def test_a_familiar_form_that_is_a_name_of_its_own_is_someone_else() -> None:
    """22 Americans are called Gary for one Garrett (Census first names): a Gary Johnson
    is not a Garrett Johnson. Chuck is rare beside Charles, Larry common beside Lawrence."""
    names = unify_names(
        Counter(
            {
                "Gary Johnson": 14,
                "Garrett Johnson": 1,
                "Larry Summers": 5,
                "Lawrence H. Summers": 3,
                "Chuck Todd": 5,
                "Charles Todd": 1,
            }
        )
    )
    assert names == {"Lawrence H. Summers": "Larry Summers", "Charles Todd": "Chuck Todd"}


def test_a_bare_name_needs_more_than_a_one_quotation_rival_outnumbered_four_times() -> None:
    thin = Counter({"George Wallace": 4, "Chris Wallace": 1, "Wallace": 5})
    assert unify_names(thin) == {}  # 4 against 1 may be 4 against 2
    clear = Counter({"George Wallace": 9, "Chris Wallace": 1, "Wallace": 5})
    assert unify_names(clear) == {"Wallace": "George Wallace"}


def test_a_bare_word_also_naming_organisations_is_not_a_persons_surname() -> None:
    """ "according to Bloomberg" is the news service when the corpus quotes "Bloomberg
    Politics"; without such organisations the bare word is the salient person."""
    brands = Counter({"Michael Bloomberg": 14, "Bloomberg Politics": 3, "Bloomberg": 3})
    assert unify_names(brands) == {}
    assert unify_names(Counter({"Michael Bloomberg": 14, "Bloomberg": 3})) == {
        "Bloomberg": "Michael Bloomberg"
    }


def test_the_title_of_an_outlet_is_no_surname() -> None:
    names = unify_names(
        Counter(
            {
                "The Hill": 5,
                "Baron Hill": 2,
                "The Guardian": 1,
                "Don Guardian": 7,
                "New York Times": 30,
                "The Times": 2,
                "Hill": 1,
            }
        )
    )
    # "The Hill" and "The Guardian" stay themselves; "The Times" is the New York Times;
    # a bare "Hill" may be the outlet or Baron Hill.
    assert names == {"The Times": "New York Times"}


def test_thousands_of_juniors_and_namesakes_are_compared_within_a_bound() -> None:
    """The junior pass compares the MAX_COMPARED most quoted people of a surname only."""
    counts = Counter({f"Arthur{i:05d} Jones Jr.": 1 for i in range(4_000)})
    counts.update({f"Arthur{i:05d} Jones": 1 for i in range(4_000)})
    counts.update({"Arthur Jones Jr.": 50, "Arthur Jones": 40})
    together = [[f"Arthur{i:05d} Jones", f"Arthur{i:05d} Jones Jr."] for i in range(4_000)]
    mapping = unify_names(counts, together)
    assert mapping["Arthur Jones"] == "Arthur Jones Jr."
    assert mapping.get("Arthur03999 Jones Jr.") != "Arthur03999 Jones"  # quoted together

"""Typo tolerance from the index's own vocabulary: searchapp.engine.spelling."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from whoosh import fields
from whoosh.filedb.filestore import RamStorage

from searchapp.engine.spelling import (
    Correction,
    Speller,
    SpellingRules,
    vocabulary_counts,
    write_vocabulary,
)

VOCABULARY = {
    "clinton": 3400,
    "clintons": 40,
    "sanctions": 37,
    "sanction": 5,
    "chief": 245,
    "government": 389,
    "goverment": 1,  # a typo the archive printed once
    "rogozin": 12,
    "rogozina": 2,  # a rare name with no far more common neighbour
    "benghazi": 104,
    "immigration": 228,
    "said": 9000,
    "sail": 40,
    "nail": 40,
    "mail": 40,
    "2016": 800,
    "putin": 59,
}


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller.from_counts(VOCABULARY.items())


def test_absent_word_is_corrected_confidently(speller: Speller):
    assert speller.correct("sanctons") == Correction(
        word="sanctons",
        suggestion="sanctions",
        distance=1,
        word_df=0,
        suggestion_df=37,
        confident=True,
    )
    assert speller.correct("Clnton").suggestion == "clinton"
    assert speller.correct("benghazy").suggestion == "benghazi"


def test_a_transposition_is_one_edit(speller: Speller):
    got = speller.correct("cheif")
    assert (got.suggestion, got.distance, got.confident) == ("chief", 1, True)
    assert speller.correct("immigartion").distance == 1


def test_long_words_may_be_two_edits_off_short_ones_not(speller: Speller):
    got = speller.correct("imigraton")  # 9 letters, two deletions
    assert (got.suggestion, got.distance) == ("immigration", 2)
    assert speller.correct("pten") is None  # "putin" is two edits from a 4-letter word


def test_a_printed_typo_is_offered_its_common_spelling_not_applied(speller: Speller):
    got = speller.correct("goverment")
    assert got == Correction("goverment", "government", 1, 1, 389, confident=False)


def test_a_rare_word_without_a_far_more_common_neighbour_is_left_alone(speller: Speller):
    # "rogozin" is one edit away but only 6 times as common.
    assert speller.correct("rogozina") is None
    assert speller.correct("rogozin") is None
    assert speller.correct("clintons") is None  # common enough itself


def test_a_word_the_archive_uses_often_is_left_alone(speller: Speller):
    for word in VOCABULARY:
        if VOCABULARY[word] > SpellingRules().rare_df:
            assert speller.correct(word) is None, word


def test_short_words_numbers_and_non_letters_are_left_alone(speller: Speller):
    for word in ("sad", "sai", "2017", "201", "clint0n", "clin-ton", "c++", "", "sanc tons"):
        assert speller.correct(word) is None, word


def test_case_and_accents_are_folded(speller: Speller):
    got = speller.correct("Sanctiöns")
    assert got is None  # folded, it is spelled right
    got = speller.correct("ROGÖZN")
    assert (got.word, got.suggestion) == ("rogozn", "rogozin")


def test_a_hostile_word_returns_none():
    speller = Speller.from_counts([("a" * 30, 100), ("ab" * 15, 100)])
    assert speller.correct("a" * 10_000) is None
    assert speller.correct("é" * 10_000) is None
    assert speller.correct("a" * 31) is None


def test_ties_break_by_frequency_then_alphabetically(speller: Speller):
    # "sait" is one edit from said (9000), sail (40); said wins on frequency.
    got = speller.correct("sait")
    assert (got.suggestion, got.confident) == ("said", True)
    # "xail" is one edit from sail, nail and mail, 40 each: alphabetically first, and
    # not confident, since nothing tells them apart.
    for _ in range(3):
        got = speller.correct("xail")
        assert (got.suggestion, got.confident) == ("mail", False)
    assert speller.candidates("xail", 1) == [(1, -40, "mail"), (1, -40, "nail"), (1, -40, "sail")]


def test_a_candidate_at_fewer_edits_wins_over_a_more_common_one():
    speller = Speller.from_counts([("tomorrow", 5), ("tomorrows", 500)])
    got = speller.correct("tomorow")  # one edit from tomorrow, two from tomorrows
    assert (got.suggestion, got.distance) == ("tomorrow", 1)


def test_a_correction_to_a_rare_spelling_is_only_offered():
    speller = Speller.from_counts([("kasich", SpellingRules().confident_df - 1)])
    got = speller.correct("kasick")
    assert (got.suggestion, got.word_df, got.confident) == ("kasich", 0, False)


def test_no_near_spelling_gives_none(speller: Speller):
    assert speller.correct("xylophone") is None


def test_write_and_load_round_trip(tmp_path: Path, speller: Speller):
    path = tmp_path / "vocabulary.tsv"
    write_vocabulary(path, [*VOCABULARY.items(), ("bad word", 3), ("zero", 0)])
    loaded = Speller.load(path)
    assert len(loaded) == len(VOCABULARY)
    assert {w: loaded.df(w) for w in VOCABULARY} == VOCABULARY
    assert "bad word" not in loaded and "zero" not in loaded
    for word in ("sanctons", "cheif", "goverment", "xail", "rogozina"):
        assert loaded.correct(word) == speller.correct(word)
    # Rewritten in place: the new file, no temporary left behind.
    write_vocabulary(path, [("chief", 2)])
    assert len(Speller.load(path)) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["vocabulary.tsv"]


def test_load_refuses_a_file_that_is_not_a_vocabulary(tmp_path: Path):
    path = tmp_path / "vocabulary.tsv"
    path.write_text("chief\t2\nodd\n")
    with pytest.raises(ValueError):
        Speller.load(path)


def test_repeated_words_add_up():
    speller = Speller.from_counts([("chief", 2), ("chief", 3)])
    assert speller.df("chief") == 5


def test_custom_rules():
    rules = SpellingRules(min_length=3, two_edits_from=4)
    speller = Speller.from_counts(VOCABULARY.items(), rules)
    assert speller.correct("sid").suggestion == "said"
    assert speller.correct("ptin").suggestion == "putin"
    assert speller.correct("pten").suggestion == "putin"


def test_vocabulary_counts_of_a_whoosh_field():
    schema = fields.Schema(body=fields.TEXT(phrase=False))
    ix = RamStorage().create_index(schema)
    with ix.writer() as writer:
        writer.add_document(body="Clinton said sanctions")
        writer.add_document(body="Clinton said")
        writer.add_document(body="chief")
    with ix.reader() as reader:
        assert dict(vocabulary_counts(reader, "body")) == {
            "chief": 1,
            "clinton": 2,
            "said": 2,
            "sanctions": 1,
        }


def test_concurrent_lookups_agree(speller: Speller):
    words = ["sanctons", "cheif", "goverment", "xail", "imigraton", "rogozina"] * 50
    expected = [speller.correct(w) for w in words]
    results: list[list[Correction | None]] = []

    def run() -> None:
        results.append([speller.correct(w) for w in words])

    threads = [threading.Thread(target=run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 8

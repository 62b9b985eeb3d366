"""One quotation printed by several outlets is one cluster; different statements are not."""

from __future__ import annotations

from pathlib import Path

from searchapp.corpus import read_corpus
from searchapp.paragraphs import article_docs
from searchapp.quote_clusters import cluster_quotes

WALL = "we are going to build a great wall and mexico is going to pay"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RESTORATION = "restoration of normal relations between partners"
# Two translations of Rogozin's tweet that differ by a few words (written for the test).
TRANSLATION_A = (
    "I believe that the restoration of normal relations between partners in the "
    "International Space Station and other joint projects is possible only with the "
    "complete and unconditional lifting of illegal sanctions"
)
TRANSLATION_B = (
    "I believe the restoration of normal relations between partners at the International "
    "Space Station and other joint projects is only possible with the full and "
    "unconditional lifting of illegal sanctions"
)


def _seed_quotes() -> list[tuple[str, str]]:
    return [
        (quote.speaker, quote.text)
        for article in read_corpus(SEEDS)
        for doc in article_docs(article).docs
        for quote in doc.quotes
    ]


def test_seeds_rogozin_sentence_is_one_cluster_across_outlets() -> None:
    quotes = _seed_quotes()
    labels = cluster_quotes(quotes)
    rogozin = [i for i, (_, text) in enumerate(quotes) if RESTORATION in text]
    assert len(rogozin) >= 4  # four outlets, one of them quoting only a fragment
    assert len({labels[i] for i in rogozin}) == 1
    purpose = [i for i, (_, t) in enumerate(quotes) if t.startswith("The purpose of the sanctions")]
    assert labels[purpose[0]] != labels[rogozin[0]]  # his other statement stays apart


def test_two_translations_and_a_fragment_cluster() -> None:
    quotes = [
        ("Dmitry Rogozin", TRANSLATION_A),
        ("Rogozin", TRANSLATION_B),
        ("Dmitry Rogozin", "complete and unconditional lifting of illegal sanctions."),
    ]
    assert cluster_quotes(quotes) == [0, 0, 0]


def test_different_statements_by_one_speaker_stay_apart() -> None:
    quotes = [
        ("Dmitry Rogozin", TRANSLATION_A),
        (
            "Dmitry Rogozin",
            "The position of our partners is clear: the sanctions will not be lifted",
        ),
        (
            "Dmitry Rogozin",
            "If you block cooperation with us, who will save the ISS from an "
            "uncontrolled deorbit and fall into the United States and Europe?",
        ),
    ]
    assert cluster_quotes(quotes) == [0, 1, 2]


def test_same_text_by_unrelated_speakers() -> None:
    """A long near-verbatim text joins across unrelated names (one outlet credits the
    agency, another its head); a fragment or a short phrase does not."""
    quotes = [
        ("Dmitry Rogozin", TRANSLATION_A),
        ("Roscosmos", TRANSLATION_A),
        ("Bill Nelson", "complete and unconditional lifting of illegal sanctions"),
        ("Ted Cruz", "very pro-choice"),
        ("Republicans", "very pro-choice"),
        ("Ted Cruz", "very pro-choice."),
    ]
    assert cluster_quotes(quotes) == [0, 0, 2, 3, 4, 3]


def test_short_quotes_join_only_identical_words_of_one_speaker() -> None:
    quotes = [
        ("James Comey", "extremely careless"),
        ("James Comey", "Extremely careless."),
        ("James Comey", "extremely careless, he said"),
        ("Donald Trump", "we'll see"),
    ]
    assert cluster_quotes(quotes) == [0, 0, 2, 3]


def test_deterministic_and_labels_are_first_members() -> None:
    quotes = _seed_quotes() * 3
    labels = cluster_quotes(quotes)
    assert labels == cluster_quotes(list(quotes))
    assert all(labels[label] == label and label <= i for i, label in enumerate(labels))
    assert cluster_quotes([]) == []


def test_hostile_inputs_complete() -> None:
    words = WALL.split()
    identical = [("Donald Trump", " ".join(words))] * 2_000
    assert set(cluster_quotes(identical)) == {0}
    huge = [("X", "lorem ipsum dolor " * 7_000), ("X", "lorem ipsum dolor sit amet")]
    assert len(cluster_quotes(huge)) == 2
    shared = [("Y", " ".join([*words[: k % 12], f"x{k}", *words[k % 12 :]])) for k in range(1_000)]
    assert len(cluster_quotes(shared)) == 1_000

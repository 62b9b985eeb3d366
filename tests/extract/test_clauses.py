"""How a participle hangs off its clause: the shape the attribution model weighs."""

from __future__ import annotations

import pytest

from searchapp.extract.clauses import participle_shape


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("Vance left the hall, saying the levy was dead.", "participle"),
        ("Vance was saying the levy was dead.", "participle"),
        ("Vance isn’t saying what he wants.", "participle"),
        ("Vance spoke while saying little.", "participle"),
        ("Vance issued a statement saying the levy was dead.", "statement-participle"),
        ("Vance ran a radio ad calling it dead.", "statement-participle"),
        ("Only 30 percent of voters saying yes is bad news for Vance.", "noun-participle"),
        ("Syrian hackers backing the regime hijacked the account.", "noun-participle"),
    ],
)
def test_the_word_before_a_participle_decides_its_shape(text: str, shape: str) -> None:
    word = next(w for w in text.split() if w.endswith("ing"))
    assert participle_shape(text, text.index(word)) == shape

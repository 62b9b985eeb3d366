"""What the attribution rules propose, before the attribution model weighs it.

The rules find who may be speaking ("X said", a pronoun resolved, a bare quotation given to
the paragraph before's speaker); each proposal keeps how it was found, because the shapes
differ in how often they are right, and that is what the model learns.
"""

from __future__ import annotations

from dataclasses import dataclass

from searchapp.extract.mentions import Mention
from searchapp.extract.names import NameBook
from searchapp.extract.quotes import Quote


@dataclass(frozen=True)
class Attribution:
    """A source mention and the cue that makes it one ("said", "according to")."""

    source: Mention
    cue_start: int
    cue_end: int
    # Which shape found it ("subject", "inverted", "according", ...): a feature the
    # attribution model weighs, since shapes differ in how often they are right.
    shape: str = "subject"


@dataclass(frozen=True)
class Candidate:
    """One statement the rules attribute, and how they got there.

    `via` is the shape that found the source: an attribution shape ("subject", "inverted",
    "according", "possessive", ...), a bare quotation's fallback ("before", "previous", ...),
    or a whole-paragraph form ("tweet", "label"). `written` is how the source was written
    ("person", "org", "name", "he", "description", ...), `verb` the cue word, `distance`
    the characters between cue and source. Candidates sharing a `slot` are alternatives
    for one source (a pronoun's possible referents, a bare quotation's possible speakers),
    `rank` 0 being the rules' first choice: at most one of them is kept.
    """

    quote: Quote
    via: str
    verb: str = ""
    written: str = ""
    distance: int = 0
    slot: int = -1
    rank: int = 0

    @property
    def speaker(self) -> str:
        return self.quote.speaker


@dataclass(frozen=True)
class Proposal:
    """One article's candidates per paragraph, with the texts and names they came from."""

    paragraphs: tuple[str, ...]  # as extraction read them; "" for furniture
    candidates: tuple[tuple[Candidate, ...], ...]
    book: NameBook

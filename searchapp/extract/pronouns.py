"""What "he", "she", "it" and "the senator" refer to, read in story order."""

from __future__ import annotations

from searchapp.extract.lexicon import PRONOUN_GENDER
from searchapp.extract.mentions import Mention
from searchapp.extract.names import NameBook


class PronounResolver:
    """The running order of named people, and the organisation the story is about, for
    pronoun resolution."""

    LOOKBACK = 8  # person mentions a pronoun may reach back over

    def __init__(self, book: NameBook) -> None:
        self.book = book
        self.people: list[tuple[str, bool]] = []  # (name, was a sentence subject or source)
        self.topic_org: str | None = None  # an organisation that last led a sentence
        self.speakers: set[str] = set()

    def see(self, mention: Mention, is_source: bool = False, is_subject: bool = False) -> None:
        if mention.kind == "person":
            self.people.append((mention.name, is_source or is_subject))
            if is_source:
                self.speakers.add(mention.name)
        if mention.kind == "org" and (is_source or is_subject):
            self.topic_org = mention.name
        elif is_subject:
            self.topic_org = None  # a person or place now leads the story

    def _fits(self, name: str, want: str | None) -> bool:
        return want is None or self.book.gender.get(name, want) == want

    def resolve_pronoun(self, pronoun: str, sentence_people: list[str]) -> str | None:
        """The subject of the current sentence if it fits, else the most recent
        gender-compatible subject or speaker (news refers back to the protagonist, not to
        whoever was named in passing), preferring names known to be people (places such
        as "Boca Raton" look like names too). A description ("the Roscosmos chief") goes
        to the person written with that affiliation; "it" to the organisation the story
        is about; "they" to no one."""
        word = pronoun.lower()
        if word == "it":  # only an organisation the story is about: "It said ..."
            return self.topic_org
        if word == "they":
            return None
        if word.startswith("the "):
            affiliated = self.book.affiliated(pronoun)
            recent = [n for n, _ in reversed(self.people[-self.LOOKBACK :]) if n in affiliated]
            if recent or affiliated:
                return (recent or [affiliated.most_common(1)[0][0]])[0]
        want = PRONOUN_GENDER.get(word)
        local = [n for n in sentence_people if self._fits(n, want)]
        if local:
            return local[0]
        window = [
            (n, salient)
            for n, salient in reversed(self.people[-self.LOOKBACK :])
            if self._fits(n, want)
        ]

        def sure(n: str) -> bool:
            return n in self.book.confirmed or (n in self.speakers and " " in n)

        for test in (
            lambda n, sal: sal and sure(n),
            lambda n, sal: sal and " " in n,
            lambda n, sal: sure(n),
            lambda n, sal: " " in n,
            lambda n, sal: True,
        ):
            found = [n for n, sal in window if test(n, sal)]
            if found:
                return found[0]
        return None

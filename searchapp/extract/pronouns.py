"""What "he", "she", "it", "they", "the senator" and "the company" refer to, read in story
order: the rules' best guess first, then the next likeliest, for the attribution model to
choose among."""

from __future__ import annotations

import re
from itertools import islice

from searchapp.extract.lexicon import DOCUMENT_NOUNS, ORG_NOUNS, PRONOUN_GENDER
from searchapp.extract.mentions import Mention
from searchapp.extract.names import NameBook, role_word

_WORD_RE = re.compile(r"[a-z]+")
# Institutions news calls by the noun its name contains ("West Yorkshire Police", "the
# Supreme Court"): the noun stands for such a name or for none.
NAMED_ONLY = frozenset(("police", "court", "hospital", "university", "school"))


def stands_for_document(description: str) -> bool:
    """ "The statement", "the new report": a document, which stands for who issued it."""
    words = description.lower().split()
    return len(words) > 1 and words[0] == "the" and words[-1] in DOCUMENT_NOUNS


class PronounResolver:
    """The running order of named people, and the organisation the story is about, for
    pronoun resolution."""

    LOOKBACK = 8  # person mentions a pronoun may reach back over

    def __init__(self, book: NameBook) -> None:
        self.book = book
        self.people: list[tuple[str, bool]] = []  # (name, was a sentence subject or source)
        self.topic_org: str | None = None  # an organisation that last led a sentence
        self.orgs: list[str] = []  # organisations in the order named
        self.leading_orgs: set[str] = set()  # those that led a sentence or spoke
        self.named: list[str] = []  # every name of several words, in the order named
        self.speakers: set[str] = set()
        # Who issued the latest document of each kind: "said in a statement", "according to
        # a study led by X", "a report by X found".
        self.documents: dict[str, str] = {}

    def see(self, mention: Mention, is_source: bool = False, is_subject: bool = False) -> None:
        if mention.kind == "person":
            self.people.append((mention.name, is_source or is_subject))
            if is_source:
                self.speakers.add(mention.name)
        if mention.kind == "org":
            self.orgs.append(mention.name)
            if is_source or is_subject:
                self.leading_orgs.add(mention.name)
        if mention.kind != "pronoun" and " " in mention.name:
            self.named.append(mention.name)
        if mention.kind == "org" and (is_source or is_subject):
            self.topic_org = mention.name
        elif is_subject and mention.kind != "name":
            # A person or place now leads the story; an unknown capitalised word opening
            # a sentence ("Shares of Halvard fell") does not.
            self.topic_org = None

    def issued(self, name: str, text: str) -> None:
        """Note `name` as the issuer of the documents `text` (the words around its cue)
        names."""
        for word in _WORD_RE.findall(text.lower()):
            if word in DOCUMENT_NOUNS:
                self.documents[word] = name

    def stands_for_organisation(self, pronoun: str) -> bool:
        """ "It", "they", "the company", and "the museum" in an article that names the
        Harlow Museum of Art: words for an organisation."""
        word = pronoun.lower()
        if word in ("it", "they"):
            return True
        noun = word.split()[-1]
        if not word.startswith("the "):
            return False
        if pronoun[4:].islower() and any(
            n not in self.book.guessed_roles for n in self.book.role_holders(word)
        ):
            return False  # "the producer" of a story that wrote someone with that role
        return noun in ORG_NOUNS or noun in self.book.name_words

    def _fits(self, name: str, want: str | None) -> bool:
        return want is None or self.book.gender.get(name, want) == want

    def referents(
        self,
        pronoun: str,
        sentence_people: list[str],
        most: int = 3,
        paragraph_subject: str | None = None,
    ) -> list[str]:
        """Who the pronoun may stand for, likeliest first.

        A person: the subject of the current sentence if it fits, else the most recent
        gender-compatible subject or speaker (news refers back to the protagonist, not to
        whoever was named in passing), preferring names known to be people (places such as
        "Boca Raton" look like names too). A description ("the Roscosmos chief") goes to
        the person written with that affiliation. "It", "they" and an organisation's
        description ("the company", "the department") go to the organisation the story is
        about, or one just named, the one whose name has the description's noun first.
        """
        word = pronoun.lower()
        if stands_for_document(word):
            # "‘...,’ the statement said": whoever issued the last statement, if anyone.
            issuer = self.documents.get(word.split()[-1])
            return [issuer] if issuer else []
        if word == "it" and self.topic_org is None:
            return []  # "it said" about no organisation is a thing, not a source
        if self.stands_for_organisation(pronoun):
            noun = word.split()[-1]
            recent = list(dict.fromkeys(reversed(self.orgs[-self.LOOKBACK :])))
            # The organisations that led a sentence first: "an analyst at Kestrel Securities"
            # names no company "the company" then means.
            recent.sort(key=lambda n: n not in self.leading_orgs)
            # A leading name no pronoun or title showed to be a person may be a company
            # ("Harbor Freight Lines announced ... they said").
            unsure = [
                n
                for n, salient in reversed(self.people[-self.LOOKBACK :])
                if salient and n not in self.book.gender and n not in self.book.confirmed
            ]
            # "The museum": the name just used with that word, whatever its shape.
            ordered = [
                n
                for n in reversed(self.named[-4 * self.LOOKBACK :])
                if noun
                in {w.lower().removesuffix("s") for w in n.split()} | {w.lower() for w in n.split()}
            ][:1]
            # "The company": the one introduced as "independent company Lorong Tujuh".
            introduced = self.book.introduced_as.get(noun, ())
            ordered += [n for n in reversed(self.orgs[-4 * self.LOOKBACK :]) if n in introduced][:1]
            if noun in NAMED_ONLY and not ordered:
                return []  # "the police" of a story that names no police force: nobody
            ordered += [self.topic_org] if self.topic_org else []
            ordered += [n for n in recent if noun in n.lower().split()] + recent
            # "They", or "the company" when the story named no organisation it knows as
            # one: "Harbourline Logistics reported ..., the company said".
            ordered += unsure if word == "they" or not ordered else []
            return list(dict.fromkeys(ordered))[:most]
        found: list[str] = []
        role = role_word(word) if word.startswith("the ") else None
        holders = self.book.role_holders(word) if role else {}
        # An age nobody was written with ("said the 22-year-old") is read as any
        # description is, below, unless the article gave others their ages.
        aged = role is not None and role.endswith("-year-old")
        if aged and not holders and not any(r.endswith("-year-old") for r in self.book.roles):
            role = None
        if role is not None and not holders and paragraph_subject is not None:
            # "Anyanwu dedicated the goals to his father. “...,” the striker said": a role
            # nobody was given is the paragraph's subject's, if anyone's.
            return [paragraph_subject]
        if role is not None:
            # "The minister": someone given that role, the latest named so far, else the
            # first (a lede names the minister in the paragraph after it); nobody else.
            seen = [n for n, _ in reversed(self.people[-self.LOOKBACK :]) if n in holders]
            return list(dict.fromkeys(seen + list(islice(holders, most))))[:most]
        if word.startswith("the "):
            affiliated = self.book.affiliated(pronoun)
            recent = [n for n, _ in reversed(self.people[-self.LOOKBACK :]) if n in affiliated]
            found += recent or ([affiliated.most_common(1)[0][0]] if affiliated else [])
        want = PRONOUN_GENDER.get(word)
        # The sentence's first people, its subject first: a "sentence" without a full stop
        # can name thousands, and each pronoun in it read them all.
        found += [n for n in sentence_people[: self.LOOKBACK] if self._fits(n, want)]
        # "Lagos Marine coach Olumide Bankole was less happy. He told reporters": the subject
        # of the paragraph's sentence before is who a pronoun opening the next one means.
        if paragraph_subject is not None and self._fits(paragraph_subject, want):
            found.append(paragraph_subject)
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
            found += [n for n, sal in window if test(n, sal)]
        return list(dict.fromkeys(found))[:most]

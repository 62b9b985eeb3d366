"""What a person means by the words they typed: a plan the searcher can score.

Two kinds of query. A query that uses the query language's operators (AND, OR, NOT,
parentheses, wildcards, fuzzy `~`, boosts, ranges) means exactly what it says and is
handed to Whoosh's parser (`explicit`). Anything else is plain words, as people type them
into a search box, and is read the way Meilisearch reads them:
- each bare word is one requirement, met by any of its spellings: the stemmed word
  (`text`), the word as written for names and acronyms (`exact`: "Hilary" is not
  "hilarious"), a name among the paragraph's speakers, its Latin transliteration, the
  sound of a name written in another script, the acronym the corpus defines for it, or
  the long form of an acronym; the title, and a word that is not a name among the
  speakers, only add to the score (BM25F weights, `Weights`, tuned on judged queries);
- "phrases" match word for word, stop words included, and `field:word` clauses are
  required; `-word` and `-"phrase"` exclude;
- stop words and question words ("what did Trump say about the judge") are not required;
- paragraphs with all the words come first, and when they are fewer than a page,
  paragraphs with most of them follow (`searchapp/search.py` decides);
- a word the archive does not have, or has far more often spelled otherwise, is
  corrected from the index's own vocabulary (`spelling.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from whoosh import query
from whoosh.analysis import STOP_WORDS
from whoosh.fields import Schema

from searchapp.engine.queries import (
    QueryLimits,
    QueryReader,
    QuerySyntaxError,
    QueryTooCostly,
    check_length,
    check_phrase,
    is_explicit,
    rewrite_explicit,
    scaled,
)
from searchapp.engine.words import is_dotted_acronym, latin_twin, sound_key, words
from searchapp.extract.lexicon import word_set

# Words that ask rather than search: in "what did Trump say about the judge" only Trump
# and the judge are required. The speech verbs count only in a question.
QUESTION_WORDS = word_set(
    """what who whom whose which when where why how did does do done is are was were has
    have had can could would should will shall may might"""
)
# English function words (NLTK's list, trimmed): searched only when nothing else is typed.
FUNCTION_WORDS = STOP_WORDS | word_set(
    """about above after again against all am any because been before being below between
    both but down during each few further having her here hers herself him himself his i
    into its itself just me more most my myself no nor now off once only other our ours out
    over own same she so some such than their theirs them themselves then there these they
    those through too under until up very what which while whom why would your yours"""
)
SPEECH_VERBS = word_set("say says said saying tell tells told think thinks thought")
# One clause of a plain query: an optional minus, an optional field, then a phrase or a word.
_CLAUSE = re.compile(
    r'(?P<minus>(?<!\S)-)?(?:(?P<field>[A-Za-z_]\w*):)?(?:"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+))'
)
_CONTRACTION = re.compile(r"['’](?:s|t|ll|re|ve|d|m)$", re.IGNORECASE)


@dataclass(frozen=True)
class Weights:
    """BM25F weights of the fields a plain word is searched in, relative to the text.
    Tuned on bench/relevance's train queries (README, "Ranking")."""

    title: float = 0.3
    speaker: float = 1.5
    sounds: float = 0.5
    length: float = 5.0  # words at which a paragraph's score is halved (length_prior)


@dataclass(frozen=True)
class Word:
    """One requirement of a plain query: a word as typed and the query its spellings make."""

    typed: str
    start: int
    end: int
    query: query.Query


@dataclass(frozen=True)
class Correction:
    typed: str
    start: int
    end: int
    suggestion: str
    applied: bool


@dataclass
class QueryPlan:
    """What to search. `words` are counted for partial matching; `required` must all
    match, `excluded` must not, and `optional` only adds to the score."""

    text: str
    explicit: query.Query | None = None
    words: list[Word] = field(default_factory=list)
    required: list[query.Query] = field(default_factory=list)
    excluded: list[query.Query] = field(default_factory=list)
    optional: list[query.Query] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)

    @property
    def is_everything(self) -> bool:
        return self.explicit is None and not (self.words or self.required or self.optional)

    def rewritten(self, applied: bool) -> str | None:
        """The query with the corrections that were (or, for `did_you_mean`, were not)
        applied; None when there are none."""
        chosen = [c for c in self.corrections if c.applied == applied]
        if not chosen:
            return None
        text = self.text
        for c in sorted(chosen, key=lambda c: c.start, reverse=True):
            text = text[: c.start] + c.suggestion + text[c.end :]
        return text

    def leaves(self) -> list[query.Query]:
        """Every query whose words a matching paragraph contains (for snippets)."""
        found = [self.explicit] if self.explicit is not None else []
        return found + [w.query for w in self.words] + self.required + self.optional


@dataclass(frozen=True)
class Acronyms:
    """A generation's acronyms both ways, built once: "esa" → "european space agency",
    and the long form's words without function words (as a query's required words come:
    "Department of Homeland Security" is department, homeland, security) → both."""

    short_to_long: Mapping[str, str]
    long_to_short: Mapping[tuple[str, ...], tuple[str, str]]

    @classmethod
    def of(cls, acronyms: Mapping[str, str]) -> Acronyms:
        long_to_short = {
            tuple(w for w in long.split() if w not in FUNCTION_WORDS): (short, long)
            for short, long in acronyms.items()
        }
        return cls(dict(acronyms), long_to_short)


class Vocabulary:
    """What the interpreter asks of one index generation."""

    def __init__(
        self,
        doc_frequency: Callable[[str, str], int],
        acronyms: Acronyms,
        correct: Callable[[str], tuple[str, bool] | None],
    ) -> None:
        self.doc_frequency = doc_frequency
        self.acronyms = acronyms.short_to_long
        self.long_forms = acronyms.long_to_short
        self.correct = correct

    def is_name(self, word: str, typed_capitalized: bool) -> bool:
        """Written with a capital inside sentences in most paragraphs that have it: the
        corpus says it is a name. A word typed in lower case must be a name in nearly
        all of them ("trump", "hilary"), or it is read as a word ("ban", not Ban Ki-moon)."""
        written = self.doc_frequency("exact", word)
        share = self.doc_frequency("capital", word) / written if written else 0.0
        return share >= (0.5 if typed_capitalized else 0.9)


class Interpreter:
    def __init__(self, schema: Schema, weights: Weights | None = None) -> None:
        self.schema = schema
        self.weights = weights or Weights()
        self._reader = QueryReader(schema)

    @property
    def weights(self) -> Weights:
        return self._weights

    @weights.setter
    def weights(self, weights: Weights) -> None:
        self._weights = weights

    def plan(
        self,
        text: str,
        vocabulary: Vocabulary,
        limits: QueryLimits | None = None,
        correct: bool = True,
    ) -> QueryPlan:
        limits = limits or QueryLimits()
        text = text.strip()
        plan = QueryPlan(text)
        if not text:
            return plan
        check_length(text, limits)
        if is_explicit(text):
            plan.explicit = self.parse_explicit(text, limits)
            plan.corrections = self._offered(plan.explicit, text, vocabulary)
            return plan
        if text.count('"') % 2:
            raise QuerySyntaxError(
                'unclosed " in query: phrases need an opening and a closing quote'
            )
        # Counted before any word costs a lookup: distinct words that are not function
        # words, and every phrase and field clause.
        clauses = len({m.group().lower() for m in _CLAUSE.finditer(text)} - FUNCTION_WORDS)
        if clauses > limits.clauses:
            raise QueryTooCostly(
                f"the query has {clauses:,} words and phrases; the limit is {limits.clauses:,}",
                "clauses",
                limits.clauses,
            )
        self._read_plain(text, plan, vocabulary, correct, limits)
        return plan

    def parse_explicit(self, text: str, limits: QueryLimits | None = None) -> query.Query:
        """`text` in the query language, with this index's meanings (_rewrite_explicit).
        A bare word is also searched in titles and speakers' names, as in a plain query."""
        rewritten = rewrite_explicit(text)
        parsed = self._reader.parse(rewritten, limits, typed=text)
        return self._with_names(parsed, rewritten)

    def _with_names(self, q: query.Query, text: str) -> query.Query:
        if type(q) is query.Term and q.fieldname == "text":
            start, end = getattr(q, "startchar", None), getattr(q, "endchar", None)
            if start is None or end is None or text[start - 1 : start] == ":":
                return q  # `text:word`: the field was named
            word = self._folded(text[start:end])
            found: query.Query = q.with_boost(1.0)
            weights = self.weights
            bonus = []
            if weights.speaker and (speaker := self._term("speaker", word)) is not None:
                found = query.Or([found, query.Term("speaker", speaker, boost=weights.speaker)])
            if weights.title and (title := self._term("title", word)) is not None:
                bonus.append(query.Term("title", title, boost=weights.title))
            if bonus:
                found = query.AndMaybe(found, bonus[0])
            return found if q.boost == 1.0 else scaled(found, q.boost)
        return q if q.is_leaf() else q.apply(lambda child: self._with_names(child, text))

    def _offered(self, q: query.Query, text: str, vocabulary: Vocabulary) -> list[Correction]:
        """In the query language nothing is corrected, but a word the archive does not
        have gets a "did you mean" (where the query's words were not rewritten)."""
        if rewrite_explicit(text) != text:
            return []
        offered = []
        for leaf in q.leaves():
            start, end = getattr(leaf, "startchar", None), getattr(leaf, "endchar", None)
            if type(leaf) is not query.Term or leaf.fieldname != "text" or start is None:
                continue
            typed = text[start:end]
            if not typed.isalpha() or not self._absent(typed.lower(), vocabulary):
                continue
            if (found := vocabulary.correct(typed.lower())) is not None:
                offered.append(Correction(typed, start, end, _cased(found[0], typed), False))
        return offered

    def _read_plain(
        self,
        text: str,
        plan: QueryPlan,
        vocabulary: Vocabulary,
        correct: bool,
        limits: QueryLimits,
    ) -> None:
        question = False
        bare: list[tuple[str, int, int]] = []
        for match in _CLAUSE.finditer(text):
            minus, fieldname, phrase, word = match.group("minus", "field", "phrase", "word")
            if fieldname or phrase is not None:
                typed = match.group()[1:] if minus else match.group()
                clause = self._field_clause(fieldname, phrase, typed, limits)
                if clause is None:
                    continue
                (plan.excluded if minus else plan.required).append(clause)
            elif minus:  # the word as the text has it, not in titles or speakers' names
                if (excluded := self._spellings(word, vocabulary, soft=True)) is not None:
                    plan.excluded.append(excluded)
            else:
                word = _CONTRACTION.sub("", word)
                if not bare and word.lower() in QUESTION_WORDS:
                    question = True
                if word.lower() not in {b[0].lower() for b in bare}:  # a repeat adds nothing
                    bare.append((word, match.start("word"), match.start("word") + len(word)))
        wanted = [b for b in bare if not _asks(b[0], question)]
        if not wanted and not plan.required:
            wanted, bare = bare, []  # only stop words: search them, as written
        for typed, start, end in bare:  # "say" in a question adds to the score only
            if (typed, start, end) in wanted or typed.lower() in FUNCTION_WORDS:
                continue
            if (optional := self._spellings(typed, vocabulary, soft=True)) is not None:
                plan.optional.append(optional)
        for typed, start, end, q in self._merge_long_forms(wanted, vocabulary):
            if q is None:
                q = self._checked_spellings(typed, start, end, plan, vocabulary, correct)
            if q is not None:
                plan.words.append(Word(typed, start, end, q))

    def _checked_spellings(
        self,
        typed: str,
        start: int,
        end: int,
        plan: QueryPlan,
        vocabulary: Vocabulary,
        correct: bool,
    ) -> query.Query | None:
        spelled = self._spellings(typed, vocabulary)
        if spelled is None:
            return None
        pieces = _words(typed)
        if len(pieces) != 1 or not pieces[0].isalpha() or latin_twin(pieces[0]):
            return spelled
        lower = pieces[0].lower()
        absent = self._absent(lower, vocabulary)
        if not absent and vocabulary.doc_frequency("exact", lower) == 0:
            return spelled  # another form of a word the archive has ("threatens")
        found = vocabulary.correct(lower)
        if found is None:
            return spelled
        suggestion, confident = _cased(found[0], typed), found[1]
        # An absent word is corrected even on a weak guess, unless it sounds like a name
        # written in another script ("Campbell" for "Кэмпбелл"), which it then finds.
        key = sound_key(lower)
        sounds_found = key is not None and vocabulary.doc_frequency("sounds", key) > 0
        applied = correct and (confident or (absent and not sounds_found))
        plan.corrections.append(Correction(typed, start, end, suggestion, applied))
        return self._spellings(suggestion, vocabulary) if applied else spelled

    def _absent(self, lower: str, vocabulary: Vocabulary) -> bool:
        """Nothing in the index is written or stemmed so."""
        stem = self._term("text", lower)
        return vocabulary.doc_frequency("exact", lower) == 0 and (
            stem is None or vocabulary.doc_frequency("text", stem) == 0
        )

    def _merge_long_forms(
        self, wanted: list[tuple[str, int, int]], vocabulary: Vocabulary
    ) -> list[tuple[str, int, int, query.Query | None]]:
        """Consecutive words that spell an acronym's long form ("European Space Agency")
        become one requirement, met by the phrase or by the acronym."""
        out: list[tuple[str, int, int, query.Query | None]] = []
        i = 0
        lowered = [w.lower() for w, _, _ in wanted]
        while i < len(wanted):
            for size in range(min(8, len(wanted) - i), 1, -1):
                found = vocabulary.long_forms.get(tuple(lowered[i : i + size]))
                if found:
                    short, long = found
                    start, end = wanted[i][1], wanted[i + size - 1][2]
                    q = query.Or([query.Phrase("exact", long.split()), query.Term("exact", short)])
                    out.append((" ".join(w for w, _, _ in wanted[i : i + size]), start, end, q))
                    i += size
                    break
            else:
                out.append((*wanted[i], None))
                i += 1
        return out

    def _spellings(
        self, typed: str, vocabulary: Vocabulary, soft: bool = False
    ) -> query.Query | None:
        """Everything one typed word may be found as (see the module docstring)."""
        pieces = _words(typed)
        if not pieces:
            return None
        folded = [self._folded(p) for p in pieces]
        if len(pieces) > 1:
            joined = "".join(folded)
            options: list[query.Query] = [
                query.Phrase("exact", folded),
                query.Term("exact", joined),
            ]
            if (stem := self._term("text", joined)) is not None:
                options.append(query.Term("text", stem))
            return query.Or(options)
        piece, lower = pieces[0], folded[0]
        name = self._is_name(piece, lower, vocabulary)
        stem = self._term("text", lower)
        base = query.Term("exact", lower) if name or stem is None else query.Term("text", stem)
        if soft:
            return base
        weights = self.weights
        options: list[query.Query] = [base]
        bonus: list[query.Query] = []
        if (speaker := self._term("speaker", lower)) is not None and lower not in STOP_WORDS:
            # A name is found in the speakers of a paragraph that says only "he"; a word
            # there ("ban" in "Ban Ki-moon") only adds to the score.
            (options if name else bonus).append(
                query.Term("speaker", speaker, boost=weights.speaker)
            )
        twin = latin_twin(piece)
        if twin:  # "Рогозин" is also everything "Rogozin" is
            options.append(self._spellings(twin, vocabulary))
        elif (key := sound_key(lower)) and len(lower) >= 4:
            options.append(query.Term("sounds", key, boost=weights.sounds))
        if long := vocabulary.acronyms.get(lower):
            options.append(query.Phrase("exact", long.split()))
        if weights.title and (title := self._term("title", lower)) is not None:
            # Every paragraph of the article has its title: "who endorsed Ted Cruz" should
            # not match a paragraph about trade under "Cruz endorsed by …".
            bonus.append(query.Term("title", title, boost=weights.title))
        found = options[0] if len(options) == 1 else query.Or(options)
        if not bonus:
            return found
        return query.AndMaybe(found, bonus[0] if len(bonus) == 1 else query.Or(bonus))

    def _is_name(self, piece: str, lower: str, vocabulary: Vocabulary) -> bool:
        """An acronym typed as one ("US", "U.S."), or a name by the corpus's capitals."""
        if len(piece) >= 2 and (piece.isupper() or is_dotted_acronym(piece)):
            return True
        return vocabulary.is_name(lower, piece[:1].isupper())

    def _field_clause(
        self,
        fieldname: str | None,
        phrase: str | None,
        typed: str,
        limits: QueryLimits,
    ) -> query.Query | None:
        """A phrase (word for word, in `exact`), or a `field:` clause read by the parser."""
        if fieldname not in (None, "text") or phrase is None:
            return self.parse_explicit(typed, limits)
        folded = [self._folded(p) for p in _words(phrase)]
        if not folded:
            return None
        check_phrase(len(folded), limits)
        if len(folded) == 1:
            return query.Term("exact", folded[0])
        return query.Phrase("exact", folded)

    def _term(self, fieldname: str, word: str) -> str | None:
        return self.schema[fieldname].term(word)

    def _folded(self, word: str) -> str:
        return self.schema["exact"].term(word) or word.lower()


def _cased(suggestion: str, typed: str) -> str:
    """The suggestion capitalized as the word was typed ("Rogozn" → "Rogozin")."""
    return suggestion[:1].upper() + suggestion[1:] if typed[:1].isupper() else suggestion


def _asks(word: str, question: bool) -> bool:
    """A word that asks rather than searches: a stop word, a question word, or (in a
    question) a speech verb. A word typed in capitals ("US", "IT") is an acronym."""
    pieces = _words(word)
    if not pieces or len(pieces) > 1:
        return False
    piece = pieces[0]
    if len(piece) >= 2 and (piece.isupper() or is_dotted_acronym(piece)):
        return False
    lower = piece.lower()
    return (
        lower in FUNCTION_WORDS or lower in QUESTION_WORDS or (question and lower in SPEECH_VERBS)
    )


def _words(typed: str) -> list[str]:
    return [spelling for _pos, _s, _e, spelling in words(typed, variants=False)]

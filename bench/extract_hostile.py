"""The paragraphs that once stalled a reindex, timed through extraction (issue 11).

    .venv/bin/python bench/extract_hostile.py [--timeout S] [--only NAME]

Each input is one article, of one paragraph unless blank lines part it, run through `paragraph_docs` (what a reindex
calls per article) in a child process of its own, so one that never finishes is reported
as over `--timeout` instead of holding up the rest. Prints seconds per input (the first
includes loading the name lists). `--uncapped` lifts the extraction size limits, to time
the rules alone: they should grow linearly with the input. The bar: no
paragraph slower than 2 s. The machine is shared and noisy: compare figures of one run.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
BAR_S = 2.0


def news(size: int) -> str:
    """Ordinary news text as one paragraph of `size` characters: the seed articles'
    paragraphs joined by spaces and repeated."""
    seed = " ".join(
        " ".join(path.read_text(encoding="utf-8").split()) for path in sorted(SEEDS.glob("*.txt"))
    )
    return ((seed + " ") * (size // (len(seed) + 1) + 1))[:size]


INPUTS: dict[str, Callable[[], str]] = {
    "a + 100,000 spaces + b": lambda: "a" + " " * 100_000 + "b",
    "a + 100,000 tabs + b": lambda: "a" + "\t" * 100_000 + "b",
    "'said ' x 20,000": lambda: "said " * 20_000,
    "request for comment x 3,000": lambda: (
        "did not respond to Politico's request for comment " * 3_000
    ),
    # Shapes that were quadratic in the rules behind those, found while fixing them.
    "'‘a ' x 30,000": lambda: "‘a " * 30_000,
    "'He said ' x 12,500": lambda: "He said " * 12_500,
    "quoted possessive x 5,000": lambda: "Trump's claim “it is so” " * 5_000,
    "description x 10,000": lambda: "The senator said " * 10_000,
    "quotations x 4,000": lambda: "“We will,” Jane Doe said. " * 4_000,
    "Cap. x 25,000": lambda: "Cap. " * 25_000,
    # The attribution model's proposals (issue 13): every "they" and "the company" asks for
    # the organisations named before, and every bare quotation for its alternatives.
    "org then 'they said' x 8,000": lambda: "Acme Corp said it. They said so. " * 4_000,
    "'The company said ' x 8,000": lambda: "Acme Corp hired. The company said " * 4_000,
    "bare quotations x 6,000": lambda: "“We will not stop here at all,” " * 6_000,
    "name-word descriptions x 8,000": lambda: (
        "Harlow Museum of Art opened. The museum said " * 4_000
    ),
    # Single quotation marks (UK style): a search for the closing mark passes apostrophes.
    '"x \'a" x 50,000': lambda: "x 'a" * 50_000,
    "\" 'a's\" x 40,000": lambda: " 'a's" * 40_000,
    # Stop 20's shapes: colons before quotations, spokespeople, police, places after "of".
    "colon quotations x 5,000": lambda: "Ana Ruiz then boomed: “We will.” " * 5_000,
    "spokespeople x 3,000": lambda: "A spokesperson for Harlow Borough Council said " * 3_000,
    "'Police said' x 10,000": lambda: "Police said police said " * 5_000,
    "places after 'of' x 3,000": lambda: (
        "Jo Bloggs, 58, of Elm Grove, Sedgeford, admitted " * 3_000
    ),
    "plural possessives x 8,000": lambda: "The Teachers' Society of Farmers' Union " * 4_000,
    # Stop 25's shapes: organisations introduced by a noun, ", but" clauses in one long
    # sentence, roles written before names, "The Post" among many "... Post"s.
    "introduced organisations x 3,000": lambda: " ".join(
        f"Independent company Acme{i:05d} Theatre staged it, the company said."
        for i in range(3_000)
    ),
    "clauses after but x 8,000": lambda: (
        "Ana Ruiz won, but Maria Holt replied, and she said " * 4_000
    ),
    "roles before names x 5,000": lambda: "The research firm Mardell Insight said " * 5_000,
    "The Post x 3,000": lambda: " ".join(
        f"The Daily{i:05d} Post reported it. The Post said so." for i in range(3_000)
    ),
    # Stop 26's: roles given to thousands of people and called by, a dateline of one
    # 180 KB word.
    "roles given and called x 3,000": lambda: " ".join(
        f"Housing Minister Ana Ruiz{i:05d} spoke. The minister said so." for i in range(3_000)
    ),
    "dateline x 20,000": lambda: "Pretoria" + "-Pretoria" * 20_000 + " – The minister said so.",
    "prefixed names and lists x 3,000": lambda: (
        "Liam Ó hAodha of Baile na Móna, hand, foot and mouth, said " * 3_000
    ),
    "appeals and results x 3,000": lambda: (
        "Ana Ruiz appealed to the board to act and posted a 9% rise in " * 3_000
    ),
    # Stop 27's: titled coordinations, documents issued and cited, findings and additions
    # whose clause is looked for, a transcript label, plural names.
    "titles, documents and findings x 3,000": lambda: " ".join(
        f"Ana Ruiz{i:05d} and House Speaker Dev Rana said in a statement that a study led by "
        f"Dr Lee Tan of the Waste Solutions found the roof had gone; the statement said it "
        f"would add {i} more. Moriarty: Not this year."
        for i in range(3_000)
    ),
    # Stop 28's: public bodies by their place, organisations' appositives and acronyms,
    # offices run into names, subjects modified by a place, claims of things, data cited.
    "public bodies, offices and appositives x 3,000": lambda: " ".join(
        f"The Kogi{i:05d} government, the Office of Relief (OR{i:05d}) in Eastern Samar said "
        f"Minister in the Ministry of Finance Nadira Persad{i:05d} claimed the winner; Najma "
        f"Air{i:05d}, the low-cost carrier based in Dubai, said, according to Harbour data."
        for i in range(3_000)
    ),
    # Stop 29's: statements by an officer, appositive names after possessive roles, name
    # particles and apostrophes, firms of partners, nicknames, documents made by someone.
    "statements, particles and makers x 3,000": lambda: " ".join(
        f"The Kogi{i:05d} State Government, in a statement by the Commissioner for "
        f"Information, Mr Friday Ade{i:05d}, said Bhengu’s lawyer, Advocate Johan van der "
        f"Merwe{i:05d} SC, had argued; Harrowgate & Finch{i:05d} and Marcia “Queen Bee” "
        f"Ng’ang’a{i:05d} of Makerere University's Crime Unit said the research, led by Dr "
        f"Tan{i:05d} of the Observatory, found it."
        for i in range(3_000)
    ),
    # Stop 30's: honours, portfolios, seats in brackets, German and French quotation
    # marks, shared surnames, a bench, banners, a sentence's leader before a quotation.
    "honours, portfolios and quotation marks x 3,000": lambda: " ".join(
        f"Tan Sri Lim{i:05d} Keng Huat (PRN-Bukit Bintang), MEC for Education Fundile "
        f"Gqwetha{i:05d}, „Bridges fall down,“ and «Nous» Mr Mokoena{i:05d} of the Institute "
        f"in Leiden, a Free Democrat, denied bail; the Bench observed a banner reading “Out”. "
        f"Baxendale{i:05d} laughs at that. ‘I had other conditions.’ „unclosed"
        for i in range(3_000)
    ),
    # Stop 33's: sources inside another's words, dash asides, causes and offices as names,
    # domains, sentence openers, mojibake, appositive pairs.
    "nested sources, causes and repaired text x 3,000": lambda: " ".join(
        f"The Valley{i:05d} Times reports Glenn Barker{i:05d} will endorse Cruz — who spoke "
        f"at length — as Americans for Prosperity{i:05d} and the Manhattan District Attorney's "
        f"Office said GunBroker.com reported. Maybe Ruiz{i:05d} is right, FranÃ§ois Hol{i:05d} "
        f"said; two members, Reps. Ana Tull{i:05d} and Mia Ocampo{i:05d}, said so."
        for i in range(3_000)
    ),
    # An article of 4,000 paragraphs whose people share one surname, each paragraph with a
    # bare "Smith" and a "Mr Smith": each once asked for all the Smiths (stop 30's first
    # shared-surname code, 10 s at 4,000). Paragraphs are separated by blank lines.
    "4,000 Smiths, one surname": lambda: "\n\n".join(
        f"Jo{chr(98 + i % 24)}{chr(98 + i // 24 % 24)}{chr(98 + i // 576)} Smith said so. Smith "
        "agreed, she said. Mr Smith said it."
        for i in range(4_000)
    ),
    "400 KB of news": lambda: news(400_000),
    "5 MB of news": lambda: news(5_000_000),
}


def _extract(name: str, out: multiprocessing.Queue, uncapped: bool) -> None:
    from searchapp import paragraphs
    from searchapp.corpus import Article
    from searchapp.paragraphs import paragraph_docs

    if uncapped:  # the rules alone, without the size limits that bound them
        paragraphs.MAX_EXTRACT_PARAGRAPH = paragraphs.MAX_EXTRACT_ARTICLE = 10**12

    text = INPUTS[name]()
    start = time.perf_counter()
    texts = tuple(text.split("\n\n"))
    docs = paragraph_docs(Article(id="hostile", paragraphs=texts, source="bench"))
    out.put((time.perf_counter() - start, len(text), sum(len(doc.quotes) for doc in docs)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per input")
    parser.add_argument("--only", action="append", help="run only inputs containing this")
    parser.add_argument(
        "--uncapped", action="store_true", help="lift the extraction size limits (paragraphs.py)"
    )
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    slow = 0
    for name in INPUTS:
        if args.only and not any(part in name for part in args.only):
            continue
        results = context.Queue()
        child = context.Process(target=_extract, args=(name, results, args.uncapped), daemon=True)
        child.start()
        child.join(args.timeout)
        if child.is_alive():
            child.terminate()
            child.join()
            print(f"{name:32} > {args.timeout:.0f} s (stopped)", flush=True)
            slow += 1
            continue
        if results.empty():
            print(f"{name:32} failed (exit code {child.exitcode})", flush=True)
            slow += 1
            continue
        seconds, chars, quotes = results.get()
        slow += seconds > BAR_S
        print(f"{name:32} {seconds:8.2f} s  {chars:>9,} chars  {quotes} quotes", flush=True)
    print(f"bar: every input under {BAR_S:.0f} s: {'met' if not slow else 'NOT met'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())

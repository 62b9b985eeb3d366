"""Derived titles on PolNeAR with the front-matter titles removed: how many start with page
furniture, and how many stop at an abbreviation ("The St", "Donald J").

    .venv/bin/python bench/derived_titles.py [--sample N] [--seed S] [--show] [--polnear DIR]

PolNeAR states every title, so removing it shows what `derive_title` would give an
archive without front matter. The checks here are written apart from the rules in
`searchapp/extract/leads.py`, so they are not the same mistakes twice: a dateline
(capitals, then a dash or a wire's name), a date label, a byline or credit, a section label
(no lower-case word), a title ending at a title's or an initial's period. `--show` prints
the titles that fail. The bar: none of them.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import replace
from pathlib import Path

from searchapp.corpus import read_corpus
from searchapp.paragraphs import article_docs

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear"
CHECKS = {
    "dateline": re.compile(
        r"^(?:[A-Z][A-Z.'’ -]{2,}(?:,[^—–―]{0,30}?)?\s*(?:\([A-Za-z]+\))?\s*(?:--|—|–|―|\s-\s)"
        r"|[A-Z][a-z]+(?: [A-Z][a-z]+)* \((?:AP|AFP|UPI|Reuters|CNN)\)|\((?:CNN|AP|Reuters)\))"
    ),
    "date label": re.compile(
        r"^(?:date|published|posted|updated?|last updated)\b\W{0,3}\s*\S*\d", re.IGNORECASE
    ),
    "byline": re.compile(
        r"^(?:(?:co-?authored |reporting |written )?by [A-Z]|.{0,60}contributed (?:reporting|to))",
        re.IGNORECASE,
    ),
}
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|Sens?|Reps?|Gov|St|Gen|Lt|Jr|Sr|Rev|Ft|Col|Sgt|Prof|Mt|No|Vs)|\b[A-Z])$"
)


def failures(title: str) -> list[str]:
    cut = not title.endswith(("…", ".")) and bool(_ABBREVIATION_END.search(title))
    found = [name for name, check in CHECKS.items() if check.match(title)]
    if not _LOWER_WORD.search(title) and not cut:  # "Gov" alone is a cut, not a label
        found.append("section label")
    return found + ["cut at an abbreviation"] * cut


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=200, help="articles; 0 for all")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--polnear", type=Path, default=POLNEAR)
    args = parser.parse_args()
    splits = (args.polnear / split / "articles" for split in ("train", "dev"))
    articles = [article for folder in splits for article in read_corpus(folder)]
    if args.sample:
        articles = random.Random(args.seed).sample(articles, args.sample)
    counts = dict.fromkeys([*CHECKS, "section label", "cut at an abbreviation"], 0)
    furniture = 0
    for article in articles:
        title = article_docs(replace(article, title=None)).docs[0].title
        found = failures(title)
        for name in found:
            counts[name] += 1
        furniture += any(name != "cut at an abbreviation" for name in found)
        if found and args.show:
            print(f"  {', '.join(found)}: {title}")
    print(f"{len(articles)} derived titles; {furniture} start with furniture; {counts}")


if __name__ == "__main__":
    main()

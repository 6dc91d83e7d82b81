"""Write tests/fixtures/seed_article_8grams.txt: a hash of every run of 8 words in the seed article.

The content must say the article's facts in its own words (issue 9). tests/unit/test_content_files.py checks that
no 8 words in a row of any product text are also 8 words in a row of the article. The article is not in this
repository, so the test reads these hashes instead: one a line, each the first 16 hex digits of the SHA-256 of the
8 words joined by single spaces, sorted; no text of the article. Words are runs of [a-z0-9'] in the lower-cased text,
with typographic apostrophes read as straight ones.

Usage: python scripts/seed_ngrams.py [ARTICLE] [--output FILE]
ARTICLE defaults to ../shared/reference/seed-article.txt relative to the repository root. Run it again whenever the
article changes: where the article is present, the test fails if this file no longer matches it.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT.parent / "shared" / "reference" / "seed-article.txt"
FIXTURE = ROOT / "tests" / "fixtures" / "seed_article_8grams.txt"
N = 8
WORD = re.compile(r"[a-z0-9']+")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
HEADER = (
    f"# Word {N}-grams of the seed article, for tests/unit/test_content_files.py: first 16 hex digits of the SHA-256 "
    f"of {N} lower-cased words ([a-z0-9']+) joined by single spaces, one a line, sorted. No text of the article.\n"
    "# Made by scripts/seed_ngrams.py from ../shared/reference/seed-article.txt; "
    "run it again when the article changes.\n"
)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().translate(APOSTROPHES))


def ngrams(text: str, n: int = N) -> list[str]:
    """Every run of ``n`` words in ``text``, in order, each joined by single spaces."""
    found = words(text)
    return [" ".join(found[i : i + n]) for i in range(len(found) - n + 1)]


def digest(ngram: str) -> str:
    return hashlib.sha256(ngram.encode("utf-8")).hexdigest()[:16]


def ngram_hashes(text: str) -> set[str]:
    return {digest(g) for g in ngrams(text)}


def fixture_text(article: str) -> str:
    return HEADER + "".join(f"{h}\n" for h in sorted(ngram_hashes(article)))


def read_fixture(lines: Iterable[str]) -> set[str]:
    """The hashes of a fixture file's lines (comments and blank lines skipped)."""
    return {s for s in (line.strip() for line in lines) if s and not s.startswith("#")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT_ARTICLE, help="the seed article (text)")
    parser.add_argument("--output", type=Path, default=FIXTURE, help="where to write the hashes")
    args = parser.parse_args(argv)
    try:
        article = args.article.read_text(encoding="utf-8")
    except OSError as exc:
        print(f"cannot read the article {args.article}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    text = fixture_text(article)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10)) - HEADER.count(chr(10))} hashes to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

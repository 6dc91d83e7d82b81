"""How alike two short texts are, for finding near-duplicate prompts (tests/unit/test_content_files.py).

``tokens`` reduces a text to its content words: lower-case, punctuation and contractions gone, common English
function words dropped, light suffix stemming (``feelings``, ``feeling`` and ``feel`` meet; ``felt`` stays apart).
Two scores compare the results, each a Jaccard index (shared over all): of the content-word sets, and of the
character trigrams of the normalised text, which also sees near-spellings and stems the stemmer misses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
CONTRACTION = re.compile(r"'[a-z]+$")  # what's, you're, we've, I'll, I'd, I'm, don't: the stem carries the word

STOP_WORDS: frozenset[str] = frozenset(
    """a an the and or but if so as of at by for from in into on onto to up down out over off with without about
    than then too very just also even still ever only really
    i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his she her hers it its
    they them their theirs this that these those there here
    what which who whom whose when where why how
    is are was were be been being am do does did done doing have has had having
    will would shall should can could may might must
    not no nor don doesn didn isn aren wasn weren won wouldn couldn shouldn can't
    one some any each every all both either neither other another such own same
    let tell describe name think""".split()
)


def _strip(word: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            return base + "y" if suffix in ("ies", "ied") else base
    return word


def stem(word: str) -> str:
    """A light, rule-of-thumb stem: a plural ending off, then an -ed or -ing, a doubled final consonant made single
    and a final silent e off. Enough to make inflections of one word meet; not a real stemmer (``felt`` and ``feel``
    stay apart)."""
    if not word.endswith(("ss", "us", "is")):
        word = _strip(word, ("ies", "es", "s"))
    base = _strip(word, ("ied", "ing", "ed"))
    if base != word and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
        base = base[:-1]  # stopped -> stop, planning -> plan
    return base[:-1] if base.endswith("e") and len(base) > 3 else base


def tokens(text: str) -> list[str]:
    """The content words of ``text``, stemmed, in order."""
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    words = (CONTRACTION.sub("", w) for w in WORD.findall(lowered))
    return [stem(w) for w in words if w and w not in STOP_WORDS]


def normalise(text: str) -> str:
    return " ".join(tokens(text))


def trigrams(normalised: str) -> set[str]:
    padded = f" {normalised} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Shared over all (0 when either set is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def word_jaccard(a: str, b: str) -> float:
    return jaccard(set(tokens(a)), set(tokens(b)))


def trigram_jaccard(a: str, b: str) -> float:
    return jaccard(trigrams(normalise(a)), trigrams(normalise(b)))


@dataclass(frozen=True)
class Pair:
    first: str  # the two items' ids
    second: str
    words: float  # word_jaccard
    chars: float  # trigram_jaccard

    @property
    def score(self) -> float:
        return max(self.words, self.chars)

    def __str__(self) -> str:
        return f"{self.first} ~ {self.second} (words {self.words:.2f}, trigrams {self.chars:.2f})"


def closest_pairs(items: Iterable[tuple[str, str]], floor: float = 0.0) -> list[Pair]:
    """Every pair of ``(id, text)`` items scoring at least ``floor`` on either measure, closest first."""
    prepared = [(item_id, set(tokens(text)), trigrams(normalise(text))) for item_id, text in items]
    found = []
    for (id_a, words_a, chars_a), (id_b, words_b, chars_b) in combinations(prepared, 2):
        pair = Pair(id_a, id_b, jaccard(words_a, words_b), jaccard(chars_a, chars_b))
        if pair.score >= floor:
            found.append(pair)
    return sorted(found, key=lambda p: (-p.score, p.first, p.second))

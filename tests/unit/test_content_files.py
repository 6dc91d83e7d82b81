"""The authored content files as shipped (issue 9): they load cleanly, the decks have their planned shape, every
reference resolves, no two prompts are near-duplicates, and no run of 8 words is copied from the seed article.

These check the real files in src/intimacy_desktop/content/en/, so they keep passing as the wording changes and
fail only when the content breaks a rule. Failure messages name the file, the item's id and the field, never its
text. The seed article is not in this repository: tests/fixtures/seed_article_8grams.txt holds hashes of its
8-grams (scripts/seed_ngrams.py makes it), and where the article is present it is checked against it too.
"""

from __future__ import annotations

import functools
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from text_similarity import Pair, closest_pairs, trigram_jaccard, word_jaccard

from intimacy_desktop import resources
from intimacy_desktop.core.content import DEPTHS, Content, Mode
from intimacy_desktop.core.content_loader import GLOSSARY_FILE, LAYERS_FILE, PROMPT_FILES, load_content
from intimacy_desktop.core.layers import LAYERS, Layer
from intimacy_desktop.core.practice_loader import ASSESSMENTS_FILE, EXERCISE_FILES, PROGRAMS_FILE

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from seed_ngrams import DEFAULT_ARTICLE, FIXTURE, fixture_text, ngram_hashes, read_fixture, words  # noqa: E402

PROMPTS_PER_DEPTH = 40
PROMPTS_PER_LAYER = PROMPTS_PER_DEPTH * len(DEPTHS)  # 120
PROMPTS = PROMPTS_PER_LAYER * len(LAYERS)  # 480

# Near-duplicates. Measured on the 480 prompts (114,960 pairs) when this was written, the closest pair scored 0.33
# on content words and 0.37 on character trigrams (two "teacher, coach, or mentor" prompts that ask different
# things); a paraphrase that keeps most of the wording scores 0.5 to 1.0 on both. A pair fails at either limit.
MAX_WORD_JACCARD = 0.40
MAX_TRIGRAM_JACCARD = 0.45


@functools.cache
def _content() -> Content:
    """Loaded once. Not a fixture: pytest would print a fixture's value (the content's text) beside a failure."""
    return load_content()


def _raw(name: str) -> dict[str, Any]:
    return resources.load_toml(name)


def _prompt_file(layer: Layer) -> str:
    return f"prompts_{layer.value}.toml"


# ---- loading and shape ----------------------------------------------------------------------------------------------
def test_the_language_folder_holds_exactly_the_files_the_loader_reads() -> None:
    names = sorted(f.name for f in resources.content_files())
    practice = [*EXERCISE_FILES, ASSESSMENTS_FILE, PROGRAMS_FILE]  # issue 10's, read by core/practice_loader.py
    assert names == sorted([LAYERS_FILE, GLOSSARY_FILE, *PROMPT_FILES, *practice])


def test_every_file_loads_without_problems() -> None:
    problems = [str(p) for p in _content().problems]
    assert not problems, "content problems:\n" + "\n".join(problems)


def test_480_prompts_120_a_layer_40_a_depth() -> None:
    content = _content()
    counts = Counter((p.layer, p.depth) for p in content.prompts)
    wrong = [
        f"{_prompt_file(layer)}: {counts[layer, depth]} {depth.value} prompts, not {PROMPTS_PER_DEPTH}"
        for layer in LAYERS
        for depth in DEPTHS
        if counts[layer, depth] != PROMPTS_PER_DEPTH
    ]
    stray = sorted(p.id for p in content.prompts if p.layer not in LAYERS)
    assert not wrong, "\n".join(wrong)
    assert not stray, f"prompts outside the four layers: {stray}"
    by_layer = Counter(p.layer for p in content.prompts)
    assert [by_layer[layer] for layer in LAYERS] == [PROMPTS_PER_LAYER] * len(LAYERS)
    total = len(content.prompts)
    assert total == PROMPTS


def _all_ids(content: Content) -> Iterator[tuple[str, str]]:
    """(id, where) of every item that has an id: prompts, glossary terms, figures and tables."""
    for prompt in content.prompts:
        yield prompt.id, f"{_prompt_file(prompt.layer)} prompt"
    for term_id in content.glossary:
        yield term_id, f"{GLOSSARY_FILE} term"
    for layer in content.layers.values():
        for figure in layer.figures:
            yield figure.id, f"{LAYERS_FILE} figure of {layer.id.value}"
    for table in content.tables:
        yield table.id, f"{LAYERS_FILE} figure_table"


def test_ids_are_unique_across_all_files() -> None:
    where: dict[str, list[str]] = {}
    for item_id, place in _all_ids(_content()):
        where.setdefault(item_id, []).append(place)
    shared = {item_id: places for item_id, places in where.items() if len(places) > 1}
    assert not shared, "ids used more than once:\n" + "\n".join(
        f"{item_id}: {'; '.join(places)}" for item_id, places in sorted(shared.items())
    )


@pytest.mark.parametrize("layer", LAYERS, ids=[layer.value for layer in LAYERS])
def test_every_layer_has_its_text_and_figures(layer: Layer) -> None:
    text = _content().layers.get(layer)
    if text is None:
        pytest.fail(f"{LAYERS_FILE}: no [[layer]] with id {layer.value!r}")
    empty = [field for field in ("name", "summary", "definition") if not getattr(text, field).strip()]
    figures = len(text.figures)
    assert not empty, f"{LAYERS_FILE}: {layer.value}: empty {', '.join(empty)}"
    assert figures >= 1, f"{LAYERS_FILE}: {layer.value}: no [[layer.figure]]"


def test_every_key_term_names_a_glossary_term() -> None:
    # Read from the file itself: the loader drops a key term it cannot find (and reports it as a problem).
    terms = {t["id"] for t in _raw(GLOSSARY_FILE)["term"]}
    unknown = [
        f"{LAYERS_FILE}: {layer['id']}, key_terms: no glossary term {term!r}"
        for layer in _raw(LAYERS_FILE)["layer"]
        for term in layer.get("key_terms", [])
        if term not in terms
    ]
    assert not unknown, "\n".join(unknown)


def test_every_glossary_term_names_layers_that_exist() -> None:
    content = _content()
    known = {layer.value for layer in LAYERS} & {layer.value for layer in content.layers}
    wrong = [
        f"{GLOSSARY_FILE}: {term['id']}, layers: {value!r} is not a layer with a text"
        for term in _raw(GLOSSARY_FILE)["term"]
        for value in term.get("layers", [])
        if value not in known
    ]
    empty = sorted(t.id for t in content.glossary.values() if not t.layers)
    assert not wrong, "\n".join(wrong)
    assert not empty, f"{GLOSSARY_FILE}: terms that name no layer: {empty}"


@pytest.mark.parametrize("layer", LAYERS, ids=[layer.value for layer in LAYERS])
def test_every_deck_has_prompts_for_both_modes(layer: Layer) -> None:
    modes = {p.mode for p in _content().prompts_for(layer)}
    missing = sorted(m.value for m in set(Mode) - modes)
    assert not missing, f"{_prompt_file(layer)}: no {' or '.join(missing)} prompts"


def test_every_figure_and_table_says_where_it_comes_from() -> None:
    content = _content()
    unsourced = [f"{LAYERS_FILE}: {figure.id}" for layer in content.layers.values() for figure in layer.figures
                 if not figure.source.strip()]
    unsourced += [f"{LAYERS_FILE}: {table.id}" for table in content.tables if not table.source.strip()]
    assert not unsourced, "no source:\n" + "\n".join(unsourced)


# ---- near-duplicate prompts -----------------------------------------------------------------------------------------
def _too_similar(pair: Pair) -> bool:
    return pair.words >= MAX_WORD_JACCARD or pair.chars >= MAX_TRIGRAM_JACCARD


def test_no_two_prompts_are_near_duplicates() -> None:
    floor = min(MAX_WORD_JACCARD, MAX_TRIGRAM_JACCARD)
    close = [str(p) for p in closest_pairs(((p.id, p.text) for p in _content().prompts), floor) if _too_similar(p)]
    assert not close, (
        f"prompts too alike (limits: words {MAX_WORD_JACCARD}, trigrams {MAX_TRIGRAM_JACCARD}):\n"
        + "\n".join(close)
    )


CARED_FOR = "What is one small thing I did this week that made you feel cared for?"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (CARED_FOR, "Which small thing did I do this week that made you feel cared for?"),
        ("Name a song that instantly lifts your mood, and tell me what you picture while it plays.",
         "Which song always lifts your mood, and what do you picture when it plays?"),
        ("When do you feel most like a team with me, and when do you feel most on your own?",
         "When do you feel most like we are a team, and when do you feel most alone?"),
        ("Tell me about one small thing I did this week that made you feel looked after.",
         "What's one little thing I did this week that made you feel looked after?"),
    ],
)
def test_the_detector_flags_a_paraphrase(first: str, second: str) -> None:
    [pair] = closest_pairs([("a", first), ("b", second)])
    assert _too_similar(pair), str(pair)


@pytest.mark.parametrize(
    "second",
    [
        "Which city would you most like to visit together, and why?",
        "What is one thing you wish I understood about how you handle stress?",
        "Tell me about a teacher who believed in you before you believed in yourself.",
    ],
)
def test_the_detector_passes_different_prompts(second: str) -> None:
    [pair] = closest_pairs([("a", CARED_FOR), ("b", second)])
    assert not _too_similar(pair), str(pair)
    assert word_jaccard(CARED_FOR, second) == pair.words
    assert trigram_jaccard(CARED_FOR, second) == pair.chars


# ---- nothing copied from the seed article ---------------------------------------------------------------------------
def _product_texts(content: Content) -> Iterator[tuple[str, str, str, str]]:
    """(file, id, field, text) of every text a person reads in the app."""
    for p in content.prompts:
        yield _prompt_file(p.layer), p.id, "text", p.text
        yield _prompt_file(p.layer), p.id, "follow_up", p.follow_up
    for layer in content.layers.values():
        for field in ("name", "summary", "definition"):
            yield LAYERS_FILE, layer.id.value, field, getattr(layer, field)
        for figure in layer.figures:
            yield LAYERS_FILE, figure.id, "text", figure.text
            yield LAYERS_FILE, figure.id, "note", figure.note
    for table in content.tables:
        yield LAYERS_FILE, table.id, "title", table.title
    for term in content.glossary.values():
        yield GLOSSARY_FILE, term.id, "definition", term.definition


def _copied(text: str, article: frozenset[str]) -> int:
    """How many of ``text``'s 8-word runs are also in the article (given as hashes)."""
    return len(ngram_hashes(text) & article)


@functools.cache
def _article_hashes() -> frozenset[str]:
    with FIXTURE.open(encoding="utf-8") as lines:
        hashes = read_fixture(lines)
    assert len(hashes) > 1000, f"{FIXTURE.name}: only {len(hashes)} hashes; run scripts/seed_ngrams.py"
    return frozenset(hashes)


def _article() -> str:
    if not DEFAULT_ARTICLE.is_file():
        pytest.skip(f"the seed article is not here ({DEFAULT_ARTICLE})")
    return DEFAULT_ARTICLE.read_text(encoding="utf-8")


def test_no_text_repeats_8_words_of_the_article() -> None:
    article_hashes = _article_hashes()
    copied = [
        f"{file}: {item_id}, {field}: {count} run(s) of 8 words from the article"
        for file, item_id, field, text in _product_texts(_content())
        if (count := _copied(text, article_hashes))
    ]
    assert not copied, "\n".join(copied)


def test_the_fixture_matches_the_article() -> None:
    article = _article()
    current = FIXTURE.read_text(encoding="utf-8") == fixture_text(article)
    assert current, f"{FIXTURE.name} is stale: run python scripts/seed_ngrams.py"


def test_the_check_finds_8_words_copied_from_the_article() -> None:
    article_words, article_hashes = words(_article()), _article_hashes()
    middle = len(article_words) // 2
    run = " ".join(article_words[middle : middle + 8])
    found = _copied(f"We talked it over, and {run}, or so we thought.", article_hashes)
    too_short = _copied(" ".join(article_words[middle : middle + 7]), article_hashes)  # 7 words are not a run of 8
    assert (found, too_short) == (1, 0)

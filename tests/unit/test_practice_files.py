"""The exercise, assessment and program files as shipped (issue 10): they load without a problem (so every reference
resolves and every band covers its range), the counts are met, every exercise names its source, ids are unique across
all content, each hours question is set beside a row of the article's table, and nothing repeats 8 words of the
article. Failure messages name file, id and field, never the text."""

from __future__ import annotations

import functools
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from intimacy_desktop.core.content import Mode
from intimacy_desktop.core.content_loader import load_content
from intimacy_desktop.core.layers import LAYERS
from intimacy_desktop.core.practice import Practice, Scale, Scoring, StepKind
from intimacy_desktop.core.practice_loader import ASSESSMENTS_FILE, PROGRAMS_FILE, load_practice

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from seed_ngrams import FIXTURE, ngram_hashes, read_fixture  # noqa: E402

EXERCISES_PER_LAYER = 12
ASSESSMENTS = {"growth-scorecard", "pushing-too-hard", "codependency-or-intimacy", "communication-pitfalls",
               "intimacy-myths", "love-expression", "vulnerability-inventory", "digital-intimacy-audit"}
PROGRAMS = {"trust-after-betrayal", "seven-habits-30-days", "highs-and-lows-30-days", "weekly-check-in"}


@functools.cache
def _practice() -> Practice:
    return load_practice()


def test_every_practice_file_loads_without_problems() -> None:
    problems = [str(p) for p in _practice().problems]
    assert not problems, "practice content problems:\n" + "\n".join(problems)


def test_48_exercises_12_a_layer_each_with_its_source_and_both_modes() -> None:
    practice = _practice()
    assert Counter(e.layer for e in practice.exercises) == dict.fromkeys(LAYERS, EXERCISES_PER_LAYER)
    assert all(e.source for e in practice.exercises)
    for layer in LAYERS:
        assert {e.mode for e in practice.exercises_for(layer)} == {Mode.SOLO, Mode.TOGETHER}, layer


def test_every_step_kind_appears_in_every_layer() -> None:
    for layer in LAYERS:
        kinds = {s.kind for e in _practice().exercises_for(layer) for s in e.steps}
        assert kinds == set(StepKind), f"{layer}: missing {set(StepKind) - kinds}"


def test_the_eight_assessments_and_four_programs() -> None:
    practice = _practice()
    assert {a.id for a in practice.assessments} == ASSESSMENTS
    assert {p.id for p in practice.programs} == PROGRAMS
    scorecard = practice.assessment("growth-scorecard")
    assert scorecard is not None and len(scorecard.items) == 10 and scorecard.scoring is Scoring.COUNT
    assert [b.min for b in scorecard.bands][-1] == 7  # the article's threshold: at least 7 of 10
    love = practice.assessment("love-expression")
    assert love is not None and love.scoring is Scoring.PROFILE and not love.bands
    ways = {d.id.rsplit("-", 1)[0] for d in love.dimensions}
    assert len(ways) == 5 and {d.id.rsplit("-", 1)[1] for d in love.dimensions} == {"give", "receive"}
    myths = practice.assessment("intimacy-myths")
    assert myths is not None and len(myths.items) == 7 and all(i.explanation for i in myths.items)
    betrayal = practice.program("trust-after-betrayal")
    assert betrayal is not None and "helpline" in betrayal.care and "therapist" in betrayal.care


def test_each_hours_question_is_set_beside_a_row_of_the_digital_habits_table() -> None:
    [table] = [t for t in load_content().tables if t.id == "digital-habits"]
    rows = set(table.row_ids)
    audit = _practice().assessment("digital-intimacy-audit")
    assert audit is not None
    hours = [i for i in audit.items if i.scale is Scale.HOURS]
    assert len(hours) == len(table.rows) and {i.reference for i in hours} == rows


def test_ids_are_unique_across_all_content() -> None:
    content, practice = load_content(), _practice()
    ids = [p.id for p in content.prompts] + list(content.glossary) + [t.id for t in content.tables]
    ids += [f.id for layer in content.layers.values() for f in layer.figures]
    ids += [e.id for e in practice.exercises] + [a.id for a in practice.assessments]
    ids += [p.id for p in practice.programs]
    twice = sorted(i for i, n in Counter(ids).items() if n > 1)
    assert not twice, f"ids used more than once: {twice}"


def _texts(practice: Practice) -> Iterator[tuple[str, str, str, str]]:
    for e in practice.exercises:
        name = f"exercises_{e.layer.value}.toml"
        yield name, e.id, "title/summary", f"{e.title}\n{e.summary}"
        for s in e.steps:
            yield name, e.id, f"step {s.id}", "\n".join([s.text, s.low, s.high, *(o.label for o in s.options)])
    for a in practice.assessments:
        yield ASSESSMENTS_FILE, a.id, "intro/note", f"{a.title}\n{a.summary}\n{a.intro}\n{a.note}"
        for i in a.items:
            yield ASSESSMENTS_FILE, a.id, f"item {i.id}", f"{i.text}\n{i.explanation}"
        for n, b in enumerate(a.bands, start=1):
            yield ASSESSMENTS_FILE, a.id, f"band {n}", f"{b.title}\n{b.text}"
    for p in practice.programs:
        yield PROGRAMS_FILE, p.id, "intro/care", f"{p.title}\n{p.summary}\n{p.intro}\n{p.care}"
        for st in p.steps:
            yield PROGRAMS_FILE, p.id, f"step {st.id}", f"{st.title}\n{st.text}"


def test_no_practice_text_repeats_8_words_of_the_article() -> None:
    with FIXTURE.open(encoding="utf-8") as lines:
        article = frozenset(read_fixture(lines))
    copied = [f"{file}: {item}, {field}" for file, item, field, text in _texts(_practice())
              if any(ngram_hashes(part) & article for part in text.split("\n"))]
    assert not copied, "runs of 8 words from the article:\n" + "\n".join(copied)

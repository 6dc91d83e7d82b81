"""Read and check the exercise, assessment and program files (issue 10) into core/practice.py's dataclasses.

The same rules as the layers and prompts (core/content_loader.py): a missing or broken file, or a wrong item, is left
out and named (file, item, field), the rest loads, nothing crashes and no text reaches the log. Beyond each field,
an item must make sense as a whole: an exercise's branches only go forward, a together exercise gives each partner a
turn, an assessment's bands cover every possible score once, and what a band or a program step points to exists
(a reference that does not is dropped and named, the item stays).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from itertools import pairwise
from typing import Any

from intimacy_desktop import resources
from intimacy_desktop.core.content import TAGS, ContentProblem, Mode
from intimacy_desktop.core.content_fields import (
    Bad,
    Reader,
    choice,
    flag,
    item_id,
    items,
    strings,
    tables,
    text,
    whole,
)
from intimacy_desktop.core.layers import LAYERS, Layer
from intimacy_desktop.core.practice import (
    FIVE_POINT,
    Assessment,
    Band,
    Concern,
    Dimension,
    Exercise,
    Item,
    Option,
    Partner,
    Practice,
    Program,
    ProgramStep,
    Role,
    Scale,
    Scoring,
    Step,
    StepKind,
)

log = logging.getLogger(__name__)

EXERCISE_FILES = tuple(f"exercises_{layer.value}.toml" for layer in LAYERS)
ASSESSMENTS_FILE = "assessments.toml"
PROGRAMS_FILE = "programs.toml"
HOURS_MAX = 24.0


def load_practice(lang: str = resources.DEFAULT_LANGUAGE, read: Reader | None = None) -> Practice:
    reader: Reader = read or (lambda name: resources.load_toml(name, lang))
    problems: list[ContentProblem] = []
    exercises = [e for name in EXERCISE_FILES for e in items(reader, name, "exercise", _exercise, problems)]
    assessments = items(reader, ASSESSMENTS_FILE, "assessment", _assessment, problems)
    programs = items(reader, PROGRAMS_FILE, "program", _program, problems)
    known = {e.id for e in exercises} | {a.id for a in assessments} | {p.id for p in programs}
    assessments = [_resolve_bands(a, known, problems) for a in assessments]
    programs = [_resolve_steps(p, {e.id for e in exercises}, {a.id for a in assessments}, problems) for p in programs]
    practice = Practice(tuple(exercises), tuple(assessments), tuple(programs), tuple(problems))
    for problem in problems:
        log.warning("content skipped: %s", problem)
    return practice


# ---- exercises --------------------------------------------------------------------------------------------------
def _exercise(raw: dict[str, Any]) -> Exercise:
    exercise_id = item_id(raw)
    layer = choice(raw, "layer", Layer, LAYERS)
    if not exercise_id.startswith(f"{layer.value}-"):
        raise Bad("id", "does not start with its layer")
    mode = choice(raw, "mode", Mode)
    tags = strings(raw, "tags")
    if set(tags) - TAGS:
        raise Bad("tags", f"unknown tag {sorted(set(tags) - TAGS)[0]!r}")
    steps = tuple(_step(s, i) for i, s in enumerate(tables(raw, "step"), start=1))
    exercise = Exercise(exercise_id, layer, text(raw, "title", limit=60), text(raw, "summary", limit=160),
                        whole(raw, "minutes", 3, 90) or 0, mode, text(raw, "source", limit=200), steps, tags)
    _check_flow(exercise)
    return exercise


def _step(raw: dict[str, Any], position: int) -> Step:
    try:
        kind = choice(raw, "kind", StepKind)
        step = Step(
            id=item_id(raw), kind=kind, text=text(raw, "text", limit=600),
            seconds=whole(raw, "seconds", 10, 1800, required=kind is StepKind.TIMED),
            partner=choice(raw, "partner", Partner) if kind is StepKind.TURN else None,
            role=choice(raw, "role", Role) if kind is StepKind.TURN and "role" in raw else None,
            options=tuple(Option(text(o, "label", limit=60), text(o, "goto", limit=80)) for o in tables(raw, "option")),
            low=text(raw, "low", limit=40, required=kind is StepKind.RATING),
            high=text(raw, "high", limit=40, required=kind is StepKind.RATING),
            next=text(raw, "next", limit=80, required=False),
        )
    except Bad as bad:
        raise Bad(f"step {raw.get('id', position)}.{bad.field}", bad.reason) from None
    if kind is StepKind.CHOICE and len(step.options) < 2:
        raise Bad(f"step {step.id}.option", "a choice needs at least two options")
    if kind is not StepKind.CHOICE and step.options:
        raise Bad(f"step {step.id}.option", "only a choice has options")
    if step.seconds is not None and kind not in (StepKind.TIMED, StepKind.TURN):
        raise Bad(f"step {step.id}.seconds", "only timed steps and turns have seconds")
    return step


def _check_flow(exercise: Exercise) -> None:
    steps = exercise.steps
    ids = [s.id for s in steps]
    if len(steps) < 3:
        raise Bad("step", "an exercise needs at least three steps")
    if len(set(ids)) != len(ids):
        raise Bad("step", "two steps have the same id")
    if not any(s.kind in (StepKind.REFLECTION, StepKind.RATING) for s in steps):
        raise Bad("step", "needs a reflection or a rating")
    if steps[-1].kind is StepKind.CHOICE:
        raise Bad(f"step {steps[-1].id}", "the last step cannot be a choice")
    turns = {s.partner for s in steps if s.kind is StepKind.TURN}
    if exercise.mode is Mode.SOLO and turns:
        raise Bad("step", "a solo exercise has no partner turns")
    if exercise.mode is Mode.TOGETHER and turns != {Partner.A, Partner.B}:
        raise Bad("step", "a together exercise gives each partner a turn")
    for position, step in enumerate(steps):
        for target, field in [*((o.goto, "option") for o in step.options), (step.next, "next")]:
            if target and (target not in ids or ids.index(target) <= position):
                raise Bad(f"step {step.id}.{field}", f"{target!r} is not a later step")
    timed = sum(s.seconds or 0 for s in steps)
    if timed > exercise.minutes * 60:
        raise Bad("minutes", "shorter than its timed steps")


# ---- assessments ------------------------------------------------------------------------------------------------
def _assessment(raw: dict[str, Any]) -> Assessment:
    scale = choice(raw, "scale", Scale)
    scoring = choice(raw, "scoring", Scoring)
    dimensions = tuple(Dimension(item_id(d), text(d, "name", limit=60)) for d in tables(raw, "dimension"))
    assessment_items = tuple(_item(i, n, scale, scoring) for n, i in enumerate(tables(raw, "item"), start=1))
    bands = tuple(_band(b, n) for n, b in enumerate(tables(raw, "band"), start=1))
    layers = tuple(choice({"layer": v}, "layer", Layer, LAYERS) for v in strings(raw, "layers"))
    assessment = Assessment(
        id=item_id(raw), title=text(raw, "title", limit=60), summary=text(raw, "summary", limit=160), layers=layers,
        minutes=whole(raw, "minutes", 1, 60) or 0, mode=choice(raw, "mode", Mode),
        source=text(raw, "source", limit=300), scale=scale, scoring=scoring, intro=text(raw, "intro", limit=800),
        items=assessment_items, bands=bands, dimensions=dimensions, note=text(raw, "note", limit=600, required=False),
        concern=choice(raw, "concern", Concern) if "concern" in raw else Concern.LOW,
    )
    _check_assessment(assessment)
    return assessment


def _item(raw: dict[str, Any], position: int, scale: Scale, scoring: Scoring) -> Item:
    try:
        own = choice(raw, "scale", Scale) if "scale" in raw else scale
        answer = flag(raw, "answer") if "answer" in raw else None
        item = Item(item_id(raw), text(raw, "text", limit=300), own, flag(raw, "reverse"), answer,
                    text(raw, "explanation", limit=600, required=own is Scale.TRUE_FALSE),
                    text(raw, "dimension", limit=80, required=scoring is Scoring.PROFILE),
                    text(raw, "reference", limit=80, required=False))
    except Bad as bad:
        raise Bad(f"item {raw.get('id', position)}.{bad.field}", bad.reason) from None
    if own is Scale.TRUE_FALSE and answer is None:
        raise Bad(f"item {item.id}.answer", "a true-false item needs its answer")
    return item


def _band(raw: dict[str, Any], position: int) -> Band:
    try:
        low, high = raw.get("min"), raw.get("max")
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high)):
            raise Bad("min", "min and max must be numbers")
        assert isinstance(low, int | float) and isinstance(high, int | float)
        if low > high:
            raise Bad("min", "greater than max")
        return Band(float(low), float(high), text(raw, "title", limit=60), text(raw, "text", limit=600),
                    strings(raw, "next"))
    except Bad as bad:
        raise Bad(f"band {position}.{bad.field}", bad.reason) from None


def score_range(assessment: Assessment) -> tuple[float, float]:
    """The lowest and highest score the assessment's scoring can give (profiles have none)."""
    n = len(assessment.items)
    if assessment.scoring in (Scoring.COUNT, Scoring.CORRECT):
        return 0.0, float(n)
    if assessment.scoring is Scoring.SUM:
        return float(n), 5.0 * n
    return 1.0, 5.0  # mean


def _check_assessment(assessment: Assessment) -> None:
    scored = assessment.items
    if len(scored) < 3:
        raise Bad("item", "an assessment needs at least three items")
    if len({i.id for i in scored}) != len(scored):
        raise Bad("item", "two items have the same id")
    if assessment.scoring is Scoring.PROFILE:
        dims = {d.id for d in assessment.dimensions}
        missing = [i.id for i in scored if i.dimension not in dims]
        if missing:
            raise Bad(f"item {missing[0]}.dimension", "names no dimension of this assessment")
        if assessment.bands:
            raise Bad("band", "a profile has no bands: it is a shape to talk about, not a grade")
        return
    if assessment.scoring is Scoring.CORRECT and any(i.scale is not Scale.TRUE_FALSE for i in scored):
        raise Bad("scale", "only true-false items can be answered right or wrong")
    if assessment.scoring in (Scoring.SUM, Scoring.MEAN) and any(i.scale not in FIVE_POINT for i in scored):
        raise Bad("scale", "a sum or a mean needs 1 to 5 answers")
    _check_bands(assessment)


def _check_bands(assessment: Assessment) -> None:
    """Bands in order, covering the whole range once: whole-number scores may step by one (0-6, 7-10), a mean's
    bands meet at a shared bound (1.0-2.5, 2.5-5.0; the higher band takes the bound)."""
    low, high = score_range(assessment)
    bands = sorted(assessment.bands, key=lambda b: b.min)
    if not bands:
        raise Bad("band", "a scored assessment needs bands")
    gap = 0.0 if assessment.scoring is Scoring.MEAN else 1.0
    if bands[0].min != low or bands[-1].max != high:
        raise Bad("band", f"bands must run from {low:g} to {high:g}")
    for before, after in pairwise(bands):
        if after.min != before.max + gap:
            raise Bad("band", f"a gap or an overlap between {before.max:g} and {after.min:g}")


def _resolve_bands(assessment: Assessment, known: set[str], problems: list[ContentProblem]) -> Assessment:
    bands = []
    for n, band in enumerate(assessment.bands, start=1):
        for ref in band.next:
            if ref not in known:
                problems.append(ContentProblem(ASSESSMENTS_FILE, assessment.id, f"band {n}.next", f"no item {ref!r}"))
        bands.append(replace(band, next=tuple(r for r in band.next if r in known)))
    return replace(assessment, bands=tuple(bands))


# ---- programs ---------------------------------------------------------------------------------------------------
def _program(raw: dict[str, Any]) -> Program:
    days = whole(raw, "days", 1, 366) or 1
    steps = []
    for n, s in enumerate(tables(raw, "step"), start=1):
        try:
            steps.append(ProgramStep(item_id(s), whole(s, "day", 1, days) or 1, text(s, "title", limit=80),
                                     text(s, "text", limit=800), text(s, "exercise", limit=80, required=False),
                                     text(s, "assessment", limit=80, required=False)))
        except Bad as bad:
            raise Bad(f"step {s.get('id', n)}.{bad.field}", bad.reason) from None
    if len(steps) < 2:
        raise Bad("step", "a program needs at least two steps")
    if len({s.id for s in steps}) != len(steps):
        raise Bad("step", "two steps have the same id")
    if [s.day for s in steps] != sorted(s.day for s in steps):
        raise Bad("step", "steps are not in order of their days")
    return Program(item_id(raw), text(raw, "title", limit=60), text(raw, "summary", limit=160), days,
                   text(raw, "source", limit=300), text(raw, "intro", limit=800), tuple(steps),
                   text(raw, "care", limit=800, required=False))


def _resolve_steps(program: Program, exercises: set[str], assessments: set[str],
                   problems: list[ContentProblem]) -> Program:
    steps = []
    for step in program.steps:
        exercise, assessment = step.exercise, step.assessment
        if exercise and exercise not in exercises:
            problems.append(ContentProblem(PROGRAMS_FILE, program.id, f"step {step.id}.exercise", "no such exercise"))
            exercise = ""
        if assessment and assessment not in assessments:
            problems.append(ContentProblem(PROGRAMS_FILE, program.id, f"step {step.id}.assessment",
                                           "no such assessment"))
            assessment = ""
        steps.append(replace(step, exercise=exercise, assessment=assessment))
    return replace(program, steps=tuple(steps))

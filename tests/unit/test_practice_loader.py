"""The exercise, assessment and program loader (issue 10): a wrong item is left out and named by file, item and field,
the rest loads; the rules that make an item whole (forward branches, each partner's turn, bands covering every
score once, references that exist) are checked; no text reaches the log."""

from __future__ import annotations

import copy
import logging
from typing import Any

import pytest

from intimacy_desktop.core.content import Mode
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.practice import Partner, Scale, Scoring, StepKind
from intimacy_desktop.core.practice_loader import ASSESSMENTS_FILE, PROGRAMS_FILE, load_practice

SECRET = "marmalade lighthouse quokka"  # stands for content text that must never reach the log

EXERCISE: dict[str, Any] = {
    "id": "emotional-check-in", "layer": "emotional", "title": "A check-in", "summary": "Ten minutes.",
    "minutes": 10, "mode": "together", "source": "Gottman (turning toward)", "tags": ["everyday"],
    "step": [
        {"id": "arrive", "kind": "instruction", "text": f"Sit together. {SECRET}"},
        {"id": "breathe", "kind": "timed", "text": "Breathe.", "seconds": 60},
        {"id": "a", "kind": "turn", "partner": "a", "role": "speaker", "text": "Partner A speaks.", "seconds": 120},
        {"id": "b", "kind": "turn", "partner": "b", "text": "Partner B speaks."},
        {"id": "how", "kind": "choice", "text": "Go on?", "option": [
            {"label": "Deeper", "goto": "deeper"}, {"label": "Close", "goto": "close"}]},
        {"id": "deeper", "kind": "reflection", "text": "What did you learn?", "next": "close"},
        {"id": "extra", "kind": "instruction", "text": "Skipped by the jump."},
        {"id": "close", "kind": "rating", "text": "How close?", "low": "Far", "high": "Close"},
    ],
}
ASSESSMENT: dict[str, Any] = {
    "id": "growth-scorecard", "title": "Scorecard", "summary": "Yes or no.", "layers": ["emotional"],
    "minutes": 5, "mode": "solo", "source": "The article's scorecard", "scale": "yes-no", "scoring": "count",
    "intro": "Answer honestly.",
    "item": [{"id": f"q{i}", "text": f"Question {i}?"} for i in range(1, 5)],
    "band": [{"min": 0, "max": 2, "title": "Starting", "text": "Kind words.", "next": ["weekly-check-in"]},
             {"min": 3, "max": 4, "title": "Growing", "text": "Kind words."}],
}
PROGRAM: dict[str, Any] = {
    "id": "weekly-check-in", "title": "Weekly check-in", "summary": "Once a week.", "days": 15,
    "source": "Gottman (State of the Union)", "intro": "How to use it.",
    "step": [{"id": "day-1", "day": 1, "title": "First", "text": "Appreciations.", "exercise": "emotional-check-in"},
             {"id": "day-8", "day": 8, "title": "Second", "text": "One topic.", "assessment": "growth-scorecard"}],
}


def _reader(exercises: list[dict[str, Any]] | None = None, assessments: list[dict[str, Any]] | None = None,
            programs: list[dict[str, Any]] | None = None) -> Any:
    files = {"exercises_emotional.toml": {"exercise": exercises if exercises is not None else [EXERCISE]},
             ASSESSMENTS_FILE: {"assessment": assessments if assessments is not None else [ASSESSMENT]},
             PROGRAMS_FILE: {"program": programs if programs is not None else [PROGRAM]}}

    def read(name: str) -> dict[str, Any]:
        if name not in files:
            raise FileNotFoundError(name)
        return files[name]

    return read


def test_good_files_load_into_dataclasses() -> None:
    practice = load_practice(read=_reader())
    assert [p.file for p in practice.problems] == [f"exercises_{n}.toml" for n in ("physical", "intellectual",
                                                                                  "digital")]  # missing, named
    exercise = practice.exercise("emotional-check-in")
    assert exercise is not None and exercise.mode is Mode.TOGETHER and exercise.layer is Layer.EMOTIONAL
    assert [s.kind for s in exercise.steps][:3] == [StepKind.INSTRUCTION, StepKind.TIMED, StepKind.TURN]
    assert exercise.steps[2].partner is Partner.A and exercise.steps[2].seconds == 120
    assert [o.goto for o in exercise.steps[4].options] == ["deeper", "close"]
    assessment = practice.assessment("growth-scorecard")
    assert assessment is not None and assessment.scale is Scale.YES_NO and assessment.scoring is Scoring.COUNT
    assert assessment.bands[0].next == ("weekly-check-in",)
    program = practice.program("weekly-check-in")
    assert program is not None and [s.exercise for s in program.steps] == ["emotional-check-in", ""]
    assert practice.exists("weekly-check-in") and not practice.exists("nothing")


def _with(base: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(base)
    target = changed
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


@pytest.mark.parametrize(("path", "value", "field", "reason"), [
    (("step", 4, "option", 0, "goto"), "arrive", "step how.option", "not a later step"),
    (("step", 5, "next"), "nowhere", "step deeper.next", "not a later step"),
    (("step", 3, "partner"), "a", "step", "each partner a turn"),
    (("mode",), "solo", "step", "no partner turns"),
    (("step", 1, "seconds"), 500, "minutes", "shorter than its timed steps"),  # 500 s + a 120 s turn > 10 min
    (("step", 1, "seconds"), None, "step breathe.seconds", "whole number"),
    (("step", 7, "low"), None, "step close.low", "missing"),
    (("step", 0, "seconds"), 30, "step arrive.seconds", "only timed steps"),
    (("id",), "physical-check-in", "id", "does not start with its layer"),
    (("source",), None, "source", "missing"),
    (("tags",), ["nope"], "tags", "unknown tag"),
])
def test_an_exercise_that_does_not_hold_together_is_left_out_and_named(
    path: tuple[Any, ...], value: Any, field: str, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    changed = _with(EXERCISE, path, value)
    with caplog.at_level(logging.WARNING):
        practice = load_practice(read=_reader(exercises=[changed]))
    assert practice.exercises == ()
    [problem] = [p for p in practice.problems if p.file == "exercises_emotional.toml"]
    assert (problem.item, problem.field) == (changed["id"], field) and reason in problem.reason
    assert SECRET not in caplog.text and changed["id"] in caplog.text
    assert practice.program("weekly-check-in") is not None  # the rest still loads; its dangling link is dropped
    assert practice.program("weekly-check-in").steps[0].exercise == ""  # type: ignore[union-attr]


@pytest.mark.parametrize(("bands", "reason"), [
    ([(0, 2), (4, 4)], "a gap or an overlap"),
    ([(0, 3), (3, 4)], "a gap or an overlap"),
    ([(1, 2), (3, 4)], "run from 0 to 4"),
    ([(0, 2), (3, 5)], "run from 0 to 4"),
])
def test_bands_must_cover_every_score_once(bands: list[tuple[int, int]], reason: str) -> None:
    changed = copy.deepcopy(ASSESSMENT)
    changed["band"] = [{"min": lo, "max": hi, "title": "t", "text": "x"} for lo, hi in bands]
    practice = load_practice(read=_reader(assessments=[changed]))
    assert practice.assessments == ()
    [problem] = [p for p in practice.problems if p.file == ASSESSMENTS_FILE]
    assert reason in problem.reason


def test_a_mean_s_bands_meet_at_a_shared_bound() -> None:
    mean = copy.deepcopy(ASSESSMENT) | {"scale": "agree-5", "scoring": "mean"}
    mean["band"] = [{"min": 1.0, "max": 2.5, "title": "a", "text": "x"}, {"min": 2.5, "max": 5, "title": "b",
                                                                         "text": "y"}]
    assert load_practice(read=_reader(assessments=[mean])).assessment("growth-scorecard") is not None


def test_true_false_items_need_their_answer_and_explanation_and_profiles_have_no_bands() -> None:
    quiz = copy.deepcopy(ASSESSMENT) | {"scale": "true-false", "scoring": "correct"}
    quiz["item"] = [{"id": f"m{i}", "text": "A myth?", "answer": False, "explanation": "Why."} for i in range(4)]
    quiz["item"][2].pop("explanation")
    profile = copy.deepcopy(ASSESSMENT) | {"id": "love-expression", "scale": "rate-5", "scoring": "profile",
                                           "dimension": [{"id": "words-give", "name": "Words, giving"}]}
    profile["item"] = [{"id": f"w{i}", "text": "Words?", "dimension": "words-give"} for i in range(3)]
    practice = load_practice(read=_reader(assessments=[quiz, profile]))
    assert practice.assessments == ()
    reasons = {p.item: (p.field, p.reason) for p in practice.problems if p.file == ASSESSMENTS_FILE}
    assert reasons["growth-scorecard"] == ("item m2.explanation", "missing or not text")
    assert reasons["love-expression"][0] == "band" and "not a grade" in reasons["love-expression"][1]


def test_a_reference_that_does_not_exist_is_dropped_and_named_and_the_item_stays() -> None:
    broken = _with(ASSESSMENT, ("band", 0, "next"), ["no-such-program"])
    program = _with(PROGRAM, ("step", 1, "assessment"), "no-such-assessment")
    practice = load_practice(read=_reader(assessments=[broken], programs=[program]))
    assessment, kept = practice.assessment("growth-scorecard"), practice.program("weekly-check-in")
    assert assessment is not None and assessment.bands[0].next == ()
    assert kept is not None and kept.steps[1].assessment == ""
    named = {(p.file, p.item, p.field) for p in practice.problems}
    assert (ASSESSMENTS_FILE, "growth-scorecard", "band 1.next") in named
    assert (PROGRAMS_FILE, "weekly-check-in", "step day-8.assessment") in named


def test_program_steps_must_be_in_order_of_their_days() -> None:
    program = _with(PROGRAM, ("step", 0, "day"), 9)
    practice = load_practice(read=_reader(programs=[program]))
    assert practice.programs == ()
    assert any(p.reason == "steps are not in order of their days" for p in practice.problems)

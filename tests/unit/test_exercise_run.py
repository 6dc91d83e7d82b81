"""The runner's moves as values (issue 10): straight on, a choice's branch, a step's jump, Back, ratings and
reflections kept, the end, and a paused run saved and read back (or started again when the exercise changed)."""

from __future__ import annotations

import pytest

from intimacy_desktop.core.content import Mode
from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.exercise_run import advance, back, from_json, start, to_json
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.practice import Exercise, Option, Partner, Step, StepKind

EXERCISE = Exercise(
    "emotional-check-in", Layer.EMOTIONAL, "Check-in", "x", 10, Mode.TOGETHER, "src", (
        Step("arrive", StepKind.INSTRUCTION, "Sit."),                                   # 0
        Step("a", StepKind.TURN, "A speaks.", partner=Partner.A, seconds=60),           # 1
        Step("b", StepKind.TURN, "B speaks.", partner=Partner.B),                       # 2
        Step("how", StepKind.CHOICE, "Go on?", options=(Option("Deeper", "deeper"), Option("Close", "close"))),  # 3
        Step("deeper", StepKind.REFLECTION, "Write.", next="close"),                    # 4
        Step("extra", StepKind.INSTRUCTION, "Only reached by going straight on."),     # 5
        Step("close", StepKind.RATING, "How close?", low="Far", high="Close"),          # 6
    ))


def _walk(*moves: dict[str, int]) -> list[int]:
    state = start(EXERCISE)
    seen = [state.position]
    for move in moves:
        state = advance(EXERCISE, state, **move)
        seen.append(-1 if state.finished else state.position)
    return seen


def test_straight_on_then_the_branch_taken_and_the_step_s_jump() -> None:
    assert _walk({}, {}, {}, {"option": 0}, {"entry_id": 7}, {"rating": 4}) == [0, 1, 2, 3, 4, 6, -1]
    assert _walk({}, {}, {}, {"option": 1}, {}) == [0, 1, 2, 3, 6, -1]  # the other branch skips the reflection


def test_answers_are_kept_by_step_and_back_returns_along_the_path() -> None:
    state = start(EXERCISE)
    for move in ({}, {}, {}, {"option": 0}, {"entry_id": 7}):
        state = advance(EXERCISE, state, **move)
    assert state.position == 6 and state.path == (0, 1, 2, 3, 4)
    assert state.choices == {"how": 0} and state.reflections == {"deeper": 7}
    state = back(state)
    assert state.position == 4 and state.reflections == {"deeper": 7}  # going back keeps what was written
    state = advance(EXERCISE, back(state), option=1)  # back at the choice, the other option: the other branch
    assert state.position == 6 and state.choices == {"how": 1}
    done = advance(EXERCISE, state, rating=5)
    assert done.finished and done.ratings == {"close": 5}
    assert back(done) is done and advance(EXERCISE, done) is done  # a finished run stays finished


def test_a_choice_needs_an_option_and_a_rating_stays_on_the_scale() -> None:
    at_choice = start(EXERCISE)
    for _ in range(3):
        at_choice = advance(EXERCISE, at_choice)
    with pytest.raises(UsageError) as caught:
        advance(EXERCISE, at_choice)
    assert caught.value.code == "choice_missing"
    with pytest.raises(UsageError):
        advance(EXERCISE, at_choice, option=2)
    at_rating = advance(EXERCISE, at_choice, option=1)
    with pytest.raises(UsageError):
        advance(EXERCISE, at_rating, rating=6)
    assert advance(EXERCISE, at_rating).finished  # passing on a rating is allowed


def test_a_paused_run_reads_back_the_same_and_an_outdated_one_is_refused() -> None:
    state = start(EXERCISE)
    for move in ({}, {}, {}, {"option": 0}, {"entry_id": 12}):
        state = advance(EXERCISE, state, **move)
    assert from_json(to_json(state), EXERCISE) == state
    shorter = Exercise(EXERCISE.id, EXERCISE.layer, "x", "x", 10, Mode.TOGETHER, "src", EXERCISE.steps[:4])
    for text, exercise in ((to_json(state), shorter), ("{not json", EXERCISE), ('{"exercise": 1}', EXERCISE)):
        with pytest.raises(UsageError) as caught:
            from_json(text, exercise)
        assert caught.value.code == "run_outdated"

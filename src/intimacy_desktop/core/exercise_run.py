"""Where a person is in a guided exercise, as a value (issue 10): pure, so the runner's every move is a unit test and
a paused run is this value saved (as JSON, inside the encrypted database) and read back after a restart.

Moves: ``advance`` to the next step (a choice needs the option taken, and jumps to it; a step's ``next`` jumps too;
past the last step the run is finished), ``back`` to the step shown before (the answers given stay, so going forward
again shows them). Ratings and the journal entries written for reflections are kept by step id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.practice import Exercise, Step, StepKind


@dataclass(frozen=True)
class RunState:
    exercise_id: str
    position: int = 0  # the step on screen
    path: tuple[int, ...] = ()  # the steps shown before it, in order (for Back)
    choices: dict[str, int] = field(default_factory=dict)  # choice step id -> the option taken
    ratings: dict[str, int] = field(default_factory=dict)  # rating step id -> 1..5
    reflections: dict[str, int] = field(default_factory=dict)  # reflection step id -> journal entry id
    finished: bool = False

    def step(self, exercise: Exercise) -> Step:
        return exercise.steps[self.position]

    @property
    def progress(self) -> tuple[int, int]:
        """Steps done so far (the path) and the position: for a progress bar over the steps actually taken."""
        return len(self.path), self.position


def start(exercise: Exercise) -> RunState:
    return RunState(exercise.id)


def advance(exercise: Exercise, state: RunState, *, option: int | None = None, rating: int | None = None,
            entry_id: int | None = None) -> RunState:
    """The next step, after what this one asked: an option for a choice (required), a rating (optional: a person
    may pass), the journal entry a reflection was saved as (optional: writing is never required)."""
    if state.finished:
        return state
    step = state.step(exercise)
    target = state.position + 1
    choices, ratings, reflections = dict(state.choices), dict(state.ratings), dict(state.reflections)
    if step.kind is StepKind.CHOICE:
        if option is None or not 0 <= option < len(step.options):
            raise UsageError("choice_missing")
        choices[step.id] = option
        target = exercise.index(step.options[option].goto)
    elif step.next:
        target = exercise.index(step.next)
    if step.kind is StepKind.RATING and rating is not None:
        if not 1 <= rating <= 5:
            raise UsageError("answer_invalid", item=step.id)
        ratings[step.id] = rating
    if step.kind is StepKind.REFLECTION and entry_id is not None:
        reflections[step.id] = entry_id
    if target >= len(exercise.steps):
        return replace(state, choices=choices, ratings=ratings, reflections=reflections, finished=True)
    return RunState(exercise.id, target, (*state.path, state.position), choices, ratings, reflections)


def back(state: RunState) -> RunState:
    if state.finished or not state.path:
        return state
    return replace(state, position=state.path[-1], path=state.path[:-1])


# ---- saved form -------------------------------------------------------------------------------------------------
def to_json(state: RunState) -> str:
    return json.dumps({"exercise": state.exercise_id, "position": state.position, "path": list(state.path),
                       "choices": state.choices, "ratings": state.ratings, "reflections": state.reflections,
                       "finished": state.finished}, sort_keys=True)


def from_json(text: str, exercise: Exercise) -> RunState:
    """A saved run, checked against the exercise as it is now: a run saved by an older version whose steps no longer
    fit starts again from the beginning rather than showing the wrong step (UsageError("run_outdated"))."""
    try:
        data: dict[str, Any] = json.loads(text)
        state = RunState(str(data["exercise"]), int(data["position"]), tuple(int(p) for p in data["path"]),
                         {str(k): int(v) for k, v in data["choices"].items()},
                         {str(k): int(v) for k, v in data["ratings"].items()},
                         {str(k): int(v) for k, v in data["reflections"].items()}, bool(data["finished"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UsageError("run_outdated") from exc
    n = len(exercise.steps)
    if state.exercise_id != exercise.id or not all(0 <= p < n for p in (state.position, *state.path)):
        raise UsageError("run_outdated")
    return state

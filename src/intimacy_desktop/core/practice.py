"""Guided exercises, self-assessments and programs as plain data (issue 10; DESIGN.md §6), built from the TOML files
by core/practice_loader.py. The file format is described in content/README.md.

Ids are stable, like the prompts': runs, answers and progress refer to them across versions and languages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from intimacy_desktop.core.content import ContentProblem, Mode
from intimacy_desktop.core.layers import Layer


class StepKind(StrEnum):
    INSTRUCTION = "instruction"  # read, then go on
    TIMED = "timed"  # a countdown, with a soft cue at the end
    REFLECTION = "reflection"  # a text box; what is written goes into the encrypted journal, linked to the run
    TURN = "turn"  # one partner's turn (the screen says whose), optionally timed
    CHOICE = "choice"  # options that branch forward
    RATING = "rating"  # 1 to 5 between two labels


class Partner(StrEnum):
    A = "a"
    B = "b"


class Role(StrEnum):
    SPEAKER = "speaker"
    LISTENER = "listener"
    BOTH = "both"


@dataclass(frozen=True)
class Option:
    label: str
    goto: str  # a later step of the same exercise


@dataclass(frozen=True)
class Step:
    id: str
    kind: StepKind
    text: str
    seconds: int | None = None  # timed steps, and turns that are timed
    partner: Partner | None = None  # turns
    role: Role | None = None  # turns, optionally
    options: tuple[Option, ...] = ()  # choices
    low: str = ""  # ratings: what 1 means
    high: str = ""  # ratings: what 5 means
    next: str = ""  # jump forward to this step instead of the following one


@dataclass(frozen=True)
class Exercise:
    id: str
    layer: Layer
    title: str
    summary: str
    minutes: int
    mode: Mode
    source: str
    steps: tuple[Step, ...]
    tags: tuple[str, ...] = ()

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def index(self, step_id: str) -> int:
        return next(i for i, s in enumerate(self.steps) if s.id == step_id)


class Scale(StrEnum):
    YES_NO = "yes-no"
    TRUE_FALSE = "true-false"
    AGREE_5 = "agree-5"  # 1 strongly disagree .. 5 strongly agree
    OFTEN_5 = "often-5"  # 1 never .. 5 very often
    RATE_5 = "rate-5"  # 1 .. 5 in the item's own terms
    HOURS = "hours"  # hours a day, 0 to 24 in half hours


FIVE_POINT = (Scale.AGREE_5, Scale.OFTEN_5, Scale.RATE_5)


class Concern(StrEnum):
    """Which end of an assessment's scores asks for care: "low" (a low scorecard), "high" (often falling into
    pitfalls), or "none" (a quiz of myths, a profile)."""

    LOW = "low"
    HIGH = "high"
    NONE = "none"


class Scoring(StrEnum):
    COUNT = "count"  # how many items were answered yes (or agree, 4-5), reversed items counting the other way
    SUM = "sum"  # the sum of 1..5 answers, reversed items as 6 - answer
    MEAN = "mean"  # their mean, 1.0 .. 5.0
    CORRECT = "correct"  # true-false items answered right
    PROFILE = "profile"  # a value per dimension (the mean of its items), never one score and never a "type"


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    scale: Scale  # the assessment's, unless the item names its own
    reverse: bool = False
    answer: bool | None = None  # true-false: the right answer
    explanation: str = ""  # true-false: why, shown after answering
    dimension: str = ""  # profile: the dimension it feeds
    reference: str = ""  # hours: the figure-table row to set the answer beside


@dataclass(frozen=True)
class Band:
    min: float
    max: float
    title: str
    text: str
    next: tuple[str, ...] = ()  # exercises, assessments or programs to suggest

    def holds(self, score: float) -> bool:
        return self.min <= score <= self.max


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str


@dataclass(frozen=True)
class Assessment:
    id: str
    title: str
    summary: str
    layers: tuple[Layer, ...]
    minutes: int
    mode: Mode
    source: str
    scale: Scale
    scoring: Scoring
    intro: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    note: str = ""
    concern: Concern = Concern.LOW


@dataclass(frozen=True)
class ProgramStep:
    id: str
    day: int
    title: str
    text: str
    exercise: str = ""
    assessment: str = ""


@dataclass(frozen=True)
class Program:
    id: str
    title: str
    summary: str
    days: int
    source: str
    intro: str
    steps: tuple[ProgramStep, ...]
    care: str = ""  # when not to continue, and where to find help


@dataclass(frozen=True)
class Practice:
    exercises: tuple[Exercise, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    programs: tuple[Program, ...] = ()
    problems: tuple[ContentProblem, ...] = ()
    _index: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        every: tuple[Exercise | Assessment | Program, ...] = (*self.exercises, *self.assessments, *self.programs)
        for item in every:
            self._index.setdefault(item.id, item)

    def exercise(self, item_id: str) -> Exercise | None:
        found = self._index.get(item_id)
        return found if isinstance(found, Exercise) else None

    def assessment(self, item_id: str) -> Assessment | None:
        found = self._index.get(item_id)
        return found if isinstance(found, Assessment) else None

    def program(self, item_id: str) -> Program | None:
        found = self._index.get(item_id)
        return found if isinstance(found, Program) else None

    def exists(self, item_id: str) -> bool:
        return item_id in self._index

    def exercises_for(self, layer: Layer) -> list[Exercise]:
        return [e for e in self.exercises if e.layer == layer]

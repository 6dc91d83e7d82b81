"""Scoring a self-assessment (issue 10): pure, so every rule has a hand-computed test.

An answer is what the runner collected for one item: True/False for yes-no and true-false items, a whole number 1..5
for the five-point scales, hours a day (0..24, halves allowed) for hours items. Every item must be answered; an
assessment is a conversation starter, and a score over half the questions would say something untrue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.practice import FIVE_POINT, Assessment, Band, Item, Scale, Scoring

Answer = bool | int | float


@dataclass(frozen=True)
class Result:
    assessment_id: str
    score: float | None  # None for a profile
    out_of: float | None
    band: Band | None
    profile: dict[str, float] = field(default_factory=dict)  # dimension id -> the mean of its items
    right: tuple[str, ...] = ()  # true-false: the items answered right


def check_answer(item: Item, value: object) -> Answer:
    """The answer as the item's scale allows it, or UsageError naming the item."""
    if item.scale in (Scale.YES_NO, Scale.TRUE_FALSE):
        if isinstance(value, bool):
            return value
    elif item.scale in FIVE_POINT:
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
            return value
    elif isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 24 and value * 2 == int(
        value * 2
    ):
        return float(value)
    raise UsageError("answer_invalid", item=item.id)


def score(assessment: Assessment, answers: Mapping[str, object]) -> Result:
    checked = {}
    for item in assessment.items:
        if item.id not in answers:
            raise UsageError("assessment_incomplete", item=item.id)
        checked[item.id] = check_answer(item, answers[item.id])
    if assessment.scoring is Scoring.PROFILE:
        return Result(assessment.id, None, None, None, profile=_profile(assessment, checked))
    if assessment.scoring is Scoring.CORRECT:
        right = tuple(i.id for i in assessment.items if checked[i.id] == i.answer)
        return _banded(assessment, float(len(right)), float(len(assessment.items)), right)
    points = [_points(item, checked[item.id], assessment.scoring) for item in assessment.items]
    if assessment.scoring is Scoring.MEAN:
        return _banded(assessment, round(sum(points) / len(points), 2), 5.0)
    out_of = float(len(points)) if assessment.scoring is Scoring.COUNT else 5.0 * len(points)
    return _banded(assessment, float(sum(points)), out_of)


def _points(item: Item, value: Answer, scoring: Scoring) -> float:
    if scoring is Scoring.COUNT:
        if item.scale is Scale.YES_NO:
            return float(bool(value) != item.reverse)
        return float((value <= 2) if item.reverse else (value >= 4))  # agree or often counts; the middle does not
    return float(6 - value if item.reverse else value)


def _profile(assessment: Assessment, checked: Mapping[str, Answer]) -> dict[str, float]:
    profile: dict[str, float] = {}
    for dimension in assessment.dimensions:
        values = [float(6 - checked[i.id] if i.reverse and i.scale in FIVE_POINT else checked[i.id])
                  for i in assessment.items if i.dimension == dimension.id]
        if values:
            profile[dimension.id] = round(sum(values) / len(values), 2)
    return profile


def _banded(assessment: Assessment, value: float, out_of: float, right: tuple[str, ...] = ()) -> Result:
    band = next((b for b in sorted(assessment.bands, key=lambda b: b.min, reverse=True) if b.holds(value)), None)
    return Result(assessment.id, value, out_of, band, right=right)

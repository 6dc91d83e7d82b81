"""The series behind the Insights page's charts, from plain records the services read.

Every input is a plain tuple (a date first) or the small frozen ``ReviewEntry``, so the page's service can feed rows
straight from storage. Nothing is invented: a day without a value is zero where zero is true (no device-free
minutes) and ``None`` where it is not (no mood was recorded). Each function is one pass over its input plus a sort
at most, so ten thousand entries and two years of days take a few milliseconds.

Pure Python: no Qt, no storage.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from intimacy_desktop.core.journal import MOODS, Kind
from intimacy_desktop.core.layers import LAYERS, Layer
from intimacy_desktop.core.talk_minutes import week_start

T = TypeVar("T")

# ---- ranges ---------------------------------------------------------------------------------------------------------


class Range(StrEnum):
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


# A month is the last 30 days, not the calendar month: every range then ends today and has a fixed length, so a
# chart on the 1st of a month is not nearly empty and two months are comparable. A year is the last 365 days.
RANGE_DAYS: dict[Range, int] = {Range.WEEK: 7, Range.MONTH: 30, Range.YEAR: 365}


def range_days(span: Range, today: dt.date) -> list[dt.date]:
    """The days of ``span`` ending with ``today``, oldest first."""
    count = RANGE_DAYS[Range(span)]
    first = today - dt.timedelta(days=count - 1)
    return [first + dt.timedelta(days=i) for i in range(count)]


# ---- device-free minutes ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceFreeSeries:
    points: list[tuple[dt.date, float]]  # every day asked for, 0.0 on a day without device-free talk
    goal: float  # the couple's daily goal in minutes: drawn as a line


def device_free_series(sessions: Iterable[tuple[dt.date, float]], days: Sequence[dt.date], goal: float) -> (
        DeviceFreeSeries):
    """``sessions`` are (local day, minutes) pairs; a day's sessions are added. Negative minutes are left out."""
    wanted = set(days)
    per_day: dict[dt.date, float] = {}
    for day, minutes in sessions:
        if day in wanted and minutes > 0:
            per_day[day] = per_day.get(day, 0.0) + minutes
    return DeviceFreeSeries(points=[(day, per_day.get(day, 0.0)) for day in days], goal=goal)


# ---- mood ---------------------------------------------------------------------------------------------------------


def mood_series(checkins: Iterable[tuple[dt.date, int]], entries: Iterable[tuple[dt.date, int | None]],
                days: Sequence[dt.date]) -> list[tuple[dt.date, float | None]]:
    """Each day's mean of the check-ins' weather and the journal entries' moods (both on the 1…5 scale), or
    ``None`` on a day with neither. Entries without a mood, and values off the scale, are left out."""
    wanted = set(days)
    sums: dict[dt.date, list[int]] = {}
    for day, value in (*checkins, *entries):
        if value is not None and value in MOODS and day in wanted:
            acc = sums.setdefault(day, [0, 0])
            acc[0] += value
            acc[1] += 1
    result: list[tuple[dt.date, float | None]] = []
    for day in days:
        found = sums.get(day)
        result.append((day, found[0] / found[1] if found else None))
    return result


# ---- habits ---------------------------------------------------------------------------------------------------------


def habit_heatmap(ticks: Iterable[tuple[str, dt.date]], days: Sequence[dt.date]) -> list[tuple[dt.date, int]]:
    """How many different habits were ticked on each day; ``ticks`` are (habit id, local day) pairs, and a habit
    ticked twice on a day counts once."""
    wanted = set(days)
    per_day: dict[dt.date, set[str]] = {}
    for habit_id, day in ticks:
        if day in wanted:
            per_day.setdefault(day, set()).add(habit_id)
    return [(day, len(per_day.get(day, ()))) for day in days]


def calendar_weeks(series: Sequence[tuple[dt.date, T]], first_weekday: int = 1) -> list[list[tuple[dt.date, T] | None]]:
    """``series`` (a day first, e.g. ``habit_heatmap``'s) laid out as calendar weeks: 7 cells each, starting on
    ``first_weekday`` (ISO: 1 Monday … 7 Sunday), a cell ``None`` for a day the series does not hold."""
    if not series:
        return []
    by_day = dict(series)
    start = week_start(min(by_day), first_weekday)
    last = max(by_day)
    weeks: list[list[tuple[dt.date, T] | None]] = []
    while start <= last:
        week: list[tuple[dt.date, T] | None] = []
        for i in range(7):
            day = start + dt.timedelta(days=i)
            week.append((day, by_day[day]) if day in by_day else None)
        weeks.append(week)
        start += dt.timedelta(days=7)
    return weeks


# ---- assessments ------------------------------------------------------------------------------------------------


def assessment_series(results: Iterable[tuple[dt.date, str, float]]) -> dict[str, list[tuple[dt.date, float]]]:
    """``results`` are (day taken, assessment id, score); each assessment's scores by date (same-day results keep
    the order given)."""
    by_id: dict[str, list[tuple[dt.date, float]]] = {}
    for day, assessment_id, score in results:
        by_id.setdefault(assessment_id, []).append((day, score))
    for points in by_id.values():
        points.sort(key=lambda point: point[0])
    return by_id


# ---- layers -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LayerShare:
    minutes: float
    share: float  # of all the layered minutes: 0.0 … 1.0


def layer_balance(items: Iterable[tuple[Layer, float]]) -> dict[Layer, LayerShare]:
    """Minutes per layer of intimacy and each layer's share, for the four layers (in ``LAYERS`` order).

    ``Layer.NONE`` and negative minutes are left out. The shares sum to 1.0, or are all 0.0 when there is nothing.
    """
    minutes = dict.fromkeys(LAYERS, 0.0)
    for layer, amount in items:
        if layer in minutes and amount > 0:
            minutes[Layer(layer)] += amount
    total = sum(minutes.values())
    return {layer: LayerShare(value, value / total if total > 0 else 0.0) for layer, value in minutes.items()}


# ---- device-free minutes beside mood -----------------------------------------------------------------------------

MIN_PAIRED_DAYS = 14


class NoCorrelation(StrEnum):
    TOO_FEW_DAYS = "too_few_days"
    NO_VARIATION = "no_variation"


@dataclass(frozen=True)
class MinutesBesideMood:
    pairs: list[tuple[dt.date, float, float]]  # (day, minutes, mood), by date: only days that have both
    n: int
    r: float | None  # Pearson's r, or None with ``reason``
    reason: NoCorrelation | None = None


DaySeries = Mapping[dt.date, float | None] | Iterable[tuple[dt.date, float | None]]


def _by_day(series: DaySeries) -> dict[dt.date, float]:
    pairs = series.items() if isinstance(series, Mapping) else series
    return {day: value for day, value in pairs if value is not None}


def minutes_beside_mood(minutes_by_day: DaySeries, mood_by_day: DaySeries) -> MinutesBesideMood:
    """Device-free minutes and mood on the same days, and how closely they move together.

    Either series is a mapping or (day, value) pairs (``device_free_series(...).points``, ``mood_series(...)``);
    a ``None`` value is a day without one. Pearson's r is given only for at least ``MIN_PAIRED_DAYS`` paired days
    on which both series vary; otherwise it is ``None`` with the reason.

    This shows co-occurrence, not cause. The article's premise (its Table 1) is that more device-free time goes
    with stronger reported intimacy; a couple's own r says whether their days look like that, not why: a good
    day may make talking easier as much as talking makes a good day.
    """
    minutes, moods = _by_day(minutes_by_day), _by_day(mood_by_day)
    pairs = sorted((day, minutes[day], moods[day]) for day in minutes.keys() & moods.keys())
    n = len(pairs)
    if n < MIN_PAIRED_DAYS:
        return MinutesBesideMood(pairs, n, None, NoCorrelation.TOO_FEW_DAYS)
    xs = [pair[1] for pair in pairs]
    ys = [pair[2] for pair in pairs]
    if len(set(xs)) == 1 or len(set(ys)) == 1:
        return MinutesBesideMood(pairs, n, None, NoCorrelation.NO_VARIATION)
    mean_x, mean_y = math.fsum(xs) / n, math.fsum(ys) / n
    sxy = math.fsum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    sxx = math.fsum((x - mean_x) ** 2 for x in xs)
    syy = math.fsum((y - mean_y) ** 2 for y in ys)
    r = max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))
    return MinutesBesideMood(pairs, n, r)


# ---- the month in review -----------------------------------------------------------------------------------------

REVIEW_CAP = 10
HIGH_MOODS = frozenset({4, 5})  # sunny spells, sunny
LOW_MOODS = frozenset({1, 2})  # stormy, rainy


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """A journal entry as the month's review needs it. ``shared`` marks an entry of the couple's shared space."""

    day: dt.date
    kind: str  # a journal Kind value: "entry", "high", "low", "reflection"
    title: str
    mood: int | None = None
    shared: bool = False


@dataclass(frozen=True)
class MonthReview:
    highs: list[ReviewEntry]
    lows: list[ReviewEntry]


ReviewRow = ReviewEntry | tuple[dt.date, str, str, int | None, bool]


def month_review(entries: Iterable[ReviewRow], year: int, month: int, *, include_shared: bool = True) -> (
        MonthReview):
    """The highs and lows of one calendar month, at most ``REVIEW_CAP`` of each.

    An entry marked a high (kind "high") or a low (kind "low") comes first, then other entries by mood: 5 or 4 is a
    high, 1 or 2 a low; each of the two groups in date order (same-day entries keep the order given), and the cap
    keeps the marked ones before the moods. Shared-space entries are included (keeping their ``shared`` flag)
    unless ``include_shared`` is False.
    """
    marked_highs: list[ReviewEntry] = []
    mood_highs: list[ReviewEntry] = []
    marked_lows: list[ReviewEntry] = []
    mood_lows: list[ReviewEntry] = []
    for row in entries:
        entry = row if isinstance(row, ReviewEntry) else ReviewEntry(*row)
        if entry.day.year != year or entry.day.month != month or (entry.shared and not include_shared):
            continue
        if entry.kind == Kind.HIGH:
            marked_highs.append(entry)
        elif entry.kind == Kind.LOW:
            marked_lows.append(entry)
        elif entry.mood in HIGH_MOODS:
            mood_highs.append(entry)
        elif entry.mood in LOW_MOODS:
            mood_lows.append(entry)

    def pick(marked: list[ReviewEntry], by_mood: list[ReviewEntry]) -> list[ReviewEntry]:
        marked.sort(key=lambda entry: entry.day)
        by_mood.sort(key=lambda entry: entry.day)
        return (marked + by_mood)[:REVIEW_CAP]

    return MonthReview(highs=pick(marked_highs, mood_highs), lows=pick(marked_lows, mood_lows))

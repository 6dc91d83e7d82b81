"""The Insights page's series (core/insights.py), on small fixed fixtures with exact numbers, a few properties, and
the size the page must handle: ten thousand entries and two years of days."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intimacy_desktop.core.insights import (
    MIN_PAIRED_DAYS,
    REVIEW_CAP,
    DeviceFreeSeries,
    LayerShare,
    MinutesBesideMood,
    MonthReview,
    NoCorrelation,
    Range,
    ReviewEntry,
    assessment_series,
    calendar_weeks,
    device_free_series,
    habit_heatmap,
    layer_balance,
    minutes_beside_mood,
    month_review,
    mood_series,
    range_days,
)
from intimacy_desktop.core.layers import LAYERS, Layer

D = dt.date
TODAY = D(2026, 3, 4)  # a Wednesday
ONE = dt.timedelta(days=1)


def _days(first: dt.date, count: int) -> list[dt.date]:
    return [first + i * ONE for i in range(count)]


# ---- ranges -------------------------------------------------------------------------------------------------------


def test_range_days() -> None:
    week = range_days(Range.WEEK, TODAY)
    assert week == _days(D(2026, 2, 26), 7)
    month = range_days(Range.MONTH, TODAY)
    assert (len(month), month[0], month[-1]) == (30, D(2026, 2, 3), TODAY)
    year = range_days(Range.YEAR, D(2028, 12, 31))  # a leap year: still the last 365 days
    assert (len(year), year[0], year[-1]) == (365, D(2028, 1, 2), D(2028, 12, 31))
    assert range_days("week", TODAY) == week  # type: ignore[arg-type]  # the stored word works too
    assert all(b - a == ONE for a, b in itertools.pairwise(year))


# ---- device-free minutes ------------------------------------------------------------------------------------------


def test_device_free_series_fills_zeros_and_adds_a_days_sessions() -> None:
    days = range_days(Range.WEEK, TODAY)
    sessions = [(D(2026, 2, 26), 12.5), (D(2026, 2, 26), 7.5), (D(2026, 3, 2), 10.0), (TODAY, -3.0),
                (D(2026, 2, 25), 40.0), (D(2026, 3, 5), 40.0)]  # outside the week
    assert device_free_series(sessions, days, 10) == DeviceFreeSeries(
        points=[(D(2026, 2, 26), 20.0), (D(2026, 2, 27), 0.0), (D(2026, 2, 28), 0.0), (D(2026, 3, 1), 0.0),
                (D(2026, 3, 2), 10.0), (D(2026, 3, 3), 0.0), (TODAY, 0.0)],
        goal=10,
    )


# ---- mood ---------------------------------------------------------------------------------------------------------


def test_mood_series_means_what_there_is_and_invents_nothing() -> None:
    days = _days(D(2026, 3, 1), 4)
    checkins = [(D(2026, 3, 1), 2), (D(2026, 3, 2), 4), (D(2026, 2, 28), 1)]
    entries: list[tuple[dt.date, int | None]] = [(D(2026, 3, 1), 5), (D(2026, 3, 1), 5), (D(2026, 3, 3), None),
                                                 (D(2026, 3, 4), 9), (D(2026, 3, 2), 3)]
    assert mood_series(checkins, entries, days) == [
        (D(2026, 3, 1), 4.0),  # (2 + 5 + 5) / 3
        (D(2026, 3, 2), 3.5),
        (D(2026, 3, 3), None),  # an entry without a mood
        (D(2026, 3, 4), None),  # 9 is off the scale
    ]
    assert mood_series([], [], days) == [(day, None) for day in days]


# ---- habits -------------------------------------------------------------------------------------------------------


def test_habit_heatmap_counts_distinct_habits_a_day() -> None:
    days = _days(D(2026, 3, 1), 3)
    ticks = [("greeting", D(2026, 3, 1)), ("greeting", D(2026, 3, 1)), ("gratitude", D(2026, 3, 1)),
             ("gratitude", D(2026, 3, 3)), ("greeting", D(2026, 3, 9))]
    assert habit_heatmap(ticks, days) == [(D(2026, 3, 1), 2), (D(2026, 3, 2), 0), (D(2026, 3, 3), 1)]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d"]), st.dates(D(2026, 2, 20), D(2026, 3, 10)))))
def test_habit_heatmap_total_is_the_distinct_ticks(ticks: list[tuple[str, dt.date]]) -> None:
    days = range_days(Range.WEEK, TODAY)
    total = sum(count for _, count in habit_heatmap(ticks, days))
    assert total == len({(habit, day) for habit, day in ticks if days[0] <= day <= days[-1]})


def test_calendar_weeks_monday_first() -> None:
    series = habit_heatmap([("greeting", TODAY)], range_days(Range.WEEK, TODAY))  # Thu 26 Feb … Wed 4 Mar
    weeks = calendar_weeks(series)
    assert len(weeks) == 2 and all(len(week) == 7 for week in weeks)
    assert weeks[0][:3] == [None, None, None]  # Mon 23 … Wed 25 Feb are outside the range
    assert weeks[0][3] == (D(2026, 2, 26), 0)
    assert weeks[0][6] == (D(2026, 3, 1), 0)  # Sunday ends the week
    assert weeks[1][:3] == [(D(2026, 3, 2), 0), (D(2026, 3, 3), 0), (TODAY, 1)]
    assert weeks[1][3:] == [None, None, None, None]
    assert sum(cell is not None for week in weeks for cell in week) == 7


def test_calendar_weeks_sunday_first_and_empty() -> None:
    weeks = calendar_weeks([(D(2026, 3, 1), 5), (D(2026, 3, 7), 6)], first_weekday=7)  # a Sunday and a Saturday
    assert weeks == [[(D(2026, 3, 1), 5), None, None, None, None, None, (D(2026, 3, 7), 6)]]
    assert calendar_weeks([]) == []


def test_calendar_weeks_of_a_month_range_across_a_year_end() -> None:
    days = range_days(Range.MONTH, D(2027, 1, 10))  # Sat 12 Dec 2026 … Sun 10 Jan 2027
    weeks = calendar_weeks([(day, day.day) for day in days])
    assert len(weeks) == 5  # the weeks of Mon 7, 14, 21, 28 Dec and 4 Jan
    assert weeks[0] == [None, None, None, None, None, (D(2026, 12, 12), 12), (D(2026, 12, 13), 13)]
    assert weeks[3][3:] == [(D(2026, 12, 31), 31), (D(2027, 1, 1), 1), (D(2027, 1, 2), 2), (D(2027, 1, 3), 3)]
    flat = [cell for week in weeks for cell in week if cell is not None]
    assert [day for day, _ in flat] == days
    assert weeks[-1][6] == (D(2027, 1, 10), 10)


# ---- assessments --------------------------------------------------------------------------------------------------


def test_assessment_series_sorts_each_by_date() -> None:
    results = [(D(2026, 3, 1), "closeness", 3.5), (D(2026, 1, 1), "closeness", 2.0), (D(2026, 2, 1), "trust", 4.0),
               (D(2026, 2, 1), "closeness", 3.0), (D(2026, 2, 1), "closeness", 3.25)]
    assert assessment_series(results) == {
        "closeness": [(D(2026, 1, 1), 2.0), (D(2026, 2, 1), 3.0), (D(2026, 2, 1), 3.25), (D(2026, 3, 1), 3.5)],
        "trust": [(D(2026, 2, 1), 4.0)],
    }
    assert assessment_series([]) == {}


# ---- layers -------------------------------------------------------------------------------------------------------


def test_layer_balance() -> None:
    items = [(Layer.EMOTIONAL, 30.0), (Layer.PHYSICAL, 10.0), (Layer.EMOTIONAL, 20.0), (Layer.NONE, 500.0),
             (Layer.DIGITAL, 20.0), (Layer.INTELLECTUAL, -5.0)]
    assert layer_balance(items) == {
        Layer.EMOTIONAL: LayerShare(50.0, 50 / 80),
        Layer.PHYSICAL: LayerShare(10.0, 0.125),
        Layer.INTELLECTUAL: LayerShare(0.0, 0.0),
        Layer.DIGITAL: LayerShare(20.0, 0.25),
    }
    assert list(layer_balance(items)) == list(LAYERS)


def test_layer_balance_of_nothing_is_all_zero() -> None:
    assert layer_balance([]) == dict.fromkeys(LAYERS, LayerShare(0.0, 0.0))
    assert layer_balance([(Layer.NONE, 60.0)]) == dict.fromkeys(LAYERS, LayerShare(0.0, 0.0))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(Layer)), st.floats(0, 1e6, allow_nan=False))))
def test_layer_shares_sum_to_one(items: list[tuple[Layer, float]]) -> None:
    balance = layer_balance(items)
    assert Layer.NONE not in balance
    total = sum(share.share for share in balance.values())
    if any(layer is not Layer.NONE and minutes > 0 for layer, minutes in items):
        assert math.isclose(total, 1.0, rel_tol=1e-9)
    else:
        assert total == 0.0
    assert all(0.0 <= share.share <= 1.0 for share in balance.values())


# ---- minutes beside mood ------------------------------------------------------------------------------------------


def test_minutes_beside_mood_pairs_only_days_with_both() -> None:
    minutes = {D(2026, 3, 1): 10.0, D(2026, 3, 2): 0.0, D(2026, 3, 3): 25.0}
    moods = [(D(2026, 3, 3), 4.0), (D(2026, 3, 2), None), (D(2026, 3, 1), 3.0), (D(2026, 3, 4), 5.0)]
    assert minutes_beside_mood(minutes, moods) == MinutesBesideMood(
        pairs=[(D(2026, 3, 1), 10.0, 3.0), (D(2026, 3, 3), 25.0, 4.0)], n=2, r=None,
        reason=NoCorrelation.TOO_FEW_DAYS,
    )


def _paired(minutes: list[float], moods: list[float]) -> MinutesBesideMood:
    days = _days(D(2026, 1, 1), len(minutes))
    return minutes_beside_mood(list(zip(days, minutes, strict=True)), dict(zip(days, moods, strict=True)))


def test_r_needs_fourteen_paired_days() -> None:
    assert MIN_PAIRED_DAYS == 14
    thirteen = _paired([float(i) for i in range(13)], [1.0 + i % 5 for i in range(13)])
    assert (thirteen.n, thirteen.r, thirteen.reason) == (13, None, NoCorrelation.TOO_FEW_DAYS)
    fourteen = _paired([float(i) for i in range(14)], [2.0 * i + 1 for i in range(14)])
    assert fourteen.n == 14 and fourteen.reason is None
    assert fourteen.r == pytest.approx(1.0)


def test_r_needs_both_series_to_vary() -> None:
    flat_minutes = _paired([10.0] * 20, [1.0 + i % 5 for i in range(20)])
    assert (flat_minutes.n, flat_minutes.r, flat_minutes.reason) == (20, None, NoCorrelation.NO_VARIATION)
    flat_mood = _paired([0.1 * i for i in range(20)], [0.1] * 20)
    assert (flat_mood.r, flat_mood.reason) == (None, NoCorrelation.NO_VARIATION)


def test_r_is_pearsons() -> None:
    minutes = [0, 5, 10, 15, 20, 25, 30, 0, 5, 10, 15, 20, 25, 30]
    moods = [2, 2, 3, 3, 4, 5, 4, 1, 3, 2, 4, 3, 5, 5]
    result = _paired([float(m) for m in minutes], [float(m) for m in moods])
    # By hand: x̄ = 15, ȳ = 46 / 14; Sxy = 150, Sxx = 1400, Syy = 172 - 46² / 14 = 146 / 7.
    assert result.r == pytest.approx(150 / math.sqrt(1400 * 146 / 7), abs=1e-12)
    assert result.r == pytest.approx(0.8778, abs=1e-4)
    reversed_mood = _paired([float(m) for m in minutes], [6.0 - m for m in moods])
    assert reversed_mood.r == pytest.approx(-0.8778, abs=1e-4)


# ---- the month in review ------------------------------------------------------------------------------------------


def test_month_review_marked_first_then_by_mood() -> None:
    entries = [
        ReviewEntry(D(2026, 3, 20), "high", "Picnic", 3),
        ReviewEntry(D(2026, 3, 2), "entry", "Good talk", 5),
        ReviewEntry(D(2026, 3, 5), "high", "Made up quickly", None),
        ReviewEntry(D(2026, 3, 1), "reflection", "Grateful", 4),
        ReviewEntry(D(2026, 3, 8), "entry", "Cloudy", 3),
        ReviewEntry(D(2026, 3, 9), "low", "Missed each other", 5),  # marked low wins over its mood
        ReviewEntry(D(2026, 3, 3), "entry", "Argument", 1),
        ReviewEntry(D(2026, 3, 31), "entry", "Tired", 2, shared=True),
        ReviewEntry(D(2026, 4, 1), "high", "April", 5),
        ReviewEntry(D(2025, 3, 15), "high", "Last year", 5),
    ]
    review = month_review(entries, 2026, 3)
    assert [e.title for e in review.highs] == ["Made up quickly", "Picnic", "Grateful", "Good talk"]
    assert [e.title for e in review.lows] == ["Missed each other", "Argument", "Tired"]
    assert review.lows[-1].shared is True
    private = month_review(entries, 2026, 3, include_shared=False)
    assert [e.title for e in private.lows] == ["Missed each other", "Argument"]
    assert month_review(entries, 2026, 2) == MonthReview(highs=[], lows=[])


def test_month_review_takes_tuples_and_caps_each_side() -> None:
    rows: list[tuple[dt.date, str, str, int | None, bool]] = [
        (D(2026, 2, 28 - i), "entry", f"sunny {i}", 5, False) for i in range(12)]
    rows += [(D(2026, 2, 27), "high", "marked", None, True)]
    rows += [(D(2026, 2, 1 + i), "low", f"low {i}", None, False) for i in range(11)]
    review = month_review(rows, 2026, 2)
    assert len(review.highs) == len(review.lows) == REVIEW_CAP == 10
    assert review.highs[0] == ReviewEntry(D(2026, 2, 27), "high", "marked", None, True)
    assert [e.day.day for e in review.highs[1:]] == [17, 18, 19, 20, 21, 22, 23, 24, 25]  # earliest nine by date
    assert [e.title for e in review.lows] == [f"low {i}" for i in range(10)]

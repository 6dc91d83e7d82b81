"""Device-free minutes per day and week, and the clock conversations are timed by."""

from __future__ import annotations

import datetime as dt
import time

from intimacy_desktop.core.clock import talk_clock
from intimacy_desktop.core.talk_minutes import talk_minutes, week_start

THU = dt.date(2026, 12, 3)


def test_today_and_this_week_add_seconds_before_rounding_down() -> None:
    sessions = [(THU, 330), (THU, 330), (dt.date(2026, 12, 1), 600), (dt.date(2026, 11, 30), 59),
                (dt.date(2026, 11, 29), 3600), (dt.date(2026, 12, 4), 600)]  # Sunday before; tomorrow
    m = talk_minutes(sessions, THU, goal=10)
    assert (m.today, m.week, m.days_this_week, m.week_days_so_far) == (11, 21, 3, 4)
    assert m.today_met and m.week_goal == 70


def test_a_sunday_first_week_counts_the_sunday() -> None:
    sessions = [(dt.date(2026, 11, 29), 3600), (THU, 60)]
    m = talk_minutes(sessions, THU, first_weekday=7)
    assert (m.week, m.days_this_week, m.week_days_so_far) == (61, 2, 5)
    assert week_start(THU, 7) == dt.date(2026, 11, 29) and week_start(THU) == dt.date(2026, 11, 30)


def test_a_new_year_week_spans_both_years() -> None:
    friday = dt.date(2027, 1, 1)
    m = talk_minutes([(dt.date(2026, 12, 28), 600), (friday, 120)], friday)
    assert (m.today, m.week, m.days_this_week) == (2, 12, 2)
    assert not m.today_met


def test_the_talk_clock_is_monotonic_and_counts_in_seconds() -> None:
    clock = talk_clock()
    a = clock()
    time.sleep(0.05)
    b = clock()
    assert 0.04 < b - a < 1.0
    assert talk_clock("win32") is time.monotonic  # Windows' own monotonic clock counts sleep already

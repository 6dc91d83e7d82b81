"""Device-free minutes from the logged conversations: today, this week, and the days with a talk, set against the
couple's daily goal. Counted, never chased: no streak, nothing that can be lost."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

DEFAULT_GOAL_MINUTES = 10  # the article's daily no-device talk
MIN_GOAL, MAX_GOAL = 1, 240


@dataclass(frozen=True)
class TalkMinutes:
    today: int  # whole minutes, rounded down
    week: int
    goal_per_day: int
    days_this_week: int  # days of this week (up to today) with any device-free talk
    week_days_so_far: int  # days of this week up to and including today

    @property
    def week_goal(self) -> int:
        return self.goal_per_day * 7

    @property
    def today_met(self) -> bool:
        return self.today >= self.goal_per_day


def week_start(day: dt.date, first_weekday: int = 1) -> dt.date:
    """The first day of ``day``'s week; ``first_weekday`` is ISO (1 Monday … 7 Sunday), from the locale."""
    return day - dt.timedelta(days=(day.isoweekday() - first_weekday) % 7)


def talk_minutes(sessions: Iterable[tuple[dt.date, float]], today: dt.date, *, goal: int = DEFAULT_GOAL_MINUTES,
                 first_weekday: int = 1) -> TalkMinutes:
    """``sessions`` are (local day it started, talk seconds) pairs; a day's seconds are added before rounding."""
    start = week_start(today, first_weekday)
    per_day: dict[dt.date, float] = {}
    for day, seconds in sessions:
        if start <= day <= today and seconds > 0:
            per_day[day] = per_day.get(day, 0.0) + seconds
    return TalkMinutes(
        today=int(per_day.get(today, 0.0) // 60),
        week=int(sum(per_day.values()) // 60),
        goal_per_day=goal,
        days_this_week=len(per_day),
        week_days_so_far=(today - start).days + 1,
    )

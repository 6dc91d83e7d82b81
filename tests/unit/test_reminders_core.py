"""Reminders fire at the right local times across the changes of the clocks, once per moment however long the
computer slept, only on their weekdays, and never carry content; what is stored comes back, over the defaults."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from intimacy_desktop.core.discreet import Nudge
from intimacy_desktop.core.reminders import DEFAULTS, Reminder, due, from_json, next_fire, to_json

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def _local(tz: ZoneInfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0,
           second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=tz)


def test_a_daily_reminder_fires_at_its_local_time_on_both_sides_of_a_change() -> None:
    talk = Reminder(Nudge.TALK, dt.time(20, 0), on=True)
    before = next_fire(talk, _local(BERLIN, 2026, 3, 28, 21, 0), BERLIN)  # the evening before clocks go forward
    assert before == _local(BERLIN, 2026, 3, 29, 20, 0)
    assert before.utcoffset() == dt.timedelta(hours=2)  # summer time already
    elapsed = before.astimezone(dt.UTC) - _local(BERLIN, 2026, 3, 28, 20, 0).astimezone(dt.UTC)
    assert elapsed == dt.timedelta(hours=23)  # a 23-hour day, and still 20:00 both days
    autumn = next_fire(talk, _local(NEW_YORK, 2026, 10, 31, 20, 30), NEW_YORK)
    assert autumn.hour == 20 and autumn.date() == dt.date(2026, 11, 1)
    assert autumn.utcoffset() == dt.timedelta(hours=-5)


def test_a_time_in_the_spring_gap_fires_after_it_and_a_repeated_time_once() -> None:
    early = Reminder(Nudge.CHECK_IN, dt.time(2, 30), on=True)
    gap = next_fire(early, _local(BERLIN, 2026, 3, 29, 1, 0), BERLIN)
    assert (gap.hour, gap.minute, gap.utcoffset()) == (3, 30, dt.timedelta(hours=2))
    first = next_fire(early, _local(BERLIN, 2026, 10, 25, 1, 0), BERLIN)  # 02:30 happens twice that night
    assert (first.hour, first.minute, first.fold, first.utcoffset()) == (2, 30, 0, dt.timedelta(hours=2))
    again = next_fire(early, first, BERLIN)
    assert again.date() == dt.date(2026, 10, 26)  # not the second 02:30


def test_weekdays_month_and_year_ends() -> None:
    weekly = Reminder(Nudge.WEEKLY, dt.time(19, 0), frozenset({7}), on=True)
    assert next_fire(weekly, _local(BERLIN, 2026, 12, 31, 20, 0), BERLIN) == _local(BERLIN, 2027, 1, 3, 19, 0)
    assert next_fire(weekly, _local(BERLIN, 2026, 1, 31, 18, 59), BERLIN).date() == dt.date(2026, 2, 1)
    daily = Reminder(Nudge.CHECK_IN, dt.time(8, 30), on=True)
    assert next_fire(daily, _local(BERLIN, 2026, 2, 28, 9, 0), BERLIN) == _local(BERLIN, 2026, 3, 1, 8, 30)


def test_due_fires_each_reminder_once_and_only_when_on() -> None:
    talk = Reminder(Nudge.TALK, dt.time(20, 0), on=True)
    off = Reminder(Nudge.CHECK_IN, dt.time(20, 0))
    since = _local(BERLIN, 2026, 5, 4, 19, 59)
    assert due([talk, off], since, _local(BERLIN, 2026, 5, 4, 19, 59, 59), BERLIN) == []
    assert due([talk, off], since, _local(BERLIN, 2026, 5, 4, 20, 0), BERLIN) == [talk]
    asleep = due([talk], since, _local(BERLIN, 2026, 5, 7, 21, 0), BERLIN)  # slept through three evenings
    assert asleep == [talk]


def test_what_is_stored_comes_back_over_the_defaults() -> None:
    assert all(not r.on for r in DEFAULTS) and [r.kind for r in DEFAULTS] == [
        Nudge.CHECK_IN, Nudge.TALK, Nudge.WEEKLY, Nudge.PROGRAM]
    mine = (Reminder(Nudge.CHECK_IN, dt.time(7, 45), on=True), *DEFAULTS[1:])
    assert from_json(to_json(mine)) == mine
    assert from_json(None) == DEFAULTS
    assert from_json("not json") == DEFAULTS
    broken = '[{"kind": "talk", "at": "25:99", "weekdays": [1], "on": true}, {"kind": "backup_done"}]'
    assert from_json(broken) == DEFAULTS


def test_a_reminder_needs_a_weekday_and_an_aware_time() -> None:
    with pytest.raises(ValueError, match="weekdays"):
        Reminder(Nudge.TALK, dt.time(20, 0), frozenset())
    with pytest.raises(ValueError, match="weekdays"):
        Reminder(Nudge.TALK, dt.time(20, 0), frozenset({8}))
    with pytest.raises(ValueError, match="aware"):
        next_fire(DEFAULTS[0], dt.datetime(2026, 1, 1), BERLIN)

"""The daily rhythm's domain (core/rhythm.py): the check-in's rules, the seven habits, days practised, the gentle
low-mood note at the edges of its thresholds, and local days across daylight-saving changes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.rhythm import (
    FEELINGS,
    HABIT_IDS,
    HABITS,
    HARD_FEELINGS,
    PLEASANT_FEELINGS,
    CheckIn,
    HabitDays,
    LowMoodNote,
    days_between,
    habit_days,
    local_day,
    low_mood_note,
)

D = dt.date
TODAY = D(2026, 3, 31)
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
UTC = dt.UTC


# ---- feelings and the check-in ------------------------------------------------------------------------------------


def test_feelings_are_balanced_unique_ids() -> None:
    assert 12 <= len(FEELINGS) <= 16
    assert len(set(FEELINGS)) == len(FEELINGS)
    assert len(PLEASANT_FEELINGS) == len(HARD_FEELINGS) == 7
    assert FEELINGS == PLEASANT_FEELINGS + HARD_FEELINGS
    assert all(f.isascii() and f.islower() and f.isidentifier() for f in FEELINGS)
    assert {"calm", "tender", "hopeful", "grateful", "tired", "anxious", "lonely", "sad"} <= set(FEELINGS)


def test_a_check_in_keeps_order_and_strips_its_note() -> None:
    checkin = CheckIn(TODAY, 4, ("tired", "close", "hopeful"), "  a long day, a good evening \n")
    assert checkin.feelings == ("tired", "close", "hopeful")
    assert checkin.note == "a long day, a good evening"
    assert CheckIn(TODAY, 1).feelings == ()
    assert CheckIn(TODAY, 5, ["calm"]).feelings == ("calm",)  # type: ignore[arg-type]  # a list is taken too


@pytest.mark.parametrize("weather", [1, 2, 3, 4, 5])
def test_every_weather_on_the_scale_is_accepted(weather: int) -> None:
    assert CheckIn(TODAY, weather).weather == weather


@pytest.mark.parametrize("weather", [0, 6, -1, True])
def test_weather_off_the_scale_is_refused(weather: int) -> None:
    with pytest.raises(UsageError) as caught:
        CheckIn(TODAY, weather)
    assert caught.value.code == "mood_out_of_range"
    assert caught.value.params == {"low": 1, "high": 5}


@pytest.mark.parametrize(("feelings", "code", "params"), [
    (("calm", "happy"), "feeling_unknown", {}),
    (("Calm",), "feeling_unknown", {}),
    (("calm", "calm"), "feeling_repeated", {}),
    (("calm", "tender", "sad", "tired"), "too_many_feelings", {"max": 3}),
])
def test_feelings_are_checked(feelings: tuple[str, ...], code: str, params: dict[str, int]) -> None:
    with pytest.raises(UsageError) as caught:
        CheckIn(TODAY, 3, feelings)
    assert caught.value.code == code
    assert caught.value.params == params


def test_the_note_length_is_counted_after_stripping() -> None:
    assert len(CheckIn(TODAY, 3, note="x" * 2000).note) == 2000
    assert len(CheckIn(TODAY, 3, note="  " + "x" * 2000 + "\n").note) == 2000
    with pytest.raises(UsageError) as caught:
        CheckIn(TODAY, 3, note="x" * 2001)
    assert caught.value.code == "note_too_long"
    assert caught.value.params == {"max": 2000}


# ---- habits -------------------------------------------------------------------------------------------------------


def test_the_seven_habits() -> None:
    assert HABIT_IDS == ("greeting", "gratitude", "device_free_talk", "playful_touch", "micro_repair",
                         "weekly_check_in", "new_together")
    for habit in HABITS:
        assert habit.title and len(habit.detail) > 60 and habit.source
    sources = " ".join(h.source for h in HABITS)
    for name in ("Gottman", "Algoe", "Aron et al. (2000)", "Field (2010)", "Light", "McDaniel & Coyne (2016)"):
        assert name in sources
    touch = {h.id: h.detail for h in HABITS}
    assert "welcome" in touch["playful_touch"] and "if you both" in touch["greeting"]  # offered, never presumed
    assert not any("streak" in (h.title + h.detail).lower() for h in HABITS)


def test_habit_days_counts_distinct_days() -> None:
    ticks = [
        ("greeting", D(2026, 3, 1)), ("greeting", D(2026, 3, 1)), ("greeting", D(2026, 3, 3)),
        ("gratitude", D(2026, 3, 3)), ("gratitude", D(2026, 3, 4)),
        ("new_together", D(2026, 3, 9)),  # not tracked
        ("juggling", D(2026, 3, 10)),  # not a habit
    ]
    result = habit_days(ticks, {"greeting", "gratitude", "micro_repair", "juggling"})
    assert result == HabitDays(per_habit={"greeting": 2, "gratitude": 2, "micro_repair": 0}, any_habit=3)
    assert list(result.per_habit) == ["greeting", "gratitude", "micro_repair"]  # HABITS order


def test_habit_days_with_nothing_tracked_or_ticked() -> None:
    assert habit_days([("greeting", TODAY)], ()) == HabitDays(per_habit={}, any_habit=0)
    assert habit_days([], HABIT_IDS) == HabitDays(per_habit=dict.fromkeys(HABIT_IDS, 0), any_habit=0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from((*HABIT_IDS, "other")), st.dates(D(2026, 1, 1), D(2026, 1, 31)))),
       st.sets(st.sampled_from(HABIT_IDS)))
def test_habit_days_matches_a_plain_count(ticks: list[tuple[str, dt.date]], tracked: set[str]) -> None:
    result = habit_days(ticks, tracked)
    kept = {(h, d) for h, d in ticks if h in tracked}
    assert result.per_habit == {h: len({d for k, d in kept if k == h}) for h in HABIT_IDS if h in tracked}
    assert result.any_habit == len({d for _, d in kept})
    assert result.any_habit <= sum(result.per_habit.values())


# ---- the low-mood note ------------------------------------------------------------------------------------------


def _daily(weathers: list[int | None], last: dt.date = TODAY) -> list[CheckIn]:
    """Check-ins for consecutive days ending on ``last``; None is a day without one."""
    first = last - dt.timedelta(days=len(weathers) - 1)
    return [CheckIn(first + dt.timedelta(days=i), w) for i, w in enumerate(weathers) if w is not None]


def test_four_low_check_ins_in_a_week_are_not_enough() -> None:
    assert low_mood_note(_daily([None, None, None, 1, 1, 1, 1]), TODAY) is None
    assert low_mood_note(_daily([None, None, 2, 2, 2, 2, 2]), TODAY) is LowMoodNote.REPAIR


def test_the_mean_must_be_two_or_less() -> None:
    assert low_mood_note(_daily([2, 2, 2, 2, 2]), TODAY) is LowMoodNote.REPAIR  # mean 2.0
    assert low_mood_note(_daily([3, 2, 2, 2, 2]), TODAY) is None  # mean 2.2
    assert low_mood_note(_daily([5, 1, 1, 1, 1, 3, 2]), TODAY) is LowMoodNote.REPAIR  # 14 / 7 = 2.0
    assert low_mood_note(_daily([5, 1, 1, 1, 1, 3, 3]), TODAY) is None  # 15 / 7 ≈ 2.14


def test_only_the_last_seven_days_count() -> None:
    # Five low days that ended eight days ago: today's window holds none of them.
    assert low_mood_note(_daily([1, 1, 1, 1, 1], last=TODAY - dt.timedelta(days=7)), TODAY) is None
    # The same five ending six days ago: the window (today - 6 … today) still holds one of them.
    assert low_mood_note(_daily([1, 1, 1, 1, 1], last=TODAY - dt.timedelta(days=6)), TODAY) is None
    assert low_mood_note(_daily([1, 1, 1, 1, 1], last=TODAY - dt.timedelta(days=2)), TODAY) is LowMoodNote.REPAIR


def test_future_check_ins_are_ignored_and_a_later_one_replaces() -> None:
    future = [CheckIn(TODAY + dt.timedelta(days=i), 1) for i in range(1, 8)]
    assert low_mood_note(future, TODAY) is None
    lows = _daily([2, 2, 2, 2, 2])
    assert low_mood_note([*lows, CheckIn(TODAY, 5)], TODAY) is None  # today's 5 replaces its 2: 13 / 5 = 2.6
    assert low_mood_note([CheckIn(TODAY, 5), *lows], TODAY) is LowMoodNote.REPAIR  # the 2 came last: 10 / 5


def test_twenty_days_of_low_windows_are_a_repair_note_twenty_one_ask_for_help() -> None:
    # Every day low: windows are low from the 5th day on. 24 days → windows ending on days 5 … 24: 20 low windows.
    assert low_mood_note(_daily([1] * 24), TODAY) is LowMoodNote.REPAIR
    # 25 days → 21 low windows ending today - 20 … today.
    assert low_mood_note(_daily([1] * 25), TODAY) is LowMoodNote.OUTSIDE_HELP
    assert low_mood_note(_daily([2] * 60), TODAY) is LowMoodNote.OUTSIDE_HELP


def _with(days: int, changes: dict[int, int | None]) -> list[CheckIn]:
    """``days`` daily check-ins of 1 ending today, with some days (0 the oldest) changed or left out."""
    weathers: list[int | None] = [1] * days
    for index, weather in changes.items():
        weathers[index] = weather
    return _daily(weathers)


def test_the_three_weeks_edge_is_the_oldest_window() -> None:
    # 27 days: index 26 is today; the 21 windows end on indices 6 … 26, the oldest covering indices 0 … 6.
    assert low_mood_note(_with(27, {}), TODAY) is LowMoodNote.OUTSIDE_HELP
    # A sunny day inside: every window holding it is 5 + 6 = 11 over 7 ≈ 1.57, still low.
    assert low_mood_note(_with(27, {13: 5}), TODAY) is LowMoodNote.OUTSIDE_HELP
    # Three days missing: the windows ending on indices 14 … 18 hold 4 check-ins; the run since is 8 days.
    assert low_mood_note(_with(27, {12: None, 13: None, 14: None}), TODAY) is LowMoodNote.REPAIR
    # Only the oldest window not low, by count (4 check-ins in indices 0 … 6): 20 low windows.
    assert low_mood_note(_with(27, {0: None, 1: None, 2: None}), TODAY) is LowMoodNote.REPAIR
    assert low_mood_note(_with(27, {0: None, 1: None}), TODAY) is LowMoodNote.OUTSIDE_HELP  # 5 check-ins: low
    # Only the oldest window not low, by mean: 5 + 5 + 5 × 1 = 15 over 7 > 2; with 5 + 4, 14 over 7 = 2.0.
    assert low_mood_note(_with(27, {0: 5, 1: 5}), TODAY) is LowMoodNote.REPAIR
    assert low_mood_note(_with(27, {0: 5, 1: 4}), TODAY) is LowMoodNote.OUTSIDE_HELP
    # Today's window not low: no note at all, however long the low before it.
    assert low_mood_note(_with(40, {39: None, 38: None, 37: None}), TODAY) is None


def test_no_check_ins_no_note() -> None:
    assert low_mood_note([], TODAY) is None
    assert low_mood_note(_daily([5] * 30), TODAY) is None


# ---- local days ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("utc", "tz", "day"), [
    # Berlin springs forward on 29 March 2026 (02:00 → 03:00 CET → CEST) and falls back on 25 October.
    (dt.datetime(2026, 3, 28, 22, 59, tzinfo=UTC), BERLIN, D(2026, 3, 28)),  # 23:59 CET
    (dt.datetime(2026, 3, 28, 23, 0, tzinfo=UTC), BERLIN, D(2026, 3, 29)),  # 00:00 CET
    (dt.datetime(2026, 3, 29, 21, 59, tzinfo=UTC), BERLIN, D(2026, 3, 29)),  # 23:59 CEST: a 23-hour day
    (dt.datetime(2026, 3, 29, 22, 0, tzinfo=UTC), BERLIN, D(2026, 3, 30)),
    (dt.datetime(2026, 10, 24, 22, 0, tzinfo=UTC), BERLIN, D(2026, 10, 25)),  # 00:00 CEST
    (dt.datetime(2026, 10, 25, 22, 59, tzinfo=UTC), BERLIN, D(2026, 10, 25)),  # 23:59 CET: a 25-hour day
    (dt.datetime(2026, 10, 25, 23, 0, tzinfo=UTC), BERLIN, D(2026, 10, 26)),
    # New York springs forward on 8 March 2026 and falls back on 1 November.
    (dt.datetime(2026, 3, 8, 4, 59, tzinfo=UTC), NEW_YORK, D(2026, 3, 7)),  # 23:59 EST
    (dt.datetime(2026, 3, 8, 5, 0, tzinfo=UTC), NEW_YORK, D(2026, 3, 8)),
    (dt.datetime(2026, 3, 9, 3, 59, tzinfo=UTC), NEW_YORK, D(2026, 3, 8)),  # 23:59 EDT
    (dt.datetime(2026, 3, 9, 4, 0, tzinfo=UTC), NEW_YORK, D(2026, 3, 9)),
    (dt.datetime(2026, 11, 1, 3, 59, tzinfo=UTC), NEW_YORK, D(2026, 10, 31)),  # 23:59 EDT, a month end
    (dt.datetime(2026, 11, 2, 4, 59, tzinfo=UTC), NEW_YORK, D(2026, 11, 1)),  # 23:59 EST: a 25-hour day
    (dt.datetime(2026, 11, 2, 5, 0, tzinfo=UTC), NEW_YORK, D(2026, 11, 2)),
    # Month and year ends.
    (dt.datetime(2026, 2, 28, 23, 30, tzinfo=UTC), BERLIN, D(2026, 3, 1)),
    (dt.datetime(2026, 12, 31, 23, 0, tzinfo=UTC), BERLIN, D(2027, 1, 1)),
    (dt.datetime(2027, 1, 1, 4, 59, tzinfo=UTC), NEW_YORK, D(2026, 12, 31)),
])
def test_local_day(utc: dt.datetime, tz: ZoneInfo, day: dt.date) -> None:
    assert local_day(utc, tz) == day
    assert local_day(utc.astimezone(NEW_YORK if tz is BERLIN else BERLIN), tz) == day  # any aware input


def test_the_ambiguous_hour_falls_on_the_day_it_was() -> None:
    # 02:30 happens twice in Berlin on 25 October; both are that day.
    first = dt.datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=0)
    second = dt.datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN, fold=1)
    assert (second.astimezone(UTC) - first.astimezone(UTC)) == dt.timedelta(hours=1)
    assert local_day(first, NEW_YORK) == local_day(second, NEW_YORK) == D(2026, 10, 24)
    assert local_day(first, BERLIN) == local_day(second, BERLIN) == D(2026, 10, 25)


def test_local_day_refuses_a_naive_time() -> None:
    with pytest.raises(ValueError, match="aware"):
        local_day(dt.datetime(2026, 3, 29, 12, 0), BERLIN)  # naive: the point of the test


@pytest.mark.parametrize(("a", "b", "days"), [
    (D(2026, 3, 28), D(2026, 3, 30), 2),  # across Berlin's spring change: 47 hours, two days
    (D(2026, 10, 24), D(2026, 10, 26), 2),  # across its autumn change: 49 hours
    (D(2026, 3, 7), D(2026, 3, 9), 2),
    (D(2026, 10, 31), D(2026, 11, 2), 2),
    (D(2026, 2, 28), D(2026, 3, 1), 1),
    (D(2026, 12, 31), D(2027, 1, 1), 1),
    (D(2026, 1, 1), D(2027, 1, 1), 365),
    (D(2027, 1, 1), D(2026, 12, 25), -7),
    (TODAY, TODAY, 0),
])
def test_days_between(a: dt.date, b: dt.date, days: int) -> None:
    assert days_between(a, b) == days


def test_days_between_agrees_with_local_days_where_hours_do_not() -> None:
    evening = dt.datetime(2026, 3, 28, 23, 0, tzinfo=BERLIN)
    next_evening = dt.datetime(2026, 3, 29, 23, 0, tzinfo=BERLIN)
    hours = (next_evening.astimezone(UTC) - evening.astimezone(UTC)) / dt.timedelta(hours=1)
    assert hours == 23
    assert days_between(local_day(evening, BERLIN), local_day(next_evening, BERLIN)) == 1


def test_days_between_refuses_datetimes() -> None:
    with pytest.raises(TypeError):
        days_between(dt.datetime(2026, 3, 28, tzinfo=BERLIN), D(2026, 3, 30))

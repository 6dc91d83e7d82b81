"""The daily rhythm: a short check-in (the day's emotional weather and a few feeling words), seven small habits a
couple may choose to keep, and a gentle note when the weather has stayed low for a while.

Counted, never chased: habits are days practised, never a streak, so nothing can be lost by missing a day. The
low-mood note is an offer, not a diagnosis; it never says what is wrong, only that help exists.

Days are local calendar days. ``local_day`` and ``days_between`` work on dates, never on 24-hour steps, so a day
with 23 or 25 hours (a change of daylight saving time) is still one day.

Pure Python: no Qt, no storage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import MOODS

# ---- the check-in ---------------------------------------------------------------------------------------------------

# Stable ids (stored, and used as translation keys by the GUI); the words shown are translated there. Seven that
# tend to feel easy and seven that tend to feel hard: every one is a feeling a person may have, none is a verdict.
PLEASANT_FEELINGS: tuple[str, ...] = ("calm", "tender", "hopeful", "grateful", "playful", "close", "content")
HARD_FEELINGS: tuple[str, ...] = ("tired", "stretched", "anxious", "lonely", "irritable", "sad", "distant")
FEELINGS: tuple[str, ...] = PLEASANT_FEELINGS + HARD_FEELINGS

MAX_FEELINGS = 3
NOTE_MAX = 2000


@dataclass(frozen=True)
class CheckIn:
    """One day's check-in. ``weather`` is the journal's mood scale: 1 stormy, 2 rainy, 3 cloudy, 4 sunny spells,
    5 sunny. ``feelings`` are up to three ids of ``FEELINGS``, in the order chosen; ``note`` is stored stripped."""

    day: dt.date
    weather: int
    feelings: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.weather, bool) or self.weather not in MOODS:
            raise UsageError("mood_out_of_range", low=MOODS.start, high=MOODS.stop - 1)
        feelings = tuple(self.feelings)
        if any(feeling not in FEELINGS for feeling in feelings):
            raise UsageError("feeling_unknown")
        if len(set(feelings)) != len(feelings):
            raise UsageError("feeling_repeated")
        if len(feelings) > MAX_FEELINGS:
            raise UsageError("too_many_feelings", max=MAX_FEELINGS)
        note = self.note.strip()
        if len(note) > NOTE_MAX:
            raise UsageError("note_too_long", max=NOTE_MAX)
        object.__setattr__(self, "feelings", feelings)
        object.__setattr__(self, "note", note)


# ---- the seven habits -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Habit:
    id: str  # stable: stored with every tick
    title: str
    detail: str
    source: str  # the research it leans on, by name


HABITS: tuple[Habit, ...] = (
    Habit(
        id="greeting",
        title="Greet each other fully",
        detail="When you meet again after time apart, pause for a moment: look at each other, and if you both "
        "want one, share a hug slow enough to actually feel. A warm word and a smile are a full greeting too.",
        source="Gottman's research on “turning toward” each other's bids for connection; Light, Grewen & Amico "
        "(2005) and Field (2010) on warm partner contact and hugging.",
    ),
    Habit(
        id="gratitude",
        title="One thing you appreciate",
        detail="Before you sleep, tell your partner one specific thing about them you were glad of today: "
        "something they did, or simply something they are. Small and true is plenty.",
        source="Algoe's find-remind-and-bind theory: expressed gratitude helps partners notice each other and "
        "draws them closer (Algoe, 2012).",
    ),
    Habit(
        id="device_free_talk",
        title="Ten minutes, screens away",
        detail="Put phones and screens out of reach and talk for ten minutes: about your days, a worry, a small "
        "wonder. Listening well counts as much as having something to say.",
        source="McDaniel & Coyne (2016) on “technoference”: everyday interruptions by devices go with less "
        "satisfaction between partners; this is time kept free of them.",
    ),
    Habit(
        id="playful_touch",
        title="Be a little playful",
        detail="Share something light: an inside joke, a silly voice, a squeeze of the shoulder in passing. Touch "
        "is an offer, only where it is welcome; a shared laugh is enough on its own.",
        source="Field (2010) on the benefits of welcome touch; Gottman's observation that many bids for "
        "connection are small and playful.",
    ),
    Habit(
        id="micro_repair",
        title="Mend small things soon",
        detail="When a small hurt slips out, a sharp tone or a forgotten promise, name it and say sorry early, "
        "before it grows. Accepting a repair kindly is part of the habit too.",
        source="Gottman's research on repair attempts: what matters is less avoiding missteps than repairing "
        "them, and accepting repair.",
    ),
    Habit(
        id="weekly_check_in",
        title="A weekly check-in",
        detail="Once a week, take turns asking how things feel between you and what you have needed but not yet "
        "said. Listen to understand rather than to answer; there is no wrong need to bring.",
        source="Inspired by the Gottmans' weekly “State of the Union” conversation and their work on turning "
        "toward each other's needs.",
    ),
    Habit(
        id="new_together",
        title="Try something new together",
        detail="Do something neither of you does every day: cook an unfamiliar dish, dance in the kitchen, "
        "volunteer side by side, walk a route you do not know. Newness shared is closeness made.",
        source="Aron et al. (2000): couples who shared novel and arousing activities reported higher "
        "relationship quality afterwards.",
    ),
)
HABIT_IDS: tuple[str, ...] = tuple(habit.id for habit in HABITS)


@dataclass(frozen=True)
class HabitDays:
    """Days practised, never a streak. ``per_habit`` holds every tracked habit (in ``HABITS`` order), even at 0."""

    per_habit: dict[str, int]
    any_habit: int  # distinct days on which at least one tracked habit was practised


def habit_days(ticks: Iterable[tuple[str, dt.date]], tracked: Collection[str]) -> HabitDays:
    """``ticks`` are (habit id, local day) pairs; a habit ticked twice on one day counts that day once. Ticks of
    habits not tracked, and ids that are not habits, are left out."""
    kept = [habit_id for habit_id in HABIT_IDS if habit_id in tracked]
    days: dict[str, set[dt.date]] = {habit_id: set() for habit_id in kept}
    for habit_id, day in ticks:
        if habit_id in days:
            days[habit_id].add(day)
    return HabitDays(
        per_habit={habit_id: len(days[habit_id]) for habit_id in kept},
        any_habit=len(set().union(*days.values())),
    )


# ---- the low-mood note ------------------------------------------------------------------------------------------

LOW_WINDOW_DAYS = 7
LOW_MIN_CHECKINS = 5
LOW_MEAN_AT_MOST = 2  # mean weather of at most 2.0: between stormy and rainy
OUTSIDE_HELP_DAYS = 21


class LowMoodNote(StrEnum):
    REPAIR = "repair"  # a gentle suggestion to reach for each other (the repair habits)
    OUTSIDE_HELP = "outside_help"  # the low has lasted three weeks: a word about help outside the couple


def low_mood_note(checkins: Iterable[CheckIn], today: dt.date) -> LowMoodNote | None:
    """Whether to show a gentle note, and which.

    One check-in counts per day: if several share a day, the last one given counts (a later check-in replaces an
    earlier one). Check-ins after ``today`` are ignored.

    The window ending on day ``d`` is the 7 days ``d - 6`` … ``d``. It is *low* when it holds at least 5 check-ins
    and their mean weather is at most 2.0 (so 5 check-ins of 2 are low, 5 summing to 11, a mean of 2.2, are not).

    - ``OUTSIDE_HELP`` when the window ending on each of the last 21 days (``today - 20`` … ``today``) is low: the
      low has lasted three weeks;
    - else ``REPAIR`` when the window ending today is low;
    - else ``None``.
    """
    earliest = today - dt.timedelta(days=OUTSIDE_HELP_DAYS + LOW_WINDOW_DAYS - 2)
    weather: dict[dt.date, int] = {}
    for checkin in checkins:
        if earliest <= checkin.day <= today:
            weather[checkin.day] = checkin.weather
    span = (today - earliest).days + 1
    values = [weather.get(earliest + dt.timedelta(days=i)) for i in range(span)]

    count = total = 0
    low_run = 0  # consecutive low windows, ending on the latest day looked at
    for i, value in enumerate(values):
        if value is not None:
            count, total = count + 1, total + value
        if i >= LOW_WINDOW_DAYS:
            leaving = values[i - LOW_WINDOW_DAYS]
            if leaving is not None:
                count, total = count - 1, total - leaving
        if i >= LOW_WINDOW_DAYS - 1:
            low = count >= LOW_MIN_CHECKINS and total <= LOW_MEAN_AT_MOST * count
            low_run = low_run + 1 if low else 0
    if low_run >= OUTSIDE_HELP_DAYS:
        return LowMoodNote.OUTSIDE_HELP
    if low_run >= 1:
        return LowMoodNote.REPAIR
    return None


# ---- local days -----------------------------------------------------------------------------------------------------


def local_day(instant: dt.datetime, tz: dt.tzinfo) -> dt.date:
    """The calendar day ``instant`` falls on in ``tz``. ``instant`` must be aware: a naive time has no day."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("local_day needs an aware datetime")
    return instant.astimezone(tz).date()


def days_between(a: dt.date, b: dt.date) -> int:
    """Calendar days from ``a`` to ``b`` (negative when ``b`` is earlier); a day of 23 or 25 hours is one day.

    Datetimes are refused: their difference is in hours, and it is the hours that a change of clocks bends."""
    if isinstance(a, dt.datetime) or isinstance(b, dt.datetime):
        raise TypeError("days_between takes dates; turn times into days with local_day first")
    return (b - a).days

"""The daily rhythm of one profile: the morning check-in (editable all day), the habits a person chose to track and
the days each was practised, the evening gratitude (a journal entry of its own kind), and the gentle low-mood note.

Days are the person's local days, passed in by the caller (``today``) so tests and a window left open past midnight
agree on which day it is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence

from intimacy_desktop.core.changes import Changed, ChangeSink, ignore_changes
from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.core.journal import Entry, EntryFields, Kind
from intimacy_desktop.core.reminders import Reminder, from_json, to_json
from intimacy_desktop.core.rhythm import (
    HABIT_IDS,
    LOW_WINDOW_DAYS,
    OUTSIDE_HELP_DAYS,
    CheckIn,
    HabitDays,
    LowMoodNote,
    habit_days,
    low_mood_note,
)
from intimacy_desktop.services.journal import JournalService
from intimacy_desktop.storage.database import Database
from intimacy_desktop.storage.rhythm_repo import RhythmRepository
from intimacy_desktop.storage.settings_repo import SettingsRepository

REMINDERS_KEY = "rhythm.reminders"  # core/reminders.py's JSON: kinds, times, weekdays, on or off; no content
TRACKED_KEY = "rhythm.tracked"  # the habits a person chose to track, as a JSON list (all seven until they choose)
GRATITUDE_MAX = 1000


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class RhythmService:
    def __init__(self, db: Database, notify: ChangeSink = ignore_changes, *,
                 now: Callable[[], dt.datetime] = _utc_now) -> None:
        self._db = db
        self._notify = notify
        self._now = now
        self._journal = JournalService(db, notify)

    # ---- the check-in --------------------------------------------------------------------------------------
    def checkin(self, day: dt.date) -> CheckIn | None:
        with self._db.session() as tx:
            found = RhythmRepository(tx).checkins(day, day)
        return found[0] if found else None

    def save_checkin(self, checkin: CheckIn) -> CheckIn:
        with self._db.session() as tx:
            RhythmRepository(tx).put_checkin(checkin, self._now())
        self._notify(Changed.CHECKINS)
        return checkin

    def clear_checkin(self, day: dt.date) -> None:
        with self._db.session() as tx:
            RhythmRepository(tx).delete_checkin(day)
        self._notify(Changed.CHECKINS)

    def checkins(self, first: dt.date, last: dt.date) -> list[CheckIn]:
        with self._db.session() as tx:
            return RhythmRepository(tx).checkins(first, last)

    def low_mood(self, today: dt.date) -> LowMoodNote | None:
        first = today - dt.timedelta(days=OUTSIDE_HELP_DAYS + LOW_WINDOW_DAYS)
        return low_mood_note(self.checkins(first, today), today)

    # ---- habits ----------------------------------------------------------------------------------------------
    def tracked(self) -> tuple[str, ...]:
        with self._db.session() as tx:
            raw = SettingsRepository(tx).get(TRACKED_KEY)
        if raw is None:
            return HABIT_IDS
        try:
            chosen = json.loads(raw)
        except ValueError:
            return HABIT_IDS
        return tuple(h for h in HABIT_IDS if isinstance(chosen, list) and h in chosen)

    def set_tracked(self, habits: Sequence[str]) -> tuple[str, ...]:
        unknown = [h for h in habits if h not in HABIT_IDS]
        if unknown:
            raise UsageError("habit_unknown")
        kept = tuple(h for h in HABIT_IDS if h in habits)
        with self._db.session() as tx:
            SettingsRepository(tx).put(TRACKED_KEY, json.dumps(list(kept)))
        self._notify(Changed.HABITS | Changed.SETTINGS)
        return kept

    def tick(self, habit: str, day: dt.date, done: bool = True) -> None:
        if habit not in HABIT_IDS:
            raise UsageError("habit_unknown")
        with self._db.session() as tx:
            RhythmRepository(tx).set_tick(habit, day, done)
        self._notify(Changed.HABITS)

    def ticked_on(self, day: dt.date) -> set[str]:
        with self._db.session() as tx:
            return {h for h, _d in RhythmRepository(tx).ticks(day, day)}

    def habit_days(self) -> HabitDays:
        """Days practised per tracked habit and in total, over all time: counted, never a streak."""
        with self._db.session() as tx:
            ticks = RhythmRepository(tx).ticks()
        return habit_days(ticks, self.tracked())

    # ---- reminders -------------------------------------------------------------------------------------------
    def reminders(self) -> tuple[Reminder, ...]:
        with self._db.session() as tx:
            return from_json(SettingsRepository(tx).get(REMINDERS_KEY))

    def set_reminders(self, reminders: Sequence[Reminder]) -> tuple[Reminder, ...]:
        with self._db.session() as tx:
            SettingsRepository(tx).put(REMINDERS_KEY, to_json(reminders))
        self._notify(Changed.SETTINGS)
        return tuple(reminders)

    # ---- gratitude -------------------------------------------------------------------------------------------
    def add_gratitude(self, text: str, day: dt.date) -> Entry:
        """The evening's one thing appreciated about the partner, as a journal entry of its own kind."""
        words = " ".join(text.split())
        if not words:
            raise UsageError("gratitude_empty")
        if len(words) > GRATITUDE_MAX:
            raise UsageError("note_too_long", max=GRATITUDE_MAX)
        title = words if len(words) <= 80 else words[:79].rstrip() + "…"
        return self._journal.add(EntryFields(title=title, body=words if title != words else "", entry_date=day,
                                             kind=Kind.GRATITUDE, mood=None))

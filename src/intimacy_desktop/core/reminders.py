"""Reminders at the times a person sets: what kind (the words are core/discreet.py's, never content), when (a local
time, on chosen weekdays), and when each next fires, in the local time zone across changes of the clocks.

A time that does not exist on a spring-forward day (02:30 when the clocks jump from 02:00 to 03:00) fires at the
first moment after the gap (03:30); a time that happens twice on a fall-back day fires once, the first time. All
arithmetic is on aware datetimes, so a day of 23 or 25 hours moves nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from intimacy_desktop.core.discreet import Nudge

EVERY_DAY = frozenset(range(1, 8))  # ISO weekdays, 1 Monday … 7 Sunday
REMINDABLE = (Nudge.CHECK_IN, Nudge.TALK, Nudge.WEEKLY, Nudge.PROGRAM)


@dataclass(frozen=True)
class Reminder:
    kind: Nudge
    at: dt.time
    weekdays: frozenset[int] = EVERY_DAY
    on: bool = False

    def __post_init__(self) -> None:
        days = frozenset(int(d) for d in self.weekdays)
        if not days or not days <= EVERY_DAY:
            raise ValueError("weekdays are ISO numbers 1 to 7, at least one")
        object.__setattr__(self, "weekdays", days)
        object.__setattr__(self, "at", self.at.replace(second=0, microsecond=0, tzinfo=None))


DEFAULTS: tuple[Reminder, ...] = (  # all off until the person turns one on
    Reminder(Nudge.CHECK_IN, dt.time(8, 30)),
    Reminder(Nudge.TALK, dt.time(20, 0)),
    Reminder(Nudge.WEEKLY, dt.time(19, 0), frozenset({7})),
    Reminder(Nudge.PROGRAM, dt.time(18, 0)),
)


def _at(day: dt.date, at: dt.time, tz: dt.tzinfo) -> dt.datetime:
    """``at`` on ``day`` in ``tz`` as a real instant: through UTC, so a time in a spring-forward gap lands after it."""
    naive = dt.datetime.combine(day, at)
    return naive.replace(tzinfo=tz, fold=0).astimezone(dt.UTC).astimezone(tz)


def next_fire(reminder: Reminder, after: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """The first moment strictly after ``after`` (aware) at which the reminder fires, in ``tz``."""
    if after.tzinfo is None:
        raise ValueError("next_fire needs an aware datetime")
    day = after.astimezone(tz).date()
    for offset in range(0, 15):
        candidate_day = day + dt.timedelta(days=offset)
        if candidate_day.isoweekday() not in reminder.weekdays:
            continue
        when = _at(candidate_day, reminder.at, tz)
        if when > after:
            return when
    raise AssertionError("a reminder with a weekday always fires within two weeks")


def due(reminders: Iterable[Reminder], since: dt.datetime, now: dt.datetime, tz: dt.tzinfo) -> list[Reminder]:
    """The reminders that are on and fire in (``since``, ``now``]; each at most once, however long the gap (a
    computer that slept through three evenings says "time for your talk" once, not three times)."""
    return [r for r in reminders if r.on and next_fire(r, since, tz) <= now]


def to_json(reminders: Sequence[Reminder]) -> str:
    return json.dumps([{"kind": r.kind.value, "at": r.at.strftime("%H:%M"), "weekdays": sorted(r.weekdays),
                        "on": r.on} for r in reminders])


def from_json(text: str | None) -> tuple[Reminder, ...]:
    """What was stored, over the defaults: a kind missing or unreadable keeps its default (off)."""
    found = {r.kind: r for r in DEFAULTS}
    try:
        rows = json.loads(text) if text else []
    except ValueError:
        rows = []
    for row in rows if isinstance(rows, list) else []:
        try:
            kind = Nudge(row["kind"])
            if kind not in found:
                continue
            hours, minutes = (int(x) for x in str(row["at"]).split(":"))
            found[kind] = replace(found[kind], at=dt.time(hours, minutes), weekdays=frozenset(row["weekdays"]),
                                  on=bool(row["on"]))
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(found[r.kind] for r in DEFAULTS)

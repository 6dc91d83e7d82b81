"""The daily rhythm's rows (migration v8): one check-in per local day and the habits ticked on each day."""

from __future__ import annotations

import datetime as dt
import json

from intimacy_desktop.core.errors import DataCorrupt
from intimacy_desktop.core.rhythm import CheckIn
from intimacy_desktop.storage.sql import Tx, stamp


class RhythmRepository:
    def __init__(self, tx: Tx) -> None:
        self._tx = tx

    def put_checkin(self, checkin: CheckIn, now: dt.datetime) -> None:
        """The day's check-in, replacing an earlier one of the same day (editable all day)."""
        self._tx.run(
            "INSERT INTO checkins (day, weather, feelings, note, updated_at) VALUES (:d, :w, :f, :n, :t) "
            "ON CONFLICT (day) DO UPDATE SET weather = :w, feelings = :f, note = :n, updated_at = :t",
            {"d": checkin.day.isoformat(), "w": checkin.weather, "f": json.dumps(list(checkin.feelings)),
             "n": checkin.note, "t": stamp(now)})

    def delete_checkin(self, day: dt.date) -> None:
        self._tx.run("DELETE FROM checkins WHERE day = :d", {"d": day.isoformat()})

    def checkins(self, first: dt.date, last: dt.date) -> list[CheckIn]:
        """The check-ins from ``first`` to ``last`` (both included), oldest first. A row that no longer passes the
        check-in's rules (a feeling word retired by a newer version) keeps its weather and drops what is unknown."""
        rows = self._tx.rows("SELECT day, weather, feelings, note FROM checkins WHERE day BETWEEN :a AND :b "
                             "ORDER BY day", {"a": first.isoformat(), "b": last.isoformat()})
        return [_checkin(row) for row in rows]

    def set_tick(self, habit: str, day: dt.date, on: bool) -> None:
        if on:
            self._tx.run("INSERT INTO habit_ticks (habit, day) VALUES (:h, :d) ON CONFLICT DO NOTHING",
                         {"h": habit, "d": day.isoformat()})
        else:
            self._tx.run("DELETE FROM habit_ticks WHERE habit = :h AND day = :d", {"h": habit, "d": day.isoformat()})

    def ticks(self, first: dt.date | None = None, last: dt.date | None = None) -> list[tuple[str, dt.date]]:
        """(habit, day) pairs, oldest first; every tick when no range is given."""
        sql, params = "SELECT habit, day FROM habit_ticks", {}
        if first is not None and last is not None:
            sql += " WHERE day BETWEEN :a AND :b"
            params = {"a": first.isoformat(), "b": last.isoformat()}
        return [(str(h), dt.date.fromisoformat(str(d))) for h, d in self._tx.rows(sql + " ORDER BY day", params)]



def _checkin(row: tuple[object, ...]) -> CheckIn:
    from intimacy_desktop.core.rhythm import FEELINGS, MAX_FEELINGS

    try:
        day = dt.date.fromisoformat(str(row[0]))
        words = json.loads(str(row[2]))
        feelings = tuple(dict.fromkeys(w for w in words if isinstance(w, str) and w in FEELINGS))[:MAX_FEELINGS]
        return CheckIn(day, int(str(row[1])), feelings, str(row[3])[:2000])
    except (ValueError, TypeError) as exc:
        raise DataCorrupt("entry_data_invalid") from exc

"""The reads behind the Insights page: narrow columns over a date range, no bodies, so two years of daily data and
ten thousand entries come back in milliseconds (benchmarks/insights_10k.py)."""

from __future__ import annotations

import datetime as dt

from intimacy_desktop.storage.sql import Tx, read_stamp


def _d(value: object) -> dt.date:
    return dt.date.fromisoformat(str(value)[:10])


class InsightsRepository:
    def __init__(self, tx: Tx) -> None:
        self._tx = tx

    def _range(self, sql: str, first: dt.date, last: dt.date) -> list[tuple[object, ...]]:
        return list(self._tx.rows(sql, {"a": first.isoformat(), "b": last.isoformat()}))

    def talk_by_layer(self, first: dt.date, last: dt.date) -> list[tuple[str, float]]:
        rows = self._range("SELECT layer, SUM(actual_s) FROM conversation_sessions WHERE day BETWEEN :a AND :b "
                           "AND layer IS NOT NULL GROUP BY layer", first, last)
        return [(str(layer), float(str(s)) / 60) for layer, s in rows]

    def entry_moods(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, int]]:
        rows = self._range("SELECT entry_date, mood FROM entries WHERE deleted_at IS NULL AND mood IS NOT NULL "
                           "AND entry_date BETWEEN :a AND :b", first, last)
        return [(_d(day), int(str(m))) for day, m in rows]

    def entries_by_layer(self, first: dt.date, last: dt.date) -> list[tuple[str, int]]:
        rows = self._range("SELECT layer, COUNT(*) FROM entries WHERE deleted_at IS NULL AND layer != 'none' "
                           "AND entry_date BETWEEN :a AND :b GROUP BY layer", first, last)
        return [(str(layer), int(str(n))) for layer, n in rows]

    def prompts_by_layer(self, first: dt.date, last: dt.date) -> list[tuple[str, int]]:
        rows = self._range("SELECT layer, COUNT(*) FROM prompt_marks WHERE used_at IS NOT NULL "
                           "AND substr(used_at, 1, 10) BETWEEN :a AND :b GROUP BY layer", first, last)
        return [(str(layer), int(str(n))) for layer, n in rows]

    def finished_runs(self, first: dt.date, last: dt.date) -> list[str]:
        """The exercise ids of runs finished in the range (UTC days, which is close enough for a balance)."""
        rows = self._range("SELECT exercise_id FROM exercise_runs WHERE finished_at IS NOT NULL "
                           "AND substr(finished_at, 1, 10) BETWEEN :a AND :b", first, last)
        return [str(r[0]) for r in rows]

    def assessment_scores(self) -> list[tuple[dt.date, str, float]]:
        """Every scored result alone (a reveal's two partners are compared on the Exercises page, not charted)."""
        rows = self._tx.rows("SELECT taken_at, assessment_id, score FROM assessment_results WHERE score IS NOT NULL "
                             "AND partner = '' ORDER BY taken_at")
        return [(read_stamp(t).replace(tzinfo=dt.UTC).astimezone().date(), str(a), float(str(s))) for t, a, s in rows]

    def month_entries(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str, str, int | None]]:
        rows = self._range("SELECT entry_date, kind, title, mood FROM entries WHERE deleted_at IS NULL "
                           "AND entry_date BETWEEN :a AND :b", first, last)
        return [(_d(day), str(kind), str(title), None if mood is None else int(str(mood)))
                for day, kind, title, mood in rows]

"""Exercise runs, assessment results and program progress of one profile (migration v4), in the encrypted database."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from intimacy_desktop.storage.sql import Tx, read_stamp, stamp


@dataclass(frozen=True)
class RunRow:
    id: int
    exercise_id: str
    state: str  # core/exercise_run's JSON
    started_at: dt.datetime
    updated_at: dt.datetime
    finished_at: dt.datetime | None


@dataclass(frozen=True)
class ResultRow:
    id: int
    assessment_id: str
    taken_at: dt.datetime
    answers: dict[str, Any]
    score: float | None
    partner: str  # "" alone; "a" or "b" in a reveal
    reveal: str  # the reveal both partners' results belong to, "" alone


@dataclass(frozen=True)
class ProgressRow:
    program_id: str
    started_at: dt.datetime
    updated_at: dt.datetime
    done: tuple[str, ...]
    paused: bool


_RUN = "SELECT id, exercise_id, state, started_at, updated_at, finished_at FROM exercise_runs"
_RESULT = "SELECT id, assessment_id, taken_at, answers, score, partner, reveal FROM assessment_results"
_PROGRESS = "SELECT program_id, started_at, updated_at, done, paused FROM program_progress"


class PracticeRepository:
    def __init__(self, tx: Tx) -> None:
        self._tx = tx

    # ---- runs ----------------------------------------------------------------------------------------------
    def add_run(self, exercise_id: str, state: str, now: dt.datetime) -> int:
        cur = self._tx.run("INSERT INTO exercise_runs (exercise_id, state, started_at, updated_at) "
                           "VALUES (:e, :s, :now, :now)", {"e": exercise_id, "s": state, "now": stamp(now)})
        return int(cur.lastrowid)

    def save_run(self, run_id: int, state: str, now: dt.datetime, *, finished: bool) -> None:
        self._tx.run("UPDATE exercise_runs SET state = :s, updated_at = :now, finished_at = :f WHERE id = :id",
                     {"s": state, "now": stamp(now), "f": stamp(now) if finished else None, "id": run_id})

    def run(self, run_id: int) -> RunRow | None:
        row = self._tx.one(f"{_RUN} WHERE id = :id", {"id": run_id})
        return _run(row) if row else None

    def runs(self, *, unfinished: bool | None = None, limit: int = 200) -> list[RunRow]:
        where = {None: "", True: " WHERE finished_at IS NULL", False: " WHERE finished_at IS NOT NULL"}[unfinished]
        rows = self._tx.rows(f"{_RUN}{where} ORDER BY updated_at DESC, id DESC LIMIT :n", {"n": limit})
        return [_run(r) for r in rows]

    def delete_run(self, run_id: int) -> None:
        self._tx.run("DELETE FROM exercise_runs WHERE id = :id", {"id": run_id})

    def link_entry(self, run_id: int, step_id: str, entry_id: int) -> None:
        self._tx.run("INSERT INTO run_entries (run_id, step_id, entry_id) VALUES (:r, :s, :e) "
                     "ON CONFLICT (run_id, step_id) DO UPDATE SET entry_id = :e",
                     {"r": run_id, "s": step_id, "e": entry_id})

    def run_entries(self, run_id: int) -> dict[str, int]:
        rows = self._tx.rows("SELECT step_id, entry_id FROM run_entries WHERE run_id = :r", {"r": run_id})
        return {str(s): int(e) for s, e in rows}

    # ---- assessment results ----------------------------------------------------------------------------------
    def add_result(self, assessment_id: str, answers: dict[str, Any], score: float | None, now: dt.datetime,
                   *, partner: str = "", reveal: str = "") -> int:
        cur = self._tx.run(
            "INSERT INTO assessment_results (assessment_id, taken_at, answers, score, partner, reveal) "
            "VALUES (:a, :t, :ans, :s, :p, :r)",
            {"a": assessment_id, "t": stamp(now), "ans": json.dumps(answers, sort_keys=True), "s": score,
             "p": partner, "r": reveal},
        )
        return int(cur.lastrowid)

    def results(self, assessment_id: str | None = None) -> list[ResultRow]:
        if assessment_id is None:
            rows = self._tx.rows(f"{_RESULT} ORDER BY taken_at, id")
        else:
            rows = self._tx.rows(f"{_RESULT} WHERE assessment_id = :a ORDER BY taken_at, id", {"a": assessment_id})
        return [_result(r) for r in rows]

    # ---- program progress ------------------------------------------------------------------------------------
    def progress(self, program_id: str) -> ProgressRow | None:
        row = self._tx.one(f"{_PROGRESS} WHERE program_id = :p", {"p": program_id})
        return _progress(row) if row else None

    def all_progress(self) -> list[ProgressRow]:
        return [_progress(r) for r in self._tx.rows(f"{_PROGRESS} ORDER BY updated_at DESC")]

    def save_progress(self, program_id: str, done: tuple[str, ...], paused: bool, now: dt.datetime) -> None:
        self._tx.run(
            "INSERT INTO program_progress (program_id, started_at, updated_at, done, paused) "
            "VALUES (:p, :now, :now, :d, :z) ON CONFLICT (program_id) DO UPDATE SET updated_at = :now, done = :d, "
            "paused = :z", {"p": program_id, "now": stamp(now), "d": json.dumps(list(done)), "z": int(paused)})

    def drop_progress(self, program_id: str) -> None:
        self._tx.run("DELETE FROM program_progress WHERE program_id = :p", {"p": program_id})


def _run(r: tuple[Any, ...]) -> RunRow:
    return RunRow(int(r[0]), str(r[1]), str(r[2]), read_stamp(r[3]), read_stamp(r[4]),
                  read_stamp(r[5]) if r[5] else None)


def _result(r: tuple[Any, ...]) -> ResultRow:
    return ResultRow(int(r[0]), str(r[1]), read_stamp(r[2]), json.loads(r[3]), None if r[4] is None else float(r[4]),
                     str(r[5]), str(r[6]))


def _progress(r: tuple[Any, ...]) -> ProgressRow:
    return ProgressRow(str(r[0]), read_stamp(r[1]), read_stamp(r[2]), tuple(json.loads(r[3])), bool(r[4]))

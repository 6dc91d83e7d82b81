"""Logged device-free conversations of one profile (migration v5), in the encrypted database."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from intimacy_desktop.storage.sql import Tx, read_stamp, stamp


@dataclass(frozen=True)
class SessionRow:
    id: int
    started_at: dt.datetime
    day: dt.date
    preset: str
    planned_s: float
    actual_s: float
    status: str  # "running", "finished" or "stopped"
    layer: str | None
    depth: str | None
    turn_s: float | None
    cards: tuple[str, ...]
    rating: int | None
    entry_id: int | None


_SESSION = ("SELECT id, started_at, day, preset, planned_s, actual_s, status, layer, depth, turn_s, cards, rating, "
            "entry_id FROM conversation_sessions")


def _row(r: tuple[Any, ...]) -> SessionRow:
    cards = json.loads(str(r[10]))
    return SessionRow(
        id=int(r[0]), started_at=read_stamp(r[1]), day=dt.date.fromisoformat(str(r[2])), preset=str(r[3]),
        planned_s=float(r[4]), actual_s=float(r[5]), status=str(r[6]),
        layer=None if r[7] is None else str(r[7]), depth=None if r[8] is None else str(r[8]),
        turn_s=None if r[9] is None else float(r[9]),
        cards=tuple(str(c) for c in cards) if isinstance(cards, list) else (),
        rating=None if r[11] is None else int(r[11]),
        entry_id=None if r[12] is None else int(r[12]),
    )


class ConversationRepository:
    def __init__(self, tx: Tx) -> None:
        self._tx = tx

    def add(self, *, started_at: dt.datetime, day: dt.date, preset: str, planned_s: float, layer: str | None,
            depth: str | None, turn_s: float | None) -> int:
        cur = self._tx.run(
            "INSERT INTO conversation_sessions (started_at, day, preset, planned_s, status, layer, depth, turn_s, "
            "updated_at) VALUES (:at, :day, :p, :planned, 'running', :layer, :depth, :turn, :at)",
            {"at": stamp(started_at), "day": day.isoformat(), "p": preset, "planned": planned_s, "layer": layer,
             "depth": depth, "turn": turn_s})
        return int(cur.lastrowid)

    def update(self, session_id: int, *, planned_s: float, actual_s: float, status: str, cards: tuple[str, ...],
               now: dt.datetime) -> None:
        self._tx.run("UPDATE conversation_sessions SET planned_s = :planned, actual_s = :a, status = :s, "
                     "cards = :c, updated_at = :now WHERE id = :id",
                     {"planned": planned_s, "a": actual_s, "s": status, "c": json.dumps(list(cards)),
                      "now": stamp(now), "id": session_id})

    def rate(self, session_id: int, rating: int | None) -> None:
        self._tx.run("UPDATE conversation_sessions SET rating = :r WHERE id = :id", {"r": rating, "id": session_id})

    def link_entry(self, session_id: int, entry_id: int) -> None:
        self._tx.run("UPDATE conversation_sessions SET entry_id = :e WHERE id = :id",
                     {"e": entry_id, "id": session_id})

    def get(self, session_id: int) -> SessionRow | None:
        found = self._tx.one(f"{_SESSION} WHERE id = :id", {"id": session_id})
        return _row(found) if found is not None else None

    def recent(self, limit: int) -> list[SessionRow]:
        return [_row(r) for r in self._tx.rows(f"{_SESSION} ORDER BY started_at DESC, id DESC LIMIT :n",
                                               {"n": limit})]

    def between(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, float]]:
        rows = self._tx.rows("SELECT day, actual_s FROM conversation_sessions WHERE day BETWEEN :a AND :b",
                             {"a": first.isoformat(), "b": last.isoformat()})
        return [(dt.date.fromisoformat(str(day)), float(seconds)) for day, seconds in rows]

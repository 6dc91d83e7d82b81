"""The prompt history of one profile (migration v3), inside the encrypted database: ids, rounds, flags and times."""

from __future__ import annotations

import datetime as dt
from typing import Any

from intimacy_desktop.core.content import Depth, Prompt
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.core.prompt_picker import Mark
from intimacy_desktop.storage.sql import Tx, stamp

_UPSERT = """
INSERT INTO prompt_marks (prompt_id, layer, depth, seen_round, favourite, hidden, used_at, updated_at)
VALUES (:id, :layer, :depth, :seen_round, :favourite, :hidden, :used_at, :now)
ON CONFLICT (prompt_id) DO UPDATE SET seen_round = :seen_round, favourite = :favourite, hidden = :hidden,
    used_at = :used_at, updated_at = :now
"""


class PromptRepository:
    def __init__(self, tx: Tx) -> None:
        self._tx = tx

    def marks(self) -> dict[str, Mark]:
        rows = self._tx.rows("SELECT prompt_id, seen_round, favourite, hidden, used_at, depth, layer FROM prompt_marks")
        return {r[0]: Mark(r[0], int(r[1]), bool(r[2]), bool(r[3]), _when(r[4]), _depth(r[5]), _layer(r[6]))
                for r in rows}

    def rounds(self) -> dict[str, int]:
        return {str(d): int(r) for d, r in self._tx.rows("SELECT deck, round FROM prompt_decks")}

    def save(self, prompt: Prompt, mark: Mark) -> None:
        self._tx.run(_UPSERT, {
            "id": prompt.id, "layer": prompt.layer.value, "depth": prompt.depth.value, "seen_round": mark.seen_round,
            "favourite": int(mark.favourite), "hidden": int(mark.hidden),
            "used_at": stamp(mark.used_at) if mark.used_at else None, "now": stamp(dt.datetime.now()),
        })

    def set_round(self, deck: str, round_no: int) -> None:
        self._tx.run("INSERT INTO prompt_decks (deck, round) VALUES (:d, :r) "
                     "ON CONFLICT (deck) DO UPDATE SET round = :r", {"d": deck, "r": round_no})

    def used_times(self, since: dt.datetime) -> list[tuple[Layer, dt.datetime]]:
        rows = self._tx.rows("SELECT layer, used_at FROM prompt_marks WHERE used_at >= :since", {"since": stamp(since)})
        return [(layer, when) for layer, when in ((_layer(r[0]), _when(r[1])) for r in rows)
                if layer is not None and when is not None]

    def entry_times(self, since: dt.datetime) -> list[tuple[Layer, dt.datetime]]:
        """When journal entries about a layer were written (live ones only)."""
        rows = self._tx.rows(
            "SELECT layer, created_at FROM entries WHERE deleted_at IS NULL AND layer != 'none' AND created_at >= :s",
            {"s": stamp(since)},
        )
        return [(layer, when) for layer, when in ((_layer(r[0]), _when(r[1])) for r in rows)
                if layer is not None and when is not None]

    def setting(self, key: str) -> str | None:
        value = self._tx.scalar("SELECT value FROM settings WHERE key = :k", {"k": key})
        return None if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        self._tx.run("INSERT INTO settings (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE SET value = :v",
                     {"k": key, "v": value})


def _when(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _depth(value: Any) -> Depth | None:
    try:
        return Depth(value)
    except ValueError:
        return None


def _layer(value: Any) -> Layer | None:
    try:
        return Layer(value)
    except ValueError:
        return None

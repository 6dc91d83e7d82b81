"""Argon2id parameters as recorded in a vault header; kept apart from the crypto so the picker loads fast."""

from __future__ import annotations

from typing import NamedTuple

SALT_BYTES = 16


class KdfParams(NamedTuple):
    time_cost: int
    memory_kib: int
    parallelism: int
    name: str = "argon2id"

    def as_json(self) -> dict[str, object]:
        return dict(self._asdict())

    @classmethod
    def from_json(cls, data: object) -> KdfParams:
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise ValueError("unknown kdf")
        params = cls(
            time_cost=_positive_int(data.get("time_cost")),
            memory_kib=_positive_int(data.get("memory_kib")),
            parallelism=_positive_int(data.get("parallelism")),
        )
        # Bounds keep a tampered header from making one unlock attempt take minutes or gigabytes.
        if params.time_cost > 100 or params.memory_kib > 1024 * 1024 or params.parallelism > 16:
            raise ValueError("kdf parameters out of range")
        if params.memory_kib < 8 * params.parallelism:
            raise ValueError("kdf memory below Argon2's minimum")
        return params


def _positive_int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError("expected a positive integer")
    return value

"""Argon2id parameters as recorded in a vault header; kept apart from the crypto so the picker loads fast.

A header is plain text anyone with the folder can rewrite, so the parameters it asks for are bounded before any
derivation starts (DESIGN.md §4): at most ``MAX_MEMORY_KIB`` (512 MiB), 1 to ``MAX_PARALLELISM`` lanes, and a cost
model for time. Argon2id's work is ``time_cost`` passes over ``memory_kib``; this machine's Argon2id does about
1 GiB of passes a second on one core (the floor, 3 × 64 MiB, takes ~0.18 s). The model assumes a machine four times
slower, ``CONSERVATIVE_KIB_PER_SECOND`` = 256 MiB/s, and refuses what would take it more than ``MAX_UNLOCK_SECONDS``.
The two meet where calibration stops: ``MAX_TIME_COST`` passes over the floor's 64 MiB is exactly 10 s by the model,
and calibration chooses that only on a machine that runs it in about one second.
"""

from __future__ import annotations

from typing import NamedTuple

SALT_BYTES = 16

# The floor DESIGN.md sets for real profiles; calibration (crypto.calibrate) only ever goes up from here.
FLOOR_TIME_COST = 3
FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_PARALLELISM = 4
MAX_TIME_COST = 40  # calibration's ceiling

# What a header may ask for.
MAX_UNLOCK_SECONDS = 10
CONSERVATIVE_KIB_PER_SECOND = 256 * 1024
MAX_MEMORY_KIB = 512 * 1024
MAX_PARALLELISM = 16
MAX_HEADER_TIME_COST = 100  # no version has made more than MAX_TIME_COST


class KdfOutOfBounds(ValueError):
    """Well-formed parameters that ask for more work than this app ever sets: a tampered or damaged header."""


class KdfParams(NamedTuple):
    time_cost: int
    memory_kib: int
    parallelism: int
    name: str = "argon2id"

    def as_json(self) -> dict[str, object]:
        return dict(self._asdict())

    def estimated_seconds(self) -> float:
        """One derivation's time on the conservative machine of the cost model (see the module's text)."""
        return self.time_cost * self.memory_kib / CONSERVATIVE_KIB_PER_SECOND

    def at_or_above_floor(self) -> bool:
        return (
            self.time_cost >= FLOOR_TIME_COST
            and self.memory_kib >= FLOOR_MEMORY_KIB
            and self.parallelism >= FLOOR_PARALLELISM
        )

    @classmethod
    def from_json(cls, data: object) -> KdfParams:
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise ValueError("unknown kdf")
        params = cls(
            time_cost=_positive_int(data.get("time_cost")),
            memory_kib=_positive_int(data.get("memory_kib")),
            parallelism=_positive_int(data.get("parallelism")),
        )
        if params.memory_kib < 8 * params.parallelism:
            raise ValueError("kdf memory below Argon2's minimum")
        # Checked before any derivation: a tampered header must not make one attempt take minutes or gigabytes.
        if (
            params.memory_kib > MAX_MEMORY_KIB
            or params.parallelism > MAX_PARALLELISM
            or params.time_cost > MAX_HEADER_TIME_COST
            or params.estimated_seconds() > MAX_UNLOCK_SECONDS
        ):
            raise KdfOutOfBounds("kdf parameters out of bounds")
        return params


def _positive_int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError("expected a positive integer")
    return value

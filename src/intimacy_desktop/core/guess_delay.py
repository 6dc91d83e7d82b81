"""How long to wait after wrong passphrases or recovery codes: a growing delay that never locks anyone out for good.

Pure arithmetic over a count and the time of the last failure; storage/attempts.py keeps the two per profile, and
services/profiles.py asks before any key derivation. See DECISIONS "A growing delay after wrong guesses".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from intimacy_desktop.core.errors import AppError

# The codes that carry ``seconds``: the front ends count these down (and only these).
WAIT_CODES = frozenset({"passphrase_wait", "wrong_passphrase_wait", "recovery_code_wait", "wrong_recovery_code_wait"})


@dataclass(frozen=True)
class GuessPolicy:
    """``free`` failures cost nothing (slips happen); then each failure waits the next of ``steps`` (seconds), the
    last step repeating: with the defaults 5, 15, 30, 60, 120, then 300 s for ever, and a right secret starts over."""

    free: int = 3
    steps: tuple[float, ...] = (5, 15, 30, 60, 120, 300)

    @property
    def maximum(self) -> float:
        return max(self.steps, default=0)

    def delay_after(self, failures: int) -> float:
        """The wait that follows ``failures`` wrong guesses in a row."""
        if failures <= self.free or not self.steps:
            return 0
        return self.steps[min(failures - self.free - 1, len(self.steps) - 1)]

    def remaining(self, *, failures: int, last: float, now: float) -> float:
        """Seconds still to wait at ``now``. A ``last`` in the future (the clock was set back, or the file edited)
        counts as just now, so the wait is never longer than one step: at most ``maximum``."""
        delay = self.delay_after(failures)
        return max(0.0, delay - max(0.0, now - last))


def whole_seconds(remaining: float) -> int:
    """What a person is told: rounded up, so that "try again in 1 s" is never said when it is too early."""
    return math.ceil(remaining) if remaining > 0 else 0


def wait_seconds(error: AppError) -> int | None:
    """The seconds an error asks to wait, or None when it is not a wait."""
    if error.code not in WAIT_CODES:
        return None
    seconds = error.params.get("seconds")
    return seconds if isinstance(seconds, int) else None

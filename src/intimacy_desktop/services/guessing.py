"""The guessing delay around every attempt at a secret: asked before any key derivation, for the GUI and the CLI alike.

``GuessGuard.passphrase(folder, attempt)`` runs ``attempt`` (which derives the key) only when no delay runs for that
profile, and records the outcome: a wrong passphrase counts, the right one starts over, anything else (a locked
keyring, a damaged header) is given back. The recovery code has its own count (see DECISIONS "A growing delay
after wrong guesses"): the person who forgot the passphrase is exactly the one who needs it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from intimacy_desktop.core.errors import AppError, WrongPassphrase, WrongRecoveryCode
from intimacy_desktop.core.guess_delay import GuessPolicy, whole_seconds
from intimacy_desktop.storage.attempts import PASSPHRASE, RECOVERY, AttemptLog

T = TypeVar("T")
Make = Callable[[int], AppError]


class GuessGuard:
    def __init__(self, policy: GuessPolicy | None = None, clock: Callable[[], float] = time.time) -> None:
        self.policy = policy or GuessPolicy()
        self.clock = clock

    def passphrase(self, folder: Path, attempt: Callable[[], T]) -> T:
        return self._run(
            folder, PASSPHRASE, "wrong_passphrase", attempt,
            refused=lambda s: WrongPassphrase("passphrase_wait", seconds=s),
            wrong_then_wait=lambda s: WrongPassphrase("wrong_passphrase_wait", seconds=s),
        )

    def recovery_code(self, folder: Path, attempt: Callable[[], T]) -> T:
        return self._run(
            folder, RECOVERY, "wrong_recovery_code", attempt,
            refused=lambda s: WrongRecoveryCode("recovery_code_wait", seconds=s),
            wrong_then_wait=lambda s: WrongRecoveryCode("wrong_recovery_code_wait", seconds=s),
        )

    def _run(
        self, folder: Path, kind: str, wrong: str, attempt: Callable[[], T], *, refused: Make, wrong_then_wait: Make
    ) -> T:
        log = AttemptLog(folder, self.policy, self.clock)
        claim = log.claim(kind)
        if claim.wait > 0:
            raise refused(whole_seconds(claim.wait))  # before any Argon2 run: waiting costs nothing, hammering too
        try:
            result = attempt()
        except AppError as exc:
            if exc.code != wrong:
                log.release(claim)
                raise
            delay = log.failed(claim)
            if delay > 0:
                raise wrong_then_wait(whole_seconds(delay)) from exc  # said now, not at the next try
            raise
        except BaseException:
            log.release(claim)
            raise
        log.succeeded()
        return result

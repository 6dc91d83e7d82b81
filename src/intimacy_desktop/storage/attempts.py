"""unlock-attempts.json: how many wrong guesses in a row, and when the last was, beside vault.json.

Counts and times only, never a secret or a hint of one. It lives outside the encrypted database because it has to
be read before anything can be decrypted. The file is an aid, not a wall: anyone who can delete it can also copy
vault.json and run Argon2 elsewhere (that is what Argon2's cost is for). So a damaged, missing or unwritable file
never stops anyone: it reads as "no record" and the attempt goes on. A valid count is never lowered except by the
right secret, and every change happens under a lock on the profile folder, so two processes guessing at once
cannot both slip past one check.

A guess is counted *before* the key is derived (``claim``) and given back if the attempt turned out not to be a
guess (the keyring was locked, the code was mistyped): a guesser killed half-way has still spent a try.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from intimacy_desktop.core.errors import DiskFull
from intimacy_desktop.core.guess_delay import GuessPolicy
from intimacy_desktop.storage.fsutil import replace_file

try:
    import fcntl
except ImportError:  # Windows: one process at a time is the single-instance guard's job there
    fcntl = None  # type: ignore[assignment]

ATTEMPTS_NAME = "unlock-attempts.json"
PASSPHRASE = "passphrase"
RECOVERY = "recovery"  # its own count: the person who forgot the passphrase is the one who needs the code
KINDS = (PASSPHRASE, RECOVERY)
VERSION = 1
MAX_BYTES = 4096  # a valid file is under 200 bytes
MAX_FAILURES = 1_000_000  # beyond any real count; the delay stopped growing long before
LOCK_WAIT_S = 2.0  # a lock held this long belongs to a stuck process: go on without it

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Record:
    failures: int = 0
    last: float = 0.0  # wall-clock seconds (time.time()) of the last counted guess


@dataclass(frozen=True)
class Claim:
    kind: str
    wait: float  # > 0: refused, nothing counted; the front end says "try again in …"
    before: Record | None = None  # what the count was, to give back (release)
    counted: Record | None = None  # what this claim wrote


class AttemptLog:
    def __init__(self, folder: Path, policy: GuessPolicy, clock: Callable[[], float] = time.time) -> None:
        self.folder = folder
        self.path = folder / ATTEMPTS_NAME
        self._policy = policy
        self._clock = clock

    def claim(self, kind: str) -> Claim:
        """Refuse while a delay runs (``wait`` > 0, nothing written); otherwise count this guess now."""
        with self._locked():
            records = self._read()
            now = self._clock()
            rec = records.get(kind, Record())
            if rec.last > now:  # a time in the future: from now, so the wait is at most one step
                rec = records[kind] = Record(rec.failures, now)
                self._write(records)
            wait = self._policy.remaining(failures=rec.failures, last=rec.last, now=now)
            if wait > 0:
                return Claim(kind, wait)
            counted = records[kind] = Record(min(rec.failures + 1, MAX_FAILURES), now)
            self._write(records)
            return Claim(kind, 0.0, rec, counted)

    def failed(self, claim: Claim) -> float:
        """The guess was wrong: it stays counted, timed from now. Returns the delay that now applies."""
        with self._locked():
            records = self._read()
            rec = records.get(claim.kind, Record())
            failures = max(rec.failures, claim.counted.failures if claim.counted else 1)
            records[claim.kind] = Record(failures, self._clock())
            self._write(records)
            return self._policy.delay_after(failures)

    def release(self, claim: Claim) -> None:
        """The attempt was no guess (keyring locked, code mistyped, header damaged): give the count back."""
        if claim.counted is None:
            return
        with self._locked():
            records = self._read()
            rec = records.get(claim.kind)
            if rec is None:
                return
            if rec == claim.counted and claim.before is not None:  # nobody counted since: exactly as it was
                back = claim.before
            else:
                back = Record(max(rec.failures - 1, 0), rec.last)
            if back.failures:
                records[claim.kind] = back
            else:
                records.pop(claim.kind)
            self._write(records)

    def succeeded(self) -> None:
        """The right secret: both counts start over, and no file is left."""
        with self._locked():
            self._write({})

    # ---- the file ------------------------------------------------------------------------------------------
    def _read(self) -> dict[str, Record]:
        try:
            fd = os.open(self.path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | _CLOEXEC)
        except OSError:  # missing, a planted link, unreadable: no record
            return {}
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return {}
            data = os.read(fd, MAX_BYTES + 1)
        except OSError:
            return {}
        finally:
            os.close(fd)
        if len(data) > MAX_BYTES:
            return {}
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return {}
        if not isinstance(body, dict):
            return {}
        found = {kind: _record(body.get(kind)) for kind in KINDS}  # each kind on its own: one damaged, one kept
        return {kind: rec for kind, rec in found.items() if rec is not None}

    def _write(self, records: dict[str, Record]) -> None:
        """Atomically, privately, never through a link; a failure is logged by type and the attempt goes on."""
        if not records:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:  # a folder in its place, a read-only disk: nothing to keep, nothing to stop
                _log.warning("could not clear the unlock attempts: %s", type(exc).__name__)
            return
        body = {"version": VERSION} | {k: {"failures": r.failures, "last": r.last} for k, r in records.items()}
        data = json.dumps(body, sort_keys=True).encode("ascii")
        try:
            replace_file(self.path, data)  # a random name, O_EXCL|O_NOFOLLOW, renamed over a planted link
        except (OSError, DiskFull) as exc:
            _log.warning("could not record an unlock attempt: %s", type(exc).__name__)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        fd = _lock(self.folder)
        try:
            yield
        finally:
            if fd is not None:
                os.close(fd)  # closing drops the lock


def _record(value: object) -> Record | None:
    if not isinstance(value, dict):
        return None
    failures, last = value.get("failures"), value.get("last")
    if not isinstance(failures, int) or isinstance(failures, bool) or failures <= 0:
        return None
    if not isinstance(last, int | float) or isinstance(last, bool) or not math.isfinite(last):
        return None
    return Record(min(failures, MAX_FAILURES), float(last))


def _lock(folder: Path) -> int | None:
    """An exclusive lock on the profile folder (flock on its descriptor), or None where there is none to have."""
    if fcntl is None:
        return None
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _CLOEXEC)
    except OSError:
        return None
    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                break
            time.sleep(0.01)
        except OSError:
            break
    os.close(fd)
    _log.warning("unlock attempts recorded without the folder lock")
    return None

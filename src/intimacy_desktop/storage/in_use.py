"""Who has a profile's database open: a shared lock while it is open, an exclusive one to replace it.

Every open ``Database`` (the window, each CLI command) holds a shared ``flock`` on ``journal.db-users``, an empty
file in the profile's folder, for as long as it is open. Replacing the database file (re-keying it under a new key,
DEK) needs the exclusive lock: a process still holding the old file open would go on writing into a file that no
longer has a name, and those words would be lost. So the replacement waits for nobody; it is refused at once with a
plain sentence, and ordinary writes of two processes side by side stay as they were (SQLite serialises them).

Windows has no ``flock``; there, renaming over a file another process has open fails by itself, which refuses the
replacement just the same.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from intimacy_desktop.core.errors import UsageError
from intimacy_desktop.storage.fsutil import FILE_MODE, refuse_link

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

USERS_NAME = "journal.db-users"
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class InUse:
    """A held lock on a profile's database; ``release`` (or the process's end) lets it go."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)  # closing the descriptor drops its flock
            self._fd = None

    def downgrade(self) -> None:
        """From exclusive to shared, keeping the lock all along (others may open again)."""
        if self._fd is not None and fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_SH)


def shared(folder: Path) -> InUse:
    """Held for as long as the database is open. Waits only while someone is replacing the file (a re-key)."""
    fd = _open(folder)
    if fd is not None and fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)
        except OSError:
            os.close(fd)
            raise
    return InUse(fd)


def exclusive(folder: Path) -> InUse:
    """Only when nobody else has the database open; otherwise ``UsageError("profile_in_use")`` at once."""
    fd = _open(folder)
    if fd is not None and fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(fd)
            raise UsageError("profile_in_use") from exc
        except OSError:
            os.close(fd)
            raise
    return InUse(fd)


@contextlib.contextmanager
def exclusively(folder: Path) -> Iterator[None]:
    held = exclusive(folder)
    try:
        yield
    finally:
        held.release()


def _open(folder: Path) -> int | None:
    if fcntl is None:
        return None
    path = folder / USERS_NAME
    refuse_link(path)
    return os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC, FILE_MODE)

"""Private files on a shared computer: folders 0700, files 0600, headers replaced atomically.

Someone on the same OS account can plant a link at any fixed name in the data folder. So nothing here writes
through an existing name: a new file is made under a random name with O_CREAT|O_EXCL|O_NOFOLLOW and renamed over
the old one, which replaces a planted symbolic or hard link itself and never touches what it points at; a folder
that is a link is refused (``DataCorrupt("link_refused")``) rather than written into.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from intimacy_desktop.core.errors import DataCorrupt, DiskFull

DIR_MODE = 0o700
FILE_MODE = 0o600
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # Windows has no O_NOFOLLOW; creating a link there needs privileges
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_PATH_ONLY = getattr(os, "O_PATH", 0)  # Linux: a descriptor for the name only, no reading, no lock effects
_PROC_FD = Path("/proc/self/fd")


def refuse_link(path: Path) -> None:
    """A link where the app keeps its own file or folder: refused, so no write follows it out of the data folder."""
    if path.is_symlink():
        raise DataCorrupt("link_refused", name=path.name)


def ensure_private_dir(path: Path, *, allow_link: bool = False) -> Path:
    """``path`` as a folder only we can read. ``allow_link`` is for the data folder itself, which the person may
    have chosen to keep elsewhere through a link; every folder inside it must be a real one."""
    if not allow_link:
        refuse_link(path)
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if not allow_link:
        refuse_link(path)  # planted between the two looks: still refused before anything is written in it
    with contextlib.suppress(OSError):  # not ours to chmod (e.g. a shared parent): leave it
        os.chmod(path, DIR_MODE)
    return path


def restrict_file(path: Path) -> None:
    """Make ``path`` 0600 without following a link (a chmod through a planted link would change another file).

    Never by opening the file for reading: closing any descriptor of a file drops every POSIX lock this process
    holds on it, and SQLite's locks on journal.db, -wal and -shm are POSIX locks. Without them another process
    (the CLI beside the window) takes itself for the last user, checkpoints and deletes the log under our feet.
    On Linux an ``O_PATH`` descriptor carries no such effect, and chmod goes through /proc/self/fd."""
    if _PATH_ONLY and _PROC_FD.is_dir():
        try:
            fd = os.open(path, _PATH_ONLY | _NOFOLLOW | _CLOEXEC)
        except OSError:
            return  # gone: nothing of ours to restrict
        try:
            os.chmod(_PROC_FD / str(fd), FILE_MODE)  # a link itself (opened with O_NOFOLLOW) refuses: left alone
        except OSError:
            pass
        finally:
            os.close(fd)
        return
    try:
        if path.is_symlink() or not path.exists():
            return
        os.chmod(path, FILE_MODE)  # Windows: only the read-only flag; no links there without privileges
    except OSError:
        return


def create_private_file(path: Path) -> int:
    """A new file at ``path``, 0600, for writing; fails if anything (a link included) is already there."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, FILE_MODE)


def replace_file(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Put ``data`` at ``path`` by writing a new file under a random name beside it and renaming it over ``path``:
    a crash leaves the old or the new file, never half of one, and a link at ``path`` is replaced, not followed.
    ``durable=False`` skips the fsyncs, for records that may lag (the commit counter)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        fd = create_private_file(tmp)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        if durable:
            fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno == errno.ENOSPC:
            raise DiskFull() from exc
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` durably (the header)."""
    replace_file(path, data)


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

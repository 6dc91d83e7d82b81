"""Re-encrypt a profile's database under a new key (DEK), so that an old header and an old secret open nothing new.

A new DEK is made whenever a secret is replaced (recovery, a passphrase change, a new recovery code; DESIGN.md §4).
The database is copied, not re-keyed in place: ``sqlcipher_export`` writes every row into ``journal.db.next`` under
the new key, the copy is checked and made durable, and only then does the new header (which wraps the new key) take
the old one's place. That rename of ``vault.json`` is the moment of the change; the copy is renamed over
``journal.db`` right after. A crash (kill -9, power loss) at any point leaves one of two states that ``settle`` puts
right on the next open, with whichever key the header then gives:

- the header still wraps the old key: ``journal.db`` opens with it; a ``journal.db.next`` is an unfinished copy
  under a key nobody holds, and is removed;
- the header wraps the new key: ``journal.db.next`` opens with it and is renamed into place (a repeated rename is
  harmless); ``journal.db`` was the old copy.

Either way the old key or the new one opens the data, never neither, and nothing committed is lost: the database is
closed (its log checkpointed) before the copy starts, and nobody else can have it open (storage/in_use.py).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from intimacy_desktop.core.errors import DataCorrupt, DiskFull, UsageError
from intimacy_desktop.storage.fsutil import create_private_file, fsync_dir, refuse_link
from intimacy_desktop.storage.secret_bytes import hex_pragma, wipe, wipe_immutable
from intimacy_desktop.storage.sql import connect

DB_NAME = "journal.db"
NEXT_NAME = "journal.db.next"
NEXT_JOURNAL = "journal.db.next-journal"  # SQLite's rollback journal of the copy while it is being written
_PROGRESS_EVERY = 1_000  # SQLite VM steps between two looks at the copy's size (about 10 per MB)

Progress = Callable[[float], None]


def export(folder: Path, old_dek: bytes | bytearray, new_dek: bytes | bytearray, progress: Progress | None) -> int:
    """Write ``journal.db.next``: every table of ``journal.db`` under ``new_dek``, checked against the original and
    flushed to disk; returns the database's commit counter. The database must be closed by everyone (its log
    checkpointed): the caller holds it exclusively."""
    source, target = folder / DB_NAME, folder / NEXT_NAME
    abandon(folder)  # a copy a crash left, and its rollback journal, which would otherwise be played into this one
    refuse_link(source)
    wal = folder / f"{DB_NAME}-wal"
    if wal.exists() and wal.stat().st_size > 0:
        raise UsageError("profile_in_use")  # someone's writes are still in the log: never copy around them
    os.close(create_private_file(target))  # 0600 from the start, and never through a planted link
    total = max(source.stat().st_size, 1)
    conn = _connect(source, old_dek)
    try:
        if progress is not None:
            conn.set_progress_handler(lambda: _report(progress, target, total), _PROGRESS_EVERY)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        _attach_next(conn, target, new_dek)
        conn.execute("SELECT sqlcipher_export('next')")
        conn.execute(f"PRAGMA next.user_version = {version}")
        conn.set_progress_handler(None, 0)
        expected = _fingerprint(conn)
        row = conn.execute("SELECT value FROM main.settings WHERE key = 'commit_seq'").fetchone()
        seq = int(row[0]) if row else 0
        conn.execute("DETACH DATABASE next")
    except Exception as exc:
        conn.close()
        abandon(folder)
        raise _translate(exc) from exc
    conn.close()
    try:
        check = _connect(target, new_dek)
        try:
            ok = check.execute("PRAGMA quick_check").fetchall() == [("ok",)] and _fingerprint(check) == expected
        finally:
            check.close()
        if not ok:
            raise DataCorrupt("rekey_unverified")
        _fsync(target)
        fsync_dir(folder)
    except BaseException as exc:
        abandon(folder)
        if isinstance(exc, Exception) and not isinstance(exc, DataCorrupt):
            raise _translate(exc) from exc
        raise
    if progress is not None:
        progress(1.0)
    return seq


def finish(folder: Path) -> None:
    """After the new header is in place: the copy becomes ``journal.db``. The old file's logs are gone (closed)."""
    for suffix in ("-wal", "-shm"):
        _remove(folder / f"{DB_NAME}{suffix}")
    os.replace(folder / NEXT_NAME, folder / DB_NAME)
    fsync_dir(folder)


def abandon(folder: Path) -> None:
    """Before the new header was written: the copy is of no use to anyone."""
    _remove(folder / NEXT_NAME)
    _remove(folder / NEXT_JOURNAL)


def settle(folder: Path, dek: bytes | bytearray) -> None:
    """Finish or undo a re-key a crash interrupted, with the key the current header gives (see the module's text).

    The caller holds the database exclusively. Nothing is removed unless the other file opens with ``dek``."""
    target = folder / NEXT_NAME
    if not target.exists():
        return
    refuse_link(target)
    if not (folder / NEXT_JOURNAL).exists() and _opens(target, dek):  # a finished copy leaves no journal
        finish(folder)
    elif _opens(folder / DB_NAME, dek):
        abandon(folder)
    # neither opens with this key: leave both as they are; the open that follows reports the damage


def _opens(path: Path, dek: bytes | bytearray) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return False
    try:
        conn = _connect(path, dek)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except Exception:
        return False
    return True


def _connect(path: Path, dek: bytes | bytearray) -> Any:
    return connect(path, dek, pragmas=("PRAGMA secure_delete = ON", "PRAGMA temp_store = MEMORY"))


def _attach_next(conn: Any, target: Path, dek: bytes | bytearray) -> None:
    attach(conn, target, dek, "next")


def attach(conn: Any, target: Path, dek: bytes | bytearray | None, alias: str) -> None:
    """ATTACH a copy under its key (None: the main database's own), the raw-key text built in a bytearray and
    overwritten after use. ``alias`` is one of our own names, never input."""
    if dek is None:
        conn.execute(f"ATTACH DATABASE ? AS {alias}", (str(target),))
        return
    raw = hex_pragma(dek)
    key = raw.decode("ascii")
    wipe(raw)
    try:
        conn.execute(f"ATTACH DATABASE ? AS {alias} KEY ?", (str(target), key))
    finally:
        wipe_immutable(key)


def _fingerprint(conn: Any) -> list[tuple[str, int]]:
    """Each table's name and row count: what a faithful copy must have the same of."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    ]
    counts = []
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'  # our own schema's names, quoted all the same
        counts.append((name, int(conn.execute(f"SELECT count(*) FROM main.{quoted}").fetchone()[0])))  # noqa: S608
    return counts


def _report(progress: Progress, target: Path, total: int) -> int:
    with contextlib.suppress(OSError):
        progress(min(0.99, target.stat().st_size / total))
    return 0  # go on


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _translate(exc: Exception) -> Exception:
    text = str(exc).lower()
    if "full" in text or getattr(exc, "errno", None) == 28:
        return DiskFull()
    if any(s in text for s in ("not a database", "malformed", "corrupt", "disk i/o", "hmac")):
        return DataCorrupt()
    return exc

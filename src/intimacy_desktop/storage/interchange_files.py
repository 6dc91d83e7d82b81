"""The files of an import and an export: read what a person offers within limits, write what they asked for safely.

Reading (the formats themselves are parsed, purely, in core/import_*.py):
- one file (a Day One .json or .zip, a jrnl .json) is read whole, refused above ``MAX_FILE_BYTES`` before reading;
- a folder of notes is walked without following links (a link could lead anywhere on the disk), hidden files and
  folders skipped, at most ``MAX_DEPTH`` levels and ``MAX_FILES`` notes; each file's date when it says none is its
  modification day.

Writing: an export is plaintext by the person's choice, in the place they chose, and nowhere else. It is written
under a temporary name beside its target (never the system's temporary folder), 0600 from the first byte (0700 for
a folder), and renamed into place when complete; an existing file or folder is never replaced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path

from intimacy_desktop.core import interchange as ix
from intimacy_desktop.core.errors import DiskFull, ImportRefused, UsageError
from intimacy_desktop.storage.fsutil import create_private_file, fsync_dir

NOTE_SUFFIXES = (".md", ".markdown", ".txt")


def read_file(path: Path) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ImportRefused("import_not_a_file")
        if info.st_size > ix.MAX_FILE_BYTES:
            raise ImportRefused("import_too_large", mib=ix.MAX_FILE_BYTES // ix.MIB)
        with open(path, "rb") as fh:
            data = fh.read(ix.MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImportRefused("import_unreadable") from exc
    if len(data) > ix.MAX_FILE_BYTES:  # it grew while we looked
        raise ImportRefused("import_too_large", mib=ix.MAX_FILE_BYTES // ix.MIB)
    return data


def read_notes(folder: Path) -> tuple[list[tuple[str, bytes]], dict[str, dt.date]]:
    """The notes under ``folder`` (or ``folder`` itself, one note) as (relative posix path, bytes), and their
    modification days."""
    if folder.is_file():
        data = read_file(folder)
        return [(folder.name, data)], {folder.name: _mtime_day(folder)}
    if not folder.is_dir():
        raise ImportRefused("import_unreadable")
    found: list[tuple[str, bytes]] = []
    days: dict[str, dt.date] = {}
    total = 0
    for path, rel in _walk(folder):
        try:
            size = path.lstat().st_size
            if size > ix.MAX_TEXT_FILE_BYTES:
                raise ImportRefused("import_file_too_large", name=ix.shown(rel), mib=ix.MAX_TEXT_FILE_BYTES // ix.MIB)
            total += size
            if total > ix.MAX_UNCOMPRESSED:
                raise ImportRefused("import_too_large", mib=ix.MAX_UNCOMPRESSED // ix.MIB)
            with open(path, "rb", opener=_nofollow) as fh:
                data = fh.read(ix.MAX_TEXT_FILE_BYTES + 1)
        except OSError as exc:
            raise ImportRefused("import_unreadable") from exc
        found.append((rel, data))
        days[rel] = _mtime_day(path)
    return found, days


def _walk(root: Path) -> Iterable[tuple[Path, str]]:
    count = 0
    stack: list[tuple[Path, str, int]] = [(root, "", 0)]
    while stack:
        folder, prefix, depth = stack.pop()
        try:
            children = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            raise ImportRefused("import_unreadable") from exc
        for child in children:
            if child.name.startswith(".") or child.is_symlink():
                continue
            rel = f"{prefix}{child.name}"
            if child.is_dir(follow_symlinks=False):
                if depth + 1 > ix.MAX_DEPTH:
                    raise ImportRefused("import_too_deep", name=ix.shown(rel), max=ix.MAX_DEPTH)
                stack.append((Path(child.path), rel + "/", depth + 1))
            elif child.is_file(follow_symlinks=False) and child.name.lower().endswith(NOTE_SUFFIXES):
                count += 1
                if count > ix.MAX_FILES:
                    raise ImportRefused("import_too_many_files", max=ix.MAX_FILES)
                yield Path(child.path), rel


def _nofollow(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))


def _mtime_day(path: Path) -> dt.date:
    try:
        return dt.date.fromtimestamp(path.stat().st_mtime)
    except (OSError, OverflowError, ValueError):
        return dt.date.today()


# ---- writing ----------------------------------------------------------------------------------------------------
def _refuse_existing(out: Path) -> None:
    if out.exists() or out.is_symlink():
        raise UsageError("export_exists", name=out.name)
    if not out.parent.is_dir():
        raise UsageError("export_folder_missing")


def write_file(out: Path, data: bytes) -> None:
    """``data`` at ``out``, complete or not at all."""
    _refuse_existing(out)
    tmp = out.with_name(f".{out.name}.{os.urandom(6).hex()}.tmp")
    try:
        fd = create_private_file(tmp)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _claim(tmp, out)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        _raise_mapped(exc)
        raise


def write_folder(out: Path, files: Iterable[tuple[str, str]]) -> int:
    """A new folder ``out`` holding ``files`` (plain names, no folders), in the order given; returns how many."""
    _refuse_existing(out)
    tmp = out.with_name(f".{out.name}.{os.urandom(6).hex()}.tmp")
    count = 0
    try:
        os.mkdir(tmp, 0o700)
        for name, text in files:
            if "/" in name or "\\" in name or name in ("", ".", ".."):
                raise UsageError("invalid_request")  # our own names; a guard, not a rule a person meets
            fd = create_private_file(tmp / name)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            count += 1
        fsync_dir(tmp)
        _claim(tmp, out)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        _raise_mapped(exc)
        raise
    return count


def _claim(tmp: Path, out: Path) -> None:
    """Rename into place, refusing a name taken in the meantime (``os.replace`` would take it over)."""
    if out.exists() or out.is_symlink():
        raise UsageError("export_exists", name=out.name)
    os.rename(tmp, out)
    fsync_dir(out.parent)


def _raise_mapped(exc: BaseException) -> None:
    """A full disk or a folder we may not write in, in the words a person reads; anything else as it was."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        raise DiskFull() from exc
    if isinstance(exc, PermissionError):
        raise UsageError("export_not_writable") from exc

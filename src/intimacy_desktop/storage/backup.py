"""What a backup holds, and how it is written, read back and checked (the container is storage/backup_stream.py).

Inside the encrypted stream:

    u64 manifest length | manifest JSON | for each file of each item: its bytes, then their SHA-256 (32 bytes)

An item is one vault, in one of two forms:

- ``profile``: a snapshot of an open profile's database, copied row by row (``sqlcipher_export``) under a key made
  for this backup, which the manifest carries. It restores with the backup passphrase alone, on any machine, into
  a new profile with a new passphrase, a new key and a new recovery code.
- ``sealed``: a vault's own files (``vault.json`` and its database, still under its own key), for a backup of every
  vault on the computer made without everyone's passphrase. It restores as it was, and opens as before: with its
  passphrase where its keyring secret is, and with its recovery code on a new machine.

Nothing here is ever written in plaintext: the snapshots are SQLCipher files, the stream is sealed chunk by chunk,
and temporary files are made 0600 with O_EXCL inside the app's own private folders.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import struct
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from glob import escape as glob_escape
from pathlib import Path
from typing import BinaryIO

from intimacy_desktop.core.errors import DataCorrupt, DiskFull, UsageError
from intimacy_desktop.storage import backup_stream as bs
from intimacy_desktop.storage.fsutil import create_private_file, fsync_dir

Progress = Callable[[float], None]
KIND_PROFILE = "profile"
KIND_SEALED = "sealed"
_U64 = struct.Struct(">Q")
_MAX_MANIFEST = 1 << 20
_SAFE_NAMES = frozenset({"vault.json", "journal.db", "journal.db-wal", "journal.db-seq"})
_COPY = 1 << 20


@dataclass(frozen=True)
class FileRecord:
    name: str
    size: int


@dataclass(frozen=True)
class BackupItem:
    kind: str
    vault_id: str
    label: str
    created: str
    files: tuple[FileRecord, ...]
    entries: int | None = None  # counted in the snapshot; a sealed vault cannot be counted without its key
    snapshot_key: bytes | None = field(default=None, repr=False)
    folder: str | None = None  # a hidden profile's folder name (its header holds no real name): restored as it was

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "vault_id": self.vault_id,
            "label": self.label,
            "created": self.created,
            "entries": self.entries,
            "snapshot_key": self.snapshot_key.hex() if self.snapshot_key is not None else None,
            "files": [{"name": f.name, "size": f.size} for f in self.files],
            "folder": self.folder,
        }

    @classmethod
    def from_json(cls, data: object) -> BackupItem:
        if not isinstance(data, dict):
            raise ValueError("item")
        files = tuple(FileRecord(str(f["name"]), int(f["size"])) for f in data["files"])
        if any(f.name not in _SAFE_NAMES or f.size < 0 for f in files):
            raise ValueError("file name")  # names come from inside a sealed file, but never trust them as paths
        key = data.get("snapshot_key")
        kind = str(data["kind"])
        if kind not in (KIND_PROFILE, KIND_SEALED) or (kind == KIND_PROFILE) != isinstance(key, str):
            raise ValueError("kind")
        entries = data.get("entries")
        folder = data.get("folder")
        if folder is not None and (not isinstance(folder, str) or not re.fullmatch(r"h-[0-9a-f]{24}", folder)):
            raise ValueError("folder")
        return cls(kind, str(data["vault_id"]), str(data["label"]), str(data["created"]), files,
                   int(entries) if isinstance(entries, int) else None,
                   bytes.fromhex(key) if isinstance(key, str) else None, folder)


@dataclass(frozen=True)
class Manifest:
    created: str
    app_version: str
    items: tuple[BackupItem, ...]

    def to_bytes(self) -> bytes:
        body = {"created": self.created, "app": self.app_version, "items": [i.to_json() for i in self.items]}
        return json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def parse(cls, data: bytes) -> Manifest:
        try:
            body = json.loads(data.decode("utf-8"))
            return cls(str(body["created"]), str(body["app"]), tuple(BackupItem.from_json(i) for i in body["items"]))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise DataCorrupt("backup_damaged") from exc

    @property
    def total_bytes(self) -> int:
        return sum(f.size for item in self.items for f in item.files)


@dataclass(frozen=True)
class Source:
    """One item to write, and the files on disk its records name (in the same order)."""

    item: BackupItem
    paths: tuple[Path, ...]


def write(out: Path, header: bs.BackupHeader, pass_key: bytes | bytearray, manifest: Manifest,
          sources: Sequence[Source], progress: Progress | None = None) -> None:
    """Write the backup under a temporary name beside ``out``, read it all back and check it, then rename it into
    place: a crash or a failed check leaves no file at ``out`` (an existing one is never replaced)."""
    if out.exists() or out.is_symlink():
        raise UsageError("backup_exists", name=out.name)
    _remove_stale(out)
    tmp = out.with_name(f".{out.name}.{os.urandom(6).hex()}.tmp")
    total = max(manifest.total_bytes, 1) * 2  # written once, read back once
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(min(0.99, done / total))

    try:
        fd = create_private_file(tmp)
        with os.fdopen(fd, "wb") as fh:
            writer = bs.StreamWriter(fh, header, pass_key)
            data = manifest.to_bytes()
            writer.write(_U64.pack(len(data)) + data)
            for source in sources:
                for record, path in zip(source.item.files, source.paths, strict=True):
                    _copy_in(writer, path, record, advance)
            writer.close()
            fh.flush()
            os.fsync(fh.fileno())
        read_all(tmp, pass_key, on_bytes=advance)  # the check: every chunk opens, every file's hash matches
        os.replace(tmp, out)
        fsync_dir(out.parent)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and exc.errno == 28:
            raise DiskFull() from exc
        raise
    if progress is not None:
        progress(1.0)


def _remove_stale(out: Path) -> None:
    """Half-written temporary files a crash left beside ``out`` (encrypted, but of no use to anyone)."""
    with contextlib.suppress(OSError):
        for stale in out.parent.glob(f".{glob_escape(out.name)}.*.tmp"):
            if stale.is_file() and not stale.is_symlink():
                stale.unlink()


def _copy_in(writer: bs.StreamWriter, path: Path, record: FileRecord, advance: Callable[[int], None]) -> None:
    digest = hashlib.sha256()
    left = record.size
    with open(path, "rb") as src:
        while left > 0:
            block = src.read(min(_COPY, left))
            if not block:
                raise DataCorrupt("backup_source_changed")
            digest.update(block)
            writer.write(block)
            left -= len(block)
            advance(len(block))
    writer.write(digest.digest())


def read_header(path: Path) -> bs.BackupHeader:
    """The public header alone (created, parameters): what a list of backups shows without a passphrase."""
    with open(path, "rb") as fh:
        return bs.read_header(fh)[0]


def derive_key(path: Path, passphrase: str) -> bytearray:
    """The passphrase key for this file, checked against it (``WrongPassphrase`` when it is not the one)."""
    header = read_header(path)
    key = bs.passphrase_key(passphrase, header.kdf, header.kdf_salt)
    bs.check_key(header, key)
    return key


@contextlib.contextmanager
def _plain(path: Path, pass_key: bytes | bytearray) -> Iterator[tuple[Manifest, bs.PlainReader]]:
    with open(path, "rb") as fh:
        header, header_bytes = bs.read_header(fh)
        reader = bs.PlainReader(bs.chunks(fh, header, header_bytes, pass_key))
        (length,) = _U64.unpack(reader.read(_U64.size))
        if length > _MAX_MANIFEST:
            raise DataCorrupt("backup_damaged")
        yield Manifest.parse(reader.read(length)), reader


def read_all(path: Path, pass_key: bytes | bytearray, *, on_bytes: Callable[[int], None] | None = None,
             extract_to: Callable[[BackupItem, FileRecord], BinaryIO | None] | None = None) -> Manifest:
    """Read the whole backup, checking every chunk and every file's hash; ``extract_to`` may give a file to copy
    an item's file into (or None to skip it). A damaged, cut, reordered or extended backup raises ``DataCorrupt``."""
    with _plain(path, pass_key) as (manifest, reader):
        for item in manifest.items:
            for record in item.files:
                target = extract_to(item, record) if extract_to is not None else None
                digest = hashlib.sha256()
                left = record.size
                while left > 0:
                    block = reader.read(min(_COPY, left))
                    digest.update(block)
                    if target is not None:
                        target.write(block)
                    left -= len(block)
                    if on_bytes is not None:
                        on_bytes(len(block))
                if reader.read(32) != digest.digest():
                    raise DataCorrupt("backup_damaged")
        if not reader.at_end():
            raise DataCorrupt("backup_damaged")
    return manifest


def extract(path: Path, pass_key: bytes | bytearray, item_id: str, folder: Path) -> tuple[BackupItem, list[Path]]:
    """Copy one item's files into ``folder`` (private, new files only), checking the whole backup on the way."""
    opened: list[tuple[Path, BinaryIO]] = []
    found: list[BackupItem] = []

    def to_file(item: BackupItem, record: FileRecord) -> BinaryIO | None:
        if item.vault_id != item_id:
            return None
        if not found:
            found.append(item)
        target = folder / record.name
        fh = os.fdopen(create_private_file(target), "wb")
        opened.append((target, fh))
        return fh

    try:
        read_all(path, pass_key, extract_to=to_file)
        for _, fh in opened:
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        for _, fh in opened:
            fh.close()
    if not found:
        raise UsageError("backup_item_missing")
    return found[0], [p for p, _ in opened]


def read_manifest(path: Path, pass_key: bytes | bytearray) -> Manifest:
    """Only the manifest (what is inside), without reading the files: cheap, and checked as far as it goes."""
    with _plain(path, pass_key) as (found, _reader):
        return found

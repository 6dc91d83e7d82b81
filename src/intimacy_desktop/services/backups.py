"""Backups: write one (a profile, or every vault on the computer), check one, list them, restore from one.

The formats are storage/backup.py's. The rules a person can rely on:

- A backup is written under a temporary name, read back in full and checked, and only then given its name.
- A restore never replaces anything: it makes a new profile beside the others (a taken name is refused and another
  one asked for), staged in a private folder outside the list of profiles and moved in by one rename at the end.
  A crash or a failure before that rename leaves the profiles exactly as they were; the next restore clears what
  was left in the staging folder.
- A profile restored from its snapshot gets a new passphrase (the person's choice), a new key and a new recovery
  code: the backup's own key opens nothing written afterwards.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from intimacy_desktop import __version__
from intimacy_desktop.core.errors import AppError, DataCorrupt, ProfileExists, UsageError
from intimacy_desktop.core.input_rules import check_profile_label
from intimacy_desktop.paths import profiles_dir
from intimacy_desktop.storage import backup, in_use, rekey
from intimacy_desktop.storage import backup_stream as bs
from intimacy_desktop.storage.fsutil import ensure_private_dir, fsync_dir
from intimacy_desktop.storage.header import HEADER_NAME, read_header
from intimacy_desktop.storage.kdf_params import SALT_BYTES
from intimacy_desktop.storage.secret_bytes import wipe

if TYPE_CHECKING:
    from intimacy_desktop.services.profiles import ProfileInfo, ProfileService, UnlockedProfile
    from intimacy_desktop.storage.kdf_params import KdfParams

Progress = backup.Progress
SUFFIX = ".idbackup"
STAGING = "restoring"  # inside the data folder, beside the profiles: never listed as one


@dataclass(frozen=True)
class BackupFile:
    path: Path
    created: str
    size: int


@dataclass(frozen=True)
class Restored:
    info: ProfileInfo
    recovery_code: str | None  # a new one for a profile restored from its snapshot; None for a sealed vault

    def __repr__(self) -> str:
        return f"Restored(folder={self.info.folder.name!r}, recovery_code=<hidden>)"


class BackupService:
    def __init__(self, profiles: ProfileService, kdf: KdfParams | None = None) -> None:
        self._profiles = profiles
        self._kdf = kdf  # None: calibrate like a profile's passphrase (tests pass fast parameters)

    @property
    def kdf(self) -> KdfParams | None:
        return self._kdf

    @property
    def data_dir(self) -> Path:
        return self._profiles.data_dir

    # ---- writing --------------------------------------------------------------------------------------------
    def create(self, out: Path, passphrase: str, profile: UnlockedProfile, *, progress: Progress | None = None,
               pass_key: tuple[KdfParams, bytes, bytearray] | None = None) -> backup.Manifest:
        """A backup of one open profile: restorable anywhere with ``passphrase`` alone. ``pass_key``: a derived
        key kept for scheduled backups (kdf, salt, key) instead of the passphrase."""
        return self._write(out, passphrase, [profile], [], progress, pass_key)

    def create_all(self, out: Path, passphrase: str, *, open_profile: UnlockedProfile | None = None,
                   progress: Progress | None = None) -> backup.Manifest:
        """Every vault of this data folder, each as its sealed files (no other passphrase needed); the open
        profile, if any, too (copied under its own key while it stays open)."""
        others = [f for f in self._profiles.vault_folders()
                  if open_profile is None or f != open_profile.info.folder]
        return self._write(out, passphrase, [open_profile] if open_profile else [], others, progress, None,
                           open_sealed=True)

    def _write(self, out: Path, passphrase: str, open_profiles: list[UnlockedProfile], closed: list[Path],
               progress: Progress | None, pass_key: tuple[KdfParams, bytes, bytearray] | None,
               *, open_sealed: bool = False) -> backup.Manifest:
        from intimacy_desktop.storage import crypto

        out = out.expanduser().absolute()
        if out.exists():
            raise UsageError("backup_exists", name=out.name)
        if pass_key is None:
            kdf = self._kdf or crypto.calibrate()
            salt = secrets.token_bytes(SALT_BYTES)
            key = bs.passphrase_key(passphrase, kdf, salt)
        else:
            kdf, salt, key = pass_key[0], pass_key[1], bytearray(pass_key[2])
        root = self._staging_root()
        _clear_leftovers(root)
        scratch = ensure_private_dir(ensure_private_dir(root) / f"backup-{secrets.token_hex(6)}")
        holds: list[in_use.InUse] = [in_use.shared(scratch)]  # tells a cleaner in another process it is in use
        try:
            sources = [self._snapshot(p, scratch, sealed=open_sealed) for p in open_profiles]
            for folder in closed:
                try:
                    read_header(folder)
                except AppError:
                    continue  # a damaged header is left out (the picker shows it as damaged)
                holds.append(in_use.exclusive(folder))  # nobody writes while its files are copied
                sources.append(_sealed(folder))
            created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            manifest = backup.Manifest(created, __version__, tuple(s.item for s in sources))
            backup.write(out, bs.new_header(kdf, salt, key), key, manifest, sources, progress)
            return manifest
        finally:
            for hold in holds:
                hold.release()
            shutil.rmtree(scratch, ignore_errors=True)
            wipe(key)

    def _snapshot(self, profile: UnlockedProfile, scratch: Path, *, sealed: bool) -> backup.Source:
        from intimacy_desktop.storage import crypto

        header = profile.header
        folder = scratch / header.vault_id
        ensure_private_dir(folder)
        target = folder / "journal.db"
        if sealed:  # under the vault's own key, beside its header: restores as the same vault
            # The header first: the seen_seq it records must not run ahead of the copy (it would look rolled back).
            shutil.copyfile(profile.info.folder / HEADER_NAME, folder / HEADER_NAME)
            entries, seq = profile.export_copy(target, None)
            (folder / "journal.db-seq").write_text(str(seq), encoding="ascii")
            paths = (folder / HEADER_NAME, target, folder / "journal.db-seq")
            item = _item(backup.KIND_SEALED, header, paths, entries=entries)
            return backup.Source(replace(item, folder=_hidden(profile.info.folder)), paths)
        key = crypto.random_key()
        entries, _seq = profile.export_copy(target, key)
        item = _item(backup.KIND_PROFILE, header, (target,), entries=entries, key=key)
        hidden = _hidden(profile.info.folder)  # restored hidden again, under the name typed to open it
        return backup.Source(replace(item, label=profile.info.label, folder=hidden), (target,))

    # ---- reading --------------------------------------------------------------------------------------------
    def verify(self, path: Path, passphrase: str, *, progress: Progress | None = None) -> backup.Manifest:
        """Read the whole file and check every part of it; ``DataCorrupt`` names what is wrong."""
        key = backup.derive_key(path, passphrase)
        try:
            manifest = backup.read_manifest(path, key)
            total = max(manifest.total_bytes, 1)
            seen = 0

            def on_bytes(n: int) -> None:
                nonlocal seen
                seen += n
                if progress is not None:
                    progress(min(1.0, seen / total))

            return backup.read_all(path, key, on_bytes=on_bytes)
        finally:
            wipe(key)

    def contents(self, path: Path, passphrase: str) -> backup.Manifest:
        key = backup.derive_key(path, passphrase)
        try:
            return backup.read_manifest(path, key)
        finally:
            wipe(key)

    @staticmethod
    def list_backups(folder: Path) -> list[BackupFile]:
        """The backup files in ``folder``, newest first, from their public headers (no passphrase, no names)."""
        found: list[BackupFile] = []
        if not folder.is_dir():
            return found
        for path in folder.iterdir():
            if path.suffix != SUFFIX or not path.is_file() or path.is_symlink():
                continue
            with contextlib.suppress(AppError, OSError):
                found.append(BackupFile(path, backup.read_header(path).created, path.stat().st_size))
        found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
        return found

    # ---- restoring ------------------------------------------------------------------------------------------
    def restore(self, path: Path, passphrase: str, *, item: str | None = None, label: str | None = None,
                new_passphrase: str | None = None, passphrase_only: bool = False) -> Restored:
        """Restore one vault of the backup (``item``: its name in the backup, needed when it holds several) as a
        new profile named ``label`` (default: its name in the backup)."""
        key = backup.derive_key(path, passphrase)
        try:
            manifest = backup.read_manifest(path, key)
            chosen = _choose(manifest, item)
            name = check_profile_label(label or chosen.label)
            if chosen.kind == backup.KIND_SEALED:
                self._refuse_present(chosen.vault_id)
            if any(not p.damaged and p.label.casefold() == name.casefold() for p in self._profiles.list_profiles()):
                raise ProfileExists(name=name)
            root = self._staging_root()
            _clear_leftovers(root)
            stage = ensure_private_dir(ensure_private_dir(root) / f"restore-{secrets.token_hex(6)}")
            hold = in_use.shared(stage)
            try:
                files = ensure_private_dir(stage / "files")
                backup.extract(path, key, chosen.vault_id, files)
                if chosen.kind == backup.KIND_SEALED:
                    return self._place_sealed(chosen, files, name)
                return self._place_snapshot(chosen, files, stage, name, new_passphrase, passphrase_only)
            finally:
                hold.release()
                shutil.rmtree(stage, ignore_errors=True)
        finally:
            wipe(key)

    def _place_snapshot(self, chosen: backup.BackupItem, files: Path, stage: Path, name: str,
                        new_passphrase: str | None, passphrase_only: bool) -> Restored:
        from intimacy_desktop.storage.vault import create_vault

        assert chosen.snapshot_key is not None
        store = None if passphrase_only else self._profiles.secret_store()
        from intimacy_desktop.services.profiles import HIDDEN_LABEL, hidden_folder_name

        folder = stage / "profile"
        hidden = chosen.folder is not None
        if hidden and new_passphrase is None:
            raise UsageError("hidden_needs_passphrase")
        created = create_vault(folder, HIDDEN_LABEL if hidden else name, new_passphrase, store, self._profiles.kdf)
        try:
            (files / "journal.db").rename(folder / "journal.db")
            rekey.export(folder, chosen.snapshot_key, created.dek, None)  # every row under the new key, checked
            rekey.finish(folder)
            info = self._move_in(folder, hidden_folder_name(name) if hidden else None, name if hidden else None)
        except BaseException:
            if store is not None:
                with contextlib.suppress(AppError, OSError):
                    store.delete(created.header.keyring_name)
            raise
        return Restored(info, created.recovery_code)

    def _place_sealed(self, chosen: backup.BackupItem, files: Path, name: str) -> Restored:
        header = read_header(files)  # checks it is a well-formed header before it is placed
        if header.vault_id != chosen.vault_id or not (files / "journal.db").is_file():
            raise DataCorrupt("backup_damaged")
        self._refuse_present(header.vault_id)
        if chosen.folder is None and name != header.label:
            raise UsageError("backup_sealed_name")  # its name is inside its header, sealed with its key
        return Restored(self._move_in(files, chosen.folder, name), None)

    def _refuse_present(self, vault_id: str) -> None:
        """The same vault is here already (perhaps under another name): restoring it twice would fork it."""
        for folder in self._profiles.vault_folders():
            try:
                header = read_header(folder)
            except AppError:
                continue  # a damaged header: not this vault, as far as anyone can tell
            if header.vault_id == vault_id:
                raise UsageError("backup_vault_present", name=header.label)

    def _move_in(self, folder: Path, name: str | None = None, label: str | None = None) -> ProfileInfo:
        root = ensure_private_dir(profiles_dir(ensure_private_dir(self.data_dir, allow_link=True)))
        final = root / (name or secrets.token_hex(8))
        if final.exists():
            raise UsageError("backup_vault_present", name=label or "")
        fsync_dir(folder)
        folder.rename(final)  # the one step that makes it a profile
        fsync_dir(root)
        if name is not None and label is not None:
            return self._profiles.find(label)
        for info in self._profiles.list_profiles():
            if info.folder == final:
                return info
        raise DataCorrupt("backup_damaged")

    def _staging_root(self) -> Path:
        return ensure_private_dir(self.data_dir, allow_link=True) / STAGING


def _choose(manifest: backup.Manifest, item: str | None) -> backup.BackupItem:
    if item is None:
        if len(manifest.items) != 1:
            raise UsageError("backup_choose_item", names=", ".join(i.label for i in manifest.items))
        return manifest.items[0]
    from intimacy_desktop.services.profiles import hidden_folder_name

    for candidate in manifest.items:
        if candidate.folder is None and candidate.label.casefold() == item.strip().casefold():
            return candidate
        if candidate.folder is not None and candidate.folder == hidden_folder_name(item):
            return replace(candidate, label=item.strip())  # its real name is the one typed
    raise UsageError("backup_item_missing")


def _item(kind: str, header: object, paths: tuple[Path, ...], *, entries: int | None,
          key: bytes | None = None) -> backup.BackupItem:
    from intimacy_desktop.storage.header import VaultHeader

    assert isinstance(header, VaultHeader)
    records = tuple(backup.FileRecord(p.name, p.stat().st_size) for p in paths)
    return backup.BackupItem(kind, header.vault_id, header.label, header.created, records, entries, key)


def _sealed(folder: Path) -> backup.Source:
    names = ["vault.json", "journal.db"] + [n for n in ("journal.db-wal", "journal.db-seq")
                                             if (folder / n).is_file() and (folder / n).stat().st_size > 0]
    paths = tuple(folder / n for n in names)
    item = _item(backup.KIND_SEALED, read_header(folder), paths, entries=None)
    return backup.Source(replace(item, folder=_hidden(folder)), paths)


def _hidden(folder: Path) -> str | None:
    from intimacy_desktop.services.profiles import HIDDEN_PREFIX

    return folder.name if folder.name.startswith(HIDDEN_PREFIX) else None


def _clear_leftovers(root: Path) -> None:
    """What a crashed backup or restore left: staged copies (encrypted) that never became a file or a profile.
    A folder another process is still working in holds a lock (storage/in_use.py) and is left alone."""
    if not root.is_dir():
        return
    for child in root.iterdir():
        with contextlib.suppress(OSError, AppError):
            if child.is_symlink() or not child.is_dir():
                continue
            with in_use.exclusively(child):
                shutil.rmtree(child)
